// The usual set-up of a Chromium E2E file: the Qualitor imitation and the browser with the extension,
// started before the file's tests and closed after them; and the usual start of a test: a fixture
// ticket form in a new tab, with the overlay mounted on it.
import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { PATHS, startQualitorServer, type QualitorServer } from '../fixtures/server.ts';
import { launchExtension, recordPageProblems, waitForContentScript, type LaunchedExtension, type LaunchOptions, type PageProblem } from './harness.ts';
import { overlay, type Overlay } from './overlay-driver.ts';

export function useQualitorSession(ready: (server: QualitorServer, ext: LaunchedExtension) => void, options: LaunchOptions = {}): void {
	let server: QualitorServer | undefined;
	let ext: LaunchedExtension | undefined;
	beforeAll(async () => {
		server = await startQualitorServer();
		ext = await launchExtension(options);
		ready(server, ext);
	});
	afterAll(async () => {
		await ext?.close();
		await server?.close();
	});
}

export interface Viewport {
	width: number;
	height: number;
	/** Device scale factor; other than 1 it plays browser zoom (125 % of 1366×768 = 1093×614 at 1.25). */
	scale?: number;
}

export interface TicketFormOptions {
	/** Path and query on the fixture server. Default: the new-ticket form. */
	path?: string;
	/** Default: the browser context's (Playwright's 1280×720). */
	viewport?: Viewport;
	/** Runs on the new tab before it navigates (an init script, a request recorder). */
	before?: (page: Page) => unknown;
	/** Wait for the overlay to mount (default); false for a page that must mount nothing. */
	mount?: boolean;
	/** How long the overlay may take to mount. Default 15 s. */
	timeout?: number;
}

export interface TicketForm {
	page: Page;
	/** The page's errors, console errors and failed requests from before it navigated. */
	problems: PageProblem[];
	/** The driver of the overlay's closed shadow root on that page. */
	overlay: Overlay;
}

/** Opens a fixture ticket form in a new tab of the extension's browser and waits until the overlay is mounted. */
export async function openTicketForm(ext: LaunchedExtension, server: QualitorServer, options: TicketFormOptions = {}): Promise<TicketForm> {
	const { path = PATHS.ticketForm, viewport, before, mount = true, timeout = 15_000 } = options;
	const page = await ext.context.newPage();
	if (viewport && (viewport.scale ?? 1) !== 1) {
		const cdp = await ext.context.newCDPSession(page);
		await cdp.send('Emulation.setDeviceMetricsOverride', { width: viewport.width, height: viewport.height, deviceScaleFactor: viewport.scale!, mobile: false });
	} else if (viewport) await page.setViewportSize({ width: viewport.width, height: viewport.height });
	await before?.(page);
	const { problems } = recordPageProblems(page);
	await page.goto(server.url(path));
	const o = overlay(page);
	if (mount) await o.waitForMount({ timeout });
	return { page, problems, overlay: o };
}

/** Opens a fixture page without a ticket form (dashboard, login) in a new tab and waits until the content script runs in it. */
export async function openWatchedPage(ext: LaunchedExtension, server: QualitorServer, path: string): Promise<{ page: Page; problems: PageProblem[] }> {
	const page = await ext.context.newPage();
	const { problems } = recordPageProblems(page);
	await page.goto(server.url(path));
	await waitForContentScript(page, ext.extensionId, path);
	return { page, problems };
}

/**
 * Clicks Aplicar on the SOP open in the page's panel and waits until the apply is over: the report shown,
 * Aplicar enabled again and Qualitor's last load done. Returns the report's text.
 */
export async function applyOpenSop(page: Page): Promise<string> {
	const o = overlay(page);
	const apply = o.locator('[data-action="apply"]');
	await apply.click();
	await o.locator('.report li, .report [data-report]').first().waitFor({ timeout: 30_000 });
	await expect.poll(() => apply.getAttribute('aria-disabled'), { timeout: 30_000 }).toBe('false');
	await page.waitForFunction(() => !document.getElementById('divLoading'), null, { timeout: 10_000 });
	return o.locator('.report').innerText();
}
