/**
 * Suggestion quality on the evaluation sets, ours beside a baseline: plain MiniSearch (BM25 with prefix
 * and typo matching) over the same SOP files (title, keywords, synonyms, summary, situacao, exemplos, with
 * our Portuguese folding and stemming), suggesting its top 3 above a score threshold. The threshold is
 * tuned for the baseline on these very sets (the best mean of top-1 and silent rate over all of them),
 * which gives it its best chance. Prints figures only.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import MiniSearch from 'minisearch';
import { readSopDir } from '../src/cli/read-sops.ts';
import { evaluate, parseEvalFile, type EvalCase, type Evaluation } from '../src/sop/evaluate.ts';
import { buildLibrary } from '../src/sop/library.ts';
import { buildIndex, rank } from '../src/sop/search.ts';
import { terms, words } from '../src/sop/text.ts';
import { repoRoot, shared } from '../tests/helpers/shared.ts';
import { table } from './stats.ts';

const SETS: { name: string; path: () => string | undefined }[] = [
	{ name: 'shared match-nearmiss', path: () => present(shared('dev-set/match-nearmiss.tsv', 'its quality figures')) },
	{ name: 'shared match', path: () => present(shared('dev-set/match.tsv', 'its quality figures')) },
	{ name: 'match-extra (project)', path: () => resolve(repoRoot, 'tests/fixtures/match-extra.tsv') },
	{ name: 'match-heldout (project)', path: () => resolve(repoRoot, 'tests/fixtures/match-heldout.tsv') },
];
const present = (s: { path: string; present: boolean }) => (s.present ? s.path : undefined);

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : 'n/a');
const figures = (e: Evaluation) => [pct(e.top1, e.withSop), pct(e.top3, e.withSop), pct(e.unrelatedSilent, e.unrelated)];

export async function benchQuality(): Promise<void> {
	const library = buildLibrary(readSopDir(resolve(repoRoot, 'sops'), repoRoot));
	const ids = new Set(library.sops.map((s) => s.id));
	const sets = SETS.flatMap(({ name, path }) => {
		const file = path();
		if (!file) return [];
		const parsed = parseEvalFile(readFileSync(file, 'utf8'), ids);
		return [{ name, cases: parsed.cases }];
	});

	const ours = buildIndex(library.sops);
	const mini = new MiniSearch<Record<string, string>>({
		fields: ['title', 'keywords', 'synonyms', 'summary', 'situacao', 'exemplos'],
		tokenize: (text) => words(text),
		processTerm: (word) => terms(word)[0]?.term ?? null,
		searchOptions: { boost: { title: 3, keywords: 3, synonyms: 2, situacao: 2, exemplos: 1, summary: 0.6 }, prefix: (t) => t.length >= 4, fuzzy: (t) => (t.length >= 5 ? 0.2 : false) },
	});
	mini.addAll(
		library.sops.map((s) => ({
			id: s.id,
			title: s.title,
			keywords: s.keywords.join(' ; '),
			synonyms: s.synonyms.join(' ; '),
			summary: s.summary,
			situacao: (s.situacao ?? []).flatMap((x) => [...x.objeto, ...x.estado]).join(' ; '),
			exemplos: (s.exemplos ?? []).join(' ; '),
		})),
	);
	// Each text's MiniSearch results once; the threshold only decides which of them are shown.
	const raw = new Map<string, { id: string; score: number }[]>();
	const miniResults = (text: string) => raw.get(text) ?? raw.set(text, mini.search(text).slice(0, 3).map((r) => ({ id: String(r.id), score: r.score }))).get(text)!;
	const all: EvalCase[] = sets.flatMap((s) => s.cases);
	const candidates = [...new Set(all.flatMap((c) => miniResults(c.text).map((r) => r.score)))].sort((a, b) => a - b);
	const atThreshold = (threshold: number) => (text: string) => miniResults(text).filter((r) => r.score >= threshold);
	let best = { threshold: 0, value: -1 };
	for (const threshold of [0, ...candidates]) {
		const e = evaluate(all, atThreshold(threshold));
		const value = (e.top1 / Math.max(1, e.withSop) + e.unrelatedSilent / Math.max(1, e.unrelated)) / 2;
		if (value > best.value) best = { threshold, value };
	}

	const rows = sets.map(({ name, cases }) => {
		const a = evaluate(cases, (text) => rank(ours, text));
		const b = evaluate(cases, atThreshold(best.threshold));
		return [name, `${cases.length}`, ...figures(a), ...figures(b)];
	});
	console.log(`MiniSearch threshold tuned on these sets: score >= ${best.threshold.toFixed(2)} (best mean of top-1 and silent rate).`);
	console.log(
		table([['set', 'lines', 'ours top-1', 'ours top-3', 'ours silent', 'MiniSearch top-1', 'MiniSearch top-3', 'MiniSearch silent'], ...rows]),
	);
	if (sets.length < SETS.length) console.log('(the shared sets are absent: only the project\'s own sets were measured)');
}
