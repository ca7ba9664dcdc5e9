import type { StorageArea } from '../../src/storage/area.ts';

/** A Map-backed `storage.local` that copies values in and out, as the real one serialises them. */
export function fakeStorage(initial: Record<string, unknown> = {}): StorageArea & { data: Map<string, unknown>; writes: number } {
	const data = new Map(Object.entries(initial).map(([k, v]) => [k, structuredClone(v)]));
	const area = {
		data,
		writes: 0,
		async get(keys: string | string[]) {
			return Object.fromEntries([keys].flat().filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
		},
		async set(items: Record<string, unknown>) {
			area.writes++;
			for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
		},
		async remove(keys: string | string[]) {
			for (const k of [keys].flat()) data.delete(k);
		},
	};
	return area;
}
