// @vitest-environment jsdom
import { beforeEach, describe, expect, test } from 'vitest';
import { checkFieldHealth, findAdditionalField, findAdditionalFields, findField } from '../../src/qualitor/fields.ts';
import { mountFakeQualitor } from './fake-qualitor.ts';

beforeEach(() => document.body.replaceChildren());

describe('findField', () => {
	test('finds standard fields by id in new mode', () => {
		mountFakeQualitor(document);
		expect(findField(document, 'descricao')).toMatchObject({ via: 'id', element: { id: 'dschamado' } });
		expect(findField(document, 'tipo')?.element.id).toBe('cdtipochamado');
		expect(findField(document, 'processar')?.element.id).toBe('btnProcessar');
		expect(findField(document, 'solucao')?.element.id).toBe('dsacaocorretiva');
	});

	test('uses the change ids in edit mode, never the read-only originals', () => {
		mountFakeQualitor(document, { mode: 'edit', initial: { tipo: 'Suporte', path: ['SUP - Certificado Digital'] } });
		expect(findField(document, 'descricao', { mode: 'edit' })?.element.id).toBe('dschamadochange');
		expect(findField(document, 'titulo', { mode: 'edit' })?.element.id).toBe('nmtitulochamadochange');
		expect(findField(document, 'tipo', { mode: 'edit' })?.element.id).toBe('cdtipochamadochange');
		expect(findField(document, 'categoria1', { mode: 'edit' })?.element.id).toBe('cdcategoriachange1');
		expect(findField(document, 'processar', { mode: 'edit' })?.element.id).toBe('btnProcessChange');
	});

	test.each(['td', 'for'] as const)('falls back to the visible label (%s), ignoring *, :, case and accents', (labels) => {
		mountFakeQualitor(document, { labels });
		// an installation with other ids
		for (const id of ['dschamado', 'nmtitulochamado', 'cdtipochamado']) document.getElementById(id)!.id = `x_${id}`;
		expect(findField(document, 'descricao')).toMatchObject({ via: 'label', element: { id: 'x_dschamado' } });
		expect(findField(document, 'titulo')).toMatchObject({ via: 'label', element: { id: 'x_nmtitulochamado' } });
		expect(findField(document, 'tipo')).toMatchObject({ via: 'label', element: { id: 'x_cdtipochamado' } });
	});

	test('reads a label with the control in the same cell, and odd spacing and case', () => {
		document.body.innerHTML = '<table><tr><td>  DESCRICAO *  : <textarea id="d1"></textarea></td></tr></table>';
		expect(findField(document, 'descricao')?.element.id).toBe('d1');
	});

	test('does not take an additional field for a standard one with a similar label', () => {
		document.body.innerHTML = `<table>
			<tr><td class="LABEL">Solução*:</td><td><textarea id="vlinformacaoadicional23"></textarea></td></tr>
		</table>`;
		expect(findField(document, 'solucao')).toBeNull();
	});

	test('honours overrides (id or CSS selector) and label aliases', () => {
		document.body.innerHTML = `<table>
			<tr><td class="LABEL">Resumo:</td><td><input id="resumo"></td></tr>
			<tr><td class="LABEL">Relato:</td><td><textarea class="relato"></textarea></td></tr>
			<tr><td class="LABEL">Descrição:</td><td><textarea id="dschamado"></textarea></td></tr>
		</table>`;
		expect(findField(document, 'titulo')).toBeNull();
		expect(findField(document, 'titulo', { labelAliases: { titulo: ['Resumo'] } })?.element.id).toBe('resumo');
		expect(findField(document, 'descricao', { overrides: { descricao: 'textarea.relato' } })).toMatchObject({
			via: 'override',
			element: { className: 'relato' },
		});
		expect(findField(document, 'titulo', { overrides: { titulo: 'resumo' } })?.via).toBe('override');
		// an invalid selector falls back to the defaults instead of throwing
		expect(findField(document, 'descricao', { overrides: { descricao: '###' } })?.element.id).toBe('dschamado');
	});
});

describe('findAdditionalField', () => {
	test('finds vlinformacaoadicional<N> by label whatever N is', async () => {
		const fake = mountFakeQualitor(document, { adicionais: [{ n: 3, label: 'Descrição para subchamado', kind: 'textarea' }, { n: 91, label: 'Encaminhar', kind: 'select', options: ['Relacionamento'] }] });
		const tipo = fake.$<HTMLSelectElement>('#cdtipochamado')!;
		tipo.selectedIndex = 2; // Solicitação
		tipo.dispatchEvent(new Event('change'));
		await fake.idle();
		const cat = fake.$<HTMLSelectElement>('#cdcategoria1')!;
		cat.selectedIndex = 1; // a leaf
		cat.dispatchEvent(new Event('change'));
		await fake.idle();
		expect(findAdditionalField(document, 'descricao para subchamado')?.element.id).toBe('vlinformacaoadicional3');
		expect(findAdditionalField(document, 'ENCAMINHAR')?.element.id).toBe('vlinformacaoadicional91');
		expect(findAdditionalField(document, 'Telefone')).toBeNull();
	});

	test('prefers the additional field over a standard field with the same words', () => {
		document.body.innerHTML = `<table>
			<tr><td class="LABEL">Solução:</td><td><textarea id="dsacaocorretiva"></textarea></td></tr>
			<tr><td class="LABEL">Solução*:</td><td><textarea id="vlinformacaoadicional5"></textarea></td></tr>
		</table>`;
		expect(findAdditionalField(document, 'Solução')?.element.id).toBe('vlinformacaoadicional5');
	});

	test('uses aliases and overrides keyed by label', () => {
		document.body.innerHTML = `<table><tr><td class="LABEL">Desc. subchamado:</td><td><textarea id="vlinformacaoadicional8"></textarea></td></tr></table>
			<input id="tel-custom">`;
		expect(findAdditionalField(document, 'Descrição para subchamado')).toBeNull();
		expect(findAdditionalField(document, 'Descrição para subchamado', { labelAliases: { 'descricao para subchamado': ['Desc. subchamado'] } })?.element.id).toBe(
			'vlinformacaoadicional8',
		);
		expect(findAdditionalField(document, 'Telefone', { overrides: { Telefone: '#tel-custom' } })?.via).toBe('override');
	});
});

describe('checkFieldHealth', () => {
	test('lists found and missing fields', () => {
		mountFakeQualitor(document);
		document.getElementById('dschamado')!.remove();
		const health = checkFieldHealth(document);
		expect(health.found.map((f) => f.key)).toEqual(
			expect.arrayContaining(['cliente', 'contato', 'tipo', 'prioridade', 'titulo', 'processar', 'solucao']),
		);
		expect(health.missing).toEqual(['descricao']); // description removed
		expect(health.pending).toEqual(['categoria1']); // comes once a Tipo is chosen: not missing
		expect(health.missingOptional).toEqual(expect.arrayContaining(['localidade', 'origem', 'categoria2', 'categoria3']));
	});
});

describe('findAdditionalFields', () => {
	test('finds each label as findAdditionalField does, overrides and aliases included', () => {
		mountFakeQualitor(document, { mode: 'edit', initial: { tipo: 'Suporte', path: ['SUP - Sistema', 'Acesso'] } });
		const options = { overrides: { Protocolo: '#vlinformacaoadicional11' }, labelAliases: { Fone: ['Telefone'] } };
		const labels = ['Descrição para subchamado', 'Fone', 'Protocolo', 'Nome', 'encaminhar'];
		const found = findAdditionalFields(document, labels, options);
		expect(found.map((f) => f && `${f.element.id}/${f.via}`)).toEqual([
			'vlinformacaoadicional17/label',
			'vlinformacaoadicional9/label',
			'vlinformacaoadicional11/override',
			null,
			'vlinformacaoadicional4/label',
		]);
		expect(found).toEqual(labels.map((label) => findAdditionalField(document, label, options)));
	});
});
