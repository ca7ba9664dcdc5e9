import { findField, type FieldKey, type LocateOptions } from '../qualitor/fields.ts';

/** The fields whose text says what the ticket is about. */
const SOURCES: readonly FieldKey[] = ['titulo', 'descricao', 'palavraChave'];

/** `locate` carries the form mode and this installation's locators (options page, Mapeamento). */
export function readTicketText(doc: Document, locate: LocateOptions): string {
	return SOURCES.map((key) => {
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
	return watchEdits(doc, (target) => SOURCES.some((key) => findField(doc, key, locate())?.element === target), onChange, delayMs);
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
