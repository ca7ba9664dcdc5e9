import { isUsageEvent, type UsageEvent } from '../usage/usage-log.ts';
import { KEYS, type StorageArea } from './area.ts';

/** The earliest and latest times a `Date` can show (±8.64e15 ms); anything else breaks `toISOString`. */
const MAX_DATE_MS = 8.64e15;

/**
 * The usage record as stored; only the background writes it (background/usage-record.ts). Read defensively:
 * whatever is stored (an older version's data, a forged event from before validation), an entry that is not a
 * valid event with a date a `Date` can show is left out, so the table and "Exportar CSV" never break.
 */
export async function readUsageLog(area: StorageArea): Promise<UsageEvent[]> {
	const { [KEYS.usageLog]: value } = await area.get(KEYS.usageLog);
	return Array.isArray(value) ? value.filter((e): e is UsageEvent => isUsageEvent(e) && Math.abs(e.at) <= MAX_DATE_MS) : [];
}
