// The overlay on the imitation of Qualitor, in real Chromium, on the production build: suggest, apply
// (cascade with AJAX loads and re-renders, fields, additional fields), undo, and every page shape.
import { describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { PATHS, type QualitorServer } from '../fixtures/server.ts';
import { openTicketForm, openWatchedPage, useQualitorSession } from './session.ts';
import { recordPageProblems, screenshotPath, type LaunchedExtension } from './harness.ts';
import { snapshotForm } from './form-snapshot.ts';
import { overlay } from './overlay-driver.ts';

let server: QualitorServer;
let ext: LaunchedExtension;

useQualitorSession((s, e) => ([server, ext] = [s, e]));

type Scope = Page | Frame;

/** The part of the extension API the tests call inside the service worker. */
declare const chrome: {
	tabs: {
		query(q: object): Promise<{ id?: number }[]>;
		sendMessage(tabId: number, message: unknown): Promise<unknown>;
	};
};
const inOverlay = (scope: Scope, selector: string) => overlay(scope).locator(selector);

const openForm = (query = '') => openTicketForm(ext, server, { path: PATHS.ticketForm + query, viewport: { width: 1280, height: 900 } });

/** An additional field by its label cell's text (their ids differ per installation). */
const additional = (scope: Scope, label: string) =>
	scope.locator('#tdCamposAdicionais').locator('td.LABEL, label', { hasText: new RegExp(`^\\s*${label}\\s*\\*?\\s*:?\\s*$`) }).first().locator('xpath=following::*[self::input or self::textarea or self::select][1]');

const selectedText = (scope: Scope, id: string) =>
	scope.$eval(`#${id}`, (s: HTMLSelectElement) => s.options[s.selectedIndex]?.text ?? '').catch(() => null);

const formSnapshot = (scope: Scope) => scope.evaluate(snapshotForm);

async function applySop(scope: Scope, id: string, variables: Record<string, string> = {}): Promise<string> {
	const suggestion = inOverlay(scope, `[data-sop-id="${id}"]`).first();
	await suggestion.click();
	for (const [name, value] of Object.entries(variables)) await inOverlay(scope, `input[name="${name}"]`).fill(value);
	const apply = inOverlay(scope, '[data-action="apply"]');
	await apply.click();
	await inOverlay(scope, '.report li').first().waitFor({ timeout: 30_000 });
	await expect.poll(() => apply.isEnabled(), { timeout: 30_000 }).toBe(true);
	return inOverlay(scope, '.report').innerText();
}

async function undo(scope: Scope): Promise<string> {
	await inOverlay(scope, '[data-action="undo"]').click();
	await inOverlay(scope, '[data-report="undone"]').waitFor({ timeout: 30_000 });
	expect(await inOverlay(scope, '[data-report="undone"]').innerText()).toMatch(/^Desfeito: \d+ campo/);
	// The undo re-selects categories level by level; let the last load settle.
	await scope.waitForFunction(() => !document.getElementById('divLoading'), null, { timeout: 10_000 });
	return inOverlay(scope, '.report').innerText();
}

describe('new ticket opened in a popup window from the Qualitor shell', () => {
	test('suggests from what the agent types, applies the SOP, and undo gives the form back exactly', async () => {
		const shell = await ext.context.newPage();
		const shellProblems = recordPageProblems(shell).problems;
		await shell.goto(server.url(PATHS.shell));
		const [page] = await Promise.all([ext.context.waitForEvent('page'), shell.click('#btnNovoChamado')]);
		const { problems } = recordPageProblems(page);
		await page.waitForSelector('#dschamado');
		await page.waitForSelector('[data-sop-assist]', { state: 'attached' });
		const before = await formSnapshot(page);

		await page.locator('#dschamado').pressSequentially('cliente com token em branco no safesign', { delay: 5 });
		const suggestion = inOverlay(page, '[data-sop-id="token-em-branco"]');
		await suggestion.waitFor();
		expect(await suggestion.innerText()).toMatch(/token/);
		await page.setViewportSize({ width: 1280, height: 720 });
		await page.screenshot({ path: screenshotPath('overlay-suggestions.png') });

		const report = await applySop(page, 'token-em-branco', { telefone1: '(51) 99999-1111', telefone2: '(51) 3333-2222', email: 'ana@exemplo.com.br' });
		expect(report).toMatch(/Categoria 3: Em branco/);
		expect(await selectedText(page, 'cdtipochamado')).toBe('Suporte Técnico');
		expect(await selectedText(page, 'cdcategoria1')).toBe('SUP - Certificado Digital');
		expect(await selectedText(page, 'cdcategoria2')).toBe('Cartão');
		expect(await selectedText(page, 'cdcategoria3')).toBe('Em branco');
		expect(await selectedText(page, 'cdseveridade')).toBe('Baixa');
		expect(await page.inputValue('#nmtitulochamado')).toBe('Certificado digital em branco no token');
		// The agent's text stays first; the SOP's wording comes after it.
		expect(await page.inputValue('#dschamado')).toBe('cliente com token em branco no safesign\n\nInforma que não consegue utilizar o Certificado Digital.');
		expect(await additional(page, 'Encaminhar').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toBe('Relacionamento');
		expect(await additional(page, 'E-mail').inputValue()).toBe('ana@exemplo.com.br');
		expect(await page.locator('[id^=vlinformacaoadicional]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toContain(
			'(51) 99999-1111 / (51) 3333-2222',
		);

		await undo(page);
		const after = await formSnapshot(page);
		expect({ ...after, dschamado: before.dschamado }).toEqual({ ...before });
		expect(await page.inputValue('#dschamado')).toBe('cliente com token em branco no safesign');
		expect([...problems, ...shellProblems]).toEqual([]);
		await page.close();
		await shell.close();
	});
});

test('in framePrincipal of a frameset: suggests and applies there', async () => {
	const page = await ext.context.newPage();
	const { problems } = recordPageProblems(page);
	await page.goto(server.url(PATHS.frameset));
	const frame = await expect.poll(() => page.frame({ name: 'framePrincipal' })).toBeTruthy().then(() => page.frame({ name: 'framePrincipal' })!);
	await frame.waitForSelector('[data-sop-assist]', { state: 'attached' });
	await frame.fill('#nmtitulochamado', 'suporte SEI');
	await frame.locator('#nmtitulochamado').dispatchEvent('input');
	const report = await applySop(frame, 'suporte-sei', { contato: 'Maria' });
	expect(report).toMatch(/Descrição da solução/);
	expect(await frame.inputValue('#dsacaocorretiva')).toMatch(/^Prezado\(a\) Maria,\n\n(Bom dia|Boa tarde|Boa noite)\.\n\nAgradecemos o contato/s);
	expect(problems).toEqual([]);
	await page.close();
});

test('slow AJAX with the category cell re-rendered after each level; additional fields after the last one', async () => {
	const { page, problems } = await openForm('?delay=900');
	await page.fill('#dschamado', 'certificado sem matrícula CEI');
	await page.locator('#dschamado').dispatchEvent('input');
	const report = await applySop(page, 'certificado-sem-cei', { telefone1: '(11) 98888-7777', telefone2: '(11) 3222-1111', email: 'joao@exemplo.com' });
	expect(report).not.toMatch(/Não foi feito/);
	expect(await selectedText(page, 'cdcategoria3')).toBe('Certificado sem CEI');
	expect(await additional(page, 'Descrição para subchamado').inputValue()).toBe('DESCRIÇÃO: Certificado sem CEI. SOLUÇÃO: Nova emissão com CEI vinculado.');
	// Phones and e-mail have fields of their own in this form: they go there, not into Descrição.
	expect(await additional(page, 'Telefone').inputValue()).toBe('(11) 98888-7777 / (11) 3222-1111');
	expect(await additional(page, 'E-mail').inputValue()).toBe('joao@exemplo.com');
	expect(await page.inputValue('#dschamado')).not.toMatch(/Telefones para contato/);
	expect(problems).toEqual([]);
	await page.close();
});

test('text the agent typed before the page loaded: suggested at once, kept by the apply', async () => {
	const { page, problems } = await openForm('?prefill=1');
	const prior = await formSnapshot(page);
	await inOverlay(page, '[data-sop-id]').first().waitFor();
	const id = await inOverlay(page, '[data-sop-id]').first().getAttribute('data-sop-id');
	await applySop(page, id!);
	for (const field of ['nmtitulochamado', 'dschamado', 'dspalavrachave']) {
		const value = await page.inputValue(`#${field}`);
		expect(value.startsWith(prior[field]!), `${field} keeps the agent's text`).toBe(true);
	}
	await undo(page);
	const after = await formSnapshot(page);
	for (const field of ['nmtitulochamado', 'dschamado', 'dspalavrachave']) expect(after[field]).toBe(prior[field]);
	expect(problems).toEqual([]);
	await page.close();
});

test('a category missing in this installation: the rest applies and the panel says what was not done', async () => {
	const { page, problems } = await openForm('?tenant=sem-cei');
	await page.fill('#nmtitulochamado', 'matricula cei nao aparece no outro nome');
	await page.locator('#nmtitulochamado').dispatchEvent('input');
	const report = await applySop(page, 'certificado-sem-cei');
	expect(await inOverlay(page, '[data-report="not-done"]').innerText()).toMatch(/Categoria 3 "Certificado sem CEI" não existe neste Qualitor/);
	expect(report).toMatch(/Preenchido: \d+ campo/);
	expect(await selectedText(page, 'cdcategoria2')).toBe('Cartão');
	expect(await page.inputValue('#dsacaocorretiva')).toMatch(/Relacionamento/);
	expect(problems).toEqual([]);
	await page.close();
});

test('edit mode of an existing ticket: the change fields are used and existing text is kept', async () => {
	const { page, problems } = await openForm('?cdchamado=73553&editor=1');
	const before = await page.inputValue('#dschamadochange');
	await applySop(page, 'token-em-branco');
	expect(await selectedText(page, 'cdcategoriachange3')).toBe('Em branco');
	const after = await page.inputValue('#dschamadochange');
	expect(after.startsWith(before)).toBe(true);
	expect(after).toMatch(/Informa que não consegue utilizar o Certificado Digital\.$/);
	// The SLA counts from the ticket's opening date shown by the page (10/12/2019): long overdue.
	expect(await inOverlay(page, '.sla .overdue').innerText()).toMatch(/atrasado \d+d/);
	expect(problems).toEqual([]);
	await page.close();
});

/** As Qualitor does when it swaps a panel in: the ticket form arrives in the DOM without a navigation. */
async function injectTicketForm(page: Page): Promise<void> {
	const html = await (await fetch(server.loopbackUrl(PATHS.ticketForm))).text();
	await page.evaluate((markup) => {
		const body = new DOMParser().parseFromString(markup, 'text/html').body;
		const holder = document.createElement('div');
		holder.append(...[...body.children].filter((el) => el.localName !== 'script'));
		document.body.append(holder);
	}, html);
}

test('pages that are not a ticket form: no overlay, nothing loaded beyond the watcher, no error', async () => {
	for (const path of [PATHS.dashboard, PATHS.login]) {
		// The watcher runs here (its isolated world exists) and leaves nothing in the page's DOM.
		const { page, problems } = await openWatchedPage(ext, server, path);
		expect(await page.evaluate(() => Object.keys(document.documentElement.dataset))).toEqual([]);
		// Timing control, opened after it: a ticket form mounts the overlay; by then this page has had at least
		// as long to (wrongly) mount one.
		const { page: control } = await openTicketForm(ext, server, { timeout: 10_000 });
		await control.close();
		expect(await page.locator('[data-sop-assist]').count()).toBe(0);
		expect(await overlay(page).isMounted()).toBe(false);
		// Positive control: the same watcher mounts the overlay once a form arrives.
		await injectTicketForm(page);
		await overlay(page).waitForMount({ timeout: 10_000 });
		expect(problems).toEqual([]);
		await page.close();
	}
});

test('a ticket form that appears later on a page (loaded by the app after start) gets the overlay', async () => {
	const { page, problems } = await openWatchedPage(ext, server, PATHS.dashboard);
	await injectTicketForm(page);
	await page.waitForSelector('[data-sop-assist]', { state: 'attached', timeout: 5_000 });
	await page.fill('#dschamado', 'token em branco');
	await page.locator('#dschamado').dispatchEvent('input');
	await inOverlay(page, '[data-sop-id="token-em-branco"]').waitFor();
	expect(problems).toEqual([]);
	await page.close();
});

test('before saving, what the form lacks holds Processar in a check; "Salvar assim mesmo" runs Qualitor\'s own handler', async () => {
	const { page, problems } = await openForm();
	await page.fill('#dschamado', 'certificado sem cei');
	await page.locator('#dschamado').dispatchEvent('input');
	await inOverlay(page, '[data-sop-id="certificado-sem-cei"]').click();
	await page.click('#btnProcessar');
	const check = inOverlay(page, '[data-save-check]');
	await check.waitFor();
	expect(await check.innerText()).toMatch(/Cliente[\s\S]*Dois telefones para contato[\s\S]*E-mail atualizado/);
	expect(await page.locator('.WINDOWTITLE:text("Atenção")').count()).toBe(0);
	await inOverlay(page, '[data-action="save-anyway"]').click();
	// The page's own handler ran (its validation dialog).
	await expect.poll(() => page.locator('#divAlerta .WINDOWBODY').innerText()).toBe('O campo Cliente é obrigatório.');
	expect(await check.count()).toBe(0);
	expect(problems.filter((p) => p.kind !== 'console')).toEqual([]);
	await page.close();
});

test('keyboard: Alt+Shift+S focuses the panel, arrows choose, Enter opens, Esc goes back and collapses', async () => {
	const { page } = await openForm();
	// A text two SOPs answer, so the arrows have somewhere to go.
	await page.locator('#dschamado').pressSequentially('certificado sem cei no token em branco', { delay: 2 });
	await expect.poll(() => inOverlay(page, '[data-sop-id]').count()).toBeGreaterThanOrEqual(2);
	await page.keyboard.press('Alt+Shift+KeyS');
	// The focused element inside the (closed) shadow root matches :focus there.
	const focused = () => inOverlay(page, ':focus').evaluateAll((els) => els[0]?.getAttribute('data-sop-id') ?? null);
	const ids = await inOverlay(page, '[data-sop-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-sop-id')));
	await expect.poll(focused).toBe(ids[0]);
	await page.keyboard.press('ArrowDown');
	await expect.poll(focused).toBe(ids[1]);
	expect(await inOverlay(page, `[data-sop-id="${ids[1]}"]`).getAttribute('aria-selected')).toBe('true');
	await page.keyboard.press('ArrowUp');
	await expect.poll(focused).toBe(ids[0]);
	await page.keyboard.press('Enter');
	await expect.poll(() => inOverlay(page, '#sop-title').count()).toBe(1);
	await page.keyboard.press('Escape');
	await expect.poll(focused).toBe(ids[0]);
	await page.keyboard.press('Escape');
	await inOverlay(page, '.pill').waitFor();
	// Collapsing hands the focus to the pill, not to the page.
	await expect.poll(() => inOverlay(page, ':focus').evaluateAll((els) => els[0]?.classList.contains('pill') ?? false)).toBe(true);
	await page.close();
});

test('the popup can open a SOP in the overlay of the tab (runtime message)', async () => {
	const { page } = await openForm();
	// Without the "tabs" permission tab URLs are hidden: ask every tab, only a ticket form answers.
	const answers = await ext.serviceWorker.evaluate(async () => {
		const tabs = await chrome.tabs.query({});
		const ask = (id: number) => chrome.tabs.sendMessage(id, { type: 'open-sop', id: 'certificado-sem-cei' }).catch(() => null);
		return Promise.all(tabs.map((tab) => ask(tab.id!)));
	});
	expect(answers.filter(Boolean)).toEqual([{ ok: true }]);
	await expect.poll(() => inOverlay(page, '#sop-title').innerText()).toMatch(/sem matrícula CEI/);
	await page.screenshot({ path: screenshotPath('overlay-sop.png') });
	await page.close();
});
