// What the overlay sends to the background for the usage record: queued until acknowledged, retried with
// backoff (a stopped service worker answers nothing), bounded, and every failure said in the panel.
import { expect, test } from 'vitest';
import { createUsageRecorder } from '../../src/content/usage.ts';
import type { Reply } from '../../src/messages.ts';
import { isUsageEvent, type UsageEvent } from '../../src/usage/usage-log.ts';

const NOW = 1_700_000_000_000;
const ack = (events: UsageEvent[]): Reply<'usage-events'> => ({ ok: true, recorded: events.length });

/** Time the test moves by hand: scheduled retries run when `advance` passes them. */
function clock() {
	let t = NOW;
	let timers: Array<{ at: number; run: () => void }> = [];
	return {
		now: () => t,
		schedule: (run: () => void, ms: number) => void timers.push({ at: t + ms, run }),
		delays: [] as number[],
		async advance(ms: number) {
			t += ms;
			const due = timers.filter((x) => x.at <= t);
			timers = timers.filter((x) => x.at > t);
			for (const x of due) x.run();
			await settle();
		},
		pendingTimers: () => timers.length,
	};
}
const settle = () => new Promise((r) => setTimeout(r, 0));

function recorder(send: (events: UsageEvent[]) => Promise<Reply<'usage-events'>> = async (e) => ack(e)) {
	const sent: UsageEvent[][] = [];
	const c = clock();
	const usage = createUsageRecorder(
		async (events) => {
			sent.push(events);
			return send(events);
		},
		{ now: c.now, schedule: c.schedule },
	);
	return { usage, sent, clock: c };
}

test('a suggestion counts once per form session, however many keystrokes show it again', async () => {
	const { usage, sent } = recorder();
	usage.suggested(['a', 'b']);
	await settle();
	usage.suggested(['a', 'b']);
	usage.suggested(['b', 'c']);
	usage.suggested([]);
	await settle();
	const id = expect.stringMatching(/^[0-9a-f]{16}-[0-9a-z]+$/);
	expect(sent).toEqual([
		[
			{ at: NOW, sop: 'a', kind: 'suggested', id },
			{ at: NOW, sop: 'b', kind: 'suggested', id },
		],
		[{ at: NOW, sop: 'c', kind: 'suggested', id }],
	]);
	// Every event has its own id, so the background can tell a batch delivered again from new events.
	expect(new Set(sent.flat().map((e) => e.id)).size).toBe(3);
});

test('opened, applied, undone each count every time; dismissed warnings carry their texts, bounded to a valid event', async () => {
	const { usage, sent } = recorder();
	usage.opened('a');
	usage.applied('a');
	usage.undone('a');
	usage.applied('a');
	usage.warningDismissed('a', ['Dois telefones para contato', 'E-mail do cliente']);
	usage.warningDismissed('a', ['x'.repeat(400), 'y'.repeat(400)]);
	for (let i = 0; i < 6; i++) await settle();
	expect(sent.flat().map((e) => e.kind)).toEqual(['opened', 'applied', 'undone', 'applied', 'warning-dismissed', 'warning-dismissed']);
	expect(sent.flat().find((e) => e.detail?.startsWith('Dois'))!.detail).toBe('Dois telefones para contato | E-mail do cliente');
	expect(sent.flat().every(isUsageEvent)).toBe(true);
});

test('a worker stopped mid-message (no reply) loses nothing: the batch is retried with growing delays until acknowledged', async () => {
	let failures = 3;
	const { usage, sent, clock } = recorder(async (events) => {
		if (failures-- > 0) throw new Error('The message port closed before a response was received.');
		return ack(events);
	});
	usage.applied('a');
	usage.undone('a');
	await settle();
	expect(usage.pending()).toBe(2);
	// 200 ms, 400 ms, 800 ms: the fourth try is acknowledged.
	await clock.advance(199);
	expect(sent).toHaveLength(1);
	await clock.advance(1);
	expect(sent).toHaveLength(2);
	await clock.advance(400);
	await clock.advance(800);
	for (let i = 0; i < 4; i++) await settle();
	expect(usage.pending()).toBe(0);
	// Every try carried the same events, with the same ids (the background records a repeated id once).
	expect(sent.at(-1)!.map((e) => e.kind)).toEqual(['applied', 'undone']);
	const idsOf = (kind: string) => new Set(sent.flat().filter((e) => e.kind === kind).map((e) => e.id));
	expect(sent.flat().filter((e) => e.kind === 'applied').length).toBeGreaterThan(1);
	expect(idsOf('applied').size).toBe(1);
	expect(idsOf('undone').size).toBe(1);
	expect([...idsOf('applied')][0]).not.toBe([...idsOf('undone')][0]);
	expect(clock.pendingTimers()).toBe(0);
});

test('over the tab rate: waits as long as the background says, then delivers', async () => {
	let refused = true;
	const { usage, sent, clock } = recorder(async (events) => {
		if (refused) return (refused = false), { ok: false, reason: 'rate', retryAfterMs: 5000 };
		return ack(events);
	});
	usage.opened('a');
	await settle();
	await clock.advance(4999);
	expect(sent).toHaveLength(1);
	await clock.advance(1);
	await settle();
	expect(sent).toHaveLength(2);
	expect(usage.pending()).toBe(0);
});

test('storage full: the panel is told in Portuguese, the events stay queued and go once storage has room', async () => {
	let full = true;
	const { usage, clock } = recorder(async (events) =>
		full ? { ok: false, reason: 'storage', message: 'O uso dos SOPs não pôde ser registrado: o armazenamento do navegador está cheio (QUOTA_BYTES quota exceeded).' } : ack(events),
	);
	const problems: Array<string | undefined> = [];
	usage.onProblem((p) => problems.push(p));
	usage.applied('a');
	await settle();
	expect(problems).toEqual([expect.stringMatching(/^O uso dos SOPs não pôde ser registrado: o armazenamento do navegador está cheio/)]);
	expect(usage.pending()).toBe(1);
	full = false;
	await clock.advance(200);
	await settle();
	expect(usage.pending()).toBe(0);
	expect(problems.at(-1)).toBeUndefined(); // the notice goes once it works again
});

test('bounded: past the queue limit the oldest events go, and the panel says how many', async () => {
	const c = clock();
	const problems: Array<string | undefined> = [];
	const usage = createUsageRecorder(() => Promise.reject(new Error('no reply')), { now: c.now, schedule: c.schedule, maxQueued: 10 });
	usage.onProblem((p) => problems.push(p));
	for (let i = 0; i < 12; i++) usage.opened('a');
	await settle();
	expect(usage.pending()).toBe(10);
	expect(problems.at(-1)).toMatch(/^2 evento\(s\) do registro de uso foram descartados/);
});

test('an event the background would refuse is never queued (bad id); a failure never reaches the page', async () => {
	const { usage, sent } = recorder(() => Promise.reject(new Error('Extension context invalidated.')));
	expect(() => usage.applied('A B')).not.toThrow();
	expect(() => usage.applied('a')).not.toThrow();
	await settle();
	expect(sent.flat().map((e) => e.sop)).toEqual(['a']);
});
