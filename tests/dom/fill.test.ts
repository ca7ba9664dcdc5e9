// @vitest-environment jsdom
import fc from 'fast-check';
import { beforeEach, describe, expect, test } from 'vitest';
import { fill } from '../../src/dom/fill.ts';
import { Journal } from '../../src/dom/journal.ts';

function textarea(value = ''): HTMLTextAreaElement {
	const field = document.createElement('textarea');
	field.id = 'dschamado';
	field.value = value;
	document.body.append(field);
	return field;
}

function input(value = ''): HTMLInputElement {
	const field = document.createElement('input');
	field.id = 'nmtitulochamado';
	field.value = value;
	document.body.append(field);
	return field;
}

beforeEach(() => {
	document.body.replaceChildren();
});

describe('fill', () => {
	test('fills an empty field', () => {
		const field = textarea();
		expect(fill(field, 'Cliente sem CEI')).toBe('filled');
		expect(field.value).toBe('Cliente sem CEI');
	});

	test('appends after what a person typed, separated by a blank line', () => {
		const field = textarea('Ligou às 10h');
		expect(fill(field, 'Modelo')).toBe('appended');
		expect(field.value).toBe('Ligou às 10h\n\nModelo');
	});

	test('does not add a third line break when the text already ends with one', () => {
		const field = textarea('Ligou\n');
		fill(field, 'Modelo');
		expect(field.value).toBe('Ligou\n\nModelo');
	});

	test('appends to one-line inputs with a space', () => {
		const field = input('Urgente');
		expect(fill(field, 'Certificado sem CEI')).toBe('appended');
		expect(field.value).toBe('Urgente Certificado sem CEI');
	});

	test('leaves a field that already contains the text unchanged, firing nothing', () => {
		const field = textarea('antes\n\nModelo\n\ndepois');
		let events = 0;
		field.addEventListener('input', () => events++);
		expect(fill(field, 'Modelo')).toBe('unchanged');
		expect(field.value).toBe('antes\n\nModelo\n\ndepois');
		expect(events).toBe(0);
	});

	test('replaces an untouched default even when the default contains the text; an equal default is left alone', () => {
		const rendered = (value: string) => {
			const field = document.createElement('input');
			field.defaultValue = value; // what Qualitor rendered: value="Não informado"
			document.body.append(field);
			return field;
		};
		const holding = rendered('Não informado');
		expect(fill(holding, 'informado', { replaceDefault: true })).toBe('replaced');
		expect(holding.value).toBe('informado');
		const equal = rendered('WhatsApp');
		expect(fill(equal, 'WhatsApp', { replaceDefault: true })).toBe('unchanged');
		// Control: text a person typed that contains the SOP's text is kept as it is.
		const typed = rendered('Não informado');
		typed.value = 'Ligou, informado';
		expect(fill(typed, 'informado', { replaceDefault: true })).toBe('unchanged');
		expect(typed.value).toBe('Ligou, informado');
	});

	test('text inside a word is not the SOP\'s text: "Sim" is appended after "Simone", left alone in "Sim, ligou"', () => {
		const glued = input('Simone');
		expect(fill(glued, 'Sim')).toBe('appended');
		expect(glued.value).toBe('Simone Sim');
		const piece = input('Sim, ligou');
		expect(fill(piece, 'Sim')).toBe('unchanged');
		expect(piece.value).toBe('Sim, ligou');
	});

	test('treats CRLF templates like the LF the textarea stores, so a second apply is a no-op', () => {
		const field = textarea();
		fill(field, 'a\r\nb');
		expect(field.value).toBe('a\nb');
		expect(fill(field, 'a\r\nb')).toBe('unchanged');
	});

	test.each([
		['readonly', (f: HTMLTextAreaElement) => (f.readOnly = true)],
		['disabled', (f: HTMLTextAreaElement) => (f.disabled = true)],
		['hidden', (f: HTMLTextAreaElement) => (f.hidden = true)],
		['display:none', (f: HTMLTextAreaElement) => (f.style.display = 'none')],
		['in a disabled fieldset', (f: HTMLTextAreaElement) => {
			const fieldset = document.createElement('fieldset');
			fieldset.disabled = true;
			document.body.append(fieldset);
			fieldset.append(f);
		}],
	])('refuses a %s field', (_name, make) => {
		const field = textarea('x');
		make(field);
		expect(fill(field, 'Modelo')).toBe('not-fillable');
		expect(field.value).toBe('x');
	});

	test('refuses input type=hidden', () => {
		const field = input();
		field.type = 'hidden';
		expect(fill(field, 'x')).toBe('not-fillable');
	});

	test('refuses to go beyond maxlength, which a person could not have typed', () => {
		const field = input('Título');
		field.maxLength = 12;
		expect(fill(field, 'muito longo')).toBe('too-long');
		expect(field.value).toBe('Título');
		expect(fill(field, 'curto')).toBe('appended');
		expect(field.value).toBe('Título curto');
	});

	test('fires bubbling input and change events that handlers on ancestors see', () => {
		const field = textarea();
		const seen: string[] = [];
		document.body.addEventListener('input', (e) => seen.push(`${e.type}:${(e.target as HTMLTextAreaElement).value}`));
		document.body.addEventListener('change', (e) => seen.push(e.type));
		fill(field, 'Modelo');
		expect(seen).toEqual(['input:Modelo', 'change']);
	});

	test('writes through the prototype setter even when the instance shadows value (as React does)', () => {
		const field = textarea();
		let shadowed = '';
		Object.defineProperty(field, 'value', {
			configurable: true,
			get: () => Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.get!.call(field),
			set: (v: string) => {
				shadowed = v;
			},
		});
		fill(field, 'Modelo');
		expect(shadowed).toBe('');
		expect(field.value).toBe('Modelo');
	});

	test('records the prior value in the journal only when it writes', () => {
		const journal = new Journal(document);
		const field = textarea('Modelo');
		fill(field, 'Modelo', { journal });
		expect(journal.entries).toHaveLength(0);
		fill(field, 'Outro', { journal, label: 'Descrição' });
		expect(journal.entries).toHaveLength(1);
		expect(journal.entries[0]?.prior).toEqual({ kind: 'text', value: 'Modelo' });
		expect(journal.entries[0]?.label).toBe('Descrição');
	});
});

// Text people type: plain, whitespace, accents, emoji, line breaks; and templates built from the same.
const typed = fc.oneof(
	fc.constant(''),
	fc.constantFrom(' ', '\n', '  \n\t', 'Olá, ção\n', '😀 teste'),
	fc.string({ unit: 'grapheme', maxLength: 40 }),
	fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'ç', 'ã'), maxLength: 20 }),
);

describe('fill: nothing is lost (property)', () => {
	const cases = fc.oneof(
		fc.record({ prior: typed, template: typed }),
		// prior equal to the template, or containing it
		typed.map((t) => ({ prior: t, template: t })),
		fc.record({ before: typed, template: typed, after: typed }).map(({ before, template, after }) => ({
			prior: before + template + after,
			template,
		})),
	);

	for (const make of [textarea, input]) {
		test(`${make.name}: prior text stays a prefix, and undo restores it exactly`, async () => {
			await fc.assert(
				fc.asyncProperty(cases, async ({ prior, template }) => {
					document.body.replaceChildren();
					const field = make(prior);
					const original = field.value; // what the field really held (inputs drop line breaks)
					const journal = new Journal(document);
					const outcome = fill(field, template, { journal });
					expect(field.value.startsWith(original)).toBe(true);
					if (outcome === 'unchanged') expect(field.value).toBe(original);
					else expect(field.value.length).toBeGreaterThan(original.length);
					// the template now appears in the field, as the field would store it
					const stored = make === textarea ? template.replace(/\r\n?/g, '\n') : template.replace(/[\r\n]/g, '');
					expect(field.value.includes(stored)).toBe(true);
					// applying again never changes it any further
					expect(fill(field, template, { journal })).toBe('unchanged');
					await journal.undo();
					expect(field.value).toBe(original);
				}),
				{ numRuns: 300 },
			);
		});
	}
});
