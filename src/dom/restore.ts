import { dispatchEdit, setNativeValue } from './events.ts';
import { isCheckable, isSelect, isTextField } from './fillable.ts';
import type { JournalEntry, PriorState, UndoOptions, UndoReport, Writable } from './journal-types.ts';
import { normalize } from './normalize.ts';
import { isPlaceholder } from './placeholder.ts';

/** The recorded element if still on the page, else the one that now carries its id or name. */
export function findEntryElement(doc: Document, entry: JournalEntry): Writable | null {
	if (entry.element.isConnected) return entry.element;
	const candidates: Element[] = [];
	if (entry.id) {
		const byId = doc.getElementById(entry.id);
		if (byId) candidates.push(byId);
	} else if (entry.name) {
		candidates.push(...doc.getElementsByName(entry.name));
	}
	const found = candidates.find((c) => c.localName === entry.tag);
	return (found as Writable | undefined) ?? null;
}

/** Puts one field back to its recorded value, firing edit events only when something changes. */
export function restoreEntry(doc: Document, entry: JournalEntry, options: UndoOptions = {}): UndoReport {
	const element = findEntryElement(doc, entry);
	if (!element) {
		return { restored: [], problems: [{ what: entry.label, why: 'O campo não está mais na página.' }] };
	}
	const prior = entry.prior;
	if (prior.kind === 'check') {
		if (!isCheckable(element)) return problem(entry, 'O campo mudou de tipo.');
		if (element.checked === prior.checked) return { restored: [entry.label], problems: [] };
		if (!options.overwriteEdits && changedSinceWritten(entry, element)) {
			return problem(entry, 'Foi alterado depois de aplicar; não foi desfeito para não perder a escolha feita.');
		}
		element.checked = prior.checked;
		dispatchEdit(element, { keys: false });
		return { restored: [entry.label], problems: [] };
	}
	if (prior.kind === 'text') {
		if (!isTextField(element)) return problem(entry, 'O campo mudou de tipo.');
		if (element.value === prior.value) return { restored: [entry.label], problems: [] };
		if (!options.overwriteEdits && changedSinceWritten(entry, element)) {
			return problem(entry, 'Foi editado depois de aplicar; não foi desfeito para não perder o que foi digitado.');
		}
		setNativeValue(element, prior.value);
		dispatchEdit(element, { keys: true });
		return element.value === prior.value ? { restored: [entry.label], problems: [] } : problem(entry, 'A página recusou o valor anterior.');
	}
	if (!isSelect(element)) return problem(entry, 'O campo mudou de tipo.');
	const index = priorOptionIndex(element, prior);
	if (index === undefined) return problem(entry, `A opção anterior "${prior.text.trim()}" não existe mais.`);
	if (element.selectedIndex === index) return { restored: [entry.label], problems: [] };
	if (!options.overwriteEdits && changedSinceWritten(entry, element)) {
		return problem(entry, 'Foi alterado depois de aplicar; não foi desfeito para não perder a escolha feita.');
	}
	element.selectedIndex = index;
	dispatchEdit(element, { keys: false });
	return { restored: [entry.label], problems: [] };
}

/**
 * Whether a person changed the field after the apply left it as `written` records; always false when
 * nothing was noted. A gone select counts as showing no choice, like one back on its placeholder.
 */
export function changedSinceWritten(entry: JournalEntry, element: Writable | null): boolean {
	if (entry.written === undefined) return false;
	if (entry.prior.kind === 'check') return !isCheckable(element) || String(element.checked) !== entry.written;
	if (entry.prior.kind === 'select') return chosenText(isSelect(element) ? element : null) !== entry.written;
	return !isTextField(element) || element.value !== entry.written;
}

/** A select's choice as `written` keeps it: the option's folded text, '' for none or a placeholder. */
export function chosenText(select: HTMLSelectElement | null): string {
	const option = select?.options[select.selectedIndex];
	return option && !isPlaceholder(option) ? normalize(option.text) : '';
}

/** Option values can change when Qualitor re-renders a level, texts rarely: match both, then either. */
function priorOptionIndex(select: HTMLSelectElement, prior: Extract<PriorState, { kind: 'select' }>): number | undefined {
	if (prior.index < 0) return -1;
	const options = [...select.options];
	const text = normalize(prior.text);
	const found =
		options.find((o) => o.value === prior.value && normalize(o.text) === text) ??
		options.find((o) => normalize(o.text) === text) ??
		options.find((o) => o.value === prior.value && prior.value !== '');
	return found?.index;
}

function problem(entry: JournalEntry, why: string): UndoReport {
	return { restored: [], problems: [{ what: entry.label, why }] };
}
