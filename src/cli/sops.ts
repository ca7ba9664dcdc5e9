#!/usr/bin/env node
// `npm run sops -- <command>`: the knowledge managers' tool over the same code the extension ships.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildLibrary, type Library, type SopFile } from '../sop/library.ts';
import { buildPack } from '../sop/pack.ts';
import { formatProblem } from '../sop/problems.ts';
import { buildIndex, rank } from '../sop/search.ts';
import { checkOwnExamples } from '../sop/self-check.ts';
import { formatHint, formatSuggestion } from './format.ts';
import { evaluate, formatEvaluation, parseEvalFile } from '../sop/evaluate.ts';
import { readSopDir } from './read-sops.ts';

const USAGE = `Usage: npm run sops -- <command> [--sops DIR]

Commands:
  check                 validate every SOP, then try its exemplos (each must suggest its SOP first);
                        exits 1 listing all problems
  match "text"          ranked suggestions for a ticket text, with scores and matched words
  match --json ["text"] one JSON object per line ({query, suggestions, hints}); without text, one ticket
                        text per line from stdin
  eval FILE.tsv         lines "expected-id<TAB>text" ("-" = nothing should be suggested): top-1/top-3,
                        silent rate (also per "# ---" near-miss group), precision/recall per SOP, a
                        confusion table and every miss with its evidence [--json: one JSON object]
  pack [OUT.json]       write every SOP into one versioned JSON pack (stdout without OUT) [--version V]

Options:
  --sops DIR            use another SOP folder (default: sops)
`;

function main(argv: string[]): number {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			sops: { type: 'string', default: 'sops' },
			json: { type: 'boolean', default: false },
			version: { type: 'string' },
			help: { type: 'boolean', short: 'h', default: false },
		},
	});
	const [command, ...rest] = positionals;
	if (values.help || !command) {
		process.stdout.write(USAGE);
		return command || values.help ? 0 : 2;
	}
	const files = readFiles(values.sops);
	const library = files.ok ? buildLibrary(files.files) : files.library;
	switch (command) {
		case 'check':
			return check(library, files.ok ? files.files : [], values.sops);
		case 'match':
			return usable(library) || match(library, rest.join(' '), values.json);
		case 'eval':
			return usable(library) || evalCommand(library, rest[0], values.json);
		case 'pack':
			return usable(library) || pack(values.sops, rest[0], values.version);
		default:
			process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
			return 2;
	}
}

function readFiles(dir: string): { ok: true; files: SopFile[] } | { ok: false; library: Library } {
	try {
		return { ok: true, files: readSopDir(dir) };
	} catch (error) {
		return { ok: false, library: { sops: [], problems: [{ file: dir, line: 0, field: '', message: (error as Error).message }] } };
	}
}

function check(library: Library, files: readonly SopFile[], dir: string): number {
	// The examples are tried only on a valid library: ranking a partial one would blame the wrong SOP.
	const own = library.problems.length ? undefined : checkOwnExamples(library.sops, files);
	const problems = own ? own.problems : library.problems;
	if (problems.length) {
		process.stderr.write(problems.map(formatProblem).join('\n') + '\n');
		process.stderr.write(`\n${problems.length} problem(s) in ${dir}.\n`);
		return 1;
	}
	const tried = own ? `; each of the ${own.examples} exemplos suggests its SOP first` : '';
	process.stdout.write(`${library.sops.length} SOPs OK in ${dir}: ${library.sops.map((s) => s.id).join(', ')}${tried}\n`);
	return 0;
}

/** Commands that rank refuse a library with problems, as the build does: no partial results. */
function usable(library: Library): 0 | 1 {
	if (!library.problems.length) return 0;
	process.stderr.write(library.problems.map(formatProblem).join('\n') + '\nFix these first (npm run sops -- check).\n');
	return 1;
}

function match(library: Library, text: string, json: boolean): number {
	const index = buildIndex(library.sops);
	const line = (query: string) => JSON.stringify({ query, ...rank(index, query) });
	if (json) {
		const queries = text ? [text] : readFileSync(0, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
		process.stdout.write(queries.map(line).join('\n') + (queries.length ? '\n' : ''));
		return 0;
	}
	if (!text.trim()) {
		process.stderr.write('match needs a ticket text, e.g. npm run sops -- match "token em branco"\n');
		return 2;
	}
	const { suggestions, hints } = rank(index, text);
	const lines = [`"${text}"`];
	lines.push(...(suggestions.length ? suggestions.map(formatSuggestion) : ['  (no suggestion: nothing fits well enough)']));
	lines.push(...hints.map(formatHint));
	process.stdout.write(lines.join('\n') + '\n');
	return 0;
}

function evalCommand(library: Library, file: string | undefined, json: boolean): number {
	if (!file) {
		process.stderr.write('eval needs a TSV file: npm run sops -- eval ../shared/dev-set/match.tsv\n');
		return 2;
	}
	const parsed = parseEvalFile(readFileSync(file, 'utf8'), new Set(library.sops.map((s) => s.id)));
	if (parsed.errors.length) {
		process.stderr.write(parsed.errors.map((e) => `${file}:${e}`).join('\n') + '\n');
		return 1;
	}
	const index = buildIndex(library.sops);
	const result = evaluate(parsed.cases, (text) => rank(index, text));
	process.stdout.write((json ? JSON.stringify(result) : formatEvaluation(result)) + '\n');
	return 0;
}

function pack(dir: string, out: string | undefined, version: string | undefined): number {
	const json = JSON.stringify(buildPack(readSopDir(dir), { version }), null, 2) + '\n';
	if (out) {
		writeFileSync(out, json);
		process.stderr.write(`Wrote ${out}\n`);
	} else process.stdout.write(json);
	return 0;
}

try {
	process.exitCode = main(process.argv.slice(2));
} catch (error) {
	process.stderr.write(`sops: ${(error as Error).message}\n`);
	process.exitCode = 2;
}
