import { isSingleOriginPattern } from '../origin/origin-pattern.ts';

/**
 * Run-time content scripts for self-hosted Qualitor origins the agent granted (the webext-dynamic-content-
 * scripts approach): one registration per origin pattern, kept in step with the granted permissions.
 * The browser APIs are parameters so tests drive every path with fakes.
 */
export interface RegisteredScript {
	id: string;
	matches?: string[];
	js?: string[];
}

export interface RegistrationApi {
	scripting: {
		registerContentScripts(scripts: Array<{ id: string; matches: string[]; js: string[]; allFrames: boolean; runAt: 'document_idle'; persistAcrossSessions: boolean }>): Promise<void>;
		unregisterContentScripts(filter?: { ids: string[] }): Promise<void>;
		getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredScript[]>;
		executeScript(injection: { target: { tabId: number; allFrames: boolean }; files: string[] }): Promise<unknown>;
	};
	permissions: { getAll(): Promise<{ origins?: string[] }> };
	tabs: { query(query: { url: string[] }): Promise<Array<{ id?: number }>> };
}

/** The manifest's own hosts: never registered twice. */
const isManifestPattern = (pattern: string) => /\.qualitorsoftware\.com\/\*$/.test(pattern);
const PREFIX = 'qualitor:';
export const scriptId = (pattern: string) => PREFIX + pattern;

/**
 * Registers the content script for a granted origin and runs it in the tabs already open there. Only one
 * origin at a time: a broad grant made in the browser's site-access UI (every https site) is ignored, or the
 * script would run on every site and be injected into every tab.
 */
export async function registerOrigin(api: RegistrationApi, pattern: string, file: string): Promise<{ injected: number }> {
	if (isManifestPattern(pattern) || !isSingleOriginPattern(pattern)) return { injected: 0 };
	const existing = await api.scripting.getRegisteredContentScripts({ ids: [scriptId(pattern)] });
	if (!existing.length) {
		await api.scripting.registerContentScripts([
			{ id: scriptId(pattern), matches: [pattern], js: [file], allFrames: true, runAt: 'document_idle', persistAcrossSessions: true },
		]);
	}
	return { injected: await injectIntoOpenTabs(api, pattern, file) };
}

/** Tabs already showing the installation get the script now, not at their next reload. */
export async function injectIntoOpenTabs(api: RegistrationApi, pattern: string, file: string): Promise<number> {
	const tabs = await api.tabs.query({ url: [pattern] });
	let injected = 0;
	await Promise.all(
		tabs.map(async (tab) => {
			if (tab.id === undefined) return;
			try {
				// The content script marks the page, so a second injection does nothing.
				await api.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [file] });
				injected++;
			} catch (error) {
				// A tab may have navigated away or show an error page; the registration still covers its next load.
				console.warn('[SOP Assist] could not inject into tab', tab.id, error);
			}
		}),
	);
	return injected;
}

export async function unregisterOrigin(api: RegistrationApi, pattern: string): Promise<void> {
	const ids = (await api.scripting.getRegisteredContentScripts({ ids: [scriptId(pattern)] })).map((s) => s.id);
	if (ids.length) await api.scripting.unregisterContentScripts({ ids });
}

/**
 * At install, update and browser start: a registration for every granted origin, none for origins whose
 * permission is gone (revoked in the browser's own UI while the worker slept). Does not inject into tabs.
 */
export async function reconcile(api: RegistrationApi, file: string): Promise<{ registered: string[]; unregistered: string[] }> {
	const granted = new Set(((await api.permissions.getAll()).origins ?? []).filter((o) => !isManifestPattern(o) && isSingleOriginPattern(o)));
	const ours = (await api.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(PREFIX));
	const unregistered = ours.filter((s) => !granted.has(s.id.slice(PREFIX.length))).map((s) => s.id);
	// A registration left from another build points at an old file name: register again.
	const stale = ours.filter((s) => granted.has(s.id.slice(PREFIX.length)) && s.js !== undefined && s.js[0] !== file);
	const drop = [...unregistered, ...stale.map((s) => s.id)];
	if (drop.length) await api.scripting.unregisterContentScripts({ ids: drop });
	const kept = new Set(ours.map((s) => s.id).filter((id) => !drop.includes(id)));
	const registered: string[] = [];
	for (const pattern of granted) {
		if (kept.has(scriptId(pattern))) continue;
		await api.scripting.registerContentScripts([
			{ id: scriptId(pattern), matches: [pattern], js: [file], allFrames: true, runAt: 'document_idle', persistAcrossSessions: true },
		]);
		registered.push(pattern);
	}
	return { registered, unregistered: unregistered.map((id) => id.slice(PREFIX.length)) };
}
