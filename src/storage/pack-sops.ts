import { readPack, readPackData } from '../sop/pack.ts';
import { formatProblem } from '../sop/problems.ts';
import type { ImportedSop, SopSource } from './imported-sops.ts';

/**
 * Packs are untrusted, whether an agent imports one or IT pushes one in the policy: bounded before any SOP
 * is parsed (thousands of SOPs would freeze the page or the service worker for seconds).
 */
export const LIMITS = {
	packBytes: 2 * 1024 * 1024,
	packSops: 500,
	sopBytes: 256 * 1024,
	policyPacks: 20,
	/**
	 * All of a policy's packs together. Chromium slows down on big policies: with 40 MB of packs (20 × 2 MB) one
	 * `storage.managed.get` took 10–40 s on the test machine, and the policy's stored copy would be as big in every
	 * tab. 8 MB reads in about a second there and its stored copy (≈ 8.2 MB) fits beside the agent's own data.
	 */
	policyBytes: 8 * 1024 * 1024,
} as const;

export type PackSopsResult = { ok: true; sops: ImportedSop[] } | { ok: false; problems: string[] };

/**
 * A pack's SOPs, each with its Markdown text, validated by `readPack`'s code (the build's and the CLI's);
 * or every reason it was refused. The JSON is parsed once; a pack with any problem is refused whole.
 */
export function readPackSops(text: string, name: string, source: (version: string) => SopSource, now = new Date()): PackSopsResult {
	const bytes = utf8Bytes(text);
	if (bytes > LIMITS.packBytes) return refused(`${name}: pacote grande demais (${mb(bytes)}; o limite é ${mb(LIMITS.packBytes)}). Divida-o em pacotes menores.`);
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return refused((readPack(text, name) as { error: string }).error); // its message, in one place
	}
	const files = (data as { files?: unknown } | null)?.files;
	if (Array.isArray(files)) {
		if (files.length > LIMITS.packSops) return refused(`${name}: ${files.length} SOPs no pacote; o limite é ${LIMITS.packSops}. Divida-o em pacotes menores.`);
		for (const f of files as Array<{ path?: unknown; text?: unknown } | null>) {
			const size = typeof f?.text === 'string' ? utf8Bytes(f.text) : 0;
			if (size > LIMITS.sopBytes) return refused(`${name}/${String(f?.path)}: SOP grande demais (${mb(size)}; o limite é ${mb(LIMITS.sopBytes)}).`);
		}
	}
	const read = readPackData(data, name);
	if (!read.ok) return refused(read.error);
	if (read.library.problems.length) return { ok: false, problems: read.library.problems.map(formatProblem) };
	// readPackData checked every file's shape; the SOP id is its file name.
	const byId = new Map((files as Array<{ path: string; text: string }>).map((f) => [baseId(f.path), f]));
	const imported = now.toISOString();
	return {
		ok: true,
		sops: read.library.sops.map((sop) => {
			const file = byId.get(sop.id);
			return { sop, path: file?.path ?? `${sop.id}.md`, text: file?.text ?? '', source: source(read.version), imported };
		}),
	};
}

export const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
const baseId = (path: string) => path.split('/').pop()!.replace(/\.md$/i, '');
const refused = (problem: string): PackSopsResult => ({ ok: false, problems: [problem] });
