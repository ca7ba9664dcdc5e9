// No words on screen that bypass _locales: JSX text and user-facing attributes in src/**/*.tsx must come
// from t(). Symbols (←, ⇄, –, ✔), numbers and data (names, values) pass. What was already hard-coded
// when this test arrived sits in tests/locales-allowlist.json, which may only shrink.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { hardCodedStrings, ROOT, sourceFiles } from './locales-scan.ts';

interface AllowList {
	files: Record<string, { owner: string; why: string; strings: string[] }>;
}

const allow = JSON.parse(readFileSync(join(ROOT, 'tests/locales-allowlist.json'), 'utf8')) as AllowList;
const entry = (where: string, text: string) => `${where}: ${text}`;

describe('the scanner', () => {
	test('sees text, literals rendered as children and user-facing attributes, and lets t(), symbols and data through', () => {
		const sample = `
			export const A = ({ n, name }) => (
				<p title="Olá" class="not-read" data-x="ignored" aria-label={n ? t('k') : \`Copiar \${name}\`}>
					Texto solto {n > 1 ? 'itens' : t('one')} ← ⇄ – {name} {t('two', n)} {'…'}
					<Child label="Rótulo" value="dado" />
				</p>
			);`;
		expect(hardCodedStrings('sample.tsx', sample).map((h) => entry(h.where, h.text)).sort()).toEqual(
			['aria-label: Copiar', 'label: Rótulo', 'text: Texto solto', 'text: itens', 'title: Olá'],
		);
	});
});

describe('UI components', () => {
	const found = sourceFiles('src', ['.tsx']).flatMap((file) => hardCodedStrings(file));

	test('show no hard-coded words beyond the allow-list', () => {
		const unexpected = found.filter((h) => !allow.files[h.file]?.strings.includes(entry(h.where, h.text)));
		expect(unexpected.map((h) => `${h.file}:${h.line} ${entry(h.where, h.text)}`), 'use t() and add the key to both _locales').toEqual([]);
	});

	test('the allow-list holds nothing that is gone (delete entries as components are fixed)', () => {
		const stale = Object.entries(allow.files).flatMap(([file, { strings }]) =>
			strings.filter((s) => !found.some((h) => h.file === file && entry(h.where, h.text) === s)).map((s) => `${file} ${s}`),
		);
		expect(stale).toEqual([]);
	});
});
