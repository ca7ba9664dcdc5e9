// Ranking against the shared dev set and the project's own ticket texts, plus the search's promises.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readSopDir } from '../../src/cli/read-sops.ts';
import { evaluate, formatEvaluation, parseEvalFile, type EvalCase } from '../../src/sop/evaluate.ts';
import { buildLibrary } from '../../src/sop/library.ts';
import { buildIndex, EVIDENCE_THRESHOLD, loadIndex, searchByName, serializeIndex, suggest } from '../../src/sop/search.ts';
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
const devSet = devFile.present ? cases(devFile.path) : [];
const extra = cases('tests/fixtures/match-extra.tsv');
const allTexts = [...devSet, ...extra].map((c) => c.text);

test('the library under test is valid', () => {
	expect(library.problems).toEqual([]);
	if (devFile.present) expect(devSet.length).toBeGreaterThanOrEqual(14);
	expect(extra.length).toBeGreaterThanOrEqual(80);
});

describe.skipIf(!devFile.present)('shared dev set (../shared/dev-set/match.tsv)', () => {
	test.each(devSet.map((c) => [c.line, c.expected ?? '-', c.text, c] as const))('line %i: %s ← %j', (_line, _id, _text, c) => {
		const got = rank(c.text).map((s) => s.id);
		if (c.expected === null) expect(got).toEqual([]);
		else expect(got[0]).toBe(c.expected);
	});
});

describe('project texts (tests/fixtures/match-extra.tsv)', () => {
	const result = evaluate(extra, rank);
	const report = formatEvaluation(result);

	test('has both kinds of line', () => {
		expect(result.withSop).toBeGreaterThan(40);
		expect(result.unrelated).toBeGreaterThan(20);
	});
	test('top-1 >= 90 %', () => {
		expect(result.top1 / result.withSop, report).toBeGreaterThanOrEqual(0.9);
	});
	test('top-3 >= 98 %', () => {
		expect(result.top3 / result.withSop, report).toBeGreaterThanOrEqual(0.98);
	});
	test('unrelated tickets get no suggestion >= 90 %', () => {
		expect(result.unrelatedSilent / result.unrelated, report).toBeGreaterThanOrEqual(0.9);
	});
});

describe('tolerance', () => {
	test.each([
		['tokem em branco', 'token-em-branco'],
		['token em brancco', 'token-em-branco'],
		['safesing token', 'token-em-branco'],
		['matricual cei', 'certificado-sem-cei'],
		['certificado notarisado', 'certificado-notarizado'],
	])('typo: %j → %s', (text, id) => {
		expect(rank(text)[0]?.id).toBe(id);
	});

	test.each([
		['MATRÍCULA CEI', 'matricula cei'],
		['CARTÓRIO', 'cartorio'],
		['Sistema Eletrônico de Informações', 'sistema eletronico de informacoes'],
		['PARALISAÇÃO no MAPA', 'paralisacao no mapa'],
	])('accents and case: %j ranks as %j', (accented, plain) => {
		expect(rank(accented)).toEqual(rank(plain));
		expect(rank(plain)).not.toEqual([]);
	});

	test('plural and singular meet', () => {
		expect(rank('tokens em branco')[0]?.id).toBe('token-em-branco');
		expect(rank('certificados notarizados')[0]?.id).toBe('certificado-notarizado');
		expect(rank('Matrículas CEI')[0]?.id).toBe('certificado-sem-cei');
	});
});

describe('suggestions', () => {
	test('matched lists the query words as typed (folded), not the stems', () => {
		expect(rank('Matrículas do CEI')[0]?.matched).toEqual(['matriculas', 'cei']);
		expect(rank('tokem em branco')[0]?.matched).toEqual(['tokem', 'branco']);
	});

	test('matched words always come from the query, never stop words', () => {
		for (const text of allTexts) {
			const typed = new Set(terms(text).map((t) => t.word));
			for (const s of rank(text)) for (const w of s.matched) expect(typed, `${text} → ${s.id}`).toContain(w);
		}
	});

	test('at most 3, best first, each with a score in (0.5, 1) and some matched word', () => {
		const mixed = 'token em branco, matrícula CEI, certificado notarizado no cartório, chamado no MAPA, suporte ao SEI';
		expect(suggest(index, mixed, 5).length).toBeGreaterThan(3);
		for (const text of [mixed, ...allTexts]) {
			const got = rank(text);
			expect(got.length).toBeLessThanOrEqual(3);
			expect(got).toEqual(suggest(index, text, 5).slice(0, 3));
			for (const [i, s] of got.entries()) {
				expect(s.score).toBeGreaterThan(0.5);
				expect(s.score).toBeLessThan(1);
				expect(s.matched.length).toBeGreaterThan(0);
				expect(s.title).toBe(library.sops.find((x) => x.id === s.id)?.title);
				if (i) expect(s.score).toBeLessThanOrEqual(got[i - 1]!.score);
			}
		}
	});

	test('a limit is respected', () => {
		expect(suggest(index, 'token em branco', 0)).toEqual([]);
		expect(suggest(index, 'token em branco matrícula CEI', 1)).toHaveLength(1);
	});

	test.each(['', '   ', '?!...', 'o de a para com', 'não é que', '- / -'])('nothing to search in %j: no suggestion', (text) => {
		expect(rank(text)).toEqual([]);
	});

	test('words found in many SOPs are not enough on their own', () => {
		for (const text of ['certificado', 'certificado digital', 'suporte', 'chamado', 'cartão']) expect(rank(text), text).toEqual([]);
	});

	// sops/README.md promises that a one-word keyword only one SOP has is enough to suggest it.
	test('a one-word keyword specific to one SOP suggests that SOP first', () => {
		const where = (t: string) => library.sops.filter((s) => [s.title, ...s.keywords, ...s.synonyms, s.summary].some((e) => terms(e).some((x) => x.term === t)));
		let checked = 0;
		for (const s of library.sops) {
			for (const keyword of s.keywords) {
				const kt = terms(keyword);
				if (kt.length !== 1 || where(kt[0]!.term).length !== 1) continue;
				checked++;
				expect(rank(keyword)[0]?.id, keyword).toBe(s.id);
			}
		}
		expect(checked).toBeGreaterThanOrEqual(5);
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
			expect(suggest(loaded, text), text).toEqual(suggest(index, text));
			expect(searchByName(loaded, text), text).toEqual(searchByName(index, text));
		}
		expect(loaded.vocab).toEqual(index.vocab);
		expect([...loaded.postings]).toEqual([...index.postings]);
		expect(loaded.ids).toEqual(library.sops.map((s) => s.id));
	});

	test('an index of another version is refused', () => {
		const json = JSON.parse(serializeIndex(index)) as { v: number };
		expect(() => loadIndex(JSON.stringify({ ...json, v: 1 }))).toThrow('unsupported SOP index format 1');
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
});
