import { normalize } from '../dom/normalize.ts';

export type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** What a label names: a text field, a select, a radio button or a checkbox (not a button or hidden code). */
export const CONTROL =
	'input:not([type=hidden]):not([type=button]):not([type=submit]):not([type=reset]):not([type=image]):not([type=file]), textarea, select';
const SKIP_TEXT_IN = new Set(['select', 'option', 'textarea', 'button', 'script', 'style', 'input']);
/** Elements whose text may be a label. Qualitor's markup is not known (docs/qualitor.md): any of these. */
const LABEL_LIKE = 'label, td, th, font, span, div, b, strong, legend, p, dt, li';
const CELL = 'td, th';
const MAX_LABEL = 120;

/** A label's words as compared: "  Descrição*: ", "Descrição&nbsp;:" and "descricao" are the same label. */
export function normalizeLabel(text: string): string {
	return normalize(text.replace(/[*:]/g, ' '));
}

/**
 * The form controls a visible label names, in document order. The label may be a `<label for>`, a
 * `<label>` wrapping the control, a table cell, a `<font class="COLORLABEL">`, a `div.label` or any
 * short text element; the control may sit in the same element after the text, in one of the next two
 * elements (cells), in the row below (label on the row above), or right after the label's wrapper.
 */
export function findByLabel(root: ParentNode, labels: readonly string[]): Control[] {
	return findByLabelGroups(root, [labels])[0] ?? [];
}

/** `findByLabel` for each group of label words, with one pass over the page's text for all of them. */
export function findByLabelGroups(root: ParentNode, groups: readonly (readonly string[])[]): Control[][] {
	const found = groups.map((): Control[] => []);
	const groupsOf = new Map<string, number[]>();
	groups.forEach((labels, group) => {
		for (const label of labels.map(normalizeLabel).filter((l) => l !== '')) {
			const list = groupsOf.get(label) ?? [];
			if (!list.includes(group)) groupsOf.set(label, [...list, group]);
		}
	});
	if (groupsOf.size === 0) return found;
	const doc = (root as Node).ownerDocument ?? (root as Document);
	const add = (to: readonly number[], control: Element | null | undefined): void => {
		if (!control || !control.matches(CONTROL)) return;
		if (root !== doc && !(root as Node).contains(control)) return;
		for (const group of to) if (!found[group]!.includes(control as Control)) found[group]!.push(control as Control);
	};
	for (const candidate of labelCandidates(root, doc)) {
		const text = leadingText(candidate);
		if (text.length > MAX_LABEL) continue;
		const to = groupsOf.get(normalizeLabel(text));
		if (!to) continue;
		if (candidate.localName === 'label' && (candidate as HTMLLabelElement).htmlFor) {
			add(to, doc.getElementById((candidate as HTMLLabelElement).htmlFor));
			continue;
		}
		add(to, controlFor(candidate));
	}
	return found.map((controls) => controls.sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1)));
}

/**
 * The visible label elements whose text is one of `labels` (a cell, a `<font>`, a `div.label` …), in
 * document order, whatever follows them: the read view shows values as text, not in controls.
 */
export function findLabelElements(root: ParentNode, labels: readonly string[]): Element[] {
	const wanted = new Set(labels.map(normalizeLabel).filter((l) => l !== ''));
	if (wanted.size === 0) return [];
	const doc = (root as Node).ownerDocument ?? (root as Document);
	return [...labelCandidates(root, doc)].filter((candidate) => {
		const text = leadingText(candidate);
		return text.length <= MAX_LABEL && wanted.has(normalizeLabel(text));
	});
}

/**
 * Every element that holds text directly (the nearest label-like ancestor of each text node), plus the
 * cell around it: "Tipo" in `<td><font class="COLORLABEL">Tipo</font><font color="red">*</font>&nbsp;:</td>`
 * is a label both as the font and as the cell.
 */
function labelCandidates(root: ParentNode, doc: Document): Set<Element> {
	const candidates = new Set<Element>();
	const walker = doc.createTreeWalker(root as Node, 4 /* SHOW_TEXT */);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const value = node.nodeValue ?? '';
		if (value.trim() === '' || value.length > MAX_LABEL) continue;
		const parent = node.parentElement;
		if (!parent || SKIP_TEXT_IN.has(parent.localName)) continue;
		const near = parent.closest(LABEL_LIKE);
		if (!near) continue;
		candidates.add(near);
		const cell = near.parentElement?.closest(CELL);
		if (cell) candidates.add(cell);
	}
	return candidates;
}

/** The control a label element names, wherever Qualitor put it relative to the label. */
function controlFor(label: Element): Element | null {
	const inside = label.querySelector(CONTROL);
	if (inside) return inside;
	const next = controlInNext(label, 2);
	if (next) return next;
	const cell = label.matches(CELL) ? label : null;
	if (cell) {
		// Label on the row above: the control right under it.
		const row = cell.parentElement;
		if (row?.localName === 'tr' && !row.querySelector(CONTROL)) {
			const below = row.nextElementSibling;
			if (below?.localName === 'tr') {
				const column = columnOf(cell);
				const under = [...below.children].find((c) => columnOf(c) === column);
				// Only a cell that holds the control alone: a cell with its own label text is another field.
				return under && normalizeLabel(leadingText(under)) === '' ? under.querySelector(CONTROL) : null;
			}
		}
		return null;
	}
	// A label element above the control in its own wrapper: `<div><div class="label">X</div></div><div><input></div>`.
	const wrapper = label.parentElement;
	if (wrapper && !wrapper.matches(CELL) && wrapper.children.length === 1) return controlInNext(wrapper, 1);
	return null;
}

/**
 * The first control among (or inside) the next `hops` element siblings, stopping at another label; a
 * sibling holding only `*` or `:` (Qualitor's red asterisk) is part of the label and does not count.
 */
function controlInNext(element: Element, hops: number): Element | null {
	let counted = 0;
	for (let sibling = element.nextElementSibling, seen = 0; sibling && counted < hops && seen < 6; sibling = sibling.nextElementSibling, seen++) {
		if (sibling.matches(CONTROL)) return sibling;
		const control = sibling.querySelector(CONTROL);
		if (control) return control;
		if (!/^[\s*:]*$/.test(sibling.textContent ?? '')) counted++;
	}
	return null;
}

/** A cell's column, counting the colspans before it. */
function columnOf(cell: Element): number {
	let column = 0;
	for (let before = cell.previousElementSibling; before; before = before.previousElementSibling) {
		column += Number(before.getAttribute('colspan')) || 1;
	}
	return column;
}

/** The visible label of a control ("Descrição para subchamado"), without `*` and `:`; '' when none. */
export function labelOf(control: Element): string {
	return labelPlacement(control).text;
}

export interface LabelPlacement {
	text: string;
	/** Where the label sat relative to the control (for form skeletons). */
	at: 'for' | 'wrap' | 'cell' | 'next-cell' | 'row-above' | 'before' | 'none';
	/** The label carries Qualitor's required marker (`*`). */
	required: boolean;
}

/** A control's label text, where it sat, and whether it is marked required. */
export function labelPlacement(control: Element): LabelPlacement {
	const doc = control.ownerDocument;
	const tidy = (text: string): string => text.replace(/[*:]/g, ' ').replace(/\s+/g, ' ').trim();
	const found = (raw: string, at: LabelPlacement['at']): LabelPlacement => ({ text: tidy(raw), at, required: raw.includes('*') });
	if (control.id) {
		for (const label of doc.querySelectorAll('label')) if (label.htmlFor === control.id) return found(leadingText(label) + (label.parentElement?.textContent?.includes('*') ? '*' : ''), 'for');
	}
	const wrapping = control.closest('label');
	if (wrapping) return found(leadingText(wrapping), 'wrap');
	const cell = control.closest(CELL);
	const before = cell ? leadingText(cell) : '';
	if (tidy(before)) return found(before, 'cell');
	const previous = cell?.previousElementSibling;
	const left = previous ? leadingText(previous) : '';
	if (tidy(left)) return found(left, 'next-cell');
	// The row above, when it holds only the label.
	const row = cell?.parentElement;
	const above = row?.localName === 'tr' ? row.previousElementSibling : null;
	if (above && cell && !above.querySelector(CONTROL)) {
		const column = columnOf(cell);
		const over = [...above.children].find((c) => columnOf(c) === column) ?? above;
		const text = leadingText(over);
		if (tidy(text) && text.length <= MAX_LABEL) return found(text, 'row-above');
	}
	// A label element just before the control (or before its wrapper).
	for (const from of [control, control.parentElement]) {
		const sibling = from?.previousElementSibling;
		if (sibling && !sibling.querySelector(CONTROL)) {
			const text = leadingText(sibling);
			if (tidy(text) && text.length <= MAX_LABEL) return found(text, 'before');
		}
	}
	return { text: '', at: 'none', required: false };
}

/** The text before an element's first control: the label part of "Descrição: <textarea>". */
function leadingText(element: Element): string {
	let text = '';
	const walk = (node: Node): boolean => {
		for (const child of node.childNodes) {
			if (child.nodeType === 3) text += child.nodeValue ?? '';
			else if (child.nodeType === 1) {
				const el = child as Element;
				if (el.matches(CONTROL)) return true;
				if (SKIP_TEXT_IN.has(el.localName)) continue;
				if (walk(el)) return true;
			}
			if (text.length > 200) return true; // not a label: a container of many things
		}
		return false;
	};
	walk(element);
	return text.length > 200 ? '' : text;
}
