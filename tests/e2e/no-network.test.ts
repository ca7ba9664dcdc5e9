// Nothing leaves the machine because of the extension: across a full suggest/apply/undo on the Qualitor
// imitation and the CEI popup decoding a pasted dump, every request the extension makes (service worker,
// extension pages, content script) goes to its own chrome-extension:// origin. The Qualitor page's
// requests to its own server are the page's business, and the only other traffic allowed.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import type { QualitorServer } from '../fixtures/server.ts';
import { vectorText } from '../cert/helpers/vectors.ts';
import { openTicketForm, useQualitorSession } from './session.ts';
import { recordRequests, type LaunchedExtension, type RecordedRequest } from './harness.ts';
import { overlay } from './overlay-driver.ts';

let server: QualitorServer;
let ext: LaunchedExtension;
let recorder: ReturnType<typeof recordRequests>;

useQualitorSession((s, e) => {
	[server, ext] = [s, e];
	recorder = recordRequests(ext.context);
});
afterAll(() => recorder?.stop());

/** A request as Chromium's network layer saw it, with the script that made it. */
interface Initiated {
	url: string;
	/** URL of the innermost script on the initiator's stack (async parents included), else of the initiating document. */
	by: string;
}

/**
 * Playwright reports a content script's request as its page's. Chromium's DevTools protocol keeps the
 * initiator's stack, where a content script shows up as a chrome-extension:// script: that is how the
 * extension's requests from inside Qualitor's frames are told apart from Qualitor's own. Only the
 * innermost frame counts: when the extension picks a category, Qualitor's own handler makes the AJAX
 * call to its server with the extension further down the stack, and that request is the page's.
 */
async function recordInitiators(page: Page): Promise<{ initiated: Initiated[]; cdp: CDPSession }> {
	const cdp = await page.context().newCDPSession(page);
	const initiated: Initiated[] = [];
	type Stack = { callFrames: { url: string }[]; parent?: Stack };
	const innermost = (stack?: Stack): string | undefined => (stack ? (stack.callFrames.find((f) => f.url)?.url ?? innermost(stack.parent)) : undefined);
	cdp.on('Network.requestWillBeSent', ({ request, initiator }) => {
		initiated.push({ url: request.url, by: innermost(initiator.stack as Stack | undefined) ?? initiator.url ?? '' });
	});
	await cdp.send('Network.enable');
	return { initiated, cdp };
}

const inOverlay = (page: Page, selector: string) => overlay(page).locator(selector);

async function suggestApplyUndo(page: Page): Promise<void> {
	await page.locator('#dschamado').pressSequentially('cliente com token em branco no safesign', { delay: 5 });
	await inOverlay(page, '[data-sop-id="token-em-branco"]').click();
	for (const [name, value] of Object.entries({ telefone1: '(51) 99999-1111', telefone2: '(51) 3333-2222', email: 'ana@exemplo.com.br' }))
		await inOverlay(page, `input[name="${name}"]`).fill(value);
	await inOverlay(page, '[data-action="apply"]').click();
	await inOverlay(page, '[data-report="done"] li').first().waitFor({ timeout: 30_000 });
	await expect.poll(() => inOverlay(page, '[data-action="apply"]').isEnabled(), { timeout: 30_000 }).toBe(true);
	expect(await page.$eval('#cdcategoria3', (s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toBe('Em branco');
	await inOverlay(page, '[data-action="undo"]').click();
	await inOverlay(page, '[data-report="undone"]').waitFor({ timeout: 30_000 });
	await page.waitForFunction(() => !document.getElementById('divLoading'), null, { timeout: 10_000 });
}

test('the extension requests nothing but its own files: Qualitor flow, popup with a pasted dump, options page', async () => {
	const own = (url: string) => {
		const origin = `chrome-extension://${ext.extensionId}/`;
		return url.startsWith(origin) || url.startsWith(`blob:${origin}`) || url.startsWith('data:');
	};
	const fixtureOrigin = new URL(server.url()).origin;

	let initiators: Awaited<ReturnType<typeof recordInitiators>> | undefined;
	const { page: qualitor } = await openTicketForm(ext, server, { before: async (page) => (initiators = await recordInitiators(page)) });
	const { initiated, cdp } = initiators!;
	await suggestApplyUndo(qualitor);
	await cdp.detach();

	const popup = await ext.context.newPage();
	await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
	await popup.locator('#dump').fill(vectorText('ecpf_octet_cei', 'windows.txt'));
	await expect.poll(() => popup.locator('[role="status"].verdict').getAttribute('data-status')).toBe('valid');

	// The options page too, when this build has one (its SOP previews render Markdown from imported files).
	const manifest = JSON.parse(await readFile(join(resolve(process.env.EXTENSION_DIR ?? 'dist'), 'manifest.json'), 'utf8')) as { options_ui?: { page: string } };
	if (manifest.options_ui) {
		const options = await ext.context.newPage();
		await options.goto(`chrome-extension://${ext.extensionId}/${manifest.options_ui.page}`);
		await options.waitForLoadState('networkidle');
	}
	// Let anything scheduled after the last action (timers, idle callbacks, the worker) go out.
	await qualitor.waitForTimeout(1000);
	const requests = recorder.requests;
	if (process.env.DEBUG_NO_NETWORK) console.info(initiated.map((r) => `${r.url} <- ${r.by}`).join('\n'));

	const fromExtensionScripts = new Set(initiated.filter((r) => r.by.startsWith('chrome-extension://')).map((r) => r.url));
	const byKind = (r: RecordedRequest) =>
		r.fromServiceWorker ? 'service worker' : r.frameUrl.startsWith('chrome-extension://') ? 'extension page' : fromExtensionScripts.has(r.url) ? 'content script' : 'page';
	const brief = (r: RecordedRequest) => `${byKind(r)} ${r.method} ${r.url} (frame ${r.frameUrl || '-'})`;

	// The checks must have something to check: the overlay's chunks are fetched by the content script's loader.
	expect([...fromExtensionScripts].some(own), 'no content-script request was attributed: the initiator check is blind').toBe(true);
	expect(requests.some((r) => byKind(r) === 'extension page'), 'the popup made no request at all?').toBe(true);
	expect(requests.filter((r) => byKind(r) === 'page' && r.url.startsWith(fixtureOrigin)).length).toBeGreaterThan(5);

	// The extension, in every context, only loads itself.
	expect(requests.filter((r) => byKind(r) !== 'page' && !own(r.url)).map(brief)).toEqual([]);
	// Qualitor's own traffic stays with its server; anything else would be the extension's, unattributed.
	expect(requests.filter((r) => byKind(r) === 'page' && !r.url.startsWith(`${fixtureOrigin}/`) && !own(r.url)).map(brief)).toEqual([]);
	console.info(`no-network: ${requests.length} requests (${['service worker', 'extension page', 'content script', 'page'].map((k) => `${k} ${requests.filter((r) => byKind(r) === k).length}`).join(', ')})`);
});
