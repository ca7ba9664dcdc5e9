import { undoApply, type ApplyReport, type DoneItem, type NotDoneItem } from '../qualitor/apply.ts';
import { findMissingChecks } from '../qualitor/checks.ts';
import { findTicketForm } from '../qualitor/detect.ts';
import { FIELD_KEYS, FIELD_NAMES, findAdditionalField, findField, type LocateOptions } from '../qualitor/fields.ts';
import { focusPageField } from '../qualitor/focus-field.ts';
import { guardSave } from '../qualitor/save-guard.ts';
import type { Sop } from '../sop/types.ts';
import { keepTypedAcrossChanges } from '../qualitor/keep-typed.ts';
import { applyFlow, replaceTitle, withLateFill } from './apply-flow.ts';
import { holdApplied, withUndoHold, type AppliedHold } from './apply-hold.ts';
import { holdRestored, type Hold } from '../qualitor/hold.ts';
import { trackPersonEdits } from '../dom/hold.ts';
import { childController } from '../dom/child-abort.ts';
import { snapshotAdditionalFields } from '../qualitor/carry.ts';
import { saveCheckEntries } from './save-check.ts';
import { readPageValues } from '../qualitor/page-values.ts';
import { isGenericContact } from '../sop/contact.ts';
import { clockVariables } from '../sop/template.ts';
import { locateOptions } from './mapping.ts';
import { currentMapping } from './settings.ts';
import type { ApplyOutcome, FormSession, KeptResult, UndoOutcome } from './session.ts';
import { formSkeleton } from '../qualitor/skeleton.ts';
import { formHealth } from './form-health.ts';
import { readTicketText, watchEdits, watchTicketText } from './ticket-text.ts';

/** The template variables the page gives; a generic registry contact is no one's name, so it is not given. */
function pageValues(doc: Document): Record<string, string> {
	const v = readPageValues(doc);
	const out: Record<string, string> = {};
	if (v.cliente) out.cliente = v.cliente;
	if (v.contato && !isGenericContact(v.contato)) out.contato = v.contato;
	return out;
}

/**
 * Binds the overlay to the ticket form of this document; null when there is none. Aborting `signal` (the
 * form went away, or the extension was updated under the page) removes every listener the session added.
 */
export function createFormSession(doc: Document, signal?: AbortSignal): FormSession | null {
	const form = findTicketForm(doc);
	if (!form) return null;
	const { mode } = form;
	// One lifecycle per form: whoever owns the session (the overlay) aborts `signal`; a page that hides ends it too.
	const controller = childController(signal);
	doc.defaultView?.addEventListener('pagehide', (event) => !(event as PageTransitionEvent).persisted && controller.abort(), { signal: controller.signal });
	/** A stop function that also runs when the session ends; either way once. */
	const tied = (stop: () => void): (() => void) => {
		if (controller.signal.aborted) return (stop(), () => undefined);
		const once = () => {
			controller.signal.removeEventListener('abort', once);
			stop();
		};
		controller.signal.addEventListener('abort', once, { once: true });
		return once;
	};
	const firstSeen = new Date();
	const openedAt = readPageValues(doc).dataAberturaDate;
	// At most one apply at a time: a second SOP first undoes the first (see apply).
	const applied: { sop: Sop; report: ApplyReport }[] = [];
	// One apply or undo at a time: a second one started during Qualitor's loads would journal half-written values.
	let queue: Promise<unknown> = Promise.resolve();
	// Applies and undos queued or running: they carry the additional fields themselves.
	let busy = 0;
	const serialise = <T,>(task: () => Promise<T>): Promise<T> => {
		busy++;
		const run = () => task().finally(() => busy--);
		const next = queue.then(run, run);
		queue = next.catch(() => undefined);
		return next;
	};
	const locate = () => ({ ...locateOptions(currentMapping()), mode });
	/** A set of listeners whose entries leave when their stop function runs or the session ends. */
	const listeners = <T,>() => {
		const set = new Set<(value: T) => void>();
		return {
			add: (listener: (value: T) => void) => (set.add(listener), tied(() => set.delete(listener))),
			emit: (value: T) => set.forEach((listener) => listener(value)),
		};
	};
	const outcomeListeners = listeners<ApplyOutcome>();
	const keptListeners = listeners<KeptResult>();
	const undoneListeners = listeners<UndoOutcome>();
	let undos = 0;
	let applies = 0;
	/** Holds what the last undo restored while Qualitor's late work runs; stopped by the next apply or undo. */
	let restoring: Hold | undefined;
	// The agent's text in additional fields survives a Tipo / Categoria change they make by hand.
	if (mode !== 'read') {
		keepTypedAcrossChanges(doc, {
			signal: controller.signal,
			locate,
			busy: () => busy > 0,
			onResult: (report) => keptListeners.emit({ kept: report.done.map((d) => d.what), lost: report.notDone }),
		});
	}
	let saveCallback: ((proceed: () => void) => boolean) | undefined;
	// Before Qualitor's own handler: the save check may hold the save and run it later, once, unchanged.
	guardSave(doc, { signal: controller.signal, locate, onSave: (proceed) => saveCallback?.(proceed) ?? false });
	const entries = (sop: Sop | undefined, confirmed: ReadonlySet<string>) => saveCheckEntries(doc, sop, confirmed, locate());

	return {
		mode,
		openedAt: openedAt ?? firstSeen,
		openedAtKnown: Boolean(openedAt),
		signal: controller.signal,
		readText: () => readTicketText(doc, locate()),
		watchText: (onChange) => tied(watchTicketText(doc, locate, onChange)),
		watchForm: (onChange) => tied(watchEdits(doc, (target) => !target.closest('[data-sop-assist]'), onChange, 300)),
		watchHealth: (onChange) => tied(watchMutations(doc, onChange, 300)),
		diagnostic: () => JSON.stringify(formSkeleton(doc), null, 2),
		health: () => formHealth(doc, mode, locateOptions(currentMapping())),
		pageValues: () => pageValues(doc),
		apply: (sop, typed) => serialise(async (): Promise<ApplyOutcome> => {
			// Replace, don't stack: what an earlier SOP wrote goes first, so one Desfazer gives back the form as it was.
			restoring?.stop();
			const previous = applied.at(-1)?.sop;
			const undoneFirst: string[] = [];
			for (let entry = applied.pop(); entry; entry = applied.pop()) {
				const undone = await undoApply(entry.report);
				undoneFirst.push(...undone.problems.map((p) => `${p.what}: ${p.why}`));
			}
			// Read now, not when the SOP was opened: the clock moves and the agent may have chosen the client since.
			const values = { ...clockVariables(new Date()), ...pageValues(doc), ...typed };
			// This installation's names and locators, as set in the options page (Mapeamento).
			const mapping = currentMapping();
			const id = ++applies;
			// SOP fields arriving after the report was shown: the same report, updated (one source of truth).
			let current: ApplyOutcome | undefined;
			type Late = [DoneItem[], NotDoneItem[], number];
			const early: Late[] = [];
			const onLateFill: Parameters<typeof applyFlow>[3]['onLateFill'] = (done, notDone, remaining) => {
				if (!current) return void early.push([done, notDone, remaining]);
				current = withLateFill(current, done, notDone, remaining);
				outcomeListeners.emit(current);
				// The page is at work again (fields arrived late): what the apply wrote is held once more.
				holding?.again();
			};
			let holding: AppliedHold | undefined;
			// Qualitor's own late work may reset what the apply writes: held while the form settles (apply-hold.ts).
			const since = Date.now();
			const typing = trackPersonEdits(doc, { signal: controller.signal });
			const carried = snapshotAdditionalFields(doc, undefined, { agentOnly: true });
			const { report, outcome } = await applyFlow(doc, sop, values, { mode, mapping, locate: locateOptions(mapping), signal: controller.signal, onLateFill });
			const held: Array<(o: ApplyOutcome) => ApplyOutcome> = [];
			holding = holdApplied(doc, report, {
				signal: controller.signal,
				locate: { ...locateOptions(mapping), mode },
				since,
				typing,
				carried,
				onOutcome: (update) => {
					if (!current) return void held.push(update);
					current = update(current);
					outcomeListeners.emit(current);
				},
			});
			applied.push({ sop, report });
			outcome.id = id;
			if (previous) outcome.replaced = previous.title;
			outcome.notDone.unshift(...undoneFirst.map((why) => ({ what: 'Desfazer o SOP anterior', why })));
			current = early.reduce((o, [done, notDone, remaining]) => withLateFill(o, done, notDone, remaining), outcome);
			const settling: ApplyOutcome = { ...current, settling: true };
			current = held.reduce((o, update) => update(o), settling);
			return current;
		}),
		undo: () =>
			serialise(async (): Promise<UndoOutcome> => {
				const base: UndoOutcome = { id: ++undos, restored: 0, problems: [], settling: false };
				const restoredWhat: string[] = [];
				restoring?.stop();
				// The report follows the hold of what was restored, as the apply's does: one report, updated.
				let current = base;
				let shown = false;
				for (let entry = applied.pop(); entry; entry = applied.pop()) {
					// What the undo carries across its own reload, held with the rest while Qualitor settles.
					const carried = snapshotAdditionalFields(doc, entry.report.journal, { agentOnly: true });
					const undone = await undoApply(entry.report);
					base.restored += undone.restored.length;
					restoredWhat.push(...undone.restored);
					base.problems.push(...undone.problems.map((p) => `${p.what}: ${p.why}`));
					current = { ...base, settling: true };
					restoring = holdRestored(doc, entry.report.journal, {
						signal: controller.signal,
						locate: locate(),
						since: Date.now(),
						carried,
						// Stopped (the next apply or undo, the agent changing Tipo/Categoria): final with what was judged so far.
						onUpdate: (result) => {
							current = withUndoHold({ ...base }, result, restoredWhat);
							if (shown) undoneListeners.emit(current);
						},
					});
				}
				shown = true;
				return current;
			}),
		canUndo: () => applied.length > 0,
		watchOutcome: (onChange) => outcomeListeners.add(onChange),
		watchKept: (onChange) => keptListeners.add(onChange),
		watchUndone: (onChange) => undoneListeners.add(onChange),
		useTitle: (text) => {
			const last = applied.at(-1);
			return last ? replaceTitle(doc, text, last.report, locate()) : false;
		},
		// What to ask the client counts only when entered in this visit, as in the save check.
		missingChecks: (sop) => [
			...findMissingChecks(doc, [...sop.checklist.verify, ...sop.checklist.tell], locate()),
			...findMissingChecks(doc, sop.checklist.ask, { ...locate(), enteredOnly: true }),
		].map((m) => m.item),
		saveCheck: (sop, confirmed) => entries(sop, confirmed).map(({ target: _, ...item }) => item),
		focusItem: (sop, key) => focusPageField(entries(sop, new Set()).find((e) => e.key === key)?.target() ?? null),
		focusField: (what) => focusPageField(findNamedField(doc, what, locate())),
		onSave(callback) {
			saveCallback = callback;
		},
	};
}

/** A field as the apply report names it: a standard field's name ("Categoria 2") or an additional field's label. */
function findNamedField(doc: Document, what: string, locate: LocateOptions): HTMLElement | null {
	const key = FIELD_KEYS.find((k) => FIELD_NAMES[k] === what);
	if (key) return findField(doc, key, locate)?.element ?? null;
	return findAdditionalField(doc, what, locate)?.element ?? null;
}

/** Calls `onChange` once the page has been still for `delayMs` after DOM changes; returns a stop function. */
function watchMutations(doc: Document, onChange: () => void, delayMs: number): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const view = doc.defaultView ?? globalThis;
	const observer = new view.MutationObserver(() => {
		clearTimeout(timer);
		timer = setTimeout(onChange, delayMs);
	});
	observer.observe(doc, { childList: true, subtree: true });
	return () => {
		observer.disconnect();
		clearTimeout(timer);
	};
}
