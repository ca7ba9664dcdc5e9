// The core flow in Firefox ESR on the Firefox build: suggest, apply, undo on the imitation of Qualitor,
// judged by the Qualitor page's own fields. Also proves why the content script may run at all there.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startQualitorServer, PATHS, type QualitorServer } from '../fixtures/server.ts';
import { launchFirefoxExtension, selectedText, until, type LaunchedFirefox } from './firefox-harness.ts';
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

/** Alt+Shift+S: the overlay's shortcut to focus its panel (the first suggestion when there is one). */
async function focusPanel(page: Page): Promise<void> {
	await page.keyboard.down('Alt');
	await page.keyboard.down('Shift');
	await page.keyboard.press('KeyS');
	await page.keyboard.up('Shift');
	await page.keyboard.up('Alt');
}

/** The keys that apply a SOP: Alt+Shift+S (first suggestion), Enter (opens it), Ctrl+Enter (Aplicar). */
async function openFirstAndApply(page: Page): Promise<void> {
	await focusPanel(page);
	await page.keyboard.press('Enter');
	await until(() => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))), Boolean, 5_000, 'frames');
	await page.keyboard.down('Control');
	await page.keyboard.press('Enter');
	await page.keyboard.up('Control');
}

// The overlay lives in a CLOSED shadow root that drops untrusted events: neither the page nor Puppeteer
// (its `>>>` piercing needs an open root; Firefox's WebDriver BiDi offers no public way in) can read or
// click inside it. So this test drives it as a keyboard user does (Alt+Shift+S focuses the first
// suggestion, Enter opens it on its first input, Ctrl+Enter applies, Tab reaches "Desfazer") and
// judges everything by the Qualitor page's own fields. The SOP's variables (phones, e-mail) are not typed
// here: the Chromium tests type them through the DevTools protocol and check the additional fields.
//
// Firefox MV3 treats content-script match patterns as host permissions. Since Firefox 127 (so every ESR
// from 128) they are listed in the install prompt and granted at install, unless the user withdraws them
// in about:addons or the extensions panel. This profile keeps Firefox's defaults: the agent's case.
test('suggests from what the agent types, applies the SOP to the Qualitor form, and undo gives the form back (keyboard only)', async () => {
	const page = await firefox.browser.newPage();
	await page.setViewport({ width: 1280, height: 900 });
	const errors = pageErrors(page);
	await page.goto(server.url(PATHS.ticketForm));
	await page.waitForSelector('[data-sop-assist]');
	await noLoadRunning(page);
	const before = await formSnapshot(page);

	await page.type('#dschamado', 'cliente com token em branco no safesign', { delay: 5 });
	// Suggestions follow the typing after a debounce that cannot be observed from outside the closed root:
	// focus the panel, open the first suggestion, apply; again (bounded) until Qualitor's form shows it.
	let applied = false;
	for (let attempt = 0; attempt < 4 && !applied; attempt++) {
		await openFirstAndApply(page);
		// Long enough for a whole apply on a loaded machine: a new attempt while one runs would start it over.
		applied = await until(() => selectedText(page, 'cdcategoria3'), (t) => t === 'Em branco', 12_000, 'applied').then(
			() => true,
			() => false,
		);
	}
	expect(applied).toBe(true);
	await noLoadRunning(page);
	await until(() => value(page, 'dschamado'), (v) => v.includes('Informa'), 10_000, 'description written');

	// What Qualitor will save: the categories chosen through its own cascade, and the texts.
	expect(await selectedText(page, 'cdtipochamado')).toBe('Suporte Técnico');
	expect(await selectedText(page, 'cdcategoria1')).toBe('SUP - Certificado Digital');
	expect(await selectedText(page, 'cdcategoria2')).toBe('Cartão');
	expect(await selectedText(page, 'cdcategoria3')).toBe('Em branco');
	expect(await value(page, 'cdcategoria')).not.toBe(''); // the page's hidden final code: classification complete
	expect(await value(page, 'nmtitulochamado')).toBe('Certificado digital em branco no token');
	// The agent's words stay first; the SOP's wording follows.
	expect(await value(page, 'dschamado')).toBe('cliente com token em branco no safesign\n\nInforma que não consegue utilizar o Certificado Digital.');
	// The additional field Encaminhar has no variable: it is chosen.
	const additional = await page.$$eval('[id^=vlinformacaoadicional]', (els) =>
		els.map((e) => (e instanceof HTMLSelectElement ? (e.selectedOptions[0]?.text ?? '') : (e as HTMLInputElement).value)),
	);
	expect(additional).toContain('Relacionamento');

	// Ctrl+Enter put the focus on "Aplicar"; "Desfazer" is the next control.
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await noLoadRunning(page);
	const after = await until(() => formSnapshot(page), (s) => s.cdcategoria1 === before.cdcategoria1 && s.nmtitulochamado === before.nmtitulochamado, 15_000, 'form restored');
	// Undo gives every field back, except that the agent's own typing stays.
	expect(after).toEqual({ ...before, dschamado: 'cliente com token em branco no safesign' });
	expect(errors).toEqual([]);
	await page.close();
}, 120_000);

test('existing ticket: the read view is left alone, "Alterar dados" loads the editor, the SOP goes into its …change fields and undo takes it back (keyboard only)', async () => {
	const page = await firefox.browser.newPage();
	await page.setViewport({ width: 1280, height: 900 });
	const errors = pageErrors(page);
	await page.goto(server.url(`${PATHS.ticketForm}?cdchamado=73553`));
	await page.waitForSelector('[data-sop-assist]');
	const readView = await formSnapshot(page);
	expect(readView.dschamado).toMatch(/SafeSign/);

	// The read view: the keys that apply a SOP elsewhere open the suggestion (from the ticket's own text) and
	// write nothing (there is no Aplicar there). Checked again below, after the editor was written into.
	await openFirstAndApply(page);
	expect(await formSnapshot(page)).toEqual(readView);

	// "Alterar dados" from the actions menu loads the editor; the overlay mounts again for it (a new host).
	await page.evaluate(() => ((window as unknown as { readHost: Element | null }).readHost = document.querySelector('[data-sop-assist]')));
	await page.click('#btnAcoes');
	await page.click('#optChangeData_caption');
	await page.waitForSelector('#btnProcessChange', { timeout: 15_000 });
	await noLoadRunning(page);
	await page.waitForFunction(
		() => {
			const host = document.querySelector('[data-sop-assist]');
			return host !== null && host !== (window as unknown as { readHost: Element | null }).readHost;
		},
		{ timeout: 15_000 },
	);
	const editor = await formSnapshot(page);
	const descricao = editor.dschamadochange!;
	expect(descricao).toBe(readView.dschamado);

	// The same keys now apply the first suggestion into the …change fields.
	let applied = false;
	for (let attempt = 0; attempt < 4 && !applied; attempt++) {
		await openFirstAndApply(page);
		// Long enough for a whole apply on a loaded machine: a new attempt while one runs would start it over.
		applied = await until(() => value(page, 'dschamadochange'), (v) => v.length > descricao.length, 12_000, 'applied').then(
			() => true,
			() => false,
		);
	}
	expect(applied).toBe(true);
	await noLoadRunning(page);
	const written = await formSnapshot(page);
	expect(written.dschamadochange!.startsWith(`${descricao}\n\n`)).toBe(true);
	expect(await selectedText(page, 'cdcategoriachange3')).toBe('Em branco');
	// The read view's own copies were never written, before the editor or since.
	expect({ dschamado: written.dschamado, nmtitulochamado: written.nmtitulochamado }).toEqual({ dschamado: readView.dschamado, nmtitulochamado: readView.nmtitulochamado });

	// Ctrl+Enter left the focus on "Aplicar"; "Desfazer" is the next control.
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await noLoadRunning(page);
	expect(await until(() => formSnapshot(page), (s) => s.dschamadochange === descricao, 15_000, 'editor restored')).toEqual(editor);
	expect(errors).toEqual([]);
	await page.close();
}, 120_000);

test('without that grant (Firefox before 127, or withdrawn by the user) the content script stays out', async () => {
	// The same pref Firefox flips for its pre-127 behaviour: MV3 host permissions start withdrawn.
	const ungranted = await launchFirefoxExtension({ prefs: { 'extensions.originControls.grantByDefault': false } });
	try {
		const page = await ungranted.browser.newPage();
		await page.goto(server.url(PATHS.ticketForm));
		await page.waitForSelector('#dschamado');
		// Positive control, opened after it: the same page in the default profile gets the overlay. By the time
		// it has, the ungranted page has had at least as long to get one.
		const control = await firefox.browser.newPage();
		await control.goto(server.url(PATHS.ticketForm));
		await control.waitForSelector('[data-sop-assist]', { timeout: 15_000 });
		expect(await page.$('[data-sop-assist]')).toBeNull();
		await control.close();
	} finally {
		await ungranted.close();
	}
});
