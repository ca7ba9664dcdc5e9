// The CEI popup's page in Firefox ESR, on the Firefox build: it renders with its inline styles, the paste box
// has the focus, typed text is decoded by the lazy decoder chunk, Tab reaches the file picker.
// WebDriver BiDi refuses to navigate a tab to a moz-extension:// page, and only a page the add-on exposes can
// be opened from a web page: the test runs a copy of dist-firefox/ whose manifest also lists the popup's
// files as web-accessible (test only; the build itself exposes nothing of the popup) and opens it by a link.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchFirefoxExtension, until, type LaunchedFirefox } from './firefox-harness.ts';

let firefox: LaunchedFirefox;
let copy: string;
let page: Page;
const errors: Error[] = [];

beforeAll(async () => {
	copy = mkdtempSync(join(tmpdir(), 'sop-assist-ff-popup-'));
	cpSync(resolve(process.env.FIREFOX_EXTENSION_DIR ?? 'dist-firefox'), copy, { recursive: true });
	const manifestFile = join(copy, 'manifest.json');
	const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
		action: { default_popup: string };
		web_accessible_resources?: { resources: string[]; matches: string[] }[];
	};
	const popup = manifest.action.default_popup;
	manifest.web_accessible_resources = [...(manifest.web_accessible_resources ?? []), { resources: [popup, 'popup/*'], matches: ['<all_urls>'] }];
	writeFileSync(manifestFile, JSON.stringify(manifest));
	firefox = await launchFirefoxExtension({ extensionDir: copy });
	page = await firefox.browser.newPage();
	page.on('pageerror', (e) => errors.push(e as Error));
	const url = `${firefox.extensionOrigin}/${popup}`;
	await page.goto(`data:text/html,<a id="open" href="${url}">popup</a>`);
	await page.click('#open');
	await until(() => page.evaluate(() => location.href).catch(() => ''), (href) => href === url, 15_000, 'the popup page opened');
	await until(() => page.evaluate(() => performance.getEntriesByName('decoder-ready').length).catch(() => 0), (n) => n > 0, 15_000, 'popup ready');
}, 60_000);

afterAll(async () => {
	await firefox?.close();
	if (copy) rmSync(copy, { recursive: true, force: true });
});

const verdict = () =>
	page.evaluate(() => {
		const v = document.querySelector('.verdict');
		return { status: v?.getAttribute('data-status') ?? null, text: v?.textContent ?? '', border: v ? getComputedStyle(v).borderTopStyle : '' };
	});

test('the popup renders with its inline styles, the paste box focused and waiting', async () => {
	expect(await page.evaluate(() => performance.getEntriesByName('popup-ready').length)).toBe(1);
	expect(await page.evaluate(() => document.activeElement?.id)).toBe('dump');
	const v = await verdict();
	expect(v.status).toBe('idle');
	// The banner's border comes from the page's <style> only: without it the section has none.
	expect(v.border).toBe('solid');
	expect(await page.evaluate(() => getComputedStyle(document.body).width)).toBe('440px');
});

test('typed digits are decoded as they arrive; Tab reaches the file picker', async () => {
	await page.keyboard.type('31 32 33 34 35 36 37');
	const v = await until(verdict, (x) => x.status !== 'idle', 10_000, 'a verdict');
	expect(v.status).toBe('unconfirmed');
	expect(v.text).toContain('1234567');
	expect(await page.evaluate(() => document.querySelectorAll('tr').length)).toBeGreaterThan(0);
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => document.activeElement?.id)).toBe('file');
	expect(errors).toEqual([]);
});
