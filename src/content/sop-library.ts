import type { BundledLibrary } from '../messages.ts';
import { buildIndex, loadIndex, type SopIndex } from '../sop/search.ts';
import type { Sop } from '../sop/types.ts';

/**
 * The SOPs this tab can suggest: the bundled ones with their prebuilt index (no indexing at page load),
 * received from the background once a form is found (see `sop-library` in messages.ts), plus any imported
 * later, which replace bundled SOPs of the same id.
 */
let bundled: BundledLibrary = { sops: [], indexJson: '' };
let sops: readonly Sop[] = [];
let byId = new Map<string, Sop>();
let index: SopIndex | undefined;

export function setBundledLibrary(library: BundledLibrary): void {
	bundled = library;
	setImportedSops([]);
}

export function sopIndex(): SopIndex {
	index ??= bundled.indexJson ? loadIndex(bundled.indexJson) : buildIndex(sops);
	return index;
}

export function getSop(id: string): Sop | undefined {
	return byId.get(id);
}

/** Imported SOPs (options page, policy) join the library; the index is rebuilt, which takes a few ms. */
export function setImportedSops(imported: readonly Sop[]): void {
	const merged = new Map(bundled.sops.map((s) => [s.id, s]));
	for (const sop of imported) merged.set(sop.id, sop);
	sops = [...merged.values()].sort((a, b) => a.id.localeCompare(b.id));
	byId = merged;
	index = imported.length ? buildIndex(sops) : undefined;
}
