// The overlay's life on a page (issue 13 point 5, issue 12 point 4): a <body> re-rendered mid-apply, a
// service worker stopped at mount, a form that comes and goes in a loop, sandboxed frames, and last (it
// reloads the extension) a content script orphaned by an update in the middle of an apply.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { PATHS, type QualitorServer } from '../fixtures/server.ts';
import { openTicketForm, openWatchedPage, useQualitorSession, type TicketForm } from './session.ts';
import { recordPageProblems, waitForContentScript, type LaunchedExtension } from './harness.ts';
import { overlay } from './overlay-driver.ts';
import { snapshotForm } from './form-snapshot.ts';

let server: QualitorServer;
let ext: LaunchedExtension;

useQualitorSession((s, e) => ([server, ext] = [s, e]));

declare const chrome: { runtime: { reload(): void } };

const selectedText = (page: Page, id: string) => page.$eval(`#${id}`, (s: HTMLSelectElement) => s.options[s.selectedIndex]?.text ?? '').catch(() => null);

/** Opens the form, types a ticket text and opens the token SOP in the panel. */
async function openSop(query = ''): Promise<TicketForm> {
	const form = await openTicketForm(ext, server, { path: PATHS.ticketForm + query, viewport: { width: 1280, height: 900 } });
	await form.page.locator('#dschamado').pressSequentially('cliente com token em branco no safesign', { delay: 5 });
	await form.overlay.locator('[data-sop-id="token-em-branco"]').click();
	return form;
}

/**
 * Listeners the content script added to the top document and window: read in the extension's isolated
 * world of the main frame (the DevTools protocol lists a target's listeners per world).
 */
async function contentScriptListeners(page: Page): Promise<number> {
	const cdp = await page.context().newCDPSession(page);
	try {
		const contexts: { id: number; frameId?: string }[] = [];
		cdp.on('Runtime.executionContextCreated', ({ context }) => {
			const aux = context.auxData as { type?: string; frameId?: string } | undefined;
			if (aux?.type === 'isolated' && context.origin === `chrome-extension://${ext.extensionId}`) contexts.push({ id: context.id, frameId: aux.frameId });
		});
		await cdp.send('Runtime.enable');
		const { frameTree } = await cdp.send('Page.getFrameTree');
		const context = contexts.find((c) => c.frameId === frameTree.frame.id);
		if (!context) throw new Error('no content-script world in the main frame');
		let total = 0;
		for (const expression of ['document', 'window']) {
			const { result } = await cdp.send('Runtime.evaluate', { expression, contextId: context.id });
			const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
			total += listeners.length;
		}
		return total;
	} finally {
		await cdp.detach();
	}
}

/** Reads the form until it stops changing for 2 s, longer than one of Qualitor's loads (an apply may still be writing). */
async function settledForm(page: Page): Promise<Record<string, string>> {
	let last = JSON.stringify(await page.evaluate(snapshotForm));
	for (let i = 0; i < 20; i++) {
		await page.evaluate(() => new Promise((r) => setTimeout(r, 2000)));
		const now = JSON.stringify(await page.evaluate(snapshotForm));
		if (now === last && !(await page.locator('#divLoading').count())) return JSON.parse(now) as Record<string, string>;
		last = now;
	}
	throw new Error('the form kept changing');
}

/** As Qualitor does when it swaps a panel in: the ticket form's markup, without its scripts. */
async function formMarkup(): Promise<string> {
	const html = await (await fetch(server.loopbackUrl(PATHS.ticketForm))).text();
	return html;
}

test('<body> re-rendered in the middle of an apply: the overlay comes back with its report, and Desfazer works', async () => {
	const { page, problems, overlay: o } = await openSop('?delay=700');
	const before = await page.evaluate(snapshotForm);
	await o.locator('[data-action="apply"]').click();
	// While Qualitor loads the categories: a new <body> with the same form, the overlay's host left out.
	await page.waitForSelector('#divLoading', { state: 'attached', timeout: 10_000 });
	await page.evaluate(() => {
		const body = document.createElement('body');
		body.append(...[...document.body.childNodes].filter((n) => !(n instanceof Element && n.hasAttribute('data-sop-assist'))));
		document.body.replaceWith(body);
	});
	await o.waitForMount({ timeout: 10_000 });
	await o.locator('.report li').first().waitFor({ timeout: 30_000 });
	expect(await o.locator('[data-report="done"]').innerText()).toMatch(/Categoria 3: Em branco/);
	expect(await selectedText(page, 'cdcategoria3')).toBe('Em branco');
	await expect.poll(() => o.locator('[data-action="undo"]').isEnabled(), { timeout: 30_000 }).toBe(true);
	await o.locator('[data-action="undo"]').click();
	await o.locator('[data-report="undone"]').waitFor({ timeout: 30_000 });
	await page.waitForFunction(() => !document.getElementById('divLoading'), null, { timeout: 10_000 });
	const after = await page.evaluate(snapshotForm);
	expect(after).toEqual(before);
	expect(await page.locator('[data-sop-assist]').count()).toBe(1);
	expect(problems).toEqual([]);
	await page.close();
});

test('the service worker stopped when a form appears: the overlay still mounts (the worker is woken, retried)', async () => {
	const { page, problems } = await openWatchedPage(ext, server, PATHS.dashboard);
	const cdp = await page.context().newCDPSession(page);
	const { targetInfos } = await cdp.send('Target.getTargets');
	const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.extensionId}/`));
	expect(worker, 'the extension service worker is running before it is stopped').toBeTruthy();
	await cdp.send('Target.closeTarget', { targetId: worker!.targetId });
	await expect
		.poll(async () => (await cdp.send('Target.getTargets')).targetInfos.some((t) => t.targetId === worker!.targetId), { timeout: 10_000 })
		.toBe(false);
	await cdp.detach();
	const markup = await formMarkup();
	await page.evaluate((html) => {
		const body = new DOMParser().parseFromString(html, 'text/html').body;
		const holder = document.createElement('div');
		holder.append(...[...body.children].filter((el) => el.localName !== 'script'));
		document.body.append(holder);
	}, markup);
	await overlay(page).waitForMount({ timeout: 20_000 });
	await page.fill('#dschamado', 'token em branco');
	await page.locator('#dschamado').dispatchEvent('input');
	await overlay(page).locator('[data-sop-id="token-em-branco"]').waitFor({ timeout: 10_000 });
	expect(await overlay(page).locator('[data-notice]').count()).toBe(0);
	expect(problems).toEqual([]);
	await page.close();
});

test('a form that appears and vanishes in a loop: mounts stay few and listeners do not pile up', async () => {
	// Control: the listeners of one ordinary mount.
	const { page: control } = await openTicketForm(ext, server);
	const oneMount = await contentScriptListeners(control);
	await control.close();

	const { page, problems } = await openWatchedPage(ext, server, PATHS.dashboard);
	const before = await contentScriptListeners(page);
	const markup = await formMarkup();
	// The page counts the overlay hosts added (it can see the host, not inside it): one per mount.
	const toggles = await page.evaluate(async (html) => {
		const w = window as unknown as { __hosts: number };
		w.__hosts = 0;
		new MutationObserver((records) => {
			for (const r of records) for (const n of r.addedNodes) if (n instanceof Element && n.hasAttribute('data-sop-assist')) w.__hosts++;
		}).observe(document.documentElement, { childList: true, subtree: true });
		const body = new DOMParser().parseFromString(html, 'text/html').body;
		const parts = [...body.children].filter((el) => el.localName !== 'script');
		let n = 0;
		const end = performance.now() + 4000;
		while (performance.now() < end) {
			const holder = document.createElement('div');
			holder.append(...parts.map((p) => p.cloneNode(true)));
			document.body.append(holder);
			await new Promise((r) => setTimeout(r, 30 + (n % 3) * 40));
			holder.remove();
			await new Promise((r) => setTimeout(r, 20));
			n++;
		}
		const holder = document.createElement('div');
		holder.append(...parts.map((p) => p.cloneNode(true)));
		document.body.append(holder);
		return n;
	}, markup);
	expect(toggles).toBeGreaterThan(30);
	// Positive control: the form that stays gets a working overlay.
	await overlay(page).waitForMount({ timeout: 15_000 });
	await page.fill('#dschamado', 'token em branco');
	await page.locator('#dschamado').dispatchEvent('input');
	await overlay(page).locator('[data-sop-id="token-em-branco"]').waitFor({ timeout: 10_000 });
	const mounts = await page.evaluate(() => (window as unknown as { __hosts: number }).__hosts);
	expect(mounts).toBeGreaterThanOrEqual(1);
	expect(mounts, `${mounts} mounts for ${toggles} appearances`).toBeLessThanOrEqual(12);
	// Listeners now: the page's own + one mount's, not one set per appearance.
	const now = await contentScriptListeners(page);
	expect(now - before, `listeners added: ${now - before}, one mount on a fresh form page: ${oneMount}`).toBeLessThanOrEqual(oneMount);
	expect(await page.locator('[data-sop-assist]').count()).toBe(1);
	expect(problems).toEqual([]);
	await page.close();
});

test('a sandboxed frame gets nothing, the frame beside it gets the overlay', async () => {
	const page = await ext.context.newPage();
	const { problems } = recordPageProblems(page);
	// A real fixture page (loopback, like the frames) receives both frames.
	await page.goto(server.url(PATHS.dashboard));
	await page.evaluate((src) => {
		for (const [name, sandbox] of [['sandboxed', 'allow-scripts allow-forms'], ['normal', null]] as const) {
			const frame = document.createElement('iframe');
			frame.name = name;
			if (sandbox) frame.setAttribute('sandbox', sandbox);
			frame.src = src;
			frame.width = '600';
			frame.height = '400';
			document.body.append(frame);
		}
	}, server.url(PATHS.ticketForm));
	await expect.poll(() => page.frames().filter((f) => f.url().includes(PATHS.ticketForm) && ['sandboxed', 'normal'].includes(f.name())).length, { timeout: 15_000 }).toBe(2);
	const sandboxed = page.frame({ name: 'sandboxed' })!;
	const normal = page.frame({ name: 'normal' })!;
	await sandboxed.waitForSelector('#dschamado');
	expect(await sandboxed.evaluate(() => self.origin)).toBe('null');
	// Positive control: the same form in an ordinary frame of the same page gets the overlay.
	await overlay(normal).waitForMount({ timeout: 15_000 });
	// Chromium does not even inject content scripts into a sandboxed frame (one content-script world, the
	// normal frame's); the watcher's own refusal (opaque origin) covers browsers and cases that do.
	const worlds = (await waitForContentScript(page, ext.extensionId, PATHS.ticketForm)).filter((u) => u.includes(PATHS.ticketForm));
	expect(worlds).toHaveLength(1);
	await sandboxed.evaluate(() => new Promise((r) => setTimeout(r, 500)));
	expect(await sandboxed.locator('[data-sop-assist]').count()).toBe(0);
	expect(await normal.locator('[data-sop-assist]').count()).toBe(1);
	expect(problems).toEqual([]);
	await page.close();
});

// Last in this file: the extension is reloaded, so the session's worker handle is stale afterwards.
test('the extension reloaded in the middle of an apply: the panel asks for a reload, no page error, the form is kept', async () => {
	const { page, problems, overlay: o } = await openSop('?delay=700');
	await o.locator('[data-action="apply"]').click();
	await page.waitForSelector('#divLoading', { state: 'attached', timeout: 10_000 });
	await ext.serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
	const notice = o.locator('[data-notice]');
	await notice.waitFor({ timeout: 15_000 });
	expect(await notice.innerText()).toMatch(/Recarregue a página/);
	// The agent keeps working in the form: typing reaches no dead extension API, nothing is undone or lost.
	const held = await settledForm(page);
	for (const [id, text] of [['nmtitulochamado', ' urgente'], ['dschamado', ' e mais']]) {
		await page.locator(`#${id}`).press('End');
		if (id === 'dschamado') await page.keyboard.press('Control+End');
		await page.locator(`#${id}`).pressSequentially(text!, { delay: 10 });
	}
	await page.evaluate(() => new Promise((r) => setTimeout(r, 2500))); // the orphan check's interval, twice over
	const after = await page.evaluate(snapshotForm);
	expect(after).toEqual({ ...held, nmtitulochamado: `${held.nmtitulochamado} urgente`, dschamado: `${held.dschamado} e mais` });
	expect(after.dschamado).toMatch(/^cliente com token em branco no safesign/);
	// The stopped panel has nothing left to click: its controls are gone, the notice stays.
	expect(await o.locator('[data-action]').count()).toBe(0);
	expect(await notice.count()).toBe(1);
	expect(problems).toEqual([]);
	await page.close();
});
