// The local usage record in real Chromium on the production build: the overlay's actions on the Qualitor
// imitation show up as counts in the options page's "Uso dos SOPs", export as CSV, and can be cleared.
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { QualitorServer } from '../fixtures/server.ts';
import { openTicketForm, useQualitorSession } from './session.ts';
import type { LaunchedExtension } from './harness.ts';
import { overlay } from './overlay-driver.ts';

let server: QualitorServer;
let ext: LaunchedExtension;

useQualitorSession((s, e) => ([server, ext] = [s, e]));

const inOverlay = (page: Page, selector: string) => overlay(page).locator(selector);
const count = (options: Page, sop: string, kind: string) => options.locator(`[data-usage-row="${sop}"] [data-kind="${kind}"]`).innerText().catch(() => '');

test('apply then undo a SOP, dismiss a warning: the counts appear in "Uso dos SOPs"; CSV export; clear after confirming', async () => {
	const { page: form, problems } = await openTicketForm(ext, server);
	// Typed key by key: the suggestion comes back at every keystroke but counts once.
	await form.locator('#dschamado').pressSequentially('certificado sem cei', { delay: 10 });
	await inOverlay(form, '[data-sop-id="certificado-sem-cei"]').click();
	await inOverlay(form, '[data-action="apply"]').click();
	await inOverlay(form, '.report li').first().waitFor({ timeout: 30_000 });
	await expect.poll(() => inOverlay(form, '[data-action="undo"]').isEnabled(), { timeout: 30_000 }).toBe(true);
	await inOverlay(form, '[data-action="undo"]').click();
	await inOverlay(form, '[data-report="undone"]').waitFor({ timeout: 30_000 });
	await form.waitForFunction(() => !document.getElementById('divLoading'), null, { timeout: 10_000 });
	// Processar with the phones and e-mail missing: the save check, passed with "Salvar assim mesmo".
	await form.click('#btnProcessar');
	await inOverlay(form, '[data-action="save-anyway"]').click();

	const options = await ext.context.newPage();
	await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
	await options.getByRole('heading', { name: 'Uso dos SOPs' }).waitFor();
	expect(await options.locator('[data-usage-state]').getAttribute('data-usage-state')).toBe('on');
	await expect.poll(() => count(options, 'certificado-sem-cei', 'warning-dismissed')).toBe('1');
	expect(await count(options, 'certificado-sem-cei', 'suggested')).toBe('1');
	expect(await count(options, 'certificado-sem-cei', 'opened')).toBe('1');
	expect(await count(options, 'certificado-sem-cei', 'applied')).toBe('1');
	expect(await count(options, 'certificado-sem-cei', 'undone')).toBe('1');
	expect(await options.locator('table.usage th[scope="col"]').allInnerTexts()).toEqual(['SOP', 'Sugerido', 'Aberto', 'Aplicado', 'Desfeito', 'Avisos dispensados', 'Não é este']);
	expect(await options.locator('[data-bar="certificado-sem-cei"]').innerText()).toMatch(/Certificado digital sem matrícula CEI\s*1$/);

	const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Exportar CSV' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^uso-dos-sops-\d{4}-\d{2}-\d{2}\.csv$/);
	const csv = await readFile((await download.path())!, 'utf8');
	// For a pt-BR Excel: UTF-8 with a byte order mark, ";" between cells, event names in Portuguese.
	const lines = csv.split('\r\n');
	expect(lines[0]).toBe('\uFEFFdata (UTC);sop;evento;detalhe');
	const rows = lines.slice(1, -1).map((l) => l.split(';').slice(1, 3).join(';'));
	expect(rows.filter((r) => r.startsWith('certificado-sem-cei;'))).toEqual([
		'certificado-sem-cei;sugerido',
		'certificado-sem-cei;aberto',
		'certificado-sem-cei;aplicado',
		'certificado-sem-cei;desfeito',
		'certificado-sem-cei;avisos dispensados',
	]);
	expect(csv).toMatch(/^\d{4}-\d{2}-\d{2} [\d:]+;certificado-sem-cei;avisos dispensados;.*Dois telefones para contato.*\|/m);

	await options.getByRole('button', { name: 'Limpar registro' }).click();
	await options.getByRole('button', { name: 'Cancelar' }).click();
	expect(await options.locator('[data-usage-row]').count()).toBeGreaterThan(0);
	await options.getByRole('button', { name: 'Limpar registro' }).click();
	await options.getByRole('button', { name: 'Sim, apagar' }).click();
	await options.locator('[data-usage-empty]').waitFor();
	expect(await options.locator('[data-status="usage"]').innerText()).toBe('Registro de uso apagado.');
	// Really gone from storage, not only from the page.
	await options.reload();
	await options.locator('[data-usage-empty]').waitFor();

	// Turned off by the agent: the overlay's actions record nothing.
	await options.getByLabel('Registrar o uso dos SOPs neste navegador').uncheck();
	await form.bringToFront();
	await inOverlay(form, '[data-action="apply"]').click();
	await inOverlay(form, '.report li').first().waitFor({ timeout: 30_000 });
	// Positive control: turned on again, the next action (undo) is recorded. Its event arriving means the apply's
	// were handled before it (one writer, in order), so "the only event" proves the apply recorded nothing.
	await options.bringToFront();
	await options.getByLabel('Registrar o uso dos SOPs neste navegador').check();
	await expect.poll(() => options.locator('[data-status="usage"]').innerText()).toBe('Registro de uso ativado.');
	await form.bringToFront();
	await expect.poll(() => inOverlay(form, '[data-action="undo"]').isEnabled(), { timeout: 30_000 }).toBe(true);
	await inOverlay(form, '[data-action="undo"]').click();
	await expect.poll(() => count(options, 'certificado-sem-cei', 'undone'), { timeout: 30_000 }).toBe('1');
	const log = (await ext.serviceWorker.evaluate(() =>
		(globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('usageLog').then((r) => r.usageLog),
	)) as Array<{ sop: string; kind: string }>;
	expect(log.map((e) => [e.sop, e.kind])).toEqual([['certificado-sem-cei', 'undone']]);
	expect(problems.filter((p) => p.kind === 'pageerror')).toEqual([]);
	await options.close();
	await form.close();
});
