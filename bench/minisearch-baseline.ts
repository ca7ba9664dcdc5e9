// The previous search engine (MiniSearch + the same evidence score), kept to measure the current one against.
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { editDistance } from '../src/sop/edit-distance.ts';
import { terms, words } from '../src/sop/text.ts';
import type { Sop } from '../src/sop/types.ts';

/**
 * Ranks SOPs for what an agent typed. MiniSearch (BM25, prefix and typo-tolerant matching over a radix
 * tree) finds and orders candidates; on top of it a small, explainable "evidence" score decides whether
 * to suggest anything at all: each query word counts by where it matched (title and keywords weigh more
 * than the summary), how exactly (typo and prefix matches count less) and how specific the word is to one
 * SOP (a word found in every SOP tells nothing). Below the threshold nothing is suggested.
 */

export interface Suggestion {
	id: string;
	title: string;
	/** Confidence in 0..1; 0.5 is the threshold. */
	score: number;
	/** The words of the query that matched, as the agent typed them (folded). */
	matched: string[];
}

// One-word keywords are strong evidence; a word that only appears inside a longer keyword phrase
// ("solicitação" in "pegar solicitação") is weaker on its own, and the phrase's other words add up.
type Field = 'title' | 'keywords' | 'keyphrases' | 'synonyms' | 'synphrases' | 'categorias' | 'summary';
const FIELDS: Field[] = ['title', 'keywords', 'keyphrases', 'synonyms', 'synphrases', 'categorias', 'summary'];
const BOOST: Record<Field, number> = { title: 3, keywords: 3, keyphrases: 2.5, synonyms: 2, synphrases: 1.8, categorias: 1.5, summary: 0.6 };
const EVIDENCE_WEIGHT: Record<Field, number> = {
	title: 1,
	keywords: 1,
	keyphrases: 0.65,
	synonyms: 0.85,
	synphrases: 0.55,
	categorias: 0.6,
	summary: 0.35,
};
const PREFIX_FACTOR = 0.7;
const FUZZY_FACTOR = 0.6;
/** Evidence needed to suggest a SOP: about one exact keyword that only this SOP has. */
export const EVIDENCE_THRESHOLD = 0.9;
const CANDIDATES = 12;

type IndexedDoc = { id: string } & Record<Field, string>;

const processTerm = (word: string): string | null => terms(word)[0]?.term ?? null;

const OPTIONS: Options<IndexedDoc> = {
	fields: FIELDS,
	storeFields: ['title'],
	tokenize: (text) => words(text),
	processTerm,
	searchOptions: {
		boost: BOOST,
		prefix: (term) => term.length >= 4,
		fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
		weights: { fuzzy: 0.45, prefix: 0.4 },
		combineWith: 'OR',
	},
};

export interface SopIndex {
	search: MiniSearch<IndexedDoc>;
	/** In how many SOPs each index term appears (any field). */
	df: Map<string, number>;
}

function toDoc(sop: Sop): IndexedDoc {
	const single = (list: string[]) => list.filter((entry) => terms(entry).length <= 1).join(' ; ');
	const phrases = (list: string[]) => list.filter((entry) => terms(entry).length > 1).join(' ; ');
	return {
		id: sop.id,
		title: sop.title,
		keywords: single(sop.keywords),
		keyphrases: phrases(sop.keywords),
		synonyms: single(sop.synonyms),
		synphrases: phrases(sop.synonyms),
		categorias: [sop.qualitor?.tipo ?? '', ...(sop.qualitor?.categorias ?? [])].join(' ; '),
		summary: sop.summary,
	};
}

function docTerms(doc: IndexedDoc): Set<string> {
	const set = new Set<string>();
	for (const f of FIELDS) for (const t of terms(doc[f])) set.add(t.term);
	return set;
}

export function buildIndex(sops: readonly Sop[]): SopIndex {
	const search = new MiniSearch<IndexedDoc>(OPTIONS);
	const df = new Map<string, number>();
	const docs = sops.map(toDoc);
	search.addAll(docs);
	for (const d of docs) for (const t of docTerms(d)) df.set(t, (df.get(t) ?? 0) + 1);
	return { search, df };
}

export function serializeIndex(index: SopIndex): string {
	return JSON.stringify({ v: 1, search: index.search, df: [...index.df] });
}

export function loadIndex(json: string): SopIndex {
	const data = JSON.parse(json) as { v: number; search: unknown; df: [string, number][] };
	if (data.v !== 1) throw new Error(`unsupported SOP index version ${data.v}`);
	return { search: MiniSearch.loadJS(data.search as never, OPTIONS), df: new Map(data.df) };
}

/** The SOPs to suggest for a ticket text, best first; empty when nothing fits well enough. */
export function suggest(index: SopIndex, text: string, limit = 3): Suggestion[] {
	const query = terms(text);
	if (!query.length) return [];
	const byTerm = new Map<string, Set<string>>();
	for (const q of query) (byTerm.get(q.term) ?? byTerm.set(q.term, new Set()).get(q.term)!).add(q.word);
	const queryTerms = [...byTerm.keys()];

	const results = index.search.search(queryTerms.join(' '));
	const scored: Suggestion[] = [];
	for (const result of results.slice(0, CANDIDATES)) {
		const { evidence, matchedTerms } = evidenceOf(result, queryTerms, index.df);
		if (evidence < EVIDENCE_THRESHOLD) continue;
		scored.push({
			id: String(result.id),
			title: String(result['title'] ?? result.id),
			score: Math.round((evidence / (evidence + EVIDENCE_THRESHOLD)) * 1000) / 1000,
			matched: matchedTerms.flatMap((t) => [...byTerm.get(t)!]),
		});
	}
	return scored.sort((a, b) => b.score - a.score).slice(0, limit);
}

/** SOPs by name, for the agent's own search box: no threshold, title and keywords only. */
export function searchByName(index: SopIndex, text: string, limit = 8): { id: string; title: string }[] {
	if (!words(text).length) return [];
	return index.search
		.search(text, { fields: ['title', 'keywords', 'synonyms'], prefix: true, fuzzy: 0.2, combineWith: 'OR' })
		.slice(0, limit)
		.map((r) => ({ id: String(r.id), title: String(r['title'] ?? r.id) }));
}

/** Inside a phrase, a two-letter word ("ar" in "fora do ar") says little on its own. */
function evidenceWeight(field: Field, docTerm: string): number {
	const weight = EVIDENCE_WEIGHT[field] ?? 0;
	return (field === 'keyphrases' || field === 'synphrases') && docTerm.length <= 2 ? weight / 2 : weight;
}

function evidenceOf(result: SearchResult, queryTerms: string[], df: Map<string, number>) {
	const best = new Map<string, number>();
	for (const [docTerm, fields] of Object.entries(result.match)) {
		const fieldWeight = Math.max(...fields.map((f) => evidenceWeight(f as Field, docTerm)));
		const specificity = 1 / (df.get(docTerm) ?? 1);
		const [queryTerm, factor] = sourceOf(docTerm, queryTerms);
		const value = fieldWeight * factor * specificity;
		if (value > (best.get(queryTerm) ?? 0)) best.set(queryTerm, value);
	}
	let evidence = 0;
	for (const v of best.values()) evidence += v;
	return { evidence, matchedTerms: queryTerms.filter((t) => best.has(t)) };
}

/** Which query term produced a matched document term, and how exactly. */
function sourceOf(docTerm: string, queryTerms: string[]): [string, number] {
	if (queryTerms.includes(docTerm)) return [docTerm, 1];
	const prefix = queryTerms.filter((q) => docTerm.startsWith(q)).sort((a, b) => b.length - a.length)[0];
	if (prefix) return [prefix, PREFIX_FACTOR];
	let closest = queryTerms[0]!;
	let distance = Infinity;
	for (const q of queryTerms) {
		const d = editDistance(q, docTerm);
		if (d < distance) [closest, distance] = [q, d];
	}
	return [closest, FUZZY_FACTOR];
}
