// Every stored form skeleton (tests/fixtures/skeletons/*.json, added with `npm run fixture -- add`) served
// by the fixture server as a page that behaves like Qualitor, and a SOP applied on it in real Chromium:
// categories chosen by their text level by level, Descrição written, the page throws nothing, and undo
// gives the fields back. The files are listed when the tests are collected: a new skeleton is a new test.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { parseSop } from '../../src/sop/parse.ts';
import type { QualitorServer } from '../fixtures/server.ts';
import { loadSkeleton, skeletonNames, skeletonPagePath, skeletonTipos } from '../fixtures/qualitor/skeleton-page.ts';
import { openTicketForm, useQualitorSession } from './session.ts';
import type { LaunchedExtension } from './harness.ts';
import { snapshotForm } from './form-snapshot.ts';

let server: QualitorServer;
let ext: LaunchedExtension;
useQualitorSession((s, e) => ([server, ext] = [s, e]));

/** The SOP applied on every skeleton, the ticket text that brings it up, and the values of its variables. */
const SOP_ID = 'token-em-branco';
const TICKET_TEXT = 'cliente com token em branco no safesign';
const VARIABLES: Record<string, string> = { telefone1: '(51) 99999-1111', telefone2: '(51) 3333-2222', email: 'ana@exemplo.com.br' };
const parsed = parseSop(`sops/${SOP_ID}.md`, readFileSync(new URL(`../../sops/${SOP_ID}.md`, import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error(`sops/${SOP_ID}.md does not parse`);
const sop = parsed.sop;

/**
 * What the skeleton page offers of the SOP's classification: the levels that exist by text (Tipo first),
 * and the first one that does not (which the report must name).
 */
function expectedClassification(name: string): { found: string[]; missing?: { level: number; text: string } } {
	const wanted = [sop.qualitor?.tipo ?? '', ...(sop.qualitor?.categorias ?? [])];
	const tipo = skeletonTipos(loadSkeleton(name)!).find((t) => t.name === wanted[0]);
	if (!tipo) return { found: [], missing: { level: 0, text: wanted[0]! } };
	const found = [tipo.name];
	let options = tipo.categories;
	for (const [i, text] of wanted.slice(1).entries()) {
		const category = options.find((c) => c.name === text);
		if (!category) return { found, missing: { level: i + 1, text } };
		found.push(text);
		options = category.children ?? [];
	}
	return { found };
}

const selectedText = (page: Page, id: string) => page.$eval(`#${id}`, (s: HTMLSelectElement) => s.options[s.selectedIndex]?.text ?? '').catch(() => null);

describe('every stored skeleton, served as a Qualitor page', () => {
	const names = skeletonNames();
	test('there are skeletons to test (the two built from the evidence at least)', () => {
		expect(names.length).toBeGreaterThanOrEqual(2);
	});

	test.each(names)('%s: the SOP applies by text, Descrição is written, undo restores, no page error', async (name) => {
		const skeleton = loadSkeleton(name)!;
		const id = (pattern: RegExp, tag?: string) => skeleton.controls.find((c) => pattern.test(c.id) && (!tag || c.tag === tag))?.id;
		const descricao = id(/^dschamado/, 'textarea');
		const tipo = id(/^cdtipochamado/, 'select');
		expect(descricao, 'the skeleton has a Descrição textarea').toBeTruthy();
		expect(tipo, 'the skeleton has a Tipo select').toBeTruthy();
		const campo = tipo!.replace(/^cdtipochamado/, 'cdcategoria');
		const expected = expectedClassification(name);

		const { page, problems, overlay: o } = await openTicketForm(ext, server, { path: skeletonPagePath(name, skeleton), viewport: { width: 1280, height: 900 } });
		await page.waitForSelector(`#${descricao}`);
		const before = await page.evaluate(snapshotForm);

		await page.locator(`#${descricao}`).pressSequentially(TICKET_TEXT, { delay: 5 });
		await o.locator(`[data-sop-id="${SOP_ID}"]`).first().click();
		for (const [variable, value] of Object.entries(VARIABLES)) {
			const input = o.locator(`input[name="${variable}"]`);
			if ((await input.count()) > 0) await input.fill(value);
		}
		const apply = o.locator('[data-action="apply"]');
		await apply.click();
		await o.locator('.report li').first().waitFor({ timeout: 30_000 });
		await expect.poll(() => apply.isEnabled(), { timeout: 30_000 }).toBe(true);
		await page.waitForFunction(() => !document.getElementById('divLoading'), null, { timeout: 10_000 });

		// The page's own fields: Tipo and each category level chosen by its text.
		const ids = [tipo!, ...expected.found.slice(1).map((_, i) => `${campo}${i + 1}`)];
		for (const [i, text] of expected.found.entries()) expect(await selectedText(page, ids[i]!), ids[i]).toBe(text);
		if (expected.missing) {
			const what = expected.missing.level === 0 ? 'Tipo' : `Categoria ${expected.missing.level}`;
			expect(await o.locator('[data-report="not-done"]').innerText()).toContain(`${what} "${expected.missing.text}" não existe neste Qualitor`);
		} else {
			// Complete: the hidden final category holds a code, as Qualitor posts it.
			expect(await page.inputValue(`#${campo}`)).not.toBe('');
		}
		const written = await page.inputValue(`#${descricao}`);
		expect(written.startsWith(TICKET_TEXT)).toBe(true);
		expect(written).toContain(sop.templates?.descricao?.trim().split('\n')[0] ?? '\u0000');
		// An additional field the skeleton lists, filled by its label once the classification is complete.
		const encaminhar = skeleton.controls.find((c) => /^vlinformacaoadicional/.test(c.id) && c.label === 'Encaminhar' && c.options?.includes('Relacionamento'));
		if (encaminhar && !expected.missing) expect(await selectedText(page, encaminhar.id)).toBe('Relacionamento');

		// The SOP's additional fields this installation lacks are named, not waited for; the ones it has are not.
		const notDone = (await o.locator('[data-report="not-done"]').count()) > 0 ? await o.locator('[data-report="not-done"]').innerText() : '';
		const absent = (label: string) => `Campo adicional "${label}" não está no formulário`;
		// (Only those whose text the test can complete: a field with a variable left empty is "não preenchido".)
		const complete = Object.entries(sop.templates?.adicionais ?? {}).filter(([, text]) => [...text.matchAll(/\{(\w+)\}/g)].every((m) => m[1]! in VARIABLES));
		expect(complete.length).toBeGreaterThan(0);
		for (const [label] of complete) {
			const controls = skeleton.controls.filter((c) => c.label === label);
			if (controls.length === 0) expect(notDone, label).toContain(absent(label));
			else if (controls.every((c) => /^vlinformacaoadicional/.test(c.id)) && !expected.missing) expect(notDone, label).not.toContain(absent(label));
		}

		await o.locator('[data-action="undo"]').click();
		await o.locator('[data-report="undone"]').waitFor({ timeout: 30_000 });
		await page.waitForFunction(() => !document.getElementById('divLoading'), null, { timeout: 10_000 });
		const after = await page.evaluate(snapshotForm);
		// Undo gives back what the page had before the apply: the agent's text, and nothing chosen.
		expect(await page.inputValue(`#${descricao}`)).toBe(TICKET_TEXT);
		expect({ ...after, [descricao!]: before[descricao!] }).toEqual(before);
		expect(problems).toEqual([]);
		await page.close();
	}, 90_000);
});
