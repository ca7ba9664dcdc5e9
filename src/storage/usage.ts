import { isUsageEvent, type UsageEvent } from '../usage/usage-log.ts';
import { KEYS, type StorageArea } from './area.ts';

/** The usage record as stored; only the background writes it (background/usage-record.ts). */
export async function readUsageLog(area: StorageArea): Promise<UsageEvent[]> {
	const { [KEYS.usageLog]: value } = await area.get(KEYS.usageLog);
	return Array.isArray(value) ? value.filter(isUsageEvent) : [];
}
