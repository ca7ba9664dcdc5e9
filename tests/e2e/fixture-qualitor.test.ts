// Keeps the imitation of Qualitor honest: driven by hand in real Chromium, it must behave the way the
// extension will meet it (AJAX cascade that re-renders its cell, late additional fields, validation).
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { PATHS, type QualitorServer } from '../fixtures/server.ts';
import { overlay } from './overlay-driver.ts';
import { useQualitorSession } from './session.ts';
import { recordPageProblems, type LaunchedExtension, type PageProblem } from './harness.ts';

let server: QualitorServer;
let ext: LaunchedExtension;

useQualitorSession((s, e) => ([server, ext] = [s, e]));

let problems: PageProblem[] = [];

/**
 * Qualitor's Processar as an agent clicks it: when the extension's save check holds it (Qualitor's own
 * required fields empty), "Salvar assim mesmo" runs Qualitor's handler, whose validation is under test here.
 */
async function processar(page: Page): Promise<void> {
	await page.click('#btnProcessar');
	const anyway = overlay(page).locator('[data-action="save-anyway"]');
	const held = await anyway.waitFor({ timeout: 1500 }).then(() => true, () => false);
	if (held) await anyway.click();
}

async function open(query = '', path: string = PATHS.ticketForm): Promise<Page> {
	const page = await ext.context.newPage();
	problems = recordPageProblems(page).problems;
	await page.goto(server.url(path + query));
	return page;
}

/** Chooses an option by its text the way a person does, then waits for the AJAX load it starts. */
async function choose(page: Page, id: string, text: string): Promise<void> {
	await page.waitForSelector(`#${id} option:text-is("${text}")`, { state: 'attached' });
	await page.selectOption(`#${id}`, { label: text });
	await page.waitForSelector('#divLoading', { state: 'detached' });
}

const optionTexts = (page: Page, id: string) => page.$$eval(`#${id} option`, (os) => os.map((o) => (o as HTMLOptionElement).text.trim()).filter(Boolean));
const labelsOfAdditionalFields = (page: Page) =>
	page.$$eval('#tdCamposAdicionais td.LABEL', (tds) => tds.map((td) => td.textContent!.replace(/[*:]/g, '').trim()));

describe('new-ticket form', () => {
	test('the category cascade loads each level by XHR and re-renders the cell', async () => {
		const page = await open();
		expect(await page.$('#cdcategoria1[disabled]')).not.toBeNull();
		const staleLevel1 = await page.$('#cdcategoria1');

		const loading = page.waitForSelector('#divLoading', { state: 'attached' });
		await page.selectOption('#cdtipochamado', { label: 'Suporte Técnico' });
		await loading; // the indicator exists while the load runs...
		await page.waitForSelector('#divLoading', { state: 'detached' }); // ...and is gone afterwards
		expect(await staleLevel1!.evaluate((el) => el.isConnected)).toBe(false);

		const values = await page.$$eval('#cdcategoria1 option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
		expect(values.every((v) => /^\d+$/.test(v))).toBe(true);
		expect(await optionTexts(page, 'cdcategoria1')).toEqual(
			expect.arrayContaining(['SUP - Certificado Digital', 'SUP - Sistemas', 'SUP - MAPA', 'SUP - e-Notariado']),
		);
		expect(await page.$('#cdcategoria2')).toBeNull();

		await choose(page, 'cdcategoria1', 'SUP - Certificado Digital');
		await choose(page, 'cdcategoria2', 'Cartão');
		// Before the classification is complete, only the Tipo's field, with its admin default.
		expect(await labelsOfAdditionalFields(page)).toEqual(['Canal de atendimento']);
		expect(await page.inputValue('#vlinformacaoadicional61')).toBe('Não informado');
		expect(await optionTexts(page, 'cdcategoria3')).toEqual(expect.arrayContaining(['Certificado sem CEI', 'Em branco']));

		await choose(page, 'cdcategoria3', 'Certificado sem CEI');
		expect(await page.$eval('#cdcategoria1', (s) => (s as HTMLSelectElement).selectedOptions[0]!.text)).toBe('SUP - Certificado Digital');
		expect(await labelsOfAdditionalFields(page)).toEqual([
			'Canal de atendimento', 'Descrição para subchamado', 'Solução', 'Encaminhar', 'Nome', 'Telefone', 'E-mail', 'CPF/CNPJ', 'Protocolo',
			'Mídia foi reaproveitada?', 'Mídia é da Safeweb?',
		]);
		expect(await page.$('textarea#vlinformacaoadicional17')).not.toBeNull();
		expect(await optionTexts(page, 'vlinformacaoadicional41')).toContain('Relacionamento');
		// Label styles alternate: a <label for> on some rows (Canal, Solução…), bare cell text on others.
		expect(await page.$('label[for="vlinformacaoadicional23"]')).not.toBeNull();
		expect(await page.$('label[for="vlinformacaoadicional17"]')).toBeNull();
		expect(problems).toEqual([]);
		await page.close();
	});

	test('Processar validates like Qualitor, then shows the new number without leaving the page', async () => {
		const page = await open();
		await choose(page, 'cdtipochamado', 'Suporte Técnico');
		await choose(page, 'cdcategoria1', 'SUP - Certificado Digital');
		await choose(page, 'cdcategoria2', 'Token');
		await choose(page, 'cdcategoria3', 'Em branco');

		await processar(page);
		await expect(page.textContent('.WINDOW .WINDOWBODY')).resolves.toBe('O campo Cliente é obrigatório.');
		await page.click('#btnOK');

		await page.fill('#cdcliente', '1042');
		await page.dispatchEvent('#cdcliente', 'change');
		expect(await page.inputValue('#nmcliente')).toBe('Cartório Exemplo de Notas');
		await page.fill('#cdcontato', '88');
		await page.dispatchEvent('#cdcontato', 'change');
		await page.fill('#dschamado', 'Informa que não consegue utilizar o Certificado Digital.');
		await processar(page);
		await expect(page.textContent('.WINDOW .WINDOWBODY')).resolves.toBe('O campo Solução é obrigatório.');
		await page.click('#btnOK');

		await page.fill('#vlinformacaoadicional23', 'Orientado a nova emissão.');
		await page.selectOption('#vlinformacaoadicional41', { label: 'Relacionamento' });
		const before = server.submissions.length;
		await processar(page);
		await page.waitForSelector('#label_cdchamado:text-matches("^\\\\d+$")');
		const numero = await page.textContent('#label_cdchamado');
		expect(page.url()).toBe(server.url(PATHS.ticketForm));
		const saved = server.submissions.slice(before);
		expect(saved).toHaveLength(1);
		expect(String(saved[0]!.cdchamado)).toBe(numero);
		expect(saved[0]!.fields).toMatchObject({
			cdtipochamado: '1',
			cdcategoria: '4411',
			dschamado: 'Informa que não consegue utilizar o Certificado Digital.',
			vlinformacaoadicional23: 'Orientado a nova emissão.',
			vlinformacaoadicional41: 'Relacionamento',
		});
		expect(problems).toEqual([]);
		await page.close();
	});

	test('categories that stop at level 2 or 1; the category default sets the Prioridade', async () => {
		const page = await open();
		await choose(page, 'cdtipochamado', 'Suporte Técnico');
		await choose(page, 'cdcategoria1', 'SUP - MAPA');
		expect(await optionTexts(page, 'cdcategoria2')).toEqual(['Consulta Técnica', 'Defeito com paralisação', 'Defeito sem paralisação']);
		await choose(page, 'cdcategoria2', 'Defeito com paralisação');
		expect(await page.$('#cdcategoria3')).toBeNull();
		expect(await page.$eval('#cdseveridade', (s) => (s as HTMLSelectElement).selectedOptions[0]!.text)).toBe('Urgente');
		expect(await labelsOfAdditionalFields(page)).toEqual(['Canal de atendimento', 'Descrição para subchamado', 'Protocolo', 'Encaminhar']);

		await choose(page, 'cdcategoria1', 'SUP - Dúvida geral');
		expect(await page.$('#cdcategoria2')).toBeNull();
		expect(await page.inputValue('#cdcategoria')).toMatch(/^\d+$/);
		expect(await labelsOfAdditionalFields(page)).toEqual(['Canal de atendimento']); // the Tipo's only
		expect(problems).toEqual([]);
		await page.close();
	});

	test('?delay= slows every load, so waits are exercised', async () => {
		const page = await open('?delay=600');
		const started = Date.now();
		await choose(page, 'cdtipochamado', 'Suporte Técnico');
		expect(Date.now() - started).toBeGreaterThanOrEqual(550);
		await page.close();
	});

	test('?prefill=1 has agent text in título and descrição', async () => {
		const page = await open('?prefill=1');
		expect(await page.inputValue('#nmtitulochamado')).toBe('Token em branco');
		expect(await page.inputValue('#dschamado')).toContain('anotação do atendente');
		expect(await page.inputValue('#nmcliente')).not.toBe('');
		await page.close();
	});

	test('the Solução tab holds dsacaocorretiva, hidden until the tab is clicked', async () => {
		const page = await open();
		expect(await page.isVisible('#dsacaocorretiva')).toBe(false);
		await page.click('#XMLTababa_solucao');
		expect(await page.isVisible('#dsacaocorretiva')).toBe(true);
		expect(await page.isVisible('#dschamado')).toBe(false);
		await page.close();
	});
});

test('?tenant=sem-cei: "Certificado sem CEI" does not exist, and codes and field numbers differ', async () => {
	const page = await open('?tenant=sem-cei');
	await choose(page, 'cdtipochamado', 'Suporte Técnico');
	const code = await page.$eval('#cdcategoria1', (s) => [...(s as HTMLSelectElement).options].find((o) => o.text === 'SUP - Certificado Digital')!.value);
	expect(code).not.toBe('310');
	await choose(page, 'cdcategoria1', 'SUP - Certificado Digital');
	await choose(page, 'cdcategoria2', 'Cartão');
	const cartao = await optionTexts(page, 'cdcategoria3');
	expect(cartao).toContain('Em branco');
	expect(cartao).not.toContain('Certificado sem CEI');
	await choose(page, 'cdcategoria3', 'Em branco');
	expect(await page.$('#vlinformacaoadicional17')).toBeNull();
	expect(await labelsOfAdditionalFields(page)).toContain('Descrição para subchamado');
	expect(problems).toEqual([]);
	await page.close();
});

describe('edit mode (?cdchamado=73553)', () => {
	test('shows the ticket in the change fields, prefilled, with the same cascade', async () => {
		const page = await open('?cdchamado=73553&editor=1');
		expect(await page.$('#cdtipochamado')).toBeNull();
		expect(await page.$eval('#cdcategoriachange3', (s) => (s as HTMLSelectElement).selectedOptions[0]!.text)).toBe('Em branco');
		expect(await page.inputValue('#nmtitulochamadochange')).not.toBe('');
		expect(await page.inputValue('#dschamadochange')).toContain('Texto digitado pelo atendente');
		expect(await page.inputValue('#vlinformacaoadicional17')).toContain('anotação do atendente');

		const stale = await page.$('#cdcategoriachange1');
		await choose(page, 'cdcategoriachange3', 'Certificado sem CEI');
		expect(await stale!.evaluate((el) => el.isConnected)).toBe(false);
		expect(await page.$('#cdcategoriachange1')).not.toBeNull();
		await page.fill('#vlinformacaoadicional23', 'Nova emissão com CEI vinculado.');
		await page.click('#btnProcessChange');
		await page.waitForSelector('.SUCCESS');
		expect(server.submissions.at(-1)).toMatchObject({ acao: 'alterar', cdchamado: 73553 });
		expect(problems).toEqual([]);
		await page.close();
	});

	test('an unknown ticket shows a message and no form', async () => {
		const page = await open('?cdchamado=1');
		expect(await page.textContent('body')).toContain('não encontrado');
		expect(await page.$('#btnProcessChange')).toBeNull();
		await page.close();
	});
});
