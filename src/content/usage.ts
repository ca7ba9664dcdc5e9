import type { UsageEvent, UsageKind } from '../usage/usage-log.ts';

/** What the overlay reports about SOPs; the background decides whether anything is recorded (policy, agent). */
export interface UsageRecorder {
	/** Called with every suggestion list; each SOP counts once per form session, not per keystroke. */
	suggested(ids: readonly string[]): void;
	opened(id: string): void;
	applied(id: string): void;
	undone(id: string): void;
	/** The texts of the checklist warnings the agent dismissed before saving. */
	warningDismissed(id: string, warnings: readonly string[]): void;
}

const MAX_DETAIL = 500;

/** One recorder per form session. `send` delivers to the background; a failure must never reach the page. */
export function createUsageRecorder(send: (events: UsageEvent[]) => Promise<unknown>, now: () => number = Date.now): UsageRecorder {
	const seen = new Set<string>();
	const record = (events: UsageEvent[]) => {
		if (!events.length) return;
		send(events).catch((error: unknown) => console.warn('[SOP Assist] usage not recorded:', error));
	};
	const one = (sop: string, kind: UsageKind, detail?: string): UsageEvent => ({ at: now(), sop, kind, ...(detail ? { detail } : {}) });
	return {
		suggested(ids) {
			const fresh = ids.filter((id) => !seen.has(id));
			for (const id of fresh) seen.add(id);
			record(fresh.slice(0, 50).map((id) => one(id, 'suggested')));
		},
		opened: (id) => record([one(id, 'opened')]),
		applied: (id) => record([one(id, 'applied')]),
		undone: (id) => record([one(id, 'undone')]),
		warningDismissed(id, warnings) {
			const text = warnings.join(' | ');
			record([one(id, 'warning-dismissed', text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text)]);
		},
	};
}

/** For tests and pages without the background: records nothing. */
export const NO_USAGE: UsageRecorder = { suggested() {}, opened() {}, applied() {}, undone() {}, warningDismissed() {} };
