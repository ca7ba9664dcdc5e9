import { buildLibrary, type Library, type SopFile } from './library.ts';

/**
 * A SOP pack carries the SOP files' own text, so an import validates it with the same schema and reports
 * problems with the same file, line and field as `npm run sops -- check`.
 */
export interface SopPack {
	format: 'qualitor-sop-pack';
	version: string;
	created: string;
	files: SopFile[];
}

export function buildPack(files: readonly SopFile[], options: { version?: string | undefined; now?: Date } = {}): SopPack {
	const now = options.now ?? new Date();
	return {
		format: 'qualitor-sop-pack',
		version: options.version ?? now.toISOString().slice(0, 10),
		created: now.toISOString(),
		files: files.map((f) => ({ path: f.path.split(/[\\/]/).pop()!, text: f.text })),
	};
}

export type PackReadResult = { ok: true; version: string; library: Library } | { ok: false; error: string };

/**
 * Reads an untrusted pack: shape first, then every SOP through the normal validation. The pack's own
 * errors are in Portuguese (the options page shows them); each SOP's problems keep the authors'
 * `file:line: field: message` format of `npm run sops -- check`.
 */
export function readPack(json: string, name = 'pack.json'): PackReadResult {
	let data: unknown;
	try {
		data = JSON.parse(json);
	} catch (error) {
		return { ok: false, error: `${name}: não é um JSON válido (${(error as Error).message})` };
	}
	return readPackData(data, name);
}

/** `readPack` on a pack already parsed, for a caller that had to look at it first (its size limits). */
export function readPackData(data: unknown, name = 'pack.json'): PackReadResult {
	const pack = data as Partial<SopPack> | null;
	if (!pack || typeof pack !== 'object' || pack.format !== 'qualitor-sop-pack') {
		return { ok: false, error: `${name}: não é um pacote de SOPs (esperado "format": "qualitor-sop-pack")` };
	}
	if (typeof pack.version !== 'string' || !Array.isArray(pack.files)) {
		return { ok: false, error: `${name}: um pacote de SOPs precisa de "version" (texto) e "files" (lista)` };
	}
	const files: SopFile[] = [];
	for (const [i, f] of pack.files.entries()) {
		const file = f as Partial<SopFile> | null;
		if (!file || typeof file.path !== 'string' || typeof file.text !== 'string') {
			return { ok: false, error: `${name}: files[${i}] precisa de "path" e "text"` };
		}
		files.push({ path: `${name}/${file.path}`, text: file.text });
	}
	return { ok: true, version: pack.version, library: buildLibrary(files) };
}
