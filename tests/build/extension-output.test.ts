// Checks the production build that `npm test` makes before vitest runs (dist/): each entry point of the
// manifest must lead to its own code. crxjs once mixed up two entries both named index.ts, and the
// service worker ran the content script.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';

const dist = resolve(process.env.EXTENSION_DIR ?? 'dist');
const read = (file: string) => readFileSync(join(dist, file), 'utf8');
const IMPORTS = [
	/(?:^|[;\s])import\s*(?:[^"'`();]*?from\s*)?["'`]([^"'`]+\.js)["'`]/g,
	/import\(\s*(?:\/\*[\s\S]*?\*\/\s*)?(?:[\w$.]*getURL\()?["'`]([^"'`]+\.js)["'`]/g,
];
/** Every file reachable from `file` by static or dynamic import (not mere mentions of a path), as text. */
function reachable(file: string, seen = new Set<string>()): string {
	if (seen.has(file) || !existsSync(join(dist, file))) return '';
	seen.add(file);
	const code = read(file);
	const dir = dirname(file);
	const refs = IMPORTS.flatMap((re) => [...code.matchAll(re)].map((m) => (m[1]!.startsWith('.') ? normalize(join(dir, m[1]!)) : m[1]!)));
	return code + refs.map((r) => reachable(r, seen)).join('\n');
}

const built = existsSync(join(dist, 'manifest.json'));
if (!built) console.warn(`skipped: no build in ${dist} — run npm run build first (npm test does)`);

describe.skipIf(!built)('built extension (dist/)', () => {
	// Read in a hook, not while collecting: a skipped describe still runs its body to list its tests.
	let manifest: {
		background: { service_worker: string };
		action: { default_popup: string };
		content_scripts: { js: string[] }[];
		web_accessible_resources?: { resources: string[] }[];
	};
	beforeAll(() => {
		manifest = JSON.parse(read('manifest.json')) as typeof manifest;
	});

	test('no file a website can fetch holds the SOPs (they reach the overlay by message)', () => {
		const exposed = (manifest.web_accessible_resources ?? []).flatMap((w) => w.resources);
		expect(exposed.length).toBeGreaterThan(0);
		for (const file of exposed) {
			const code = read(file);
			expect(code, file).not.toContain('Nova emissão com CEI vinculado');
			expect(code, file).not.toContain('Equipe PEN');
		}
	});

	test('the service worker runs the background code, not the content script', () => {
		const code = reachable(manifest.background.service_worker);
		expect(code).toContain('registerContentScripts');
		expect(code).not.toContain('data-sop-assist');
	});

	test('the content script is one classic file (no import, no export); the overlay module it loads is web-accessible', () => {
		const file = manifest.content_scripts[0]!.js[0]!;
		expect(manifest.content_scripts[0]!.js).toEqual(['content/watcher.js']);
		const code = read(file);
		expect(code).not.toMatch(/(?:^|[;\s])import\s*[\w${*"'`]/);
		expect(code).not.toMatch(/\bexport\b/);
		const lazy = [...code.matchAll(/import\([\w$.]*getURL\(\s*["'`]([^"'`]+\.js)["'`]/g)].map((m) => m[1]!);
		expect(lazy).toHaveLength(1);
		expect((manifest.web_accessible_resources ?? []).flatMap((w) => w.resources)).toContain(lazy[0]);
		// Nothing of the overlay in the file every Qualitor page runs.
		expect(code).not.toContain('data-sop-assist');
	});

	test('the content script leads to the form watcher and, lazily, the overlay', () => {
		const code = reachable(manifest.content_scripts[0]!.js[0]!);
		expect(code).toContain('dsacaocorretiva');
		expect(code).toContain('data-sop-assist');
		expect(code).not.toContain('registerContentScripts');
	});

	test('the popup page loads one module script, its CSS inline; the decoder comes later, as a chunk that script imports', () => {
		const page = read(manifest.action.default_popup);
		const scripts = [...page.matchAll(/<script\b[^>]*\bsrc="\/?([^"]+)"/g)].map((m) => m[1]!);
		expect(scripts).toHaveLength(1);
		// No stylesheet and no modulepreload to fetch before the first render (build/popup-page.ts).
		expect(page).not.toMatch(/<link\b/);
		expect(page).toMatch(/<style>[^<]*\.verdict/);
		const entry = read(scripts[0]!);
		expect(entry).toContain('popup-ready');
		expect(entry).not.toMatch(/(?:^|[;\s])import\s*[\w${*"'`]/);
		// The decoder's OIDs are not in the first load, and (positive control) reachable from it.
		expect(entry).not.toContain('2.16.76.1.3.6');
		expect(reachable(scripts[0]!)).toContain('2.16.76.1.3.6');
	});
});
