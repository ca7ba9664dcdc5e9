import browser from 'webextension-polyfill';
import { ask, isMessage, type FrameDiagnostic, type Send } from '../messages.ts';
import { findTicketForm } from '../qualitor/detect.ts';
import { formSkeleton } from '../qualitor/skeleton.ts';
import type { StorageArea } from '../storage/area.ts';
import { readMappings } from '../storage/mappings.ts';
import { readStoredPolicy } from '../storage/policy.ts';
import { effectiveMapping } from '../storage/precedence.ts';
import { formHealth } from './form-health.ts';
import { locateOptions } from './mapping.ts';

/**
 * The content side of the options page's "Diagnóstico do formulário", in every frame where the watcher runs,
 * with a ticket form or without one (loaded by the watcher only when the options page asks):
 * - `form-diagnostic-probe`: sends this frame's `form-diagnostic-report` (what its health badge would say,
 *   or, without a form, what the page holds), then answers;
 * - `form-diagnostic`: the page's skeleton now (qualitor/skeleton.ts: no values, no client data).
 * Anything else, or a malformed request: no answer.
 */
export async function answerDiagnostic(message: unknown, doc: Document, deps: DiagnosticDeps = defaultDeps()): Promise<unknown> {
	if (isMessage(message, 'form-diagnostic')) return { skeleton: formSkeleton(doc) };
	if (!isMessage(message, 'form-diagnostic-probe')) return undefined;
	const frame = await frameDiagnostic(doc, deps.local);
	// Only the options page that scanned answers the report; whether it did changes nothing here.
	await ask(deps.send, 'form-diagnostic-report', { scan: message.scan, frame }).catch(() => undefined);
	return { ok: true };
}

export interface DiagnosticDeps {
	send: Send;
	local: StorageArea;
}

const defaultDeps = (): DiagnosticDeps => ({ send: (m) => browser.runtime.sendMessage(m), local: browser.storage.local as unknown as StorageArea });

/** The health badge's verdict with this installation's mapping (read now, as the overlay holds it), or what a page without a form holds. */
export async function frameDiagnostic(doc: Document, local: StorageArea): Promise<FrameDiagnostic> {
	const skeleton = formSkeleton(doc);
	const holds = { controls: skeleton.controls.length, frames: skeleton.frames.length, loading: skeleton.loading.elements.length };
	const form = findTicketForm(doc);
	if (!form) return { state: 'no-form', mode: null, found: 0, expected: 0, missing: [], ...holds };
	const [mappings, policy] = await Promise.all([readMappings(local), readStoredPolicy(local)]);
	const { mapping } = effectiveMapping(mappings, { installations: [], sops: [], mappings: policy.mappings, problems: [] }, doc.location.origin);
	const health = formHealth(doc, form.mode, locateOptions(mapping));
	return { state: health.state, mode: form.mode, found: health.found, expected: health.expected, missing: health.missing.slice(0, 50), ...holds };
}
