// Whether a control is one a person can see: the only kind the extension reads as a form field or writes.
// A page can hide decoys (display:none, visibility, opacity 0, no size, off the page); Qualitor itself
// hides whole tabs until they are clicked, and a field in such a tab is still a real one.

export interface RenderedOptions {
	/** An ancestor hidden on purpose by the page's own UI (a tab panel not shown yet): allowed. */
	isHiddenPanel?: (element: Element) => boolean;
}

type Checkable = Element & { checkVisibility?: (options?: Record<string, boolean>) => boolean };

/** Connected, not hidden by itself or an ancestor (except an allowed panel); a control also with a size, on the page. */
export function isRendered(element: Element, options: RenderedOptions = {}): boolean {
	if (!element.isConnected) return false;
	const view = element.ownerDocument.defaultView;
	if (!view) return false;
	// The browser's own answer (Chrome 105+, Firefox 106+) is cheap; inside a hidden tab it is always "no",
	// so there only the path from the element up to the panel is judged. Without it (jsdom, where computed
	// styles are slow enough to starve the page's own XHR during a wait) only attributes and inline styles.
	const native = (element as Checkable).checkVisibility;
	const browser = typeof native === 'function';
	const panel = hiddenPanel(element, options, browser);
	if (browser && !panel) {
		if (!native.call(element, { opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return false;
	} else if (!visibleUpTo(view, element, panel, browser)) return false;
	// Size and position only judge controls: an empty container or a label may well have no size.
	if (panel || !element.matches('input, textarea, select, button') || !hasLayout(element.ownerDocument)) return true;
	const rect = element.getBoundingClientRect();
	if (rect.width < 2 || rect.height < 2) return false;
	// Entirely left of or above the page's origin: pushed off-screen on purpose (left: -9999px).
	return rect.right + view.scrollX > 0 && rect.bottom + view.scrollY > 0;
}

/** The nearest ancestor that hides the element and is an allowed panel (a Qualitor tab not shown yet). */
function hiddenPanel(element: Element, options: RenderedOptions, computed: boolean): Element | null {
	if (!options.isHiddenPanel) return null;
	for (let node = element.parentElement; node; node = node.parentElement) {
		if (options.isHiddenPanel(node) && isHiddenHere(node, computed)) return node;
	}
	return null;
}

function isHiddenHere(node: Element, computed: boolean): boolean {
	const html = node as HTMLElement;
	if (html.hidden || html.style?.display === 'none') return true;
	return computed && node.ownerDocument.defaultView?.getComputedStyle(node).display === 'none';
}

/**
 * From the element up to `stop`: the `hidden` attribute and inline styles of each, and in a browser the
 * element's own computed style too.
 */
function visibleUpTo(view: Window, element: Element, stop: Element | null, computed: boolean): boolean {
	const own = computed ? styleOf(view, element) : undefined;
	if (own && (own.display === 'none' || own.visibility === 'hidden' || own.visibility === 'collapse' || Number.parseFloat(own.opacity) === 0)) return false;
	for (let node: Element | null = element; node && node !== stop; node = node.parentElement) {
		const html = node as HTMLElement;
		if (html.hidden || html.style?.display === 'none' || html.style?.opacity === '0' || html.style?.visibility === 'hidden') return false;
	}
	return true;
}

function styleOf(view: Window, element: Element): CSSStyleDeclaration | undefined {
	try {
		return view.getComputedStyle(element);
	} catch {
		return undefined;
	}
}

/** jsdom lays nothing out (every box is 0×0): there, only styles can tell. */
function hasLayout(doc: Document): boolean {
	const body = doc.body ?? doc.documentElement;
	const rect = body.getBoundingClientRect();
	return rect.width > 0 || rect.height > 0;
}
