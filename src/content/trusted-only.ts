/**
 * Only the agent drives the overlay. The shadow root is closed, so a page script cannot reach the
 * overlay's elements; as a second line, this capture-phase listener on the root drops every untrusted
 * event (made with `dispatchEvent`, `element.click()`, a synthetic `submit`…) before Preact's handlers,
 * which are attached further down the tree, can see it. Events the browser makes for a person's input
 * (`isTrusted`) pass untouched.
 */
const GUARDED = [
	'click',
	'dblclick',
	'auxclick',
	'contextmenu',
	'mousedown',
	'mouseup',
	'pointerdown',
	'pointerup',
	'keydown',
	'keyup',
	'keypress',
	'beforeinput',
	'input',
	'change',
	'submit',
	'reset',
	'focus',
	'blur',
	'focusin',
	'focusout',
	'paste',
	'drop',
] as const;

/**
 * `accept` runs for each trusted event first (e.g. to notice that the extension was updated under the page)
 * and may still refuse it.
 */
export function acceptTrustedEventsOnly(root: ShadowRoot, accept: (event: Event) => boolean = () => true): void {
	const drop = (event: Event) => {
		if (event.isTrusted && accept(event)) return;
		event.stopImmediatePropagation();
		event.preventDefault();
	};
	for (const type of GUARDED) root.addEventListener(type, drop, { capture: true });
}
