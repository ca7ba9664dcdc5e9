/** Small seeded helpers shared by the benchmark generators: everything here is deterministic. */

export type Rng = () => number;

/** mulberry32: a tiny, fast, seedable PRNG (uniform in [0, 1)). */
export function rng(seed: number): Rng {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const int = (r: Rng, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));
export const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
export const chance = (r: Rng, p: number): boolean => r() < p;

/** Distinct picks (falls back to repeats only when the list is shorter than n). */
export function sample<T>(r: Rng, list: readonly T[], n: number): T[] {
	const out = new Set<T>();
	for (let guard = 0; out.size < Math.min(n, list.length) && guard < n * 20; guard++) out.add(pick(r, list));
	return [...out];
}

/**
 * A Zipf-like sampler over ranks 0..n-1 (frequent words first), as word frequencies are in real text.
 * Inverse-CDF of a continuous power law: cheap, and good enough for a benchmark corpus.
 */
export function zipf(r: Rng, n: number, s = 1.05): number {
	if (n <= 1) return 0;
	const u = r();
	const a = 1 - s;
	const x = Math.pow(u * (Math.pow(n + 1, a) - 1) + 1, 1 / a) - 1;
	return Math.min(n - 1, Math.max(0, Math.floor(x)));
}

/** Accents removed, as agents often type. */
export const unaccent = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
	a: 'sqz', b: 'vn', c: 'xv', d: 'sf', e: 'wr', f: 'dg', g: 'fh', h: 'gj', i: 'uo', j: 'hk', k: 'jl', l: 'k',
	m: 'n', n: 'bm', o: 'ip', p: 'o', q: 'wa', r: 'et', s: 'ad', t: 'ry', u: 'yi', v: 'cb', w: 'qe', x: 'zc', y: 'tu', z: 'x',
};

/** One realistic typo: a swapped pair, a dropped, doubled or neighbouring letter. Words under 4 letters are kept. */
export function typo(r: Rng, word: string): string {
	if (word.length < 4) return word;
	const i = int(r, 1, word.length - 2);
	const c = word[i]!;
	switch (int(r, 0, 3)) {
		case 0:
			return word.slice(0, i) + word[i + 1]! + c + word.slice(i + 2);
		case 1:
			return word.slice(0, i) + word.slice(i + 1);
		case 2:
			return word.slice(0, i) + c + word.slice(i);
		default: {
			const near = KEYBOARD_NEIGHBOURS[c.toLowerCase()];
			return near ? word.slice(0, i) + pick(r, [...near]) + word.slice(i + 1) : word;
		}
	}
}
