import { KEYS, type StorageArea } from '../storage/area.ts';
import { readInstallations } from '../storage/installations.ts';
import { toResolvedPolicy } from '../storage/policy.ts';
import { resolvePolicy } from '../storage/resolve-policy.ts';
import { registerOrigin, unregisterOrigin, type RegistrationApi } from './registration.ts';

export interface PolicyApi {
	/** `storage.managed.get()`; throws in Firefox without a policy and where managed storage is unavailable. */
	readManaged(): Promise<Record<string, unknown>>;
	local: StorageArea;
	hasOrigin(pattern: string): Promise<boolean>;
	/** `permissions.remove`: the host permission of an installation IT withdrew. */
	removeOrigin(pattern: string): Promise<unknown>;
	registration: RegistrationApi;
}

/**
 * Reads the IT policy, validates it once here and stores the result in `storage.local`, where the content
 * script and the options page read it without parsing packs or touching `storage.managed` (which may be
 * missing). Managed self-hosted installations whose host permission is held are registered at once; the
 * others wait for the grant (options page or the browser's site access), like an agent's own. An installation
 * IT withdrew (and the agent did not add too) loses its registration and its host permission: it is no
 * longer listed in the options page, where the agent could otherwise see and remove it.
 */
export async function syncPolicy(api: PolicyApi, file: string): Promise<{ registered: string[]; withdrawn: string[]; problems: string[] }> {
	let raw: Record<string, unknown> = {};
	try {
		raw = (await api.readManaged()) ?? {};
	} catch (error) {
		// Unmanaged browser: Firefox rejects ("Managed storage manifest not found"); that is no policy, not a failure.
		console.info('[SOP Assist] no managed policy:', error instanceof Error ? error.message : error);
	}
	const policy = resolvePolicy(raw);
	const { [KEYS.policy]: stored } = await api.local.get(KEYS.policy);
	// Written only when it changed: every write wakes the listeners of every open Qualitor tab.
	if (JSON.stringify(toComparable(stored)) !== JSON.stringify(toComparable(policy))) await api.local.set({ [KEYS.policy]: policy });
	const kept = new Set([...policy.installations, ...(await readInstallations(api.local))].map((i) => i.pattern));
	const withdrawn = toResolvedPolicy(stored)
		.installations.map((i) => i.pattern)
		.filter((pattern) => !kept.has(pattern));
	for (const pattern of withdrawn) {
		await unregisterOrigin(api.registration, pattern);
		await api.removeOrigin(pattern);
	}
	const registered: string[] = [];
	for (const { pattern } of policy.installations) {
		if (!(await api.hasOrigin(pattern))) continue;
		await registerOrigin(api.registration, pattern, file);
		registered.push(pattern);
	}
	if (policy.problems.length) console.warn('[SOP Assist] policy problems:', policy.problems);
	return { registered, withdrawn, problems: policy.problems };
}

/** The import date of managed SOPs changes at every read; it must not count as a change. */
function toComparable(value: unknown) {
	const p = toResolvedPolicy(value);
	return { ...p, sops: p.sops.map(({ imported: _when, ...rest }) => rest) };
}
