// One version number: package.json's. The source manifest has none of its own, the build writes it, and the
// changelog has an entry for it.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { repoRoot } from '../helpers/shared.ts';

const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');
const { version } = JSON.parse(read('package.json')) as { version: string };

test('package.json holds a semantic version and manifest.json none of its own', () => {
	expect(version).toMatch(/^\d+\.\d+\.\d+$/);
	expect(JSON.parse(read('manifest.json'))).not.toHaveProperty('version');
});

test('CHANGELOG.md has an entry for that version', () => {
	const headings = [...read('CHANGELOG.md').matchAll(/^## (\d+\.\d+\.\d+)\b/gm)].map((m) => m[1]);
	expect(headings.length).toBeGreaterThan(0);
	expect(headings[0]).toBe(version);
});

for (const dir of ['dist', 'dist-firefox']) {
	const file = resolve(repoRoot, dir, 'manifest.json');
	const built = existsSync(file);
	if (!built) console.warn(`skipped: no build in ${dir}/ — run npm run build first (npm test does)`);
	test.skipIf(!built)(`the built manifest in ${dir}/ carries it`, () => {
		expect((JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version).toBe(version);
	});
}
