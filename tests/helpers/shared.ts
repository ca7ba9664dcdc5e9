// The project's shared facts (`../shared/` beside the repository: seeds, dev sets, sample certificates) are
// not part of a clone. Every test, bench or script that reads them asks here first: when the folder is there
// it runs, when it is absent it skips and says so in one line. No vitest import, so the benches use it too.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Not `new URL('../..', import.meta.url)`: in jsdom tests the global URL is jsdom's, which fileURLToPath refuses.
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface SharedData {
	/** Absolute path of `../shared/<rel>` (computed from this file, never a machine path). */
	readonly path: string;
	readonly present: boolean;
}

const told = new Set<string>();

/** `../shared/<rel>` (a folder or a file), whether it is there, and one line on stderr when it is not. */
export function shared(rel: string, what = 'the checks that read it'): SharedData {
	const path = resolve(repoRoot, '..', 'shared', rel);
	const present = existsSync(path);
	if (!present && !told.has(rel)) {
		told.add(rel);
		console.warn(`skipped: ../shared/${rel} is absent (a clone alone) — ${what} do not run`);
	}
	return { path, present };
}
