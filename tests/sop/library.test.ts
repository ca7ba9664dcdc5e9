// The library as a whole, then the real sops/ folder checked as data (format, references to the seeds, and
// the facts each SOP takes from its seed).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readSopDir } from '../../src/cli/read-sops.ts';
import { buildLibrary, type SopFile } from '../../src/sop/library.ts';
import { parseSop } from '../../src/sop/parse.ts';
import { formatProblem } from '../../src/sop/problems.ts';
import { frontMatterSchema } from '../../src/sop/schema.ts';
import { fold } from '../../src/sop/text.ts';
import { BUILTIN_VARIABLES, type Sop } from '../../src/sop/types.ts';
import { shared } from '../helpers/shared.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const sopsDir = resolve(repoRoot, 'sops');
const seeds = shared('seeds', 'the checks of each SOP against its seed');
const seedsDir = seeds.path;

const sopText = (title: string, extra = '') =>
	`---\ntitle: ${title}\nsummary: Resumo.\nsource: seed.txt\nkeywords: [${title.toLowerCase()}]\n${extra}---\nCorpo.\n`;

describe('buildLibrary', () => {
	test('sorts SOPs by id, whatever the order of the files', () => {
		const library = buildLibrary([
			{ path: 'sops/suporte-sei.md', text: sopText('SEI') },
			{ path: 'sops/certificado-sem-cei.md', text: sopText('CEI') },
		]);
		expect(library.problems).toEqual([]);
		expect(library.sops.map((s) => s.id)).toEqual(['certificado-sem-cei', 'suporte-sei']);
	});

	test('a duplicate id (same file name from two folders) is a problem naming both files', () => {
		const library = buildLibrary([
			{ path: 'pack/b/token-em-branco.md', text: sopText('B') },
			{ path: 'pack/a/token-em-branco.md', text: sopText('A') },
		]);
		expect(library.problems.map(formatProblem)).toEqual([
			'pack/b/token-em-branco.md: duplicate id "token-em-branco" (also pack/a/token-em-branco.md)',
		]);
		expect(library.sops.map((s) => s.title)).toEqual(['A']);
	});

	test('an empty folder is a problem, not an empty library', () => {
		const dir = mkdtempSync(join(tmpdir(), 'sops-empty-'));
		try {
			const files = readSopDir(dir);
			expect(files).toEqual([]);
			expect(buildLibrary(files)).toEqual({ sops: [], problems: [{ file: '(library)', line: 0, field: '', message: 'no SOP files found' }] });
		} finally {
			rmSync(dir, { recursive: true });
		}
	});

	test('a missing folder is reported by name', () => {
		expect(() => readSopDir(join(tmpdir(), 'no-such-sops-folder'))).toThrow(/^SOP folder not found: .*no-such-sops-folder$/);
	});

	test('problems of every file are collected; the valid files still parse (the caller refuses the whole)', () => {
		const library = buildLibrary([
			{ path: 'sops/a.md', text: sopText('A', 'sla: [{label: X, deadline: logo}]\n') },
			{ path: 'sops/b.md', text: sopText('B') },
			{ path: 'sops/c.md', text: 'sem front matter' },
		]);
		expect(library.problems.map(formatProblem)).toEqual([
			'sops/a.md:6: sla[0].deadline: "logo" is not a deadline; write it like 24h, 2h or 15min',
			'sops/c.md:1: the file must start with YAML front matter between two "---" lines',
		]);
		expect(library.sops.map((s) => s.id)).toEqual(['b']);
	});
});

// ---- Data checks on the real sops/ folder -------------------------------------------------------------

const files: SopFile[] = readSopDir(sopsDir, repoRoot);
const library = buildLibrary(files);
const byId = new Map(library.sops.map((s) => [s.id, s]));
const sop = (id: string): Sop => {
	const found = byId.get(id);
	if (!found) throw new Error(`no SOP ${id}`);
	return found;
};
const seed = (s: Sop) => readFileSync(join(seedsDir, s.source), 'utf8');
/** The front matter as written, before the schema trims anything. */
const rawFrontMatter = (f: SopFile) => parseYaml(/^---\n([\s\S]*?)\n---/.exec(f.text.replace(/\r\n?/g, '\n'))![1]!) as Record<string, unknown>;

describe('sops/ (data)', () => {
	test('every SOP is valid', () => {
		expect(library.problems.map(formatProblem)).toEqual([]);
		expect(files.every((f) => parseSop(f.path, f.text).ok)).toBe(true);
	});

	test('exactly the five SOPs written from the seeds exist', () => {
		expect(library.sops.map((s) => s.id).sort()).toEqual(
			['certificado-notarizado', 'certificado-sem-cei', 'chamado-suporte-mapa', 'suporte-sei', 'token-em-branco'].sort(),
		);
	});

	test.each(library.sops.map((s) => [s.id, s] as const))('%s: source is written as a seed file name', (_, s) => {
		expect(s.source).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
	});

	test.skipIf(!seeds.present).each(library.sops.map((s) => [s.id, s] as const))('%s: source names an existing seed file', (_, s) => {
		expect(existsSync(join(seedsDir, s.source))).toBe(true);
	});

	test('no two SOPs come from the same seed', () => {
		const sources = library.sops.map((s) => s.source);
		expect(new Set(sources).size).toBe(sources.length);
	});

	test.each(files.map((f) => [f.path, f] as const))('%s: keywords and synonyms have no stray whitespace', (_, f) => {
		const raw = rawFrontMatter(f);
		const entries = [...((raw['keywords'] as unknown[]) ?? []), ...((raw['synonyms'] as unknown[]) ?? [])];
		const stray = entries.filter((e) => typeof e !== 'string' || e !== e.trim() || /\s{2,}|[\t\n]/.test(e));
		expect(stray).toEqual([]);
	});

	// Folded copies are redundant: the search folds case and accents itself ("matricula cei" is "matrícula CEI").
	test.each(library.sops.map((s) => [s.id, s] as const))('%s: no keyword or synonym repeated (case and accents folded)', (id, s) => {
		const seen = new Set<string>();
		const repeated: string[] = [];
		for (const entry of [...s.keywords, ...s.synonyms]) {
			const key = fold(entry).trim();
			if (seen.has(key)) repeated.push(entry);
			seen.add(key);
		}
		expect(repeated, id).toEqual([]);
	});

	test('every SOP has a summary and a procedure body', () => {
		for (const s of library.sops) {
			expect(s.summary.length, s.id).toBeGreaterThan(40);
			expect(s.body.length, s.id).toBeGreaterThan(200);
		}
	});
});

/** A field of the Qualitor form as the seed's screenshot transcription shows it: `Tipo* : X ▼` or `"Tipo*" (X)`. */
function seedFormValue(text: string, label: string): string | undefined {
	const name = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const m =
		new RegExp(`${name}\\\\?\\*\\s*:\\s*([^▼\\n]+?)\\s*▼`).exec(text) ?? new RegExp(`"${name}\\*"\\s*\\(([^)]+)\\)`).exec(text);
	return m?.[1]?.trim();
}

describe.skipIf(!seeds.present)('sops/ facts from the seeds', () => {
	test.each([
		['certificado-sem-cei', 'Certificado sem CEI'],
		['token-em-branco', 'Em branco'],
	])('%s: the categorisation the seed screenshot shows', (id, categoria3) => {
		const s = sop(id);
		expect(s.qualitor).toEqual({ tipo: 'Suporte Técnico', categorias: ['SUP - Certificado Digital', 'Cartão', categoria3], prioridade: 'Baixa' });
		const text = seed(s);
		expect([
			seedFormValue(text, 'Tipo'),
			seedFormValue(text, 'Categoria 1'),
			seedFormValue(text, 'Categoria 2'),
			seedFormValue(text, 'Categoria 3'),
			seedFormValue(text, 'Prioridade'),
		]).toEqual([s.qualitor?.tipo, ...(s.qualitor?.categorias ?? []), s.qualitor?.prioridade]);
	});

	test.each(['chamado-suporte-mapa', 'certificado-notarizado', 'suporte-sei'])('%s: no categorisation (the seed gives none)', (id) => {
		const s = sop(id);
		expect(s.qualitor).toBeUndefined();
		expect(seedFormValue(seed(s), 'Categoria 1')).toBeUndefined();
	});

	test('certificado-sem-cei: "Descrição para subchamado" is worded exactly as in the seed', () => {
		const s = sop('certificado-sem-cei');
		const inSeed = /Descrição para subchamado\s*:\s*(.+?)\s*$/m.exec(seed(s))?.[1];
		expect(inSeed).toBe('DESCRIÇÃO: Certificado sem CEI. SOLUÇÃO: Nova emissão com CEI vinculado.');
		expect(s.templates.adicionais['Descrição para subchamado']).toBe(inSeed);
	});

	test('token-em-branco: the description and the additional fields of the seed form', () => {
		const s = sop('token-em-branco');
		expect(seed(s)).toContain(s.templates.descricao);
		expect(Object.keys(s.templates.adicionais)).toEqual(
			expect.arrayContaining(['Solução', 'Encaminhar', 'Nome', 'Telefone', 'E-mail', 'CPF/CNPJ', 'Protocolo', 'Mídia foi reaproveitada?', 'Mídia é da Safeweb?']),
		);
	});

	// Seeds 000 and 001 forward the ticket to "o relacionamento" and promise an answer "dentro de 24 horas".
	test.each(library.sops.map((s) => [s.id, s] as const))('%s: escalated to Relacionamento with a 24 h return exactly when the seed says so', (_, s) => {
		const text = seed(s);
		const seedEscalates = /encaminhar (?:o chamado|a demanda) para o relacionamento/i.test(text);
		expect(s.escalation?.team).toBe(seedEscalates ? 'Relacionamento' : undefined);
		expect(s.templates.adicionais['Encaminhar']).toBe(seedEscalates ? 'Relacionamento' : undefined);
		if (/dentro de 24 horas/.test(text)) expect(s.sla).toEqual([{ label: 'Retorno ao cliente', minutes: 24 * 60 }]);
	});

	test('certificado-sem-cei and token-em-branco ask for two phones and an up-to-date e-mail, as the seeds say', () => {
		for (const id of ['certificado-sem-cei', 'token-em-branco']) {
			const checks = sop(id).checklist.ask.map((item) => item.check).filter(Boolean);
			expect(checks, id).toEqual(expect.arrayContaining([{ kind: 'phones', min: 2 }, { kind: 'email' }]));
		}
	});

	test('chamado-suporte-mapa: 2 h for Consulta Técnica, 4 h and 24 h for defects with and without paralisação', () => {
		expect(sop('chamado-suporte-mapa').sla.map((e) => [e.when, e.minutes])).toEqual([
			['Consulta Técnica', 120],
			['Defeito com paralisação do serviço', 240],
			['Defeito sem paralisação do serviço', 1440],
		]);
	});

	test('certificado-notarizado: 15 minutes to start', () => {
		expect(sop('certificado-notarizado').sla.map((e) => e.minutes)).toEqual([15]);
		expect(seed(sop('certificado-notarizado'))).toContain('15 minutos úteis');
	});

	test('suporte-sei: the reply model is the seed text, with the greeting and the name as variables', () => {
		const s = sop('suporte-sei');
		const resposta = s.resposta ?? '';
		expect(resposta).toMatch(/^Prezado\(a\) \{contato\},\n\n\{saudacao\}\./);
		// The solution is the reply as the agent leaves it.
		expect(s.templates.solucao).toBe('{resposta}');
		const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
		const seedText = squash(seed(s));
		for (const paragraph of resposta.split('\n\n').slice(2)) expect(seedText).toContain(squash(paragraph));
	});

	test('third parties\' deadlines say whose they are (the cartório, MAPA\'s support); ours do not', () => {
		expect(sop('certificado-notarizado').sla.map((e) => e.thirdParty)).toEqual(['cartório']);
		expect(sop('chamado-suporte-mapa').sla.every((e) => /MAPA/.test(e.thirdParty ?? ''))).toBe(true);
		expect(sop('token-em-branco').sla.map((e) => e.thirdParty)).toEqual([undefined]);
	});

	test('no SOP has an SLA the seeds do not give', () => {
		expect(sop('suporte-sei').sla).toEqual([]);
	});
});

// sops/README.md is the knowledge managers' only manual: its example must be a valid SOP, and it must name
// every key the schema accepts.
describe('sops/README.md', () => {
	const readme = readFileSync(join(sopsDir, 'README.md'), 'utf8');

	test('the full example is a valid SOP', () => {
		const example = /## A full example\s+```markdown\n([\s\S]*?)\n```/.exec(readme)?.[1];
		expect(example).toBeDefined();
		const result = parseSop('sops/token-em-branco.md', example!);
		expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
		if (!result.ok) return;
		// It shows every part of the format.
		expect(Object.keys(result.sop).sort()).toEqual(
			['id', 'title', 'summary', 'source', 'version', 'keywords', 'synonyms', 'qualitor', 'templates', 'variables', 'checklist', 'escalation', 'sla', 'references', 'body'].sort(),
		);
		expect(result.sop.checklist.ask.map((i) => i.check?.kind)).toEqual(['phones', 'email', 'field']);
	});

	test('every small example is valid YAML', () => {
		for (const [, block] of readme.matchAll(/```yaml\n([\s\S]*?)\n```/g)) expect(() => parseYaml(block!)).not.toThrow();
	});

	test('documents every front-matter key and every built-in variable', () => {
		for (const key of Object.keys(frontMatterSchema.shape)) expect(readme, key).toContain(`\`${key}\``);
		for (const key of ['tipo', 'categorias', 'prioridade', 'titulo', 'descricao', 'solucao', 'adicionais', 'verify', 'ask', 'tell', 'team', 'note', 'deadline', 'when', 'placeholder']) {
			expect(readme, key).toContain(`\`${key}`);
		}
		for (const name of BUILTIN_VARIABLES) expect(readme, name).toContain(`\`{${name}}\``);
	});
});
