import { fill } from '../dom/fill.ts';
import { isCheckable, isEditable, isSelect, isTextField } from '../dom/fillable.ts';
import type { Recorder } from '../dom/journal-types.ts';
import { normalize } from '../dom/normalize.ts';
import { selectOption } from '../dom/select-option.ts';
import { isVisibleControl } from './detect.ts';
import type { Control } from './labels.ts';
import type { DoneItem, NotDoneItem } from './report-types.ts';

export interface WriteOptions {
	journal: Recorder;
	/** The field holds an administrator's default (not a person's text, not the ticket's saved value). */
	replaceDefault?: boolean | undefined;
}

export type WriteResult = { done: DoneItem } | { notDone: NotDoneItem };

/**
 * Writes one value into a form control the way a person would: text appended after what is there (or
 * replacing an untouched default), a select's option by its text, a radio or checkboxes by their
 * labels. A lookup (magnifier with a read-only name and a hidden code) is left alone and reported.
 */
export function writeField(element: Control, what: string, text: string, options: WriteOptions): WriteResult {
	const { journal } = options;
	if (isCheckable(element)) return writeChoice(element, what, text, journal);
	if (isSelect(element)) {
		const outcome = selectOption(element, text, { journal, label: what });
		if (outcome.kind === 'selected' || outcome.kind === 'already') {
			if (outcome.kind === 'selected') journal.noteWritten(element);
			return { done: { what, outcome: outcome.kind, text: outcome.text } };
		}
		if (outcome.kind === 'missing-option') {
			if (outcome.ambiguous.length > 1) {
				return { notDone: { what, why: `"${what}": opção "${text}" ambígua: ${outcome.ambiguous.join(', ')}; escolha manualmente.` } };
			}
			return { notDone: { what, why: `"${what}": opção "${text}" não existe neste Qualitor (opções: ${outcome.options.join(', ') || 'nenhuma'}); escolha manualmente.` } };
		}
		return { notDone: { what, why: `"${what}" está bloqueado; escolha "${text}" manualmente.` } };
	}
	if (isLookup(element)) {
		return { notDone: { what, why: `"${what}" é uma pesquisa do Qualitor (lupa): preencha manualmente com "${text}".` } };
	}
	if (!isTextField(element)) {
		return { notDone: { what, why: `"${what}" é um tipo de campo que a extensão não preenche; preencha manualmente com "${text}".` } };
	}
	const outcome = fill(element, text, { journal, label: what, replaceDefault: options.replaceDefault });
	if (outcome === 'not-fillable') return { notDone: { what, why: `"${what}" está somente leitura ou bloqueado; preencha manualmente.` } };
	if (outcome === 'too-long') {
		return { notDone: { what, why: `O texto não cabe em "${what}" (limite de ${element.maxLength} caracteres); resuma-o e cole manualmente.` } };
	}
	return { done: { what, outcome } };
}

const LOOKUP_HINT = /pesquis|lookup|lupa|search|busca|localiz|zoom/i;

/**
 * Qualitor's lookup: a read-only (or disabled) name field next to a magnifier button or image, usually
 * with the code in a hidden input. Writing the name would not set the code: a person must search.
 */
export function isLookup(element: Control): boolean {
	if (element.localName !== 'input') return false;
	const readOnly = (element as HTMLInputElement).readOnly || element.disabled;
	const around = element.parentElement;
	if (!around) return false;
	const magnifier = [...around.querySelectorAll('button, input[type=button], input[type=image], img, a')].some((el) =>
		LOOKUP_HINT.test(
			[el.className, el.getAttribute('title') ?? '', el.getAttribute('onclick') ?? '', el.getAttribute('src') ?? '', el.getAttribute('alt') ?? '', el.id].join(' '),
		),
	);
	return magnifier && (readOnly || around.querySelector('input[type=hidden]') !== null);
}

const YES = new Set(['sim', 's', 'x', 'true', 'verdadeiro', 'marcado', '1', 'yes']);
const NO = new Set(['nao', 'n', 'false', 'falso', 'desmarcado', '0', 'no']);

/** Radios by the label of the one to choose; checkboxes by the labels to tick (or Sim/Não for a lone one). */
function writeChoice(element: HTMLInputElement, what: string, text: string, journal: Recorder): WriteResult {
	const group = choiceGroup(element);
	const labelled = group.map((input) => ({ input, label: normalize(choiceLabel(input)) }));
	const wanted = text.split(/\s*[;,]\s*/).map(normalize).filter(Boolean);
	const matches = (entry: { input: HTMLInputElement; label: string }, word: string) =>
		entry.label === word || normalize(entry.input.value) === word || (entry.label !== '' && YES.has(word) && YES.has(entry.label)) || (NO.has(word) && NO.has(entry.label));
	const names = labelled.map((l) => choiceLabel(l.input) || l.input.value).join(', ');
	if (group.some((input) => !isEditable(input))) return { notDone: { what, why: `"${what}" está bloqueado; marque "${text}" manualmente.` } };
	const set = (input: HTMLInputElement, checked: boolean): void => {
		if (input.checked === checked) return;
		for (const member of input.type === 'radio' ? group : [input]) journal.record(member, { label: what });
		// A click, as a person's: it checks (or toggles) and fires click, input and change; onclick runs.
		input.click();
		for (const member of input.type === 'radio' ? group : [input]) journal.noteWritten(member);
	};
	if (element.type === 'checkbox' && group.length === 1) {
		const word = wanted[0] ?? '';
		const checked = YES.has(word) || matches(labelled[0]!, word) ? true : NO.has(word) ? false : undefined;
		if (checked === undefined) return { notDone: { what, why: `"${what}": "${text}" não é Sim nem Não; marque manualmente.` } };
		const already = element.checked === checked;
		set(element, checked);
		return { done: { what, outcome: already ? 'already' : 'selected', text: checked ? 'marcado' : 'desmarcado' } };
	}
	const chosen: HTMLInputElement[] = [];
	for (const word of element.type === 'radio' ? [normalize(text)] : wanted) {
		const found = labelled.filter((entry) => matches(entry, word));
		if (found.length > 1) return { notDone: { what, why: `"${what}": opção "${text}" ambígua: ${found.map((f) => choiceLabel(f.input)).join(', ')}; marque manualmente.` } };
		if (found.length === 0) return { notDone: { what, why: `"${what}": opção "${text}" não existe neste Qualitor (opções: ${names || 'nenhuma'}); marque manualmente.` } };
		chosen.push(found[0]!.input);
	}
	const already = chosen.every((input) => input.checked);
	for (const input of chosen) set(input, true);
	return { done: { what, outcome: already ? 'already' : 'selected', text: chosen.map(choiceLabel).join(', ') } };
}

/** The radios of the same name in the form, or the checkboxes of the same name / the same cell. */
function choiceGroup(element: HTMLInputElement): HTMLInputElement[] {
	const scope: ParentNode = element.form ?? element.ownerDocument;
	const name = element.name;
	const sameName = name ? [...scope.querySelectorAll<HTMLInputElement>(`input[type=${element.type}]`)].filter((i) => i.name === name) : [];
	const cell = element.closest('td, div, span, fieldset') ?? element.parentElement;
	const inCell = cell ? [...cell.querySelectorAll<HTMLInputElement>(`input[type=${element.type}]`)] : [element];
	const group = sameName.length > 1 || element.type === 'radio' ? (sameName.length ? sameName : inCell) : inCell;
	return group.filter((input) => isVisibleControl(input));
}

/**
 * "Sim" of `<input type=radio id=x><label for=x>Sim</label>`, a wrapping label, or the text right after.
 * A `<label for>` in another cell is the question's ("Mídia é da Safeweb?" pointing at the first radio),
 * not the choice's: only a label beside the input names the choice.
 */
export function choiceLabel(input: HTMLInputElement): string {
	if (input.id) {
		for (const label of input.ownerDocument.querySelectorAll('label')) {
			if (label.htmlFor === input.id && label.parentElement?.contains(input)) return tidy(label.textContent ?? '');
		}
	}
	const wrapping = input.closest('label');
	if (wrapping) return tidy(wrapping.textContent ?? '');
	let text = '';
	for (let node = input.nextSibling; node; node = node.nextSibling) {
		if (node.nodeType === 1 && (node as Element).matches('input, select, textarea, br')) break;
		text += node.textContent ?? '';
		if (text.trim()) break;
	}
	return tidy(text);
}

function tidy(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}
