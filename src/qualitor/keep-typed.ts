import { additionalControls, carryAdditionalFields, snapshotAdditionalFields, type CarriedValue, type CarryReport } from './carry.ts';
import { findAdditionalFields, findField, type FieldKey, type LocateOptions } from './fields.ts';
import { holdLosses, holdWrites, type Hold } from './hold.ts';
import { childController } from '../dom/child-abort.ts';

const CASCADE: readonly FieldKey[] = ['tipo', 'categoria1', 'categoria2', 'categoria3'];

export interface KeepOptions {
	/** The form session's lifecycle: the listener and any pending wait end with it. */
	signal: AbortSignal;
	/** This installation's locators, read at each change (the mapping may change live); `mode: 'read'` writes nothing. */
	locate: () => LocateOptions;
	/** An apply or undo is running: it carries the fields itself, so the keeper stays out of its way. */
	busy: () => boolean;
	/** A change a person made. Default `event.isTrusted`: the extension's and the page's own writes are not. */
	isPersonMade?: ((event: Event) => boolean) | undefined;
	/** What was put back and what could not be: fields that did not come back are listed with their text. */
	onResult: (report: CarryReport) => void;
	/** Bound of the wait for Qualitor's loads (5000 ms). */
	timeoutMs?: number | undefined;
	/** How long the form must stay quiet before a field that did not come back counts as gone (400 ms). */
	quietMs?: number | undefined;
}

/**
 * Qualitor re-builds the additional fields on every Tipo / Categoria change: what the agent typed in them
 * is lost, and a Tipo-linked field comes back with its admin default. When a person changes one of those
 * selects, this notes the agent's text (capture phase on the document: before the select's own inline
 * `onchange` runs) and, once the form has settled, puts it back into the same-labelled fields that came
 * back empty or showing only their default. Untouched defaults are nobody's text and are not carried.
 */
export function keepTypedAcrossChanges(doc: Document, options: KeepOptions): void {
	const isPersonMade = options.isPersonMade ?? ((event: Event) => event.isTrusted);
	let pending: { carried: CarriedValue[]; controller: AbortController } | undefined;
	let held: Hold | undefined;
	const onChange = (event: Event): void => {
		if (!isPersonMade(event) || options.busy()) return;
		const locate = options.locate();
		if (locate.mode === 'read') return;
		const target = event.target;
		if (!CASCADE.some((key) => findField(doc, key, locate)?.element === target)) return;
		held?.stop();
		// A second change while the first is still settling: the fields are already empty, keep the first's values.
		const fresh = snapshotAdditionalFields(doc, undefined, { agentOnly: true });
		const carried = [...fresh, ...(pending?.carried.filter((c) => !fresh.some((f) => f.label === c.label)) ?? [])];
		pending?.controller.abort();
		if (carried.length === 0) return void (pending = undefined);
		const controller = childController(options.signal);
		const run = { carried, controller };
		pending = run;
		void carryAdditionalFields(doc, carried, {
			locate,
			cause: 'com a mudança de Tipo/Categoria',
			timeoutMs: options.timeoutMs ?? 5000,
			quietMs: options.quietMs,
			signal: controller.signal,
			// Every control that shows one of these labels now: the wait ends only once Qualitor has replaced them (or the form is quiet).
			stale: new Set<Element>([...additionalControls(doc), ...findAdditionalFields(doc, carried.map((c) => c.label), locate).flatMap((f) => (f ? [f.element] : []))]),
			// An apply started meanwhile carries the fields itself: nothing is written, the texts are listed.
			shouldWrite: () => !options.busy(),
		}).then((report) => {
			if (controller.signal.aborted) return;
			pending = undefined;
			controller.abort(); // releases its listener on the session's signal
			if (report.done.length || report.notDone.length) options.onResult(report);
			// Qualitor's late work after the carry (another re-build, a late load) must not take the text away unnoticed.
			held = holdWrites(doc, undefined, { signal: options.signal, locate, carried, onUpdate: (r) => r.finished && r.lost.length > 0 && options.onResult({ done: [], notDone: holdLosses(r), waitMs: 0 }) });
		});
	};
	doc.addEventListener('change', onChange, { capture: true, signal: options.signal });
}
