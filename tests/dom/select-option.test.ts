// @vitest-environment jsdom
import fc from 'fast-check';
import { beforeEach, describe, expect, test } from 'vitest';
import { Journal } from '../../src/dom/journal.ts';
import { selectOption } from '../../src/dom/select-option.ts';

function select(texts: string[], selected = 0): HTMLSelectElement {
	const element = document.createElement('select');
	element.id = 'cdtipochamado';
	texts.forEach((text, i) => element.add(new Option(text, String(i + 100))));
	element.selectedIndex = selected;
	document.body.append(element);
	return element;
}

beforeEach(() => document.body.replaceChildren());

describe('selectOption', () => {
	test('chooses by visible text ignoring case, accents and spacing, firing input and change', () => {
		const element = select(['Selecione', 'Suporte', 'Solicitação de Serviço']);
		const events: string[] = [];
		element.addEventListener('input', () => events.push('input'));
		document.body.addEventListener('change', () => events.push('change'));
		expect(selectOption(element, '  solicitacao   de servico ')).toEqual({ kind: 'selected', text: 'Solicitação de Serviço' });
		expect(element.selectedIndex).toBe(2);
		expect(events).toEqual(['input', 'change']);
	});

	test('reports already when the option is chosen, without events', () => {
		const element = select(['Selecione', 'Suporte'], 1);
		let changes = 0;
		element.addEventListener('change', () => changes++);
		expect(selectOption(element, 'SUPORTE')).toEqual({ kind: 'already', text: 'Suporte' });
		expect(changes).toBe(0);
	});

	test('prefers an exact match over a longer option that starts with the text', () => {
		const element = select(['Cartão', 'Cartão e leitora']);
		expect(selectOption(element, 'cartao')).toMatchObject({ kind: 'already' });
		const other = select(['Cartão e leitora', 'Cartão']);
		expect(selectOption(other, 'cartao')).toEqual({ kind: 'selected', text: 'Cartão' });
	});

	test('accepts a unique starts-with, then a unique contains match', () => {
		expect(selectOption(select(['Selecione', 'SUP - Certificado Digital', 'Outros']), 'sup - cert')).toMatchObject({
			text: 'SUP - Certificado Digital',
		});
		expect(selectOption(select(['Selecione', 'SUP - Certificado Digital', 'Outros']), 'certificado digital')).toMatchObject({
			kind: 'selected',
		});
	});

	test('refuses ambiguous near matches and lists them', () => {
		const element = select(['Selecione', 'Certificado A1', 'Certificado A3']);
		const outcome = selectOption(element, 'Certificado');
		expect(outcome).toEqual({
			kind: 'missing-option',
			wanted: 'Certificado',
			options: ['Certificado A1', 'Certificado A3'],
			ambiguous: ['Certificado A1', 'Certificado A3'],
		});
		expect(element.selectedIndex).toBe(0);
	});

	test('reports a missing option with the choosable texts (placeholder left out)', () => {
		const element = select(['Selecione', 'Em branco', 'Bloqueado']);
		expect(selectOption(element, 'Certificado sem CEI')).toMatchObject({
			kind: 'missing-option',
			options: ['Em branco', 'Bloqueado'],
		});
	});

	test('does not match disabled options', () => {
		const element = select(['Selecione', 'Suporte']);
		element.options[1]!.disabled = true;
		expect(selectOption(element, 'Suporte').kind).toBe('missing-option');
	});

	test('refuses a disabled select', () => {
		const element = select(['a', 'b']);
		element.disabled = true;
		expect(selectOption(element, 'b')).toEqual({ kind: 'not-fillable' });
	});
});

describe('selectOption + undo (property)', () => {
	test('apply then undo restores the selected index exactly', async () => {
		const texts = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), {
			minLength: 1,
			maxLength: 8,
			selector: (t) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim(),
		});
		await fc.assert(
			fc.asyncProperty(texts, fc.nat(), fc.nat(), async (options, from, to) => {
				document.body.replaceChildren();
				const element = select(options, from % options.length);
				const original = element.selectedIndex;
				const journal = new Journal(document);
				const wanted = options[to % options.length]!;
				const outcome = selectOption(element, wanted, { journal });
				expect(['selected', 'already', 'missing-option']).toContain(outcome.kind);
				if (outcome.kind === 'already') expect(journal.entries).toHaveLength(0);
				await journal.undo();
				expect(element.selectedIndex).toBe(original);
			}),
			{ numRuns: 300 },
		);
	}, 30_000);
});
