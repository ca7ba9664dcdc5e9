// No file of the repository names a place on somebody's machine: a clone must work wherever it lands.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/shared.ts';

/** Home and work folders (Unix, macOS, Windows) and temporary folders, as the start of an absolute path. */
const MACHINE_PATH = /(?<![\w.~%-])(?:\/(?:work|home|Users|root|mnt|tmp|var\/folders)\/[\w.-]|[A-Za-z]:\\(?:Users|work|tmp)\\)/;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'dist-firefox', 'release', 'test-results', '.tmp']);

/** Tracked files plus new ones not ignored; without git (an exported tree), every file outside build output. */
function repositoryFiles(): string[] {
	try {
		const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' });
		return out.split('\0').filter(Boolean);
	} catch {
		const walk = (dir: string): string[] =>
			readdirSync(join(repoRoot, dir)).flatMap((name) => {
				const rel = dir ? `${dir}/${name}` : name;
				if (SKIP_DIRS.has(name)) return [];
				return statSync(join(repoRoot, rel)).isDirectory() ? walk(rel) : [rel];
			});
		return walk('');
	}
}

/** `file:line: text` for every line that holds a machine path (binary files skipped). */
export function machinePaths(file: string, text: string): string[] {
	if (text.includes('\0')) return [];
	return text.split('\n').flatMap((line, i) => (MACHINE_PATH.test(line) ? [`${file}:${i + 1}: ${line.trim().slice(0, 160)}`] : []));
}

describe('no absolute machine paths', () => {
	test('the scanner finds the kinds of path it is meant to find, and leaves URLs and system paths alone', () => {
		const found = (line: string) => machinePaths('x', line).length;
		// Put together here, so that this file does not hold the paths it looks for.
		const at = (root: string, rest: string) => `${root}${rest}`;
		const bad = [at('cd /work', '/main && npm test'), at("readFileSync('/home", "/ana/shared/seeds')"), at('"/Users', '/ana/qualitor"'), at('C:\\Users', '\\ana\\repo'), at('out: /tmp', '/x/clone')];
		for (const line of bad) {
			expect(found(line), line).toBe(1);
		}
		for (const fine of ['https://example.com/home/page', '/etc/chromium/policies/managed/', '../shared/seeds', 'C:\\Program Files\\Mozilla Firefox\\distribution\\', '~/src/x']) {
			expect(found(fine), fine).toBe(0);
		}
	});

	test('in any file of the repository', () => {
		const files = repositoryFiles();
		expect(files).toContain('package.json');
		expect(files.length).toBeGreaterThan(100);
		const hits = files.flatMap((file) => {
			let text: string;
			try {
				text = readFileSync(join(repoRoot, file), 'utf8');
			} catch {
				return []; // listed by git but deleted in the work tree
			}
			return machinePaths(relative(repoRoot, join(repoRoot, file)), text);
		});
		expect(hits).toEqual([]);
	});
});
