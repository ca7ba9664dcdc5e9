// Imports in the options page: packs and .md files validated by the same code as the build and the CLI,
// every problem located by file, line and field; untrusted sizes bounded.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test, vi } from 'vitest';
import { readSopDir } from '../../src/cli/read-sops.ts';
import { buildLibrary } from '../../src/sop/library.ts';
import { buildPack } from '../../src/sop/pack.ts';
import { importSopFiles, LIMITS } from '../../src/options/import-sops.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const files = readSopDir(resolve(repoRoot, 'sops'), repoRoot);
const now = new Date('2024-05-10T12:00:00Z');
const token = files.find((f) => f.path.endsWith('token-em-branco.md'))!;

describe('importSopFiles', () => {
	test('pack round trip: `npm run sops -- pack` output imports as the same SOPs, with source and text kept', () => {
		const pack = buildPack(files, { version: '2024.05', now });
		const result = importSopFiles([{ name: 'base.json', text: JSON.stringify(pack) }], now);
		expect(result.problems).toEqual([]);
		expect(result.sops.map((i) => i.sop)).toEqual(buildLibrary(files).sops);
		const item = result.sops.find((i) => i.sop.id === 'token-em-branco')!;
		expect(item).toMatchObject({ path: 'token-em-branco.md', text: token.text, source: { kind: 'pack', name: 'base.json', version: '2024.05' } });
		// Exporting what was imported gives a pack that imports to the same SOPs again.
		const again = buildPack(result.sops.map((i) => ({ path: i.path, text: i.text })), { version: 'x', now });
		expect(importSopFiles([{ name: 'again.json', text: JSON.stringify(again) }]).sops.map((i) => i.sop)).toEqual(result.sops.map((i) => i.sop));
	});

	test('a .md file imports as one SOP with its file name as source', () => {
		const result = importSopFiles([{ name: 'token-em-branco.md', text: token.text }], now);
		expect(result.problems).toEqual([]);
		expect(result.sops).toHaveLength(1);
		expect(result.sops[0]).toMatchObject({ source: { kind: 'file', name: 'token-em-branco.md' }, imported: now.toISOString() });
	});

	test('every problem of an invalid .md is reported with file, line and field, and nothing of it is imported', () => {
		const broken = token.text.replace(/^title:.*$/m, 'title: 42').replace(/^(\s*)categorias:.*$/m, '$1categorias: [a, b, c, d]');
		const result = importSopFiles([{ name: 'token-em-branco.md', text: broken }]);
		expect(result.sops).toEqual([]);
		expect(result.problems.length).toBeGreaterThan(0);
		for (const p of result.problems) expect(p).toMatch(/^token-em-branco\.md:\d+: [a-z.]+: .+/);
	});

	test('a pack with one invalid SOP is refused whole, and the problem names the file inside the pack', () => {
		const pack = buildPack([...files, { path: 'Nome Errado.md', text: 'sem front matter' }], { now });
		const result = importSopFiles([{ name: 'equipe.json', text: JSON.stringify(pack) }]);
		expect(result.sops).toEqual([]);
		expect(result.problems).toContainEqual(expect.stringMatching(/^equipe\.json\/Nome Errado\.md: file name/));
		expect(result.problems).toContainEqual(expect.stringMatching(/^equipe\.json\/Nome Errado\.md:1: the file must start with YAML front matter/));
	});

	test.each([
		['not JSON', '{', /^x\.json: não é um JSON válido/],
		['not a pack', '{"format":"outro"}', /^x\.json: não é um pacote de SOPs/],
		['files not a list', '{"format":"qualitor-sop-pack","version":"1","files":{}}', /^x\.json: um pacote de SOPs precisa de/],
		['a file without text', '{"format":"qualitor-sop-pack","version":"1","files":[{"path":"a.md"}]}', /^x\.json: files\[0\] precisa de/],
		['empty pack', '{"format":"qualitor-sop-pack","version":"1","files":[]}', /^\(library\): no SOP files found/],
	])('pack errors are shown: %s', (_, text, message) => {
		expect(importSopFiles([{ name: 'x.json', text }])).toEqual({ sops: [], problems: [expect.stringMatching(message)] });
	});

	test('a pack over the size limit is refused before parsing', () => {
		const text = JSON.stringify({ format: 'qualitor-sop-pack', version: '1', files: [{ path: 'a.md', text: 'x'.repeat(LIMITS.packBytes) }] });
		expect(importSopFiles([{ name: 'grande.json', text }]).problems).toEqual([expect.stringMatching(/^grande\.json: pacote grande demais \(2,0 MB; o limite é 2,0 MB\)/)]);
	});

	test('a pack with more SOPs than the limit is refused', () => {
		const many = Array.from({ length: LIMITS.packSops + 1 }, (_, i) => ({ path: `sop-${i}.md`, text: '---\ntitle: x\n---\n' }));
		const result = importSopFiles([{ name: 'muitos.json', text: JSON.stringify(buildPack(many, { now })) }]);
		expect(result.sops).toEqual([]);
		expect(result.problems).toEqual([`muitos.json: ${LIMITS.packSops + 1} SOPs no pacote; o limite é ${LIMITS.packSops}. Divida-o em pacotes menores.`]);
	});

	test('a pack is parsed once (it was parsed three times)', () => {
		const text = JSON.stringify(buildPack([token], { now }));
		const parse = vi.spyOn(JSON, 'parse');
		try {
			expect(importSopFiles([{ name: 'p.json', text }], now).sops).toHaveLength(1);
			expect(parse.mock.calls.filter(([arg]) => arg === text)).toHaveLength(1);
		} finally {
			parse.mockRestore();
		}
	});

	test('a SOP inside a pack over the per-SOP limit refuses the pack', () => {
		const text = JSON.stringify(buildPack([token, { path: 'grande.md', text: token.text + 'x'.repeat(LIMITS.sopBytes) }], { now }));
		expect(importSopFiles([{ name: 'p.json', text }]).problems).toEqual([expect.stringMatching(/^p\.json\/grande\.md: SOP grande demais \(0,3 MB; o limite é 0,3 MB\)/)]);
	});

	test('a .md over its limit and an unknown file type are refused with a clear message', () => {
		const result = importSopFiles([
			{ name: 'enorme.md', text: 'x'.repeat(LIMITS.sopBytes + 1) },
			{ name: 'planilha.xlsx', text: '' },
		]);
		expect(result.problems).toEqual([
			expect.stringMatching(/^enorme\.md: arquivo grande demais/),
			'planilha.xlsx: tipo de arquivo não suportado; importe um pacote .json ou um SOP .md.',
		]);
	});

	test('the same id in two imported files is said (the last one wins when stored)', () => {
		const result = importSopFiles([
			{ name: 'token-em-branco.md', text: token.text },
			{ name: 'p.json', text: JSON.stringify(buildPack([token], { now })) },
		]);
		expect(result.sops).toHaveLength(2);
		expect(result.problems).toEqual(['token-em-branco.md: id "token-em-branco" repetido (também em token-em-branco.md); o último importado vale.']);
	});
});
