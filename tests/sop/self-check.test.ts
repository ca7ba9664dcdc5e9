// `sops check` tries each SOP's own exemplos against the whole library.
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readSopDir } from '../../src/cli/read-sops.ts';
import { buildLibrary, type SopFile } from '../../src/sop/library.ts';
import { checkOwnExamples } from '../../src/sop/self-check.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const files = readSopDir(fileURLToPath(new URL('../../sops', import.meta.url)), repoRoot);
const TOKEN = 'sops/token-em-branco.md';

/** The real SOPs with extra exemplos written under token-em-branco's `exemplos:` line. */
function withTokenExamples(...extra: string[]): SopFile[] {
	return files.map((f) => (f.path === TOKEN ? { ...f, text: f.text.replace('exemplos:\n', `exemplos:\n${extra.map((e) => `  - ${e}\n`).join('')}`) } : f));
}

function check(list: SopFile[]) {
	const library = buildLibrary(list);
	expect(library.problems).toEqual([]);
	return checkOwnExamples(library.sops, list);
}

describe('checkOwnExamples', () => {
	test("the shipped SOPs pass their own examples, and every one is tried", () => {
		const result = check(files);
		const declared = buildLibrary(files).sops.reduce((n, s) => n + (s.exemplos?.length ?? 0), 0);
		expect(result.problems).toEqual([]);
		expect(result.examples).toBe(declared);
		expect(declared).toBeGreaterThanOrEqual(15);
	});

	test('an example that suggests another SOP, nothing, or is caught by a near miss is named with its line', () => {
		const list = withTokenExamples('mapa fora do ar', 'teclado quebrado', 'cliente esqueceu o PIN do token em branco', 'token vazio no safesign');
		const text = list.find((f) => f.path === TOKEN)!.text;
		const line = (needle: string) => text.split('\n').findIndex((l) => l === `  - ${needle}`) + 1;
		const result = check(list);
		expect(result.problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`)).toEqual([
			`${TOKEN}:${line('mapa fora do ar')}: exemplos[0]: "mapa fora do ar" should suggest this SOP first but suggests chamado-suporte-mapa`,
			`${TOKEN}:${line('teclado quebrado')}: exemplos[1]: "teclado quebrado" should suggest this SOP first but suggests nothing (it names no situacao: object and state)`,
			`${TOKEN}:${line('cliente esqueceu o PIN do token em branco')}: exemplos[2]: "cliente esqueceu o PIN do token em branco" should suggest this SOP first but suggests nothing ("esqueceu o pin" is a near miss of token-em-branco)`,
		]);
		// The fourth extra example fits: it is tried and passes (positive control).
		expect(result.examples).toBe(check(files).examples + 4);
	});
});
