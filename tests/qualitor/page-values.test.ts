// @vitest-environment jsdom
import { beforeEach, describe, expect, test } from 'vitest';
import { parseBrazilianDate, readPageValues } from '../../src/qualitor/page-values.ts';
import { mountFakeQualitor } from './fake-qualitor.ts';

beforeEach(() => document.body.replaceChildren());

describe('readPageValues', () => {
	test('reads client and contact names next to their hidden codes, the opening date and the number', () => {
		mountFakeQualitor(document, { mode: 'edit', initial: { tipo: 'Suporte', path: [] } });
		const values = readPageValues(document);
		expect(values).toMatchObject({
			cliente: 'ACME Certificação Ltda',
			contato: 'Maria Souza',
			dataAbertura: '21/11/2026 10:42',
			numeroChamado: '123456',
		});
		expect(values.dataAberturaDate?.getFullYear()).toBe(2026);
		expect(values.dataAberturaDate?.getHours()).toBe(10);
	});

	test('a new ticket has no number yet', () => {
		mountFakeQualitor(document);
		expect(readPageValues(document).numeroChamado).toBeUndefined();
	});

	test('finds the name in a sibling span, a select, or the code input itself', () => {
		document.body.innerHTML = `
			<input type="hidden" id="cdcliente" value="77"><span class="nome"> Padaria  Pão Quente </span>
			<select id="cdcontato"><option value="">Selecione</option><option value="3" selected>João</option></select>`;
		expect(readPageValues(document)).toEqual({ cliente: 'Padaria Pão Quente', contato: 'João' });
		document.body.innerHTML = '<input id="cdcliente" value="4711"><input id="cdcontato" value="Ana Lima">';
		expect(readPageValues(document)).toEqual({ contato: 'Ana Lima' });
	});

	test('returns nothing on an unrelated page', () => {
		document.body.innerHTML = '<p>nada</p>';
		expect(readPageValues(document)).toEqual({});
	});
});

test('parseBrazilianDate', () => {
	expect(parseBrazilianDate('05/03/2026')?.getMonth()).toBe(2);
	expect(parseBrazilianDate('31/02/2026')).toBeUndefined();
	expect(parseBrazilianDate('2026-03-05')).toBeUndefined();
});
