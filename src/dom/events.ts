export interface EditEvents {
	/**
	 * Also the key events a person's typing fires (keydown, keypress, keyup), for pages that act on
	 * them: Qualitor's description runs `onkeyup="maximumLength()"`, and a page validating through such a
	 * handler must see scripted text. keydown and keyup of End (which types nothing, so no keypress: a mask
	 * reading a keypress's code as a character must not insert one). Off for selects, radios, checkboxes.
	 */
	keys: boolean;
}

/**
 * Fires what a person's edit fires, in the same order, all bubbling, created from the element's own
 * window so frames work too: inline handlers (`onkeyup="…"`, `onchange="…"`) and jQuery handlers both
 * run, with `window.event` set as they expect.
 */
export function dispatchEdit(element: Element, { keys }: EditEvents = { keys: false }): void {
	const view = element.ownerDocument.defaultView;
	const EventCtor = view?.Event ?? Event;
	const KeyCtor = view?.KeyboardEvent ?? (typeof KeyboardEvent === 'undefined' ? undefined : KeyboardEvent);
	// End moves the caret and types nothing: no handler inserts text twice.
	const key = (type: string): Event =>
		KeyCtor
			? new KeyCtor(type, { bubbles: true, cancelable: true, key: 'End', code: 'End', keyCode: 35, which: 35 } as KeyboardEventInit)
			: new EventCtor(type, { bubbles: true, cancelable: true });
	if (keys) element.dispatchEvent(key('keydown'));
	element.dispatchEvent(new EventCtor('input', { bubbles: true }));
	if (keys) element.dispatchEvent(key('keyup'));
	element.dispatchEvent(new EventCtor('change', { bubbles: true }));
}

/**
 * Writes `value` through the prototype's setter rather than the instance property: frameworks such as
 * React shadow `value` on the instance to track edits and would otherwise ignore the change.
 */
export function setNativeValue(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
	let proto: object | null = Object.getPrototypeOf(field);
	while (proto) {
		const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
		if (setter) {
			setter.call(field, value);
			return;
		}
		proto = Object.getPrototypeOf(proto);
	}
	field.value = value;
}
