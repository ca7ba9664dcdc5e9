// @vitest-environment jsdom
import { beforeEach, describe, expect, test } from 'vitest';
import { Journal } from '../../src/dom/journal.ts';
import { applyCategorisation } from '../../src/qualitor/cascade.ts';
import { mountFakeQualitor } from './fake-qualitor.ts';

beforeEach(() => document.body.replaceChildren());

describe('applyCategorisation', () => {
	test('chooses each level by its text after that level loaded, then the priority', async () => {
		const fake = mountFakeQualitor(document, { ajaxDelayMs: 30, severityByLeaf: { 'Em branco': 'Baixa' } });
		const report = await applyCategorisation(document, {
			tipo: 'suporte',
			categorias: ['SUP - Certificado Digital', 'Cartao', 'Em branco'],
			prioridade: 'Alta',
		});
		expect(report.notDone).toEqual([]);
		expect(report.complete).toBe(true);
		expect(fake.selectedText('cdtipochamado')).toBe('Suporte');
		expect(fake.selectedText('cdcategoria1')).toBe('SUP - Certificado Digital');
		expect(fake.selectedText('cdcategoria2')).toBe('Cartão');
		expect(fake.selectedText('cdcategoria3')).toBe('Em branco');
		// chosen after the category's default priority (Baixa) was applied
		expect(fake.selectedText('cdseveridade')).toBe('Alta');
		expect(fake.loads).toBe(4); // Tipo + three levels
		expect(report.done.map((d) => `${d.what}=${d.text}`)).toEqual([
			'Tipo=Suporte',
			'Categoria 1=SUP - Certificado Digital',
			'Categoria 2=Cartão',
			'Categoria 3=Em branco',
			'Prioridade=Alta',
		]);
		expect(report.waitMs).toBeGreaterThan(0);
	});

	test('copes with the whole cell being re-rendered after every load', async () => {
		const fake = mountFakeQualitor(document, { ajaxDelayMs: 10 });
		await applyCategorisation(document, { tipo: 'Suporte', categorias: ['SUP - Certificado Digital', 'Token', 'Em branco'] });
		expect(fake.renders).toBe(4);
		expect(fake.selectedText('cdcategoria3')).toBe('Em branco');
		expect(document.querySelectorAll('#tdCategoria select')).toHaveLength(3);
	});

	test('stops at a category this installation lacks, with the options in the message', async () => {
		const fake = mountFakeQualitor(document);
		const report = await applyCategorisation(document, {
			tipo: 'Suporte',
			categorias: ['SUP - Certificado Digital', 'Cartão', 'Certificado sem CEI'],
			prioridade: 'Média',
		});
		expect(report.complete).toBe(false);
		expect(report.notDone).toEqual([
			{ what: 'Categoria 3', why: 'Categoria 3 "Certificado sem CEI" não existe neste Qualitor (opções: Em branco, Bloqueado); escolha manualmente.' },
		]);
		expect(fake.selectedText('cdcategoria2')).toBe('Cartão');
		expect(fake.selectedText('cdcategoria3')).toBe('Selecione');
		// the priority is independent of the cascade and still set
		expect(fake.selectedText('cdseveridade')).toBe('Média');
	});

	test('reports the levels after a missing one as not done', async () => {
		mountFakeQualitor(document);
		const report = await applyCategorisation(document, { tipo: 'Suporte', categorias: ['Inexistente', 'Cartão', 'Em branco'] });
		expect(report.notDone.map((n) => n.what)).toEqual(['Categoria 1', 'Categoria 2', 'Categoria 3']);
		expect(report.notDone[1]?.why).toContain('Categoria 2 "Cartão" não foi escolhida');
	});

	test('reports a missing Tipo option and does not touch the categories', async () => {
		const fake = mountFakeQualitor(document);
		const report = await applyCategorisation(document, { tipo: 'Incidente', categorias: ['X'] });
		expect(report.notDone[0]).toEqual({ what: 'Tipo', why: 'Tipo "Incidente" não existe neste Qualitor (opções: Suporte, Solicitação); escolha manualmente.' });
		expect(fake.loads).toBe(0);
	});

	test('bounds each wait: a load that never ends stops the cascade after the timeout', async () => {
		mountFakeQualitor(document, { hangOn: 'Cartão' });
		const started = performance.now();
		const report = await applyCategorisation(
			document,
			{ tipo: 'Suporte', categorias: ['SUP - Certificado Digital', 'Cartão', 'Em branco'] },
			{ timeoutMs: 200 },
		);
		const elapsed = performance.now() - started;
		expect(elapsed).toBeGreaterThanOrEqual(190);
		expect(elapsed).toBeLessThan(2000);
		expect(report.notDone).toEqual([
			{
				what: 'Categoria 3',
				why: 'Categoria 3 não apareceu em 0.2 s depois de escolher Categoria 2 "Cartão"; escolha "Em branco" manualmente.',
			},
		]);
	});

	test('a level that never appears (the tree is shallower) times out with a message', async () => {
		mountFakeQualitor(document);
		const report = await applyCategorisation(
			document,
			{ tipo: 'Suporte', categorias: ['SUP - Certificado Digital', 'Emissão', 'Em branco'] },
			{ timeoutMs: 150 },
		);
		expect(report.notDone.map((n) => n.what)).toEqual(['Categoria 3']);
		expect(report.done.map((d) => d.what)).toEqual(['Tipo', 'Categoria 1', 'Categoria 2']);
	});

	test('stops when aborted', async () => {
		mountFakeQualitor(document, { ajaxDelayMs: 50 });
		const controller = new AbortController();
		setTimeout(() => controller.abort(), 20);
		const report = await applyCategorisation(
			document,
			{ tipo: 'Suporte', categorias: ['SUP - Certificado Digital', 'Cartão'], prioridade: 'Alta' },
			{ signal: controller.signal },
		);
		expect(report.complete).toBe(false);
		expect(report.notDone[0]?.why).toContain('Cancelado');
		expect(report.done.map((d) => d.what)).toEqual(['Tipo']);
	});

	test('reports a missing Tipo field instead of throwing', async () => {
		document.body.innerHTML = '<textarea id="dschamado"></textarea>';
		const report = await applyCategorisation(document, { tipo: 'Suporte', categorias: ['A'] });
		expect(report.notDone.map((n) => n.what)).toEqual(['Tipo', 'Categoria 1']);
	});

	test('works in edit mode on the change fields, from an existing categorisation', async () => {
		const fake = mountFakeQualitor(document, { mode: 'edit', initial: { tipo: 'Suporte', path: ['SUP - Sistema', 'Acesso'] } });
		const report = await applyCategorisation(
			document,
			{ tipo: 'Suporte', categorias: ['SUP - Certificado Digital', 'Token', 'Em branco'] },
			{ mode: 'edit' },
		);
		expect(report.notDone).toEqual([]);
		expect(report.done[0]).toMatchObject({ what: 'Tipo', outcome: 'already' });
		expect(fake.selectedText('cdcategoriachange1')).toBe('SUP - Certificado Digital');
		expect(fake.selectedText('cdcategoriachange3')).toBe('Em branco');
	});

	test('undo restores Tipo, each level and the priority, level 1 first through the loads', async () => {
		const fake = mountFakeQualitor(document, {
			mode: 'edit',
			initial: { tipo: 'Suporte', path: ['SUP - Certificado Digital', 'Cartão', 'Bloqueado'] },
			severityByLeaf: { 'Em branco': 'Baixa', Acesso: 'Crítica' },
		});
		(document.getElementById('cdseveridade') as HTMLSelectElement).selectedIndex = 2; // Média, set by the agent
		const journal = new Journal(document);
		const report = await applyCategorisation(
			document,
			{ tipo: 'Suporte', categorias: ['SUP - Sistema', 'Acesso'], prioridade: 'Alta' },
			{ mode: 'edit', journal },
		);
		expect(report.notDone).toEqual([]);
		expect(fake.selectedText('cdcategoriachange2')).toBe('Acesso');
		expect(document.getElementById('cdcategoriachange3')).toBeNull();
		const undo = await journal.undo();
		expect(undo.problems).toEqual([]);
		expect(fake.selectedText('cdtipochamadochange')).toBe('Suporte');
		expect(fake.selectedText('cdcategoriachange1')).toBe('SUP - Certificado Digital');
		expect(fake.selectedText('cdcategoriachange2')).toBe('Cartão');
		expect(fake.selectedText('cdcategoriachange3')).toBe('Bloqueado');
		expect(fake.selectedText('cdseveridade')).toBe('Média');
	});

	test('undo of a new ticket clears the cascade back to nothing chosen', async () => {
		const fake = mountFakeQualitor(document);
		const journal = new Journal(document);
		await applyCategorisation(document, { tipo: 'Suporte', categorias: ['SUP - Certificado Digital', 'Cartão', 'Em branco'] }, { journal });
		const undo = await journal.undo();
		expect(undo.problems).toEqual([]);
		await fake.idle();
		expect(fake.selectedText('cdtipochamado')).toBe('Selecione');
		expect(document.querySelectorAll('#tdCategoria select')).toHaveLength(0);
	});
});
