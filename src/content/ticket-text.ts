import { findField, type FieldKey, type LocateOptions } from '../qualitor/fields.ts';
import { readViewText } from '../qualitor/read-view.ts';

/** The fields whose text says what the ticket is about. */
const SOURCES: readonly FieldKey[] = ['titulo', 'descricao', 'palavraChave'];

/**
 * `locate` carries the form mode and this installation's locators (options page, Mapeamento). The read
 * view may show the ticket's text in cells and divs rather than controls: `readViewText` reads both.
 */
export function readTicketText(doc: Document, locate: LocateOptions): string {
	return SOURCES.map((key) => {
		if (locate.mode === 'read') return readViewText(doc, key, locate);
		const element = findField(doc, key, locate)?.element as HTMLInputElement | HTMLTextAreaElement | undefined;
		return typeof element?.value === 'string' ? element.value : '';
	})
		.filter((text) => text.trim())
		.join('\n');
}

/**
 * Calls `onChange` (debounced) when the agent types in título, descrição or palavra-chave. One listener
 * on the document, so fields that Qualitor re-renders are still heard. Only a person's typing counts:
 * the events the extension itself dispatches while applying or undoing are not trusted and are ignored.
 * Returns a function that stops listening.
 */
export function watchTicketText(doc: Document, locate: () => LocateOptions, onChange: () => void, delayMs = 150): () => void {
	const stopEdits = watchEdits(doc, (target) => SOURCES.some((key) => findField(doc, key, locate())?.element === target), onChange, delayMs);
	if (locate().mode !== 'read') return stopEdits;
	// Nobody types in the read view, but Qualitor may render its text late or again: follow what it shows.
	const stopShown = watchShownText(doc, () => readTicketText(doc, locate()), onChange, delayMs);
	return () => {
		stopEdits();
		stopShown();
	};
}

/** Calls `onChange` (debounced) when the page's mutations changed what `read` returns; returns a stop function. */
function watchShownText(doc: Document, read: () => string, onChange: () => void, delayMs: number): () => void {
	let last = read();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const view = doc.defaultView ?? globalThis;
	const observer = new view.MutationObserver(() => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			const now = read();
			if (now === last) return;
			last = now;
			onChange();
		}, delayMs);
	});
	observer.observe(doc, { childList: true, characterData: true, subtree: true });
	return () => {
		observer.disconnect();
		clearTimeout(timer);
	};
}

/** Calls `onChange` (debounced) after a person edits a field that `isSource` accepts; returns a stop function. */
export function watchEdits(doc: Document, isSource: (target: HTMLElement) => boolean, onChange: () => void, delayMs = 150): () => void {
	const controller = new AbortController();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const listener = (event: Event) => {
		const target = event.target;
		if (!event.isTrusted || !(target instanceof doc.defaultView!.HTMLElement) || !isSource(target)) return;
		clearTimeout(timer);
		timer = setTimeout(onChange, delayMs);
	};
	doc.addEventListener('input', listener, { capture: true, signal: controller.signal });
	doc.addEventListener('change', listener, { capture: true, signal: controller.signal });
	return () => {
		clearTimeout(timer);
		controller.abort();
	};
}
