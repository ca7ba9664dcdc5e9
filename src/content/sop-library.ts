import { sops as bundled } from 'virtual:sop-library';
import { indexJson } from 'virtual:sop-index';
import { buildIndex, loadIndex, type SopIndex } from '../sop/search.ts';
import type { Sop } from '../sop/types.ts';

/**
 * The SOPs this tab can suggest: the bundled ones with their prebuilt index (no indexing at page load),
 * plus any imported later, which replace bundled SOPs of the same id.
 */
let sops: readonly Sop[] = bundled;
let byId = new Map(sops.map((s) => [s.id, s]));
let index: SopIndex | undefined;

export function sopIndex(): SopIndex {
	index ??= loadIndex(indexJson);
	return index;
}

export function allSops(): readonly Sop[] {
	return sops;
}

export function getSop(id: string): Sop | undefined {
	return byId.get(id);
}

/** Imported SOPs (options page) join the library; the index is rebuilt, which takes a few ms. */
export function setImportedSops(imported: readonly Sop[]): void {
	const merged = new Map(bundled.map((s) => [s.id, s]));
	for (const sop of imported) merged.set(sop.id, sop);
	sops = [...merged.values()].sort((a, b) => a.id.localeCompare(b.id));
	byId = merged;
	index = imported.length ? buildIndex(sops) : undefined;
}
