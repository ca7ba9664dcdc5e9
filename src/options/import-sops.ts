import { buildLibrary } from '../sop/library.ts';
import { formatProblem } from '../sop/problems.ts';
import type { ImportedSop } from '../storage/imported-sops.ts';
import { LIMITS, mb, readPackSops, utf8Bytes } from '../storage/pack-sops.ts';

/** Imported files are untrusted: bounded before anything parses them (the same limits as a policy's packs). */
export { LIMITS };

export interface PickedFile {
	name: string;
	text: string;
}

export interface ImportResult {
	sops: ImportedSop[];
	/** One line each, `file:line: field: message` (the format of `npm run sops -- check`). */
	problems: string[];
}

/**
 * Validates `.json` packs and `.md` SOP files with the same code as the build and the CLI. A file with
 * any problem is refused whole (a pack is imported entirely or not at all), so nothing half-valid is stored.
 */
export function importSopFiles(files: readonly PickedFile[], now = new Date()): ImportResult {
	const result: ImportResult = { sops: [], problems: [] };
	const imported = now.toISOString();
	for (const file of files) {
		if (/\.json$/i.test(file.name)) {
			const read = readPackSops(file.text, file.name, (version) => ({ kind: 'pack', name: file.name, version }), now);
			if (read.ok) result.sops.push(...read.sops);
			else result.problems.push(...read.problems);
		} else if (/\.md$/i.test(file.name)) {
			const bytes = utf8Bytes(file.text);
			if (bytes > LIMITS.sopBytes) {
				result.problems.push(`${file.name}: arquivo grande demais (${mb(bytes)}; o limite é ${mb(LIMITS.sopBytes)}).`);
				continue;
			}
			const library = buildLibrary([{ path: file.name, text: file.text }]);
			if (library.problems.length) {
				result.problems.push(...library.problems.map(formatProblem));
				continue;
			}
			for (const sop of library.sops) result.sops.push({ sop, path: file.name, text: file.text, source: { kind: 'file', name: file.name }, imported });
		} else {
			result.problems.push(`${file.name}: tipo de arquivo não suportado; importe um pacote .json ou um SOP .md.`);
		}
	}
	const seen = new Map<string, string>();
	for (const item of result.sops) {
		const other = seen.get(item.sop.id);
		if (other) result.problems.push(`${item.path}: id "${item.sop.id}" repetido (também em ${other}); o último importado vale.`);
		seen.set(item.sop.id, item.path);
	}
	return result;
}
