// SOP packs: what `npm run sops -- pack` writes and what the options page imports (untrusted input).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readSopDir } from '../../src/cli/read-sops.ts';
import { buildLibrary } from '../../src/sop/library.ts';
import { buildPack, readPack } from '../../src/sop/pack.ts';
import { formatProblem } from '../../src/sop/problems.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const files = readSopDir(resolve(repoRoot, 'sops'), repoRoot);
const now = new Date('2024-05-10T12:34:56.000Z');

describe('buildPack / readPack', () => {
	test('round trip: the same SOPs as reading the folder', () => {
		const pack = buildPack(files, { version: '2024.05', now });
		const read = readPack(JSON.stringify(pack));
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.version).toBe('2024.05');
		expect(read.library.problems).toEqual([]);
		expect(read.library.sops).toEqual(buildLibrary(files).sops);
	});

	test('the pack holds each file by its name only, with its text as written', () => {
		const pack = buildPack([{ path: 'sops\\sub/token-em-branco.md', text: 'texto' }], { now });
		expect(pack).toEqual({
			format: 'qualitor-sop-pack',
			version: '2024-05-10',
			created: '2024-05-10T12:34:56.000Z',
			files: [{ path: 'token-em-branco.md', text: 'texto' }],
		});
	});

	test('the version defaults to the date of the pack', () => {
		expect(buildPack(files, { now, version: undefined }).version).toBe('2024-05-10');
	});
});

describe('readPack errors', () => {
	const good = () => JSON.parse(JSON.stringify(buildPack(files, { version: '1', now }))) as Record<string, unknown>;

	test.each(['', '{', 'not json', '{"format": "qualitor-sop-pack",}'])('not JSON: %j', (json) => {
		const result = readPack(json, 'sops.json');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(/^sops\.json: não é um JSON válido \(.+\)$/);
	});

	test.each([
		['null', null],
		['a list', []],
		['a string', 'qualitor-sop-pack'],
		['no format', { version: '1', files: [] }],
		['another format', { format: 'dark-reader-config', version: '1', files: [] }],
	])('not a SOP pack: %s', (_, data) => {
		expect(readPack(JSON.stringify(data))).toEqual({ ok: false, error: 'pack.json: não é um pacote de SOPs (esperado "format": "qualitor-sop-pack")' });
	});

	test.each([
		['missing version', (p: Record<string, unknown>) => delete p['version']],
		['numeric version', (p: Record<string, unknown>) => (p['version'] = 3)],
		['missing files', (p: Record<string, unknown>) => delete p['files']],
		['files not a list', (p: Record<string, unknown>) => (p['files'] = { 'a.md': 'x' })],
	])('%s', (_, change) => {
		const pack = good();
		change(pack);
		expect(readPack(JSON.stringify(pack))).toEqual({ ok: false, error: 'pack.json: um pacote de SOPs precisa de "version" (texto) e "files" (lista)' });
	});

	test.each([
		['null', null],
		['a string', 'token-em-branco.md'],
		['no text', { path: 'token-em-branco.md' }],
		['no path', { text: '---\n' }],
		['numeric text', { path: 'a.md', text: 42 }],
	])('bad file entry: %s', (_, entry) => {
		const pack = good();
		(pack['files'] as unknown[]).splice(1, 0, entry);
		expect(readPack(JSON.stringify(pack))).toEqual({ ok: false, error: 'pack.json: files[1] precisa de "path" e "text"' });
	});

	test('an invalid SOP inside: its problems name pack.json/<file>:<line>, as check does', () => {
		const pack = good();
		const list = pack['files'] as { path: string; text: string }[];
		const token = list.find((f) => f.path === 'token-em-branco.md')!;
		token.text = token.text.replace('deadline: 24h', 'deadline: amanhã').replace('prioridade: Baixa', 'prioridad: Baixa');
		list.push({ path: 'Rascunho.md', text: 'sem front matter' });
		const line = (needle: string) => token.text.split('\n').findIndex((l) => l.includes(needle)) + 1;

		const result = readPack(JSON.stringify(pack));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.library.problems.map(formatProblem)).toEqual([
			'pack.json/Rascunho.md: file name "Rascunho.md" must be lowercase words joined by "-" (it is the SOP id), e.g. token-em-branco.md',
			'pack.json/Rascunho.md:1: the file must start with YAML front matter between two "---" lines',
			`pack.json/token-em-branco.md:${line('prioridad:')}: qualitor.prioridad: unknown key "prioridad"`,
			`pack.json/token-em-branco.md:${line('deadline: amanhã')}: sla[0].deadline: "amanhã" is not a deadline; write it like 24h, 2h or 15min`,
		]);
		expect(line('prioridad:')).toBeGreaterThan(1);
	});

	test('the same file twice in a pack is a duplicate id', () => {
		const pack = good();
		const list = pack['files'] as unknown[];
		list.push(list[0]);
		const result = readPack(JSON.stringify(pack));
		expect(result.ok && result.library.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^duplicate id "/)]);
	});

	test('an empty pack is a library problem', () => {
		const result = readPack(JSON.stringify({ ...good(), files: [] }));
		expect(result.ok && result.library.problems.map(formatProblem)).toEqual(['(library): no SOP files found']);
	});
});
