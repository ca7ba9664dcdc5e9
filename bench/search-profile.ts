/**
 * `npm run bench -- search-profile`: where query and load time go at 10,000 SOPs, and prototypes of
 * changes to src/sop/search.ts measured from outside (src/ is not modified: the prototypes re-run the same
 * evidence logic over the same MiniSearch index with different search options / query terms).
 */
import type { SearchOptions, SearchResult } from 'minisearch';
import MiniSearch from 'minisearch';
import { editDistance } from '../src/sop/edit-distance.ts';
import { buildIndex, EVIDENCE_THRESHOLD, loadIndex, serializeIndex, suggest, type SopIndex } from '../src/sop/search.ts';
import { stem, terms } from '../src/sop/text.ts';
import { queriesFor, type Query } from './queries.ts';
import { bytes, median, ms, now, percentile, table, time } from './stats.ts';
import { syntheticLibrary } from './synthetic-sops.ts';

// Copies of the private constants of src/sop/search.ts, so the prototypes score exactly like suggest().
const EVIDENCE_WEIGHT: Record<string, number> = { title: 1, keywords: 1, keyphrases: 0.65, synonyms: 0.85, synphrases: 0.55, categorias: 0.6, summary: 0.35 };
const CANDIDATES = 12;

type Variant = {
	name: string;
	/** Which query terms go to MiniSearch, and with which per-call search options. */
	plan: (index: SopIndex, queryTerms: string[], frequent: Frequent) => { send: string[]; options?: SearchOptions };
};

interface Frequent {
	cap: number;
	/** Terms in more than `cap` SOPs: each can add at most 1/cap evidence. */
	terms: string[];
}

const VARIANTS: Variant[] = [
	{ name: 'current suggest() (as shipped)', plan: (_, q) => ({ send: q }) },
	{ name: 'no prefix', plan: (_, q) => ({ send: q, options: { prefix: false } }) },
	{ name: 'no fuzzy', plan: (_, q) => ({ send: q, options: { fuzzy: false } }) },
	{ name: 'no prefix, no fuzzy', plan: (_, q) => ({ send: q, options: { prefix: false, fuzzy: false } }) },
	{ name: 'maxFuzzy 1', plan: (_, q) => ({ send: q, options: { maxFuzzy: 1 } }) },
	{
		name: 'prefix on last term only',
		plan: (_, q) => ({ send: q, options: { prefix: (t: string, i: number, all: string[]) => i === all.length - 1 && t.length >= 4 } }),
	},
	{
		name: 'fuzzy only for terms not in index',
		plan: (index, q) => ({ send: q, options: { fuzzy: (t: string) => (t.length >= 5 && !index.df.has(t) ? 0.2 : false) } }),
	},
	{ name: 'drop frequent terms (df > cap)', plan: (index, q, f) => ({ send: q.filter((t) => (index.df.get(t) ?? 0) <= f.cap) }) },
	{
		name: 'drop frequent + typos of them, prefix on last (fuzzy as now)',
		plan: (index, q, f) => ({
			send: q.filter((t) => keep(index, t, f)),
			options: { prefix: (t: string, i: number, all: string[]) => i === all.length - 1 && t.length >= 4 },
		}),
	},
	{
		name: 'same + fuzzy only for unknown terms',
		plan: (index, q, f) => ({
			send: q.filter((t) => {
				const df = index.df.get(t);
				if (df !== undefined) return df <= f.cap;
				// An unknown word within fuzzy reach of a frequent term is (almost surely) a typo of it: it tells nothing either.
				const reach = t.length >= 5 ? Math.round(t.length * 0.2) : 0;
				return !f.terms.some((ft) => Math.abs(ft.length - t.length) <= reach && editDistance(ft, t) <= reach);
			}),
			options: {
				fuzzy: (t: string) => (t.length >= 5 && !index.df.has(t) ? 0.2 : false),
				prefix: (t: string, i: number, all: string[]) => i === all.length - 1 && t.length >= 4,
			},
		}),
	},
];

/** Keep a query term unless it is frequent (df > cap) or, unknown, within fuzzy reach of a frequent term (a typo of it). */
function keep(index: SopIndex, t: string, f: Frequent): boolean {
	const df = index.df.get(t);
	if (df !== undefined) return df <= f.cap;
	const reach = t.length >= 5 ? Math.round(t.length * 0.2) : 0;
	return !f.terms.some((ft) => Math.abs(ft.length - t.length) <= reach && editDistance(ft, t) <= reach);
}

/** suggest() with the variant's plan; the evidence logic is a copy of src/sop/search.ts. */
function suggestWith(index: SopIndex, text: string, variant: Variant, frequent: Frequent): { id: string; score: number }[] {
	const query = terms(text);
	if (!query.length) return [];
	const queryTerms = [...new Set(query.map((q) => q.term))];
	const { send, options } = variant.plan(index, queryTerms, frequent);
	if (!send.length) return [];
	const results = index.search.search(send.join(' '), options);
	const out: { id: string; score: number }[] = [];
	for (const result of results.slice(0, CANDIDATES)) {
		const evidence = evidenceOf(result, queryTerms, index.df);
		if (evidence >= EVIDENCE_THRESHOLD) out.push({ id: String(result.id), score: evidence / (evidence + EVIDENCE_THRESHOLD) });
	}
	return out.sort((a, b) => b.score - a.score).slice(0, 3);
}

function evidenceOf(result: SearchResult, queryTerms: string[], df: Map<string, number>): number {
	const best = new Map<string, number>();
	for (const [docTerm, fields] of Object.entries(result.match)) {
		const fieldWeight = Math.max(...fields.map((f) => EVIDENCE_WEIGHT[f] ?? 0));
		let source = queryTerms.includes(docTerm) ? docTerm : undefined;
		let factor = 1;
		if (!source) {
			source = queryTerms.filter((q) => docTerm.startsWith(q)).sort((a, b) => b.length - a.length)[0];
			factor = 0.7;
		}
		if (!source) {
			let d = Infinity;
			for (const q of queryTerms) {
				const e = editDistance(q, docTerm);
				if (e < d) [source, d] = [q, e];
			}
			factor = 0.6;
		}
		const value = fieldWeight * factor * (1 / (df.get(docTerm) ?? 1));
		if (value > (best.get(source!) ?? 0)) best.set(source!, value);
	}
	let evidence = 0;
	for (const v of best.values()) evidence += v;
	return evidence;
}

export async function benchSearchProfile(size = 10000): Promise<void> {
	const sops = syntheticLibrary(size);
	const queries = queriesFor(sops, 1000);
	const index = buildIndex(sops);
	const json = serializeIndex(index);
	const cap = Math.max(20, Math.round(size / 100));
	const frequent: Frequent = { cap, terms: [...index.df].filter(([, n]) => n > cap).map(([t]) => t) };
	console.log(`${size.toLocaleString('en-US')} SOPs, ${index.search.termCount.toLocaleString('en-US')} terms; ${frequent.terms.length} terms in more than ${cap} SOPs (1%).`);

	// 1. Where a query's time goes (current code).
	const sample = queries.filter((_, i) => i % 2 === 0);
	for (const q of sample.slice(0, 100)) suggest(index, q.text);
	const parts = { terms: [] as number[], search: [] as number[], total: [] as number[], results: [] as number[], expanded: [] as number[] };
	let doubleStemmed = 0;
	let queryTermCount = 0;
	for (const q of sample) {
		const t0 = now();
		const qt = [...new Set(terms(q.text).map((x) => x.term))];
		const t1 = now();
		const results = index.search.search(qt.join(' '));
		const t2 = now();
		suggest(index, q.text);
		const t3 = now();
		parts.terms.push(t1 - t0);
		parts.search.push(t2 - t1);
		parts.total.push(t3 - t2);
		parts.results.push(results.length);
		parts.expanded.push(new Set(results.slice(0, 50).flatMap((r) => r.terms)).size);
		queryTermCount += qt.length;
		doubleStemmed += qt.filter((t) => stem(t) !== t).length;
	}
	console.log('\nWhere the time of suggest() goes (500 queries, current code):');
	console.log(
		table([
			['part', 'p50', 'p95', 'max'],
			['terms() (fold, stop words, stem)', ms(percentile(parts.terms, 50)), ms(percentile(parts.terms, 95)), ms(Math.max(...parts.terms))],
			['MiniSearch search() alone', ms(percentile(parts.search, 50)), ms(percentile(parts.search, 95)), ms(Math.max(...parts.search))],
			['whole suggest()', ms(percentile(parts.total, 50)), ms(percentile(parts.total, 95)), ms(Math.max(...parts.total))],
			['results MiniSearch returns (docs)', String(percentile(parts.results, 50)), String(percentile(parts.results, 95)), String(Math.max(...parts.results))],
		]),
	);
	const corr = correlation(parts.results, parts.search);
	console.log(`search() time vs number of matched docs: correlation ${corr.toFixed(2)}.`);
	console.log(
		`query terms that MiniSearch stems a second time (processTerm on already-stemmed terms): ${doubleStemmed} of ${queryTermCount} ` +
			`(they miss their exact index term and come back only through prefix/fuzzy matching).`,
	);

	// 2. Prototypes: latency and agreement with the current suggestions.
	const reference = queries.map((q) => suggest(index, q.text)[0]?.id);
	const rows: string[][] = [['variant (same evidence logic)', 'p50', 'p95', 'p99', 'max', 'same top-1 as now', 'dev top-1 right', 'all 1,000: top-1 = expected']];
	for (const v of VARIANTS) {
		for (const q of queries.slice(0, 100)) suggestWith(index, q.text, v, frequent);
		const times: number[] = [];
		let same = 0;
		let devRight = 0;
		let dev = 0;
		let expectedRight = 0;
		queries.forEach((q: Query, i) => {
			const start = now();
			const top = suggestWith(index, q.text, v, frequent)[0]?.id;
			times.push(now() - start);
			if (top === reference[i]) same++;
			if (top === q.expected) expectedRight++; // both undefined: nothing suggested for an unrelated text
			if (q.kind === 'dev') {
				dev++;
				if (top === q.expected) devRight++;
			}
		});
		rows.push([v.name, ms(percentile(times, 50)), ms(percentile(times, 95)), ms(percentile(times, 99)), ms(Math.max(...times)), `${((100 * same) / queries.length).toFixed(1)}%`, `${devRight}/${dev}`, `${expectedRight}/${queries.length}`]);
	}
	console.log('\nPrototypes over the 1,000 queries:');
	console.log(table(rows));

	// 3. Where load time goes.
	const runs = 5;
	const parse: number[] = [];
	const loadJs: number[] = [];
	const dfMap: number[] = [];
	for (let i = 0; i < runs; i++) {
		const p = time(() => JSON.parse(json) as { search: unknown; df: [string, number][] });
		parse.push(p.ms);
		loadJs.push(time(() => MiniSearch.loadJS(p.value.search as never, { fields: ['x'] })).ms);
		dfMap.push(time(() => new Map(p.value.df)).ms);
	}
	const parsed = JSON.parse(json) as { search: { index: unknown[]; storedFields: unknown; fieldLength: unknown; documentIds: unknown }; df: unknown[] };
	const share = (v: unknown) => bytes(JSON.stringify(v).length);
	console.log(`\nWhere index load goes (${bytes(json.length)} JSON, median of ${runs}):`);
	console.log(
		table([
			['part', 'time / size'],
			['JSON.parse of the whole string', ms(median(parse))],
			['MiniSearch.loadJS (radix tree + Maps per term/field/doc)', ms(median(loadJs))],
			['new Map(df)', ms(median(dfMap))],
			['  JSON of search.index (postings)', share(parsed.search.index)],
			['  JSON of fieldLength', share(parsed.search.fieldLength)],
			['  JSON of storedFields + documentIds', share([parsed.search.storedFields, parsed.search.documentIds])],
			['  JSON of df', share(parsed.df)],
		]),
	);

	// 4. Prototype: a compact binary-friendly format (sorted term list + one Int32Array of postings, base64).
	const compact = compactSerialize(loadIndex(json));
	const cl: number[] = [];
	for (let i = 0; i < runs; i++) cl.push(time(() => compactLoad(compact)).ms);
	const { gzipSync } = await import('node:zlib');
	console.log(
		`\nPrototype compact format (terms joined by \\n, postings [field<<24|doc, tf] as base64 Int32Array, doc lengths likewise): ` +
			`${bytes(compact.length)} (gzip ${bytes(gzipSync(compact).length)}), load ${ms(median(cl))} (median of ${runs}) ` +
			`vs ${ms(median(parse) + median(loadJs))} for JSON.parse + loadJS.`,
	);
}

function correlation(a: number[], b: number[]): number {
	const n = a.length;
	const ma = a.reduce((s, x) => s + x, 0) / n;
	const mb = b.reduce((s, x) => s + x, 0) / n;
	let cov = 0;
	let va = 0;
	let vb = 0;
	for (let i = 0; i < n; i++) {
		cov += (a[i]! - ma) * (b[i]! - mb);
		va += (a[i]! - ma) ** 2;
		vb += (b[i]! - mb) ** 2;
	}
	return cov / Math.sqrt(va * vb);
}

/**
 * A format that loads without building millions of small objects: what a search.ts v2 could ship. Terms are
 * sorted (prefix lookup = binary search; fuzzy = bounded edit distance over terms of similar length), each
 * term's postings are a slice [offset, end) of one Int32Array.
 */
function compactSerialize(index: SopIndex): string {
	const js = JSON.parse(JSON.stringify(index.search)) as {
		index: [string, Record<string, Record<string, number>>][];
		documentIds: Record<string, string>;
		fieldLength: Record<string, number[]>;
		storedFields: Record<string, { title?: string }>;
	};
	const entries = js.index.sort((a, b) => (a[0] < b[0] ? -1 : 1));
	const postings: number[] = [];
	const offsets: number[] = [];
	for (const [, fields] of entries) {
		offsets.push(postings.length);
		for (const [field, docs] of Object.entries(fields)) for (const [doc, tf] of Object.entries(docs)) postings.push((Number(field) << 24) | Number(doc), tf);
	}
	offsets.push(postings.length);
	const ids = Object.keys(js.documentIds).map(Number);
	const lengths = ids.flatMap((id) => js.fieldLength[id] ?? []);
	const b64 = (a: number[]) => Buffer.from(new Int32Array(a).buffer).toString('base64');
	return JSON.stringify({
		v: 2,
		terms: entries.map((e) => e[0]).join('\n'),
		offsets: b64(offsets),
		postings: b64(postings),
		docs: ids.map((id) => js.documentIds[id]).join('\n'),
		titles: ids.map((id) => js.storedFields[id]?.title ?? '').join('\n'),
		lengths: b64(lengths),
		df: b64(entries.map((e) => index.df.get(e[0]) ?? 0)),
	});
}

function compactLoad(text: string) {
	const data = JSON.parse(text) as Record<string, string>;
	const i32 = (s: string) => {
		const buf = Buffer.from(s, 'base64');
		return new Int32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
	};
	return {
		terms: data['terms']!.split('\n'),
		offsets: i32(data['offsets']!),
		postings: i32(data['postings']!),
		docs: data['docs']!.split('\n'),
		titles: data['titles']!.split('\n'),
		lengths: i32(data['lengths']!),
		df: i32(data['df']!),
	};
}
