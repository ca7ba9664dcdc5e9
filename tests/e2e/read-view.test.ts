// An existing ticket as Qualitor opens it, in real Chromium on the production build: a read view first
// (the overlay suggests from the ticket, offers no Aplicar, writes nothing, says to open "Alterar dados"), then the editor
// "Alterar dados" loads asynchronously (the overlay re-binds to it, applies into the …change fields, undoes),
// and the check before saving names the required reason of the change.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { PATHS, type QualitorServer } from '../fixtures/server.ts';
import { TICKETS } from '../fixtures/qualitor/tickets.ts';
import { OTHER_TICKET } from '../fixtures/qualitor/ticket-form.ts';
import { applyOpenSop, openTicketForm, useQualitorSession } from './session.ts';
import type { LaunchedExtension } from './harness.ts';
import { snapshotForm } from './form-snapshot.ts';
import { overlay } from './overlay-driver.ts';

let server: QualitorServer;
let ext: LaunchedExtension;

useQualitorSession((s, e) => ([server, ext] = [s, e]));

/** Every overlay interaction goes through the driver of the closed shadow root (trusted input, like a person). */
const ov = (page: Page, selector: string) => overlay(page).locator(selector);

const TICKET = TICKETS[73553]!;
const selectedText = (page: Page, id: string) => page.$eval(`#${id}`, (s: HTMLSelectElement) => s.options[s.selectedIndex]?.text ?? '');
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const saves = () => server.requests.filter((r) => r.method === 'POST' && r.path.startsWith(PATHS.ajaxProcessar)).length;
/** What the page's own fields hold, read view and editor alike (ids and values of every control). */
const pageFields = (page: Page) => page.evaluate(snapshotForm);

async function openSop(page: Page, id: string): Promise<void> {
	await ov(page, 'input[type="search"]').fill(id.replace(/-/g, ' '));
	await ov(page, `[data-sop-id="${id}"]`).first().click();
	await ov(page, '#sop-title').waitFor();
}

test('read view: suggests, writes nothing, says to open "Alterar dados"; the editor it loads is applied into, undone, and its reason is checked before saving', async () => {
	const { page, problems } = await openTicketForm(ext, server, { path: `${PATHS.ticketForm}?cdchamado=${TICKET.cdchamado}&delay=300`, viewport: { width: 1366, height: 768 } });

	// The read view: the ticket's text is shown, no editable classification exists yet.
	expect(await page.inputValue('#dschamado')).toBe(TICKET.descricao);
	expect(await page.locator('#label_dtchamado').innerText()).toMatch(/^\d\d\/\d\d\/\d{4} - \d\d:\d\d$/);
	expect(await page.locator('#cdtipochamadochange').count()).toBe(0);
	await ov(page, '[data-health="read-only"]').waitFor({ timeout: 10_000 });
	// Suggested from the ticket's own text (the SafeSign card that does not show up), nothing typed.
	await ov(page, '[data-sop-id]').first().waitFor({ timeout: 15_000 });
	expect(await ov(page, '[data-sop-id]').first().getAttribute('data-sop-id')).toBe('token-em-branco');

	// The SOP opens on the read view, but there is no Aplicar: the panel says to open "Alterar dados", and the
	// page's fields stay exactly as they were.
	const readBefore = await pageFields(page);
	await openSop(page, 'certificado-sem-cei');
	const note = ov(page, '[data-report="read-only"]');
	await note.waitFor({ timeout: 10_000 });
	expect(await note.innerText()).toMatch(/Alterar dados/);
	expect(await ov(page, '[data-action="apply"]').count()).toBe(0);
	expect(await pageFields(page)).toEqual(readBefore);
	expect(server.requests.some((r) => r.path.startsWith(PATHS.ajaxCategorias))).toBe(false);

	// "Alterar dados" from the actions menu loads the editor under #divLoading; the overlay re-binds to it.
	await page.click('#btnAcoes');
	await page.click('#optChangeData_caption');
	await page.waitForSelector('#divLoading', { state: 'attached', timeout: 10_000 });
	await page.waitForSelector('#btnProcessChange', { timeout: 15_000 });
	await ov(page, '[data-health="read-only"]').waitFor({ state: 'detached', timeout: 15_000 });
	await overlay(page).waitForMount({ timeout: 15_000 });
	const editorBefore = await pageFields(page);
	const descricaoBefore = await page.inputValue('#dschamadochange');
	const tituloBefore = await page.inputValue('#nmtitulochamadochange');
	expect(descricaoBefore).toBe(TICKET.descricao);
	expect(await selectedText(page, 'cdcategoriachange3')).toBe('Em branco');

	// Positive control of the refusal above: the same SOP now writes into the …change fields and categories.
	await openSop(page, 'certificado-sem-cei');
	expect(await ov(page, '[data-report="read-only"]').count()).toBe(0);
	const report = await applyOpenSop(page);
	expect(report).toMatch(/Preenchido|selecionado/);
	expect(await selectedText(page, 'cdcategoriachange3')).toBe('Certificado sem CEI');
	const descricao = await page.inputValue('#dschamadochange');
	expect(descricao.startsWith(descricaoBefore)).toBe(true);
	expect(descricao.length).toBeGreaterThan(descricaoBefore.length);
	// The read view's own copy is not an editor field: untouched.
	expect(await page.inputValue('#dschamado')).toBe(TICKET.descricao);
	expect(await page.inputValue('#nmtitulochamadochange')).toBe(tituloBefore);

	// Desfazer gives the editor back as it was loaded.
	await ov(page, '[data-action="undo"]').click();
	await ov(page, '[data-report="undone"]').waitFor({ timeout: 30_000 });
	await page.waitForFunction(() => !document.getElementById('divLoading'), null, { timeout: 10_000 });
	await expect.poll(() => selectedText(page, 'cdcategoriachange3'), { timeout: 15_000 }).toBe('Em branco');
	expect(await page.inputValue('#dschamadochange')).toBe(descricaoBefore);
	expect(await pageFields(page)).toEqual(editorBefore);

	// Saving without a reason: the check before Qualitor's save names it; "Voltar e completar" focuses it.
	expect(await page.inputValue('#cdmotivoalteracao')).toBe('');
	// This category's required "Solução" is completed first, so the reason is what is left to complete.
	await page.locator('#tdCamposAdicionais tr', { hasText: /^\s*Solução/ }).locator('input, textarea').first().fill('Orientado a reemitir.');
	const before = saves();
	await page.click('#btnProcessChange');
	const dialog = ov(page, '[data-save-check]');
	await dialog.waitFor({ timeout: 10_000 });
	expect(await dialog.innerText()).toMatch(/Motivo da alteração\s*\(obrigatório, vazio\)/);
	expect(await ov(page, '[data-save-check] li[data-done="false"]').first().innerText()).toMatch(/Motivo da alteração/);
	await ov(page, '[data-action="save-back"]').click();
	await expect.poll(() => activeId(page)).toBe('cdmotivoalteracao');
	expect(saves()).toBe(before);
	expect(problems).toEqual([]);
	await page.close();
});

test.each([
	['read-only controls (positive control: the shape the reader always read)', ''],
	['title and description as text on their ids (#nmtitulochamado, #label_dschamado)', '&texto=ids'],
	['title and description as text beside their labels only', '&texto=rotulos'],
])('read view with %s: the ticket\'s own text suggests its SOP, nothing else is read, nothing is written', async (_, texto) => {
	const requestsBefore = server.requests.length;
	const { page, problems } = await openTicketForm(ext, server, { path: `${PATHS.ticketForm}?cdchamado=${TICKET.cdchamado}${texto}`, viewport: { width: 1366, height: 768 } });
	expect(await page.locator('#dschamado').count()).toBe(texto ? 0 : 1);
	// Another ticket's text and a help menu sit above the ticket's fields, beside "Título"/"Descrição" too.
	expect(await page.locator('#frmChamado').innerText()).toContain(OTHER_TICKET.titulo);
	const shown = () => page.evaluate(() => (document.getElementById('frmChamado') as HTMLElement).innerText);
	const textBefore = await shown();
	const fieldsBefore = await pageFields(page);
	await ov(page, '[data-health="read-only"]').waitFor({ timeout: 10_000 });
	// The description decides it (the title alone suggests nothing): the SafeSign card that does not show up.
	await ov(page, '[data-sop-id]').first().waitFor({ timeout: 15_000 });
	const ids = await ov(page, '[data-sop-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-sop-id')));
	expect(ids[0]).toBe('token-em-branco');
	expect(ids).not.toContain('suporte-sei');

	// Opened on the read view: no Aplicar, the note to open "Alterar dados", and the page as it was.
	await openSop(page, 'certificado-sem-cei');
	const note = ov(page, '[data-report="read-only"]');
	await note.waitFor({ timeout: 10_000 });
	expect(await note.innerText()).toMatch(/Alterar dados/);
	expect(await ov(page, '[data-action="apply"]').count()).toBe(0);
	expect(await pageFields(page)).toEqual(fieldsBefore);
	expect(await shown()).toBe(textBefore);
	expect(server.requests.slice(requestsBefore).some((r) => r.path.startsWith(PATHS.ajaxCategorias) || r.method === 'POST')).toBe(false);
	expect(problems).toEqual([]);
	await page.close();
});
