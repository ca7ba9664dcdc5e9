import { findMissingChecks } from '../qualitor/checks.ts';
import { findAdditionalField, findField, type LocateOptions } from '../qualitor/fields.ts';
import type { Control } from '../qualitor/labels.ts';
import { findRequiredFields } from '../qualitor/required.ts';
import type { ChecklistItem, Sop } from '../sop/types.ts';
import type { SaveCheckItem } from './session.ts';

type ListName = 'verify' | 'ask' | 'tell';

interface Entry extends SaveCheckItem {
	/** The field the item is about, when there is one. */
	target: () => Control | HTMLElement | null;
}

/**
 * The save check's items: Qualitor's required fields, then the SOP items the form can verify (any list)
 * and everything the SOP says to ask the client. An item to ask counts only when the agent entered it
 * in the form during this visit or ticked it as confirmed: a value the registry already had does not.
 */
export function saveCheckEntries(doc: Document, sop: Sop | undefined, confirmed: ReadonlySet<string>, locate: LocateOptions): Entry[] {
	const entries: Entry[] = findRequiredFields(doc).map((field, i) => ({
		key: `required:${field.element.id || field.element.name || i}`,
		text: field.label,
		kind: 'required',
		done: field.filled,
		confirmable: false,
		target: () => field.element,
	}));
	if (!sop) return entries;
	for (const list of ['verify', 'ask', 'tell'] as const) {
		const items = sop.checklist[list];
		const checked = items.filter((item) => item.check);
		const missing = new Set(findMissingChecks(doc, checked, { ...locate, enteredOnly: list === 'ask' }).map((m) => m.item));
		items.forEach((item, i) => {
			if (!item.check && list !== 'ask') return;
			const key = `${list}:${i}`;
			entries.push({
				key,
				text: item.text,
				kind: 'sop',
				done: confirmed.has(key) || (item.check !== undefined && !missing.has(item)),
				confirmable: true,
				target: () => targetOf(doc, item, list, locate),
			});
		});
	}
	return entries;
}

/** Where the agent completes an item: its additional field, else Descrição. */
function targetOf(doc: Document, item: ChecklistItem, _list: ListName, locate: LocateOptions): Control | HTMLElement | null {
	const descricao = () => findField(doc, 'descricao', locate)?.element ?? null;
	switch (item.check?.kind) {
		case 'field':
			return findAdditionalField(doc, item.check.label, locate)?.element ?? null;
		case 'phones':
			return findAdditionalField(doc, 'Telefone', locate)?.element ?? descricao();
		case 'email':
			return findAdditionalField(doc, 'E-mail', locate)?.element ?? descricao();
		default:
			return null;
	}
}
