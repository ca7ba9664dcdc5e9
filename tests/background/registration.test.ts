// Run-time registration for self-hosted origins, against a fake of the browser APIs that behaves like
// Chrome's (duplicate ids rejected, ids looked up exactly).
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { injectIntoOpenTabs, reconcile, registerOrigin, scriptId, unregisterOrigin, type RegisteredScript, type RegistrationApi } from '../../src/background/registration.ts';

const FILE = 'assets/index.ts-loader-abc.js';
const HELPDESK = 'https://helpdesk.example.com/*';

function fakeBrowser(options: { granted?: string[]; tabs?: Record<string, number[]> } = {}) {
	const registered = new Map<string, RegisteredScript & { allFrames: boolean; runAt: string; persistAcrossSessions: boolean }>();
	const injected: Array<{ tabId: number; allFrames: boolean; files: string[] }> = [];
	const api: RegistrationApi = {
		scripting: {
			registerContentScripts: vi.fn(async (scripts) => {
				for (const s of scripts) {
					if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
					registered.set(s.id, { ...s });
				}
			}),
			unregisterContentScripts: vi.fn(async (filter) => {
				for (const id of filter?.ids ?? [...registered.keys()]) {
					if (!registered.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
				}
			}),
			getRegisteredContentScripts: vi.fn(async (filter) => [...registered.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id))),
			executeScript: vi.fn(async ({ target, files }) => {
				if (target.tabId === 666) throw new Error('Cannot access contents of the page');
				injected.push({ tabId: target.tabId, allFrames: target.allFrames, files });
			}),
		},
		permissions: { getAll: vi.fn(async () => ({ origins: options.granted ?? [] })) },
		tabs: { query: vi.fn(async ({ url }) => url.flatMap((pattern: string) => (options.tabs?.[pattern] ?? []).map((id) => ({ id })))) },
	};
	return { api, registered, injected };
}

beforeEach(() => void vi.spyOn(console, 'warn').mockImplementation(() => undefined));

describe('permission added', () => {
	test('registers one script for the origin, in every frame, at document_idle, kept across sessions', async () => {
		const { api, registered } = fakeBrowser();
		await registerOrigin(api, HELPDESK, FILE);
		expect([...registered.values()]).toEqual([
			{ id: scriptId(HELPDESK), matches: [HELPDESK], js: [FILE], allFrames: true, runAt: 'document_idle', persistAcrossSessions: true },
		]);
	});

	test('injects into tabs already open on that origin, all frames; a tab that refuses does not stop the others', async () => {
		const { api, injected } = fakeBrowser({ tabs: { [HELPDESK]: [3, 666, 9] } });
		expect(await registerOrigin(api, HELPDESK, FILE)).toEqual({ injected: 2 });
		expect(injected).toEqual([
			{ tabId: 3, allFrames: true, files: [FILE] },
			{ tabId: 9, allFrames: true, files: [FILE] },
		]);
		expect(api.tabs.query).toHaveBeenCalledWith({ url: [HELPDESK] });
	});

	test('granting twice registers once (no duplicate-id error) and still injects', async () => {
		const { api, registered, injected } = fakeBrowser({ tabs: { [HELPDESK]: [3] } });
		await registerOrigin(api, HELPDESK, FILE);
		await registerOrigin(api, HELPDESK, FILE);
		expect(registered.size).toBe(1);
		expect(injected).toHaveLength(2);
	});

	test('hosted *.qualitorsoftware.com is left to the manifest', async () => {
		const { api, registered } = fakeBrowser();
		await registerOrigin(api, 'https://*.qualitorsoftware.com/*', FILE);
		expect(registered.size).toBe(0);
	});

	test.each(['https://*/*', 'http://*/*', '<all_urls>', '*://*/*', 'https://*.example.com/*', 'https://helpdesk.example.com/qualitor/*'])(
		'a broad or partial grant (%s, from the browser\'s site-access UI) registers and injects nothing',
		async (pattern) => {
			const { api, registered, injected } = fakeBrowser({ tabs: { [pattern]: [3] } });
			expect(await registerOrigin(api, pattern, FILE)).toEqual({ injected: 0 });
			expect(registered.size).toBe(0);
			expect(injected).toEqual([]);
		},
	);

	test('injectIntoOpenTabs skips tabs without an id', async () => {
		const { api, injected } = fakeBrowser();
		api.tabs.query = async () => [{}, { id: 4 }];
		expect(await injectIntoOpenTabs(api, HELPDESK, FILE)).toBe(1);
		expect(injected.map((i) => i.tabId)).toEqual([4]);
	});
});

describe('permission removed', () => {
	test('unregisters only that origin', async () => {
		const { api, registered } = fakeBrowser();
		await registerOrigin(api, HELPDESK, FILE);
		await registerOrigin(api, 'http://qualitor.intranet/*', FILE);
		await unregisterOrigin(api, HELPDESK);
		expect([...registered.keys()]).toEqual([scriptId('http://qualitor.intranet/*')]);
	});

	test('an origin that was never registered is not an error', async () => {
		const { api } = fakeBrowser();
		await expect(unregisterOrigin(api, HELPDESK)).resolves.toBeUndefined();
		expect(api.scripting.unregisterContentScripts).not.toHaveBeenCalled();
	});
});

describe('startup reconciliation', () => {
	test('registers granted origins that lack a script, drops scripts whose permission is gone, keeps the rest', async () => {
		const { api, registered } = fakeBrowser({ granted: [HELPDESK, 'http://kept.example/*', 'https://*.qualitorsoftware.com/*'] });
		await registerOrigin(api, 'http://kept.example/*', FILE);
		await registerOrigin(api, 'https://revoked.example/*', FILE);
		registered.set('someone-else', { id: 'someone-else', js: ['x.js'], allFrames: false, runAt: 'document_idle', persistAcrossSessions: true });
		const result = await reconcile(api, FILE);
		expect(result).toEqual({ registered: [HELPDESK], unregistered: ['https://revoked.example/*'] });
		expect([...registered.keys()].sort()).toEqual([scriptId('http://kept.example/*'), scriptId(HELPDESK), 'someone-else'].sort());
	});

	test('a registration that points at another build\'s file is replaced', async () => {
		const { api, registered } = fakeBrowser({ granted: [HELPDESK] });
		await registerOrigin(api, HELPDESK, 'assets/old-loader.js');
		await reconcile(api, FILE);
		expect(registered.get(scriptId(HELPDESK))?.js).toEqual([FILE]);
	});

	test('broad grants held are not registered at startup either', async () => {
		const { api, registered } = fakeBrowser({ granted: ['https://*/*', '<all_urls>', 'http://*.example.com/*', HELPDESK] });
		expect(await reconcile(api, FILE)).toEqual({ registered: [HELPDESK], unregistered: [] });
		expect([...registered.keys()]).toEqual([scriptId(HELPDESK)]);
	});

	test('does not inject into tabs (only a grant does)', async () => {
		const { api, injected } = fakeBrowser({ granted: [HELPDESK], tabs: { [HELPDESK]: [1] } });
		await reconcile(api, FILE);
		expect(injected).toEqual([]);
	});
});
