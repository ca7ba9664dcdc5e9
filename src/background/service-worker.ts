// The service worker: keeps run-time content scripts for self-hosted Qualitor in step with the origins the
// agent granted, applies the IT policy, and answers the few messages that need extension privileges.
import browser, { type Runtime } from 'webextension-polyfill';
import { sops } from 'virtual:sop-library';
import { indexJson } from 'virtual:sop-index';
import { registrationApi as api } from './api.ts';
import { createHandlers } from './handlers.ts';
import { createDispatcher } from './messages.ts';
import { syncPolicy, type PolicyApi } from './policy-sync.ts';
import { KEYS, type StorageArea } from '../storage/area.ts';
import { readImportedSops } from '../storage/imported-sops.ts';
import { isPolicyKey, readResolvedPolicy, readStoredPolicy } from '../storage/policy.ts';
import { createQueue } from './queue.ts';
import { reconcile, registerOrigin, scriptId, unregisterOrigin } from './registration.ts';
import { originMatches } from '../origin/origin-pattern.ts';
// The classic watcher the build writes (build/content-watcher.ts), the same file the manifest names.
import { WATCHER_FILE as contentScript } from '../content/watcher-file.ts';

// One change at a time: a grant, a revocation and a policy change must not race.
const serialise = createQueue();
const report = (what: string) => (error: unknown) => console.warn(`[SOP Assist] ${what}:`, error);
const local = browser.storage.local as unknown as StorageArea;

// The one path for a grant, from the options page or the browser's site-access menu (registerOrigin refuses broad ones).
browser.permissions.onAdded.addListener(({ origins = [] }) => {
	for (const pattern of origins) serialise(() => registerOrigin(api, pattern, contentScript)).catch(report('register'));
});
// Revoked in the browser's UI: stop injecting at once.
browser.permissions.onRemoved.addListener(({ origins = [] }) => {
	for (const pattern of origins) serialise(() => unregisterOrigin(api, pattern)).catch(report('unregister'));
});

// The IT policy: validated once here, stored for the tabs and the options page, its installations registered.
const policyApi: PolicyApi = {
	readManaged: (keys) => browser.storage.managed.get(keys),
	local,
	hasOrigin: (pattern) => browser.permissions.contains({ origins: [pattern] }),
	removeOrigin: (pattern) => browser.permissions.remove({ origins: [pattern] }),
	registration: api,
};
const syncPolicyNow = (packs: boolean) => serialise(() => syncPolicy(policyApi, contentScript, { packs }));
/**
 * Chromium filters an extension's policy through its schema, which it loads after installing the extension;
 * a policy could therefore reach `storage.managed` only after the first read (not seen in the tests here,
 * where the first read already held it, but nothing promises it). An empty first read at the very first start
 * waits for `onChanged`, at most this long, before usage events are judged; they wait in the tabs' queues
 * meanwhile, nothing is lost. An unmanaged browser pays this once, at installation.
 */
const FIRST_POLICY_WAIT_MS = 15_000;
let managedChanged: () => void = () => undefined;
const managedArrived = new Promise<void>((resolve) => (managedChanged = resolve));
// At every start of the worker: the small keys (usageRecord, installations, mappings) are read before any
// usage event is judged (`policyReady`); the packs too when they were never read completely. Chromium reads
// big policies slowly, and a change of the packs arrives as storage.onChanged, which wakes the worker.
const policyReady = (async () => {
	const firstStart = (await local.get(KEYS.policy))[KEYS.policy] === undefined;
	const stored = await readStoredPolicy(local);
	const read = await syncPolicyNow(!stored.packsRead);
	if (firstStart && !read.managed) await Promise.race([managedArrived, new Promise((resolve) => setTimeout(resolve, FIRST_POLICY_WAIT_MS))]);
})().catch(report('policy'));
browser.runtime.onInstalled.addListener(() => {
	void serialise(() => reconcile(api, contentScript)).catch(report('reconcile'));
	void syncPolicyNow(true).catch(report('policy'));
});
browser.runtime.onStartup.addListener(() => {
	void serialise(() => reconcile(api, contentScript)).catch(report('reconcile'));
	// A policy changed while the browser was closed.
	void syncPolicyNow(true).catch(report('policy'));
});
// Chrome re-reads policies every few minutes (and on chrome://policy "Reload"); Firefox only at start.
browser.storage.onChanged.addListener((changes, area) => {
	if (area === 'managed') void syncPolicyNow(true).then(() => managedChanged(), report('policy'));
	if (area === 'local' && (KEYS.importedSops in changes || Object.keys(changes).some(isPolicyKey))) sopIds = undefined;
});
// A grant for a managed installation registers it through permissions.onAdded above, like an agent's own.

/** Ids of the SOPs a tab can know, for checking usage events; read again after imports or the policy change. */
let sopIds: Promise<ReadonlySet<string>> | undefined;
const knownSopIds = () =>
	(sopIds ??= Promise.all([readImportedSops(local), readResolvedPolicy(local)]).then(
		([imported, policy]) => new Set([...sops.map((s) => s.id), ...imported.map((i) => i.sop.id), ...policy.sops.map((i) => i.sop.id)]),
	));

const manifestMatches = (browser.runtime.getManifest().content_scripts ?? []).flatMap((cs) => cs.matches ?? []);
const optionsPage = browser.runtime.getManifest().options_ui?.page ?? 'src/options/index.html';
const dispatcher = createDispatcher(
	createHandlers({
		local,
		library: () => ({ sops, indexJson }),
		openOptions: (section) => browser.tabs.create({ url: browser.runtime.getURL(`${optionsPage}#${section}`) }),
		unregister: (pattern) => serialise(() => unregisterOrigin(api, pattern)),
		policyReady: () => policyReady,
		knownSopIds,
	}),
	{
		self: { id: browser.runtime.id, origin: browser.runtime.getURL('') },
		// The manifest's own matches count too: the enterprise build (npm run package with QUALITOR_ORIGINS) lists its origins there.
		// Match patterns have no port (origin-pattern.ts): `http://host:8080` runs the script registered for `http://host/*`.
		isRegisteredOrigin: async (origin) =>
			manifestMatches.some((pattern) => originMatches(origin, pattern)) ||
			(await api.scripting.getRegisteredContentScripts({ ids: [scriptId(`${new URL(origin).protocol}//${new URL(origin).hostname}/*`)] })).length > 0,
	},
);
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => dispatcher.onMessage(message, sender));
browser.tabs.onRemoved.addListener((tabId) => dispatcher.forgetTab(tabId));
