import { dispatchEdit, setNativeValue } from './events.ts';
import { isSelect, isTextField } from './fillable.ts';
import type { JournalEntry, PriorState, UndoOptions, UndoReport, Writable } from './journal.ts';
import { normalize } from './normalize.ts';

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
	if (prior.kind === 'text') {
		if (!isTextField(element)) return problem(entry, 'O campo mudou de tipo.');
		if (element.value === prior.value) return { restored: [entry.label], problems: [] };
		if (!options.overwriteEdits && entry.written !== undefined && element.value !== entry.written) {
			return problem(entry, 'Foi editado depois de aplicar; não foi desfeito para não perder o que foi digitado.');
		}
		setNativeValue(element, prior.value);
		dispatchEdit(element);
		return element.value === prior.value ? { restored: [entry.label], problems: [] } : problem(entry, 'A página recusou o valor anterior.');
	}
	if (!isSelect(element)) return problem(entry, 'O campo mudou de tipo.');
	const index = priorOptionIndex(element, prior);
	if (index === undefined) return problem(entry, `A opção anterior "${prior.text.trim()}" não existe mais.`);
	if (element.selectedIndex !== index) {
		element.selectedIndex = index;
		dispatchEdit(element);
	}
	return { restored: [entry.label], problems: [] };
}

/** Option values can change when Qualitor re-renders a level, texts rarely: match both, then either. */
export function priorOptionIndex(select: HTMLSelectElement, prior: Extract<PriorState, { kind: 'select' }>): number | undefined {
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
