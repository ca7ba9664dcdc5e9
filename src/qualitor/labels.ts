import { normalize } from '../dom/normalize.ts';

export type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const CONTROL = 'input:not([type=hidden]):not([type=button]):not([type=submit]):not([type=reset]):not([type=image]), textarea, select';
const SKIP_TEXT_IN = new Set(['select', 'option', 'textarea', 'button', 'script', 'style', 'input']);

/** A label's words as compared: "  Descrição*: " and "descricao" are the same label. */
export function normalizeLabel(text: string): string {
	return normalize(text.replace(/[*:]/g, ' '));
}

/**
 * The form controls a visible label names, in document order: `<label for>`, a `<label>` wrapping
 * the control, or a table cell (`<td class="LABEL">Descrição*:</td><td><textarea>`) whose text is the
 * label, with the control in the same cell after the text or in one of the next two cells.
 */
export function findByLabel(root: ParentNode, labels: readonly string[]): Control[] {
	return findByLabelGroups(root, [labels])[0] ?? [];
}

/** `findByLabel` for each group of label words, with one pass over the page's labels for all of them. */
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
	const add = (to: readonly number[], control: Element | null | undefined): void => {
		if (!control || !control.matches(CONTROL)) return;
		for (const group of to) if (!found[group]!.includes(control as Control)) found[group]!.push(control as Control);
	};
	const doc = (root as Node).ownerDocument ?? (root as Document);
	for (const label of root.querySelectorAll('label')) {
		const to = groupsOf.get(normalizeLabel(leadingText(label)));
		if (to) add(to, label.htmlFor ? doc.getElementById(label.htmlFor) : label.querySelector(CONTROL));
	}
	for (const cell of root.querySelectorAll('td, th, .LABEL')) {
		const to = groupsOf.get(normalizeLabel(leadingText(cell)));
		if (!to) continue;
		const inside = controlAfterText(cell);
		if (inside) {
			add(to, inside);
			continue;
		}
		let sibling = cell.nextElementSibling;
		for (let hops = 0; sibling && hops < 2; hops++, sibling = sibling.nextElementSibling) {
			const control = sibling.matches(CONTROL) ? sibling : sibling.querySelector(CONTROL);
			if (control) {
				add(to, control);
				break;
			}
		}
	}
	return found.map((controls) => controls.sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1)));
}

/** The visible label of a control ("Descrição para subchamado"), without `*` and `:`; '' when none. */
export function labelOf(control: Element): string {
	const doc = control.ownerDocument;
	const tidy = (text: string): string => text.replace(/[*:]/g, ' ').replace(/\s+/g, ' ').trim();
	if (control.id) {
		for (const label of doc.querySelectorAll('label')) if (label.htmlFor === control.id) return tidy(leadingText(label));
	}
	const wrapping = control.closest('label');
	if (wrapping) return tidy(leadingText(wrapping));
	const cell = control.closest('td, th');
	const before = cell ? tidy(leadingText(cell)) : '';
	return before || tidy(leadingText(cell?.previousElementSibling ?? doc.createElement('td')));
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

function controlAfterText(cell: Element): Element | null {
	return cell.querySelector(CONTROL);
}
