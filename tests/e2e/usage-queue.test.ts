// Usage events survive the service worker being stopped (Chromium stops idle workers, and may stop one
// mid-message): the content script keeps them queued until the background acknowledges them. And when
// storage refuses the write, the agent is told in the panel, in Portuguese, and the events wait.
import { expect, test } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import type { QualitorServer } from '../fixtures/server.ts';
import { openTicketForm, useQualitorSession } from './session.ts';
import { recordPageProblems, type LaunchedExtension } from './harness.ts';
import { overlay } from './overlay-driver.ts';

let server: QualitorServer;
let ext: LaunchedExtension;
useQualitorSession((s, e) => ([server, ext] = [s, e]));

type Logged = { at: number; sop: string; kind: string };

/** storage.local read from an extension page: the worker object goes stale once the worker is stopped. */
async function extensionPage(): Promise<Page> {
	const page = await ext.context.newPage();
	await page.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
	return page;
}
const usageLog = (page: Page) =>
	page.evaluate(() =>
		(globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local
			.get('usageLog')
			.then((r) => (r.usageLog as Logged[] | undefined) ?? []),
	);

/** Stops every service worker of the profile (the extension's is the only one), as Chromium does when idle. */
let debugPage: Page | undefined;
const logPage = async () => (debugPage ??= await extensionPage());
const stopWorkers = (cdp: CDPSession) => cdp.send('ServiceWorker.stopAllWorkers');

async function formWithSuggestion(): Promise<Page> {
	const { page: form } = await openTicketForm(ext, server, { timeout: 30_000 });
	await form.locator('#dschamado').fill('certificado sem cei');
	await overlay(form).locator('[data-sop-id="certificado-sem-cei"]').waitFor({ timeout: 30_000 });
	return form;
}

test('the service worker stopped 20 times, each right after an event: every event is recorded', async () => {
	const N = 20;
	const form = await formWithSuggestion();
	const { problems } = recordPageProblems(form);
	const cdp = await ext.context.newCDPSession(form);
	// Positive control: the extension's worker really went from running to stopped, and how often.
	let stops = 0;
	let running = true;
	cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
		for (const v of versions) {
			if (!v.scriptURL.startsWith(`chrome-extension://${ext.extensionId}/`)) continue;
			if (v.runningStatus === 'stopped' && running) stops++;
			running = v.runningStatus !== 'stopped';
		}
	});
	await cdp.send('ServiceWorker.enable');
	const o = overlay(form);
	const started = Date.now();
	// Until the worker was seen stopping N times (a stop of a worker already stopped does not count).
	let made = 0;
	for (let i = 0; stops < N && i < 3 * N; i++, made++) {
		await o.locator('[data-sop-id="certificado-sem-cei"]').first().click();
		// The event is on its way (or being written) while the worker goes.
		await stopWorkers(cdp);
		await o.locator('[data-action="apply"]').waitFor({ timeout: 10_000 });
		await o.locator('[data-action="apply"]').press('Escape');
		await o.locator('[data-sop-id="certificado-sem-cei"]').first().waitFor({ timeout: 10_000 });
		if (process.env.DEBUG_QUEUE) console.log('iteration', i, stops, (await usageLog(await logPage())).length);
	}
	const page = await extensionPage();
	const opened = async () => (await usageLog(page)).filter((e) => e.sop === 'certificado-sem-cei' && e.kind === 'opened' && e.at >= started).length;
	await expect.poll(opened, { timeout: 60_000, interval: 500 }).toBe(made);
	console.log(`usage events with the worker stopped ${stops} times: ${await opened()} of ${made} recorded`);
	expect(stops).toBeGreaterThanOrEqual(N);
	expect(problems.filter((p) => p.kind === 'pageerror')).toEqual([]);
	await page.close();
	await form.close();
}, 240_000);

test('storage full: the panel says so in Portuguese and keeps the events; once storage has room they are recorded', async () => {
	const form = await formWithSuggestion();
	const page = await extensionPage();
	const before = (await usageLog(page)).length;
	// The worker's storage refuses every write as a full quota does (Chromium's own message).
	const worker = ext.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${ext.extensionId}/`))!;
	await worker.evaluate(() => {
		const local = (globalThis as unknown as { chrome: { storage: { local: { set: (...a: unknown[]) => Promise<void>; realSet?: unknown } } } }).chrome.storage.local;
		local.realSet = local.set;
		local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
	});
	await overlay(form).locator('[data-sop-id="certificado-sem-cei"]').first().click();
	const notice = overlay(form).locator('[data-usage-problem]');
	await notice.waitFor({ timeout: 30_000 });
	expect(await notice.innerText()).toMatch(/^O uso dos SOPs não pôde ser registrado: o armazenamento do navegador está cheio/);
	expect(await notice.getAttribute('role')).toBe('alert');
	expect((await usageLog(page)).length).toBe(before);
	// Room again: the queued event goes through and the notice leaves.
	await worker.evaluate(() => {
		const local = (globalThis as unknown as { chrome: { storage: { local: { set: unknown; realSet?: unknown } } } }).chrome.storage.local;
		local.set = local.realSet;
	});
	await notice.waitFor({ state: 'detached', timeout: 60_000 });
	await expect.poll(async () => (await usageLog(page)).length, { timeout: 30_000 }).toBeGreaterThan(before);
	expect((await usageLog(page)).at(-1)).toMatchObject({ sop: 'certificado-sem-cei', kind: 'opened' });
	await page.close();
	await form.close();
});
