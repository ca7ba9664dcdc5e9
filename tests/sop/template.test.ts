// Template variables, rendering, and the clock's built-in variables.
import { describe, expect, test } from 'vitest';
import { clockVariables, isBuiltinVariable, saudacao, templateVariables } from '../../src/sop/template.ts';
import { BUILTIN_VARIABLES } from '../../src/sop/types.ts';

describe('templateVariables', () => {
	test('finds each {variable} once, in order of first appearance', () => {
		expect(templateVariables('{saudacao}, {cliente}. Telefones: {telefone1} / {telefone2}. {cliente}')).toEqual([
			'saudacao',
			'cliente',
			'telefone1',
			'telefone2',
		]);
	});

	test('only lowercase names starting with a letter are variables', () => {
		expect(templateVariables('{Cliente} {1a} { cliente } {cpf_cnpj} {} {{x}} {a-b}')).toEqual(['cpf_cnpj', 'x']);
	});

	test('a text without variables has none', () => {
		expect(templateVariables('Demanda encaminhada ao Relacionamento.')).toEqual([]);
	});
});

describe('saudacao', () => {
	const at = (h: number, m = 0) => saudacao(new Date(2024, 4, 10, h, m));

	test.each([
		[0, 0, 'Boa noite'],
		[4, 59, 'Boa noite'],
		[5, 0, 'Bom dia'],
		[11, 59, 'Bom dia'],
		[12, 0, 'Boa tarde'],
		[17, 59, 'Boa tarde'],
		[18, 0, 'Boa noite'],
		[23, 59, 'Boa noite'],
	])('%i:%i → %s', (h, m, expected) => {
		expect(at(h, m)).toBe(expected);
	});
});

describe('clockVariables', () => {
	test('dd/mm/yyyy and hh:mm with leading zeros', () => {
		expect(clockVariables(new Date(2024, 0, 5, 9, 7))).toEqual({ saudacao: 'Bom dia', data: '05/01/2024', hora: '09:07' });
	});

	test('two-digit parts as they are', () => {
		expect(clockVariables(new Date(2019, 11, 10, 13, 21))).toEqual({ saudacao: 'Boa tarde', data: '10/12/2019', hora: '13:21' });
	});

	test('midnight', () => {
		expect(clockVariables(new Date(2021, 10, 30, 0, 0))).toEqual({ saudacao: 'Boa noite', data: '30/11/2021', hora: '00:00' });
	});
});

test('the built-in variables are exactly saudacao, cliente, contato, data, hora', () => {
	expect([...BUILTIN_VARIABLES]).toEqual(['saudacao', 'cliente', 'contato', 'data', 'hora']);
	for (const name of BUILTIN_VARIABLES) expect(isBuiltinVariable(name)).toBe(true);
	expect(isBuiltinVariable('telefone1')).toBe(false);
});
