import browser from 'webextension-polyfill';
import { KEYS, type StorageArea, type StorageChange, type StorageEvents } from '../storage/area.ts';
import { readImportedSops, toImportedSops } from '../storage/imported-sops.ts';
import { emptyMapping, readMapping, toMappings, type Mapping } from '../storage/mappings.ts';
import { setImportedSops } from './sop-library.ts';

/**
 * What the options page configured for this installation, read once the overlay mounts and kept current
 * through `storage.onChanged`: imported SOPs reach an open tab without a reload.
 */
let mapping: Mapping = emptyMapping();
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
	const onChanged = (changes: Record<string, StorageChange>, areaName: string) => {
		if (areaName !== 'local') return;
		let changed = false;
		if (KEYS.importedSops in changes) {
			setImportedSops(toImportedSops(changes[KEYS.importedSops]!.newValue).map((i) => i.sop));
			changed = true;
		}
		if (KEYS.mappings in changes) {
			mapping = toMappings(changes[KEYS.mappings]!.newValue)[origin] ?? emptyMapping();
			changed = true;
		}
		if (changed) notify();
	};
	// Listen first, so a change made while reading is not lost.
	events.addListener(onChanged);
	const [imported, found] = await Promise.all([readImportedSops(area), readMapping(area, origin)]);
	setImportedSops(imported.map((i) => i.sop));
	mapping = found;
	notify();
	return () => events.removeListener(onChanged);
}
