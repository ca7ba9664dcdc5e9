// The background reads storage.managed (which may be missing), stores the validated policy for the tabs
// and registers managed installations whose host permission is held.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { syncPolicy, type PolicyApi } from '../../src/background/policy-sync.ts';
import type { RegistrationApi } from '../../src/background/registration.ts';
import { KEYS } from '../../src/storage/area.ts';
import { policyPackKey, readResolvedPolicy } from '../../src/storage/policy.ts';
import { packsAtLimit } from '../fixtures/policy-packs.ts';
import { quotaStorage } from '../helpers/quota-storage.ts';
import { fakeStorage } from '../helpers/fake-storage.ts';

const sample = Object.values(
	(JSON.parse(readFileSync('docs/policy/sample-policy.json', 'utf8')) as { '3rdparty': { extensions: Record<string, Record<string, unknown>> } })['3rdparty'].extensions,
)[0]!;
const FILE = 'assets/loader.js';

function fakeApi(managed: () => Promise<Record<string, unknown>>, granted: string[] = []) {
	const registered: string[] = [];
	const unregistered: string[] = [];
	const removed: string[] = [];
	const registration = {
		scripting: {
			getRegisteredContentScripts: async (filter?: { ids?: string[] }) => (filter?.ids ?? []).filter((id) => registered.includes(id.replace(/^qualitor:/, ''))).map((id) => ({ id })),
			registerContentScripts: async (s: Array<{ matches: string[] }>) => void registered.push(...s.flatMap((x) => x.matches)),
			unregisterContentScripts: async ({ ids }: { ids: string[] }) => void unregistered.push(...ids.map((id) => id.replace(/^qualitor:/, ''))),
			executeScript: async () => undefined,
		},
		permissions: { getAll: async () => ({ origins: granted }) },
		tabs: { query: async () => [] },
	} as unknown as RegistrationApi;
	const local = fakeStorage();
	const api: PolicyApi = {
		readManaged: managed,
		local,
		hasOrigin: async (p) => granted.includes(p),
		removeOrigin: async (p) => void removed.push(p),
		registration,
	};
	return { api, local, registered, unregistered, removed };
}

beforeEach(() => {
	vi.spyOn(console, 'info').mockImplementation(() => undefined);
	vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('syncPolicy', () => {
	test('no managed storage (Firefox without policies rejects): an empty policy, nothing registered', async () => {
		const { api, local, registered } = fakeApi(() => Promise.reject(new Error('Managed storage manifest not found')));
		expect(await syncPolicy(api, FILE)).toEqual({ managed: false, registered: [], withdrawn: [], problems: [] });
		expect(await readResolvedPolicy(local)).toEqual({ installations: [], sops: [], mappings: {}, problems: [] });
		// Written even though empty: the record says the policy was read once (the worker's first start waits otherwise).
		expect(local.data.has(KEYS.policy)).toBe(true);
	});

	test('stores the validated policy; registers only managed origins whose permission is held', async () => {
		const { api, local, registered } = fakeApi(async () => ({ ...sample, installations: [...(sample.installations as string[]), 'https://outro.example/'] }), [
			'https://outro.example/*',
		]);
		expect(await syncPolicy(api, FILE)).toEqual({ managed: true, registered: ['https://outro.example/*'], withdrawn: [], problems: [] });
		expect(registered).toEqual(['https://outro.example/*']);
		const stored = await readResolvedPolicy(local);
		expect(stored.installations.map((i) => i.pattern)).toEqual(['https://helpdesk.suaempresa.com.br/*', 'https://outro.example/*']);
		expect(stored.sops.map((s) => s.sop.id)).toEqual(['leitora-nao-reconhecida']);
		expect(stored.usageRecord).toBe(false);
	});

	test('an unchanged policy is not written again (every write wakes every open tab); a changed one is', async () => {
		let policy: Record<string, unknown> = sample;
		const { api, local } = fakeApi(async () => policy);
		await syncPolicy(api, FILE);
		const first = local.writes;
		expect(first).toBeGreaterThan(0);
		await syncPolicy(api, FILE);
		expect(local.writes).toBe(first);
		policy = { ...sample, usageRecord: true };
		await syncPolicy(api, FILE);
		expect(local.writes).toBe(first + 1);
		expect((local.data.get(KEYS.policy) as { usageRecord: boolean }).usageRecord).toBe(true);
	});

	test('a policy withdrawn: the stored one is emptied, so local values apply again', async () => {
		let policy: Record<string, unknown> = sample;
		const { api, local } = fakeApi(async () => policy);
		await syncPolicy(api, FILE);
		policy = {};
		await syncPolicy(api, FILE);
		expect(await readResolvedPolicy(local)).toEqual({ installations: [], sops: [], mappings: {}, problems: [] });
	});

	test('an installation IT withdraws loses its registration and its host permission, unless the agent added it too', async () => {
		const both = ['https://helpdesk.suaempresa.com.br/*', 'https://outro.example/*', 'https://minha.example/*'];
		let policy: Record<string, unknown> = { ...sample, installations: ['https://helpdesk.suaempresa.com.br/', 'https://outro.example/', 'https://minha.example/'] };
		const { api, local, registered, unregistered, removed } = fakeApi(async () => policy, both);
		await local.set({ [KEYS.installations]: [{ pattern: 'https://minha.example/*', url: 'https://minha.example/', added: '2024-01-01' }] });
		await syncPolicy(api, FILE);
		expect(registered.sort()).toEqual([...both].sort());
		policy = { ...sample, installations: ['https://helpdesk.suaempresa.com.br/'] };
		expect((await syncPolicy(api, FILE)).withdrawn).toEqual(['https://outro.example/*']);
		expect(unregistered).toEqual(['https://outro.example/*']);
		expect(removed).toEqual(['https://outro.example/*']);
		// Nothing more is withdrawn at the next sync: it compares with the policy stored last time.
		expect((await syncPolicy(api, FILE)).withdrawn).toEqual([]);
	});
});

describe('the stored policy at the documented limits', () => {
	const manyPacks = (n: number, bytes: number) => packsAtLimit(n, Math.ceil(bytes / 240_000), { bytes });

	test('each SOP is stored once (parsed, no Markdown copy), one key per pack; an unchanged pack is neither parsed nor written again', async () => {
		const packs = manyPacks(3, 300_000);
		const { api, local } = fakeApi(async () => ({ sopPacks: packs }));
		await syncPolicy(api, FILE);
		const stored = local.data.get(policyPackKey(0)) as Array<{ text: string; sop: { body: string } }>;
		expect(stored[0]!.text).toBe('');
		expect(stored[0]!.sop.body.length).toBeGreaterThan(140_000);
		const packBytes = JSON.stringify(packs[0]).length;
		expect(JSON.stringify(stored).length).toBeLessThan(packBytes * 1.1);
		expect((await readResolvedPolicy(local)).sops).toHaveLength(6);
		const writes = local.writes;
		await syncPolicy(api, FILE);
		expect(local.writes).toBe(writes);
	});

	test('storage full: the packs that do not fit are not applied and the notice says why; usageRecord and installations still apply', async () => {
		const area = quotaStorage(700_000);
		const { api } = fakeApi(async () => ({ ...sample, sopPacks: manyPacks(3, 300_000) }));
		api.local = area;
		const result = await syncPolicy(api, FILE);
		const policy = await readResolvedPolicy(area);
		expect(policy.usageRecord).toBe(false);
		expect(policy.installations.map((i) => i.pattern)).toEqual(['https://helpdesk.suaempresa.com.br/*']);
		expect(policy.sops.length).toBeGreaterThan(0);
		expect(policy.sops.length).toBeLessThan(6);
		expect(result.problems).toEqual([expect.stringMatching(/^Política, pacote sopPacks\[\d\] não aplicado: o armazenamento do navegador está cheio \(QUOTA_BYTES quota exceeded\)\.$/)]);
		expect(policy.problems).toEqual(result.problems);
	});

	test('over the total of 8 MB: the packs past it are refused with a message; the ones before apply', async () => {
		const packs = manyPacks(5, 2_000_000);
		const { api, local } = fakeApi(async () => ({ sopPacks: packs }));
		const { problems } = await syncPolicy(api, FILE);
		expect((await readResolvedPolicy(local)).sops).toHaveLength(4 * 9);
		expect(problems).toEqual([expect.stringMatching(/^Política, pacote sopPacks\[4\] recusado: os pacotes da política somam 9,\d MB até ele; o limite é 8,0 MB no total\.$/)]);
	}, 60_000);

	test('a start of the worker reads only the small keys: usageRecord changes, the packs stay as stored', async () => {
		let policy: Record<string, unknown> = { ...sample, sopPacks: manyPacks(1, 10_000) };
		const asked: Array<string[] | undefined> = [];
		const { api, local } = fakeApi(async () => policy);
		api.readManaged = async (keys) => (asked.push(keys), keys ? Object.fromEntries(keys.filter((k) => k in policy).map((k) => [k, policy[k]])) : policy);
		await syncPolicy(api, FILE);
		policy = { ...policy, usageRecord: true, sopPacks: [] };
		await syncPolicy(api, FILE, { packs: false });
		const stored = await readResolvedPolicy(local);
		expect(stored.usageRecord).toBe(true);
		expect(stored.sops).toHaveLength(1);
		expect(asked).toEqual([undefined, ['installations', 'mappings', 'usageRecord']]);
		// Positive control: a full read drops the pack IT removed.
		await syncPolicy(api, FILE);
		expect((await readResolvedPolicy(local)).sops).toHaveLength(0);
	});
});
