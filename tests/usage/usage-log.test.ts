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
	test('a batch delivered again (same ids) is recorded once; events without ids or with other ids are all kept', () => {
		const batch = [{ ...event('a', 'opened', 1), id: 'tab0001-0' }, { ...event('a', 'applied', 2), id: 'tab0001-1' }];
		const once = appendEvents([], batch);
		expect(appendEvents(once, batch)).toEqual(once);
		// Positive controls: a new id, and events with no id at all, are appended.
		const other = { ...event('a', 'opened', 3), id: 'tab0001-2' };
		expect(appendEvents(once, [other, event('a', 'opened', 4), event('a', 'opened', 4)])).toHaveLength(5);
		// Two copies inside one batch count once too.
		expect(appendEvents([], [other, other])).toEqual([other]);
	});
	test('ids are short tokens; anything else is refused', () => {
		expect(isUsageEvent({ ...event('a', 'opened'), id: 'ab12cd34-1z' })).toBe(true);
		expect(isUsageEvent({ ...event('a', 'opened'), id: 'x' })).toBe(false);
		expect(isUsageEvent({ ...event('a', 'opened'), id: '<script>alert(1)</script>' })).toBe(false);
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
	expect(summary.b).toEqual({ suggested: 0, opened: 0, applied: 2, undone: 1, 'warning-dismissed': 0, dismissed: 0 });
	expect(summary.a).toEqual({ suggested: 0, opened: 1, applied: 1, undone: 0, 'warning-dismissed': 1, dismissed: 0 });
	expect(summarize([event('c', 'suggested'), event('c', 'dismissed'), event('c', 'dismissed')]).c).toMatchObject({ suggested: 1, dismissed: 2 });
});

test('toCsv is for a pt-BR spreadsheet: BOM, ";", Portuguese event names, quoting that round-trips', () => {
	const csv = toCsv([
		event('a', 'warning-dismissed', Date.UTC(2026, 10, 21, 12), 'Dois telefones; "e-mail"\nok'),
		event('token-em-branco', 'dismissed', Date.UTC(2026, 10, 21, 12, 0, 5)),
		event('a', 'applied', Date.UTC(2026, 10, 21, 12, 1)),
	]);
	expect(csv).toBe(
		'\uFEFFdata (UTC);sop;evento;detalhe\r\n' +
			'2026-11-21 12:00:00;a;avisos dispensados;"Dois telefones; ""e-mail""\nok"\r\n' +
			'2026-11-21 12:00:05;token-em-branco;não é este;\r\n' +
			'2026-11-21 12:01:00;a;aplicado;\r\n',
	);
	// Every kind has a Portuguese name.
	for (const kind of USAGE_KINDS) expect(toCsv([event('a', kind)]).split('\r\n')[1]!.split(';')[2]).toMatch(/^[a-zà-ú ]+$/);
});

test('toCsv neutralises cells a spreadsheet would run as formulas; ordinary text is left alone', () => {
	const line = (detail: string) => toCsv([event('a', 'warning-dismissed', Date.UTC(2026, 0, 1), detail)]).split('\r\n')[1]!;
	expect(line('=HYPERLINK("http://x")')).toBe(`2026-01-01 00:00:00;a;avisos dispensados;"'=HYPERLINK(""http://x"")"`);
	expect(line('+55 51 9999')).toBe("2026-01-01 00:00:00;a;avisos dispensados;'+55 51 9999");
	expect(line('-1+1')).toBe("2026-01-01 00:00:00;a;avisos dispensados;'-1+1");
	expect(line('@SUM(A1)')).toBe("2026-01-01 00:00:00;a;avisos dispensados;'@SUM(A1)");
	expect(line('\tcmd')).toBe("2026-01-01 00:00:00;a;avisos dispensados;'\tcmd");
	// Positive control: a value that only contains those characters later is not touched.
	expect(line('Telefone = 2, e-mail @ ok')).toBe('2026-01-01 00:00:00;a;avisos dispensados;Telefone = 2, e-mail @ ok');
	expect(toCsv([event('-x', 'applied', Date.UTC(2026, 0, 1))]).split('\r\n')[1]).toBe("2026-01-01 00:00:00;'-x;aplicado;");
});

test('a "Não é este" dismissal is a usage event like the others (SOP and time only); an unknown kind is not', () => {
	expect(isUsageEvent({ at: 1, sop: 'token-em-branco', kind: 'dismissed' })).toBe(true);
	expect(isUsageEvent({ at: 1, sop: 'token-em-branco', kind: 'nao-e-este' })).toBe(false);
	expect(USAGE_KINDS).toContain('dismissed');
});
