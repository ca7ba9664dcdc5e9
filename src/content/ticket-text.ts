import type { FormMode } from '../qualitor/fields.ts';
import { findField, type FieldKey } from '../qualitor/fields.ts';

/** The fields whose text says what the ticket is about. */
const SOURCES: readonly FieldKey[] = ['titulo', 'descricao', 'palavraChave'];

export function readTicketText(doc: Document, mode: FormMode): string {
	return SOURCES.map((key) => {
		const element = findField(doc, key, { mode })?.element as HTMLInputElement | HTMLTextAreaElement | undefined;
		return typeof element?.value === 'string' ? element.value : '';
	})
		.filter((text) => text.trim())
		.join('\n');
}

/**
 * Calls `onChange` (debounced) when the agent types in título, descrição or palavra-chave. One listener
 * on the document, so fields that Qualitor re-renders are still heard.
 */
export function watchTicketText(doc: Document, mode: FormMode, onChange: () => void, signal: AbortSignal, delayMs = 150): void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const isSource = (target: EventTarget | null) =>
		target instanceof doc.defaultView!.HTMLElement && SOURCES.some((key) => findField(doc, key, { mode })?.element === target);
	const listener = (event: Event) => {
		if (!isSource(event.target)) return;
		clearTimeout(timer);
		timer = setTimeout(onChange, delayMs);
	};
	doc.addEventListener('input', listener, { capture: true, signal });
	doc.addEventListener('change', listener, { capture: true, signal });
	signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}
