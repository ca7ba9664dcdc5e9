// The agent's flow as an agent lives it, in Chromium in pt-BR on the production build: the panel docked
// beside the form at 1366×768, 1280×720 and 125 % zoom; the check before Qualitor saves; replace, don't
// stack; values in the fields the form has; the reply ready to copy; whose clock; the keyboard.
import { describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { PATHS, type QualitorServer } from '../fixtures/server.ts';
import { applyOpenSop, openTicketForm, useQualitorSession, type Viewport } from './session.ts';
import { screenshotPath, type LaunchedExtension } from './harness.ts';
import { snapshotForm } from './form-snapshot.ts';
import { overlay } from './overlay-driver.ts';

let server: QualitorServer;
let ext: LaunchedExtension;

useQualitorSession((s, e) => ([server, ext] = [s, e]));

type Scope = Page | Frame;

/** Every overlay interaction goes through the driver of the closed shadow root (trusted input, like a person). */
const ov = (scope: Scope, selector: string) => overlay(scope).locator(selector);

declare const chrome: {
	tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
};

const VIEWPORTS = [
	{ name: '1366×768', width: 1366, height: 768, scale: 1 },
	{ name: '1280×720', width: 1280, height: 720, scale: 1 },
	// 125 % zoom of a 1366×768 screen: the page lays out in 1093×614 CSS pixels at a device scale of 1.25.
	{ name: '125 % (1366×768)', width: 1093, height: 614, scale: 1.25 },
] as const;

const openForm = (query = '', viewport: Viewport = { width: 1366, height: 768 }) => openTicketForm(ext, server, { path: PATHS.ticketForm + query, viewport });

async function typeTicket(page: Page, text: string): Promise<void> {
	await page.locator('#dschamado').pressSequentially(text, { delay: 2 });
}

async function openSop(page: Page, id: string): Promise<void> {
	await ov(page, `[data-sop-id="${id}"]`).first().click();
	await ov(page, '#sop-title').waitFor();
}

/** An additional field by its label (their ids differ per installation). */
const additional = (page: Page, label: string) =>
	page.locator('#tdCamposAdicionais').locator('td.LABEL, label', { hasText: new RegExp(`^\\s*${label.replace(/[/?]/g, '\\$&')}\\s*\\*?\\s*:?\\s*$`) }).first().locator('xpath=following::*[self::input or self::textarea or self::select][1]');

const selectedText = (page: Page, id: string) => page.$eval(`#${id}`, (s: HTMLSelectElement) => s.options[s.selectedIndex]?.text ?? '');
const saves = () => server.requests.filter((r) => r.method === 'POST' && r.path.startsWith(PATHS.ajaxProcessar)).length;
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Qualitor's labelled fields on screen that the panel's box overlaps (in viewport coordinates). */
function coveredFields(page: Page, panel: { x: number; y: number; width: number; height: number }): Promise<string[]> {
	return page.evaluate((p) => {
		const out: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>('#frmChamado input:not([type=hidden]), #frmChamado select, #frmChamado textarea, #frmChamado td.LABEL')) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 || r.height === 0) continue; // not shown (another tab)
			if (r.left < p.x + p.width && r.right > p.x && r.top < p.y + p.height && r.bottom > p.y) out.push(el.id || el.textContent!.trim());
		}
		return out;
	}, panel);
}

/**
 * What crowds the panel's header: items whose boxes intersect, items sticking out of it, items taller than
 * one line (wrapped text). `oneRow` lays the header out as it was before it had two lines (the control).
 */
const headerClashes = (page: Page, oneRow = false) =>
	ov(page, 'aside.panel > header').evaluate((header, oneRow) => {
		const group = header.querySelector<HTMLElement>('.health-group');
		(header as HTMLElement).style.flexWrap = oneRow ? 'nowrap' : '';
		if (group) group.style.flexBasis = oneRow ? 'auto' : '';
		const box = header.getBoundingClientRect();
		const items = [...header.querySelectorAll('strong, kbd, .health, .health-copy, button.icon')].map((el) => ({ name: el.textContent!.trim(), r: el.getBoundingClientRect() }));
		const out: string[] = [];
		for (const [i, a] of items.entries()) {
			if (a.r.left < box.left - 0.5 || a.r.right > box.right + 0.5 || a.r.bottom > box.bottom + 0.5) out.push(`"${a.name}" sticks out of the header`);
			if (a.r.height > 26) out.push(`"${a.name}" is ${Math.round(a.r.height)} px tall (wrapped)`);
			for (const b of items.slice(i + 1))
				if (a.r.left < b.r.right - 0.5 && b.r.left < a.r.right - 0.5 && a.r.top < b.r.bottom - 0.5 && b.r.top < a.r.bottom - 0.5) out.push(`"${a.name}" overlaps "${b.name}"`);
		}
		return out;
	}, oneRow);

/** The header is clear at this size; the same check finds the crowding of the one-row header (positive control). */
async function expectClearHeader(page: Page, size: string): Promise<void> {
	expect(await headerClashes(page), `header at ${size}`).toEqual([]);
	expect((await headerClashes(page, true)).length, `one-row header at ${size}`).toBeGreaterThan(0);
	expect(await headerClashes(page)).toEqual([]);
}

describe('the panel never hides what the agent must see', () => {
	for (const size of VIEWPORTS) {
		test(`at ${size.name} the open SOP, docked beside the form, covers none of Qualitor's labelled fields`, async () => {
			const { page, problems } = await openForm('', size);
			await typeTicket(page, 'token em branco no safesign');
			await openSop(page, 'token-em-branco');
			await applyOpenSop(page);
			const box = (await ov(page, 'aside.panel').boundingBox())!;
			expect(box.width).toBeGreaterThanOrEqual(240);
			// Name, shortcut, ⇄, –, the form's health and "Copiar diagnóstico": none overlaps, none is cut off.
			await ov(page, '[data-action="copy-diagnostic"]').waitFor();
			await expectClearHeader(page, size.name);
			// The page is pushed aside by the panel: the form's widest row ends before the panel starts.
			expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1)).toBe(true);
			for (const y of [0, 600, 1200]) {
				await page.evaluate((top) => window.scrollTo(0, top), y);
				expect(await coveredFields(page, box), `scrolled to ${y}`).toEqual([]);
			}
			if (size.width === 1366) await page.screenshot({ path: screenshotPath('overlay-panel-1366x768.png') });
			// Positive control: without the room the dock makes, the same check finds covered fields.
			await page.evaluate(() => window.scrollTo(0, 0));
			await page.evaluate(() => (document.documentElement.style.marginRight = '0px'));
			expect((await coveredFields(page, box)).length).toBeGreaterThan(0);
			expect(problems).toEqual([]);
			await page.close();
		});
	}

	test('at 125 % the read view\'s longer health text ("somente leitura …") and "Copiar diagnóstico" share the header without crowding', async () => {
		const { page, problems } = await openForm('?cdchamado=73553', VIEWPORTS[2]);
		await ov(page, '[data-health="read-only"]').waitFor({ timeout: 15_000 });
		await ov(page, '[data-action="copy-diagnostic"]').waitFor();
		await expectClearHeader(page, VIEWPORTS[2].name);
		await page.screenshot({ path: screenshotPath('overlay-header-125-read-view.png') });
		// The badge's copy works on Qualitor served over http too (no async clipboard there): paste what it copied.
		expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
		await ov(page, '[data-action="copy-diagnostic"]').click();
		await expect.poll(() => ov(page, '[data-action="copy-diagnostic"]').innerText()).toMatch(/Copiado/);
		await page.evaluate(() => document.body.append(Object.assign(document.createElement('textarea'), { id: 'colar' })));
		await page.locator('#colar').focus();
		await page.keyboard.press('Control+V');
		const pasted = JSON.parse(await page.inputValue('#colar')) as { controls: { id?: string }[] };
		expect(pasted.controls.some((c) => c.id === 'nmtitulochamado')).toBe(true);
		expect(problems).toEqual([]);
		await page.close();
	});

	test('sections fold, and the apply report sits at the top in plain Portuguese with each item linked to its field', async () => {
		const { page } = await openForm();
		await typeTicket(page, 'token em branco no safesign');
		await openSop(page, 'token-em-branco');
		const sections = await ov(page, 'details.fold').evaluateAll((els) => els.map((e) => e.getAttribute('data-section')));
		expect(sections).toEqual(expect.arrayContaining(['prazos', 'pergunte', 'passos', 'previa']));
		const steps = ov(page, 'details[data-section="passos"] > summary');
		await steps.click();
		expect(await ov(page, 'details[data-section="passos"]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
		await steps.click();
		expect(await ov(page, 'details[data-section="passos"]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);

		await applyOpenSop(page);
		// The report comes before everything else of the SOP but its title.
		const order = await ov(page, 'article.sop').evaluate((a) => [...a.children].map((c) => c.className || c.localName));
		expect(order.indexOf('report')).toBeLessThan(order.indexOf('summary'));
		const report = await ov(page, '.report').innerText();
		expect(report).not.toMatch(/cpf_cnpj|telefone1|\{/);
		expect(report).toMatch(/CPF\/CNPJ: não preenchido; falta informar: CPF\/CNPJ do certificado/);
		// Clicking an item focuses its field in the form.
		await ov(page, '.report [data-report="done"] button[data-field="Categoria 2"]').click();
		await expect.poll(() => activeId(page)).toBe('cdcategoria2');
		await page.close();
	});
});

describe('the check before Qualitor saves', () => {
	test('holds Processar before Qualitor (panel collapsed); Esc and "Voltar e completar" focus what is missing; items tick live; "Salvar assim mesmo" saves exactly once', async () => {
		const { page, problems } = await openForm();
		await typeTicket(page, 'certificado sem cei');
		await openSop(page, 'certificado-sem-cei');
		await applyOpenSop(page);
		// The contact is a registry entry: its e-mail is on the page, but nobody asked the client yet.
		await page.fill('#cdcontato', '88');
		await page.locator('#cdcontato').press('Tab');
		await expect.poll(() => page.inputValue('#dsemailcontato')).toBe('atendimento@example.com');
		await ov(page, '[data-action="collapse"]').click();
		await ov(page, '.pill').waitFor();

		const before = saves();
		await page.click('#btnProcessar');
		const dialog = ov(page, '[data-save-check]');
		await dialog.waitFor();
		const item = (key: string) => ov(page, `[data-save-check] li[data-item="${key}"]`);
		const doneOf = async (text: string) =>
			(await ov(page, '[data-save-check] li').evaluateAll((els, t) => els.find((e) => e.textContent!.includes(t))?.getAttribute('data-done'), text)) ?? 'absent';
		expect(await dialog.innerText()).toMatch(/Cliente/);
		expect(await doneOf('Cliente')).toBe('false');
		// Compact: only what is missing is named (Contato is filled, so it is not listed).
		expect(await doneOf('Contato')).toBe('absent');
		expect(await ov(page, '[data-save-check] li').count()).toBe(4);
		expect(await doneOf('E-mail atualizado')).toBe('false');
		expect(await doneOf('Dois telefones')).toBe('false');
		// Held before Qualitor's own handler: no save request, no validation message from the page.
		await page.waitForTimeout(300);
		expect(saves()).toBe(before);
		expect(await page.locator('#divAlerta').count()).toBe(0);
		// The dialog is in view.
		const box = (await dialog.boundingBox())!;
		expect(box.y).toBeGreaterThanOrEqual(0);
		expect(box.y + Math.min(box.height, 200)).toBeLessThanOrEqual(768);

		await page.screenshot({ path: screenshotPath('overlay-save-check.png') });
		// Esc goes back to the first missing field.
		await ov(page, '[data-action="save-back"]').press('Escape');
		await expect.poll(() => activeId(page)).toBe('cdcliente');
		// Filling Qualitor's fields ticks the items live, while the check stays beside the form.
		await page.keyboard.type('1042');
		await page.keyboard.press('Tab');
		await expect.poll(() => doneOf('Cliente')).toBe('true');
		await additional(page, 'Telefone').fill('');
		await additional(page, 'Telefone').pressSequentially('(51) 99999-1111 / (51) 3333-2222');
		await expect.poll(() => doneOf('Dois telefones')).toBe('true');
		expect(await doneOf('E-mail atualizado')).toBe('false');
		// "Voltar e completar" focuses the next missing field.
		await ov(page, '[data-action="save-back"]').click();
		await expect.poll(async () => (await page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('tr')?.textContent ?? ''))).toMatch(/E-mail/);
		expect(saves()).toBe(before);

		// "Salvar assim mesmo" runs Qualitor's own save, once.
		await ov(page, '[data-action="save-anyway"]').click();
		await expect.poll(() => page.locator('#label_cdchamado').innerText()).toMatch(/^\d+$/);
		await page.waitForTimeout(500);
		expect(saves()).toBe(before + 1);
		expect(await dialog.count()).toBe(0);
		expect(problems.filter((p) => p.kind !== 'console')).toEqual([]);
		await page.close();
	});

	test('no dialog when everything is complete: Processar saves at once (positive control: an emptied Descrição holds it)', async () => {
		const { page } = await openForm('?prefill=1');
		await ov(page, 'input[type="search"]').fill('sem matrícula CEI');
		await ov(page, '[data-sop-id="certificado-sem-cei"]').first().click();
		await ov(page, 'input[name="telefone1"]').fill('(11) 98888-7777');
		await ov(page, 'input[name="telefone2"]').fill('(11) 3222-1111');
		await ov(page, 'input[name="email"]').fill('joao@exemplo.com');
		await applyOpenSop(page);
		// What only the agent can confirm is ticked in the panel.
		await ov(page, 'li[data-item-key="ask:2"] input').click();
		const before = saves();
		await page.fill('#dschamado', '');
		await page.locator('#dschamado').press('Tab');
		await page.click('#btnProcessar');
		await ov(page, '[data-save-check]').waitFor();
		const pending = await ov(page, '[data-save-check] li[data-done="false"]').allInnerTexts();
		expect(pending).toHaveLength(1);
		expect(pending[0]).toMatch(/^\W*Descrição/);
		expect(saves()).toBe(before);
		await ov(page, '[data-action="save-close"]').click();
		await page.locator('#dschamado').pressSequentially('Certificado sem CEI.');
		await page.waitForTimeout(400);
		await page.click('#btnProcessar');
		await expect.poll(() => page.locator('#label_cdchamado').innerText()).toMatch(/^\d+$/);
		expect(saves()).toBe(before + 1);
		expect(await ov(page, '[data-save-check]').count()).toBe(0);
		await page.close();
	});
});

describe('replace, don\'t stack', () => {
	test('a second SOP first reverts the first; the agent\'s title stays (the SOP\'s is offered); one Desfazer gives the form back', async () => {
		const { page, problems } = await openForm();
		await page.locator('#nmtitulochamado').pressSequentially('token nao funciona');
		await typeTicket(page, 'cliente diz que o token nao funciona, certificado sem cei');
		const before = await page.evaluate(snapshotForm);
		await openSop(page, 'certificado-sem-cei');
		await applyOpenSop(page);
		expect(await selectedText(page, 'cdcategoria3')).toBe('Certificado sem CEI');
		expect(await page.inputValue('#nmtitulochamado')).toBe('token nao funciona');
		expect(await ov(page, '[data-report="title-offer"]').innerText()).toMatch(/Certificado digital sem matrícula CEI/);

		await ov(page, '.back').click();
		await ov(page, 'input[type="search"]').fill('token em branco');
		await ov(page, '[data-sop-id="token-em-branco"]').first().click();
		const report = await applyOpenSop(page);
		expect(report).toMatch(/O SOP anterior \(Certificado digital sem matrícula CEI\) foi desfeito/);
		expect(await selectedText(page, 'cdcategoria3')).toBe('Em branco');
		expect(await page.inputValue('#nmtitulochamado')).toBe('token nao funciona');
		const descricao = await page.inputValue('#dschamado');
		expect(descricao).toBe(`${before.dschamado}\n\nInforma que não consegue utilizar o Certificado Digital.`);
		expect(descricao).not.toMatch(/CEI vinculado|matrícula CEI e necessita/);
		expect(await additional(page, 'Descrição para subchamado').inputValue()).toBe('');

		// Offered, not appended: taking it replaces the title, and Desfazer brings the agent's back.
		await ov(page, '[data-action="use-title"]').click();
		expect(await page.inputValue('#nmtitulochamado')).toBe('Certificado digital em branco no token');

		await ov(page, '[data-action="undo"]').click();
		await ov(page, '[data-report="undone"]').waitFor({ timeout: 30_000 });
		await page.waitForFunction(() => !document.getElementById('divLoading'), null, { timeout: 10_000 });
		expect(await page.evaluate(snapshotForm)).toEqual(before);
		expect(await ov(page, '[data-action="undo"]').isEnabled()).toBe(false);
		expect(problems).toEqual([]);
		await page.close();
	});
});

describe('data goes where the form has a field for it', () => {
	test('phones, e-mail and the solution go into their additional fields; typed values survive going back to the list', async () => {
		const { page } = await openForm();
		await typeTicket(page, 'certificado sem cei');
		await openSop(page, 'certificado-sem-cei');
		await ov(page, 'input[name="telefone1"]').fill('(11) 98888-7777');
		await ov(page, 'input[name="telefone2"]').fill('(11) 3222-1111');
		await ov(page, 'input[name="email"]').fill('joao@exemplo.com');
		await ov(page, '.back').click();
		await openSop(page, 'certificado-sem-cei');
		expect(await ov(page, 'input[name="telefone1"]').inputValue()).toBe('(11) 98888-7777');
		expect(await ov(page, 'input[name="email"]').inputValue()).toBe('joao@exemplo.com');
		await applyOpenSop(page);
		expect(await additional(page, 'Telefone').inputValue()).toBe('(11) 98888-7777 / (11) 3222-1111');
		expect(await additional(page, 'E-mail').inputValue()).toBe('joao@exemplo.com');
		expect(await additional(page, 'Solução').inputValue()).toMatch(/^Demanda encaminhada ao Relacionamento/);
		expect(await page.inputValue('#dschamado')).not.toMatch(/Telefones para contato|joao@/);
		await page.close();
	});

	test('the decoder\'s "Certificado sem CEI" carries CPF/CNPJ and name into their fields, undoably', async () => {
		const { page } = await openForm();
		for (const other of ext.context.pages()) if (other !== page) await other.close();
		const answers = await ext.serviceWorker.evaluate(async () => {
			const tabs = await chrome.tabs.query({});
			const message = { type: 'open-sop', id: 'certificado-sem-cei', cpfCnpj: '12345678909', name: 'ANA DE SOUZA' };
			return Promise.all(tabs.map((tab) => chrome.tabs.sendMessage(tab.id!, message).catch(() => null)));
		});
		expect(answers.filter(Boolean)).toEqual([{ ok: true }]);
		await expect.poll(() => ov(page, 'input[name="cpf_cnpj"]').inputValue()).toBe('123.456.789-09');
		// Opened from the popup, the focus is on the SOP's first input.
		await expect.poll(() => ov(page, ':focus').evaluateAll((els) => els[0]?.getAttribute('name') ?? null)).toBe('nome');
		await applyOpenSop(page);
		expect(await additional(page, 'CPF/CNPJ').inputValue()).toBe('123.456.789-09');
		expect(await additional(page, 'Nome').inputValue()).toBe('ANA DE SOUZA');
		await ov(page, '[data-action="undo"]').click();
		await ov(page, '[data-report="undone"]').waitFor({ timeout: 30_000 });
		await page.waitForFunction(() => !document.getElementById('divLoading'), null, { timeout: 10_000 });
		expect(await page.locator('[id^=vlinformacaoadicional]').count()).toBe(0);
		await page.close();
	});
});

describe('replies ready to send, and whose clock', () => {
	test('the SEI reply: a generic registry contact is not a name (ask); the name and text are editable; "Copiar resposta" copies plain text', async () => {
		const { page } = await openForm();
		await page.fill('#cdcontato', '88');
		await page.locator('#cdcontato').press('Tab');
		await typeTicket(page, 'usuario pede suporte ao SEI');
		await openSop(page, 'suporte-sei');
		expect(await ov(page, '[data-report="ask-name"]').innerText()).toMatch(/Pergunte o nome/);
		expect(await ov(page, 'textarea[name="resposta"]').inputValue()).not.toMatch(/REGISTRO/);
		await ov(page, 'input[name="contato"]').fill('Maria');
		expect(await ov(page, '[data-report="ask-name"]').count()).toBe(0);
		// The greeting is chosen like a person would: the last one of the list.
		await ov(page, 'select[name="saudacao"]').focus();
		await page.keyboard.press('End');
		await expect.poll(() => ov(page, 'select[name="saudacao"]').inputValue()).toBe('Boa noite');
		const reply = await ov(page, 'textarea[name="resposta"]').inputValue();
		expect(reply).toMatch(/^Prezado\(a\) Maria,\n\nBoa noite\.\n\nAgradecemos o contato/);
		await ov(page, '[data-action="copy-reply"]').click();
		await expect.poll(() => ov(page, '[data-action="copy-reply"]').innerText()).toMatch(/Copiado/);
		// What was copied is the reply as plain text: paste it into the page.
		await page.locator('#dssintoma').fill('');
		await page.evaluate(() => {
			const area = document.createElement('textarea');
			area.id = 'colar';
			document.body.append(area);
		});
		await page.locator('#colar').focus();
		await page.keyboard.press('Control+V');
		expect(await page.inputValue('#colar')).toBe(reply);
		await applyOpenSop(page);
		expect(await page.inputValue('#dsacaocorretiva')).toBe(reply);
		await page.close();
	});

	test('the cartório\'s 15 min is shown as theirs, not counted down as ours; a SOP with nothing to apply says what to do instead', async () => {
		const { page } = await openForm();
		await typeTicket(page, 'certificado notarizado e-notariado cartorio');
		await openSop(page, 'certificado-notarizado');
		expect(await ov(page, '[data-sla="theirs"]').innerText()).toMatch(/15 min[\s\S]*cartório/);
		expect(await ov(page, '[role="timer"]').count()).toBe(0);
		expect(await ov(page, '[data-action="apply"]').count()).toBe(0);
		expect(await ov(page, '[data-report="nothing-to-apply"]').innerText()).toMatch(/não preenche o chamado/);
		// Positive control: our own 24 h is counted down.
		await ov(page, '.back').click();
		// A ticket of its own, not one mixed with the cartório's words (the suggestion must be unambiguous).
		await page.locator('#dschamado').fill('');
		await typeTicket(page, 'cliente com token em branco no safesign');
		await openSop(page, 'token-em-branco');
		expect(await ov(page, '[data-sla="ours"] [role="timer"]').count()).toBe(1);
		await page.close();
	});
});

test('keyboard: the shortcut is shown; Enter on a suggestion opens it on its first input; Enter in an input never applies; names separate matched words', async () => {
	const { page } = await openForm();
	expect(await ov(page, 'header').innerText()).toMatch(/Alt\+Shift\+S/);
	await typeTicket(page, 'certificado sem cei no token em branco');
	await expect.poll(() => ov(page, '[data-sop-id]').count()).toBeGreaterThanOrEqual(2);
	const label = await ov(page, '[data-sop-id="certificado-sem-cei"]').getAttribute('aria-label');
	// The matched words are said one by one (comma-separated), never run together.
	expect(label).toMatch(/^Certificado digital sem matrícula CEI\b/);
	expect(label).toMatch(/Palavras encontradas: [^,.]+(, [^,.]+)+/);
	// One tab stop in the list.
	expect(await ov(page, '[role="option"][tabindex="0"]').count()).toBe(1);
	await page.keyboard.press('Alt+Shift+KeyS');
	await expect.poll(() => ov(page, ':focus').evaluateAll((els) => els[0]?.getAttribute('data-sop-id') ?? null)).toBeTruthy();
	await page.keyboard.press('Enter');
	const focusedName = () => ov(page, ':focus').evaluateAll((els) => els[0]?.getAttribute('name') ?? null);
	const first = await ov(page, '.variables input').first().getAttribute('name');
	await expect.poll(focusedName).toBe(first);
	await page.keyboard.type('(11) 98888-7777');
	await page.keyboard.press('Enter');
	const second = await ov(page, '.variables input').nth(1).getAttribute('name');
	await expect.poll(focusedName).toBe(second);
	await page.waitForTimeout(300);
	expect(await ov(page, '.report').innerText()).toBe('');
	expect(await page.locator('#cdcategoria1').isDisabled()).toBe(true);
	await page.close();
});
