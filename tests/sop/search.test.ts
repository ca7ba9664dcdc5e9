// Ranking against the shared dev set and the project's own ticket texts, plus the search's promises.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readSopDir } from '../../src/cli/read-sops.ts';
import { evaluate, formatEvaluation, parseEvalFile, type EvalCase } from '../../src/sop/evaluate.ts';
import { buildLibrary } from '../../src/sop/library.ts';
import { buildIndex, EVIDENCE_THRESHOLD, loadIndex, rank as rankAll, searchByName, serializeIndex, suggest } from '../../src/sop/search.ts';
import { terms, words } from '../../src/sop/text.ts';
import { shared } from '../helpers/shared.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const library = buildLibrary(readSopDir(resolve(repoRoot, 'sops'), repoRoot));
const ids = new Set(library.sops.map((s) => s.id));
const index = buildIndex(library.sops);
const rank = (text: string) => suggest(index, text);

function cases(path: string): EvalCase[] {
	const parsed = parseEvalFile(readFileSync(resolve(repoRoot, path), 'utf8'), ids);
	expect(parsed.errors).toEqual([]);
	return parsed.cases;
}
const devFile = shared('dev-set/match.tsv', 'the ranking checks on the shared dev set');
const nearMissFile = shared('dev-set/match-nearmiss.tsv', 'the ranking checks on the shared near-miss dev set');
const devSet = devFile.present ? cases(devFile.path) : [];
const nearMiss = nearMissFile.present ? cases(nearMissFile.path) : [];
const extra = cases('tests/fixtures/match-extra.tsv');
const heldOut = cases('tests/fixtures/match-heldout.tsv');
const allTexts = [...devSet, ...nearMiss, ...extra, ...heldOut].map((c) => c.text);

test('the library under test is valid', () => {
	expect(library.problems).toEqual([]);
	if (devFile.present) expect(devSet.length).toBeGreaterThanOrEqual(14);
	if (nearMissFile.present) expect(nearMiss.length).toBeGreaterThanOrEqual(170);
	expect(extra.length).toBeGreaterThanOrEqual(80);
	expect(heldOut.length).toBeGreaterThanOrEqual(50);
});

// The goals of issue 9, as lower bounds. The shared sets are skipped (one line on stderr) in a clone alone;
// the project's own texts (match-extra, and match-heldout, written before tuning and kept out of it) always run.
const goals = { top1: 0.97, top3: 0.99, silent: 0.95 };
const heldOutGoals = { top1: 0.95, top3: 0.95, silent: 0.9 };
describe.each([
	['../shared/dev-set/match-nearmiss.tsv', nearMissFile.present, nearMiss, goals],
	['../shared/dev-set/match.tsv', devFile.present, devSet, goals],
	['tests/fixtures/match-extra.tsv', true, extra, goals],
	['tests/fixtures/match-heldout.tsv', true, heldOut, heldOutGoals],
] as const)('ranking on %s', (_name, present, set, bounds) => {
	const result = present ? evaluate(set, (text) => rankAll(index, text)) : undefined;
	const report = result ? formatEvaluation(result) : '';
	test.skipIf(!present)(`top-1 >= ${bounds.top1 * 100} %, top-3 >= ${bounds.top3 * 100} %, no-SOP texts silent >= ${bounds.silent * 100} %`, () => {
		expect(result!.withSop).toBeGreaterThan(10);
		expect(result!.unrelated).toBeGreaterThan(1);
		expect(result!.top1 / result!.withSop, report).toBeGreaterThanOrEqual(bounds.top1);
		expect(result!.top3 / result!.withSop, report).toBeGreaterThanOrEqual(bounds.top3);
		expect(result!.unrelatedSilent / result!.unrelated, report).toBeGreaterThanOrEqual(bounds.silent);
	});
});

describe('tolerance', () => {
	test.each([
		['tokem em branco', 'token-em-branco'],
		['token em brancco', 'token-em-branco'],
		['safesing mostra o token vazio', 'token-em-branco'],
		['matricual cei nao consta', 'certificado-sem-cei'],
		['certificado notarisado', 'certificado-notarizado'],
	])('typo: %j → %s', (text, id) => {
		expect(rank(text)[0]?.id).toBe(id);
	});

	test.each([
		['CERTIFICADO SEM MATRÍCULA CEI', 'certificado sem matricula cei'],
		['CARTÓRIO NÃO ATENDEU A SOLICITAÇÃO', 'cartorio nao atendeu a solicitacao'],
		['Sistema Eletrônico de Informações', 'sistema eletronico de informacoes'],
		['PARALISAÇÃO no MAPA', 'paralisacao no mapa'],
	])('accents and case: %j ranks as %j', (accented, plain) => {
		expect(rank(accented)).toEqual(rank(plain));
		expect(rank(plain)).not.toEqual([]);
	});

	test('plural and singular meet', () => {
		expect(rank('tokens em branco')[0]?.id).toBe('token-em-branco');
		expect(rank('certificados notarizados')[0]?.id).toBe('certificado-notarizado');
		expect(rank('Certificados sem matrículas CEI')[0]?.id).toBe('certificado-sem-cei');
	});
});

describe('suggestions', () => {
	test('matched lists the query words as typed (folded), not the stems', () => {
		expect(rank('Certificados sem matrículas CEI')[0]?.matched).toEqual(['certificados', 'matriculas', 'cei']);
		expect(rank('token em branco')[0]?.matched).toEqual(['token', 'branco']);
	});

	test('matched words always come from the query (abbreviations expanded), never stop words', () => {
		for (const text of allTexts) {
			const typed = new Set(terms(text).map((t) => t.word));
			for (const s of rank(text)) for (const w of s.matched) expect(typed, `${text} → ${s.id}`).toContain(w);
		}
	});

	test('at most 3, best first, each with a score in (0, 1), a level and some matched word', () => {
		const mixed = 'token em branco, matrícula CEI ausente, certificado notarizado no cartório, chamado no MAPA, suporte ao SEI';
		expect(suggest(index, mixed, 5).length).toBeGreaterThan(3);
		for (const text of [mixed, ...allTexts]) {
			const got = rank(text);
			expect(got.length).toBeLessThanOrEqual(3);
			expect(got).toEqual(suggest(index, text, 5).slice(0, 3));
			for (const [i, s] of got.entries()) {
				expect(s.score).toBeGreaterThan(0);
				expect(s.score).toBeLessThan(1);
				expect(['provavel', 'possivel']).toContain(s.level);
				expect(s.matched.length + s.why.objeto.length).toBeGreaterThan(0);
				expect(s.title).toBe(library.sops.find((x) => x.id === s.id)?.title);
				if (i) expect(s.score).toBeLessThanOrEqual(got[i - 1]!.score);
			}
		}
	});

	test('a one-word match is never "provável"; the situation with more words is', () => {
		let possible = 0;
		for (const text of allTexts) {
			for (const s of rank(text)) {
				if (s.matched.length < 2) {
					possible++;
					expect(s.level, `${text} → ${s.id}`).toBe('possivel');
				}
			}
		}
		expect(rank('SEI')[0]).toMatchObject({ id: 'suporte-sei', level: 'possivel' });
		expect(rank('suporte ao SEI')[0]).toMatchObject({ id: 'suporte-sei', level: 'provavel' });
		expect(rank('cliente diz que o token está em branco no SafeSign')[0]).toMatchObject({
			id: 'token-em-branco',
			level: 'provavel',
			why: { objeto: ['token', 'safesign'], estado: ['branco'] },
		});
		expect(possible).toBeGreaterThan(0);
	});

	test('a limit is respected', () => {
		expect(suggest(index, 'token em branco', 0)).toEqual([]);
		expect(suggest(index, 'token em branco matrícula CEI', 1)).toHaveLength(1);
	});

	test.each(['', '   ', '?!...', 'o de a para com', 'não é que', '- / -'])('nothing to search in %j: no suggestion', (text) => {
		expect(rankAll(index, text)).toEqual({ suggestions: [], hints: [] });
	});

	test('one generic word is not enough: the object needs its state', () => {
		for (const text of ['certificado', 'certificado digital', 'suporte', 'chamado', 'cartão', 'token', 'safesign', 'cartório', 'mapa', 'gov.br', 'matrícula']) {
			expect(rank(text), text).toEqual([]);
		}
		// Positive controls: the same objects with their state.
		expect(rank('token vazio')[0]?.id).toBe('token-em-branco');
		expect(rank('safesign em branco')[0]?.id).toBe('token-em-branco');
		expect(rank('cartório com solicitação expirada')[0]?.id).toBe('certificado-notarizado');
		expect(rank('mapa fora do ar')[0]?.id).toBe('chamado-suporte-mapa');
		expect(rank('matrícula CEI ausente')[0]?.id).toBe('certificado-sem-cei');
	});

	test("every SOP's exemplos suggest it first, and none of its nao_confundir phrases suggests it", () => {
		let checked = 0;
		for (const s of library.sops) {
			for (const example of s.exemplos ?? []) {
				checked++;
				expect(rank(example)[0]?.id, example).toBe(s.id);
			}
			for (const miss of s.naoConfundir ?? []) {
				for (const text of miss.texto) expect(rank(text).map((x) => x.id), text).not.toContain(s.id);
			}
		}
		expect(checked).toBeGreaterThanOrEqual(15);
	});

	test('each SOP is suggested first for its own title', () => {
		for (const s of library.sops) expect(rank(s.title)[0]?.id, s.title).toBe(s.id);
	});

	test('the threshold is the documented one', () => {
		expect(EVIDENCE_THRESHOLD).toBe(0.9);
	});
});

describe('serialised index', () => {
	test('serializeIndex/loadIndex round trip gives identical suggestions and name search', () => {
		const loaded = loadIndex(serializeIndex(index));
		for (const text of [...allTexts, 'token', 'notari', 'Suporte']) {
			expect(rankAll(loaded, text), text).toEqual(rankAll(index, text));
			expect(searchByName(loaded, text), text).toEqual(searchByName(index, text));
		}
		expect(loaded.vocab).toEqual(index.vocab);
		expect(loaded.postings).toBe(index.postings);
		expect(loaded.ids).toEqual(library.sops.map((s) => s.id));
	});

	test('an index of another version is refused', () => {
		const text = serializeIndex(index);
		const newline = text.indexOf('\n');
		const header = JSON.parse(text.slice(0, newline)) as { v: number };
		// Positive control: the same text with its own header loads.
		expect(loadIndex(text).ids).toEqual(index.ids);
		expect(() => loadIndex(`${JSON.stringify({ ...header, v: 3 })}${text.slice(newline)}`)).toThrow('unsupported SOP index format 3');
		expect(() => loadIndex('not an index')).toThrow('unreadable SOP index');
	});

	test('titles with a line break or a backslash survive the round trip', () => {
		const odd = buildIndex([{ ...library.sops[0]!, id: 'a\\b', title: 'linha 1\nlinha 2 \\n' }, library.sops[1]!]);
		const loaded = loadIndex(serializeIndex(odd));
		expect(loaded.ids).toEqual(['a\\b', library.sops[1]!.id]);
		expect(loaded.titles).toEqual(['linha 1\nlinha 2 \\n', library.sops[1]!.title]);
	});
});

describe('searchByName', () => {
	test.each(library.sops.flatMap((s) => words(s.title).filter((w) => w.length >= 6).map((w) => [s.id, w.slice(0, 5), s.title] as const)))(
		'%s is found by %j (a part of its title)',
		(id, part) => {
			expect(searchByName(index, part).map((r) => r.id)).toContain(id);
		},
	);

	test('finds a SOP by part of its title, with the title', () => {
		expect(searchByName(index, 'notari')[0]).toEqual({ id: 'certificado-notarizado', title: 'Certificado digital notarizado no e-Notariado' });
		expect(searchByName(index, 'abertura')[0]?.id).toBe('chamado-suporte-mapa');
	});

	test('no threshold: a generic word lists several SOPs', () => {
		expect(searchByName(index, 'certificado').length).toBeGreaterThanOrEqual(3);
	});

	test('nothing for an empty search; the limit is respected', () => {
		expect(searchByName(index, '')).toEqual([]);
		expect(searchByName(index, '  ')).toEqual([]);
		expect(searchByName(index, 'certificado', 2)).toHaveLength(2);
	});
});

test('matched words stay exact in long tickets (more distinct words than a bit mask holds)', () => {
	const filler = Array.from({ length: 40 }, (_, i) => `palavra${String.fromCharCode(97 + (i % 26))}${i}`).join(' ');
	const [top] = suggest(index, `${filler} token em branco safesign zebra girafa`);
	expect(top?.id).toBe('token-em-branco');
	expect(top!.matched).toEqual(['token', 'branco', 'safesign']);
	expect(top!.why).toEqual({ objeto: ['token', 'safesign'], estado: ['branco'] });
});
