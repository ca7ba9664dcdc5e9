// `npm run package`: builds both browsers' extensions and writes release/:
//   <name>-<version>-chrome.zip        Chrome Web Store upload (also loads unpacked once extracted)
//   <name>-<version>-firefox.xpi       AMO upload / `web-ext sign` (built by `web-ext build`)
//   <name>-<version>.crx + update.xml  self-hosted Chrome install, signed with IT's key (SOP_ASSIST_CRX_KEY)
//   policies/                          Chrome (Windows .reg, Linux JSON) and Firefox policy snippets
// With QUALITOR_ORIGINS also the enterprise variant (*-enterprise-chrome.zip, *-enterprise-firefox.xpi),
// whose manifest lists those origins; the CRX and the policy snippets are then made from it.
//
// Environment: SOP_ASSIST_CRX_KEY (PEM private key, outside the repository), SOP_ASSIST_DOWNLOAD_URL (where
// IT serves release/'s files), QUALITOR_ORIGINS, CHROMIUM_PATH. Options: --no-build (package dist/ and
// dist-firefox/ as they are), --out <dir> (default release/).
import { execFile, spawnSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { accessSync, chmodSync, constants, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { enterpriseManifest, OriginsError, parseOrigins, type BuiltManifest, type EnterpriseOrigin } from '../build/enterprise-origins.ts';
import { GECKO_ID } from '../build/firefox-manifest.ts';
import {
	baseUrl,
	chromeExtensionSettings,
	chromeLinuxPolicy,
	chromeWindowsReg,
	extensionId,
	firefoxPolicies,
	publicKeyDer,
	releaseName,
	updateXml,
} from '../build/release-files.ts';

const run = promisify(execFile);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PLACEHOLDER_URL = 'https://intranet.empresa.example/extensoes/sop-assist/';

class UsageError extends Error {}

/** Chromium's own packer: CHROMIUM_PATH, else the first Chromium or Chrome on PATH. */
function chromiumBinary(): string {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	for (const dir of (process.env.PATH ?? '').split(delimiter)) {
		for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
			const file = join(dir, name);
			try {
				accessSync(file, constants.X_OK);
				return file;
			} catch {
				// not here
			}
		}
	}
	throw new UsageError('no Chromium or Chrome found to sign the CRX: install one or set CHROMIUM_PATH');
}

/** `web-ext build` of a directory into one named archive (zip for Chrome, xpi for Firefox). */
async function archive(sourceDir: string, outDir: string, filename: string): Promise<string> {
	const bin = join(repoRoot, 'node_modules', '.bin', 'web-ext');
	await run(bin, ['build', '--source-dir', sourceDir, '--artifacts-dir', outDir, '--filename', filename, '--overwrite-dest', '--no-config-discovery'], {
		maxBuffer: 16 << 20,
	});
	return join(outDir, filename);
}

/** A copy of a build whose manifest lists the enterprise origins (the build output is not touched). */
function enterpriseCopy(buildDir: string, into: string, origins: readonly EnterpriseOrigin[]): string {
	cpSync(buildDir, into, { recursive: true });
	const file = join(into, 'manifest.json');
	const manifest = JSON.parse(readFileSync(file, 'utf8')) as BuiltManifest;
	writeFileSync(file, `${JSON.stringify(enterpriseManifest(manifest, origins), null, 2)}\n`);
	return into;
}

/**
 * Signs `extensionDir` as a CRX3 with Chromium's `--pack-extension`. The key is handed over as PKCS#8 (what
 * Chromium reads) from a private temporary copy; the profile is a throwaway, so a running browser is not
 * disturbed. Chromium writes `<dir>.crx` beside the directory.
 */
function packCrx(extensionDir: string, keyPem: string, work: string): string {
	const key = join(work, 'key.pem');
	writeFileSync(key, createPrivateKey(keyPem).export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
	const profile = mkdtempSync(join(work, 'profile-'));
	const args = [
		`--pack-extension=${extensionDir}`,
		`--pack-extension-key=${key}`,
		`--user-data-dir=${profile}`,
		'--headless',
		'--disable-gpu',
		'--no-first-run',
		...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
	];
	const result = spawnSync(chromiumBinary(), args, { encoding: 'utf8', timeout: 120_000 });
	rmSync(key, { force: true });
	const crx = `${extensionDir}.crx`;
	if (!existsSync(crx)) throw new Error(`Chromium did not write ${basename(crx)} (exit ${result.status}):\n${result.stderr}`);
	return crx;
}

function readKey(path: string): string {
	const abs = resolve(path);
	if (!relative(repoRoot, abs).startsWith('..') && !isAbsolute(relative(repoRoot, abs))) {
		throw new UsageError(`SOP_ASSIST_CRX_KEY: ${path} is inside the repository; keep the signing key outside it (it must never be committed)`);
	}
	if (!existsSync(abs)) throw new UsageError(`SOP_ASSIST_CRX_KEY: ${path} does not exist`);
	const pem = readFileSync(abs, 'utf8');
	try {
		createPrivateKey(pem);
	} catch {
		throw new UsageError(`SOP_ASSIST_CRX_KEY: ${path} is not a PEM private key`);
	}
	return pem;
}

function npmRun(script: string): void {
	const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', script], { cwd: repoRoot, stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`npm run ${script} failed`);
}

const kb = (file: string) => `${(statSync(file).size / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
	const { values } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false }, out: { type: 'string', default: 'release' } } });
	const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
	const stem = releaseName(pkg.name, pkg.version);

	// Everything that can be wrong with the environment is said before anything is built or written.
	const origins = process.env.QUALITOR_ORIGINS !== undefined ? parseOrigins(process.env.QUALITOR_ORIGINS) : undefined;
	const keyPath = process.env.SOP_ASSIST_CRX_KEY;
	const keyPem = keyPath ? readKey(keyPath) : undefined;
	let base: string;
	try {
		base = baseUrl(process.env.SOP_ASSIST_DOWNLOAD_URL ?? PLACEHOLDER_URL);
	} catch (error) {
		throw new UsageError((error as Error).message);
	}

	if (!values['no-build']) {
		npmRun('build');
		npmRun('build:firefox');
	}
	const chromeDir = resolve(repoRoot, process.env.EXTENSION_DIR ?? 'dist');
	const firefoxDir = resolve(repoRoot, process.env.FIREFOX_EXTENSION_DIR ?? 'dist-firefox');
	for (const dir of [chromeDir, firefoxDir]) {
		const manifest = join(dir, 'manifest.json');
		if (!existsSync(manifest)) throw new UsageError(`${relative(repoRoot, dir)}/ has no build: run without --no-build`);
		const built = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
		if (built !== pkg.version) throw new UsageError(`${relative(repoRoot, dir)}/ is version ${built}, package.json says ${pkg.version}: rebuild`);
	}

	const out = resolve(repoRoot, values.out);
	rmSync(out, { recursive: true, force: true });
	mkdirSync(join(out, 'policies'), { recursive: true });
	const work = mkdtempSync(join(tmpdir(), 'sop-assist-package-'));
	try {
		const written: string[] = [];
		written.push(await archive(chromeDir, out, `${stem}-chrome.zip`));
		written.push(await archive(firefoxDir, out, `${stem}-firefox.xpi`));

		// What IT deploys: the enterprise variant when origins are given, else the store build.
		let deployChrome = chromeDir;
		let deployXpi = `${stem}-firefox.xpi`;
		if (origins) {
			deployChrome = enterpriseCopy(chromeDir, join(work, 'enterprise-chrome'), origins);
			const firefox = enterpriseCopy(firefoxDir, join(work, 'enterprise-firefox'), origins);
			written.push(await archive(deployChrome, out, `${stem}-enterprise-chrome.zip`));
			deployXpi = `${stem}-enterprise-firefox.xpi`;
			written.push(await archive(firefox, out, deployXpi));
		}

		writeFileSync(join(out, 'policies', 'firefox-policies.json'), firefoxPolicies(GECKO_ID, base + deployXpi));
		written.push(join(out, 'policies', 'firefox-policies.json'));

		let id: string | undefined;
		if (keyPem) {
			const staged = join(work, stem);
			cpSync(deployChrome, staged, { recursive: true });
			const crx = packCrx(staged, keyPem, work);
			renameSync(crx, join(out, `${stem}.crx`));
			chmodSync(join(out, `${stem}.crx`), 0o644); // Chromium writes it private; IT's web server must read it
			id = extensionId(publicKeyDer(keyPem));
			const updateUrl = `${base}update.xml`;
			writeFileSync(join(out, 'update.xml'), updateXml(id, pkg.version, `${base}${stem}.crx`));
			writeFileSync(join(out, 'policies', 'chrome-linux.json'), chromeLinuxPolicy(id, updateUrl));
			writeFileSync(join(out, 'policies', 'chrome-windows.reg'), chromeWindowsReg(id, updateUrl));
			writeFileSync(join(out, 'policies', 'chrome-extension-settings.json'), `${JSON.stringify(chromeExtensionSettings(id, updateUrl), null, 2)}\n`);
			written.push(join(out, `${stem}.crx`), join(out, 'update.xml'), ...['chrome-linux.json', 'chrome-windows.reg', 'chrome-extension-settings.json'].map((f) => join(out, 'policies', f)));
		}

		for (const file of written) console.log(`${relative(repoRoot, file)}  ${kb(file)}`);
		if (origins) console.log(`enterprise variant for ${origins.map((o) => o.pattern).join(', ')}`);
		if (id) console.log(`extension id ${id} (from the key); update_url ${base}update.xml`);
		else console.log('no CRX: set SOP_ASSIST_CRX_KEY to a PEM private key kept outside the repository (see README, Deployment)');
		if (!process.env.SOP_ASSIST_DOWNLOAD_URL) console.log(`SOP_ASSIST_DOWNLOAD_URL not set: the snippets point at ${PLACEHOLDER_URL}`);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	const expected = error instanceof UsageError || error instanceof OriginsError;
	console.error(expected ? `npm run package: ${(error as Error).message}` : error);
	process.exit(1);
});
