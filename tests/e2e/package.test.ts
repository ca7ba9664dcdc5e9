// `npm run package` on the builds `npm test` made (dist/, dist-firefox/), with a throwaway signing key made
// here and an enterprise origin: what IT receives is checked the way browsers and IT will use it.
import { execFile } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import extractZip from 'extract-zip';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GECKO_ID } from '../../build/firefox-manifest.ts';
import { extensionId, publicKeyDer } from '../../build/release-files.ts';
import { startQualitorServer, PATHS, type QualitorServer } from '../fixtures/server.ts';
import { readCrx3 } from '../helpers/crx.ts';
import { contentScriptFrames, launchExtension, waitForContentScript, type LaunchedExtension } from './harness.ts';
import { overlay } from './overlay-driver.ts';

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../..');
const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
const stem = `${name}-${version}`;
/** The enterprise origin of the test; Chromium resolves it to the fixture server (host-resolver-rules). */
const ENTERPRISE_HOST = 'helpdesk.empresa.com.br';
const DOWNLOAD = 'https://intranet.empresa.example/extensoes/sop-assist/';

let work: string;
let release: string;
let keyPem: string;
let server: QualitorServer;

const file = (rel: string) => join(release, rel);
const text = (rel: string) => readFileSync(file(rel), 'utf8');
async function unpack(archive: string): Promise<string> {
	const dir = mkdtempSync(join(work, 'unpacked-'));
	await extractZip(file(archive), { dir });
	return dir;
}
const manifestOf = (dir: string) =>
	JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string; host_permissions?: string[]; content_scripts: { matches: string[] }[] };

beforeAll(async () => {
	work = mkdtempSync(join(tmpdir(), 'sop-assist-package-test-'));
	release = join(work, 'release');
	// A throwaway key, as IT would make one: `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048`.
	keyPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
	writeFileSync(join(work, 'key.pem'), keyPem, { mode: 0o600 });
	await run(process.execPath, ['--import', 'tsx', 'scripts/package.ts', '--no-build', '--out', release], {
		cwd: repoRoot,
		env: { ...process.env, QUALITOR_ORIGINS: `http://${ENTERPRISE_HOST}/qualitor/`, SOP_ASSIST_CRX_KEY: join(work, 'key.pem'), SOP_ASSIST_DOWNLOAD_URL: DOWNLOAD },
		maxBuffer: 16 << 20,
	});
	server = await startQualitorServer();
}, 120_000);

afterAll(async () => {
	await server?.close();
	if (work) rmSync(work, { recursive: true, force: true });
});

describe('release/', () => {
	test('every package is named with package.json’s version, which is also in each manifest', async () => {
		expect(readdirSync(release).sort()).toEqual(
			[`${stem}-chrome.zip`, `${stem}-enterprise-chrome.zip`, `${stem}-enterprise-firefox.xpi`, `${stem}-firefox.xpi`, `${stem}.crx`, 'policies', 'update.xml'].sort(),
		);
		for (const archive of [`${stem}-chrome.zip`, `${stem}-firefox.xpi`, `${stem}-enterprise-chrome.zip`, `${stem}-enterprise-firefox.xpi`]) {
			expect(manifestOf(await unpack(archive)).version, archive).toBe(version);
		}
	});

	test('the CRX is signed with the key, its id is the key’s, and update.xml and every policy snippet name that id', () => {
		const id = extensionId(publicKeyDer(keyPem));
		const crx = readCrx3(readFileSync(file(`${stem}.crx`)));
		expect(crx.signatureValid).toBe(true);
		expect(crx.publicKeys).toEqual([publicKeyDer(keyPem)]);
		expect(crx.declaredId).toBe(id);
		expect(crx.keyId).toBe(id);

		const updateUrl = `${DOWNLOAD}update.xml`;
		expect(text('update.xml')).toContain(`<app appid='${id}'>`);
		expect(text('update.xml')).toContain(`<updatecheck codebase='${DOWNLOAD}${stem}.crx' version='${version}' />`);
		expect(JSON.parse(text('policies/chrome-linux.json'))).toEqual({ ExtensionSettings: { [id]: { installation_mode: 'force_installed', update_url: updateUrl } } });
		expect(JSON.parse(text('policies/chrome-extension-settings.json'))).toEqual({ [id]: { installation_mode: 'force_installed', update_url: updateUrl } });
		const reg = text('policies/chrome-windows.reg');
		expect(reg.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
		expect(reg).toContain('[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\ExtensionInstallForcelist]\r\n');
		expect(reg).toContain(`"1"="${id};${updateUrl}"`);
		expect(JSON.parse(text('policies/firefox-policies.json'))).toEqual({
			policies: { ExtensionSettings: { [GECKO_ID]: { installation_mode: 'force_installed', install_url: `${DOWNLOAD}${stem}-enterprise-firefox.xpi` } } },
		});
	});

	test('the CRX holds the enterprise variant; the store packages do not list the origin', async () => {
		const crxDir = mkdtempSync(join(work, 'crx-'));
		writeFileSync(join(crxDir, 'archive.zip'), readCrx3(readFileSync(file(`${stem}.crx`))).archive);
		await extractZip(join(crxDir, 'archive.zip'), { dir: join(crxDir, 'x') });
		const pattern = `http://${ENTERPRISE_HOST}/*`;
		expect(manifestOf(join(crxDir, 'x')).host_permissions).toEqual([pattern]);
		for (const archive of [`${stem}-enterprise-chrome.zip`, `${stem}-enterprise-firefox.xpi`]) {
			const m = manifestOf(await unpack(archive));
			expect(m.host_permissions, archive).toEqual([pattern]);
			for (const cs of m.content_scripts) expect(cs.matches, archive).toContain(pattern);
		}
		for (const archive of [`${stem}-chrome.zip`, `${stem}-firefox.xpi`]) {
			expect(JSON.stringify(manifestOf(await unpack(archive))), archive).not.toContain(ENTERPRISE_HOST);
		}
	});

	test('the store .xpi passes web-ext lint without errors; the enterprise one differs only in its manifest', async () => {
		const dir = await unpack(`${stem}-firefox.xpi`);
		const { stdout } = await run(join(repoRoot, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {
			maxBuffer: 16 << 20,
		}).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
		const report = JSON.parse(stdout) as { errors: { code: string; message: string }[]; summary: { errors: number; warnings: number } };
		expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
		expect(report.summary.errors).toBe(0);

		const files = (root: string) =>
			new Map(readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => {
				const path = join(e.parentPath, e.name);
				return [path.slice(root.length), createHash('sha256').update(readFileSync(path)).digest('hex')] as const;
			}));
		const store = files(dir);
		const enterprise = files(await unpack(`${stem}-enterprise-firefox.xpi`));
		expect([...enterprise.keys()].sort()).toEqual([...store.keys()].sort());
		expect([...store.keys()].filter((f) => store.get(f) !== enterprise.get(f))).toEqual(['/manifest.json']);
	}, 180_000); // web-ext lint takes 10 s alone and over a minute on a busy machine
});

describe('zero-click enterprise build, loaded unpacked in Chromium', () => {
	const resolverRules = `--host-resolver-rules=MAP ${ENTERPRISE_HOST} 127.0.0.1, MAP *.qualitorsoftware.com 127.0.0.1`;
	let launched: LaunchedExtension | undefined;
	afterAll(async () => {
		await launched?.close();
	});

	test('runs on its origin with no permission granted, and suggests; the store build (zip) loads but stays out', async () => {
		const formUrl = server.url(PATHS.ticketForm, ENTERPRISE_HOST);

		// The store package: it loads and runs where its manifest says (hosted Qualitor: positive control) …
		launched = await launchExtension({ extensionDir: await unpack(`${stem}-chrome.zip`), hostMap: false, args: [resolverRules] });
		const store = launched;
		const stranger = await store.context.newPage();
		await stranger.goto(formUrl);
		await stranger.waitForSelector('#dschamado');
		const hosted = await store.context.newPage();
		await hosted.goto(server.url(PATHS.ticketForm));
		await overlay(hosted).waitForMount({ timeout: 15_000 });
		// … but not on the enterprise origin, opened before the hosted page mounted its overlay.
		expect(await contentScriptFrames(stranger, store.extensionId)).toEqual([]);
		expect(await overlay(stranger).isMounted()).toBe(false);
		await store.close();

		// The enterprise package: the same page, no grant asked or given.
		launched = await launchExtension({ extensionDir: await unpack(`${stem}-enterprise-chrome.zip`), hostMap: false, args: [resolverRules] });
		const enterprise = launched;
		const contains = (p: string) =>
			(globalThis as unknown as { chrome: { permissions: { contains(q: { origins: string[] }): Promise<boolean> } } }).chrome.permissions.contains({ origins: [p] });
		expect(await enterprise.serviceWorker.evaluate(contains, `http://${ENTERPRISE_HOST}/*`)).toBe(true);
		const page = await enterprise.context.newPage();
		await page.goto(formUrl);
		await waitForContentScript(page, enterprise.extensionId, 'cadastro_chamado.php');
		await overlay(page).waitForMount({ timeout: 15_000 });
		await page.fill('#dschamado', 'token em branco no safesign');
		await page.locator('#dschamado').dispatchEvent('input');
		await overlay(page).locator('[data-sop-id="token-em-branco"]').waitFor({ timeout: 15_000 });
		await enterprise.close();
		launched = undefined;
	}, 180_000); // two browser launches
});
