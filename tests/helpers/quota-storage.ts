import { fakeStorage } from './fake-storage.ts';

/**
 * A fake `storage.local` that refuses writes past `quotaBytes` the way Chromium does: the whole `set` fails
 * with "QUOTA_BYTES quota exceeded" and nothing of it is written. Size is counted as Chromium counts it: the
 * JSON of every key and value.
 */
export function quotaStorage(quotaBytes: number, initial: Record<string, unknown> = {}) {
	const area = fakeStorage(initial);
	const size = (data: Map<string, unknown>) => [...data].reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
	const set = area.set.bind(area);
	area.set = async (items: Record<string, unknown>) => {
		const next = new Map(area.data);
		for (const [k, v] of Object.entries(items)) next.set(k, v);
		if (size(next) > quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
		await set(items);
	};
	return Object.assign(area, { bytesInUse: () => size(area.data) });
}
