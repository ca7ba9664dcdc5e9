import type { ImportedSop } from './imported-sops.ts';
import type { Installation } from './installations.ts';
import { emptyMapping, type Mapping, type Mappings } from './mappings.ts';
import type { ResolvedPolicy } from './policy.ts';
import type { LocalSettings } from './settings.ts';

/**
 * What the IT policy says wins over what the agent set locally; one place decides, and the content
 * script, the background and the options page all ask here. The local values are kept untouched, so
 * they come back if IT withdraws the policy.
 */

export interface EffectiveInstallation {
	pattern: string;
	url: string;
	/** Pushed by the policy: shown locked, cannot be removed in the options page. */
	managed: boolean;
}

export function effectiveInstallations(local: readonly Installation[], policy: ResolvedPolicy): EffectiveInstallation[] {
	const byPattern = new Map<string, EffectiveInstallation>(local.map((i) => [i.pattern, { pattern: i.pattern, url: i.url, managed: false }]));
	for (const i of policy.installations) byPattern.set(i.pattern, { pattern: i.pattern, url: i.url, managed: true });
	return [...byPattern.values()].sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/**
 * Managed SOPs replace local imports (and bundled SOPs) of the same id: IT publishes the reviewed version,
 * and an old file an agent imported once must not shadow it. `overridden` lists the local imports hidden so.
 */
export function effectiveImportedSops(local: readonly ImportedSop[], policy: ResolvedPolicy): { sops: ImportedSop[]; overridden: string[] } {
	const managed = new Set(policy.sops.map((i) => i.sop.id));
	const kept = local.filter((i) => !managed.has(i.sop.id));
	return {
		sops: [...policy.sops, ...kept].sort((a, b) => a.sop.id.localeCompare(b.sop.id)),
		overridden: local.filter((i) => managed.has(i.sop.id)).map((i) => i.sop.id),
	};
}

/** A managed mapping replaces the origin's local one whole: half IT's names and half an agent's would be hard to reason about. */
export function effectiveMapping(local: Mappings, policy: ResolvedPolicy, origin: string): { mapping: Mapping; managed: boolean } {
	const managed = policy.mappings[origin];
	if (managed) return { mapping: managed, managed: true };
	return { mapping: local[origin] ?? emptyMapping(), managed: false };
}

/** The policy's usageRecord, when set, wins either way; otherwise the agent's choice (on by default). */
export function usageRecording(settings: LocalSettings, policy: Pick<ResolvedPolicy, 'usageRecord'>): { enabled: boolean; managed: boolean } {
	if (policy.usageRecord !== undefined) return { enabled: policy.usageRecord, managed: true };
	return { enabled: settings.usageRecord, managed: false };
}
