import { isPlaceholder } from '../dom/placeholder.ts';
import type { ChecklistItem, FormCheck } from '../sop/types.ts';
import { findTicketForm } from './detect.ts';
import { findAdditionalField, type LocateOptions } from './fields.ts';

export interface CheckOptions {
	/**
	 * Count only what was entered in the form since the page rendered it: read-only fields (the contact's
	 * registry e-mail and phone) and values the page came with do not say the agent asked the client.
	 */
	enteredOnly?: boolean;
}

export interface MissingCheck {
	item: ChecklistItem;
	/** In Portuguese, for the agent. */
	why: string;
}

/**
 * The checklist items whose form check (`check`) the current form does not satisfy. Items without a
 * check are for the agent to confirm and are not returned. Only reads the DOM.
 */
export function findMissingChecks(doc: Document, items: readonly ChecklistItem[], options: LocateOptions & CheckOptions = {}): MissingCheck[] {
	const missing: MissingCheck[] = [];
	let text: string | undefined;
	const formText = (): string => (text ??= readFormText(doc, options.enteredOnly ?? false));
	for (const item of items) {
		if (!item.check) continue;
		const why = failure(doc, item.check, formText, options);
		if (why) missing.push({ item, why });
	}
	return missing;
}

function failure(doc: Document, check: FormCheck, formText: () => string, options: LocateOptions & CheckOptions): string | null {
	switch (check.kind) {
		case 'phones': {
			const count = findPhones(formText()).length;
			return count >= check.min
				? null
				: `${check.min === 1 ? 'Falta um telefone' : `Faltam telefones: ${count} de ${check.min}`} no chamado (campo Telefone ou descrição).`;
		}
		case 'email':
			return hasEmail(formText()) ? null : 'Falta um e-mail do cliente no chamado.';
		case 'field': {
			const located = findAdditionalField(doc, check.label, options);
			if (!located) return `O campo "${check.label}" não está no formulário (depende da categoria?).`;
			if (options.enteredOnly && !enteredText(located.element).trim() && located.element.localName !== 'select') return `O campo "${check.label}" não foi preenchido neste atendimento.`;
			return isFilled(located.element) ? null : `O campo "${check.label}" está vazio.`;
		}
	}
}

function isFilled(element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): boolean {
	if (element.localName !== 'select') return element.value.trim() !== '';
	const option = (element as HTMLSelectElement).options[(element as HTMLSelectElement).selectedIndex];
	return option !== undefined && !isPlaceholder(option);
}

/** The text of the form's text fields (additional fields and description included), one per line. */
function readFormText(doc: Document, enteredOnly: boolean): string {
	const root = findTicketForm(doc)?.root ?? doc.body ?? doc.documentElement;
	const fields = root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
		'textarea, input:not([type]), input[type=text], input[type=tel], input[type=email], input[type=search]',
	);
	return [...fields]
		.filter((f) => !enteredOnly || (!f.readOnly && !f.disabled))
		.map((f) => (enteredOnly ? enteredText(f) : f.value))
		.filter((v) => v.trim() !== '')
		.join('\n');
}

/** What a field holds beyond the value the page rendered it with (its `defaultValue`). */
function enteredText(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): string {
	if (field.localName === 'select') return '';
	const { value, defaultValue } = field as HTMLInputElement;
	if (!defaultValue) return value;
	if (value === defaultValue) return '';
	return value.startsWith(defaultValue) ? value.slice(defaultValue.length) : value;
}

// DDD (optionally +55, optionally in parentheses, optionally with a trunk 0), then 9xxxx-xxxx (mobile)
// or [2-8]xxx-xxxx (landline). Digits must not continue on either side: CPFs, CNPJs and protocol
// numbers are longer runs and are not phones.
const PHONE =
	/(?<![\d.-])(?:\+?55[\s.-]?)?(?:\(\s*0?(\d{2})\s*\)|0?(\d{2}))?[\s.-]?(9\d{4}|[2-8]\d{3})[\s.-]?(\d{4})(?!\d|[.-]\d)/g;

/** Distinct Brazilian phone numbers in `text`, as digits (DDD + number when the DDD is given). */
export function findPhones(text: string): string[] {
	const found: string[] = [];
	for (const match of text.matchAll(PHONE)) {
		const ddd = match[1] ?? match[2] ?? '';
		if (ddd && (ddd.startsWith('0') || ddd.endsWith('0'))) continue; // no Brazilian DDD looks like this
		found.push(`${ddd}${match[3]}${match[4]}`);
	}
	// "(11) 98765-4321" and "98765-4321" are the same number.
	const distinct = [...new Set(found)].sort((a, b) => b.length - a.length);
	return distinct.filter((phone, i) => !distinct.slice(0, i).some((longer) => longer.endsWith(phone)));
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

export function hasEmail(text: string): boolean {
	return EMAIL.test(text);
}
