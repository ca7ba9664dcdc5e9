import type { Reply } from '../messages.ts';
import { KEYS, type StorageArea } from '../storage/area.ts';
import { readStoredPolicy } from '../storage/policy.ts';
import { usageRecording } from '../storage/precedence.ts';
import { readSettings } from '../storage/settings.ts';
import { readUsageLog } from '../storage/usage.ts';
import { appendEvents, type UsageEvent } from '../usage/usage-log.ts';
import { storageProblem } from './policy-sync.ts';
import { createQueue } from './queue.ts';

/**
 * The usage record in `storage.local`, written only here (the background), one change at a time: two tabs
 * recording at once must not each read the old log and overwrite the other's events.
 */
const serialise = createQueue();

/**
 * Appends, bounded; records nothing when the policy (or the agent) turned the record off. A write that fails
 * (storage full) is answered with a Portuguese message for the agent, and the tab keeps the events queued.
 */
export function recordUsage(area: StorageArea, events: readonly UsageEvent[]): Promise<Reply<'usage-events'>> {
	return serialise(async () => {
		const [settings, policy] = await Promise.all([readSettings(area), readStoredPolicy(area)]); // the small record (usageRecord), not the packs
		if (!usageRecording(settings, policy).enabled || !events.length) return { ok: true, recorded: 0 } as const;
		try {
			await area.set({ [KEYS.usageLog]: appendEvents(await readUsageLog(area), events) });
		} catch (error) {
			console.error('[SOP Assist] usage not recorded:', error);
			return { ok: false, reason: 'storage', message: `O uso dos SOPs não pôde ser registrado: ${storageProblem(error)}` } as const;
		}
		return { ok: true, recorded: events.length } as const;
	});
}

export function clearUsage(area: StorageArea): Promise<Reply<'usage-clear'>> {
	return serialise(async () => {
		try {
			await area.remove(KEYS.usageLog);
			return { ok: true } as const;
		} catch (error) {
			return { ok: false, reason: 'storage', message: `O registro de uso não pôde ser apagado: ${storageProblem(error)}` } as const;
		}
	});
}
