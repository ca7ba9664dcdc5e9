// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { formatMapping, parseMapping } from '../../src/options/mapping-text.ts';

describe('mapping as "left = right" lines', () => {
	test('parses names, aliases (split on ;) and locators; formats back to the same text', () => {
		const text = { names: 'Cartão = Cartão inteligente\n\n# comentário', labelAliases: 'titulo = Assunto; Resumo', overrides: 'descricao = #meuTexto\nsolucao = form td.sol > textarea' };
		const parsed = parseMapping(text);
		expect(parsed).toEqual({
			mapping: { names: { Cartão: 'Cartão inteligente' }, labelAliases: { titulo: ['Assunto', 'Resumo'] }, overrides: { descricao: '#meuTexto', solucao: 'form td.sol > textarea' } },
			errors: [],
		});
		expect(parseMapping(formatMapping(parsed.mapping)).mapping).toEqual(parsed.mapping);
	});
	test('lines not understood and invalid selectors are reported with section and line', () => {
		expect(parseMapping({ names: 'ok = sim\nsem igual', labelAliases: '= vazio', overrides: 'titulo = div[' }).errors).toEqual([
			'Nomes, linha 2: "sem igual" — use o formato "nome = valor".',
			'Localizadores, "titulo": "div[" não é um id nem um seletor CSS válido.',
			'Rótulos, linha 1: "= vazio" — use o formato "nome = valor".',
		]);
	});
});
