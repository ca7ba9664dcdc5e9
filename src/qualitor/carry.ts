import { fill } from '../dom/fill.ts';
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
}

const ADDITIONAL = '[id^="vlinformacaoadicional"], [name^="vlinformacaoadicional"]';

/**
 * The non-empty additional fields of the form, by label. With the apply's journal, a field that still
 * shows exactly what the apply left there counts with its value from before the apply: the SOP's part
 * is left out, a person's later edit is kept whole.
 */
export function snapshotAdditionalFields(doc: Document, journal?: Journal): CarriedValue[] {
	const carried: CarriedValue[] = [];
	for (const element of doc.querySelectorAll(ADDITIONAL)) {
		if (!isTextField(element) && !isSelect(element)) continue;
		const label = labelOf(element);
		if (!label || carried.some((c) => c.label === label)) continue;
		const entry = journal?.entryFor(element);
		const prior = entry && entry.written !== undefined && !changedSinceWritten(entry, element) ? entry.prior : undefined;
		if (isTextField(element)) {
			const value = prior?.kind === 'text' ? prior.value : element.value;
			if (value.trim() !== '') carried.push({ label, kind: 'text', value });
		}
		if (isSelect(element)) {
			const option = prior?.kind === 'select' ? prior : element.options[element.selectedIndex];
			if (option && option.index >= 0 && !isPlaceholder(option)) carried.push({ label, kind: 'select', value: option.text.trim() });
		}
	}
	return carried;
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
}

export interface CarryReport {
	done: DoneItem[];
	notDone: NotDoneItem[];
	waitMs: number;
}

/**
 * Qualitor empties the additional fields whenever a category level changes. Puts back what a person
 * had typed or chosen there, into the fields of the same label that came back empty; when a field did
 * not come back, says so with its text, so nothing vanishes silently.
 */
export async function carryAdditionalFields(doc: Document, carried: readonly CarriedValue[], options: CarryOptions): Promise<CarryReport> {
	const report: CarryReport = { done: [], notDone: [], waitMs: 0 };
	if (carried.length === 0) return report;
	const find = (label: string) => findAdditionalField(doc, label, options.locate)?.element;
	const labels = carried.map((c) => c.label);
	// Until all are back, or the form is quiet: a field the new category lacks is not waited for.
	const wait = await waitForSettled(doc, () => findAdditionalFields(doc, labels, options.locate).every(Boolean), {
		quietMs: options.quietMs ?? 400,
		timeoutMs: options.timeoutMs,
		signal: options.signal,
		what: 'os campos adicionais',
	});
	report.waitMs += wait.waitedMs;
	for (const { label, kind, value } of carried) {
		const element = find(label);
		if (!element) {
			report.notDone.push({ what: label, why: `"${label}" sumiu ${options.cause ?? 'com a nova categoria'}; o que estava nele era: "${value}". Copie se ainda precisar.` });
			continue;
		}
		if (kind === 'text' && isTextField(element)) {
			if (element.value.trim() !== '') continue; // still there, or Qualitor filled it: not ours to touch
			const outcome = fill(element, value, { label });
			if (outcome === 'filled') {
				report.done.push({ what: label, outcome: 'filled', text: 'texto anterior mantido' });
				journalAsBefore(options.journal, element, label);
			} else report.notDone.push({ what: label, why: `Não foi possível devolver o texto de "${label}": "${value}".` });
		} else if (kind === 'select' && isSelect(element)) {
			const current = element.options[element.selectedIndex];
			if (current && !isPlaceholder(current)) continue;
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
