// "Diagnóstico do formulário" in the options page, in real Chromium on the production build: it lists the open
// Qualitor tabs and every frame our content script runs in (the iframe shell: a page without a form around the
// form's frame; a page without any form), each with what its health badge says, and copies the skeleton of
// the chosen frame: the form's field ids, never what the agent typed.
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { PATHS, type QualitorServer } from '../fixtures/server.ts';
import { recordPageProblems, screenshotPath, type LaunchedExtension } from './harness.ts';
import { overlay } from './overlay-driver.ts';
import { openWatchedPage, useQualitorSession } from './session.ts';

let server: QualitorServer;
let ext: LaunchedExtension;
useQualitorSession((s, e) => ((server = s), (ext = e)), { viewport: { width: 1366, height: 768 } });

const TYPED = 'Cliente Beltrano Sigiloso 98765-4321';

async function openOptions(hash = ''): Promise<Page> {
	const page = await ext.context.newPage();
	await page.goto(`chrome-extension://${ext.extensionId}/src/options/index.html${hash}`);
	await page.getByRole('heading', { name: 'Diagnóstico do formulário' }).waitFor();
	return page;
}

const tabRows = (options: Page) => options.locator('[data-diag-tab]');
const frameRow = (options: Page, path: string): Locator => options.locator(`[data-diag-frame][data-path="${path}"]`);

describe('options page: Diagnóstico do formulário', () => {
	test('no Qualitor tab open: said plainly', async () => {
		const options = await openOptions();
		await options.getByRole('button', { name: 'Procurar abas do Qualitor' }).click();
		await expect.poll(() => options.locator('[data-status="diagnostic"]').textContent(), { timeout: 15_000 }).toMatch(/^Nenhuma aba do Qualitor aberta/);
		expect(await tabRows(options).count()).toBe(0);
		await options.close();
	});

	test('lists each tab and frame with what the badge says, and copies the chosen frame\'s skeleton: field ids, no typed value', async () => {
		const shell = await ext.context.newPage();
		const problems = recordPageProblems(shell);
		await shell.goto(server.url(PATHS.iframe));
		const form = shell.frameLocator('#framePrincipal');
		await form.locator('#nmtitulochamado').fill(TYPED);
		const formFrame = shell.frame({ name: 'framePrincipal' })!;
		await overlay(formFrame).locator('.panel').first().waitFor({ state: 'attached', timeout: 15_000 });
		const { page: list } = await openWatchedPage(ext, server, PATHS.dashboard);

		const options = await openOptions('#diagnostico'); // opened at the section: it scans at once
		await expect.poll(() => options.locator('[data-status="diagnostic"]').textContent(), { timeout: 15_000 }).toBe('Abas do Qualitor encontradas: 2.');
		expect(await tabRows(options).count()).toBe(2);
		// The shell: its top page holds no form (but a frame), the frame holds the new-ticket form.
		const shellTop = frameRow(options, PATHS.iframe);
		await shellTop.waitFor();
		expect(await shellTop.getAttribute('data-state')).toBe('no-form');
		expect(await shellTop.textContent()).toMatch(/Página principal.*formulário não encontrado.*1 quadro\(s\)/);
		const formRow = frameRow(options, PATHS.ticketForm);
		await formRow.waitFor();
		expect(['ok', 'loading']).toContain(await formRow.getAttribute('data-state'));
		expect(await formRow.textContent()).toMatch(/Quadro.*(campos \d+\/\d+|ainda carregando) · novo chamado/);
		// The overlay's own badge in that frame says the same.
		const badge = await overlay(formFrame).locator('[data-health]').first().getAttribute('data-health');
		expect(badge).toBe(await formRow.getAttribute('data-state'));
		expect(await frameRow(options, '/qualitor/html/index.php').getAttribute('data-state')).toBe('no-form');
		await options.screenshot({ path: screenshotPath('options-diagnostic.png'), fullPage: false });

		// Copy with the keyboard, as an administrator without a mouse would.
		const copy = formRow.getByRole('button', { name: 'Copiar diagnóstico do formulário' });
		await copy.focus();
		await options.keyboard.press('Enter');
		await expect.poll(() => options.locator('[data-status="diagnostic"]').textContent()).toMatch(/^Diagnóstico de .*cadastro_chamado\.php copiado\.$/);
		// Read the system clipboard from a page that may: the extension's origin cannot be granted clipboard-read,
		// and a Qualitor page on http is not a secure context; the loopback address is.
		const reader = await ext.context.newPage();
		await reader.goto(server.loopbackUrl(PATHS.login));
		await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.loopbackUrl()).origin });
		const readClipboard = async () => (await reader.bringToFront(), reader.evaluate(() => navigator.clipboard.readText()));
		const copied = await readClipboard();
		const skeleton = JSON.parse(copied) as { format: string; path: string; mode: string; controls: { id: string }[] };
		// Positive control: the typed text is in the page...
		expect(await form.locator('#nmtitulochamado').inputValue()).toBe(TYPED);
		// ...and not in the copy, nor any part of it; the field is, by its id.
		for (const part of [TYPED, 'Beltrano', '98765-4321']) expect(copied).not.toContain(part);
		expect(skeleton).toMatchObject({ format: 'qualitor-form-skeleton', path: PATHS.ticketForm, mode: 'new' });
		expect(skeleton.controls.map((c) => c.id)).toEqual(expect.arrayContaining(['nmtitulochamado', 'dschamado', 'cdtipochamado']));

		// The shell's top page: no form, and the skeleton says what is there instead (its frame).
		await options.bringToFront();
		await shellTop.getByRole('button', { name: 'Copiar diagnóstico do formulário' }).click();
		await expect.poll(() => options.locator('[data-status="diagnostic"]').textContent()).toMatch(/iframe\.php copiado\.$/);
		const top = JSON.parse(await readClipboard()) as { mode: unknown; frames: { name: string; path: string }[] };
		expect(top.mode).toBeNull();
		expect(top.frames).toEqual([expect.objectContaining({ name: 'framePrincipal', path: PATHS.ticketForm })]);

		// "Baixar .json" saves the same skeleton as a file named for `npm run fixture -- add`.
		await options.bringToFront();
		const [download] = await Promise.all([options.waitForEvent('download'), formRow.getByRole('button', { name: 'Baixar .json' }).click()]);
		expect(download.suggestedFilename()).toMatch(/^diagnostico-[A-Za-z0-9._-]+\.json$/);
		const saved = await download.path().then((p) => import('node:fs/promises').then((fs) => fs.readFile(p, 'utf8')));
		expect(JSON.parse(saved)).toMatchObject({ format: 'qualitor-form-skeleton', path: PATHS.ticketForm });
		expect(saved).not.toContain('Beltrano');

		expect(problems.problems.filter((p) => !p.fromExtension || p.kind === 'pageerror')).toEqual([]);
		for (const page of [shell, list, options, reader]) await page.close();
	});
});
