// What Qualitor receives: E2E tests click the fixture's Processar and read the post the server recorded
// (`server.submissions`), so a test checks that what the page shows is what the ticket gets.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { QualitorServer, Submission } from '../fixtures/server.ts';
import type { Overlay } from './overlay-driver.ts';

/** Fills Cliente and Contato as an agent does (code + Tab: Qualitor looks them up), which Qualitor requires to save. */
export async function fillClient(page: Page): Promise<void> {
	for (const [id, code] of [['cdcliente', '1042'], ['cdcontato', '88']] as const) {
		await page.locator(`#${id}`).fill(code);
		await page.locator(`#${id}`).press('Tab');
	}
	await expect.poll(() => page.inputValue('#nmcontato')).not.toBe('');
}

/**
 * Clicks Qualitor's Processar and returns the one ticket the page posted. When the extension's check before
 * saving opens (a SOP item only the agent can confirm), "Salvar assim mesmo" runs Qualitor's own save,
 * unchanged. Fails with Qualitor's message when the page refused to save.
 */
export async function processar(page: Page, o: Overlay, server: QualitorServer): Promise<Submission> {
	const before = server.submissions.length;
	await page.click('#btnProcessar');
	const state = async (): Promise<string> => {
		if (server.submissions.length > before) return 'saved';
		if (await page.locator('#divAlerta').count()) return `Qualitor: ${await page.locator('#divAlerta .WINDOWBODY').innerText()}`;
		if (await o.locator('[data-save-check]').count()) {
			await o.locator('[data-action="save-anyway"]').click();
			return 'save check';
		}
		return 'waiting';
	};
	await expect.poll(state, { timeout: 20_000 }).toBe('saved');
	expect(server.submissions).toHaveLength(before + 1);
	return server.submissions.at(-1)!;
}

/** The name a control posts under (an additional field's `vlinformacaoadicionalN` differs per installation). */
export const postedName = (control: Locator): Promise<string> => control.evaluate((e) => (e as HTMLInputElement).name);

/** The code Qualitor posts for an option of a select, found by its text among all its options (not the chosen one). */
export const optionCode = (page: Page, id: string, text: string): Promise<string> =>
	page.$eval(`#${id}`, (s, t) => [...(s as HTMLSelectElement).options].find((o) => o.text.trim() === t)?.value ?? `no option "${t}"`, text);
