// The evidence of docs/qualitor.md in real Chromium: hidden decoys never receive a value (with the real
// fields as positive control), the page's key handler sees the SOP's text, a form of invisible inputs
// mounts nothing, and the form is found wherever installations serve it.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { INVISIBLE_FORM, PATHS, TICKET_FORM_ALIASES, type QualitorServer } from '../fixtures/server.ts';
import { openTicketForm, useQualitorSession } from './session.ts';
import type { LaunchedExtension } from './harness.ts';

let server: QualitorServer;
let ext: LaunchedExtension;

useQualitorSession((s, e) => ([server, ext] = [s, e]));

const open = (path: string, mount = true) => openTicketForm(ext, server, { path, viewport: { width: 1280, height: 900 }, mount, timeout: 20_000 });

const additional = (page: Page, label: string) =>
	page.locator('#tdCamposAdicionais').locator('td.LABEL, label', { hasText: new RegExp(`^\\s*${label}\\s*\\*?\\s*:?\\s*$`) }).first().locator('xpath=following::*[self::input or self::textarea or self::select][1]');

test('decoys labelled Telefone/E-mail (off-screen, transparent, display:none) get nothing; the real fields get the values; maximumLength() sees the text', async () => {
	const { page, problems, overlay: o } = await open(`${PATHS.ticketForm}?decoys=1&delay=200`);
	await page.locator('#dschamado').pressSequentially('certificado sem matrícula CEI', { delay: 5 });
	await o.locator('[data-sop-id="certificado-sem-cei"]').first().click();
	for (const [name, value] of Object.entries({ telefone1: '(11) 98888-7777', telefone2: '(11) 3222-1111', email: 'joao@exemplo.com' })) {
		await o.locator(`input[name="${name}"]`).fill(value);
	}
	const apply = o.locator('[data-action="apply"]');
	await apply.click();
	await o.locator('.report li').first().waitFor({ timeout: 30_000 });
	await expect.poll(() => apply.isEnabled(), { timeout: 30_000 }).toBe(true);
	// Positive control: the real fields received the values...
	expect(await additional(page, 'Telefone').inputValue()).toBe('(11) 98888-7777 / (11) 3222-1111');
	expect(await additional(page, 'E-mail').inputValue()).toBe('joao@exemplo.com');
	// ...and the decoys nothing.
	for (const id of ['decoyTelefone', 'decoyEmail', 'decoyTelefone2', 'decoySub']) expect(await page.inputValue(`#${id}`), id).toBe('');
	// The page's own onkeyup="maximumLength()" ran on the SOP's text: its counter shows what is left.
	const length = (await page.inputValue('#dschamado')).length;
	expect(await page.textContent('#qtdcaracteresdschamado')).toBe(String(4000 - length));
	expect(problems).toEqual([]);
	await page.close();
});

test('the form wherever it is served: hosted path without /qualitor/, a version folder, cadastro_incidente.php; a form of invisible inputs mounts nothing', async () => {
	const invisible = await open(INVISIBLE_FORM, false);
	await invisible.page.waitForLoadState('load');
	for (const path of TICKET_FORM_ALIASES) {
		const { page, problems } = await open(path);
		expect(await page.$('#dschamado')).not.toBeNull();
		expect(problems, path).toEqual([]);
		await page.close();
	}
	// The real forms above, opened after it, have their overlay (positive control); the invisible one has none.
	expect(await invisible.page.$('[data-sop-assist]')).toBeNull();
	expect(invisible.problems).toEqual([]);
	await invisible.page.close();
});
