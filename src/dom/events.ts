/** Fires the events a person's edit would fire, from the element's own window so frames work too. */
export function dispatchEdit(element: Element): void {
	const view = element.ownerDocument.defaultView;
	const EventCtor = view?.Event ?? Event;
	element.dispatchEvent(new EventCtor('input', { bubbles: true }));
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
