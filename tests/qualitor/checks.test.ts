// @vitest-environment jsdom
import { beforeEach, describe, expect, test } from 'vitest';
import { findMissingChecks, findPhones, hasEmail } from '../../src/qualitor/checks.ts';
import type { ChecklistItem } from '../../src/sop/types.ts';
import { mountFakeQualitor } from './fake-qualitor.ts';

beforeEach(() => document.body.replaceChildren());

describe('findPhones', () => {
	test.each([
		['(11) 98765-4321', ['11987654321']],
		['+55 11 98765-4321', ['11987654321']],
		['11987654321', ['11987654321']],
		['fixo (048) 3222-1234', ['4832221234']],
		['3222-1234', ['32221234']],
		['98765-4321 e também (11) 98765-4321', ['11987654321']],
		['(11)3222-1234/(21)99999-0000', ['21999990000', '1132221234']],
	])('%s', (text, phones) => {
		expect(findPhones(text).sort()).toEqual([...phones].sort());
	});

	test.each(['CPF 123.456.789-09', 'CPF 12345678909', 'CNPJ 12.345.678/0001-90', 'em 21/11/2026', 'protocolo 20261121000123', 'CEP 88010-400', 'R$ 1.234,56'])(
		'ignores %s',
		(text) => {
			expect(findPhones(text)).toEqual([]);
		},
	);
});

test('hasEmail', () => {
	expect(hasEmail('contato: maria.souza@empresa.com.br')).toBe(true);
	expect(hasEmail('maria@empresa')).toBe(false);
	expect(hasEmail('sem e-mail')).toBe(false);
});

describe('findMissingChecks', () => {
	const items: ChecklistItem[] = [
		{ text: 'Dois telefones de contato', check: { kind: 'phones', min: 2 } },
		{ text: 'E-mail do cliente', check: { kind: 'email' } },
		{ text: 'Descrição para o subchamado', check: { kind: 'field', label: 'Descrição para subchamado' } },
		{ text: 'Confirmar a mídia', check: { kind: 'field', label: 'Encaminhar' } },
		{ text: 'Ler o procedimento' },
	];

	function leafForm(): void {
		mountFakeQualitor(document, { mode: 'edit', initial: { tipo: 'Suporte', path: ['SUP - Sistema', 'Acesso'] } });
	}

	test('lists every failed check, and never an item without a check', () => {
		leafForm();
		const missing = findMissingChecks(document, items);
		expect(missing.map((m) => m.item.text)).toEqual(['Dois telefones de contato', 'E-mail do cliente', 'Descrição para o subchamado', 'Confirmar a mídia']);
		expect(missing[0]?.why).toBe('Faltam telefones: 0 de 2 no chamado (campo Telefone ou descrição).');
	});

	test('counts distinct phones across the Telefone field and the description; finds the e-mail anywhere', () => {
		leafForm();
		(document.getElementById('vlinformacaoadicional9') as HTMLInputElement).value = '(11) 98765-4321';
		(document.getElementById('dschamadochange') as HTMLTextAreaElement).value = 'Ligar no 98765-4321 ou no fixo 11 3222-1234. maria@acme.com.br';
		(document.getElementById('vlinformacaoadicional17') as HTMLTextAreaElement).value = 'Reemitir';
		(document.getElementById('vlinformacaoadicional4') as HTMLSelectElement).selectedIndex = 1;
		expect(findMissingChecks(document, items)).toEqual([]);
	});

	test('one phone written twice is still one', () => {
		leafForm();
		(document.getElementById('vlinformacaoadicional9') as HTMLInputElement).value = '11 98765-4321';
		(document.getElementById('dschamadochange') as HTMLTextAreaElement).value = 'tel (11) 98765-4321';
		expect(findMissingChecks(document, [items[0]!])[0]?.why).toContain('1 de 2');
	});

	test('a whitespace-only field or a placeholder choice is empty; an absent field says so', () => {
		mountFakeQualitor(document);
		const missing = findMissingChecks(document, [items[2]!]);
		expect(missing[0]?.why).toContain('não está no formulário');
		leafForm();
		(document.getElementById('vlinformacaoadicional17') as HTMLTextAreaElement).value = '  \n';
		expect(findMissingChecks(document, [items[2]!, items[3]!]).map((m) => m.why)).toEqual([
			'O campo "Descrição para subchamado" está vazio.',
			'O campo "Encaminhar" está vazio.',
		]);
	});
});
