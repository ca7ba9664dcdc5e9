// The options page in real Chromium on the production build: a pack imported there reaches a Qualitor tab
// that is already open (no reload), a hostile SOP renders inert, and a self-hosted origin gets the overlay
// only once it is granted.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { buildPack } from '../../src/sop/pack.ts';
import { PATHS, type QualitorServer } from '../fixtures/server.ts';
import { openTicketForm, useQualitorSession } from './session.ts';
import { recordRequests, isLocalUrl, type LaunchedExtension, screenshotPath } from './harness.ts';
import { overlay } from './overlay-driver.ts';

const SELF_HOSTED = 'helpdesk.local.test';
let server: QualitorServer;
let ext: LaunchedExtension;

useQualitorSession((s, e) => ([server, ext] = [s, e]), {
	hostMap: false,
	// One rule list: a second --host-resolver-rules switch would replace the first.
	args: [`--host-resolver-rules=MAP *.qualitorsoftware.com 127.0.0.1, MAP ${SELF_HOSTED} 127.0.0.1`],
});

const inOverlay = (page: Page, selector: string) => overlay(page).locator(selector);

const IMPRESSORA = `---
title: Impressora de etiquetas offline
summary: A impressora de etiquetas do balcão não imprime.
source: teste-e2e
version: "2024.06"
keywords: [impressora de etiquetas, zebra, etiquetadora]
synonyms: [impresora]
qualitor:
  tipo: Suporte Técnico
  categorias: [SUP - Certificado Digital, Cartão, Em branco]
  prioridade: Baixa
templates:
  titulo: Impressora de etiquetas offline
checklist:
  verify:
    - Conferir o cabo USB
---

1. Desligue e ligue a **zebra**.
`;

const HOSTILE = `---
title: Procedimento hostil de teste
summary: Um SOP cujo corpo tenta executar código.
source: teste-e2e
keywords: [xilofone hostil]
synonyms: []
checklist:
  verify:
    - Nada
---

<script>window.__pwned = 1; alert('script')</script>

<img src=x onerror="alert('img')">

![rastreio](http://evil.example/pixel.png)

<style>* { display: none !important }</style> <p style="color:red" onmouseover="alert('hover')">estilo</p>

[clique](javascript:alert('link')) <a href="javascript:alert('raw')">cru</a>

[ajuda](https://ajuda.example.com/)
`;

async function openOptions(): Promise<Page> {
	const page = await ext.context.newPage();
	await page.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
	await page.getByRole('heading', { name: 'Instalações' }).waitFor();
	return page;
}

describe('SOP packs imported in the options page', () => {
	test('reach an already open Qualitor tab without reload: suggested, applied', async () => {
		const { page: form, problems } = await openTicketForm(ext, server);
		await form.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
		await form.locator('#dschamado').fill('a zebra etiquetadora parou');
		await expect.poll(() => inOverlay(form, '[data-sop-id="impressora-etiquetas"]').count()).toBe(0);

		const options = await openOptions();
		const pack = buildPack([{ path: 'impressora-etiquetas.md', text: IMPRESSORA }], { version: 'e2e-1' });
		await options.setInputFiles('#sop-files', { name: 'balcao.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
		await expect.poll(() => options.locator('[data-status="sops"]').innerText()).toBe('1 SOP(s) importado(s).');
		const row = options.locator('[data-sop-row="impressora-etiquetas"]');
		expect(await row.innerText()).toMatch(/balcao\.json \(e2e-1\)[\s\S]*2024\.06/);
		expect(await options.locator('[data-sop-row="token-em-branco"]').innerText()).toMatch(/embutido/);
		// The open tab suggests the imported SOP at once; the usage section names it by its title, not its id.
		await expect.poll(() => options.locator('[data-usage-row="impressora-etiquetas"]').innerText().catch(() => '')).toMatch(/Impressora de etiquetas offline/);
		await options.setViewportSize({ width: 1100, height: 900 });
		await options.screenshot({ path: screenshotPath('options.png'), fullPage: true });

		// The open tab: same page (no reload), new suggestion after the next keystroke or at once.
		await form.bringToFront();
		await form.locator('#dschamado').pressSequentially(' ', { delay: 5 });
		const suggestion = inOverlay(form, '[data-sop-id="impressora-etiquetas"]');
		await suggestion.waitFor({ timeout: 10_000 });
		expect(await form.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
		await suggestion.click();
		await inOverlay(form, '[data-action="apply"]').click();
		await inOverlay(form, '.report li').first().waitFor({ timeout: 30_000 });
		expect(await form.inputValue('#nmtitulochamado')).toBe('Impressora de etiquetas offline');
		await expect.poll(() => form.$eval('#cdcategoria3', (s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toBe('Em branco');
		// The procedure, rendered on demand.
		await inOverlay(form, '.procedure summary').click();
		await expect.poll(() => inOverlay(form, '.procedure strong').innerText().catch(() => '')).toBe('zebra');
		expect(problems).toEqual([]);
		await options.close();
		await form.close();
	});

	test('import errors are shown with file, line and field; an imported SOP with a bundled id says it replaces it', async () => {
		const options = await openOptions();
		const broken = IMPRESSORA.replace('title: Impressora de etiquetas offline', 'title: [não, é, texto]');
		await options.setInputFiles('#sop-files', [
			{ name: 'impressora-etiquetas.md', mimeType: 'text/markdown', buffer: Buffer.from(broken) },
			{ name: 'token-em-branco.md', mimeType: 'text/markdown', buffer: Buffer.from(IMPRESSORA) },
		]);
		const problems = options.locator('#import-problems');
		await problems.waitFor();
		expect(await problems.innerText()).toMatch(/impressora-etiquetas\.md:2: title: /);
		await expect.poll(() => options.locator('[data-sop-row="token-em-branco"]').innerText()).toMatch(/token-em-branco\.md — substitui o SOP embutido/);
		await options.getByRole('button', { name: 'Remover todos os importados' }).click();
		await expect.poll(() => options.locator('[data-source="imported"]').count()).toBe(0);
		await options.close();
	});

	test('a hostile SOP renders inert in the options preview and in the overlay: no script, no dialog, no request out', async () => {
		const { requests } = recordRequests(ext.context);
		const dialogs: string[] = [];
		const { page: form } = await openTicketForm(ext, server, { before: (page) => page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss())) });

		const options = await openOptions();
		options.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
		await options.setInputFiles('#sop-files', { name: 'procedimento-hostil.md', mimeType: 'text/markdown', buffer: Buffer.from(HOSTILE) });
		await options.getByRole('button', { name: 'Ver Procedimento hostil de teste', exact: true }).click();
		const preview = options.locator('[data-preview="procedimento-hostil"] .markdown');
		await preview.waitFor();
		await preview.hover();

		await form.bringToFront();
		await form.locator('#dschamado').fill('xilofone hostil');
		await inOverlay(form, '[data-sop-id="procedimento-hostil"]').click();
		await inOverlay(form, '.procedure summary').click();
		const body = inOverlay(form, '.procedure .markdown');
		await expect.poll(() => body.innerText().catch(() => '')).toMatch(/<script>/);
		await body.hover();
		await inOverlay(form, '.procedure a:not([href])').first().click(); // the javascript: link, now inert

		const links = (as: Element[]) => as.map((a) => [a.getAttribute('href'), a.getAttribute('rel'), a.getAttribute('target')]);
		// The options page's preview (a Playwright locator) and the overlay's (inside its closed shadow root).
		const scopes = [
			{ page: options, count: (css: string) => preview.locator(css).count(), links: () => preview.locator('a[href]').evaluateAll(links) },
			{ page: form, count: (css: string) => body.locator(css).count(), links: () => body.locator('a[href]').evaluateAll(links) },
		];
		for (const { page, count, links: hrefs } of scopes) {
			expect(await count('script, img, style, iframe, [style], [onerror], [onmouseover]')).toBe(0);
			expect(await count('a[href^="javascript:" i]')).toBe(0);
			expect(await hrefs()).toEqual([['https://ajuda.example.com/', 'noopener noreferrer', '_blank']]);
			expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
		}
		await new Promise((r) => setTimeout(r, 300));
		expect(dialogs).toEqual([]);
		expect(requests.filter((r) => !isLocalUrl(r.url))).toEqual([]);
		await options.getByRole('button', { name: 'Remover todos os importados' }).click();
		await options.close();
		await form.close();
	});
});

describe('self-hosted installation', () => {
	test('an origin that was not granted gets no overlay (no broad host permission is held)', async () => {
		const page = await ext.context.newPage();
		await page.goto(server.url(PATHS.ticketForm, SELF_HOSTED));
		await page.waitForSelector('#dschamado');
		// Positive control, opened after it: the same form under the hosted name gets the overlay. By then the
		// self-hosted page has had at least as long to get one.
		const { page: control } = await openTicketForm(ext, server);
		expect(await overlay(page).isMounted()).toBe(false);
		expect(await page.locator('[data-sop-assist]').count()).toBe(0);
		await control.close();
		const contains = (p: string) =>
			(globalThis as unknown as { chrome: { permissions: { contains(q: { origins: string[] }): Promise<boolean> } } }).chrome.permissions.contains({ origins: [p] });
		expect(await ext.serviceWorker.evaluate(contains, `http://${SELF_HOSTED}/*`)).toBe(false);
		await page.close();
	});

	// permissions.request opens a browser prompt that automation cannot answer, and chrome://extensions'
	// developerPrivate.addHostPermission (tried) grants only withheld required hosts, not optional ones.
	// The grant → register → inject path is covered by tests/background/registration.test.ts with a fake API.
	test.todo('after the grant, the already open tab and new ones get the overlay; revoking removes it');
});

describe('opened at a section', () => {
	test("open-options (the overlay's health badge asks for 'mapeamento') opens the page there, the section focused", async () => {
		const sender = await openOptions();
		const [opened] = await Promise.all([
			ext.context.waitForEvent('page'),
			sender.evaluate(() =>
				(globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'open-options', section: 'mapeamento' }),
			),
		]);
		await opened.waitForLoadState();
		expect(opened.url()).toBe(`chrome-extension://${ext.extensionId}/src/options/index.html#mapeamento`);
		await expect.poll(() => opened.evaluate(() => document.activeElement?.id)).toBe('mapping-title');
		await opened.close();
		await sender.close();
	});
});
