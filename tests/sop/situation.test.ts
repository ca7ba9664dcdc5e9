// Situation recognition: object AND state, negation and contrast, word senses and agents' abbreviations.
// Each "does not suggest" check sits beside a positive control that differs only in what is tested.
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSopDir } from '../../src/cli/read-sops.ts';
import { buildLibrary } from '../../src/sop/library.ts';
import { parseSop } from '../../src/sop/parse.ts';
import { buildIndex, rank } from '../../src/sop/search.ts';
import { tokenize } from '../../src/sop/text.ts';
import { repoRoot } from '../helpers/shared.ts';

const library = buildLibrary(readSopDir(resolve(repoRoot, 'sops'), repoRoot));
const index = buildIndex(library.sops);
const first = (text: string) => rank(index, text).suggestions[0]?.id;
const ids = (text: string) => rank(index, text).suggestions.map((s) => s.id);

describe('negation and contrast', () => {
	test.each([
		['o token está em branco no safesign', 'o token não está em branco no safesign', 'token-em-branco'],
		['o token tá vazio', 'o token não tá mais vazio', 'token-em-branco'],
		['o certificado não tem o CEI', 'o certificado já tem o CEI', 'certificado-sem-cei'],
		['CEI não consta no Outro Nome', 'CEI consta no Outro Nome, ok', 'certificado-sem-cei'],
	])('%j → the SOP; %j → not', (positive, negative, id) => {
		expect(first(positive)).toBe(id);
		expect(ids(negative)).not.toContain(id);
	});

	test('"no safesign aparece tudo certo" is a near miss, and says so', () => {
		expect(first('cliente diz que o token está em branco')).toBe('token-em-branco');
		const r = rank(index, 'cliente diz que o token está em branco, porém no safesign aparece tudo certo');
		expect(r.suggestions.map((s) => s.id)).not.toContain('token-em-branco');
		expect(r.hints[0]).toMatchObject({ id: 'token-em-branco', matched: 'aparece tudo certo' });
	});

	test('after "mas", the situation that follows wins over the near miss before it', () => {
		expect(first('no safesign aparece tudo certo, mas o certificado está em branco')).toBe('token-em-branco');
		expect(ids('o certificado está em branco, mas no safesign aparece tudo certo')).toEqual([]);
	});

	test('a negated near miss does not silence the SOP ("não é PIN")', () => {
		expect(ids('token em branco no safesign, o PIN está bloqueado')).not.toContain('token-em-branco');
		expect(first('token em branco no safesign, não é PIN bloqueado')).toBe('token-em-branco');
	});
});

describe('word senses', () => {
	test.each([
		['tela em branco no sistema', 'token em branco no safesign', 'token-em-branco'],
		['matrícula do imóvel não consta no registro', 'matrícula CEI não consta no certificado', 'certificado-sem-cei'],
		['cliente precisa emitir nota fiscal no cartório', 'cartório não consegue atender o certificado notarizado', 'certificado-notarizado'],
		['não sei o que fazer', 'erro no SEI', 'suporte-sei'],
		['sei lá qual era a senha', 'gestor do sei pede suporte', 'suporte-sei'],
		['login no gov.br', 'abrir chamado no suporte.servicos.gov.br', 'chamado-suporte-mapa'],
	])('%j → not the SOP; %j → the SOP', (negative, positive, id) => {
		expect(ids(negative)).not.toContain(id);
		expect(first(positive)).toBe(id);
	});

	test('"sei" is the verb after "não" and before "lá"/"se"/"o que", the system in capitals or after an article', () => {
		expect(tokenize('não sei o que fazer').map((t) => t.word)).toEqual(['nao', 'saber', 'o', 'que', 'fazer']);
		expect(tokenize('sei la').map((t) => t.word)).toEqual(['saber', 'la']);
		expect(tokenize('nao sei usar o SEI').map((t) => t.word)).toEqual(['nao', 'saber', 'usar', 'o', 'sei']);
		expect(tokenize('erro no sei').map((t) => t.word)).toEqual(['erro', 'no', 'sei']);
		// A whole text in capitals says nothing about the word's sense.
		expect(tokenize('NAO SEI O QUE FAZER').map((t) => t.word)).toEqual(['nao', 'saber', 'o', 'que', 'fazer']);
	});
});

describe("agents' abbreviations (language data in src/sop/lexicon.json)", () => {
	test.each([
		['tkn', ['token']],
		['cert', ['certificado']],
		['certif', ['certificado']],
		['cli', ['cliente']],
		['p/ o cli', ['para', 'o', 'cliente']],
		['c/ a leitora, s/ cadeia', ['com', 'a', 'leitora', 'sem', 'cadeia']],
		['q', ['que']],
		['vc', ['voce']],
		['pq', ['porque']],
	])('%j reads as %j', (text, words) => {
		expect(tokenize(text).map((t) => t.word)).toEqual(words);
	});

	test('"cadeia/chave" keeps its slash as a separator, not an abbreviation', () => {
		expect(tokenize('cadeia/chave/certificado').map((t) => t.word)).toEqual(['cadeia', 'chave', 'certificado']);
	});

	test('tickets written with them are understood', () => {
		expect(first('cli diz q o tkn ta vazio')).toBe('token-em-branco');
		expect(first('vc consegue ver pq o certif do cli sumiu do cartão?')).toBe('token-em-branco');
		expect(first('cert s/ CEI, abrir p/ relacionamento')).toBe('certificado-sem-cei');
	});
});

describe('the knowledge comes from the SOP files, not from the ranker', () => {
	const sop = (id: string, front: string) => {
		const result = parseSop(`${id}.md`, `---\ntitle: ${id}\nsummary: s\nsource: s\n${front}\n---\nbody\n`);
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		return result.sop;
	};
	const printer = sop(
		'impressora-sem-papel',
		[
			'keywords: [impressora sem papel]',
			'situacao:',
			'  objeto: [impressora]',
			'  estado: [sem papel, acabou o papel]',
			'nao_confundir:',
			'  - texto: [toner]',
			'    dica: Toner é outro procedimento.',
		].join('\n'),
	);
	const own = buildIndex([printer]);

	test('an invented SOP: its object and state suggest it, the object alone does not, its near miss says its hint', () => {
		expect(rank(own, 'a impressora do financeiro está sem papel').suggestions.map((s) => s.id)).toEqual(['impressora-sem-papel']);
		expect(rank(own, 'a impressora do financeiro').suggestions).toEqual([]);
		expect(rank(own, 'a impressora não está sem papel').suggestions).toEqual([]);
		expect(rank(own, 'impressora sem papel? não, é o toner')).toEqual({
			suggestions: [],
			hints: [{ id: 'impressora-sem-papel', title: 'impressora-sem-papel', text: 'Toner é outro procedimento.', matched: 'toner' }],
		});
	});

	test('without situacao, a SOP keeps the evidence threshold and is only "possível"', () => {
		const plain = sop('sem-situacao', 'keywords: [Qualitor, impressora sem papel]');
		const r = rank(buildIndex([plain]), 'Qualitor impressora sem papel').suggestions;
		expect(r).toHaveLength(1);
		expect(r[0]).toMatchObject({ id: 'sem-situacao', level: 'possivel', why: { objeto: [], estado: [] } });
		expect(rank(buildIndex([plain]), 'papel').suggestions).toEqual([]);
	});
});
