// Every problem a knowledge manager can meet in a SOP file, located by file, line and field.
import { describe, expect, test } from 'vitest';
import { parseSop, sopIdFromPath } from '../../src/sop/parse.ts';
import { formatProblem } from '../../src/sop/problems.ts';
import { parseDeadline } from '../../src/sop/schema.ts';

// A valid SOP; the broken ones below are this text with one or two lines changed, so every line is known.
const VALID = [
	/*  1 */ '---',
	/*  2 */ 'title: Certificado digital em branco no token',
	/*  3 */ 'summary: O token aparece em branco no SafeSign.',
	/*  4 */ 'source: 001_3ae5073d5312b5bd.txt',
	/*  5 */ 'version: 2021-11',
	/*  6 */ 'keywords:',
	/*  7 */ '  - token em branco',
	/*  8 */ '  - SafeSign',
	/*  9 */ 'synonyms:',
	/* 10 */ '  - token vazio',
	/* 11 */ 'qualitor:',
	/* 12 */ '  tipo: Suporte Técnico',
	/* 13 */ '  categorias: [SUP - Certificado Digital, Cartão, Em branco]',
	/* 14 */ '  prioridade: Baixa',
	/* 15 */ 'templates:',
	/* 16 */ '  titulo: Certificado em branco',
	/* 17 */ '  descricao: "{saudacao}, {cliente}. Telefone: {telefone1}"',
	/* 18 */ '  adicionais:',
	/* 19 */ '    Encaminhar: Relacionamento',
	/* 20 */ 'variables:',
	/* 21 */ '  - name: telefone1',
	/* 22 */ '    label: Telefone para contato',
	/* 23 */ 'checklist:',
	/* 24 */ '  verify:',
	/* 25 */ '    - Abrir o SafeSign',
	/* 26 */ '  ask:',
	/* 27 */ '    - text: Dois telefones para contato',
	/* 28 */ '      check: { phones: 2 }',
	/* 29 */ '    - text: E-mail atualizado',
	/* 30 */ '      check: email',
	/* 31 */ '    - text: Protocolo',
	/* 32 */ '      check: { field: Protocolo }',
	/* 33 */ 'escalation:',
	/* 34 */ '  team: Relacionamento',
	/* 35 */ 'sla:',
	/* 36 */ '  - label: Retorno ao cliente',
	/* 37 */ '    deadline: 24h',
	/* 38 */ 'references:',
	/* 39 */ '  - SOP Certificado Digital Token em Branco',
	/* 40 */ '  - title: Manual do SafeSign',
	/* 41 */ '    url: https://exemplo.com.br/safesign',
	/* 42 */ '---',
	/* 43 */ '',
	/* 44 */ '## Localizando o certificado',
	/* 45 */ '',
	/* 46 */ '1. Abra o **SafeSign**.',
];

/** The valid SOP with some lines replaced (1-based); `null` removes the line, so later lines move up. */
function edited(changes: Record<number, string | null>): string {
	return VALID.flatMap((line, i) => {
		const change = changes[i + 1];
		return change === undefined ? [line] : change === null ? [] : [change];
	}).join('\n');
}

/** The problems of a file as `npm run sops -- check` prints them. */
function problemsOf(text: string, file = 'sops/token-em-branco.md'): string[] {
	const result = parseSop(file, text);
	if (result.ok) throw new Error('expected problems, the SOP parsed');
	return result.problems.map(formatProblem);
}

const FILE = 'sops/token-em-branco.md';

describe('a valid SOP', () => {
	test('parses into the Sop the extension uses', () => {
		const result = parseSop(FILE, VALID.join('\n'));
		expect(result).toEqual({
			ok: true,
			sop: {
				id: 'token-em-branco',
				title: 'Certificado digital em branco no token',
				summary: 'O token aparece em branco no SafeSign.',
				source: '001_3ae5073d5312b5bd.txt',
				version: '2021-11',
				keywords: ['token em branco', 'SafeSign'],
				synonyms: ['token vazio'],
				qualitor: { tipo: 'Suporte Técnico', categorias: ['SUP - Certificado Digital', 'Cartão', 'Em branco'], prioridade: 'Baixa' },
				templates: {
					titulo: 'Certificado em branco',
					descricao: '{saudacao}, {cliente}. Telefone: {telefone1}',
					adicionais: { Encaminhar: 'Relacionamento' },
				},
				variables: [{ name: 'telefone1', label: 'Telefone para contato' }],
				checklist: {
					verify: [{ text: 'Abrir o SafeSign' }],
					ask: [
						{ text: 'Dois telefones para contato', check: { kind: 'phones', min: 2 } },
						{ text: 'E-mail atualizado', check: { kind: 'email' } },
						{ text: 'Protocolo', check: { kind: 'field', label: 'Protocolo' } },
					],
					tell: [],
				},
				escalation: { team: 'Relacionamento' },
				sla: [{ label: 'Retorno ao cliente', minutes: 24 * 60 }],
				references: [{ title: 'SOP Certificado Digital Token em Branco' }, { title: 'Manual do SafeSign', url: 'https://exemplo.com.br/safesign' }],
				body: '## Localizando o certificado\n\n1. Abra o **SafeSign**.',
			},
		});
	});

	test('only the four required keys: everything else takes its default, optional parts stay absent', () => {
		const minimal = ['---', 'title: T', 'summary: S', 'source: s.txt', 'keywords: [k]', '---', 'Corpo'].join('\n');
		const result = parseSop('sops/minimo.md', minimal);
		expect(result.ok && result.sop).toEqual({
			id: 'minimo',
			title: 'T',
			summary: 'S',
			source: 's.txt',
			keywords: ['k'],
			synonyms: [],
			templates: { adicionais: {} },
			variables: [],
			checklist: { verify: [], ask: [], tell: [] },
			sla: [],
			references: [],
			body: 'Corpo',
		});
		if (!result.ok) return;
		for (const key of ['version', 'qualitor', 'escalation']) expect(result.sop).not.toHaveProperty(key);
	});

	test('text is trimmed; a numeric version and a numeric additional field become text', () => {
		const result = parseSop(FILE, edited({ 5: 'version: 3', 7: '  - "  token em branco  "', 19: '    Prazo: 24' }));
		expect(result.ok && [result.sop.version, result.sop.keywords[0], result.sop.templates.adicionais]).toEqual(['3', 'token em branco', { Prazo: '24' }]);
	});

	test('an SLA may say when it applies', () => {
		const result = parseSop(FILE, edited({ 37: '    deadline: 2 h\n    when: Consulta Técnica' }));
		expect(result.ok && result.sop.sla).toEqual([{ label: 'Retorno ao cliente', minutes: 120, when: 'Consulta Técnica' }]);
	});

	test('a byte-order mark and Windows line endings change nothing, lines included', () => {
		const crlf = '\uFEFF' + VALID.join('\r\n');
		expect(parseSop(FILE, crlf)).toEqual(parseSop(FILE, VALID.join('\n')));
		expect(problemsOf('\uFEFF' + edited({ 37: '    deadline: amanhã' }).replaceAll('\n', '\r\n'))).toEqual([
			`${FILE}:37: sla[0].deadline: "amanhã" is not a deadline; write it like 24h, 2h or 15min`,
		]);
	});
});

describe('file-level problems', () => {
	test('no front matter', () => {
		expect(problemsOf('# Token em branco\n\nSem cabeçalho.')).toEqual([
			`${FILE}:1: the file must start with YAML front matter between two "---" lines`,
		]);
	});

	test('front matter never closed', () => {
		expect(problemsOf(VALID.filter((_, i) => i !== 41).join('\n'))).toEqual([
			`${FILE}:1: the file must start with YAML front matter between two "---" lines`,
		]);
	});

	test('malformed YAML: the broken line is named', () => {
		expect(problemsOf(edited({ 13: '  categorias: [SUP - Certificado Digital, Cartão, Em branco' }))).toEqual([
			expect.stringMatching(new RegExp(`^${FILE}:1[34]: invalid YAML: `)),
		]);
		expect(problemsOf(edited({ 3: 'summary: "O token aparece em branco', 4: 'source: x' }))[0]).toMatch(new RegExp(`^${FILE}:[34]: invalid YAML: `));
	});

	test('a key written twice is a YAML problem on the second one', () => {
		expect(problemsOf(edited({ 4: 'source: 001_3ae5073d5312b5bd.txt\ntitle: Outro título' }))).toEqual([
			`${FILE}:5: invalid YAML: Map keys must be unique`,
		]);
	});

	test('front matter that is not "key: value" lines', () => {
		expect(problemsOf('---\n- title\n- summary\n---\n')).toEqual([`${FILE}:2: the front matter must be a set of "key: value" lines`]);
	});

	test.each([
		['sops/Token em Branco.md', 'Token em Branco'],
		['sops/token_em_branco.md', 'token_em_branco'],
		['sops/token--branco.md', 'token--branco'],
		['sops/-token.md', '-token'],
		['sops/token-é.md', 'token-é'],
	])('bad file name %s: the id rule is explained, for the whole file (no line)', (file, id) => {
		expect(problemsOf(VALID.join('\n'), file)).toEqual([
			`${file}: file name "${id}.md" must be lowercase words joined by "-" (it is the SOP id), e.g. token-em-branco.md`,
		]);
	});

	test('the id is the file name without .md, from either kind of path separator', () => {
		expect(sopIdFromPath('sops/token-em-branco.md')).toBe('token-em-branco');
		expect(sopIdFromPath('C:\\kb\\sops\\suporte-sei.md')).toBe('suporte-sei');
		expect(sopIdFromPath('a3.MD')).toBe('a3');
	});
});

describe('required keys', () => {
	// A missing key has no line of its own: the problem points at the front matter's opening line.
	test.each([
		['title', 2],
		['summary', 3],
		['source', 4],
	])('missing %s', (key, line) => {
		expect(problemsOf(edited({ [line]: null }))).toEqual([`${FILE}:1: ${key}: is required but missing`]);
	});

	test('missing keywords', () => {
		expect(problemsOf(edited({ 6: null, 7: null, 8: null }))).toEqual([`${FILE}:1: keywords: is required but missing`]);
	});

	test('an empty keyword list', () => {
		expect(problemsOf(edited({ 6: 'keywords: []', 7: null, 8: null }))).toEqual([`${FILE}:6: keywords: list at least one keyword agents use`]);
	});

	test('empty or non-text values', () => {
		expect(problemsOf(edited({ 2: 'title: "   "' }))).toEqual([`${FILE}:2: title: title must not be empty`]);
		expect(problemsOf(edited({ 3: 'summary:' }))).toEqual([`${FILE}:3: summary: expected summary (text)`]);
		expect(problemsOf(edited({ 8: '  - 2021' }))).toEqual([`${FILE}:8: keywords[1]: expected keywords (text)`]);
		expect(problemsOf(edited({ 6: 'keywords: token em branco', 7: null, 8: null }))).toEqual([`${FILE}:6: keywords: expected a list of keywords`]);
	});
});

describe('unknown keys', () => {
	test('at the top level, with the key it probably meant', () => {
		expect(problemsOf(edited({ 9: 'synonym:' }))).toEqual([`${FILE}:9: synonym: unknown key "synonym" (did you mean "synonyms"?)`]);
		expect(problemsOf(edited({ 33: 'Escalation:' }))).toEqual([`${FILE}:33: Escalation: unknown key "Escalation" (did you mean "escalation"?)`]);
	});

	test('a misspelt required key: both the missing key and the typo are reported', () => {
		expect(problemsOf(edited({ 6: 'keyword:' }))).toEqual([
			`${FILE}:1: keywords: is required but missing`,
			`${FILE}:6: keyword: unknown key "keyword" (did you mean "keywords"?)`,
		]);
	});

	test('at the top level, nothing close: the known keys are listed', () => {
		expect(problemsOf(edited({ 5: 'autor: Nayane' }))).toEqual([
			`${FILE}:5: autor: unknown key "autor" (known keys: title, summary, source, version, keywords, synonyms, situacao, exemplos, nao_confundir, qualitor, templates, variables, checklist, escalation, sla, resposta, references)`,
		]);
	});

	test('nested, with the full path of the field', () => {
		expect(problemsOf(edited({ 14: '  prioridad: Baixa' }))).toEqual([`${FILE}:14: qualitor.prioridad: unknown key "prioridad"`]);
		expect(problemsOf(edited({ 16: '  title: Certificado em branco' }))).toEqual([`${FILE}:16: templates.title: unknown key "title"`]);
		expect(problemsOf(edited({ 24: '  verificar:' }))).toEqual([`${FILE}:24: checklist.verificar: unknown key "verificar"`]);
		expect(problemsOf(edited({ 34: '  team: Relacionamento\n  prazo: 24h' }))).toEqual([`${FILE}:35: escalation.prazo: unknown key "prazo"`]);
	});
});

describe('qualitor', () => {
	test.each([
		['none', '  categorias: []'],
		['four', '  categorias: [SUP - Certificado Digital, Cartão, Em branco, Outro]'],
	])('categorias: %s', (_, line) => {
		expect(problemsOf(edited({ 13: line }))).toEqual([`${FILE}:13: qualitor.categorias: expected 1 to 3 names`]);
	});

	test('categorias as a block list: the line of the list', () => {
		const block = '  categorias:\n    - A\n    - B\n    - C\n    - D';
		expect(problemsOf(edited({ 13: block }))).toEqual([`${FILE}:14: qualitor.categorias: expected 1 to 3 names`]);
	});

	test('one to three names are fine', () => {
		expect(parseSop(FILE, edited({ 13: '  categorias: [SUP - Certificado Digital]' })).ok).toBe(true);
	});
});

describe('templates and variables', () => {
	test('an unknown template variable is named, with the fix', () => {
		expect(problemsOf(edited({ 17: '  descricao: "{saudacao}, {cliente}. Telefone: {telefone}"' }))).toEqual([
			`${FILE}:17: templates.descricao: unknown template variable {telefone}; use a built-in one (saudacao, cliente, contato, data, hora) or declare it under "variables"`,
		]);
	});

	test('in an additional field too, named by its label', () => {
		expect(problemsOf(edited({ 19: '    Encaminhar: "{equipe}"' }))).toEqual([
			`${FILE}:19: templates.adicionais.Encaminhar: unknown template variable {equipe}; use a built-in one (saudacao, cliente, contato, data, hora) or declare it under "variables"`,
		]);
	});

	test('every built-in variable is allowed without declaring it', () => {
		expect(parseSop(FILE, edited({ 16: '  titulo: "{saudacao} {cliente} {contato} {data} {hora}"' })).ok).toBe(true);
	});

	test('a built-in variable may not be declared', () => {
		expect(problemsOf(edited({ 21: '  - name: cliente' }))).toEqual([
			`${FILE}:17: templates.descricao: unknown template variable {telefone1}; use a built-in one (saudacao, cliente, contato, data, hora) or declare it under "variables"`,
			`${FILE}:21: variables[0].name: is a built-in variable (saudacao, cliente, contato, data, hora); do not declare it`,
		]);
	});

	test('variable names are lowercase identifiers', () => {
		expect(problemsOf(edited({ 17: '  descricao: "{Telefone}"', 21: '  - name: Telefone' }))).toEqual([
			`${FILE}:17: templates.descricao: "{Telefone}" is not a template variable: write variables in lowercase with no spaces, e.g. {cliente}`,
			`${FILE}:21: variables[0].name: variable names are lowercase letters, digits and _ (e.g. telefone2)`,
		]);
	});

	test('a variable needs a label', () => {
		expect(problemsOf(edited({ 22: null }))).toEqual([`${FILE}:21: variables[0].label: is required but missing`]);
	});
});

describe('checklist', () => {
	test('an unknown check', () => {
		expect(problemsOf(edited({ 30: '      check: e-mail' }))).toEqual([
			`${FILE}:30: checklist.ask[1].check: expected check: email, {phones: N} or {field: "<additional field label>"}`,
		]);
	});

	test('phones out of range', () => {
		expect(problemsOf(edited({ 28: '      check: { phones: 0 }' }))).toEqual([
			`${FILE}:28: checklist.ask[0].check.phones: Too small: expected number to be >=1`,
		]);
		expect(problemsOf(edited({ 28: '      check: { phones: 9 }' }))).toEqual([
			`${FILE}:28: checklist.ask[0].check.phones: Too big: expected number to be <=5`,
		]);
	});

	test('a misspelt check key', () => {
		expect(problemsOf(edited({ 32: '      check: { campo: Protocolo }' }))).toContain(`${FILE}:32: checklist.ask[2].check.campo: unknown key "campo"`);
	});

	test('an item that is neither text nor {text, check}', () => {
		expect(problemsOf(edited({ 25: '    - 42' }))).toEqual([`${FILE}:25: checklist.verify[0]: expected a checklist item: text, or {text, check}`]);
		expect(problemsOf(edited({ 27: '    - texto: Dois telefones para contato' }))).toContain(
			`${FILE}:27: checklist.ask[0].texto: unknown key "texto"`,
		);
	});
});

describe('sla', () => {
	test.each(['amanhã', '24', '0h', 'h24', '-2h'])('deadline "%s"', (value) => {
		expect(problemsOf(edited({ 37: `    deadline: "${value}"` }))).toEqual([
			`${FILE}:37: sla[0].deadline: "${value}" is not a deadline; write it like 24h, 2h or 15min`,
		]);
	});

	test('a deadline that is not text', () => {
		expect(problemsOf(edited({ 37: '    deadline: 24' }))).toEqual([`${FILE}:37: sla[0].deadline: expected a deadline such as 24h, 2h or 15min`]);
	});

	test('a missing deadline', () => {
		expect(problemsOf(edited({ 37: null }))).toEqual([`${FILE}:36: sla[0].deadline: is required but missing`]);
	});

	test.each([
		['24h', 1440],
		['2 h', 120],
		['2 horas', 120],
		['1,5h', 90],
		['15min', 15],
		['15 min', 15],
		['30m', 30],
		['10 minutos', 10],
		['1d', 1440],
		['2 dias', 2880],
		['24H', 1440],
	])('parseDeadline(%s) = %i minutes', (value, minutes) => {
		expect(parseDeadline(value)).toBe(minutes);
	});

	test.each(['', 'h', '24 semanas', 'em 2h', '2h30'])('parseDeadline(%s) is not a deadline', (value) => {
		expect(parseDeadline(value)).toBeUndefined();
	});
});

describe('several problems', () => {
	test('are all reported together, in line order', () => {
		const text = edited({
			2: 'titel: Certificado digital em branco no token',
			13: '  categorias: [A, B, C, D]',
			17: '  descricao: "{fone}"',
			30: '      check: telefone',
			37: '    deadline: logo',
		});
		expect(problemsOf(text, 'sops/Token.md')).toEqual([
			'sops/Token.md: file name "Token.md" must be lowercase words joined by "-" (it is the SOP id), e.g. token-em-branco.md',
			'sops/Token.md:1: title: is required but missing',
			'sops/Token.md:2: titel: unknown key "titel" (did you mean "title"?)',
			'sops/Token.md:13: qualitor.categorias: expected 1 to 3 names',
			'sops/Token.md:17: templates.descricao: unknown template variable {fone}; use a built-in one (saudacao, cliente, contato, data, hora) or declare it under "variables"',
			'sops/Token.md:30: checklist.ask[1].check: expected check: email, {phones: N} or {field: "<additional field label>"}',
			'sops/Token.md:37: sla[0].deadline: "logo" is not a deadline; write it like 24h, 2h or 15min',
		]);
	});

	test('problems carry file, line and field separately', () => {
		const result = parseSop(FILE, edited({ 13: '  categorias: []' }));
		expect(result).toEqual({
			ok: false,
			problems: [{ file: FILE, line: 13, field: 'qualitor.categorias', message: 'expected 1 to 3 names' }],
		});
	});
});

describe('template variables written wrongly', () => {
	test.each(['{Cliente}', '{ cliente }', '{nome do cliente}'])('%s is reported, not written into the ticket as typed', (variable) => {
		const text = `---\ntitle: T\nsummary: S\nsource: x.txt\nkeywords: [k]\ntemplates:\n  titulo: "Chamado de ${variable}"\n---\n`;
		const result = parseSop('sops/t.md', text);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map(formatProblem)).toContain(
			`sops/t.md:7: templates.titulo: "${variable}" is not a template variable: write variables in lowercase with no spaces, e.g. {cliente}`,
		);
	});
});

test('a YAML alias bomb is a located problem, not an exception (imported packs and policies are untrusted)', () => {
	const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
	for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd']] as const) levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
	const result = parseSop('sops/bomb.md', `---\n${levels.join('\n')}\ntitle: T\n---\n`);
	expect(result.ok).toBe(false);
	if (!result.ok) expect(result.problems.map(formatProblem)).toEqual([expect.stringMatching(/^sops\/bomb\.md:2: invalid YAML: .*alias/i)]);
});

describe('situacao, exemplos, nao_confundir', () => {
	// Written in place of line 9-10 (synonyms), so the lines below are known: the key is on line 9.
	const withKeys = (...lines: string[]) => edited({ 9: lines.join('\n'), 10: null });
	const parsed = (text: string) => {
		const result = parseSop(FILE, text);
		if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
		return result.sop;
	};

	test('valid keys reach the SOP: one situation or a list, plain or {texto, dica} near misses', () => {
		const sop = parsed(
			withKeys(
				'situacao:',
				'  objeto: [token, SafeSign]',
				'  estado: [em branco, vazio]',
				'exemplos:',
				'  - cliente diz que o token está vazio',
				'nao_confundir:',
				'  - tela em branco',
				'  - texto: [PIN bloqueado, esqueceu o PIN]',
				'    dica: Parece senha/PIN do token — não é este SOP',
			),
		);
		expect(sop.situacao).toEqual([{ objeto: ['token', 'SafeSign'], estado: ['em branco', 'vazio'] }]);
		expect(sop.exemplos).toEqual(['cliente diz que o token está vazio']);
		expect(sop.naoConfundir).toEqual([
			{ texto: ['tela em branco'] },
			{ texto: ['PIN bloqueado', 'esqueceu o PIN'], dica: 'Parece senha/PIN do token — não é este SOP' },
		]);
		const list = parsed(withKeys('situacao:', '  - objeto: [SEI]', '  - objeto: [processo]', '    estado: [erro]'));
		expect(list.situacao).toEqual([
			{ objeto: ['SEI'], estado: [] },
			{ objeto: ['processo'], estado: ['erro'] },
		]);
		// Positive control for "absent": a SOP without the keys has none of them.
		const plain = parsed(edited({}));
		expect([plain.situacao, plain.exemplos, plain.naoConfundir]).toEqual([undefined, undefined, undefined]);
	});

	test.each([
		[['situacao:', '  estado: [vazio]'], '10: situacao.objeto: is required but missing'],
		[['situacao:', '  objeto: []'], '10: situacao.objeto: list at least one object (what the ticket is about: token, CEI…)'],
		[['situacao:', '  objeto: [token]', '  estados: [vazio]'], '11: situacao.estados: unknown key "estados"'],
		[['situacao: token'], '9: situacao: expected a situation {objeto, estado} or a list of them'],
		[['situacao:', '  objeto: [o, token]'], '10: situacao.objeto[0]: "o" has no word the search can find (only articles and prepositions)'],
		[['situacao:', '  - objeto: [token]', '  - objeto: [cartão]', '    estado: [de]'], '12: situacao[1].estado[0]: "de" has no word the search can find (only articles and prepositions)'],
		[
			['situacao:', '  objeto: [token]', '  estado: [um dois três quatro cinco seis sete oito]'],
			'11: situacao.estado[0]: "um dois três quatro cinco seis sete oito" is too long to be found in a ticket (at most 6 words): write the state in a few words; whole sentences go under exemplos',
		],
		[['exemplos: token em branco'], '9: exemplos: expected a list of exemplos'],
		[['situacao:', '  objeto: [token]', 'nao_confundir:', '  - dica: só a dica'], '12: nao_confundir[0].texto: is required but missing'],
		[['situacao:', '  objeto: [token]', 'nao_confundir:', '  - texto: []'], '12: nao_confundir[0].texto: list at least one phrase'],
		[
			['situacao:', '  objeto: [token]', '  estado: [em branco]', 'nao_confundir:', '  - texto: [PIN, Em Branco]'],
			'13: nao_confundir[0].texto[1]: "Em Branco" is also this SOP\'s situacao.estado[0]: a near miss must differ from the SOP\'s own situation',
		],
		[['situacao:', '  objeto: [token]', 'nao_confundir:', '  - "a"'], '12: nao_confundir[0]: "a" has no word the search can find (only articles and prepositions)'],
	])('%j → line %s', (lines, expected) => {
		expect(problemsOf(withKeys(...lines))).toEqual([`${FILE}:${expected}`]);
	});

	test('a misspelt texto: the missing key and the typo, both on its line', () => {
		expect(problemsOf(withKeys('situacao:', '  objeto: [token]', 'nao_confundir:', '  - text: PIN'))).toEqual([
			`${FILE}:12: nao_confundir[0].texto: is required but missing`,
			`${FILE}:12: nao_confundir[0].text: unknown key "text"`,
		]);
	});
});
