import { dispatchEdit, setNativeValue } from './events.ts';
import { isEditable, isTextField, type TextField } from './fillable.ts';
import type { Journal } from './journal.ts';

/** `too-long`: the result would exceed the field's `maxlength`, which a person could not have typed. */
export type FillOutcome = 'filled' | 'appended' | 'unchanged' | 'not-fillable' | 'too-long';

export interface FillOptions {
	/** Records the field's prior value before it is written, so the write can be undone. */
	journal?: Journal;
	/** How the field is called in messages ("Título"). */
	label?: string;
}

/**
 * Writes `text` into a field without ever discarding what a person typed there: an empty field is
 * filled, a field holding other text gets `text` appended after a blank line (a space in one-line
 * inputs), a field that already contains `text` is left alone. The prior value is always kept as a
 * prefix of the new one, whitespace included.
 */
export function fill(field: TextField, text: string, options: FillOptions = {}): FillOutcome {
	if (!isTextField(field) || !isEditable(field)) return 'not-fillable';
	const wanted = asFieldWouldStore(field, text);
	const prior = field.value;
	if (prior.includes(wanted)) return 'unchanged';
	const blank = prior.trim() === '';
	const next = blank ? prior + wanted : prior + separatorAfter(field, prior) + wanted;
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
	options.journal?.noteWritten(field);
	dispatchEdit(field);
	return blank ? 'filled' : 'appended';
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
