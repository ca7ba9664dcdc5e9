// The build plugin through vite's own API: a valid sops/ becomes two virtual modules; any invalid SOP fails
// the build with every problem, and nothing is written.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, describe, expect, test } from 'vitest';
import { sopLibrary } from '../../build/sop-library-plugin.ts';
import { readSopDir } from '../../src/cli/read-sops.ts';
import { buildLibrary } from '../../src/sop/library.ts';
import { loadIndex, suggest } from '../../src/sop/search.ts';
import type { Sop } from '../../src/sop/types.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const sopsDir = resolve(repoRoot, 'sops');
const tmp = mkdtempSync(join(tmpdir(), 'sop-plugin-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ENTRY = `import { sops } from 'virtual:sop-library';
import { indexJson } from 'virtual:sop-index';
export { sops, indexJson };
`;

/** Builds a tiny library entry that imports both virtual modules; returns the output folder. */
async function buildWith(dir: string, name: string): Promise<string> {
	const root = join(tmp, name);
	mkdirSync(root);
	writeFileSync(join(root, 'entry.js'), ENTRY);
	const outDir = join(root, 'dist');
	await build({
		configFile: false,
		root,
		logLevel: 'silent',
		plugins: [sopLibrary({ dir })],
		build: {
			outDir,
			emptyOutDir: true,
			minify: false,
			lib: { entry: join(root, 'entry.js'), formats: ['es'], fileName: 'bundle' },
		},
	});
	return outDir;
}

describe('sopLibrary plugin', () => {
	test('on sops/: the bundle carries every SOP and a search index that gives the same suggestions', async () => {
		const outDir = await buildWith(sopsDir, 'good');
		const written = readdirSync(outDir);
		expect(written).toHaveLength(1);
		const bundle = join(outDir, written[0]!);
		const mod = (await import(pathToFileURL(bundle).href)) as { sops: Sop[]; indexJson: string };
		const expected = buildLibrary(readSopDir(sopsDir, repoRoot)).sops;
		expect(mod.sops).toEqual(expected);
		const index = loadIndex(mod.indexJson);
		expect(suggest(index, 'token em branco no safesign')[0]?.id).toBe('token-em-branco');
		expect(suggest(index, 'pedido de ferias')).toEqual([]);
	}, 60_000);

	test('an invalid SOP fails the build with every problem (file:line: field), and nothing is written', async () => {
		const dir = join(tmp, 'broken-sops');
		mkdirSync(dir);
		for (const name of readdirSync(sopsDir).filter((n) => n.endsWith('.md'))) writeFileSync(join(dir, name), readFileSync(join(sopsDir, name)));
		const token = readFileSync(join(sopsDir, 'token-em-branco.md'), 'utf8')
			.replace('categorias: [SUP - Certificado Digital, Cartão, Em branco]', 'categorias: []')
			.replace('deadline: 24h', 'deadline: logo');
		writeFileSync(join(dir, 'token-em-branco.md'), token);
		writeFileSync(join(dir, 'Rascunho.md'), 'sem front matter\n');
		const line = (needle: string) => token.split('\n').findIndex((l) => l.includes(needle)) + 1;
		const file = (name: string) => relative(process.cwd(), join(dir, name));

		const outDir = join(tmp, 'bad', 'dist');
		const error = await buildWith(dir, 'bad').then(
			() => undefined,
			(e: unknown) => e as Error,
		);
		expect(error, 'the build must fail').toBeInstanceOf(Error);
		const message = error!.message;
		expect(message).toContain('Invalid SOPs (4 problems):');
		for (const problem of [
			`${file('Rascunho.md')}: file name "Rascunho.md" must be lowercase words joined by "-" (it is the SOP id), e.g. token-em-branco.md`,
			`${file('Rascunho.md')}:1: the file must start with YAML front matter between two "---" lines`,
			`${file('token-em-branco.md')}:${line('categorias:')}: qualitor.categorias: expected 1 to 3 names`,
			`${file('token-em-branco.md')}:${line('deadline: logo')}: sla[0].deadline: "logo" is not a deadline; write it like 24h, 2h or 15min`,
		]) {
			expect(message).toContain(problem);
		}
		expect(existsSync(outDir) ? readdirSync(outDir, { recursive: true }) : []).toEqual([]);
	}, 60_000);
});
