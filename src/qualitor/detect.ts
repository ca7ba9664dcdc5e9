import type { FormMode } from './fields.ts';

export interface TicketForm {
	mode: FormMode;
	/** The `<form>` holding the ticket's fields, or their closest common ancestor. */
	root: HTMLElement;
	/** The ids that gave the form away. */
	evidence: string[];
}

const MARKERS: Readonly<Record<FormMode, readonly string[]>> = {
	edit: ['dschamadochange', 'nmtitulochamadochange', 'cdtipochamadochange', 'cdcategoriachange1'],
	new: ['dschamado', 'nmtitulochamado', 'cdtipochamado', 'dsacaocorretiva'],
};

/**
 * Finds Qualitor's ticket form by its fields, not by the URL (URLs are obfuscated and frames vary).
 * Costs a handful of getElementById calls, so it can run on every mutation batch of any page. Two
 * markers are required so that a stray element with one of these ids elsewhere does not count.
 * Edit mode wins: an existing ticket shows the original fields as well as the `…change` ones.
 */
export function findTicketForm(doc: Document): TicketForm | null {
	for (const mode of ['edit', 'new'] as const) {
		const found = MARKERS[mode].map((id) => doc.getElementById(id)).filter((e): e is HTMLElement => e !== null);
		if (found.length >= 2) return { mode, root: commonRoot(doc, found), evidence: found.map((e) => e.id) };
	}
	return null;
}

function commonRoot(doc: Document, elements: HTMLElement[]): HTMLElement {
	const [first, ...rest] = elements;
	const form = first?.closest('form');
	if (form && rest.every((e) => form.contains(e))) return form;
	let ancestor: HTMLElement | null = first?.parentElement ?? null;
	while (ancestor && !rest.every((e) => ancestor!.contains(e))) ancestor = ancestor.parentElement;
	return ancestor ?? doc.body ?? doc.documentElement;
}
