import { dispatchEdit, setNativeValue } from './events.ts';
import { isEditable, isTextField, type TextField } from './fillable.ts';
import type { Recorder } from './journal-types.ts';
import { inFieldFormat } from './masked.ts';

/**
 * `too-long`: the result would exceed the field's `maxlength`, which a person could not have typed.
 * `replaced`: the field held its untouched default, which the text took the place of (`replaceDefault`).
 */
export type FillOutcome = 'filled' | 'appended' | 'replaced' | 'unchanged' | 'not-fillable' | 'too-long';

export interface FillOptions {
	/** Records the field's prior value before it is written, so the write can be undone. */
	journal?: Recorder | undefined;
	/** How the field is called in messages ("Título"). */
	label?: string | undefined;
	/**
	 * The value the field was rendered with (`defaultValue`), when nobody changed it, is an administrator's
	 * default, not a person's text: the text replaces it instead of being appended to it.
	 */
	replaceDefault?: boolean | undefined;
}

/**
 * Writes `text` into a field without ever discarding what a person typed there: an empty field is
 * filled, a field holding other text gets `text` appended after a blank line (a space in one-line
 * inputs), a field that already contains `text` as a piece of its own (not inside a word) is left alone. The prior value is always kept as a
 * prefix of the new one, whitespace included (except an untouched default with `replaceDefault`).
 * Dates and numbers are written the way the field's mask shows them; then the page sees what typing fires.
 */
export function fill(field: TextField, text: string, options: FillOptions = {}): FillOutcome {
	if (!isTextField(field) || !isEditable(field)) return 'not-fillable';
	const wanted = asFieldWouldStore(field, inFieldFormat(field, text));
	const prior = field.value;
	const blank = prior.trim() === '';
	const replacing = !blank && options.replaceDefault === true && isUntouchedDefault(field);
	// A default that merely contains the text ("Não informado" holds "informado") is still replaced.
	if (replacing ? prior === wanted : holdsAsPiece(prior, wanted)) return 'unchanged';
	const next = blank ? prior + wanted : replacing ? wanted : prior + separatorAfter(field, prior) + wanted;
	if (field.maxLength >= 0 && next.length > field.maxLength) return 'too-long';
	const recorded = options.journal?.record(field, { label: options.label });
	setNativeValue(field, next);
	if (field.value !== next) {
		// The page refused the value (an input type that sanitises it away): leave things as they were.
		setNativeValue(field, prior);
		// An earlier write's record stays: its prior value is still what undo must give back.
		if (recorded?.created) options.journal?.forget(recorded.entry);
		return 'not-fillable';
	}
	dispatchEdit(field, { keys: true });
	// What the page's handlers left (a counter trims, a mask reformats) is what undo compares with.
	options.journal?.noteWritten(field);
	return blank ? 'filled' : replacing ? 'replaced' : 'appended';
}

/** The field shows exactly what it was rendered with: nobody typed in it. */
export function isUntouchedDefault(field: TextField): boolean {
	return field.value !== '' && field.value === field.defaultValue;
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * `prior` holds `wanted` not glued to a letter or digit on either side: "Sim" is in "Sim, ligou" but not
 * in "Simone". What an earlier fill wrote always sits after whitespace, so a second apply finds it.
 */
function holdsAsPiece(prior: string, wanted: string): boolean {
	if (wanted === '') return true;
	const glued = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && WORD.test(a) && WORD.test(b);
	for (let at = prior.indexOf(wanted); at >= 0; at = prior.indexOf(wanted, at + 1)) {
		const end = at + wanted.length;
		if (!glued(prior[at - 1], wanted[0]) && !glued(wanted.at(-1), prior[end])) return true;
	}
	return false;
}

/** Textareas store line breaks as "\n"; one-line inputs drop them. Compare with what will be stored. */
function asFieldWouldStore(field: TextField, text: string): string {
	return field.localName === 'textarea' ? text.replace(/\r\n?/g, '\n') : text.replace(/[\r\n]/g, '');
}

function separatorAfter(field: TextField, prior: string): string {
	if (field.localName !== 'textarea') return /\s$/.test(prior) ? '' : ' ';
	if (prior.endsWith('\n\n')) return '';
	return prior.endsWith('\n') ? '\n' : '\n\n';
}
