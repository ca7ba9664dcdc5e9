/** Measuring and printing helpers for the benchmarks. */
import v8 from 'node:v8';
import vm from 'node:vm';

/** Milliseconds since an arbitrary origin, sub-microsecond resolution. */
export const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Time one call, in ms. */
export function time<T>(fn: () => T): { ms: number; value: T } {
	const start = now();
	const value = fn();
	return { ms: now() - start, value };
}

/** Nearest-rank percentile (p in 0..100) of samples. */
export function percentile(samples: readonly number[], p: number): number {
	if (!samples.length) return NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

/**
 * The garbage collector, for heap measurements: global.gc when node runs with --expose-gc, otherwise
 * exposed at run time through V8 flags (works on Node 20). Undefined if neither works.
 */
export function gcFunction(): (() => void) | undefined {
	const g = (globalThis as { gc?: () => void }).gc;
	if (typeof g === 'function') return g;
	try {
		v8.setFlagsFromString('--expose-gc');
		const fn = vm.runInNewContext('gc') as unknown;
		return typeof fn === 'function' ? (fn as () => void) : undefined;
	} catch {
		return undefined;
	}
}

/** Heap used after a full collection (several passes, for weak/finaliser leftovers). */
export function settledHeap(gc: (() => void) | undefined): number {
	if (gc) for (let i = 0; i < 3; i++) gc();
	return process.memoryUsage().heapUsed;
}

export function ms(value: number): string {
	if (!Number.isFinite(value)) return '-';
	if (value >= 100) return `${value.toFixed(0)} ms`;
	if (value >= 10) return `${value.toFixed(1)} ms`;
	if (value >= 1) return `${value.toFixed(2)} ms`;
	return `${value.toFixed(3)} ms`;
}

export function bytes(value: number): string {
	if (!Number.isFinite(value)) return '-';
	if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(2)} MB`;
	if (value >= 1024) return `${(value / 1024).toFixed(1)} KB`;
	return `${value} B`;
}

export const count = (n: number): string => n.toLocaleString('en-US');

export const ratio = (a: number, b: number): string => (b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(1)}x` : '-');

/** A plain text table: first row is the header; columns padded to their widest cell. */
export function table(rows: string[][]): string {
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
	const line = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
	return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
