// "Não é este" in real Chromium on the production build: a dismissed suggestion is gone for this ticket
// (and stays gone while the agent keeps typing), another SOP in the same list and a new ticket are not
// affected, the level words and a near-miss hint are shown, and the options page counts the dismissal.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { QualitorServer } from '../fixtures/server.ts';
import { openTicketForm, useQualitorSession } from './session.ts';
import type { LaunchedExtension } from './harness.ts';
import { overlay } from './overlay-driver.ts';

let server: QualitorServer;
let ext: LaunchedExtension;

useQualitorSession((s, e) => ([server, ext] = [s, e]));

const inOverlay = (page: Page, selector: string) => overlay(page).locator(selector);
const shown = (page: Page, id: string) => inOverlay(page, `[data-sop-id="${id}"]`).count();
const count = (options: Page, sop: string, kind: string) => options.locator(`[data-usage-row="${sop}"] [data-kind="${kind}"]`).innerText().catch(() => '');

test('"Não é este" removes the SOP for this ticket only, and the usage record counts it', async () => {
	const { page: form, problems } = await openTicketForm(ext, server);
	await form.locator('#dschamado').pressSequentially('token em branco no safesign e certificado sem matrícula CEI', { delay: 5 });
	await inOverlay(form, '[data-sop-id="certificado-sem-cei"]').waitFor({ timeout: 30_000 });
	expect(await shown(form, 'token-em-branco')).toBe(1);
	// The level in words, never a percentage.
	expect(await inOverlay(form, '[data-sop-id="token-em-branco"] .level').innerText()).toBe('provável');
	expect(await inOverlay(form, '[data-sop-id="token-em-branco"]').innerText()).not.toMatch(/%/);

	await inOverlay(form, '[data-sop-id="token-em-branco"] [data-action="dismiss"]').click();
	await inOverlay(form, '[data-sop-id="token-em-branco"]').waitFor({ state: 'detached', timeout: 10_000 });
	// Positive control: the other SOP of the same list stays, and was not opened by the click.
	expect(await shown(form, 'certificado-sem-cei')).toBe(1);
	expect(await inOverlay(form, '[data-action="apply"]').count()).toBe(0);
	// More typing that fits the dismissed SOP even better does not bring it back in this ticket.
	await form.locator('#dschamado').pressSequentially(' - token vazio, sem cadeia', { delay: 5 });
	await expect.poll(() => form.locator('#dschamado').inputValue()).toMatch(/sem cadeia$/);
	expect(await shown(form, 'certificado-sem-cei')).toBe(1);
	expect(await shown(form, 'token-em-branco')).toBe(0);

	// A new ticket form: the SOP speaks again (positive control for "this ticket only").
	const { page: next } = await openTicketForm(ext, server);
	await next.locator('#dschamado').pressSequentially('token em branco no safesign', { delay: 5 });
	await inOverlay(next, '[data-sop-id="token-em-branco"]').waitFor({ timeout: 30_000 });
	// A near miss is said as a hint, not suggested.
	await next.locator('#dschamado').fill('cliente esqueceu a senha do token');
	await inOverlay(next, '[data-sop-id="token-em-branco"]').waitFor({ state: 'detached', timeout: 10_000 });
	expect(await inOverlay(next, '[data-hint-sop-id="token-em-branco"]').innerText()).toMatch(/^Parece senha\/PIN do token/);

	const options = await ext.context.newPage();
	await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
	await options.getByRole('heading', { name: 'Uso dos SOPs' }).waitFor();
	await expect.poll(() => count(options, 'token-em-branco', 'dismissed'), { timeout: 10_000 }).toBe('1');
	// Positive control: the SOP that was not dismissed counts none, though it was suggested.
	expect(await count(options, 'certificado-sem-cei', 'suggested')).toBe('1');
	expect(await count(options, 'certificado-sem-cei', 'dismissed')).toBe('0');
	const log = (await ext.serviceWorker.evaluate(() =>
		(globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('usageLog').then((r) => r.usageLog),
	)) as Array<Record<string, unknown>>;
	// No ticket text is stored with a dismissal: a time, the SOP, the kind and the tab's delivery id only.
	const id = expect.stringMatching(/^[0-9a-f]{16}-[0-9a-z]+$/);
	expect(log.filter((e) => e.kind === 'dismissed')).toEqual([{ at: expect.any(Number), sop: 'token-em-branco', kind: 'dismissed', id }]);
	expect(problems.filter((p) => p.kind === 'pageerror')).toEqual([]);
	await options.close();
	await next.close();
	await form.close();
});
