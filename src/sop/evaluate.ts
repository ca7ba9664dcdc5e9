import type { Suggestion } from './search.ts';

export interface EvalCase {
	line: number;
	/** The SOP id that should come first, or null when nothing should be suggested. */
	expected: string | null;
	text: string;
}

export interface Evaluation {
	withSop: number;
	top1: number;
	top3: number;
	unrelated: number;
	unrelatedSilent: number;
	misses: { case: EvalCase; got: string[] }[];
}

/** Parses `expected-id<TAB>text` lines; `#` starts a comment. Unknown ids are errors, not silent misses. */
export function parseEvalFile(text: string, knownIds: ReadonlySet<string>): { cases: EvalCase[]; errors: string[] } {
	const cases: EvalCase[] = [];
	const errors: string[] = [];
	text.split(/\r?\n/).forEach((raw, i) => {
		if (!raw.trim() || raw.startsWith('#')) return;
		const tab = raw.indexOf('\t');
		if (tab < 0) return void errors.push(`${i + 1}: expected "id<TAB>text"`);
		const expected = raw.slice(0, tab).trim();
		if (expected !== '-' && !knownIds.has(expected)) return void errors.push(`${i + 1}: unknown SOP id "${expected}"`);
		cases.push({ line: i + 1, expected: expected === '-' ? null : expected, text: raw.slice(tab + 1).trim() });
	});
	return { cases, errors };
}

export function evaluate(cases: readonly EvalCase[], rank: (text: string) => Suggestion[]): Evaluation {
	const result: Evaluation = { withSop: 0, top1: 0, top3: 0, unrelated: 0, unrelatedSilent: 0, misses: [] };
	for (const c of cases) {
		const got = rank(c.text).map((s) => s.id);
		if (c.expected === null) {
			result.unrelated++;
			if (got.length === 0) result.unrelatedSilent++;
			else result.misses.push({ case: c, got });
			continue;
		}
		result.withSop++;
		if (got[0] === c.expected) result.top1++;
		else result.misses.push({ case: c, got });
		if (got.slice(0, 3).includes(c.expected)) result.top3++;
	}
	return result;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} % (${n}/${d})` : 'n/a (0 lines)');

export function formatEvaluation(e: Evaluation): string {
	const lines = [
		`top-1 accuracy:            ${pct(e.top1, e.withSop)}`,
		`top-3 accuracy:            ${pct(e.top3, e.withSop)}`,
		`unrelated, no suggestion:  ${pct(e.unrelatedSilent, e.unrelated)}`,
	];
	if (e.misses.length) {
		lines.push('', 'misses:');
		for (const m of e.misses) lines.push(`  line ${m.case.line}: expected ${m.case.expected ?? '-'}, got ${m.got.join(', ') || '-'}  "${m.case.text}"`);
	} else lines.push('', 'no misses');
	return lines.join('\n');
}
