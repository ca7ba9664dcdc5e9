// The core flow in Firefox ESR on the Firefox build: suggest, apply, undo on the imitation of Qualitor,
// judged by the Qualitor page's own fields. Also proves why the content script may run at all there.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startQualitorServer, PATHS, type QualitorServer } from '../fixtures/server.ts';
import { click, inOverlay, launchFirefoxExtension, selectedText, until, type LaunchedFirefox } from './firefox-harness.ts';
import { snapshotForm } from './form-snapshot.ts';

let server: QualitorServer;
let firefox: LaunchedFirefox;

beforeAll(async () => {
	server = await startQualitorServer();
	firefox = await launchFirefoxExtension();
});
afterAll(async () => {
	await firefox?.close();
	await server?.close();
});

const formSnapshot = (page: Page) => page.evaluate(snapshotForm);

const value = (page: Page, id: string) => page.$eval(`#${id}`, (el) => (el as HTMLInputElement).value);
const noLoadRunning = (page: Page) => page.waitForFunction(() => !document.getElementById('divLoading'), { timeout: 10_000 });
/** The page's exceptions; Firefox reports content-script exceptions there too. */
function pageErrors(page: Page): Error[] {
	const errors: Error[] = [];
	page.on('pageerror', (e) => errors.push(e as Error));
	return errors;
}

// Firefox MV3 treats content-script match patterns as host permissions. Since Firefox 127 (so every ESR
// from 128) they are listed in the install prompt and granted at install, unless the user withdraws them
// in about:addons or the extensions panel. This profile keeps Firefox's defaults: the agent's case.
test('suggests from what the agent types, applies the SOP to the Qualitor form, and undo gives the form back', async () => {
	const page = await firefox.browser.newPage();
	await page.setViewport({ width: 1280, height: 900 });
	const errors = pageErrors(page);
	await page.goto(server.url(PATHS.ticketForm));
	await page.waitForSelector('[data-sop-assist]');
	await noLoadRunning(page);
	const before = await formSnapshot(page);

	await page.type('#dschamado', 'cliente com token em branco no safesign', { delay: 5 });
	await click(page, inOverlay('[data-sop-id="token-em-branco"]'));
	const variables = { telefone1: '(51) 99999-1111', telefone2: '(51) 3333-2222', email: 'ana@exemplo.com.br' };
	for (const [name, text] of Object.entries(variables)) await page.locator(inOverlay(`input[name="${name}"]`)).fill(text);
	await click(page, inOverlay('[data-action="apply"]'));
	await page.waitForSelector(inOverlay('[data-report="done"] li'), { timeout: 30_000 });
	await page.waitForSelector(inOverlay('[data-action="apply"]:not([disabled])'), { timeout: 30_000 });
	await noLoadRunning(page);

	// What Qualitor will save: the categories chosen through its own cascade, and the texts.
	expect(await selectedText(page, 'cdtipochamado')).toBe('Suporte Técnico');
	expect(await selectedText(page, 'cdcategoria1')).toBe('SUP - Certificado Digital');
	expect(await selectedText(page, 'cdcategoria2')).toBe('Cartão');
	expect(await selectedText(page, 'cdcategoria3')).toBe('Em branco');
	expect(await value(page, 'cdcategoria')).not.toBe(''); // the page's hidden final code: classification complete
	expect(await value(page, 'nmtitulochamado')).toBe('Certificado digital em branco no token');
	// The agent's words stay first; the SOP's wording follows.
	expect(await value(page, 'dschamado')).toBe('cliente com token em branco no safesign\n\nInforma que não consegue utilizar o Certificado Digital.');
	const additional = await page.$$eval('[id^=vlinformacaoadicional]', (els) => els.map((e) => (e as HTMLInputElement).value));
	expect(additional).toContain('(51) 99999-1111 / (51) 3333-2222');
	expect(additional).toContain('ana@exemplo.com.br');

	await click(page, inOverlay('[data-action="undo"]'));
	const undone = await page.waitForSelector(inOverlay('[data-report="undone"]'), { timeout: 30_000 });
	// Debian's firefox-esr is en-US without a language pack, so this run also covers _locales/en.
	expect(await undone!.evaluate((p) => p.textContent)).toMatch(/^Undone: \d+ field/);
	await noLoadRunning(page);
	const after = await until(() => formSnapshot(page), (s) => s.cdcategoria1 === before.cdcategoria1, 10_000, 'categories restored');
	// Undo gives every field back, except that the agent's own typing stays.
	expect(after).toEqual({ ...before, dschamado: 'cliente com token em branco no safesign' });
	expect(errors).toEqual([]);
	await page.close();
});

test('without that grant (Firefox before 127, or withdrawn by the user) the content script stays out', async () => {
	// The same pref Firefox flips for its pre-127 behaviour: MV3 host permissions start withdrawn.
	const ungranted = await launchFirefoxExtension({ prefs: { 'extensions.originControls.grantByDefault': false } });
	try {
		const page = await ungranted.browser.newPage();
		await page.goto(server.url(PATHS.ticketForm));
		await page.waitForSelector('#dschamado');
		await new Promise((r) => setTimeout(r, 1500)); // document_idle has long passed: time enough to inject
		expect(await page.evaluate(() => document.documentElement.dataset.qualitorSopAssist ?? null)).toBeNull();
		expect(await page.$('[data-sop-assist]')).toBeNull();
	} finally {
		await ungranted.close();
	}
});
