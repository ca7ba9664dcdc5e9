import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { appendEvents, isUsageEvent, MAX_EVENTS, summarize, toCsv, USAGE_KINDS, type UsageEvent } from '../../src/usage/usage-log.ts';

const event = (sop: string, kind: UsageEvent['kind'], at = 0, detail?: string): UsageEvent => ({ at, sop, kind, ...(detail ? { detail } : {}) });

describe('appendEvents', () => {
	test('keeps the newest events within the bound', () => {
		const log = Array.from({ length: 10 }, (_, i) => event('a', 'opened', i));
		const next = appendEvents(log, [event('b', 'applied', 10), event('b', 'undone', 11)], 5);
		expect(next.map((e) => e.at)).toEqual([7, 8, 9, 10, 11]);
	});
	test('drops events that are not well formed (they may come from another context)', () => {
		const bad = [{ at: 'x', sop: 'a', kind: 'opened' }, { at: 1, sop: 'A B', kind: 'opened' }, { at: 1, sop: 'a', kind: 'deleted' }];
		expect(appendEvents([], bad as unknown as UsageEvent[])).toEqual([]);
	});
	test('never exceeds MAX_EVENTS, whatever is appended', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 3 * MAX_EVENTS }), fc.integer({ min: 0, max: 500 }), (before, added) => {
				const log = Array.from({ length: before }, (_, i) => event('a', 'opened', i));
				const next = appendEvents(log, Array.from({ length: added }, (_, i) => event('b', 'applied', before + i)));
				expect(next.length).toBe(Math.min(MAX_EVENTS, before + added));
				if (added) expect(next.at(-1)!.at).toBe(before + added - 1);
			}),
			{ numRuns: 30 },
		);
	});
});

test('isUsageEvent accepts every kind and rejects overlong details', () => {
	for (const kind of USAGE_KINDS) expect(isUsageEvent(event('x', kind))).toBe(true);
	expect(isUsageEvent({ ...event('x', 'opened'), detail: 'y'.repeat(501) })).toBe(false);
});

test('summarize counts per SOP and kind, most applied first', () => {
	const log = [event('a', 'opened'), event('b', 'applied'), event('b', 'applied'), event('a', 'applied'), event('b', 'undone'), event('a', 'warning-dismissed')];
	const summary = summarize(log);
	expect(Object.keys(summary)).toEqual(['b', 'a']);
	expect(summary.b).toEqual({ suggested: 0, opened: 0, applied: 2, undone: 1, 'warning-dismissed': 0 });
	expect(summary.a).toEqual({ suggested: 0, opened: 1, applied: 1, undone: 0, 'warning-dismissed': 1 });
});

test('toCsv quotes what needs quoting and round-trips through a CSV reader', () => {
	const csv = toCsv([event('a', 'warning-dismissed', Date.UTC(2026, 10, 21, 12), 'Dois telefones, "e-mail"\nok')]);
	expect(csv).toBe('at,sop,event,detail\r\n2026-11-21T12:00:00.000Z,a,warning-dismissed,"Dois telefones, ""e-mail""\nok"\r\n');
});
