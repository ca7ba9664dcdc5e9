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
import { buildIndex, suggest } from '../../src/sop/search.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const sopsDir = resolve(repoRoot, 'sops');
const library = buildLibrary(readSopDir(sopsDir, repoRoot));
const index = buildIndex(library.sops);

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
	mkdirSync(draftDir);
	writeFileSync(join(draftDir, 'token-rascunho.md'), original('token-em-branco.md'));
	writeFileSync(join(draftDir, 'README.md'), '# not a SOP\n');
	writeFileSync(
		evalFile,
		['# comment', 'token-em-branco\ttoken em branco no safesign', 'suporte-sei\tmatrícula CEI', '-\tteclado quebrado', '-\tcertificado sem cei', ''].join('\n'),
	);
	const jobs: Record<string, Promise<Run>> = {
		check: sops(['check']),
		checkBroken: sops(['check', '--sops', brokenDir]),
		matchBroken: sops(['match', 'token em branco', '--sops', brokenDir]),
		match: sops(['match', 'token em branco']),
		matchJson: sops(['match', '--json'], queries.join('\n') + '\n'),
		evalRun: sops(['eval', evalFile]),
		draft: sops(['--sops', draftDir, 'match', 'token em branco']),
		pack: sops(['pack', packOut, '--version', '2024.05']),
	};
	await Promise.all(Object.entries(jobs).map(async ([name, job]) => (runs[name] = await job)));
}, 60_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('check', () => {
	test('exits 0 on sops/ and names the SOPs', () => {
		expect(runs['check']).toEqual({
			code: 0,
			stdout: `5 SOPs OK in sops: ${library.sops.map((s) => s.id).join(', ')}\n`,
			stderr: '',
		});
	});

	test('exits 1 on a folder with two broken SOPs, listing every problem with file:line: field', () => {
		const run = runs['checkBroken']!;
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr).toBe(`${expectedProblems.join('\n')}\n\n4 problem(s) in ${brokenDir}.\n`);
	});

	test('commands that rank refuse a broken folder too', () => {
		const run = runs['matchBroken']!;
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr).toBe(`${expectedProblems.join('\n')}\nFix these first (npm run sops -- check).\n`);
	});
});

describe('match', () => {
	test('readable: the query, then each suggestion with id, score, title and matched words', () => {
		const run = runs['match']!;
		const expected = suggest(index, 'token em branco');
		expect(run.code).toBe(0);
		expect(expected.length).toBeGreaterThan(0);
		const lines = run.stdout.trimEnd().split('\n');
		expect(lines[0]).toBe('"token em branco"');
		expect(lines).toHaveLength(1 + 2 * expected.length);
		for (const [i, s] of expected.entries()) {
			expect(lines[1 + 2 * i]).toMatch(new RegExp(`^  ${i + 1}\\. ${s.id} +${s.score.toFixed(3)}  ${s.title.replace(/[()]/g, '\\$&')}$`));
			expect(lines[2 + 2 * i]).toBe(`     matched: ${s.matched.join(', ')}`);
		}
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
			expect(Object.keys(object)).toEqual(['query', 'suggestions']);
			expect(object.query).toBe(sent[i]);
			for (const s of object.suggestions) expect(Object.keys(s).sort()).toEqual(['id', 'matched', 'score', 'title']);
			expect(object.suggestions).toEqual(suggest(index, sent[i]!));
		}
		expect(JSON.parse(lines[1]!)).toEqual({ query: 'pedido de ferias', suggestions: [] });
	});

	test('--sops DIR uses another folder (its README.md is not a SOP)', () => {
		const run = runs['draft']!;
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/^"token em branco"\n  1\. token-rascunho /);
		expect(run.stdout).not.toMatch(/token-em-branco|certificado-/);
	});
});

describe('eval', () => {
	test('prints top-1, top-3 and unrelated figures, then every miss with its line', () => {
		const run = runs['evalRun']!;
		expect(run.code).toBe(0);
		expect(run.stderr).toBe('');
		const got = (text: string) => suggest(index, text).map((s) => s.id).join(', ') || '-';
		expect(run.stdout).toBe(
			[
				'top-1 accuracy:            50.0 % (1/2)',
				'top-3 accuracy:            50.0 % (1/2)',
				'unrelated, no suggestion:  50.0 % (1/2)',
				'',
				'misses:',
				`  line 3: expected suporte-sei, got ${got('matrícula CEI')}  "matrícula CEI"`,
				`  line 5: expected -, got ${got('certificado sem cei')}  "certificado sem cei"`,
				'',
			].join('\n'),
		);
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
