const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'email', 'tel', 'url', 'number']);

export type TextField = HTMLInputElement | HTMLTextAreaElement;

export function isTextField(element: Element | null | undefined): element is TextField {
	if (!element) return false;
	const tag = element.localName;
	if (tag === 'textarea') return true;
	return tag === 'input' && TEXT_INPUT_TYPES.has((element.getAttribute('type') ?? '').toLowerCase());
}

export function isSelect(element: Element | null | undefined): element is HTMLSelectElement {
	return element?.localName === 'select';
}

/**
 * Whether a person could edit the control. Only the control's own hiding counts: Qualitor keeps
 * fields such as "Descrição da solução" in tabs that are hidden until clicked, and those are still
 * the right place to write.
 */
export function isEditable(element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): boolean {
	if (!element.isConnected) return false;
	if (element.matches(':disabled')) return false;
	if ('readOnly' in element && element.readOnly) return false;
	if (element.localName === 'input' && (element as HTMLInputElement).type === 'hidden') return false;
	if (element.hidden) return false;
	const style = element.ownerDocument.defaultView?.getComputedStyle(element);
	return !(style && (style.display === 'none' || style.visibility === 'hidden'));
}

/** A radio button or a checkbox. */
export function isCheckable(element: Element | null | undefined): element is HTMLInputElement {
	if (element?.localName !== 'input') return false;
	const type = (element.getAttribute('type') ?? '').toLowerCase();
	return type === 'radio' || type === 'checkbox';
}
