import { isMessage, isRefusal, MESSAGE_LIMITS, message, type Reply } from '../messages.ts';
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
	/** Any other kind the usage record knows (e.g. a suggestion the agent dismissed). */
	record(id: string, kind: UsageKind, detail?: string): void;
	/**
	 * Why events are waiting (Portuguese, for the panel), or undefined; the listener is called on every
	 * change. Returns the unsubscribe.
	 */
	onProblem(listener: (problem: string | undefined) => void): () => void;
	/** Events not yet acknowledged by the background. */
	pending(): number;
}

export interface UsageQueueOptions {
	now?: () => number;
	/** `setTimeout` by default; tests drive time themselves. */
	schedule?: (run: () => void, ms: number) => void;
	/** Events kept while the background does not acknowledge them; the oldest go first beyond it. */
	maxQueued?: number;
}

const MAX_DETAIL = 500;
/** Retry delays: from 200 ms, doubling, at most 30 s (a service worker restarts in well under a second). */
const FIRST_RETRY_MS = 200;
const MAX_RETRY_MS = 30_000;

/**
 * One recorder per form session. Events wait in a bounded queue until the background acknowledges them: a
 * service worker stopped mid-message (the port closes, no reply) or a tab over its rate is retried with
 * backoff; nothing is dropped silently. `send` delivers one batch and rejects when nobody answered; a
 * failure never reaches the page.
 */
export function createUsageRecorder(send: (events: UsageEvent[]) => Promise<Reply<'usage-events'>>, options: UsageQueueOptions = {}): UsageRecorder {
	const now = options.now ?? Date.now;
	const schedule = options.schedule ?? ((run, ms) => void setTimeout(run, ms));
	const maxQueued = options.maxQueued ?? 500;
	const seen = new Set<string>();
	const queue: UsageEvent[] = [];
	const listeners = new Set<(problem: string | undefined) => void>();
	let problem: string | undefined;
	let sending = false;
	let waiting = false;
	let delay = FIRST_RETRY_MS;
	let lost = 0;
	let stopped = false;

	const setProblem = (next: string | undefined) => {
		if (next === problem) return;
		problem = next;
		for (const listener of listeners) {
			try {
				listener(problem);
			} catch (error) {
				console.warn('[SOP Assist]', error);
			}
		}
	};
	const retry = (ms: number) => {
		waiting = true;
		schedule(() => {
			waiting = false;
			void flush();
		}, ms);
	};
	const flush = async (): Promise<void> => {
		if (sending || waiting || stopped) return;
		// Events too old for the background to accept (a tab kept through a long sleep) would be refused forever.
		const oldest = now() - MESSAGE_LIMITS.eventMaxAgeMs + 60_000;
		while (queue.length && queue[0]!.at < oldest) (queue.shift(), lost++);
		if (!queue.length) return;
		const batch = queue.slice(0, MESSAGE_LIMITS.eventsPerBatch);
		sending = true;
		let reply: Reply<'usage-events'> | undefined;
		let failure: unknown;
		try {
			reply = await send(batch);
		} catch (error) {
			failure = error;
		}
		sending = false;
		if (reply && !isRefusal(reply)) {
			queue.splice(0, batch.length);
			delay = FIRST_RETRY_MS;
			setProblem(lost ? lostText(lost) : undefined);
			if (queue.length) void flush();
			return;
		}
		if (reply && reply.reason === 'invalid') {
			// Cannot happen with the shared validators; never retry what will be refused again.
			queue.splice(0, batch.length);
			lost += batch.length;
			setProblem(lostText(lost));
			if (queue.length) void flush();
			return;
		}
		if (/context invalidated/i.test(String(failure))) {
			// The extension was updated or removed: nothing can deliver them any more (the overlay tells the agent to reload).
			stopped = true;
			return;
		}
		if (reply?.reason === 'storage') setProblem(reply.message ?? 'O uso dos SOPs não pôde ser registrado.');
		const wait = reply?.reason === 'rate' ? Math.max(reply.retryAfterMs ?? delay, FIRST_RETRY_MS) : delay;
		delay = Math.min(delay * 2, MAX_RETRY_MS);
		retry(wait);
	};
	const record = (events: UsageEvent[]) => {
		const valid = events.filter((e) => isMessage(message('usage-events', { events: [e] }), 'usage-events', now()));
		if (!valid.length) return;
		queue.push(...valid);
		if (queue.length > maxQueued) {
			lost += queue.length - maxQueued;
			queue.splice(0, queue.length - maxQueued);
			setProblem(lostText(lost));
		}
		void flush();
	};
	// Each event carries an id so that a batch delivered twice (written, then the worker stopped before it
	// answered) is recorded once. getRandomValues, not randomUUID: Qualitor may be served over plain http.
	const tab = [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
	let sequence = 0;
	const one = (sop: string, kind: UsageKind, detail?: string): UsageEvent => ({
		at: now(),
		sop,
		kind,
		...(detail ? { detail: bounded(detail) } : {}),
		id: `${tab}-${(sequence++).toString(36)}`,
	});
	return {
		suggested(ids) {
			const fresh = ids.filter((id) => !seen.has(id));
			for (const id of fresh) seen.add(id);
			record(fresh.slice(0, MESSAGE_LIMITS.eventsPerBatch).map((id) => one(id, 'suggested')));
		},
		opened: (id) => record([one(id, 'opened')]),
		applied: (id) => record([one(id, 'applied')]),
		undone: (id) => record([one(id, 'undone')]),
		warningDismissed: (id, warnings) => record([one(id, 'warning-dismissed', warnings.join(' | '))]),
		record: (id, kind, detail) => record([one(id, kind, detail)]),
		onProblem(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		pending: () => queue.length,
	};
}

const bounded = (text: string) => (text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text);
const lostText = (n: number) => `${n} evento(s) do registro de uso foram descartados: o navegador não respondeu a tempo.`;

/** For tests and pages without the background: records nothing. */
export const NO_USAGE: UsageRecorder = {
	suggested() {},
	opened() {},
	applied() {},
	undone() {},
	warningDismissed() {},
	record() {},
	onProblem: () => () => undefined,
	pending: () => 0,
};
