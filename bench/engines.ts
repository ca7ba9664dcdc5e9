/**
 * Our index against the MiniSearch-based engine it replaced (bench/minisearch-baseline.ts, same evidence
 * score), on the same synthetic libraries and queries: load, query latency, and how often both agree.
 */
import * as baseline from './minisearch-baseline.ts';
import * as ours from '../src/sop/search.ts';
import { queriesFor } from './queries.ts';
import { count, ms, percentile, table, time } from './stats.ts';
import { syntheticLibrary } from './synthetic-sops.ts';

export async function benchEngines(sizes = [1000, 10000]): Promise<void> {
	const rows = [['SOPs', 'engine', 'load', 'query p50', 'query p95', 'query p99', 'same top-1 as MiniSearch', 'same "nothing"']];
	for (const size of sizes) {
		const sops = syntheticLibrary(size);
		const queries = queriesFor(sops, 1000).map((q) => q.text);
		const ourJson = ours.serializeIndex(ours.buildIndex(sops));
		const baseJson = baseline.serializeIndex(baseline.buildIndex(sops));
		const loadTimes = (load: () => unknown) => percentile(Array.from({ length: 7 }, () => time(load).ms), 50);
		const ourIndex = ours.loadIndex(ourJson);
		const baseIndex = baseline.loadIndex(baseJson);
		const run = (suggest: (text: string) => { id: string }[]) => {
			queries.slice(0, 50).forEach((q) => suggest(q));
			const samples: number[] = [];
			const tops: (string | undefined)[] = [];
			for (const q of queries) {
				const r = time(() => suggest(q));
				samples.push(r.ms);
				tops.push(r.value[0]?.id);
			}
			return { samples, tops };
		};
		const b = run((q) => baseline.suggest(baseIndex, q));
		const o = run((q) => ours.suggest(ourIndex, q));
		const same = o.tops.filter((t, i) => t === b.tops[i]).length;
		const sameNothing = o.tops.filter((t, i) => (t === undefined) === (b.tops[i] === undefined)).length;
		const row = (name: string, load: number, s: number[], agree: string, nothing: string) => [
			count(size), name, ms(load), ms(percentile(s, 50)), ms(percentile(s, 95)), ms(percentile(s, 99)), agree, nothing,
		];
		rows.push(row('MiniSearch (before)', loadTimes(() => baseline.loadIndex(baseJson)), b.samples, '-', '-'));
		rows.push(row('ours (now)', loadTimes(() => ours.loadIndex(ourJson)), o.samples, `${((100 * same) / queries.length).toFixed(1)} %`, `${((100 * sameNothing) / queries.length).toFixed(1)} %`));
	}
	console.log(table(rows));
}
