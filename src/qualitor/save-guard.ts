import { findField, type LocateOptions } from './fields.ts';

/** Qualitor's save buttons: "Processar" on a new ticket, "Processar alteração" in the editor of an existing one. */
const SAVE_IDS = ['btnProcessar', 'btnProcessChange'] as const;
/** Containers of search windows and dialogs, which reuse `btnProcessar` for their "Pesquisar" button. */
const NOT_THE_FORM = '.DIVALERT, #divAlert, .WINDOW, [role="dialog"], .ui-dialog, .modal, [id^="divPesquisa" i], [id*="lookup" i]';
const SEARCH_CAPTION = /pesquis|busca|filtr|localiz|consult/i;

export interface SaveGuardOptions {
	signal: AbortSignal;
	/** This installation's locators (a mapped save button counts too). */
	locate: () => LocateOptions;
	/**
	 * Called before Qualitor's own handler runs, with a function that runs Qualitor's save once, unchanged.
	 * Return true to hold the save (the click is stopped before any page handler sees it).
	 */
	onSave(proceed: () => void): boolean;
}

/**
 * Listens for a click on the ticket's save button in the capture phase on the document, so it runs
 * before the button's inline `onclick`, its own listeners and jQuery's delegated handlers. A click
 * (mouse, Enter or Space) that the guard holds never reaches Qualitor; `proceed` clicks the same
 * button again with the guard stepping aside for exactly that one click.
 */
export function guardSave(doc: Document, options: SaveGuardOptions): void {
	let letThrough: Element | null = null;
	const listener = (event: Event) => {
		const button = saveButtonOf(doc, event.target, options.locate());
		if (!button) return;
		if (letThrough === button) {
			letThrough = null;
			return;
		}
		const proceed = () => {
			if (!button.isConnected) return;
			letThrough = button;
			try {
				(button as HTMLElement).click();
			} finally {
				letThrough = null;
			}
		};
		let hold = false;
		try {
			hold = options.onSave(proceed);
		} catch (error) {
			console.warn('[SOP Assist]', error); // never stand between the agent and Qualitor's save
		}
		if (!hold) return;
		event.preventDefault();
		event.stopImmediatePropagation();
	};
	doc.addEventListener('click', listener, { capture: true, signal: options.signal });
}

/** The ticket's save button the click landed on (the `<span>` inside `button#btnProcessar` included), or null. */
export function saveButtonOf(doc: Document, target: EventTarget | null, locate: LocateOptions = {}): Element | null {
	if (!target || typeof (target as Element).closest !== 'function') return null;
	const element = target as Element;
	const byId = element.closest(SAVE_IDS.map((id) => `#${id}`).join(', '));
	const candidate = byId ?? mapped(doc, element, locate);
	if (!candidate || !isTicketSave(candidate)) return null;
	return candidate;
}

function mapped(doc: Document, element: Element, locate: LocateOptions): Element | null {
	if (!element.closest('button, input[type="button"], input[type="submit"], input[type="image"], a')) return null;
	const save = findField(doc, 'processar', locate)?.element;
	return save && (save === element || save.contains(element)) ? save : null;
}

/** Not a search dialog's "Pesquisar" that reuses the id. */
function isTicketSave(button: Element): boolean {
	if (button.closest(NOT_THE_FORM)) return false;
	const caption = button.localName === 'input' ? (button as HTMLInputElement).value : (button.textContent ?? '');
	return !SEARCH_CAPTION.test(caption) && !SEARCH_CAPTION.test(button.getAttribute('title') ?? '');
}
