// The overlay module: what the classic watcher (src/content/watcher.ts) imports from the extension once a
// ticket form appears. manifest.json lists this file as the content script so that crxjs bundles it (and
// its chunks, as web-accessible resources); build/content-watcher.ts then puts the watcher in its place.
import { answerDiagnostic } from './diagnostic.ts';
import { runOverlay } from './overlay.tsx';

/** Called by the watcher (crxjs's loader convention, kept so the name is the one crxjs preserves). */
export function onExecute(): void {
	runOverlay(document);
}

/**
 * Called by the watcher for the options page's "Diagnóstico do formulário" (`form-diagnostic…` messages), in
 * any frame, with a form or without one; it does not start the overlay.
 */
export function onDiagnostic(message: unknown): Promise<unknown> {
	return answerDiagnostic(message, document);
}
