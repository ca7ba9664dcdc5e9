// Ticket screens in popups that start as about:blank (issue 11, point 8), in real Chromium on the production
// build: the opener opens an empty popup by name and then navigates it; the same popup is re-used by its name
// for a second ticket; a form written by the opener into an empty popup (document.write) stays outside the
// extension (no match_about_blank: docs/qualitor.md says why).
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { PATHS, type QualitorServer } from '../fixtures/server.ts';
import { useQualitorSession } from './session.ts';
import { contentScriptFrames, recordPageProblems, type LaunchedExtension } from './harness.ts';
import { overlay } from './overlay-driver.ts';

let server: QualitorServer;
let ext: LaunchedExtension;

useQualitorSession((s, e) => ([server, ext] = [s, e]));

const ov = (page: Page, selector: string) => overlay(page).locator(selector);
const selectedText = (page: Page, id: string) => page.$eval(`#${id}`, (s: HTMLSelectElement) => s.options[s.selectedIndex]?.text ?? '');
const noLoadRunning = (page: Page) => page.waitForFunction(() => !document.getElementById('divLoading'), null, { timeout: 10_000 });
const hosts = (page: Page) => page.evaluate(() => document.querySelectorAll('[data-sop-assist]').length);

async function apply(page: Page, id: string): Promise<void> {
	await ov(page, `[data-sop-id="${id}"]`).first().click();
	const button = ov(page, '[data-action="apply"]');
	await button.click();
	await ov(page, '.report li').first().waitFor({ timeout: 30_000 });
	await expect.poll(() => button.getAttribute('aria-disabled'), { timeout: 30_000 }).toBe('false');
	await noLoadRunning(page);
}

/**
 * Whether the extension's content script (the watcher) ran in the page's current document: its flag in the
 * extension's isolated world. A world alone proves nothing: Chromium re-creates an empty one for the next
 * document of a frame that had it (a re-used popup navigated to about:blank).
 */
async function watcherRan(page: Page): Promise<boolean> {
	const cdp = await page.context().newCDPSession(page);
	try {
		const contexts: number[] = [];
		cdp.on('Runtime.executionContextCreated', ({ context }) => {
			const aux = context.auxData as { type?: string; frameId?: string; isDefault?: boolean } | undefined;
			if (aux?.type === 'isolated' && context.origin === `chrome-extension://${ext.extensionId}`) contexts.push(context.id);
		});
		await cdp.send('Runtime.enable');
		const { frameTree } = await cdp.send('Page.getFrameTree');
		for (const contextId of contexts) {
			const { result } = await cdp
				.send('Runtime.evaluate', { contextId, expression: `[location.href, Boolean(globalThis[Symbol.for('qualitor-sop-assist.watcher')])]`, returnByValue: true })
				.catch(() => ({ result: { value: ['', false] } }));
			const [href, ran] = result.value as [string, boolean];
			if (href === frameTree.frame.url && ran) return true;
		}
		return false;
	} finally {
		await cdp.detach().catch(() => undefined);
	}
}

/** The about:blank stage: the content script did not run there, nothing mounted; then the opener navigates it. */
async function blankThenNavigate(opener: Page, popup: Page): Promise<void> {
	expect(popup.url()).toBe('about:blank');
	expect(await watcherRan(popup)).toBe(false);
	expect(await hosts(popup)).toBe(0);
	expect(await opener.evaluate(() => (window as unknown as { navegarPendente(): boolean }).navegarPendente())).toBe(true);
	await popup.waitForURL(/cadastro_chamado\.php/, { timeout: 15_000 });
	await overlay(popup).waitForMount({ timeout: 15_000 });
	expect(await watcherRan(popup)).toBe(true);
}

test('a popup opened as about:blank then navigated gets the overlay: suggests and applies; re-used by name for a second ticket, again', async () => {
	const opener = await ext.context.newPage();
	const openerProblems = recordPageProblems(opener).problems;
	await opener.goto(server.url(`${PATHS.popupOpener}?espera=manual`));
	// Positive control of "nothing in about:blank": the opener, on the same origin, runs the content script.
	expect(await watcherRan(opener)).toBe(true);

	const [popup] = await Promise.all([ext.context.waitForEvent('page'), opener.click('#btnNovoChamado')]);
	const { problems } = recordPageProblems(popup);
	await blankThenNavigate(opener, popup);
	await noLoadRunning(popup);
	await popup.locator('#dschamado').pressSequentially('cliente com token em branco no safesign', { delay: 5 });
	await ov(popup, '[data-sop-id="token-em-branco"]').waitFor({ timeout: 15_000 });
	await apply(popup, 'token-em-branco');
	expect(await selectedText(popup, 'cdcategoria3')).toBe('Em branco');
	expect(await popup.inputValue('#nmtitulochamado')).toBe('Certificado digital em branco no token');
	expect(await popup.inputValue('#dschamado')).toBe('cliente com token em branco no safesign\n\nInforma que não consegue utilizar o Certificado Digital.');

	// The second ticket in the same window, found by its name: about:blank again, then the existing ticket's editor.
	const pages = ext.context.pages().length;
	await opener.click('#btnChamadoExistente');
	await popup.waitForURL('about:blank', { timeout: 15_000 });
	expect(ext.context.pages().length).toBe(pages);
	await blankThenNavigate(opener, popup);
	expect(await hosts(popup)).toBe(1);
	await ov(popup, '[data-sop-id="token-em-branco"]').waitFor({ timeout: 15_000 });
	await ov(popup, 'input[type="search"]').fill('certificado sem cei');
	await apply(popup, 'certificado-sem-cei');
	expect(await selectedText(popup, 'cdcategoriachange3')).toBe('Certificado sem CEI');
	expect(await popup.inputValue('#dschamadochange')).toMatch(/^Cliente ligou informando que o cartão não aparece no SafeSign\.[\s\S]+\n\n\S/);
	expect([...problems, ...openerProblems]).toEqual([]);
	await popup.close();
	await opener.close();
});

test('a form the opener writes into an about:blank popup (document.write) is live there, and the extension stays out', async () => {
	const opener = await ext.context.newPage();
	const openerProblems = recordPageProblems(opener).problems;
	await opener.goto(server.url(`${PATHS.popupOpener}?espera=manual`));
	const [popup] = await Promise.all([ext.context.waitForEvent('page'), opener.click('#btnChamadoEscrito')]);
	const { problems } = recordPageProblems(popup);
	await popup.waitForSelector('#dschamado', { timeout: 15_000 });
	expect(popup.url()).toBe('about:blank');
	// The written form is Qualitor's, working: choosing a Tipo loads Categoria 1 through its own script.
	await popup.waitForFunction(() => typeof (window as unknown as { selectCategory?: unknown }).selectCategory === 'function', null, { timeout: 10_000 });
	await popup.selectOption('#cdtipochamado', { label: 'Suporte Técnico' });
	await popup.waitForFunction(() => (document.getElementById('cdcategoria1') as HTMLSelectElement | null)?.options.length! > 1, null, { timeout: 15_000 });
	// No content script in it (the manifest has no match_about_blank), so nothing mounted; the opener has one.
	expect(await watcherRan(popup)).toBe(false);
	expect(await contentScriptFrames(popup, ext.extensionId)).toEqual([]);
	expect(await hosts(popup)).toBe(0);
	expect(await watcherRan(opener)).toBe(true);
	expect([...problems, ...openerProblems]).toEqual([]);
	await popup.close();
	await opener.close();
});
