import browser from 'webextension-polyfill';
import { KEYS, type StorageArea, type StorageChange, type StorageEvents } from '../storage/area.ts';
import { readImportedSops, toImportedSops, type ImportedSop } from '../storage/imported-sops.ts';
import { emptyMapping, readMappings, toMappings, type Mapping, type Mappings } from '../storage/mappings.ts';
import { EMPTY_POLICY, isPolicyKey, readResolvedPolicy, type ResolvedPolicy } from '../storage/policy.ts';
import { effectiveImportedSops, effectiveMapping } from '../storage/precedence.ts';
import { setImportedSops } from './sop-library.ts';

/**
 * What the options page configured for this installation, and what the IT policy imposes over it (as the
 * background validated it), read once the overlay mounts and kept current through `storage.onChanged`:
 * imported and managed SOPs reach an open tab without a reload.
 */
let mapping: Mapping = emptyMapping();
let imported: ImportedSop[] = [];
let mappings: Mappings = {};
let policy: ResolvedPolicy = EMPTY_POLICY;
const listeners = new Set<() => void>();

export const currentMapping = (): Mapping => mapping;

export function onSettingsChange(listener: () => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

function notify(): void {
	for (const listener of listeners) {
		try {
			listener();
		} catch (error) {
			console.warn('[SOP Assist]', error);
		}
	}
}

export async function loadSettings(
	origin: string,
	area: StorageArea = browser.storage.local as unknown as StorageArea,
	events: StorageEvents = browser.storage.onChanged as unknown as StorageEvents,
): Promise<() => void> {
	// The policy is stored in several keys (policy.ts): any of them changing means reading it again, in order.
	let policyRead = Promise.resolve();
	const onChanged = (changes: Record<string, StorageChange>, areaName: string) => {
		if (areaName !== 'local') return;
		if (KEYS.importedSops in changes) imported = toImportedSops(changes[KEYS.importedSops]!.newValue);
		if (KEYS.mappings in changes) mappings = toMappings(changes[KEYS.mappings]!.newValue);
		if (Object.keys(changes).some(isPolicyKey)) {
			policyRead = policyRead
				.then(() => readResolvedPolicy(area))
				.then((read) => {
					policy = read;
					apply(true);
				})
				.catch((error: unknown) => console.warn('[SOP Assist] policy not read:', error));
			return;
		}
		if (KEYS.importedSops in changes || KEYS.mappings in changes) apply(KEYS.importedSops in changes);
	};
	const apply = (sopsChanged: boolean) => {
		// Rebuilding the index costs a few ms: only when the SOPs changed, not for a mapping edit.
		if (sopsChanged) setImportedSops(effectiveImportedSops(imported, policy).sops.map((i) => i.sop));
		mapping = effectiveMapping(mappings, policy, origin).mapping;
		notify();
	};
	// Listen first, so a change made while reading is not lost.
	events.addListener(onChanged);
	[imported, mappings, policy] = await Promise.all([readImportedSops(area), readMappings(area), readResolvedPolicy(area)]);
	apply(true);
	return () => events.removeListener(onChanged);
}
