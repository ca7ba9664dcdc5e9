import type { Hint, Suggestion } from './search.ts';

export interface EvalCase {
	line: number;
	/** The SOP id that should come first, or null when nothing should be suggested. */
	expected: string | null;
	text: string;
	/** The near-miss group: the last `# --- name` comment line above the case (reset by `# ===`). */
	group?: string;
}

/** What a ranker said about one text; the search's own `rank`, or a bare list (a baseline engine). */
export type Ranked = { suggestions: readonly Pick<Suggestion, 'id'>[]; hints?: readonly Hint[] } | readonly Pick<Suggestion, 'id'>[];

export interface Miss {
	case: EvalCase;
	got: string[];
	/** The suggestions with their evidence (level, situation parts, matched words), and any hints. */
	suggestions: readonly Pick<Suggestion, 'id'>[];
	hints: readonly Hint[];
}

export interface SopFigures {
	id: string;
	/** Lines expecting this SOP. */
	expected: number;
	/** Lines where it came first. */
	suggested: number;
	/** Lines where it came first and was expected. */
	correct: number;
	/** correct / suggested (null when never suggested). */
	precision: number | null;
	/** correct / expected (null when never expected). */
	recall: number | null;
}

export interface GroupFigures {
	name: string;
	total: number;
	silent: number;
}

export interface Evaluation {
	withSop: number;
	top1: number;
	top3: number;
	unrelated: number;
	unrelatedSilent: number;
	perSop: SopFigures[];
	/** confusion[expected][first suggestion], "-" for none. */
	confusion: Record<string, Record<string, number>>;
	/** Silent rate of the lines with no SOP, per `# ---` group. */
	groups: GroupFigures[];
	misses: Miss[];
}

/** Parses `expected-id<TAB>text` lines; `#` starts a comment. Unknown ids are errors, not silent misses. */
export function parseEvalFile(text: string, knownIds: ReadonlySet<string>): { cases: EvalCase[]; errors: string[] } {
	const cases: EvalCase[] = [];
	const errors: string[] = [];
	let group: string | undefined;
	text.split(/\r?\n/).forEach((raw, i) => {
		if (raw.startsWith('#')) {
			const heading = /^#\s*(-{3,}|={3,})\s*(.*)$/.exec(raw);
			if (heading) group = heading[1]!.startsWith('-') ? heading[2]!.trim() || undefined : undefined;
			return;
		}
		if (!raw.trim()) return;
		const tab = raw.indexOf('\t');
		if (tab < 0) return void errors.push(`${i + 1}: expected "id<TAB>text"`);
		const expected = raw.slice(0, tab).trim();
		if (expected !== '-' && !knownIds.has(expected)) return void errors.push(`${i + 1}: unknown SOP id "${expected}"`);
		const c: EvalCase = { line: i + 1, expected: expected === '-' ? null : expected, text: raw.slice(tab + 1).trim() };
		if (group) c.group = group;
		cases.push(c);
	});
	return { cases, errors };
}

export function evaluate(cases: readonly EvalCase[], rank: (text: string) => Ranked): Evaluation {
	const result: Evaluation = { withSop: 0, top1: 0, top3: 0, unrelated: 0, unrelatedSilent: 0, perSop: [], confusion: {}, groups: [], misses: [] };
	const perSop = new Map<string, SopFigures>();
	const sop = (id: string) => perSop.get(id) ?? perSop.set(id, { id, expected: 0, suggested: 0, correct: 0, precision: null, recall: null }).get(id)!;
	const groups = new Map<string, GroupFigures>();
	for (const c of cases) {
		const ranked = rank(c.text);
		const suggestions = 'suggestions' in ranked ? ranked.suggestions : ranked;
		const hints = 'suggestions' in ranked ? (ranked.hints ?? []) : [];
		const got = suggestions.map((s) => s.id);
		const first = got[0] ?? '-';
		const expected = c.expected ?? '-';
		const row = (result.confusion[expected] ??= {});
		row[first] = (row[first] ?? 0) + 1;
		if (got[0]) sop(got[0]).suggested++;
		const miss = () => result.misses.push({ case: c, got, suggestions, hints });
		if (c.expected === null) {
			result.unrelated++;
			if (c.group) {
				const g = groups.get(c.group) ?? groups.set(c.group, { name: c.group, total: 0, silent: 0 }).get(c.group)!;
				g.total++;
				if (!got.length) g.silent++;
			}
			if (got.length === 0) result.unrelatedSilent++;
			else miss();
			continue;
		}
		result.withSop++;
		sop(c.expected).expected++;
		if (got[0] === c.expected) {
			result.top1++;
			sop(c.expected).correct++;
		} else miss();
		if (got.slice(0, 3).includes(c.expected)) result.top3++;
	}
	result.perSop = [...perSop.values()]
		.map((f) => ({ ...f, precision: f.suggested ? f.correct / f.suggested : null, recall: f.expected ? f.correct / f.expected : null }))
		.sort((a, b) => a.id.localeCompare(b.id));
	result.groups = [...groups.values()];
	return result;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} % (${n}/${d})` : 'n/a (0 lines)');
const ratio = (r: number | null) => (r === null ? '   -  ' : `${(100 * r).toFixed(1).padStart(5)} %`);

export function formatEvaluation(e: Evaluation): string {
	const lines = [
		`top-1 accuracy:            ${pct(e.top1, e.withSop)}`,
		`top-3 accuracy:            ${pct(e.top3, e.withSop)}`,
		`unrelated, no suggestion:  ${pct(e.unrelatedSilent, e.unrelated)}`,
	];
	if (e.perSop.length) {
		const width = Math.max(...e.perSop.map((s) => s.id.length), 3);
		lines.push('', `${'SOP'.padEnd(width)}  precision   recall  (first suggestion)`);
		for (const s of e.perSop) lines.push(`${s.id.padEnd(width)}  ${ratio(s.precision)}  ${ratio(s.recall)}  ${s.correct} right of ${s.suggested} suggested, ${s.expected} expected`);
	}
	const rows = Object.keys(e.confusion).sort(dashLast);
	const cols = [...new Set(rows.flatMap((r) => Object.keys(e.confusion[r]!)))].sort(dashLast);
	if (rows.length) {
		const width = Math.max(...rows.map((r) => r.length), 'expected \\ first'.length);
		const colWidth = cols.map((c) => Math.max(c.length, 3));
		lines.push('', 'confusion (rows: expected, columns: first suggestion)');
		lines.push(`${'expected \\ first'.padEnd(width)}  ${cols.map((c, i) => c.padStart(colWidth[i]!)).join('  ')}`);
		for (const r of rows) lines.push(`${r.padEnd(width)}  ${cols.map((c, i) => String(e.confusion[r]![c] ?? 0).padStart(colWidth[i]!)).join('  ')}`);
	}
	if (e.groups.length) {
		lines.push('', 'near-miss groups, left silent:');
		for (const g of e.groups) lines.push(`  ${pct(g.silent, g.total).padEnd(18)} ${g.name}`);
	}
	if (e.misses.length) {
		lines.push('', 'misses:');
		for (const m of e.misses) {
			lines.push(`  line ${m.case.line}: expected ${m.case.expected ?? '-'}, got ${m.got.join(', ') || '-'}  "${m.case.text}"`);
			for (const s of m.suggestions) lines.push(`      ${evidence(s)}`);
			for (const h of m.hints) lines.push(`      ! ${h.id}: ${h.text} (near miss: "${h.matched}")`);
		}
	} else lines.push('', 'no misses');
	return lines.join('\n');
}

function evidence(s: Pick<Suggestion, 'id'> & Partial<Suggestion>): string {
	const parts = [s.id];
	if (s.level) parts.push(s.level === 'provavel' ? 'provável' : 'possível');
	if (s.why?.objeto.length) parts.push(`objeto: ${s.why.objeto.join(', ')}`);
	if (s.why?.estado.length) parts.push(`estado: ${s.why.estado.join(', ')}`);
	if (s.matched?.length) parts.push(`matched: ${s.matched.join(', ')}`);
	return parts.join('; ');
}

const dashLast = (a: string, b: string) => (a === '-' ? 1 : b === '-' ? -1 : a.localeCompare(b));
