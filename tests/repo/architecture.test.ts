// The house's layering, checked: the pure cores (src/sop, src/cert) reach no browser or DOM code, not even
// through another file, and src/qualitor (Qualitor knowledge, no UI) never imports Preact.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/shared.ts';

const src = join(repoRoot, 'src');

/** Every module specifier of a file: static imports and re-exports (type-only too), `import()`, `require()`. */
export function specifiers(code: string): string[] {
	const noComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
	const found = [
		...noComments.matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm),
		...noComments.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
		...noComments.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
	];
	return [...new Set(found.map((m) => m[1]!))];
}

interface Rule {
	/** Folders (under src/) whose files, and everything they import from src/, the rule covers. */
	roots: string[];
	/** Why a specifier (bare, or a src/-relative path of a resolved file) is refused; undefined when allowed. */
	refuse(spec: string, resolved: string | undefined): string | undefined;
}

const BROWSER_PACKAGES = /^(?:webextension-polyfill|preact|@preact\/|playwright|puppeteer|jsdom)(?:$|\/)/;
const UI_FOLDERS = /^(?:dom|content|qualitor|popup|options|background|storage|ui)\//;

const RULES: Record<string, Rule> = {
	'src/sop and src/cert import no browser or DOM code': {
		roots: ['sop', 'cert'],
		refuse: (spec, file) =>
			BROWSER_PACKAGES.test(spec) ? `browser package ${spec}` : file && UI_FOLDERS.test(file) ? `src/${file} (browser-side code)` : file?.endsWith('.tsx') ? `src/${file} (a component)` : undefined,
	},
	'src/qualitor does not import Preact': {
		roots: ['qualitor'],
		refuse: (spec, file) =>
			/^(?:preact|@preact\/)(?:$|\/)/.test(spec) ? `Preact (${spec})` : file?.endsWith('.tsx') || (file && /^(?:content\/ui|ui)\//.test(file)) ? `UI code src/${file}` : undefined,
	},
};

/** A relative specifier as a path under src/ (the house writes imports with their .ts/.tsx extension). */
function resolveInSrc(fromFile: string, spec: string): string | undefined {
	if (!spec.startsWith('.')) return undefined;
	const path = relative(src, resolve(dirname(join(src, fromFile)), spec)).split('\\').join('/');
	return path.startsWith('..') ? undefined : /\.(?:tsx?|json|css)$/.test(path) ? path : `${path}.ts`;
}

const filesUnder = (folder: string): string[] =>
	readdirSync(join(src, folder), { recursive: true, encoding: 'utf8' })
		.filter((f) => /\.tsx?$/.test(f))
		.map((f) => `${folder}/${f.split('\\').join('/')}`);

/** Violations of a rule: `src/a.ts → spec: why`, following src/ imports transitively from the rule's roots. */
export function violations(rule: Rule, read: (file: string) => string, roots: string[]): string[] {
	const out: string[] = [];
	const seen = new Set<string>();
	const queue = [...roots];
	while (queue.length) {
		const file = queue.shift()!;
		if (seen.has(file)) continue;
		seen.add(file);
		for (const spec of specifiers(read(file))) {
			const resolved = resolveInSrc(file, spec);
			const why = rule.refuse(spec, resolved);
			if (why) out.push(`src/${file} → ${spec}: ${why}`);
			else if (resolved) queue.push(resolved);
		}
	}
	return out;
}

describe('import rules', () => {
	test('the scanner finds every kind of import, and each rule refuses what it should (positive controls)', () => {
		const sample = [
			"import browser from 'webextension-polyfill';",
			"import type { VNode } from 'preact';",
			"export { h } from 'preact/hooks';",
			"import '../content/overlay.tsx';",
			"const lazy = () => import('../dom/fill.ts');",
			"// import { nope } from 'commented-out';",
			"/* import { nope2 } from 'block-comment'; */",
			"const s = 'import x from \"in-a-string\"';",
		].join('\n');
		expect(specifiers(sample)).toEqual(['webextension-polyfill', 'preact', 'preact/hooks', '../content/overlay.tsx', '../dom/fill.ts']);

		const pure = RULES['src/sop and src/cert import no browser or DOM code']!;
		const files: Record<string, string> = { 'sop/a.ts': "import { b } from './b.ts';", 'sop/b.ts': "import { fill } from '../dom/fill.ts';" };
		expect(violations(pure, (f) => files[f] ?? '', ['sop/a.ts'])).toEqual(['src/sop/b.ts → ../dom/fill.ts: src/dom/fill.ts (browser-side code)']);
		expect(pure.refuse('webextension-polyfill', undefined)).toMatch(/browser package/);
		const noPreact = RULES['src/qualitor does not import Preact']!;
		expect(noPreact.refuse('preact/hooks', undefined)).toMatch(/Preact/);
		expect(noPreact.refuse('./x.tsx', 'content/ui/Overlay.tsx')).toMatch(/UI code/);
		expect(noPreact.refuse('../dom/fill.ts', 'dom/fill.ts')).toBeUndefined();
	});

	test.each(Object.entries(RULES))('%s', (_, rule) => {
		const roots = rule.roots.flatMap(filesUnder);
		expect(roots.length).toBeGreaterThan(5);
		const read = (f: string) => (existsSync(join(src, f)) ? readFileSync(join(src, f), 'utf8') : '');
		expect(violations(rule, read, roots)).toEqual([]);
	});
});

describe('no DOM globals in the pure cores', () => {
	test('src/sop and src/cert type-check with the ES library alone (no DOM, no Node); the probe that uses the DOM does not', () => {
		const dir = mkdtempSync(join(tmpdir(), 'sop-assist-arch-'));
		try {
			const config = join(dir, 'tsconfig.json');
			writeFileSync(
				config,
				JSON.stringify({
					extends: join(repoRoot, 'tsconfig.json'),
					compilerOptions: { lib: ['ES2022'], types: [], noEmit: true },
					include: [join(src, 'sop'), join(src, 'cert'), join(repoRoot, 'tests/repo/pure-globals.d.ts'), join(repoRoot, 'tests/repo/dom-probe.ts')],
				}),
			);
			const tsc = spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', config, '--pretty', 'false'], { encoding: 'utf8', cwd: repoRoot });
			const errors = tsc.stdout.split('\n').filter((l) => /error TS\d+/.test(l));
			// Positive control: the probe's two DOM uses are reported…
			expect(errors.filter((l) => l.startsWith('tests/repo/dom-probe.ts')).length).toBe(2);
			// …and nothing else is.
			expect(errors.filter((l) => !l.startsWith('tests/repo/dom-probe.ts'))).toEqual([]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}, 120_000); // one tsc run: seconds alone, much longer on a busy machine
});
