import { dispatchEdit } from './events.ts';
import { isEditable, isSelect } from './fillable.ts';
import type { Journal } from './journal.ts';
import { normalize } from './normalize.ts';

export type SelectOutcome =
	| { kind: 'selected'; text: string }
	| { kind: 'already'; text: string }
	/** `options` are the texts a person could choose from, for the message; `ambiguous` the near matches. */
	| { kind: 'missing-option'; wanted: string; options: string[]; ambiguous: string[] }
	| { kind: 'not-fillable' };

export interface SelectOptions {
	journal?: Journal;
	label?: string;
	/** Journal group (e.g. the category cascade, which is undone level by level). */
	group?: string;
}

/**
 * Chooses the option whose visible text is `wanted` (trimmed, spaces collapsed, case and accents
 * ignored); if no option matches exactly, a unique option starting with it, then a unique option
 * containing it. Fires `input` and `change` so inline and jQuery handlers run.
 */
export function selectOption(select: HTMLSelectElement, wanted: string, options: SelectOptions = {}): SelectOutcome {
	if (!isSelect(select) || !isEditable(select)) return { kind: 'not-fillable' };
	const match = findOption(select, wanted);
	if (!('option' in match)) {
		return { kind: 'missing-option', wanted, options: choosableTexts(select), ambiguous: match.ambiguous };
	}
	const text = match.option.text.trim();
	if (select.selectedIndex === match.option.index) return { kind: 'already', text };
	options.journal?.record(select, { label: options.label, group: options.group });
	select.selectedIndex = match.option.index;
	dispatchEdit(select);
	return { kind: 'selected', text };
}

function findOption(
	select: HTMLSelectElement,
	wanted: string,
): { option: HTMLOptionElement } | { ambiguous: string[] } {
	const target = normalize(wanted);
	const usable = [...select.options].filter((o) => !o.disabled);
	const exact = usable.find((o) => normalize(o.text) === target);
	if (exact) return { option: exact };
	if (target === '') return { ambiguous: [] };
	for (const test of [(t: string) => t.startsWith(target), (t: string) => t.includes(target)]) {
		const near = usable.filter((o) => test(normalize(o.text)));
		if (near.length === 1 && near[0]) return { option: near[0] };
		if (near.length > 1) return { ambiguous: near.map((o) => o.text.trim()) };
	}
	return { ambiguous: [] };
}

/** Option texts without placeholders such as "Selecione" or an empty first option. */
export function choosableTexts(select: HTMLSelectElement): string[] {
	return [...select.options].filter((o) => !isPlaceholder(o)).map((o) => o.text.trim());
}

export function isPlaceholder(option: Pick<HTMLOptionElement, 'text' | 'value' | 'index'>): boolean {
	const text = normalize(option.text).replace(/[-.:]/g, '').trim();
	if (text === '' || text === 'selecione' || text === 'selecione uma opcao' || text === 'escolha') return true;
	return option.value === '' && option.index === 0;
}
