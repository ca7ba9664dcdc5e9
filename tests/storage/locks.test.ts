// Several options tabs saving at once: each read-modify-write holds a Web Lock for its key, so no tab's
// change is lost; without Web Locks (here, Node) the calls still work.
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { StorageArea } from '../../src/storage/area.ts';
import { addImportedSops, readImportedSops, type ImportedSop } from '../../src/storage/imported-sops.ts';
import { readInstallations, saveInstallation } from '../../src/storage/installations.ts';
import { readMappings, saveMapping, emptyMapping } from '../../src/storage/mappings.ts';
import { fakeStorage } from '../helpers/fake-storage.ts';
import { rng } from '../../bench/random.ts';

/** The delays are random but seeded: a failure prints its seed, and LOCKS_SEED=<seed> replays it. */
const seed = Number(process.env.LOCKS_SEED ?? Math.floor(Math.random() * 2 ** 32));
const random = rng(seed);
console.info(`tests/storage/locks.test.ts: delay seed ${seed} (replay with LOCKS_SEED=${seed})`);

/** Web Locks as the browser shares them between an extension's pages: one holder per name, in request order. */
function fakeLocks() {
	const tails = new Map<string, Promise<unknown>>();
	const names: string[] = [];
	return {
		names,
		request<T>(name: string, callback: () => Promise<T>): Promise<T> {
			names.push(name);
			const run = (tails.get(name) ?? Promise.resolve()).then(callback);
			tails.set(name, run.catch(() => undefined));
			return run;
		},
	};
}

/** storage.local with real latency: reads and writes of other pages interleave. */
function slowStorage(): StorageArea & { data: Map<string, unknown> } {
	const area = fakeStorage();
	const later = () => new Promise((r) => setTimeout(r, random() * 5));
	return {
		data: area.data,
		get: async (k) => (await later(), area.get(k)),
		set: async (i) => (await later(), area.set(i)),
		remove: async (k) => (await later(), area.remove(k)),
	};
}

const sop = (id: string) => ({ sop: { id, title: id, body: '' }, path: `${id}.md`, text: '', source: { kind: 'file', name: `${id}.md` }, imported: '' }) as unknown as ImportedSop;

afterEach(() => vi.unstubAllGlobals());

describe('read-modify-write under a Web Lock per key', () => {
	test('ten tabs adding at once: nothing lost (installations, imported SOPs, mappings)', async () => {
		const locks = fakeLocks();
		vi.stubGlobal('navigator', { locks });
		const area = slowStorage();
		const ids = Array.from({ length: 10 }, (_, i) => `s${i}`);
		await Promise.all(ids.flatMap((id) => [
			saveInstallation(area, { pattern: `https://${id}.example/*`, url: `${id}.example`, added: '' }),
			addImportedSops(area, [sop(id)]),
			saveMapping(area, `https://${id}.example`, emptyMapping()),
		]));
		expect((await readInstallations(area)).length, `seed ${seed}`).toBe(10);
		expect((await readImportedSops(area)).length, `seed ${seed}`).toBe(10);
		expect(Object.keys(await readMappings(area)).length, `seed ${seed}`).toBe(10);
		expect(new Set(locks.names)).toEqual(new Set(['sop-assist:installations', 'sop-assist:importedSops', 'sop-assist:mappings']));
	});

	test('control: the same ten tabs without any lock do lose changes on this slow storage', async () => {
		vi.stubGlobal('navigator', undefined);
		const area = slowStorage();
		await Promise.all(Array.from({ length: 10 }, (_, i) => saveInstallation(area, { pattern: `https://s${i}.example/*`, url: `s${i}.example`, added: '' })));
		expect((await readInstallations(area)).length, `seed ${seed}`).toBeLessThan(10);
	});

	test('without Web Locks the calls still work', async () => {
		vi.stubGlobal('navigator', undefined);
		const area = fakeStorage();
		await saveInstallation(area, { pattern: 'https://a.example/*', url: 'a.example', added: '' });
		expect(await readInstallations(area)).toHaveLength(1);
	});
});
