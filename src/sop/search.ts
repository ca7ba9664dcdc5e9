import { editDistance } from './edit-distance.ts';
import { terms } from './text.ts';
import type { Sop } from './types.ts';

/**
 * Ranks SOPs for what an agent typed, with an explainable "evidence" score that also decides whether to
 * suggest anything at all: each query word counts by where it matched (title and keywords weigh more than
 * the summary), how exactly (typo and prefix matches count less) and how specific it is (a word found in
 * many SOPs tells little). Below the threshold nothing is suggested.
 *
 * The index is a sorted vocabulary with packed postings, built at build time and loaded with one
 * JSON.parse and one base64 decode. A general-purpose engine (MiniSearch, measured in bench/) spent its
 * time scoring thousands of SOPs through common words that cannot move this score, and took ~250 ms to
 * load a 10,000-SOP index; this one skips those words and loads in a few ms.
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
const FIELDS = ['title', 'keywords', 'keyphrases', 'synonyms', 'synphrases', 'categorias', 'summary'] as const;
type Field = (typeof FIELDS)[number];
const WEIGHT: Record<Field, number> = { title: 1, keywords: 1, keyphrases: 0.65, synonyms: 0.85, synphrases: 0.55, categorias: 0.6, summary: 0.35 };
const PHRASE_MASK = (1 << FIELDS.indexOf('keyphrases')) | (1 << FIELDS.indexOf('synphrases'));
const NAME_MASK = (1 << FIELDS.indexOf('title')) | (1 << FIELDS.indexOf('keywords')) | (1 << FIELDS.indexOf('synonyms'));
const PREFIX_FACTOR = 0.7;
const FUZZY_FACTOR = 0.6;
/** Evidence needed to suggest a SOP: about one exact keyword that only this SOP has. */
export const EVIDENCE_THRESHOLD = 0.9;
/** Prefix expansions per query word, most specific first. */
const MAX_EXPANSIONS = 24;
const FORMAT = 2;

export interface SopIndex {
	ids: string[];
	titles: string[];
	/** Every index term, sorted. */
	vocab: string[];
	/** Postings of vocab[i] are postings[offsets[i] .. offsets[i+1]). */
	offsets: Uint32Array;
	/** `doc << 8 | field bits`, one per (term, SOP). */
	postings: Uint32Array;
	/** Vocab indices by first letter, for typo matching; built on first use. */
	byInitial?: Map<string, number[]>;
}

function fieldTexts(sop: Sop): Record<Field, string[]> {
	const single = (list: string[]) => list.filter((entry) => terms(entry).length <= 1);
	const phrases = (list: string[]) => list.filter((entry) => terms(entry).length > 1);
	return {
		title: [sop.title],
		keywords: single(sop.keywords),
		keyphrases: phrases(sop.keywords),
		synonyms: single(sop.synonyms),
		synphrases: phrases(sop.synonyms),
		categorias: [sop.qualitor?.tipo ?? '', ...(sop.qualitor?.categorias ?? [])],
		summary: [sop.summary],
	};
}

export function buildIndex(sops: readonly Sop[]): SopIndex {
	const byTerm = new Map<string, Map<number, number>>();
	sops.forEach((sop, doc) => {
		const texts = fieldTexts(sop);
		FIELDS.forEach((field, bit) => {
			for (const text of texts[field]) {
				for (const { term } of terms(text)) {
					const docs = byTerm.get(term) ?? byTerm.set(term, new Map()).get(term)!;
					docs.set(doc, (docs.get(doc) ?? 0) | (1 << bit));
				}
			}
		});
	});
	const vocab = [...byTerm.keys()].sort();
	const offsets = new Uint32Array(vocab.length + 1);
	const postings: number[] = [];
	vocab.forEach((term, i) => {
		for (const [doc, mask] of byTerm.get(term)!) postings.push((doc << 8) | mask);
		offsets[i + 1] = postings.length;
	});
	return { ids: sops.map((s) => s.id), titles: sops.map((s) => s.title), vocab, offsets, postings: Uint32Array.from(postings) };
}

export function serializeIndex(index: SopIndex): string {
	return JSON.stringify({
		v: FORMAT,
		ids: index.ids,
		titles: index.titles,
		vocab: index.vocab.join('\n'),
		offsets: toBase64(index.offsets),
		postings: toBase64(index.postings),
	});
}

export function loadIndex(json: string): SopIndex {
	const data = JSON.parse(json) as { v: number; ids: string[]; titles: string[]; vocab: string; offsets: string; postings: string };
	if (data.v !== FORMAT) throw new Error(`unsupported SOP index format ${String(data.v)} (expected ${FORMAT}): rebuild the extension`);
	return {
		ids: data.ids,
		titles: data.titles,
		vocab: data.vocab ? data.vocab.split('\n') : [],
		offsets: fromBase64(data.offsets),
		postings: fromBase64(data.postings),
	};
}

/** The SOPs to suggest for a ticket text, best first; empty when nothing fits well enough. */
export function suggest(index: SopIndex, text: string, limit = 3): Suggestion[] {
	const query = distinctTerms(text);
	if (!query.length || !index.ids.length) return [];
	// A word in more SOPs than this adds at most 1/df < 0.05 to a 0.9 threshold: not worth its postings.
	const commonDf = Math.max(20, Math.ceil(index.ids.length / 100));
	const evidence = new Map<number, number>();
	// Query positions that matched, per SOP (a long Descrição has far more than 32 distinct words).
	const matched = new Map<number, number[]>();
	query.forEach(({ term }, q) => {
		const best = new Map<number, number>();
		for (const [v, factor] of expand(index, term, commonDf)) {
			const from = index.offsets[v]!;
			const to = index.offsets[v + 1]!;
			const specificity = 1 / (to - from);
			const short = index.vocab[v]!.length <= 2;
			for (let p = from; p < to; p++) {
				const posting = index.postings[p]!;
				const doc = posting >>> 8;
				const value = fieldWeight(posting & 0xff, short) * factor * specificity;
				if (value > (best.get(doc) ?? 0)) best.set(doc, value);
			}
		}
		for (const [doc, value] of best) {
			evidence.set(doc, (evidence.get(doc) ?? 0) + value);
			(matched.get(doc) ?? matched.set(doc, []).get(doc)!).push(q);
		}
	});
	const ranked: Suggestion[] = [];
	for (const [doc, value] of evidence) {
		if (value < EVIDENCE_THRESHOLD) continue;
		ranked.push({
			id: index.ids[doc]!,
			title: index.titles[doc]!,
			score: Math.round((value / (value + EVIDENCE_THRESHOLD)) * 1000) / 1000,
			matched: matched.get(doc)!.flatMap((q) => query[q]!.words),
		});
	}
	return ranked.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
}

/** SOPs by name, for the agent's own search box: title, keywords and synonyms, no threshold. */
export function searchByName(index: SopIndex, text: string, limit = 8): { id: string; title: string }[] {
	const query = distinctTerms(text);
	const score = new Map<number, number>();
	for (const { term } of query) {
		const best = new Map<number, number>();
		for (const [v, factor] of expand(index, term, Infinity)) {
			for (let p = index.offsets[v]!; p < index.offsets[v + 1]!; p++) {
				const posting = index.postings[p]!;
				if (!(posting & NAME_MASK)) continue;
				const doc = posting >>> 8;
				best.set(doc, Math.max(best.get(doc) ?? 0, fieldWeight(posting & NAME_MASK, false) * factor));
			}
		}
		for (const [doc, value] of best) score.set(doc, (score.get(doc) ?? 0) + value);
	}
	return [...score]
		.sort(([a, x], [b, y]) => y - x || index.titles[a]!.localeCompare(index.titles[b]!))
		.slice(0, limit)
		.map(([doc]) => ({ id: index.ids[doc]!, title: index.titles[doc]! }));
}

function distinctTerms(text: string): { term: string; words: string[] }[] {
	const byTerm = new Map<string, Set<string>>();
	for (const { term, word } of terms(text)) (byTerm.get(term) ?? byTerm.set(term, new Set()).get(term)!).add(word);
	return [...byTerm].map(([term, set]) => ({ term, words: [...set] }));
}

function fieldWeight(mask: number, short: boolean): number {
	let weight = 0;
	for (let bit = 0; bit < FIELDS.length; bit++) {
		if (!(mask & (1 << bit))) continue;
		// Inside a phrase, a two-letter word ("ar" in "fora do ar") says little on its own.
		const w = WEIGHT[FIELDS[bit]!] / (short && PHRASE_MASK & (1 << bit) ? 2 : 1);
		if (w > weight) weight = w;
	}
	return weight;
}

/**
 * The vocabulary terms a query term reaches, with how exactly: itself; longer words it begins (other
 * endings of the same Portuguese stem); and, for a word the index does not know, words one or two typos
 * away. Common words are left out of the inexact matches.
 */
function expand(index: SopIndex, term: string, commonDf: number): [number, number][] {
	const out: [number, number][] = [];
	const df = (v: number) => index.offsets[v + 1]! - index.offsets[v]!;
	const at = lowerBound(index.vocab, term);
	const known = index.vocab[at] === term;
	if (known && df(at) <= commonDf) out.push([at, 1]);
	if (term.length >= 4) {
		const prefixed: number[] = [];
		for (let v = known ? at + 1 : at; v < index.vocab.length && index.vocab[v]!.startsWith(term); v++) {
			if (df(v) <= commonDf) prefixed.push(v);
		}
		prefixed.sort((a, b) => df(a) - df(b));
		for (const v of prefixed.slice(0, MAX_EXPANSIONS)) out.push([v, PREFIX_FACTOR]);
	}
	if (!known && term.length >= 5) {
		const max = term.length >= 8 ? 2 : 1;
		for (const v of byInitial(index).get(term[0]!) ?? []) {
			const candidate = index.vocab[v]!;
			if (Math.abs(candidate.length - term.length) > max || df(v) > commonDf || candidate.startsWith(term)) continue;
			if (editDistance(term, candidate, max) <= max) out.push([v, FUZZY_FACTOR]);
		}
	}
	return out;
}

function byInitial(index: SopIndex): Map<string, number[]> {
	if (index.byInitial) return index.byInitial;
	const map = new Map<string, number[]>();
	index.vocab.forEach((term, v) => (map.get(term[0]!) ?? map.set(term[0]!, []).get(term[0]!)!).push(v));
	index.byInitial = map;
	return map;
}

function lowerBound(sorted: readonly string[], value: string): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid]! < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

function toBase64(array: Uint32Array): string {
	const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

function fromBase64(text: string): Uint32Array {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return new Uint32Array(bytes.buffer);
}
