// The production build in real Chromium: the service worker starts and the manifest's content-script
// matches reach the imitation of Qualitor under its hosted name, in every page shape Qualitor uses.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { PATHS, type QualitorServer } from '../fixtures/server.ts';
import { useQualitorSession } from './session.ts';
import {
	contentScriptFrames,
	isLocalUrl,
	recordPageProblems,
	recordRequests,
	waitForContentScript,
	type LaunchedExtension,
} from './harness.ts';

let server: QualitorServer;
let ext: LaunchedExtension;
let network: ReturnType<typeof recordRequests>;

useQualitorSession((s, e) => {
	[server, ext] = [s, e];
	network = recordRequests(ext.context);
});

async function open(url: string): Promise<{ page: Page; problems: ReturnType<typeof recordPageProblems>['problems'] }> {
	const page = await ext.context.newPage();
	const { problems } = recordPageProblems(page);
	await page.goto(url);
	return { page, problems };
}

test('the extension service worker runs', () => {
	expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
	expect(ext.serviceWorker.url()).toMatch(new RegExp(`^chrome-extension://${ext.extensionId}/`));
});

describe('content script reaches the fixture under *.qualitorsoftware.com (with a port in the URL)', () => {
	test('new-ticket form', async () => {
		const { page, problems } = await open(server.url(PATHS.ticketForm));
		expect(new URL(page.url()).port).toBe(String(server.port));
		expect(await page.locator('#btnProcessar').count()).toBe(1);
		expect(await waitForContentScript(page, ext.extensionId, 'cadastro_chamado.php')).toHaveLength(1);
		expect(problems).toEqual([]);
		await page.close();
	});

	test('not on a host outside the match patterns (the same page over 127.0.0.1)', async () => {
		const { page } = await open(server.loopbackUrl(PATHS.ticketForm));
		await page.waitForSelector('#dschamado');
		// Positive control, opened after it: the same page under the hosted name gets the content script. By
		// then the loopback page has had at least as long to get it.
		const { page: control } = await open(server.url(PATHS.ticketForm));
		await waitForContentScript(control, ext.extensionId, 'cadastro_chamado.php');
		expect(await contentScriptFrames(page, ext.extensionId)).toEqual([]);
		await control.close();
		await page.close();
	});

	test('in framePrincipal of a <frameset>', async () => {
		const { page, problems } = await open(server.url(PATHS.frameset));
		const frame = page.frame({ name: 'framePrincipal' });
		expect(frame?.url()).toContain(PATHS.ticketForm);
		await frame!.waitForSelector('#dschamado');
		await waitForContentScript(page, ext.extensionId, 'cadastro_chamado.php');
		expect(problems).toEqual([]);
		await page.close();
	});

	test('in an <iframe name="framePrincipal">', async () => {
		const { page, problems } = await open(server.url(PATHS.iframe));
		await page.frameLocator('#framePrincipal').locator('#dschamado').waitFor();
		await waitForContentScript(page, ext.extensionId, 'cadastro_chamado.php');
		expect(problems).toEqual([]);
		await page.close();
	});

	test('in the popup window the shell opens with window.open', async () => {
		const { page, problems } = await open(server.url(PATHS.shell));
		const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#btnNovoChamado')]);
		const popupProblems = recordPageProblems(popup).problems;
		await popup.waitForLoadState();
		expect(popup.url()).toBe(server.url(PATHS.ticketForm));
		expect(await popup.evaluate(() => window.opener !== null)).toBe(true);
		await popup.waitForSelector('#btnProcessar');
		await waitForContentScript(popup, ext.extensionId, 'cadastro_chamado.php');
		expect([...problems, ...popupProblems]).toEqual([]);
		await popup.close();
		await page.close();
	});

	test('also on Qualitor pages without a ticket form (dashboard, login), which load cleanly', async () => {
		for (const path of [PATHS.dashboard, PATHS.login]) {
			const { page, problems } = await open(server.url(path));
			expect(await page.locator('#dschamado, #cdtipochamado').count()).toBe(0);
			await waitForContentScript(page, ext.extensionId, path.split('?')[0]!);
			expect(problems).toEqual([]);
			await page.close();
		}
	});
});

test('nothing so far was requested outside the fixture server and the extension', () => {
	expect(network.requests.length).toBeGreaterThan(10);
	expect(network.requests.filter((r) => !isLocalUrl(r.url))).toEqual([]);
	// The server saw the hosted name, i.e. Chromium resolved it through the host map.
	expect(server.requests.some((r) => r.host === `demo.qualitorsoftware.com:${server.port}`)).toBe(true);
});
