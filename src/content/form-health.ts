import { checkFieldHealth, FIELD_NAMES, type FormMode, type LocateOptions } from '../qualitor/fields.ts';
import type { FormHealth } from './session.ts';

/**
 * What the health badge says about the form: the overlay's badge and the options page's "Diagnóstico do
 * formulário" both ask here, so they never disagree. Fields that load later are `loading`, not missing.
 */
export function formHealth(doc: Document, mode: FormMode, locate: LocateOptions): FormHealth {
	const h = checkFieldHealth(doc, { ...locate, mode });
	const state = mode === 'read' ? 'read-only' : h.missing.length ? 'missing' : h.loading || h.pending.length ? 'loading' : 'ok';
	return { found: h.found.length, expected: h.found.length + h.missing.length + h.pending.length, missing: h.missing.map((k) => FIELD_NAMES[k]), state };
}
