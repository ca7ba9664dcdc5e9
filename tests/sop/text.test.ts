// Portuguese folding, stop words and the light stemmer: SOPs and tickets must meet on the same terms.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fold, stem, term, terms, words } from '../../src/sop/text.ts';

describe('fold', () => {
	test.each([
		['Matrícula CEI', 'matricula cei'],
		['CERTIFICAÇÃO', 'certificacao'],
		['Cartão em BRANCO', 'cartao em branco'],
		['e-CPF', 'ecpf'],
		['e-Notariado', 'enotariado'],
		['safe-sign', 'safesign'],
		['0800-883-6216', '0800 883 6216'],
		['suporte.servicos.gov.br', 'suporte servicos gov br'],
		['SEI!', 'sei '],
		['Tribunal da 4ª Região', 'tribunal da 4 regiao'],
		['  tabs\tand\nlines  ', ' tabs and lines '],
	])('%j → %j', (input, expected) => {
		expect(fold(input)).toBe(expected);
	});

	test('a hyphen between a letter and a digit or space still separates', () => {
		expect(fold('A3 - token')).toBe('a3 token');
		expect(words('CPF-123')).toEqual(['cpf', '123']);
	});
});

describe('words and terms', () => {
	test('words are folded and split, stop words kept', () => {
		expect(words('O certificado NÃO aparece no e-CPF!')).toEqual(['o', 'certificado', 'nao', 'aparece', 'no', 'ecpf']);
	});

	test('terms drop stop words and keep the word each term came from', () => {
		expect(terms('O certificado do cliente não está no token')).toEqual([
			{ term: stem('certificado'), word: 'certificado' },
			{ term: stem('cliente'), word: 'cliente' },
			{ term: 'token', word: 'token' },
		]);
	});

	test('a text of stop words only has no terms', () => {
		expect(terms('o de a para com não é que')).toEqual([]);
		expect(terms('   ')).toEqual([]);
		expect(term('da')).toBeNull();
		expect(term('Não')).toBeNull();
		expect(term('Cartões')).toBe(stem('cartoes'));
	});
});

describe('stem', () => {
	const meet = (...forms: string[]) => new Set(forms.map((w) => term(w))).size === 1;

	test.each([
		['certificado', 'certificados', 'certificada', 'certificadas'],
		['cartão', 'cartões'],
		['solicitação', 'solicitações'],
		['notarizado', 'notarizada', 'notarizados'],
		['paralisação', 'paralisações'],
		['chamado', 'chamados'],
		['mídia', 'mídias'],
		['telefone', 'telefones'],
		['digital', 'digitais'],
		['papel', 'papéis'],
		['impressora', 'impressoras'],
		['emitido', 'emitida', 'emitidos'],
	])('%s and its variants meet', (...forms) => {
		expect(meet(...forms)).toBe(true);
	});

	test('different words stay apart', () => {
		expect(meet('certificado', 'cartão')).toBe(false);
		expect(meet('token', 'teclado')).toBe(false);
		expect(meet('branco', 'banco')).toBe(false);
	});

	test.each(['cei', 'sei', 'pen', 'ccn', 'cpf', 'mes', 'dos', 'ar'])('short word %s is untouched', (w) => {
		expect(stem(w)).toBe(w);
	});

	test.each(['a3', '0800', '2021', '31', 'trf4', 'e2e', 'x509s'])('a word with digits (%s) is untouched', (w) => {
		expect(stem(w)).toBe(w);
	});

	test('words ending in "ss" keep their s', () => {
		expect(stem('acess')).toBe('acess');
	});
});

describe('properties', () => {
	const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme-composite' }));

	test('terms() never throws, and every term and word is non-empty folded text', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				for (const t of terms(text)) {
					expect(t.word).toMatch(/^[a-z0-9]+$/);
					expect(t.term).toMatch(/^[a-z0-9]+$/);
				}
			}),
			{ numRuns: 500 },
		);
	});

	test('fold() gives only [a-z0-9 ], and folding twice changes nothing', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const once = fold(text);
				expect(once).toMatch(/^[a-z0-9 ]*$/);
				expect(fold(once)).toBe(once);
			}),
			{ numRuns: 500 },
		);
	});

	test('case and accents never change the terms', () => {
		const accented = fc.array(fc.constantFrom(...'aáàâãeéêiíoóôõuúüçAÁÃÉÊÍÓÕÚÇ bcdnrst'.split('')), { maxLength: 30 }).map((c) => c.join(''));
		fc.assert(
			fc.property(accented, (text) => {
				const plain = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
				expect(terms(text.toUpperCase())).toEqual(terms(plain.toLowerCase()));
			}),
			{ numRuns: 300 },
		);
	});

	test('a term never grows longer than its word', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[a-z]{1,20}$/), (w) => {
				expect(stem(w).length).toBeLessThanOrEqual(w.length);
			}),
		);
	});
});
