// The background reads storage.managed (which may be missing), stores the validated policy for the tabs
// and registers managed installations whose host permission is held.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { syncPolicy, type PolicyApi } from '../../src/background/policy-sync.ts';
import type { RegistrationApi } from '../../src/background/registration.ts';
import { KEYS } from '../../src/storage/area.ts';
import { readResolvedPolicy } from '../../src/storage/policy.ts';
import { fakeStorage } from '../helpers/fake-storage.ts';

const sample = Object.values(
	(JSON.parse(readFileSync('docs/policy/sample-policy.json', 'utf8')) as { '3rdparty': { extensions: Record<string, Record<string, unknown>> } })['3rdparty'].extensions,
)[0]!;
const FILE = 'assets/loader.js';

function fakeApi(managed: () => Promise<Record<string, unknown>>, granted: string[] = []) {
	const registered: string[] = [];
	const registration = {
		scripting: {
			getRegisteredContentScripts: async () => [],
			registerContentScripts: async (s: Array<{ matches: string[] }>) => void registered.push(...s.flatMap((x) => x.matches)),
			unregisterContentScripts: async () => undefined,
			executeScript: async () => undefined,
		},
		permissions: { getAll: async () => ({ origins: granted }) },
		tabs: { query: async () => [] },
	} as unknown as RegistrationApi;
	const local = fakeStorage();
	const api: PolicyApi = { readManaged: managed, local, hasOrigin: async (p) => granted.includes(p), registration };
	return { api, local, registered };
}

beforeEach(() => {
	vi.spyOn(console, 'info').mockImplementation(() => undefined);
	vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('syncPolicy', () => {
	test('no managed storage (Firefox without policies rejects): an empty policy, nothing registered', async () => {
		const { api, local, registered } = fakeApi(() => Promise.reject(new Error('Managed storage manifest not found')));
		expect(await syncPolicy(api, FILE)).toEqual({ registered: [], problems: [] });
		expect(await readResolvedPolicy(local)).toEqual({ installations: [], sops: [], mappings: {}, problems: [] });
	});

	test('stores the validated policy; registers only managed origins whose permission is held', async () => {
		const { api, local, registered } = fakeApi(async () => ({ ...sample, installations: [...(sample.installations as string[]), 'https://outro.example/'] }), [
			'https://outro.example/*',
		]);
		expect(await syncPolicy(api, FILE)).toEqual({ registered: ['https://outro.example/*'], problems: [] });
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
		await syncPolicy(api, FILE);
		expect(local.writes).toBe(1);
		policy = { ...sample, usageRecord: true };
		await syncPolicy(api, FILE);
		expect(local.writes).toBe(2);
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
});
