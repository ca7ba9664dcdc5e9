// The shared fixture Qualitor (tests/fixtures, served over loopback) loaded into jsdom with its own page
// script: applySop against the real imitation's markup, XHR category loads and inline handlers.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findMissingChecks } from '../../src/qualitor/checks.ts';
import { applySop, undoApply, type ApplyPlan } from '../../src/qualitor/apply.ts';
import { findTicketForm } from '../../src/qualitor/detect.ts';
import { checkFieldHealth } from '../../src/qualitor/fields.ts';
import { readPageValues } from '../../src/qualitor/page-values.ts';
import { PATHS, startQualitorServer, type QualitorServer } from '../fixtures/server.ts';

interface Page {
	window: Window & typeof globalThis;
}
// jsdom ships no types (and @types/jsdom is not a dependency): import it by a name TypeScript does not resolve.
const jsdomModule = 'jsdom';
let JSDOM: { fromURL(url: string, options: Record<string, unknown>): Promise<Page> };
let server: QualitorServer;
const windows: Page[] = [];

beforeAll(async () => {
	({ JSDOM } = (await import(/* @vite-ignore */ jsdomModule)) as { JSDOM: typeof JSDOM });
	server = await startQualitorServer({ defaultDelayMs: [20, 40] });
});
afterAll(async () => {
	windows.forEach((w) => w.window.close());
	await server.close();
});

async function open(query: string): Promise<Document> {
	const dom = await JSDOM.fromURL(server.loopbackUrl(`${PATHS.ticketForm}${query}`), {
		runScripts: 'dangerously',
		resources: 'usable',
		pretendToBeVisual: true,
	});
	windows.push(dom);
	await new Promise<void>((resolve) => {
		if (dom.window.document.readyState === 'complete') resolve();
		else dom.window.addEventListener('load', () => resolve());
	});
	return dom.window.document;
}

const selectedText = (doc: Document, id: string) => {
	const select = doc.getElementById(id) as HTMLSelectElement | null;
	return select?.options[select.selectedIndex]?.text;
};

const PLAN: ApplyPlan = {
	categorisation: { tipo: 'Suporte Técnico', categorias: ['SUP - Certificado Digital', 'Cartão', 'Certificado sem CEI'], prioridade: 'Alta' },
	fields: { titulo: 'Certificado sem CEI', descricao: 'Cliente relata certificado sem CEI.', solucao: 'Orientado a reemitir.' },
	adicionais: { 'Descrição para subchamado': 'Reemissão', Encaminhar: 'Relacionamento', Solução: 'Reemitir' },
};

describe('against the fixture Qualitor', () => {
	test('new ticket: cascade over XHR, texts, additional fields; undo restores it all', async () => {
		const doc = await open('?prefill=1&delay=30');
		expect(findTicketForm(doc)?.mode).toBe('new');
		expect(checkFieldHealth(doc).missing).toEqual([]);
		const descricao = (doc.getElementById('dschamado') as HTMLTextAreaElement).value;
		const report = await applySop(doc, PLAN);
		expect(report.notDone).toEqual([]);
		expect(selectedText(doc, 'cdcategoria3')).toBe('Certificado sem CEI');
		expect(selectedText(doc, 'cdseveridade')).toBe('Alta');
		expect((doc.getElementById('dschamado') as HTMLTextAreaElement).value).toBe(`${descricao}\n\nCliente relata certificado sem CEI.`);
		expect((doc.getElementById('vlinformacaoadicional23') as HTMLTextAreaElement).value).toBe('Reemitir');
		expect(selectedText(doc, 'vlinformacaoadicional41')).toBe('Relacionamento');
		expect((doc.getElementById('cdcategoria') as HTMLInputElement).value).not.toBe('');

		const undo = await undoApply(report);
		expect(undo.problems).toEqual([]);
		expect((doc.getElementById('dschamado') as HTMLTextAreaElement).value).toBe(descricao);
		expect(selectedText(doc, 'cdtipochamado')?.trim()).toBe('');
		expect(doc.getElementById('vlinformacaoadicional23')).toBeNull();
	}, 20_000);

	test('another installation: the missing category is reported with its options, the rest still applied', async () => {
		const doc = await open('?tenant=sem-cei&delay=20');
		const report = await applySop(doc, PLAN, { timeoutMs: 3000 });
		expect(report.notDone[0]).toEqual({
			what: 'Categoria 3',
			why: 'Categoria 3 "Certificado sem CEI" não existe neste Qualitor (opções: Em branco, Bloqueado (PIN/PUK), Não reconhecido pela leitora); escolha manualmente.',
		});
		expect((doc.getElementById('nmtitulochamado') as HTMLInputElement).value).toBe('Certificado sem CEI');
	}, 20_000);

	test('edit mode: change fields, prior text kept, page values and checks', async () => {
		const doc = await open('?cdchamado=73553&editor=1&delay=20');
		expect(findTicketForm(doc)?.mode).toBe('edit');
		expect(readPageValues(doc)).toMatchObject({
			cliente: 'Cartório Exemplo de Notas',
			contato: 'REGISTRO ATENDIMENTOS RÁPIDOS',
			dataAbertura: '10/12/2019 13:21',
			numeroChamado: '73553',
		});
		// The ticket's saved note (the Tipo-linked "Canal de atendimento" comes first, with its default).
		const sub = doc.querySelector<HTMLTextAreaElement>('textarea[id^=vlinformacaoadicional]')!;
		const prior = sub.value;
		const report = await applySop(doc, {
			categorisation: { tipo: 'Suporte Técnico', categorias: ['SUP - Certificado Digital', 'Token', 'Em branco'] },
			fields: { descricao: 'Modelo' },
			adicionais: { 'Descrição para subchamado': 'Modelo sub' },
		});
		expect(report.mode).toBe('edit');
		expect(report.notDone).toEqual([]);
		expect(selectedText(doc, 'cdcategoriachange2')).toBe('Token');
		// Qualitor reloaded the additional fields empty after the category change; the agent's text came back
		expect(prior).not.toBe('');
		expect(sub.isConnected).toBe(false);
		expect((doc.getElementById(sub.id) as HTMLTextAreaElement).value).toBe(`${prior}\n\nModelo sub`);
		expect(findMissingChecks(doc, [{ text: 'telefone', check: { kind: 'phones', min: 1 } }])).toHaveLength(1);

		const undo = await undoApply(report);
		expect(undo.problems).toEqual([]);
		expect(selectedText(doc, 'cdcategoriachange2')).toBe('Cartão');
		expect((doc.getElementById(sub.id) as HTMLTextAreaElement).value).toBe(prior);
	}, 20_000);
});
