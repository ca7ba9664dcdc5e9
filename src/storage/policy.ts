import { KEYS, type StorageArea } from './area.ts';
import { toImportedSops, type ImportedSop } from './imported-sops.ts';
import { toMappings, type Mappings } from './mappings.ts';

/**
 * The IT policy after validation (resolve-policy.ts), as the background stores it in `storage.local` for
 * the content script and the options page: they never parse packs or read `storage.managed` themselves.
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
	/** What was refused and why, in Portuguese, for the options page. */
	problems: string[];
}

export const EMPTY_POLICY: ResolvedPolicy = { installations: [], sops: [], mappings: {}, problems: [] };

export async function readResolvedPolicy(area: StorageArea): Promise<ResolvedPolicy> {
	const { [KEYS.policy]: value } = await area.get(KEYS.policy);
	return toResolvedPolicy(value);
}

/** Read defensively like every other key: a malformed part is empty, never an exception in a page. */
export function toResolvedPolicy(value: unknown): ResolvedPolicy {
	if (!value || typeof value !== 'object') return EMPTY_POLICY;
	const v = value as Partial<Record<keyof ResolvedPolicy, unknown>>;
	const installations = Array.isArray(v.installations)
		? v.installations.filter((i): i is { pattern: string; url: string } => !!i && typeof i.pattern === 'string' && typeof i.url === 'string')
		: [];
	return {
		installations,
		sops: toImportedSops(v.sops),
		mappings: toMappings(v.mappings),
		...(typeof v.usageRecord === 'boolean' ? { usageRecord: v.usageRecord } : {}),
		problems: Array.isArray(v.problems) ? v.problems.filter((p): p is string => typeof p === 'string') : [],
	};
}
