// The service worker: keeps run-time content scripts for self-hosted Qualitor in step with the origins the
// agent granted, and answers the few messages that need extension privileges.
import browser from 'webextension-polyfill';
import contentScript from '../content/index.ts?script';
import { registrationApi as api } from './api.ts';
import { listenForMessages } from './messages.ts';
import { syncPolicy, type PolicyApi } from './policy-sync.ts';
import type { StorageArea } from '../storage/area.ts';
import { createQueue } from './queue.ts';
import { reconcile, registerOrigin, unregisterOrigin } from './registration.ts';

// One change at a time: a grant, a revocation and a policy change must not race.
const serialise = createQueue();
const report = (what: string) => (error: unknown) => console.warn(`[SOP Assist] ${what}:`, error);

// The one path for a grant, from the options page or the browser's site-access menu (registerOrigin refuses broad ones).
browser.permissions.onAdded.addListener(({ origins = [] }) => {
	for (const pattern of origins) serialise(() => registerOrigin(api, pattern, contentScript)).catch(report('register'));
});
// Revoked in the browser's UI: stop injecting at once.
browser.permissions.onRemoved.addListener(({ origins = [] }) => {
	for (const pattern of origins) serialise(() => unregisterOrigin(api, pattern)).catch(report('unregister'));
});
browser.runtime.onInstalled.addListener(() => void serialise(() => reconcile(api, contentScript)).catch(report('reconcile')));
browser.runtime.onStartup.addListener(() => void serialise(() => reconcile(api, contentScript)).catch(report('reconcile')));

// The IT policy: validated once here, stored for the tabs and the options page, its installations registered.
const policyApi: PolicyApi = {
	readManaged: () => browser.storage.managed.get(),
	local: browser.storage.local as unknown as StorageArea,
	hasOrigin: (pattern) => browser.permissions.contains({ origins: [pattern] }),
	removeOrigin: (pattern) => browser.permissions.remove({ origins: [pattern] }),
	registration: api,
};
const syncPolicyNow = () => void serialise(() => syncPolicy(policyApi, contentScript)).catch(report('policy'));
// At every start of the worker (install, update, browser start, and each wake-up): a policy changed while
// it slept is caught up; the sync writes only when something changed.
syncPolicyNow();
// Chrome re-reads policies every few minutes (and on chrome://policy "Reload"); Firefox only at start.
browser.storage.onChanged.addListener((_changes, area) => area === 'managed' && syncPolicyNow());
// A grant for a managed installation registers it through permissions.onAdded above, like an agent's own.

listenForMessages(api, serialise);
