import { KEYS, type StorageArea } from '../storage/area.ts';
import { readResolvedPolicy } from '../storage/policy.ts';
import { usageRecording } from '../storage/precedence.ts';
import { readSettings } from '../storage/settings.ts';
import { readUsageLog } from '../storage/usage.ts';
import { appendEvents, isUsageEvent, type UsageEvent } from '../usage/usage-log.ts';
import { createQueue } from './queue.ts';

/**
 * The usage record in `storage.local`, written only here (the background), one change at a time: two tabs
 * recording at once must not each read the old log and overwrite the other's events.
 */
const serialise = createQueue();

/** Appends, bounded; records nothing when the policy (or the agent) turned the record off. */
export function recordUsage(area: StorageArea, events: readonly UsageEvent[]): Promise<number> {
	return serialise(async () => {
		const [settings, policy] = await Promise.all([readSettings(area), readResolvedPolicy(area)]);
		if (!usageRecording(settings, policy).enabled) return 0;
		const fresh = events.filter(isUsageEvent);
		if (!fresh.length) return 0;
		await area.set({ [KEYS.usageLog]: appendEvents(await readUsageLog(area), fresh) });
		return fresh.length;
	});
}

export function clearUsage(area: StorageArea): Promise<void> {
	return serialise(() => area.remove(KEYS.usageLog));
}
