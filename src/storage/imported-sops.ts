import type { Sop } from '../sop/types.ts';
import { KEYS, type StorageArea } from './area.ts';
import { withLock } from './lock.ts';

/** Where an imported SOP came from, shown in the options page. */
export type SopSource = { kind: 'file'; name: string } | { kind: 'pack'; name: string; version: string } | { kind: 'policy'; name: string; version: string };

/** A validated SOP as stored, with the Markdown file it was read from (for export as a pack). */
export interface ImportedSop {
	sop: Sop;
	/** The file name inside the pack or the `.md` file's name. */
	path: string;
	text: string;
	source: SopSource;
	imported: string;
}

export async function readImportedSops(area: StorageArea): Promise<ImportedSop[]> {
	const { [KEYS.importedSops]: value } = await area.get(KEYS.importedSops);
	return toImportedSops(value);
}

async function writeImportedSops(area: StorageArea, list: readonly ImportedSop[]): Promise<void> {
	await area.set({ [KEYS.importedSops]: [...list].sort((a, b) => a.sop.id.localeCompare(b.sop.id)) });
}

/** Adds or replaces by id: a later import of the same SOP wins. */
export function addImportedSops(area: StorageArea, added: readonly ImportedSop[]): Promise<ImportedSop[]> {
	return withLock(KEYS.importedSops, async () => {
		const byId = new Map((await readImportedSops(area)).map((i) => [i.sop.id, i]));
		for (const item of added) byId.set(item.sop.id, item);
		const list = [...byId.values()];
		await writeImportedSops(area, list);
		return list;
	});
}

export function removeImportedSop(area: StorageArea, id: string): Promise<ImportedSop[]> {
	return withLock(KEYS.importedSops, async () => {
		const list = (await readImportedSops(area)).filter((i) => i.sop.id !== id);
		await writeImportedSops(area, list);
		return list;
	});
}

export async function clearImportedSops(area: StorageArea): Promise<void> {
	await area.remove(KEYS.importedSops);
}

/** Only the options page writes this key, after validation; still, a malformed entry is dropped. */
export function toImportedSops(value: unknown): ImportedSop[] {
	if (!Array.isArray(value)) return [];
	return value.filter((v): v is ImportedSop => {
		const i = v as Partial<ImportedSop> | null;
		return !!i && typeof i.path === 'string' && typeof i.text === 'string' && !!i.sop && typeof i.sop.id === 'string' && typeof i.sop.body === 'string';
	});
}
