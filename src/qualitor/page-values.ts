import { normalizeLabel } from './labels.ts';

/** What the page can tell about the ticket, for template variables. Absent when the page does not show it. */
export interface PageValues {
	cliente?: string;
	contato?: string;
	/** The ticket's opening date as shown ("21/11/2026 10:42"). */
	dataAbertura?: string;
	/** The same, parsed (local time), when it reads as dd/mm/yyyy [hh:mm[:ss]]. */
	dataAberturaDate?: Date;
	/** Ticket number (`#label_cdchamado`), once the ticket exists. */
	numeroChamado?: string;
}

/** Reads cliente, contato, opening date and ticket number from the page. Only reads the DOM. */
export function readPageValues(doc: Document): PageValues {
	const values: PageValues = {};
	// An existing ticket shows them as text next to their labels instead of lookup fields.
	const cliente = lookupName(doc, 'cdcliente', ['nmcliente', 'dscliente']) ?? textNextToLabel(doc, ['Cliente']);
	if (cliente) values.cliente = cliente;
	const contato = lookupName(doc, 'cdcontato', ['nmcontato', 'dscontato']) ?? textNextToLabel(doc, ['Contato']);
	if (contato) values.contato = contato;
	const abertura = textOf(doc.getElementById('dtabertura')) || textNextToLabel(doc, ['Data de abertura', 'Abertura', 'Data abertura']);
	if (abertura) {
		values.dataAbertura = abertura;
		const date = parseBrazilianDate(abertura);
		if (date) values.dataAberturaDate = date;
	}
	const numero = clean(doc.getElementById('label_cdchamado')?.textContent ?? '') || clean(inputValue(doc.getElementById('cdchamado')));
	if (/\d/.test(numero)) values.numeroChamado = numero.replace(/^n[º°o.]*\s*/i, '');
	return values;
}

/**
 * The visible name of a lookup field: the select's chosen text, a text input's own value when it is
 * not just the code, or a name input/span next to it (the code itself usually sits in a hidden input).
 */
function lookupName(doc: Document, codeId: string, nameIds: readonly string[]): string | undefined {
	for (const id of nameIds) {
		const name = textOf(doc.getElementById(id));
		if (name) return name;
	}
	const code = doc.getElementById(codeId);
	if (!code) return undefined;
	const own = textOf(code);
	if (own && !/^\d+$/.test(own)) return own;
	for (let sibling = code.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
		// Another field's code (cdcontato after cdcliente) ends this field's neighbourhood.
		if (/^cd/i.test(sibling.id) || /^cd/i.test(sibling.getAttribute('name') ?? '')) break;
		const text = textOf(sibling);
		if (text && !/^\d+$/.test(text)) return text;
	}
	return undefined;
}

function textOf(element: Element | null | undefined): string {
	if (!element) return '';
	if (element.localName === 'select') {
		const select = element as HTMLSelectElement;
		const text = clean(select.options[select.selectedIndex]?.text ?? '');
		return select.value === '' ? '' : text;
	}
	if (element.localName === 'input') {
		const input = element as HTMLInputElement;
		return ['hidden', 'button', 'submit', 'reset', 'image', 'checkbox', 'radio', 'file'].includes(input.type) ? '' : clean(input.value);
	}
	if (element.localName === 'textarea') return clean((element as HTMLTextAreaElement).value);
	if (element.localName === 'button' || element.localName === 'script') return '';
	return clean(element.textContent ?? '');
}

function inputValue(element: Element | null): string {
	return element && 'value' in element ? String((element as HTMLInputElement).value) : '';
}

/** The text shown in the cell after a label cell ("Data de abertura:" | "21/11/2026 10:42"). */
function textNextToLabel(doc: Document, labels: readonly string[]): string | undefined {
	const wanted = new Set(labels.map(normalizeLabel));
	for (const cell of doc.querySelectorAll('td, th, label, .LABEL')) {
		if (cell.children.length > 2 || (cell.textContent?.length ?? 0) > 60) continue;
		if (!wanted.has(normalizeLabel(cell.textContent ?? ''))) continue;
		const target = cell.localName === 'label' && (cell as HTMLLabelElement).htmlFor ? doc.getElementById((cell as HTMLLabelElement).htmlFor) : cell.nextElementSibling;
		if (!target) continue;
		const controls = target.matches('input, textarea, select') ? [target] : [...target.querySelectorAll('input, textarea, select')];
		// A code next to its name ("1042" | "Cartório …"): the name is what a greeting needs.
		const text = controls.length ? controls.map(textOf).find((t) => t && !/^\d+$/.test(t)) : textOf(target);
		if (text) return text;
	}
	return undefined;
}

export function parseBrazilianDate(text: string): Date | undefined {
	const match = /(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\D+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
	if (!match) return undefined;
	const [, d, m, y, hh = '0', mm = '0', ss = '0'] = match;
	const date = new Date(Number(y), Number(m) - 1, Number(d), Number(hh), Number(mm), Number(ss));
	return date.getDate() === Number(d) && date.getMonth() === Number(m) - 1 ? date : undefined;
}

function clean(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}
