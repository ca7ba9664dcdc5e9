import { buildLibrary } from '../sop/library.ts';
import { readPack } from '../sop/pack.ts';
import { formatProblem } from '../sop/problems.ts';
import type { ImportedSop } from '../storage/imported-sops.ts';

/** Imported files are untrusted: bounded before anything parses them. */
export const LIMITS = { packBytes: 2 * 1024 * 1024, packSops: 500, sopBytes: 256 * 1024 } as const;

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
		const bytes = new TextEncoder().encode(file.text).length;
		if (/\.json$/i.test(file.name)) {
			if (bytes > LIMITS.packBytes) {
				result.problems.push(`${file.name}: pacote grande demais (${mb(bytes)}; o limite é ${mb(LIMITS.packBytes)}). Divida-o em pacotes menores.`);
				continue;
			}
			// Counted before validating: thousands of SOPs would freeze the page while being parsed.
			const count = countPackFiles(file.text);
			if (count > LIMITS.packSops) {
				result.problems.push(`${file.name}: ${count} SOPs no pacote; o limite é ${LIMITS.packSops}. Divida-o em pacotes menores.`);
				continue;
			}
			const read = readPack(file.text, file.name);
			if (!read.ok) {
				result.problems.push(read.error);
				continue;
			}
			if (read.library.problems.length) {
				result.problems.push(...read.library.problems.map(formatProblem));
				continue;
			}
			const packFiles = (JSON.parse(file.text) as { files: { path: string; text: string }[] }).files;
			const texts = new Map<string, string>(packFiles.map((f) => [`${file.name}/${f.path}`, f.text]));
			for (const sop of read.library.sops) {
				const path = [...texts.keys()].find((p) => baseId(p) === sop.id) ?? `${sop.id}.md`;
				result.sops.push({
					sop,
					path: path.slice(file.name.length + 1),
					text: texts.get(path) ?? '',
					source: { kind: 'pack', name: file.name, version: read.version },
					imported,
				});
			}
		} else if (/\.md$/i.test(file.name)) {
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

function countPackFiles(json: string): number {
	try {
		const files = (JSON.parse(json) as { files?: unknown } | null)?.files;
		return Array.isArray(files) ? files.length : 0;
	} catch {
		return 0; // readPack says what is wrong with it
	}
}

const baseId = (path: string) => path.split('/').pop()!.replace(/\.md$/i, '');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
