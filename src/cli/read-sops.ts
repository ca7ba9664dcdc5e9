import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SopFile } from '../sop/library.ts';

/** Every `*.md` SOP in a folder (README.md is the folder's documentation, not a SOP). */
export function readSopDir(dir: string, cwd = process.cwd()): SopFile[] {
	if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`SOP folder not found: ${dir}`);
	return readdirSync(dir)
		.filter((name) => name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md')
		.sort()
		.map((name) => {
			const path = join(dir, name);
			return { path: relative(cwd, path) || path, text: readFileSync(path, 'utf8') };
		});
}
