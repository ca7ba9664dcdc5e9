import { dispatchEdit } from './events.ts';
import { isEditable, isSelect } from './fillable.ts';
import type { Recorder } from './journal-types.ts';
import { normalize } from './normalize.ts';
import { isPlaceholder } from './placeholder.ts';

export { isPlaceholder } from './placeholder.ts';

export type SelectOutcome =
	| { kind: 'selected'; text: string }
	| { kind: 'already'; text: string }
	/**
	 * `options` are the texts a person could choose from, for the message; `ambiguous` the candidates
	 * when more than one fits (then nothing is chosen: never a guess).
	 */
	| { kind: 'missing-option'; wanted: string; options: string[]; ambiguous: string[] }
	| { kind: 'not-fillable' };

export interface SelectOptions {
	journal?: Recorder;
	label?: string;
	/** Journal group (e.g. the category cascade, which is undone level by level). */
	group?: string;
}

/**
 * Chooses the option whose visible text is `wanted` (trimmed, spaces collapsed, case and accents
 * ignored); else the option whose dotted full path ("Sistemas.Apoio.Relacionamento") ends with it; else
 * a unique option starting with it, then a unique option containing it. Two or more candidates at the
 * first step that finds any: nothing is chosen, they are returned as `ambiguous`. Fires `input` and
 * `change` so inline and jQuery handlers run.
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
	// What the extension chose, before the page's handlers run (a hold re-asserts it when the page's late loads change it).
	options.journal?.noteWritten(select);
	dispatchEdit(select, { keys: false });
	return { kind: 'selected', text };
}

/** Whether `selectOption` would find `wanted` (one option, not ambiguous) in this select; chooses nothing. */
export function hasOption(select: HTMLSelectElement, wanted: string): boolean {
	return 'option' in findOption(select, wanted);
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
	const wantedPath = segments(target);
	const byPath = usable.filter((o) => {
		const path = segments(normalize(o.text));
		return path.length > wantedPath.length && wantedPath.every((part, i) => path[path.length - wantedPath.length + i] === part);
	});
	if (byPath.length === 1 && byPath[0]) return { option: byPath[0] };
	if (byPath.length > 1) return { ambiguous: byPath.map((o) => o.text.trim()) };
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

/** The parts of a dotted full path ("sistemas.apoio.relacionamento"); one part for ordinary texts. */
function segments(folded: string): string[] {
	return folded.split(/\s*\.\s*/).filter((part) => part !== '');
}
