// The knowledge managers' CLI, run as they run it. Each spawn costs about half a second, so every command
// runs once, all in parallel, before the assertions. `node --import tsx` measured faster than `npx tsx`
// (about 1.1 s against 1.6-2.6 s per run on a loaded machine: npx resolves the package first).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readSopDir } from '../../src/cli/read-sops.ts';
import { buildLibrary } from '../../src/sop/library.ts';
import { readPack } from '../../src/sop/pack.ts';
import { formatHint, formatSuggestion } from '../../src/cli/format.ts';
import { buildIndex, rank, suggest } from '../../src/sop/search.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const sopsDir = resolve(repoRoot, 'sops');
const library = buildLibrary(readSopDir(sopsDir, repoRoot));
const index = buildIndex(library.sops);
const examples = library.sops.reduce((n, s) => n + (s.exemplos?.length ?? 0), 0);

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

function sops(args: string[], stdin = ''): Promise<Run> {
	return new Promise((done, fail) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/sops.ts', ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
		child.on('error', fail);
		child.on('close', (code) => done({ code, stdout, stderr }));
		child.stdin.end(stdin);
	});
}

const tmp = mkdtempSync(join(tmpdir(), 'sops-cli-'));
const brokenDir = join(tmp, 'broken');
const draftDir = join(tmp, 'rascunho');
const examplesDir = join(tmp, 'exemplos');
const packOut = join(tmp, 'out.json');
const evalFile = join(tmp, 'eval.tsv');
const original = (name: string) => readFileSync(join(sopsDir, name), 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const shown = (dir: string, name: string) => relative(repoRoot, join(dir, name));

// Two broken SOPs, two problems each, made from real ones.
const token = original('token-em-branco.md')
	.replace('categorias: [SUP - Certificado Digital, Cartão, Em branco]', 'categorias: [SUP - Certificado Digital, Cartão, Em branco, Outro]')
	.replace('deadline: 24h', 'deadline: amanhã');
const cei = original('certificado-sem-cei.md').replace('synonyms:', 'synonym:').replace('E-mail: {email}', 'E-mail: {e_mail}');
const expectedProblems = [
	`${shown(brokenDir, 'certificado-sem-cei.md')}:${lineOf(cei, 'synonym:')}: synonym: unknown key "synonym" (did you mean "synonyms"?)`,
	`${shown(brokenDir, 'certificado-sem-cei.md')}:${lineOf(cei, 'descricao:')}: templates.descricao: unknown template variable {e_mail}; use a built-in one (saudacao, cliente, contato, data, hora) or declare it under "variables"`,
	`${shown(brokenDir, 'token-em-branco.md')}:${lineOf(token, 'categorias:')}: qualitor.categorias: expected 1 to 3 names`,
	`${shown(brokenDir, 'token-em-branco.md')}:${lineOf(token, 'deadline: amanhã')}: sla[0].deadline: "amanhã" is not a deadline; write it like 24h, 2h or 15min`,
];

const queries = ['token em branco no safesign', '', 'pedido de ferias', 'pegar solicitação de outro cartório', 'suporte SEI'];
const runs: Record<string, Run> = {};

beforeAll(async () => {
	mkdirSync(brokenDir);
	writeFileSync(join(brokenDir, 'token-em-branco.md'), token);
	writeFileSync(join(brokenDir, 'certificado-sem-cei.md'), cei);
	mkdirSync(examplesDir);
	for (const f of library.sops) writeFileSync(join(examplesDir, `${f.id}.md`), original(`${f.id}.md`));
	writeFileSync(join(examplesDir, 'token-em-branco.md'), original('token-em-branco.md').replace('exemplos:\n', 'exemplos:\n  - mapa fora do ar\n'));
	mkdirSync(draftDir);
	writeFileSync(join(draftDir, 'token-rascunho.md'), original('token-em-branco.md'));
	writeFileSync(join(draftDir, 'README.md'), '# not a SOP\n');
	writeFileSync(
		evalFile,
		[
			'# comment',
			'token-em-branco\ttoken em branco no safesign',
			'suporte-sei\tcertificado sem matrícula CEI',
			'# --- teclado',
			'-\tteclado quebrado',
			'# --- CEI',
			'-\tcertificado sem cei',
			'-\to certificado já tem o CEI',
			'',
		].join('\n'),
	);
	const jobs: Record<string, Promise<Run>> = {
		check: sops(['check']),
		checkBroken: sops(['check', '--sops', brokenDir]),
		checkExamples: sops(['check', '--sops', examplesDir]),
		matchBroken: sops(['match', 'token em branco', '--sops', brokenDir]),
		match: sops(['match', 'token em branco']),
		matchJson: sops(['match', '--json'], queries.join('\n') + '\n'),
		evalRun: sops(['eval', evalFile]),
		evalJson: sops(['eval', evalFile, '--json']),
		matchHint: sops(['match', 'cliente esqueceu a senha do token']),
		draft: sops(['--sops', draftDir, 'match', 'token em branco']),
		pack: sops(['pack', packOut, '--version', '2024.05']),
	};
	await Promise.all(Object.entries(jobs).map(async ([name, job]) => (runs[name] = await job)));
}, 180_000); // eleven CLI runs at once: generous for a loaded machine (not a timing check)

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('check', () => {
	test('exits 0 on sops/ and names the SOPs', () => {
		expect(runs['check']).toEqual({
			code: 0,
			stdout: `5 SOPs OK in sops: ${library.sops.map((s) => s.id).join(', ')}; each of the ${examples} exemplos suggests its SOP first\n`,
			stderr: '',
		});
	});

	test('exits 1 on a folder with two broken SOPs, listing every problem with file:line: field', () => {
		const run = runs['checkBroken']!;
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr).toBe(`${expectedProblems.join('\n')}\n\n4 problem(s) in ${brokenDir}.\n`);
	});

	test("exits 1 when a valid SOP's own example suggests another SOP, naming the line", () => {
		const run = runs['checkExamples']!;
		const line = original('token-em-branco.md').split('\n').findIndex((l) => l === 'exemplos:') + 2;
		expect(run).toEqual({
			code: 1,
			stdout: '',
			stderr: `${shown(examplesDir, 'token-em-branco.md')}:${line}: exemplos[0]: "mapa fora do ar" should suggest this SOP first but suggests chamado-suporte-mapa\n\n1 problem(s) in ${examplesDir}.\n`,
		});
	});

	test('commands that rank refuse a broken folder too', () => {
		const run = runs['matchBroken']!;
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr).toBe(`${expectedProblems.join('\n')}\nFix these first (npm run sops -- check).\n`);
	});
});

describe('match', () => {
	test('readable: the query, then each suggestion with its level, situation parts and matched words', () => {
		const run = runs['match']!;
		const expected = suggest(index, 'token em branco');
		expect(run.code).toBe(0);
		expect(expected.length).toBeGreaterThan(0);
		expect(run.stdout).toBe(['"token em branco"', ...expected.map(formatSuggestion), ''].join('\n'));
		expect(run.stdout).toMatch(/^  1\. token-em-branco +provável +Certificado digital em branco no token \(SafeSign\)\n     situação: objeto: token; estado: branco\n     matched: /m);
	});

	test('a near miss is said as a hint instead of a suggestion', () => {
		const run = runs['matchHint']!;
		const { suggestions, hints } = rank(index, 'cliente esqueceu a senha do token');
		expect(suggestions).toEqual([]);
		expect(hints).toHaveLength(1);
		expect(run.stdout).toBe(['"cliente esqueceu a senha do token"', '  (no suggestion: nothing fits well enough)', ...hints.map(formatHint), ''].join('\n'));
		expect(run.stdout).toContain('! token-em-branco: Parece senha/PIN do token');
	});

	test('--json with stdin: one JSON object per non-empty line, in order, with exactly the documented keys', () => {
		const run = runs['matchJson']!;
		expect(run.code).toBe(0);
		const sent = queries.filter((q) => q.trim());
		const lines = run.stdout.split('\n');
		expect(lines.pop()).toBe('');
		expect(lines).toHaveLength(sent.length);
		for (const [i, line] of lines.entries()) {
			const object = JSON.parse(line) as { query: string; suggestions: Record<string, unknown>[] };
			expect(Object.keys(object)).toEqual(['query', 'suggestions', 'hints']);
			expect(object.query).toBe(sent[i]);
			for (const s of object.suggestions) expect(Object.keys(s).sort()).toEqual(['id', 'level', 'matched', 'score', 'title', 'why']);
			expect(object).toEqual({ query: sent[i], ...rank(index, sent[i]!) });
		}
		expect(JSON.parse(lines[1]!)).toEqual({ query: 'pedido de ferias', suggestions: [], hints: [] });
		expect(JSON.parse(lines[0]!).suggestions[0].id).toBe('token-em-branco');
	});

	test('--sops DIR uses another folder (its README.md is not a SOP)', () => {
		const run = runs['draft']!;
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/^"token em branco"\n  1\. token-rascunho /);
		expect(run.stdout).not.toMatch(/token-em-branco|certificado-/);
	});
});

describe('eval', () => {
	test('prints the figures, per SOP, the confusion table, the near-miss groups, then every miss with its evidence', () => {
		const run = runs['evalRun']!;
		expect(run.code).toBe(0);
		expect(run.stderr).toBe('');
		const first = (text: string) => suggest(index, text)[0]?.id;
		// The positive control: the first line is found; the second expects the wrong SOP on purpose.
		expect(first('token em branco no safesign')).toBe('token-em-branco');
		expect(first('certificado sem matrícula CEI')).toBe('certificado-sem-cei');
		expect(run.stdout).toContain(['top-1 accuracy:            50.0 % (1/2)', 'top-3 accuracy:            50.0 % (1/2)', 'unrelated, no suggestion:  66.7 % (2/3)'].join('\n'));
		expect(run.stdout).toMatch(/\ncertificado-sem-cei +0\.0 % +- +0 right of 2 suggested, 0 expected\n/);
		expect(run.stdout).toMatch(/\nsuporte-sei +- +0\.0 % +0 right of 0 suggested, 1 expected\n/);
		expect(run.stdout).toMatch(/\nsuporte-sei +1 +0 +0\n/); // expected suporte-sei, first certificado-sem-cei
		expect(run.stdout).toContain('near-miss groups, left silent:\n  100.0 % (1/1)      teclado\n  50.0 % (1/2)       CEI\n');
		expect(run.stdout).toContain('  line 3: expected suporte-sei, got certificado-sem-cei  "certificado sem matrícula CEI"\n      certificado-sem-cei; provável; objeto: ');
		expect(run.stdout).toContain('  line 7: expected -, got certificado-sem-cei  "certificado sem cei"\n');
		expect(run.stdout).not.toContain('line 8:');
	});

	test('--json gives the same evaluation as one JSON object', () => {
		const run = runs['evalJson']!;
		expect(run.code).toBe(0);
		const e = JSON.parse(run.stdout) as Record<string, unknown> & { misses: { case: { line: number }; got: string[] }[]; groups: unknown[]; perSop: { id: string; precision: number | null; recall: number | null }[]; confusion: Record<string, Record<string, number>> };
		expect(Object.keys(e)).toEqual(['withSop', 'top1', 'top3', 'unrelated', 'unrelatedSilent', 'perSop', 'confusion', 'groups', 'misses']);
		expect([e.withSop, e.top1, e.top3, e.unrelated, e.unrelatedSilent]).toEqual([2, 1, 1, 3, 2]);
		expect(e.groups).toEqual([
			{ name: 'teclado', total: 1, silent: 1 },
			{ name: 'CEI', total: 2, silent: 1 },
		]);
		expect(e.confusion).toEqual({ 'token-em-branco': { 'token-em-branco': 1 }, 'suporte-sei': { 'certificado-sem-cei': 1 }, '-': { '-': 2, 'certificado-sem-cei': 1 } });
		expect(e.perSop.find((s) => s.id === 'token-em-branco')).toMatchObject({ precision: 1, recall: 1 });
		expect(e.misses.map((m) => [m.case.line, m.got[0]])).toEqual([
			[3, 'certificado-sem-cei'],
			[7, 'certificado-sem-cei'],
		]);
	});
});

describe('pack', () => {
	test('writes a pack that readPack accepts, with every SOP and the version given', () => {
		const run = runs['pack']!;
		expect(run).toEqual({ code: 0, stdout: '', stderr: `Wrote ${packOut}\n` });
		const read = readPack(readFileSync(packOut, 'utf8'), 'out.json');
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.version).toBe('2024.05');
		expect(read.library.problems).toEqual([]);
		expect(read.library.sops).toEqual(library.sops);
	});
});
