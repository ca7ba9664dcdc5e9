import { KEYS, type StorageArea } from '../storage/area.ts';
import { readInstallations } from '../storage/installations.ts';
import { LIMITS } from '../storage/pack-sops.ts';
import { policyPackKey, readStoredPolicy, type StoredPolicy, type StoredPolicyPack } from '../storage/policy.ts';
import { policyPacks, resolvePolicyPack, resolvePolicySettings } from '../storage/resolve-policy.ts';
import { registerOrigin, unregisterOrigin, type RegistrationApi } from './registration.ts';

export interface PolicyApi {
	/** `storage.managed.get(keys)`; throws in Firefox without a policy and where managed storage is unavailable. */
	readManaged(keys?: string[]): Promise<Record<string, unknown>>;
	local: StorageArea;
	hasOrigin(pattern: string): Promise<boolean>;
	/** `permissions.remove`: the host permission of an installation IT withdrew. */
	removeOrigin(pattern: string): Promise<unknown>;
	registration: RegistrationApi;
}

/** The policy's keys besides `sopPacks`: small, cheap to read at every start of the worker. */
const SETTINGS_KEYS = ['installations', 'mappings', 'usageRecord'];

export interface PolicySyncResult {
	/** Whether `storage.managed` held anything at all. */
	managed: boolean;
	registered: string[];
	withdrawn: string[];
	problems: string[];
}

/**
 * Reads the IT policy, validates it once here and stores the result in `storage.local` (policy.ts says how),
 * where the content script and the options page read it without parsing packs or touching `storage.managed`
 * (which may be missing). `packs: false` reads only the small keys (usageRecord, installations, mappings) and
 * keeps the stored packs: Chromium reads a big policy slowly, and the packs change only with an
 * `onChanged` event, which wakes the worker. An unchanged pack (same fingerprint) is neither parsed nor
 * written again. A pack that cannot be stored (storage full) is refused with a message; usageRecord,
 * installations and mappings are written first and apply whatever happens to the packs.
 *
 * Managed self-hosted installations whose host permission is held are registered at once; the others wait for
 * the grant (options page or the browser's site access), like an agent's own. An installation IT withdrew (and
 * the agent did not add too) loses its registration and its host permission: it is no longer listed in the
 * options page, where the agent could otherwise see and remove it.
 */
export async function syncPolicy(api: PolicyApi, file: string, options: { packs?: boolean; now?: Date } = {}): Promise<PolicySyncResult> {
	let raw: Record<string, unknown> = {};
	try {
		raw = (await api.readManaged(options.packs === false ? SETTINGS_KEYS : undefined)) ?? {};
	} catch (error) {
		// Unmanaged browser: Firefox rejects ("Managed storage manifest not found"); that is no policy, not a failure.
		console.info('[SOP Assist] no managed policy:', error instanceof Error ? error.message : error);
	}
	// The first sync always writes, even an empty policy: its record says the policy was read once (service-worker.ts).
	const { [KEYS.policy]: existing } = await api.local.get(KEYS.policy);
	const previous = await readStoredPolicy(api.local);
	const settings = resolvePolicySettings(raw);
	// The settings first, packs as they were: usageRecord and installations never wait for (or fail with) the packs.
	const first: StoredPolicy = { ...settings, packs: previous.packs, packsRead: previous.packsRead, problems: [...settings.problems, ...packProblems(previous.packs)] };
	await writeIfChanged(api.local, existing === undefined ? undefined : previous, first);
	let stored = first;
	if (options.packs !== false) {
		const packs = await storePacks(api.local, raw, previous.packs, options.now ?? new Date());
		stored = { ...settings, packs: packs.entries, packsRead: true, problems: [...settings.problems, ...packs.problems, ...packProblems(packs.entries)] };
		await writeIfChanged(api.local, first, stored);
	}

	const kept = new Set([...stored.installations, ...(await readInstallations(api.local))].map((i) => i.pattern));
	const withdrawn = previous.installations.map((i) => i.pattern).filter((pattern) => !kept.has(pattern));
	for (const pattern of withdrawn) {
		await unregisterOrigin(api.registration, pattern);
		await api.removeOrigin(pattern);
	}
	const registered: string[] = [];
	for (const { pattern } of stored.installations) {
		if (!(await api.hasOrigin(pattern))) continue;
		await registerOrigin(api.registration, pattern, file);
		registered.push(pattern);
	}
	if (stored.problems.length) console.warn('[SOP Assist] policy problems:', stored.problems);
	return { managed: Object.keys(raw).length > 0, registered, withdrawn, problems: stored.problems };
}

const packProblems = (packs: readonly StoredPolicyPack[]) => packs.flatMap((p) => p.problems);

/** Written only when it changed: every write wakes the listeners of every open Qualitor tab. */
async function writeIfChanged(local: StorageArea, before: StoredPolicy | undefined, after: StoredPolicy): Promise<void> {
	if (JSON.stringify(before) === JSON.stringify(after)) return;
	try {
		await local.set({ [KEYS.policy]: after });
	} catch (error) {
		// This record is a few KB; if even it cannot be written, keep the one rule that matters most.
		console.error('[SOP Assist] policy not stored:', error);
		await local.set({ [KEYS.policy]: { ...after, packs: [], problems: [...after.problems, storageProblem(error)] } });
	}
}

async function storePacks(local: StorageArea, raw: Record<string, unknown>, previous: readonly StoredPolicyPack[], now: Date) {
	const listed = policyPacks(raw);
	const entries: StoredPolicyPack[] = [];
	let total = 0;
	for (const pack of listed.packs) {
		const fingerprint = pack.text === undefined ? '' : await sha256(pack.text);
		const before = previous[pack.index];
		const bytesBefore = total;
		total += pack.bytes;
		// Same pack at the same place, still within the total: what was stored for it holds (no parse, no write).
		if (before && fingerprint && before.fingerprint === fingerprint && before.name === pack.name && total <= LIMITS.policyBytes) {
			entries.push(before);
			continue;
		}
		const result = resolvePolicyPack(pack, bytesBefore, now);
		const entry: StoredPolicyPack = { name: pack.name, fingerprint, bytes: pack.bytes, sops: result.sops.length, problems: result.problems };
		try {
			if (result.sops.length) {
				// The parsed SOP holds the whole procedure; the Markdown text would store it twice (managed SOPs are never exported).
				await local.set({ [policyPackKey(pack.index)]: result.sops.map((item) => ({ ...item, text: '' })) });
			} else await local.remove(policyPackKey(pack.index));
		} catch (error) {
			await local.remove(policyPackKey(pack.index)).catch(() => undefined);
			entry.sops = 0;
			entry.fingerprint = ''; // read again next time
			entry.problems = [`Política, pacote ${pack.name} não aplicado: ${storageProblem(error)}`];
		}
		entries.push(entry);
	}
	// Packs IT removed: their SOPs go.
	const gone = previous.slice(listed.packs.length).map((_, i) => policyPackKey(listed.packs.length + i));
	if (gone.length) await local.remove(gone);
	return { entries, problems: listed.problems };
}

export function storageProblem(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	return /quota/i.test(text)
		? `o armazenamento do navegador está cheio (${text}).`
		: `não foi possível gravar no armazenamento do navegador (${text}).`;
}

async function sha256(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
