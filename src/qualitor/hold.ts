import { holdFields, valueOf, type EditTracker, type Hold, type HoldItem, type HoldResult } from '../dom/hold.ts';
import type { Journal, JournalEntry, Writable } from '../dom/journal.ts';
import { normalize } from '../dom/normalize.ts';
import { isPlaceholder } from '../dom/placeholder.ts';
import { findEntryElement } from '../dom/restore.ts';
import { isCheckable, isSelect, isTextField } from '../dom/fillable.ts';
import { CATEGORISATION_GROUP } from './cascade.ts';
import type { CarriedValue } from './carry.ts';
import { FIELD_NAMES, findAdditionalField, findField, isAdditional, type FieldKey, type LocateOptions } from './fields.ts';
import { labelOf } from './labels.ts';
import { isLoading } from './loading.ts';
import type { NotDoneItem } from './report-types.ts';

export type { Hold, HoldResult } from '../dom/hold.ts';

export interface HoldWritesOptions {
	/** The form session's lifecycle: the hold ends with it. */
	signal?: AbortSignal | undefined;
	/** `mode: 'read'` holds nothing (nothing is written in a read view). */
	locate?: LocateOptions | undefined;
	/**
	 * A person's additional-field values the apply (or a keeper) put back or found still there: held by
	 * label too, so a rebuild of the section after the carry does not take them away unnoticed.
	 */
	carried?: readonly CarriedValue[] | undefined;
	/** The person's edits tracked since before the hold began (`trackPersonEdits`): fields it has are theirs, not held; the hold listens through it. */
	typing?: EditTracker | undefined;
	/** Edits a person made since this time (`Date.now()`) are theirs (default: when the hold starts). */
	since?: number | undefined;
	quietMs?: number | undefined;
	maxMs?: number | undefined;
	maxRewrites?: number | undefined;
	onUpdate?: ((result: HoldResult) => void) | undefined;
	/** Items built elsewhere (`holdRestored`), held with the rest. */
	extra?: readonly HoldItem[] | undefined;
	/** After the hold, watch the held fields for the form's lifetime and hold again when the page re-renders or resets one (`holdFields`). */
	watchAfter?: boolean | undefined;
}

const STANDARD_NAMES: ReadonlySet<string> = new Set(Object.values(FIELD_NAMES));

/**
 * Qualitor's own late work after the extension wrote: `attribCategoria()` re-builds the "Campos adicionais"
 * section by its own request (with the administrator's defaults, with or without `#divLoading`), a late
 * `#divLoading` reloads the level after the cascade moved on, `getSeveridade()` sets Prioridade by a
 * request of its own. Holds everything the journal says the extension wrote (and the carried values) until
 * the form has been still for a second: what the page reset or re-rendered is written again, journalled so
 * that one Desfazer still gives back the form as it was before the apply (a re-rendered field keeps its
 * original prior value). Tipo and the category levels are only checked: choosing one again reloads the form.
 */
export function holdWrites(doc: Document, journal: Journal | undefined, options: HoldWritesOptions = {}): Hold {
	const locate = options.locate;
	const items: HoldItem[] = [...(options.extra ?? [])];
	if (locate?.mode !== 'read') {
		for (const entry of journal?.entries ?? []) {
			if (entry.wanted === undefined) continue;
			const element = findEntryElement(doc, entry);
			if (!element) continue; // gone before the hold began: the apply's report already says what it wrote
			items.push(fromEntry(doc, journal!, entry, element, locate));
		}
		for (const carried of options.carried ?? []) {
			if (items.some((item) => item.what === carried.label)) continue;
			const element = byLabel(doc, carried.label, locate, carried.kind === 'select' ? 'select' : undefined);
			if (!element || !shows(element, carried)) continue;
			items.push({
				what: carried.label,
				element,
				wanted: valueOf(element),
				rewrite: true,
				find: () => byLabel(doc, carried.label, locate, element.localName),
				// Journalled after the value is back: its prior is the person's value, so Desfazer leaves it.
				onRewritten: (el) => {
					journal?.record(el, { label: carried.label });
					journal?.noteWritten(el);
				},
			});
		}
	}
	const hold = holdFields(doc, items, {
		signal: options.signal,
		quietMs: options.quietMs,
		maxMs: options.maxMs,
		maxRewrites: options.maxRewrites,
		since: options.since,
		typing: options.typing,
		busy: () => isLoading(doc),
		canWrite: () => locate?.mode !== 'read',
		adopt: (element) => (locate?.mode === 'read' ? null : personsField(doc, element, locate)),
		ignore: (node) => (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('[data-sop-assist]') != null,
		onUpdate: options.onUpdate,
		watchAfter: options.watchAfter,
	});
	// The agent changing Tipo or a Categoria by hand takes the form over (the watch after the hold included): the keeper carries their text from there.
	const cascade = (target: EventTarget | null) => CASCADE.some((key) => findField(doc, key, locate)?.element === target);
	if (!hold.signal.aborted) doc.addEventListener('change', (event) => event.isTrusted && cascade(event.target) && hold.stop(), { capture: true, signal: hold.signal });
	return hold;
}

const CASCADE: readonly FieldKey[] = ['tipo', 'categoria1', 'categoria2', 'categoria3'];

/**
 * After an undo: the same late work (a level restored reloads the fields, `getSeveridade()` answers late)
 * may take back what the undo restored. Holds each restored value — the journal's prior, and the person's
 * additional-field values the undo carried across its own reload — while the form settles. Nothing is
 * journalled (the apply is gone); Tipo and the levels are left to the undo's own order.
 */
export function holdRestored(doc: Document, journal: Journal, options: HoldWritesOptions = {}): Hold {
	const locate = options.locate;
	const items: HoldItem[] = [];
	if (locate?.mode !== 'read') {
		for (const entry of journal.entries) {
			if (entry.wanted === undefined || (entry.group === CATEGORISATION_GROUP && entry.label !== FIELD_NAMES.prioridade)) continue;
			const element = findEntryElement(doc, entry);
			const wanted = priorValue(entry);
			// Only what the undo did give back: a field the person changed since the apply is theirs.
			if (!element || valueOf(element) !== wanted) continue;
			const item = fromEntry(doc, journal, entry, element, locate);
			items.push({ ...item, wanted, onRebind: undefined, onRewritten: undefined });
		}
	}
	return holdWrites(doc, undefined, { ...options, watchAfter: false, carried: options.carried?.filter((c) => !items.some((i) => i.what === c.label)), extra: items });
}

function priorValue(entry: JournalEntry): string {
	const prior = entry.prior;
	if (prior.kind === 'check') return String(prior.checked);
	if (prior.kind === 'text') return prior.value;
	return prior.index < 0 || isPlaceholder(prior) ? '' : normalize(prior.text);
}

function fromEntry(doc: Document, journal: Journal, entry: JournalEntry, element: Writable, locate: LocateOptions | undefined): HoldItem {
	const cascade = entry.group === CATEGORISATION_GROUP;
	// Only additional fields are looked for by label: a standard field keeps its id across re-renders.
	const additional = !cascade && !STANDARD_NAMES.has(entry.label) && !isCheckable(element);
	return {
		what: entry.label,
		element,
		wanted: entry.wanted!,
		rewrite: !cascade || entry.label === FIELD_NAMES.prioridade,
		find: () => findEntryElement(doc, entry) ?? (additional ? byLabel(doc, entry.label, locate, entry.tag) : null),
		onRebind: (el) => journal.rebind(entry, el),
		onRewritten: (el) => journal.noteWritten(el),
	};
}

/** An additional field a person typed in or chose from, held by its label with their value (never journalled). */
function personsField(doc: Document, element: Element, locate: LocateOptions | undefined): HoldItem | null {
	if (!isAdditional(element)) return null;
	if (isCheckable(element) || !(isTextField(element) || isSelect(element))) return null;
	const what = labelOf(element);
	if (!what || byLabel(doc, what, locate, element.localName) !== element) return null;
	return { what, element, wanted: valueOf(element), rewrite: true, find: () => byLabel(doc, what, locate, element.localName) };
}

function byLabel(doc: Document, label: string, locate: LocateOptions | undefined, tag: string | undefined): Writable | null {
	const element = findAdditionalField(doc, label, locate)?.element ?? null;
	if (!element || isCheckable(element) || !(isTextField(element) || isSelect(element))) return null;
	return !tag || element.localName === tag ? element : null;
}

function shows(element: Writable, carried: CarriedValue): boolean {
	if (carried.kind === 'select') return isSelect(element) && valueOf(element) === normalize(carried.value);
	return isTextField(element) && element.value === carried.value;
}

/** The hold's losses as the report's "not done" items, in the agent's words. */
export function holdLosses(result: HoldResult): NotDoneItem[] {
	return result.lost.map(({ what, kind, shown, wanted }) => {
		const now = shown.trim() === '' ? 'vazio' : `"${shown}"`;
		if (kind === 'gone') {
			return { what, why: `"${what}" sumiu depois de aplicar (o Qualitor recarregou o formulário); o que estava nele era: "${wanted}". Confira antes de salvar.` };
		}
		if (kind === 'changed') return { what, why: `O Qualitor mudou "${what}" depois de aplicar (agora: ${now}); confira antes de salvar.` };
		return { what, why: `O Qualitor mudou "${what}" depois de aplicar e continuou mudando (agora: ${now}); confira antes de salvar.` };
	});
}
