// Additional fields as Qualitor re-builds them, in real Chromium: the agent's text survives a Tipo /
// Categoria change the agent makes by hand (trusted keyboard input), a Tipo-linked field's re-rendered
// admin default included; a SOP field that arrives after the apply report is filled then, and the report
// says so.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { PATHS, type QualitorServer } from '../fixtures/server.ts';
import { openTicketForm, useQualitorSession } from './session.ts';
import type { LaunchedExtension } from './harness.ts';
import { overlay } from './overlay-driver.ts';
import { fillClient, postedName, processar } from './posted.ts';

let server: QualitorServer;
let ext: LaunchedExtension;

useQualitorSession((s, e) => ([server, ext] = [s, e]));

const open = (query: string) => openTicketForm(ext, server, { path: PATHS.ticketForm + query, viewport: { width: 1366, height: 768 } });

const noLoad = (page: Page) => page.waitForFunction(() => !document.getElementById('divLoading'), null, { timeout: 15_000 });

/** The page's own control for an additional field, by its label (ids differ per installation). */
const additional = (page: Page, label: string) =>
	page.locator('#tdCamposAdicionais').locator('td.LABEL, label', { hasText: new RegExp(`^\\s*${label}\\s*\\*?\\s*:?\\s*$`) }).first().locator('xpath=following::*[self::input or self::textarea or self::select][1]');

/** Sets up the classification through the page (untrusted events: the keeper ignores these). */
async function classify(page: Page, path: Array<[string, string]>): Promise<void> {
	for (const [id, label] of path) {
		await page.waitForSelector(`#${id} option:text-is("${label}")`, { state: 'attached', timeout: 15_000 });
		await page.selectOption(`#${id}`, { label });
		await noLoad(page);
	}
}

test('text typed in additional fields is back after the agent changes Categoria 3 and then Tipo by keyboard; an untouched default stays', async () => {
	const { page, problems } = await open('?delay=150');
	await classify(page, [['cdtipochamado', 'Suporte Técnico'], ['cdcategoria1', 'SUP - Certificado Digital'], ['cdcategoria2', 'Cartão'], ['cdcategoria3', 'Em branco']]);
	await additional(page, 'Telefone').waitFor({ timeout: 15_000 });
	expect(await additional(page, 'Canal de atendimento').inputValue()).toBe('Não informado');
	await additional(page, 'Telefone').fill('(11) 98888-7777');
	await additional(page, 'Descrição para subchamado').fill('cliente ligou duas vezes');
	const oldTelefone = await additional(page, 'Telefone').elementHandle();

	// A person's change: keyboard on the focused select (trusted), so Qualitor's inline onchange re-builds the fields.
	await page.focus('#cdcategoria3');
	await page.keyboard.press('ArrowDown');
	await expect.poll(() => page.$eval('#cdcategoria3', (s) => (s as HTMLSelectElement).selectedOptions[0]?.text ?? '')).not.toBe('Em branco');
	await noLoad(page);
	await expect.poll(() => oldTelefone!.evaluate((e) => e.isConnected), { timeout: 15_000 }).toBe(false); // Qualitor did re-render
	await expect.poll(() => additional(page, 'Telefone').inputValue(), { timeout: 15_000 }).toBe('(11) 98888-7777');
	expect(await additional(page, 'Descrição para subchamado').inputValue()).toBe('cliente ligou duas vezes');
	// The Tipo-linked field the agent never touched still shows its default.
	expect(await additional(page, 'Canal de atendimento').inputValue()).toBe('Não informado');

	// Now the agent writes in the Tipo-linked field and changes Tipo: its default is re-rendered, the agent's text wins.
	await additional(page, 'Canal de atendimento').fill('WhatsApp');
	const oldCanal = await additional(page, 'Canal de atendimento').elementHandle();
	await page.focus('#cdtipochamado');
	await page.keyboard.press('ArrowDown'); // Suporte Técnico → Requisição: the same Tipo field, no category fields yet
	await expect.poll(() => page.$eval('#cdtipochamado', (s) => (s as HTMLSelectElement).selectedOptions[0]?.text ?? '')).toBe('Requisição');
	await noLoad(page);
	await expect.poll(() => oldCanal!.evaluate((e) => e.isConnected), { timeout: 15_000 }).toBe(false);
	await expect.poll(() => additional(page, 'Canal de atendimento').inputValue(), { timeout: 15_000 }).toBe('WhatsApp');
	// The re-rendered field's own default is Qualitor's, untouched (control that it did come back with it).
	expect(await additional(page, 'Canal de atendimento').evaluate((e) => (e as HTMLInputElement).defaultValue)).toBe('Não informado');
	// The category fields did not come back: the panel says what was in them.
	const notice = overlay(page).locator('[data-kept-lost]');
	await notice.waitFor({ timeout: 15_000 });
	const said = await notice.innerText();
	expect(said).toContain('(11) 98888-7777');
	expect(said).toContain('cliente ligou duas vezes');
	expect(problems).toEqual([]);
	await page.close();
});

test('the same change made by a script (untrusted) is left to Qualitor: the text is gone, as without the extension (control of the trust check)', async () => {
	const { page, problems } = await open('?delay=150');
	await classify(page, [['cdtipochamado', 'Suporte Técnico'], ['cdcategoria1', 'SUP - Certificado Digital'], ['cdcategoria2', 'Cartão'], ['cdcategoria3', 'Em branco']]);
	await additional(page, 'Telefone').fill('(11) 98888-7777');
	const oldTelefone = await additional(page, 'Telefone').elementHandle();
	await page.selectOption('#cdcategoria3', { label: 'Bloqueado (PIN/PUK)' }); // dispatched by script: isTrusted false
	await noLoad(page);
	await expect.poll(() => oldTelefone!.evaluate((e) => e.isConnected), { timeout: 15_000 }).toBe(false);
	await additional(page, 'Telefone').waitFor({ timeout: 15_000 });
	await noLoad(page);
	expect(await additional(page, 'Telefone').inputValue()).toBe('');
	expect(problems).toEqual([]);
	await page.close();
});

test('a SOP field that arrives after the apply report is filled then: the report moves it to done; Desfazer puts the form back', async () => {
	// The category's fields arrive 3 s after the last level, with nothing on the page saying they are coming.
	const { page, problems } = await open('?delay=100&atrasoadicionais=3000');
	await page.locator('#dschamado').pressSequentially('cliente com token em branco no safesign', { delay: 2 });
	const o = overlay(page);
	await o.locator('[data-sop-id="token-em-branco"]').first().click();
	await o.locator('#sop-title').waitFor();
	const apply = o.locator('[data-action="apply"]');
	await apply.click();
	await o.locator('[data-report="not-done"]').waitFor({ timeout: 30_000 });
	const first = await o.locator('.report').innerText();
	expect(first).toMatch(/Encaminhar/);
	expect(await o.locator('[data-report="done"]').innerText()).not.toMatch(/Encaminhar/);
	// The fields arrive; the extension fills the SOP's and the report follows.
	await expect.poll(() => o.locator('[data-report="done"]').innerText(), { timeout: 20_000 }).toMatch(/Encaminhar: Relacionamento/);
	expect(await additional(page, 'Encaminhar').evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.text)).toBe('Relacionamento');
	const notDone = o.locator('[data-report="not-done"]');
	if (await notDone.count()) expect(await notDone.innerText()).not.toMatch(/Encaminhar|Carregamento/);
	await expect.poll(() => apply.getAttribute('aria-disabled'), { timeout: 30_000 }).toBe('false');
	// What Qualitor receives when the agent saves: the value written into the field that came late.
	await fillClient(page);
	const { fields } = await processar(page, o, server);
	expect(fields[await postedName(additional(page, 'Encaminhar'))]).toBe('Relacionamento');
	expect(fields.dschamado).toBe('cliente com token em branco no safesign\n\nInforma que não consegue utilizar o Certificado Digital.');
	await o.locator('[data-action="undo"]').click();
	await o.locator('[data-report="undone"]').waitFor({ timeout: 30_000 });
	await noLoad(page);
	expect(await page.locator('#cdtipochamado').evaluate((s) => (s as HTMLSelectElement).value)).toBe('');
	expect(problems).toEqual([]);
	await page.close();
}, 90_000);
