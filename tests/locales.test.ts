// The two languages of the UI stay in step: same keys, nothing empty, the same substitutions, and every
// key the code asks for exists. A gap here shows up to agents as a raw key name (t() falls back to it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { messageUses, ROOT, sourceFiles } from './locales-scan.ts';

interface Message {
	message: string;
	description?: string;
	placeholders?: Record<string, { content: string; example?: string }>;
}
type Messages = Record<string, Message>;

const LOCALES = ['pt_BR', 'en'] as const;
const read = (locale: string): Messages => JSON.parse(readFileSync(join(ROOT, '_locales', locale, 'messages.json'), 'utf8')) as Messages;
const messages = Object.fromEntries(LOCALES.map((l) => [l, read(l)])) as Record<(typeof LOCALES)[number], Messages>;

/** `$1`…`$9` and named `$name$` substitutions of a message, sorted; `$$` is a literal dollar sign. */
function substitutionsOf(m: Message): string[] {
	const text = m.message.replace(/\$\$/g, '');
	const named = [...text.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((x) => `$${x[1]!.toLowerCase()}$`);
	const positional = [...text.replace(/\$[A-Za-z0-9_@]+\$/g, '').matchAll(/\$(\d)/g)].map((x) => `$${x[1]}`);
	// A named placeholder stands for the positional content it declares ("$1"): compare what is substituted.
	const declared = Object.values(m.placeholders ?? {}).flatMap((p) => [...p.content.matchAll(/\$(\d)/g)].map((x) => `$${x[1]}`));
	return [...new Set([...named, ...positional, ...declared])].sort();
}
/** How many substitutions a caller must pass: the highest `$N` the message uses. */
const arity = (m: Message) => Math.max(0, ...substitutionsOf(m).flatMap((s) => (/^\$\d$/.test(s) ? [Number(s.slice(1))] : [])));

const uses = sourceFiles('src', ['.ts', '.tsx']).flatMap(messageUses);
const sources = sourceFiles('src', ['.ts', '.tsx', '.html']).map((f) => readFileSync(join(ROOT, f), 'utf8'));
const manifestKeys = [...readFileSync(join(ROOT, 'manifest.json'), 'utf8').matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);

/**
 * Keys nothing reaches: neither written as a quoted string in the code (t('key'), a ternary of keys, a table
 * of MessageKey values: a key is typed, so the code names it whole) nor a __MSG_key__ of the manifest.
 */
function unusedKeys(keys: readonly string[], code: readonly string[], manifest: readonly string[]): string[] {
	const quoted = new Set(code.flatMap((text) => [...text.matchAll(/(['"`])([A-Za-z0-9_@]+)\1/g)].map((m) => m[2]!)));
	return keys.filter((k) => !quoted.has(k) && !manifest.includes(k));
}

describe('_locales', () => {
	test('pt_BR and en have exactly the same keys', () => {
		const [pt, en] = LOCALES.map((l) => Object.keys(messages[l]));
		expect({ onlyInPtBR: pt!.filter((k) => !en!.includes(k)), onlyInEn: en!.filter((k) => !pt!.includes(k)) }).toEqual({ onlyInPtBR: [], onlyInEn: [] });
	});

	test.each(LOCALES)('%s: no empty message, no stray whitespace around one', (locale) => {
		const bad = Object.entries(messages[locale]).filter(([, m]) => typeof m.message !== 'string' || m.message.trim() === '' || m.message !== m.message.trim());
		expect(bad.map(([k, m]) => `${k}: ${JSON.stringify(m.message)}`)).toEqual([]);
	});

	test.each(LOCALES)('%s: every named placeholder used is declared, and every declared one is used', (locale) => {
		const problems: string[] = [];
		for (const [key, m] of Object.entries(messages[locale])) {
			const used = [...m.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((x) => x[1]!.toLowerCase());
			const declared = Object.keys(m.placeholders ?? {}).map((p) => p.toLowerCase());
			for (const u of used) if (!declared.includes(u)) problems.push(`${key}: $${u}$ is not declared`);
			for (const d of declared) if (!used.includes(d)) problems.push(`${key}: placeholder ${d} is never used`);
		}
		expect(problems).toEqual([]);
	});

	test('each key has the same substitutions in both languages', () => {
		const differ = Object.keys(messages.pt_BR)
			.filter((k) => messages.en[k])
			.map((k) => ({ k, pt: substitutionsOf(messages.pt_BR[k]!), en: substitutionsOf(messages.en[k]!) }))
			.filter(({ pt, en }) => pt.join() !== en.join())
			.map(({ k, pt, en }) => `${k}: pt_BR ${pt.join(' ') || '(none)'} / en ${en.join(' ') || '(none)'}`);
		expect(differ).toEqual([]);
	});
});

describe('keys used by the code', () => {
	test('the scan finds the t() calls (guards the scanner itself)', () => {
		expect(uses.length).toBeGreaterThan(20);
		expect(uses.some((u) => u.file === 'src/content/ui/SopView.tsx' && u.key === 'overlayUndone' && u.substitutions === 1)).toBe(true);
	});

	test("every t('key') in src/ exists in both languages", () => {
		const missing = uses.filter((u) => u.key !== null && LOCALES.some((l) => !messages[l][u.key!]));
		expect(missing.map((u) => `${u.file}:${u.line} ${u.key}`)).toEqual([]);
	});

	test('every t() call passes as many substitutions as its message uses', () => {
		const wrong = uses
			.filter((u) => u.key !== null && u.substitutions !== null && messages.pt_BR[u.key])
			.filter((u) => u.substitutions !== arity(messages.pt_BR[u.key!]!))
			.map((u) => `${u.file}:${u.line} ${u.key}: passes ${u.substitutions}, message uses ${arity(messages.pt_BR[u.key!]!)}`);
		expect(wrong).toEqual([]);
	});

	test('every key of pt_BR is used by the code or the manifest (positive control: a key no code names is reported)', () => {
		const keys = Object.keys(messages.pt_BR);
		expect(unusedKeys([...keys, 'controlKeyNoCodeNames'], sources, manifestKeys)).toEqual(['controlKeyNoCodeNames']);
	});

	test('every __MSG_key__ of manifest.json exists in both languages', () => {
		expect(manifestKeys.length).toBeGreaterThan(0);
		expect(manifestKeys.filter((k) => LOCALES.some((l) => !messages[l][k]))).toEqual([]);
	});
});
