import { isRendered } from '../dom/visible.ts';
import type { FormMode } from './form-mode.ts';

export interface TicketForm {
	mode: FormMode;
	/** The `<form>` holding the ticket's fields, or their closest common ancestor. */
	root: HTMLElement;
	/** The ids that gave the form away. */
	evidence: string[];
}

/**
 * Ids per form (docs/qualitor.md): the new-ticket form; the editor "Alterar dados" loads into an existing
 * ticket (`…change` fields); the read view an existing ticket opens in (label_… texts and action buttons,
 * with `nmtitulochamado`/`dschamado` shown but no editable classification).
 */
const MARKERS: Readonly<Record<FormMode, readonly string[]>> = {
	edit: ['dschamadochange', 'nmtitulochamadochange', 'cdtipochamadochange', 'cdcategoriachange1', 'cdmotivoalteracao', 'btnProcessChange'],
	new: ['dschamado', 'nmtitulochamado', 'cdtipochamado', 'dsacaocorretiva'],
	read: ['label_dschamado', 'label_dtchamado', 'divInformacaoAdicional', 'optChangeData_caption', 'btnNextEtapa', 'btnFollowUp', 'btnStart', 'btnClose'],
};
/** Fields of the read view it shares with the new-ticket form. */
const READ_TEXTS = ['nmtitulochamado', 'dschamado', 'label_dschamado'];

/** Qualitor's tabs (`div#divAba<key>`) hide real fields until clicked: still part of the form. */
export function isQualitorTabPanel(element: Element): boolean {
	return /^divAba/i.test(element.id);
}

/** A marker counts only when a person could see it: hidden decoys with the right ids do not make a form. */
export function isVisibleControl(element: Element): boolean {
	return isRendered(element, { isHiddenPanel: isQualitorTabPanel });
}

/**
 * Finds Qualitor's ticket form by its fields, not by the URL (URLs are obfuscated and frames vary).
 * Costs a handful of getElementById calls, so it can run on every mutation batch of any page. Two
 * visible markers are required so that a stray element with one of these ids elsewhere does not count.
 * The editor wins (an existing ticket keeps its read view around the `…change` fields); then the
 * new-ticket form, unless the page is an existing ticket's read view (no editable Tipo there).
 */
export function findTicketForm(doc: Document): TicketForm | null {
	const present = (ids: readonly string[]): HTMLElement[] =>
		ids.map((id) => visibleById(doc, id)).filter((e): e is HTMLElement => e !== null);
	const edit = present(MARKERS.edit);
	if (edit.length >= 2) return { mode: 'edit', root: commonRoot(doc, edit), evidence: edit.map((e) => e.id) };
	const read = present(MARKERS.read);
	const tipo = visibleById(doc, 'cdtipochamado');
	if (read.length >= 1 && !(tipo?.localName === 'select' && !(tipo as HTMLSelectElement).disabled)) {
		const texts = present(READ_TEXTS);
		const all = [...read, ...texts.filter((t) => !read.includes(t))];
		if (all.length >= 2) return { mode: 'read', root: commonRoot(doc, all), evidence: all.map((e) => e.id) };
	}
	const found = present(MARKERS.new);
	if (found.length >= 2) return { mode: 'new', root: commonRoot(doc, found), evidence: found.map((e) => e.id) };
	return null;
}

/** The first element with this id that a person could see (a hidden decoy may carry the same id first). */
export function visibleById(doc: Document, id: string): HTMLElement | null {
	const first = doc.getElementById(id);
	if (!first) return null;
	if (isVisibleControl(first)) return first;
	for (const element of doc.querySelectorAll<HTMLElement>(`[id="${id.replace(/["\\]/g, '\\$&')}"]`)) {
		if (element !== first && isVisibleControl(element)) return element;
	}
	return null;
}

function commonRoot(doc: Document, elements: HTMLElement[]): HTMLElement {
	const [first, ...rest] = elements;
	const form = first?.closest('form');
	if (form && rest.every((e) => form.contains(e))) return form;
	// No <form> around them: the whole page (additional fields may sit anywhere in it).
	return doc.body ?? doc.documentElement;
}
