import type { SopProblem } from './problems.ts';
import { parseSop } from './parse.ts';
import type { Sop } from './types.ts';

export interface SopFile {
	path: string;
	text: string;
}

export interface Library {
	sops: Sop[];
	problems: SopProblem[];
}

/** Parses a set of SOP files; all problems are collected, and the caller refuses partial libraries. */
export function buildLibrary(files: readonly SopFile[]): Library {
	const sops: Sop[] = [];
	const problems: SopProblem[] = [];
	const seen = new Map<string, string>();
	for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
		const result = parseSop(file.path, file.text);
		if (!result.ok) {
			problems.push(...result.problems);
			continue;
		}
		const first = seen.get(result.sop.id);
		if (first) {
			problems.push({ file: file.path, line: 0, field: '', message: `duplicate id "${result.sop.id}" (also ${first})` });
			continue;
		}
		seen.set(result.sop.id, file.path);
		sops.push(result.sop);
	}
	if (files.length === 0) problems.push({ file: '(library)', line: 0, field: '', message: 'no SOP files found' });
	return { sops: sops.sort((a, b) => a.id.localeCompare(b.id)), problems };
}
