// The CLI as agents and scripts run it: `npx tsx src/cli/cert.ts decode …`.
import { spawn } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { repoRoot, vectorsDir, vectorText } from '../cert/helpers/vectors.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

function cli(args: string[], stdin?: string): Promise<Run> {
	return new Promise((done, fail) => {
		// One node process with tsx's loader (npx tsx would start three): the tests run side by side on 2 cores.
		const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/cert.ts', ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', fail);
		child.on('close', (code) => done({ code, stdout, stderr }));
		child.stdin.end(stdin ?? '');
	});
}

/** npx may print its own warnings (e.g. about npmrc keys); the CLI's lines are the others. */
const ownLines = (stderr: string) => stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('npm warn'));

describe.concurrent('cert CLI', { timeout: 60_000 }, () => {
	test('--json on the SOP bare hex: one entry, oid null, the matrícula 1234567 (unconfirmed without OID)', async () => {
		const run = await cli(['decode', '31 32 33 34 35 36 37', '--json']);
		expect(run.code).toBe(0);
		const out = JSON.parse(run.stdout);
		expect(out.entries).toEqual([{ oid: null, name: expect.any(String), text: '1234567', fields: { matricula: '1234567' } }]);
		expect(out.cei).toEqual({ status: 'unconfirmed', number: '1234567' });
	});

	test('readable output of the SOP bare hex names the matrícula and how to confirm it', async () => {
		const run = await cli(['decode', '31 32 33 34 35 36 37']);
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/^MATRÍCULA NO OUTRO NOME: 1234567\n/);
		expect(run.stdout).toMatch(/OID do campo não foi colado/);
		expect(run.stdout).toContain('Matrícula no Outro Nome: 1234567');
	});

	test('256 KB of "nome alternativo" + spaces (79 s before issue 13) is answered', async () => {
		const dir = mkdtempSync(resolve(tmpdir(), 'cert-cli-'));
		const file = resolve(dir, 'colado.txt');
		writeFileSync(file, `2.16.76.1.3.6=nome alternativo${' '.repeat(256 * 1024 - 40)}`);
		try {
			const run = await cli(['decode', file, '--json']);
			expect(run.code).toBe(0);
			// The words are read as the entry's text: a CEI field that is not 12 digits.
			expect(JSON.parse(run.stdout).cei).toEqual({ status: 'invalid', number: 'nomealternativo' });
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('--json on a DER file', async () => {
		const run = await cli(['decode', resolve(vectorsDir, 'ecpf_octet_cei.der'), '--json']);
		expect(run.code).toBe(0);
		const out = JSON.parse(run.stdout);
		expect(out.cei).toEqual({ status: 'valid', number: '115830024985' });
		expect(out.entries.map((e: { oid: string }) => e.oid)).toEqual(['2.16.76.1.3.1', '2.16.76.1.3.6', '2.16.76.1.3.5']);
		expect(out.entries[0].fields).toMatchObject({ birthDate: '1985-03-15', cpf: '12345678909', nis: '12345678900', rg: '000000012345678', rgIssuer: 'SSPDF' });
		expect(out.entries[1].fields).toMatchObject({ cei: '115830024985' });
		expect(out.entries[2].fields).toMatchObject({ voterId: '012345672097', zone: '001', section: '0042', cityUf: 'BRASILIADF' });
		for (const entry of out.entries) expect(Object.keys(entry).sort()).toEqual(['fields', 'name', 'oid', 'text']);
	});

	test('readable output from stdin (-) of a Windows dump', async () => {
		const run = await cli(['decode', '-'], vectorText('ecnpj_utf8_cei_zeros', 'windows.txt'));
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/^SEM CEI/);
		expect(run.stdout).toContain('CNPJ: 12.345.678/0001-95');
		expect(() => JSON.parse(run.stdout)).toThrow();
	});

	test('--json from stdin: CNPJ and zeroed CEI', async () => {
		const run = await cli(['decode', '-', '--json'], vectorText('ecnpj_utf8_cei_zeros', 'windows.txt'));
		const out = JSON.parse(run.stdout);
		expect(out.cei).toEqual({ status: 'absent', number: null });
		expect(out.entries.find((e: { oid: string }) => e.oid === '2.16.76.1.3.3').fields.cnpj).toBe('12345678000195');
	});

	test('unrecognised text: exit 1, one line on stderr', async () => {
		const run = await cli(['decode', 'isto não é um certificado']);
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('');
		const lines = ownLines(run.stderr);
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^Não reconheci o texto colado/);
	});

	test('unrecognised text with --json: exit 1 and {"error"} on stdout', async () => {
		const run = await cli(['decode', 'zz zz', '--json']);
		expect(run.code).toBe(1);
		expect(JSON.parse(run.stdout)).toEqual({ error: expect.stringMatching(/Não reconheci/) });
		expect(ownLines(run.stderr)).toHaveLength(1);
	});

	test('a file that is not a certificate', async () => {
		const run = await cli(['decode', resolve(repoRoot, 'package-lock.json')]);
		expect(run.code).toBe(1);
		expect(ownLines(run.stderr)).toHaveLength(1);
	});

	test('a file name that does not exist is reported as such', async () => {
		const run = await cli(['decode', 'nao-existe.cer', '--json']);
		expect(run.code).toBe(1);
		expect(JSON.parse(run.stdout)).toEqual({ error: 'Arquivo não encontrado: nao-existe.cer' });
		expect(ownLines(run.stderr)).toEqual(['Arquivo não encontrado: nao-existe.cer']);
	});

	test('usage error', async () => {
		const run = await cli(['frobnicate']);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/Uso: npm run cert -- decode/);
	});
});
