// @vitest-environment jsdom
// Per-installation mapping: category names renamed before the cascade, locators handed to applySop.
import { describe, expect, test } from 'vitest';
import { locateOptions, mapCategorisation } from '../../src/content/mapping.ts';
import { applySop } from '../../src/qualitor/apply.ts';
import { checkFieldHealth } from '../../src/qualitor/fields.ts';
import { emptyMapping, toMappings } from '../../src/storage/mappings.ts';

describe('mapCategorisation', () => {
	const plan = { tipo: 'Suporte Técnico', categorias: ['SUP - Certificado Digital', 'Cartão', 'Em branco'], prioridade: 'Baixa' };
	test('renames tipo, each level and prioridade; ignores case and accents; leaves the rest', () => {
		expect(mapCategorisation(plan, { cartao: 'Cartão inteligente', 'suporte tecnico': 'Suporte', Baixa: 'P4 - Baixa' })).toEqual({
			tipo: 'Suporte',
			categorias: ['SUP - Certificado Digital', 'Cartão inteligente', 'Em branco'],
			prioridade: 'P4 - Baixa',
		});
	});
	test('no names, no plan, or blank targets: unchanged', () => {
		expect(mapCategorisation(plan, {})).toBe(plan);
		expect(mapCategorisation(undefined, { a: 'b' })).toBeUndefined();
		expect(mapCategorisation(plan, { Cartão: '  ' })).toBe(plan);
	});
});

describe('storage mapping reaches applySop and the health check', () => {
	const html = `<form>
		<select id="cdtipochamado"><option></option><option>Suporte</option></select>
		<select id="cdseveridade"><option></option><option>Baixa</option></select>
		<select id="cdcategoria1"><option></option><option>Cartão inteligente</option></select>
		<input id="cdcliente"><input id="cdcontato">
		<table><tr><td class="LABEL">Assunto:</td><td><input id="campoAssunto"></td></tr></table>
		<textarea id="meuTexto"></textarea>
		<table><tr><td class="LABEL">Observação interna:</td><td><input id="vlinformacaoadicional77"></td></tr></table>
		<button id="btnProcessar">Processar</button>
	</form>`;

	test('a renamed category is chosen, an override and an alias find their fields', async () => {
		document.body.innerHTML = html;
		const doc = document;
		const mapping = toMappings({
			'https://helpdesk.example.com': {
				names: { Cartão: 'Cartão inteligente', 'Suporte Técnico': 'Suporte' },
				labelAliases: { titulo: ['Assunto'], 'Descrição para subchamado': ['Observação interna'] },
				overrides: { descricao: '#meuTexto' },
			},
		})['https://helpdesk.example.com']!;
		const report = await applySop(
			doc,
			{
				categorisation: mapCategorisation({ tipo: 'Suporte Técnico', categorias: ['Cartão'] }, mapping.names),
				fields: { titulo: 'Token em branco', descricao: 'Cliente informa…' },
				adicionais: { 'Descrição para subchamado': 'Verificar token' },
			},
			{ mode: 'new', timeoutMs: 200, settleMs: 10, locate: locateOptions(mapping) },
		);
		expect(report.notDone).toEqual([]);
		expect((doc.getElementById('cdcategoria1') as HTMLSelectElement).selectedOptions[0]?.text).toBe('Cartão inteligente');
		expect((doc.getElementById('cdtipochamado') as HTMLSelectElement).selectedOptions[0]?.text).toBe('Suporte');
		expect((doc.getElementById('campoAssunto') as HTMLInputElement).value).toBe('Token em branco');
		expect((doc.getElementById('meuTexto') as HTMLTextAreaElement).value).toBe('Cliente informa…');
		expect((doc.getElementById('vlinformacaoadicional77') as HTMLInputElement).value).toBe('Verificar token');

		const without = checkFieldHealth(doc, { mode: 'new' });
		const withMapping = checkFieldHealth(doc, { mode: 'new', ...locateOptions(mapping) });
		expect(without.missing).toEqual(expect.arrayContaining(['titulo', 'descricao']));
		expect(withMapping.missing).not.toContain('titulo');
		expect(withMapping.found).toContainEqual({ key: 'descricao', via: 'override', id: 'meuTexto' });
	});

	test('malformed stored mappings become empty rather than breaking the page', () => {
		expect(toMappings({ 'https://x': { names: 'oops', labelAliases: { a: 'b', c: ['d', 3] }, overrides: { e: 5 } }, bad: null })).toEqual({
			'https://x': { names: {}, labelAliases: { c: ['d'] }, overrides: {} },
			bad: emptyMapping(),
		});
		expect(toMappings('junk')).toEqual({});
	});
});
