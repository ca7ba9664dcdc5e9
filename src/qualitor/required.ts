import { isPlaceholder } from '../dom/select-option.ts';
import { findTicketForm } from './detect.ts';
import { labelOf, type Control } from './labels.ts';

export interface RequiredField {
	/** As the form shows it, without `*` and `:` ("Solução", "Motivo da alteração"). */
	label: string;
	element: Control;
	filled: boolean;
}

const CONTROL = 'input:not([type=hidden]):not([type=button]):not([type=submit]):not([type=reset]):not([type=image]):not([type=file]), textarea, select';
/** Required by attribute or class, in any case Qualitor's skins write them. */
const REQUIRED_ATTRIBUTE = /^(s|sim|true|1|required)$/i;
const REQUIRED_CLASS = /(^|[\s_-])(required|obrigatorio|obrigatoria|mandatory)($|[\s_-])/i;
/** The edit reason the editor of an existing ticket asks for ("Alterar dados"). */
const EDIT_REASON_ID = 'cdmotivoalteracao';

/**
 * Qualitor's own required fields of the ticket form, in document order, with whether each is filled:
 * a red `*` next to its label (a span/font marked as required or coloured red, or a bare `*`), the
 * `required` attribute, `obrigatorio="S"`, a required class, and the edit reason `cdmotivoalteracao`.
 * Hidden and read-only controls are left out: the agent could not fill them. Only reads the DOM.
 */
export function findRequiredFields(doc: Document): RequiredField[] {
	const root = findTicketForm(doc)?.root ?? doc.body;
	if (!root) return [];
	const out: RequiredField[] = [];
	const seen = new Set<Element>();
	for (const element of root.querySelectorAll<Control>(CONTROL)) {
		if (seen.has(element) || !isRequired(element) || !isUsable(element)) continue;
		seen.add(element);
		out.push({ label: labelOf(element) || element.name || element.id, element, filled: isFilled(element) });
	}
	return dropLookupNames(out);
}

export function isFilled(element: Control): boolean {
	if (element.localName !== 'select') return element.value.trim() !== '';
	const select = element as HTMLSelectElement;
	const option = select.options[select.selectedIndex];
	return option !== undefined && option.value.trim() !== '' && !isPlaceholder(option);
}

function isRequired(element: Control): boolean {
	if (element.id === EDIT_REASON_ID || element.getAttribute('name') === EDIT_REASON_ID) return true;
	if (element.required || element.getAttribute('aria-required') === 'true') return true;
	const attribute = element.getAttribute('obrigatorio') ?? element.getAttribute('data-obrigatorio') ?? element.getAttribute('required');
	if (attribute !== null && REQUIRED_ATTRIBUTE.test(attribute.trim() || 'required')) return true;
	if (REQUIRED_CLASS.test(element.className)) return true;
	return hasRedStar(element);
}

/** A `*` in the control's label (its `<label for>`, the cell before it, or the text before it in its own cell). */
function hasRedStar(element: Control): boolean {
	const doc = element.ownerDocument;
	const places: Element[] = [];
	if (element.id) for (const label of doc.querySelectorAll('label')) if (label.htmlFor === element.id) places.push(label);
	const cell = element.closest('td, th');
	if (cell) {
		// The first control of a cell owns the cell's label (Cliente*: <code> <name> <lookup>).
		if (cell.querySelector(CONTROL) === element) {
			const before = cell.previousElementSibling;
			if (before) places.push(before);
			places.push(cell);
		}
	} else if (element.parentElement) places.push(element.parentElement);
	return places.some((place) => starIn(place, element));
}

function starIn(place: Element, element: Control): boolean {
	for (const marker of place.querySelectorAll('span, font, b, strong, em, sup')) {
		if (marker.textContent?.trim() === '*') return true;
	}
	// Text before the control only (a cell holding the control and later fields is not its label).
	let text = '';
	for (const node of place.childNodes) {
		if (node === element || (node.nodeType === 1 && (node as Element).contains(element))) break;
		text += node.textContent ?? '';
		if (text.length > 120) return false;
	}
	return /\*\s*:?\s*$/.test(text.trim()) || /\*\s*:/.test(text);
}

function isUsable(element: Control): boolean {
	if (element.disabled || (element as HTMLInputElement).readOnly) return false;
	if (element.closest('[hidden], [aria-hidden="true"]')) return false;
	// Not laid out (display:none here or above): a field of a hidden tab or a removed section.
	const view = element.ownerDocument.defaultView;
	for (let node: Element | null = element; node; node = node.parentElement) {
		const style = view?.getComputedStyle(node);
		if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
	}
	return true;
}

/** A lookup's code field and its read-only name both sit after "Cliente*": the code is the one to fill. */
function dropLookupNames(fields: RequiredField[]): RequiredField[] {
	return fields.filter((f, i) => i === 0 || fields[i - 1]!.label !== f.label || fields[i - 1]!.element.closest('td') !== f.element.closest('td'));
}
