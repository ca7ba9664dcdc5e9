// What an existing ticket's read view shows as its title and description, for the overlay to suggest from
// (nothing is ever written here). The read view may show them in read-only controls or as text in cells,
// divs and spans (docs/qualitor.md, "Read view"): both are read.
import { shownText } from '../dom/shown-text.ts';
import { isVisibleControl, visibleById } from './detect.ts';
import { FIELDS, fieldLabels, findField, formScope, type FieldKey, type LocateOptions } from './fields.ts';
import { CONTROL, findLabelElements, normalizeLabel } from './labels.ts';

const CELL = 'td, th';
/** Menus, links and buttons: their words are commands, not the ticket's. */
const CLICKABLE = 'a, button, [onclick], [role=menu], [role=menuitem], [role=menubar], [role=button]';

/**
 * The text of a standard field in the read view, '' when there is none. In order: this installation's
 * locator (Mapeamento); the field's id, on a control or on a text element; Qualitor's `label_<id>` text
 * element (`label_cdchamado` shows the number, `label_dtchamado` the date); a control its label names;
 * the value a label shows beside it, below it (row above) or after it.
 */
export function readViewText(doc: Document, key: FieldKey, options: LocateOptions = {}): string {
	const located = findField(doc, key, { ...options, mode: 'read' });
	if (located && located.via !== 'label') {
		const text = textOf(located.element);
		if (text) return text;
	}
	for (const id of FIELDS[key].ids.new) {
		const shown = visibleById(doc, `label_${id}`);
		const text = shown && !shown.matches(CONTROL) && !shown.querySelector(CONTROL) ? shownText(shown) : '';
		// A caption that only repeats the field's name ("Descrição") is not its value.
		if (text && !isLabelText(text, key, options)) return text;
	}
	if (located) return textOf(located.element);
	const value = findValueByLabel(formScope(doc), fieldLabels(key, options));
	return value ? shownText(value) : '';
}

/** A control's value, or the text a person sees in an element (its control's value if it wraps one). */
function textOf(element: HTMLElement): string {
	const control = element.matches(CONTROL) ? element : element.querySelector<HTMLElement>(CONTROL);
	if (control) return typeof (control as HTMLInputElement).value === 'string' ? (control as HTMLInputElement).value : '';
	if (element.localName === 'input') return (element as HTMLInputElement).value; // a hidden copy of the text
	return shownText(element);
}

function isLabelText(text: string, key: FieldKey, options: LocateOptions): boolean {
	const words = normalizeLabel(text);
	return fieldLabels(key, options).some((label) => normalizeLabel(label) === words);
}

/**
 * The element showing the value a label names, as text: the next cell (or element) after the label, the
 * cell right under a label that sits alone on the row above, or the element after a label's own wrapper.
 * Never a grid's column header (`th`, `thead`: other tickets' rows sit under it), a menu entry, a cell
 * holding a control (a form field, read as such) or another label ("Situação :").
 */
export function findValueByLabel(root: ParentNode, labels: readonly string[]): Element | null {
	const names = new Set(labels.map(normalizeLabel));
	for (const label of findLabelElements(root, labels)) {
		if (label.matches('th') || label.closest('thead') || label.closest(CLICKABLE) || label.closest('[data-sop-assist]')) continue;
		const value = valueBeside(label);
		// A cell that only repeats the field's name is a caption.
		if (value && !names.has(normalizeLabel(shownText(value)))) return value;
	}
	return null;
}

function valueBeside(label: Element): Element | null {
	// The next element sibling that holds something other than Qualitor's red `*` or `:`.
	for (let sibling = label.nextElementSibling, seen = 0; sibling && seen < 4; sibling = sibling.nextElementSibling, seen++) {
		if (/^[\s*:]*$/.test(sibling.textContent ?? '') && !sibling.querySelector(CONTROL)) continue;
		return isValue(sibling) ? sibling : null;
	}
	if (label.matches(CELL)) {
		const row = label.parentElement;
		const filled = row ? [...row.children].filter((c) => (c.textContent ?? '').trim() !== '') : [];
		// Label alone on the row above: the cell right under it.
		if (row?.localName === 'tr' && filled.length === 1) {
			const below = row.nextElementSibling;
			const column = columnOf(label);
			const under = below?.localName === 'tr' ? [...below.children].find((c) => columnOf(c) === column) : undefined;
			return under && isValue(under) ? under : null;
		}
		return null;
	}
	// A label element above the value in its own wrapper: `<div><div class="label">X</div></div><div>…</div>`.
	const wrapper = label.parentElement;
	if (wrapper && !wrapper.matches(CELL) && wrapper.children.length === 1) {
		const next = wrapper.nextElementSibling;
		return next && isValue(next) ? next : null;
	}
	return null;
}

function isValue(element: Element): boolean {
	if (element.querySelector(CONTROL) || element.matches(CONTROL)) return false;
	// A link inside the value (a pasted address) is the client's text; a value that is itself a menu entry is not.
	if (element.closest(CLICKABLE) || element.closest('[data-sop-assist]')) return false;
	if (!isVisibleControl(element)) return false;
	const text = shownText(element);
	return text !== '' && !/:\s*$/.test(text);
}

function columnOf(cell: Element): number {
	let column = 0;
	for (let before = cell.previousElementSibling; before; before = before.previousElementSibling) column += Number(before.getAttribute('colspan')) || 1;
	return column;
}
