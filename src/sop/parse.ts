import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { $ZodIssue } from 'zod/v4/core';
import { editDistance } from './edit-distance.ts';
import { frontMatterSchema, type FrontMatter } from './schema.ts';
import { phraseKeys } from './situation.ts';
import type { SopProblem } from './problems.ts';
import { isBuiltinVariable, templateVariables } from './template.ts';
import type { Sop } from './types.ts';

export type ParseResult = { ok: true; sop: Sop } | { ok: false; problems: SopProblem[] };

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The id of a SOP is its file name without `.md`. */
export function sopIdFromPath(path: string): string {
	return (path.split(/[\\/]/).pop() ?? path).replace(/\.md$/i, '');
}

/** Parses and validates one SOP file; every problem found is reported, not just the first. */
export function parseSop(file: string, source: string): ParseResult {
	const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const problems: SopProblem[] = [];
	const problem = (line: number, field: string, message: string) => problems.push({ file, line, field, message });

	const id = sopIdFromPath(file);
	if (!ID.test(id)) problem(0, '', `file name "${id}.md" must be lowercase words joined by "-" (it is the SOP id), e.g. token-em-branco.md`);

	const fm = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
	if (!fm) {
		problem(1, '', 'the file must start with YAML front matter between two "---" lines');
		return { ok: false, problems };
	}
	const yamlText = fm[1]!;
	const body = text.slice(fm[0].length).trim();
	const lineCounter = new LineCounter();
	const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
	// The YAML starts on the file's second line.
	const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line + 1);

	for (const err of doc.errors) problem(lineAt(err.pos[0]), '', `invalid YAML: ${firstLine(err.message)}`);
	if (doc.errors.length) return { ok: false, problems };

	let data: unknown;
	try {
		// Untrusted SOPs (imported packs, IT's policy) may hold an alias bomb; yaml refuses it by throwing.
		data = doc.toJS({ maxAliasCount: 100 });
	} catch (error) {
		problem(2, '', `invalid YAML: ${firstLine((error as Error).message)}`);
		return { ok: false, problems };
	}
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		problem(2, '', 'the front matter must be a set of "key: value" lines');
		return { ok: false, problems };
	}
	const parsed = frontMatterSchema.safeParse(data);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			for (const p of issueProblems(issue, doc, lineAt)) problem(p.line, p.field, p.message);
		}
	}
	// Checked on the raw data too, so a template typo is reported alongside schema errors.
	checkTemplates(data as RawFrontMatter, doc, lineAt, problem);
	if (parsed.success) checkPhrases(parsed.data, doc, lineAt, problem);
	if (problems.length || !parsed.success) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
	return { ok: true, sop: toSop(id, parsed.data, body) };
}

interface RawFrontMatter {
	templates?: unknown;
	variables?: unknown;
	resposta?: unknown;
}

type Path = readonly PropertyKey[];

function issueProblems(issue: $ZodIssue, doc: Document, lineAt: (o?: number) => number): { line: number; field: string; message: string }[] {
	if (issue.code === 'invalid_union' && issue.errors.length) {
		// Report the alternative the author got furthest into: its message names the real mistake.
		const depth = (branch: $ZodIssue[]) => Math.max(...branch.map((i) => i.path.length));
		const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
		if (depth(best) > 0) return best.flatMap((i) => issueProblems({ ...i, path: [...issue.path, ...i.path] }, doc, lineAt));
	}
	const path = issue.path;
	if (issue.code === 'unrecognized_keys') {
		return issue.keys.map((key) => ({
			line: lineAt(keyOffset(doc, path, key) ?? valueOffset(doc, path)),
			field: fieldName([...path, key]),
			message: `unknown key "${key}"${suggestKey(key, doc, path)}`,
		}));
	}
	const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_union') && valueOffset(doc, path) === undefined;
	return [
		{
			line: lineAt(missing ? nearestOffset(doc, path) : valueOffset(doc, path)),
			field: fieldName(path),
			message: missing ? 'is required but missing' : issue.message,
		},
	];
}

function valueOffset(doc: Document, path: Path): number | undefined {
	const node = doc.getIn(path as unknown[], true) as { range?: [number, number, number] } | undefined;
	return node?.range?.[0];
}

function keyOffset(doc: Document, path: Path, key: string): number | undefined {
	const parent = path.length ? doc.getIn(path as unknown[], true) : doc.contents;
	if (!isMap(parent)) return undefined;
	const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
	return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
}

/** For a missing key, point at the closest parent that exists. */
function nearestOffset(doc: Document, path: Path): number | undefined {
	for (let n = path.length - 1; n > 0; n--) {
		const o = valueOffset(doc, path.slice(0, n));
		if (o !== undefined) return o;
	}
	return undefined;
}

function fieldName(path: Path): string {
	return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');
}

function suggestKey(key: string, doc: Document, path: Path): string {
	if (path.length) return '';
	const known = Object.keys(frontMatterSchema.shape);
	const close = known.find((k) => k !== key && editDistance(k, key.toLowerCase()) <= 2 && !doc.has(k));
	return close ? ` (did you mean "${close}"?)` : ` (known keys: ${known.join(', ')})`;
}

function checkTemplates(
	fm: RawFrontMatter,
	doc: Document,
	lineAt: (o?: number) => number,
	problem: (line: number, field: string, message: string) => void,
) {
	const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
	const declared = new Set(Array.isArray(fm.variables) ? fm.variables.map((v) => record(v).name) : []);
	const templates: [Path, string][] = [];
	// The reply is a template too, and the other templates may write it as {resposta}.
	const resposta = fm.resposta;
	if (typeof resposta === 'string') templates.push([['resposta'], resposta]);
	const t = record(fm.templates);
	for (const key of ['titulo', 'descricao', 'solucao']) {
		if (typeof t[key] === 'string') templates.push([['templates', key], t[key]]);
	}
	for (const [label, value] of Object.entries(record(t.adicionais))) {
		if (typeof value === 'string') templates.push([['templates', 'adicionais', label], value]);
	}
	for (const [path, template] of templates) {
		// `{Cliente}` or `{ cliente }` would otherwise be written into the ticket as typed.
		for (const [malformed] of template.matchAll(/\{[^{}\n]{0,40}\}/g)) {
			if (/^\{[a-z][a-z0-9_]*\}$/.test(malformed)) continue;
			problem(lineAt(valueOffset(doc, path)), fieldName(path), `"${malformed}" is not a template variable: write variables in lowercase with no spaces, e.g. {cliente}`);
		}
		for (const name of templateVariables(template)) {
			if (isBuiltinVariable(name) || declared.has(name)) continue;
			if (name === 'resposta' && typeof resposta === 'string' && path[0] !== 'resposta') continue;
			problem(
				lineAt(valueOffset(doc, path)),
				fieldName(path),
				`unknown template variable {${name}}; use a built-in one (saudacao, cliente, contato, data, hora) or declare it under "variables"`,
			);
		}
	}
}

/** Longest situation or near-miss phrase: agents write "token em branco", not a paragraph. */
const MAX_PHRASE_WORDS = 6;

/**
 * Situation and near-miss phrases are found in tickets word by word: each needs a word to find, must be
 * short, and a near miss must not repeat the SOP's own situation (it would silence the SOP for good).
 */
function checkPhrases(fm: FrontMatter, doc: Document, lineAt: (o?: number) => number, problem: (line: number, field: string, message: string) => void) {
	const at = (path: Path) => lineAt(valueOffset(doc, path));
	const own = new Map<string, string>();
	const listed = isSeq(doc.getIn(['situacao'], true));
	const check = (path: Path, phrase: string, what: string): string[] | undefined => {
		const keys = phraseKeys(phrase);
		const field = fieldName(path);
		if (!keys.length) problem(at(path), field, `"${phrase}" has no word the search can find (only articles and prepositions)`);
		else if (keys.length > MAX_PHRASE_WORDS)
			problem(at(path), field, `"${phrase}" is too long to be found in a ticket (at most ${MAX_PHRASE_WORDS} words): write ${what} in a few words; whole sentences go under exemplos`);
		else return keys;
		return undefined;
	};
	(fm.situacao ?? []).forEach((situation, s) => {
		for (const part of ['objeto', 'estado'] as const) {
			situation[part].forEach((phrase, i) => {
				const path: Path = listed ? ['situacao', s, part, i] : ['situacao', part, i];
				const keys = check(path, phrase, part === 'objeto' ? 'the object' : 'the state');
				if (keys) own.set(keys.join(' '), fieldName(path));
			});
		}
	});
	fm.nao_confundir.forEach((miss, i) => {
		const plain = typeof doc.getIn(['nao_confundir', i]) === 'string';
		const single = !plain && typeof doc.getIn(['nao_confundir', i, 'texto']) === 'string';
		miss.texto.forEach((phrase, j) => {
			const path: Path = plain ? ['nao_confundir', i] : single ? ['nao_confundir', i, 'texto'] : ['nao_confundir', i, 'texto', j];
			const keys = check(path, phrase, 'the near-miss situation');
			const same = keys && own.get(keys.join(' '));
			if (same) problem(at(path), fieldName(path), `"${phrase}" is also this SOP's ${same}: a near miss must differ from the SOP's own situation`);
		});
	});
}

function toSop(id: string, fm: FrontMatter, body: string): Sop {
	const sop: Sop = {
		id,
		title: fm.title,
		summary: fm.summary,
		source: fm.source,
		keywords: fm.keywords,
		synonyms: fm.synonyms,
		templates: { ...fm.templates },
		variables: fm.variables,
		checklist: fm.checklist,
		sla: fm.sla.map((s) => ({ label: s.label, minutes: s.deadline, ...(s.when ? { when: s.when } : {}), ...(s.third_party ? { thirdParty: s.third_party } : {}) })),
		references: fm.references,
		body,
	};
	if (fm.version !== undefined) sop.version = fm.version;
	if (fm.situacao) sop.situacao = fm.situacao;
	if (fm.exemplos.length) sop.exemplos = fm.exemplos;
	if (fm.nao_confundir.length) sop.naoConfundir = fm.nao_confundir.map((n) => ('dica' in n && n.dica ? { texto: n.texto, dica: n.dica } : { texto: n.texto }));
	if (fm.qualitor) sop.qualitor = fm.qualitor;
	if (fm.escalation) sop.escalation = fm.escalation;
	if (fm.resposta) sop.resposta = fm.resposta;
	return sop;
}

const firstLine = (s: string) => s.split('\n')[0]!;
