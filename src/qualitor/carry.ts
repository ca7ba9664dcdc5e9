import { fill, isUntouchedDefault } from '../dom/fill.ts';
import { isSelect, isTextField } from '../dom/fillable.ts';
import type { Journal } from '../dom/journal.ts';
import { changedSinceWritten } from '../dom/restore.ts';
import { isPlaceholder } from '../dom/placeholder.ts';
import { selectOption } from '../dom/select-option.ts';
import type { DoneItem, NotDoneItem } from './report-types.ts';
import { findAdditionalField, findAdditionalFields, type LocateOptions } from './fields.ts';
import { labelOf } from './labels.ts';
import { waitForSettled } from './loading.ts';

/** What a person had put in an additional field before a category change made Qualitor reload them. */
export interface CarriedValue {
	label: string;
	kind: 'text' | 'select';
	/** The text, or the chosen option's text. */
	value: string;
	/**
	 * The value the field was rendered with (an administrator's default, a ticket's saved value), not a
	 * person's: put back only into an empty field, never over what the field is rendered with now.
	 */
	rendered?: boolean;
}

const ADDITIONAL = '[id^="vlinformacaoadicional" i], [name^="vlinformacaoadicional" i]';

/** The additional fields of the form (`vlinformacaoadicional…`, any case). */
export function additionalControls(doc: Document): Array<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement> {
	return [...doc.querySelectorAll(ADDITIONAL)].filter((e) => isTextField(e) || isSelect(e)) as Array<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>;
}

/**
 * The non-empty additional fields of the form, by label. With the apply's journal, a field that still
 * shows exactly what the apply left there counts with its value from before the apply: the SOP's part
 * is left out, a person's later edit is kept whole. A value equal to what the field was rendered with
 * is marked `rendered`; `agentOnly` leaves such values out (an untouched default is nobody's text).
 */
export function snapshotAdditionalFields(doc: Document, journal?: Journal, options: { agentOnly?: boolean } = {}): CarriedValue[] {
	const carried: CarriedValue[] = [];
	for (const element of additionalControls(doc)) {
		const label = labelOf(element);
		if (!label || carried.some((c) => c.label === label)) continue;
		const entry = journal?.entryFor(element);
		const prior = entry && entry.written !== undefined && !changedSinceWritten(entry, element) ? entry.prior : undefined;
		let item: CarriedValue | undefined;
		if (isTextField(element)) {
			const value = prior?.kind === 'text' ? prior.value : element.value;
			if (value.trim() !== '') item = { label, kind: 'text', value, rendered: value === element.defaultValue };
		} else {
			const chosen = prior?.kind === 'select' ? prior : element.options[element.selectedIndex];
			if (chosen && chosen.index >= 0 && !isPlaceholder(chosen)) {
				const option = element.options[chosen.index];
				item = { label, kind: 'select', value: chosen.text.trim(), rendered: option ? isRenderedChoice(element, option) : false };
			}
		}
		if (item && !(options.agentOnly && item.rendered)) carried.push(item);
	}
	return carried;
}

/** The option the select was rendered with: marked `selected` in the markup, or the first when none is. */
function isRenderedChoice(select: HTMLSelectElement, option: HTMLOptionElement): boolean {
	return option.defaultSelected || (option.index === 0 && ![...select.options].some((o) => o.defaultSelected));
}

export interface CarryOptions {
	/** Journals each field put back with the carried value as its prior: undoing the apply keeps it. */
	journal?: Journal | undefined;
	/** Why a field may be gone, for the message (default "com a nova categoria"). */
	cause?: string | undefined;
	locate?: LocateOptions | undefined;
	timeoutMs: number;
	/** How long the form must stay quiet before a field that did not come back counts as gone (400 ms). */
	quietMs?: number | undefined;
	signal?: AbortSignal | undefined;
	/**
	 * The fields as they were before the change: a label still showing one of these has not been
	 * re-rendered yet, so the wait goes on (or until the form is quiet).
	 */
	stale?: ReadonlySet<Element> | undefined;
	/** Asked once the form has settled: when false, nothing is written and each value is listed instead. */
	shouldWrite?: (() => boolean) | undefined;
}

export interface CarryReport {
	done: DoneItem[];
	notDone: NotDoneItem[];
	waitMs: number;
}

/**
 * Qualitor empties the additional fields whenever a category level changes. Puts back what a person
 * had typed or chosen there, into the fields of the same label that came back empty or showing only
 * the default they are rendered with; when a field did not come back, says so with its text, so
 * nothing vanishes silently. A `rendered` value goes back only into an empty field.
 */
export async function carryAdditionalFields(doc: Document, carried: readonly CarriedValue[], options: CarryOptions): Promise<CarryReport> {
	const report: CarryReport = { done: [], notDone: [], waitMs: 0 };
	if (carried.length === 0) return report;
	const find = (label: string) => findAdditionalField(doc, label, options.locate)?.element;
	const labels = carried.map((c) => c.label);
	// Until all are back, or the form is quiet: a field the new category lacks is not waited for.
	const back = () => findAdditionalFields(doc, labels, options.locate).every((found) => found && !options.stale?.has(found.element));
	const wait = await waitForSettled(doc, back, {
		quietMs: options.quietMs ?? 400,
		timeoutMs: options.timeoutMs,
		signal: options.signal,
		what: 'os campos adicionais',
	});
	report.waitMs += wait.waitedMs;
	if (!wait.ok && wait.reason === 'aborted') return report; // the form left, or a newer change took over
	if (options.shouldWrite && !options.shouldWrite()) {
		for (const { label, value } of carried) {
			const element = find(label);
			const shown = isSelect(element) ? element.options[element.selectedIndex]?.text.trim() : element?.value;
			if (shown === value) continue;
			report.notDone.push({ what: label, why: `"${label}" foi recarregado pelo Qualitor durante outra alteração; o que estava nele era: "${value}". Confira e copie se ainda precisar.` });
		}
		return report;
	}
	for (const { label, kind, value, rendered } of carried) {
		const element = find(label);
		if (!element) {
			// What the page rendered (an untouched default, a saved value) was not typed in this visit: nothing to save.
			if (rendered) continue;
			report.notDone.push({ what: label, why: `"${label}" sumiu ${options.cause ?? 'com a nova categoria'}; o que estava nele era: "${value}". Copie se ainda precisar.` });
			continue;
		}
		if (kind === 'text' && isTextField(element)) {
			// A person's text gives way to nothing but an untouched default; anything else is not ours to touch.
			const onlyDefault = !rendered && isUntouchedDefault(element) && element.value !== value;
			if (element.value.trim() !== '' && !onlyDefault) continue;
			const outcome = fill(element, value, { label, replaceDefault: onlyDefault });
			if (outcome === 'filled' || outcome === 'replaced') {
				report.done.push({ what: label, outcome: 'filled', text: 'texto anterior mantido' });
				journalAsBefore(options.journal, element, label);
			} else report.notDone.push({ what: label, why: `Não foi possível devolver o texto de "${label}": "${value}".` });
		} else if (kind === 'select' && isSelect(element)) {
			const current = element.options[element.selectedIndex];
			const onlyDefault = !rendered && current !== undefined && isRenderedChoice(element, current) && current.text.trim() !== value;
			if (current && !isPlaceholder(current) && !onlyDefault) continue;
			const outcome = selectOption(element, value, { label });
			if (outcome.kind === 'selected' || outcome.kind === 'already') journalAsBefore(options.journal, element, label);
			else report.notDone.push({ what: label, why: `"${label}" estava como "${value}", opção que não existe na nova categoria.` });
		}
	}
	return report;
}

/**
 * Recorded after the value is back, so the prior is the person's value from before the apply, not the
 * empty field Qualitor reloaded: undo then leaves it (and what the SOP appends is undone down to it).
 */
function journalAsBefore(journal: Journal | undefined, element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, label: string): void {
	if (!journal) return;
	journal.record(element, { label });
	journal.noteWritten(element);
}
