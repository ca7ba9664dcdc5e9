// `npm run package` refuses a wrong environment before it builds or writes anything, saying what is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/shared.ts';

const work = mkdtempSync(join(tmpdir(), 'sop-assist-package-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function packageWith(env: Record<string, string>) {
	const out = join(work, `release-${Math.random().toString(36).slice(2)}`);
	// No --no-build: a refusal must come before the build starts (a build would print vite's output).
	const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/package.ts', '--out', out], {
		cwd: repoRoot,
		env: { ...process.env, QUALITOR_ORIGINS: 'https://helpdesk.empresa.com.br/qualitor/', ...env },
		encoding: 'utf8',
		timeout: 60_000,
	});
	return { status: result.status, stderr: result.stderr, stdout: result.stdout, wrote: existsSync(out) };
}

describe('npm run package refuses, before building', () => {
	test.each([
		[{ QUALITOR_ORIGINS: 'helpdesk.empresa.com.br' }, 'QUALITOR_ORIGINS: "helpdesk.empresa.com.br": write the scheme'],
		[{ QUALITOR_ORIGINS: 'https://*.com.br/' }, 'QUALITOR_ORIGINS: "https://*.com.br/": "*.com.br" is too broad'],
		[{ SOP_ASSIST_CRX_KEY: 'package.json' }, 'SOP_ASSIST_CRX_KEY: package.json is inside the repository'],
		[{ SOP_ASSIST_CRX_KEY: join(work, 'absent.pem') }, `SOP_ASSIST_CRX_KEY: ${join(work, 'absent.pem')} does not exist`],
		[{ SOP_ASSIST_DOWNLOAD_URL: 'ftp://intranet/x' }, 'SOP_ASSIST_DOWNLOAD_URL: "ftp://intranet/x": only https:// or http://'],
	])('%o', (env, message) => {
		const run = packageWith(env);
		expect(run.stderr).toContain(`npm run package: ${message}`);
		expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
		expect(run.status).toBe(1);
		expect(run.stdout).not.toContain('vite');
		expect(run.wrote).toBe(false);
	}, 60_000); // starts Node with tsx: about a second alone, more on a busy machine
});
