import { KEYS, type StorageArea } from './area.ts';
import { toImportedSops, type ImportedSop } from './imported-sops.ts';
import { toMappings, type Mappings } from './mappings.ts';

/**
 * The IT policy after validation (resolve-policy.ts), as the content script and the options page use it:
 * they never parse packs or read `storage.managed` themselves.
 */
export interface ResolvedPolicy {
	/** Origin patterns (`https://helpdesk.example.com/*`) with the address IT wrote. */
	installations: Array<{ pattern: string; url: string }>;
	/** SOPs of the valid managed packs, source `policy`. */
	sops: ImportedSop[];
	/** By origin; each replaces the local mapping of that origin whole. */
	mappings: Mappings;
	/** Absent: the agent decides. */
	usageRecord?: boolean;
	/** What was refused or could not be applied, and why, in Portuguese, for the options page. */
	problems: string[];
}

/** One managed pack as the background stored it: its SOPs live under their own key (`policyPackKey`). */
export interface StoredPolicyPack {
	name: string;
	/** SHA-256 of the pack's JSON as the policy holds it: an unchanged pack is neither parsed nor written again. */
	fingerprint: string;
	/** UTF-8 bytes of that JSON, for the policy's total limit. */
	bytes: number;
	/** SOPs stored for it (0 when refused). */
	sops: number;
	/** Why it was refused or not stored; empty when it applies. */
	problems: string[];
}

/**
 * How the policy is kept in `storage.local` (only the background writes it): this small record under
 * `KEYS.policy` (installations, mappings, usageRecord, problems, and one line per pack), and each pack's
 * validated SOPs under its own key, without the Markdown text (the parsed SOP holds it already; managed SOPs
 * are never exported). A change to one pack rewrites that pack alone, and a tab woken by it reads only what
 * changed; a small policy change never carries megabytes of SOPs to every tab.
 */
export interface StoredPolicy {
	installations: ResolvedPolicy['installations'];
	mappings: Mappings;
	usageRecord?: boolean;
	/** Every problem, the packs' included, in the order they were found. */
	problems: string[];
	packs: StoredPolicyPack[];
	/** False while the packs have not been read since the extension was installed (or a read was cut short). */
	packsRead: boolean;
}

export const POLICY_PACK_PREFIX = 'managedPolicyPack:';
export const policyPackKey = (index: number) => `${POLICY_PACK_PREFIX}${index}`;
/** Whether a `storage.onChanged` key is part of the stored policy. */
export const isPolicyKey = (key: string) => key === KEYS.policy || key.startsWith(POLICY_PACK_PREFIX);

export const EMPTY_POLICY: ResolvedPolicy = { installations: [], sops: [], mappings: {}, problems: [] };

/** The policy with its packs' SOPs merged in order (a later pack wins for the same id, as with imports). */
export async function readResolvedPolicy(area: StorageArea): Promise<ResolvedPolicy> {
	const stored = await readStoredPolicy(area);
	const keys = stored.packs.flatMap((p, i) => (p.sops > 0 ? [policyPackKey(i)] : []));
	const values = keys.length ? await area.get(keys) : {};
	const sops = new Map<string, ImportedSop>();
	for (const key of keys) for (const item of toImportedSops(values[key])) sops.set(item.sop.id, item);
	return {
		installations: stored.installations,
		sops: [...sops.values()].sort((a, b) => a.sop.id.localeCompare(b.sop.id)),
		mappings: stored.mappings,
		...(stored.usageRecord !== undefined ? { usageRecord: stored.usageRecord } : {}),
		problems: stored.problems,
	};
}

export async function readStoredPolicy(area: StorageArea): Promise<StoredPolicy> {
	const { [KEYS.policy]: value } = await area.get(KEYS.policy);
	return toStoredPolicy(value);
}

/** Read defensively like every other key: a malformed part is empty, never an exception in a page. */
export function toStoredPolicy(value: unknown): StoredPolicy {
	const v = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof StoredPolicy, unknown>>;
	const installations = Array.isArray(v.installations)
		? v.installations.filter((i): i is { pattern: string; url: string } => !!i && typeof i.pattern === 'string' && typeof i.url === 'string')
		: [];
	const strings = (list: unknown) => (Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : []);
	const packs = Array.isArray(v.packs)
		? v.packs.flatMap((p: Partial<Record<keyof StoredPolicyPack, unknown>> | null): StoredPolicyPack[] =>
				p && typeof p.name === 'string' && typeof p.fingerprint === 'string' && typeof p.bytes === 'number' && typeof p.sops === 'number'
					? [{ name: p.name, fingerprint: p.fingerprint, bytes: p.bytes, sops: p.sops, problems: strings(p.problems) }]
					: [],
			)
		: [];
	return {
		installations,
		mappings: toMappings(v.mappings),
		...(typeof v.usageRecord === 'boolean' ? { usageRecord: v.usageRecord } : {}),
		problems: strings(v.problems),
		packs,
		packsRead: v.packsRead === true,
	};
}
