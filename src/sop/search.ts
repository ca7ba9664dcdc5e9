import { withinEdits } from './edit-distance.ts';
import { findPhrase, nearKeys, occurrenceText, phraseKeys, situationAfterContrast, ticketWords, type Occurrence, type TicketWords } from './situation.ts';
import { terms, tokenize } from './text.ts';
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

/** How sure the search is, in the agent's words: "provável" or "possível". */
export type Level = 'provavel' | 'possivel';

export interface Suggestion {
	id: string;
	title: string;
	/** Ranking value in 0..1 (0.5 at the evidence threshold): for ordering and scripts, never shown as a percentage. */
	score: number;
	/** The words of the query that matched, as the agent typed them (folded). */
	matched: string[];
	/**
	 * provavel: the ticket describes the SOP's situation (its object and its state) and two or more of its
	 * words agree; possivel: the situation rests on one word or little else, or the SOP declares none.
	 */
	level: Level;
	/** The situation parts found in the ticket (its own words): why the SOP is suggested. */
	why: { objeto: string[]; estado: string[] };
}

/** A near miss the ticket describes (the SOP's `nao_confundir`): said instead of suggesting the SOP. */
export interface Hint {
	id: string;
	title: string;
	/** The author's `dica`, or "Parece <near miss> — não é o SOP <title>". */
	text: string;
	/** The ticket's words that matched the near miss. */
	matched: string;
}

export interface Ranking {
	suggestions: Suggestion[];
	hints: Hint[];
}

// One-word keywords are strong evidence; a word that only appears inside a longer keyword phrase
// ("solicitação" in "pegar solicitação") is weaker on its own, and the phrase's other words add up.
const FIELDS = ['title', 'keywords', 'keyphrases', 'synonyms', 'synphrases', 'categorias', 'summary', 'exemplos'] as const;
type Field = (typeof FIELDS)[number];
const WEIGHT: Record<Field, number> = { title: 1, keywords: 1, keyphrases: 0.65, synonyms: 0.85, synphrases: 0.55, categorias: 0.6, summary: 0.35, exemplos: 0.4 };
const PHRASE_MASK = (1 << FIELDS.indexOf('keyphrases')) | (1 << FIELDS.indexOf('synphrases'));
const NAME_MASK = (1 << FIELDS.indexOf('title')) | (1 << FIELDS.indexOf('keywords')) | (1 << FIELDS.indexOf('synonyms'));
const PREFIX_FACTOR = 0.7;
const FUZZY_FACTOR = 0.6;
/** Evidence needed to suggest a SOP: about one exact keyword that only this SOP has. */
export const EVIDENCE_THRESHOLD = 0.9;
/** Prefix expansions per query word, most specific first. */
const MAX_EXPANSIONS = 24;
const FORMAT = 4;

/** What a situation phrase is: part of the SOP's object, of its state, or a near miss. */
const OBJETO = 0;
const ESTADO = 1;
const NEAR_MISS = 2;

export interface SopIndex {
	ids: string[];
	titles: string[];
	/** Every index term, sorted. */
	vocab: string[];
	/** Postings of vocab[i] are postings[offsets[i] .. offsets[i+1]). */
	offsets: Uint32Array;
	/**
	 * `doc << 8 | field bits`, one per (term, SOP), packed five base-64 digits each (read with `postingAt`):
	 * shipped and kept as one string, so loading decodes nothing and a query decodes only what it reads.
	 */
	postings: string;
	/** Vocab indices by first letter and length (`"c9"`), for typo matching; built on first use. */
	byInitial?: Map<string, number[]>;
	/**
	 * Situation and near-miss phrases, grouped by their rarest word (the anchor; sorted) so that a query
	 * reads only the groups of its own words: `phraseGroups[i]` holds the phrases anchored on
	 * `phraseAnchors[i]`, tab-separated, each `key key…|doc.kind.item,…` (kind 0 objeto, 1 estado, 2
	 * nao_confundir; item = the situation's or the near miss's number). Parsed on first use.
	 */
	phraseAnchors: string[];
	phraseGroups: string[];
	/** Every word of those phrases, sorted (typo matching, known words). */
	phraseKeys: string[];
	/** Per SOP: one digit per situation (1 objeto only, 3 objeto and estado); empty without situacao. */
	declares: string[];
	/** Per SOP (lines): its near misses (tab-separated) as `texto\u0001dica`; for hints, split on first use. */
	nearMisses: string;
	/** Parsed groups and near misses, filled as queries need them. */
	cache?: { groups: Map<number, PhraseGroup[]>; nearMisses?: string[] };
}

interface PhraseGroup {
	keys: string[];
	/** The same key list as one string: phrases shared by many SOPs are looked for once per query. */
	id: string;
	owners: { doc: number; kind: number; item: number }[];
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
		exemplos: sop.exemplos ?? [],
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
	return { ids: sops.map((s) => s.id), titles: sops.map((s) => s.title), vocab, offsets, postings: packNumbers(postings), ...situationIndex(sops) };
}

/** The situation and near-miss phrases of every SOP, grouped by anchor (see SopIndex). */
function situationIndex(sops: readonly Sop[]): Pick<SopIndex, 'phraseAnchors' | 'phraseGroups' | 'phraseKeys' | 'declares' | 'nearMisses'> {
	const owners = new Map<string, string[]>();
	sops.forEach((sop, doc) => {
		// `item`: the situation for objeto/estado, the near miss for nao_confundir.
		const add = (kind: number, item: number, list: readonly string[]) => {
			for (const text of list) {
				const keys = phraseKeys(text).join(' ');
				if (keys) (owners.get(keys) ?? owners.set(keys, []).get(keys)!).push(`${doc}.${kind}.${item}`);
			}
		};
		(sop.situacao ?? []).forEach((situation, s) => {
			add(OBJETO, s, situation.objeto);
			add(ESTADO, s, situation.estado);
		});
		(sop.naoConfundir ?? []).forEach((miss, item) => add(NEAR_MISS, item, miss.texto));
	});
	const df = new Map<string, number>();
	for (const keys of owners.keys()) for (const k of new Set(keys.split(' '))) df.set(k, (df.get(k) ?? 0) + 1);
	const groups = new Map<string, string[]>();
	for (const [keys, list] of owners) {
		// Anchored on its rarest word, so a common one ("não", "sem") does not make every phrase a candidate.
		const anchor = keys.split(' ').reduce((a, b) => (df.get(b)! < df.get(a)! ? b : a));
		(groups.get(anchor) ?? groups.set(anchor, []).get(anchor)!).push(`${keys}|${list.join(',')}`);
	}
	const phraseAnchors = [...groups.keys()].sort();
	return {
		phraseAnchors,
		phraseGroups: phraseAnchors.map((a) => groups.get(a)!.join('\t')),
		phraseKeys: [...df.keys()].sort(),
		declares: sops.map((sop) => (sop.situacao ?? []).map((s) => (s.estado.length ? 3 : 1)).join('')),
		nearMisses: sops.map((sop) => (sop.naoConfundir ?? []).map((n) => `${n.texto[0]!}\u0001${n.dica ?? ''}`.replace(/[\t\n]/g, ' ')).join('\t')).join('\n'),
	};
}

/**
 * The shipped index is one string: a JSON header line (format, section lengths) and the sections one after
 * the other, as they are kept in memory. Loading slices them and splits the word lists: no JSON.parse of
 * megabytes, no escapes to undo (a 10,000-SOP index loads in a few ms where a JSON document took ~30).
 */
const SECTIONS = ['ids', 'titles', 'vocab', 'offsets', 'postings', 'pa', 'pg', 'pk', 'decl', 'nm'] as const;

export function serializeIndex(index: SopIndex): string {
	const sections: Record<(typeof SECTIONS)[number], string> = {
		ids: joinLines(index.ids),
		titles: joinLines(index.titles),
		vocab: index.vocab.join('\n'),
		offsets: toBase64(index.offsets),
		postings: index.postings,
		pa: index.phraseAnchors.join('\n'),
		pg: index.phraseGroups.join('\n'),
		pk: index.phraseKeys.join('\n'),
		decl: index.declares.join(','),
		nm: index.nearMisses,
	};
	const body = SECTIONS.map((name) => sections[name]);
	return `${JSON.stringify({ v: FORMAT, n: index.ids.length, len: body.map((b) => b.length) })}\n${body.join('')}`;
}

export function loadIndex(text: string): SopIndex {
	const newline = text.indexOf('\n');
	let header: { v?: unknown; n?: unknown; len?: unknown };
	try {
		header = JSON.parse(newline < 0 ? text : text.slice(0, newline)) as typeof header;
	} catch {
		throw new Error('unreadable SOP index: rebuild the extension');
	}
	if (header.v !== FORMAT) throw new Error(`unsupported SOP index format ${String(header.v)} (expected ${FORMAT}): rebuild the extension`);
	const len = header.len as number[];
	const part = {} as Record<(typeof SECTIONS)[number], string>;
	let at = newline + 1;
	SECTIONS.forEach((name, i) => {
		part[name] = text.slice(at, (at += len[i]!));
	});
	const lines = (section: string) => (section ? section.split('\n') : []);
	return {
		ids: splitLines(part.ids, header.n as number),
		titles: splitLines(part.titles, header.n as number),
		vocab: lines(part.vocab),
		offsets: fromBase64(part.offsets),
		postings: part.postings,
		phraseAnchors: lines(part.pa),
		phraseGroups: lines(part.pg),
		phraseKeys: lines(part.pk),
		declares: part.decl.split(','),
		nearMisses: part.nm,
	};
}

/** One string per line; a backslash or line break inside one (never in practice) is escaped. */
function joinLines(list: readonly string[]): string {
	return list.map((s) => (/[\\\n]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n') : s)).join('\n');
}

function splitLines(section: string, n: number): string[] {
	if (!n) return [];
	const list = section.split('\n');
	if (!section.includes('\\')) return list;
	return list.map((s) => s.replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\')));
}

/** The SOPs to suggest for a ticket text, best first; empty when nothing fits well enough. */
export function suggest(index: SopIndex, text: string, limit = 3): Suggestion[] {
	return rank(index, text, limit).suggestions;
}

/**
 * What to say about a ticket text: the SOPs whose situation it describes, best first, and the near misses
 * it describes instead (hints). A SOP that declares a situation is suggested only when the ticket names
 * its object and its state (not negated) and no near miss of it; one without a situation needs the
 * evidence threshold.
 */
export function rank(index: SopIndex, text: string, limit = 3): Ranking {
	const tokens = tokenize(text);
	if (!tokens.length || !index.ids.length) return { suggestions: [], hints: [] };
	const query = distinctTerms(tokens);
	const { evidence, matched } = wordEvidence(index, query);
	const known = (k: string) => index.phraseKeys[lowerBound(index.phraseKeys, k)] === k || index.vocab[lowerBound(index.vocab, k)] === k;
	const ticket = ticketWords(tokens, known, (k) => nearKeys(index.phraseKeys, k));
	const found = findSituations(index, ticket);

	const suggestions: Suggestion[] = [];
	const hints: (Hint & { value: number })[] = [];
	const candidates: number[] = [...found.keys()];
	// A SOP with situations and none of its phrases in the ticket can neither fit nor be hinted.
	for (const doc of evidence.keys()) if (!found.has(doc) && !index.declares[doc] && evidence.get(doc)! >= EVIDENCE_THRESHOLD) candidates.push(doc);
	for (const doc of candidates) {
		const value = evidence.get(doc) ?? 0;
		const parts = found.get(doc);
		const declared = index.declares[doc]!;
		// The first situation the ticket describes, else the one it comes closest to (for hints).
		let objeto: Occurrence[] = [];
		let estado: Occurrence[] = [];
		let fits = !declared && value >= EVIDENCE_THRESHOLD;
		for (let s = 0; s < declared.length && !fits; s++) {
			const o = live(parts?.objeto[s]);
			if (!o.length) continue;
			const e = declared.charCodeAt(s) === 51 /* '3': has estado */ ? live(parts?.estado[s]) : undefined;
			if (!e || e.length) [objeto, estado, fits] = [o, e ?? [], true];
			else if (!objeto.length) objeto = o;
		}
		const misses = parts?.misses.filter((m) => !m.occurrence.negated) ?? [];
		const situation = estado.length ? estado : objeto;
		const vetoed = misses.length > 0 && !situationAfterContrast(ticket, misses.map((m) => m.occurrence), situation);
		if (vetoed) {
			// Said only when the SOP would otherwise have spoken, or its object is plainly the ticket's subject.
			if (fits || (objeto.length > 0 && value >= EVIDENCE_THRESHOLD / 2)) {
				const miss = misses[0]!;
				const [texto, dica] = nearMiss(index, doc, miss.item);
				const title = index.titles[doc]!;
				hints.push({ id: index.ids[doc]!, title, text: dica ?? `Parece "${texto}" — não é o SOP ${title}`, matched: occurrenceText(ticket, miss.occurrence), value });
			}
			continue;
		}
		if (!fits) continue;
		const situated = declared !== '';
		const words = (matched.get(doc) ?? []).flatMap((q) => query[q]!.words);
		// The situation counts as much as the threshold: it ranks SOPs that fit above ones that share words.
		const total = value + (situated ? EVIDENCE_THRESHOLD : 0);
		suggestions.push({
			id: index.ids[doc]!,
			title: index.titles[doc]!,
			score: Math.round((total / (total + 2 * EVIDENCE_THRESHOLD)) * 1000) / 1000,
			matched: words,
			// One word is never "provável", however specific: the agent sees how little it rests on.
			level: situated && value >= EVIDENCE_THRESHOLD && words.length >= 2 ? 'provavel' : 'possivel',
			why: { objeto: distinct(objeto.map((o) => occurrenceText(ticket, o))), estado: distinct(estado.map((o) => occurrenceText(ticket, o))) },
		});
	}
	suggestions.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
	hints.sort((a, b) => b.value - a.value || a.id.localeCompare(b.id));
	return {
		suggestions: suggestions.slice(0, limit),
		hints: hints.slice(0, 1).map(({ value: _, ...hint }) => hint),
	};
}

const distinct = (list: string[]) => [...new Set(list)];
const live = (list: Occurrence[] | undefined) => (list ? list.filter((o) => !o.negated) : []);

/** Per SOP, the sum over query words of their best match: field weight × exactness × specificity. */
function wordEvidence(index: SopIndex, query: { term: string; words: string[] }[]) {
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
				const posting = postingAt(index.postings, p);
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
	return { evidence, matched };
}

interface Found {
	/** Per situation. */
	objeto: Occurrence[][];
	estado: Occurrence[][];
	misses: { item: number; occurrence: Occurrence }[];
}

/** The situation and near-miss phrases found in the ticket, per SOP. */
function findSituations(index: SopIndex, ticket: TicketWords): Map<number, Found> {
	const found = new Map<number, Found>();
	const cache: NonNullable<SopIndex['cache']> = (index.cache ??= { groups: new Map() });
	for (const key of ticket.at.keys()) {
		const g = lowerBound(index.phraseAnchors, key);
		if (index.phraseAnchors[g] !== key) continue;
		let groups = cache.groups.get(g);
		if (!groups) cache.groups.set(g, (groups = parseGroup(index.phraseGroups[g]!)));
		for (const group of groups) {
			const occurrences = findPhrase(ticket, group.keys);
			if (!occurrences.length) continue;
			for (const { doc, kind, item } of group.owners) {
				const f = found.get(doc) ?? found.set(doc, { objeto: [], estado: [], misses: [] }).get(doc)!;
				if (kind === OBJETO) (f.objeto[item] ??= []).push(...occurrences);
				else if (kind === ESTADO) (f.estado[item] ??= []).push(...occurrences);
				else for (const occurrence of occurrences) f.misses.push({ item, occurrence });
			}
		}
	}
	return found;
}

function parseGroup(text: string): PhraseGroup[] {
	return text.split('\t').map((record) => {
		const bar = record.indexOf('|');
		const id = record.slice(0, bar);
		const owners = record
			.slice(bar + 1)
			.split(',')
			.map((o) => {
				const [doc, kind, item] = o.split('.').map(Number) as [number, number, number];
				return { doc, kind, item };
			});
		return { keys: id.split(' '), id, owners };
	});
}

function nearMiss(index: SopIndex, doc: number, item: number): [string, string | undefined] {
	const cache: NonNullable<SopIndex['cache']> = (index.cache ??= { groups: new Map() });
	cache.nearMisses ??= index.nearMisses.split('\n');
	const [texto = '', dica = ''] = (cache.nearMisses[doc] ?? '').split('\t')[item]?.split('\u0001') ?? [];
	return [texto, dica || undefined];
}

/** SOPs by name, for the agent's own search box: title, keywords and synonyms, no threshold. */
export function searchByName(index: SopIndex, text: string, limit = 8): { id: string; title: string }[] {
	const query = distinctTerms(tokenize(text));
	const score = new Map<number, number>();
	for (const { term } of query) {
		const best = new Map<number, number>();
		for (const [v, factor] of expand(index, term, Infinity, 4)) {
			for (let p = index.offsets[v]!; p < index.offsets[v + 1]!; p++) {
				const posting = postingAt(index.postings, p);
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

function distinctTerms(tokens: readonly { key: string; word: string; stop: boolean }[]): { term: string; words: string[] }[] {
	const byTerm = new Map<string, Set<string>>();
	for (const { key: term, word, stop } of tokens) if (!stop) (byTerm.get(term) ?? byTerm.set(term, new Set()).get(term)!).add(word);
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
function expand(index: SopIndex, term: string, commonDf: number, minPrefix = 5): [number, number][] {
	const out: [number, number][] = [];
	const df = (v: number) => index.offsets[v + 1]! - index.offsets[v]!;
	const at = lowerBound(index.vocab, term);
	const known = index.vocab[at] === term;
	if (known && df(at) <= commonDf) out.push([at, 1]);
	// In tickets, prefixes from five letters: "notari" finds "notarizado", but "nota" (fiscal) does not.
	if (term.length >= minPrefix) {
		const prefixed: number[] = [];
		for (let v = known ? at + 1 : at; v < index.vocab.length && index.vocab[v]!.startsWith(term); v++) {
			if (df(v) <= commonDf) prefixed.push(v);
		}
		prefixed.sort((a, b) => df(a) - df(b));
		for (const v of prefixed.slice(0, MAX_EXPANSIONS)) out.push([v, PREFIX_FACTOR]);
	}
	if (!known && term.length >= 5) {
		const max = term.length >= 8 ? 2 : 1;
		const buckets = byInitial(index);
		for (let length = term.length - max; length <= term.length + max; length++) {
			for (const v of buckets.get(term[0]! + length) ?? []) {
				const candidate = index.vocab[v]!;
				if (df(v) > commonDf || candidate.startsWith(term)) continue;
				if (withinEdits(term, candidate, max)) out.push([v, FUZZY_FACTOR]);
			}
		}
	}
	return out;
}

function byInitial(index: SopIndex): Map<string, number[]> {
	if (index.byInitial) return index.byInitial;
	const map = new Map<string, number[]>();
	index.vocab.forEach((term, v) => {
		const key = term[0]! + term.length;
		(map.get(key) ?? map.set(key, []).get(key)!).push(v);
	});
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

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Uint8Array(128);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;

/** Numbers below 2^30 as five base-64 digits each, most significant first. */
function packNumbers(list: readonly number[]): string {
	let out = '';
	for (const n of list) {
		if (n < 0 || n >= 2 ** 30) throw new Error(`SOP index too large: ${n} does not fit the packed format`);
		out += B64[(n >>> 24) & 63]! + B64[(n >>> 18) & 63]! + B64[(n >>> 12) & 63]! + B64[(n >>> 6) & 63]! + B64[n & 63]!;
	}
	return out;
}

function postingAt(packed: string, p: number): number {
	const i = p * 5;
	return (
		(B64_VALUE[packed.charCodeAt(i)]! << 24) |
		(B64_VALUE[packed.charCodeAt(i + 1)]! << 18) |
		(B64_VALUE[packed.charCodeAt(i + 2)]! << 12) |
		(B64_VALUE[packed.charCodeAt(i + 3)]! << 6) |
		B64_VALUE[packed.charCodeAt(i + 4)]!
	);
}

function toBase64(array: Uint32Array): string {
	const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

/** Decoded with a table rather than atob (a second string as long as the data, and slow in Node). */
function fromBase64(text: string): Uint32Array {
	let end = text.length;
	while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
	const bytes = new Uint8Array((end * 3) >> 2);
	let o = 0;
	let i = 0;
	for (; i + 4 <= end; i += 4) {
		const n = (B64_VALUE[text.charCodeAt(i)]! << 18) | (B64_VALUE[text.charCodeAt(i + 1)]! << 12) | (B64_VALUE[text.charCodeAt(i + 2)]! << 6) | B64_VALUE[text.charCodeAt(i + 3)]!;
		bytes[o++] = n >> 16;
		bytes[o++] = (n >> 8) & 0xff;
		bytes[o++] = n & 0xff;
	}
	if (end - i >= 2) {
		const n = (B64_VALUE[text.charCodeAt(i)]! << 18) | (B64_VALUE[text.charCodeAt(i + 1)]! << 12) | (end - i === 3 ? B64_VALUE[text.charCodeAt(i + 2)]! << 6 : 0);
		bytes[o++] = n >> 16;
		if (end - i === 3) bytes[o++] = (n >> 8) & 0xff;
	}
	return new Uint32Array(bytes.buffer, 0, bytes.length >> 2);
}
