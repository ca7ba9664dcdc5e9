import type { TextField } from './fillable.ts';

// Qualitor's date and number fields are masked inputs (bots type dates key by key; numbers show pt-BR
// decimals such as "123,00"). A mask keeps a value already in its own format: write that format.

const HANDLERS = ['onkeypress', 'onkeyup', 'onkeydown', 'onblur', 'onchange', 'oninput', 'onfocus'];

/** What the page says about a field's kind: its class, handlers, placeholder, title. */
function hints(field: TextField): string {
	const parts = [field.className, field.getAttribute('placeholder') ?? '', field.getAttribute('title') ?? '', field.getAttribute('data-mask') ?? ''];
	for (const name of HANDLERS) parts.push(field.getAttribute(name) ?? '');
	return parts.join(' ');
}

const DATE_HINT = /data|date|calend|##\/##\/####|99\/99\/9999|dd\/mm/i;
const NUMBER_HINT = /numer|decimal|moeda|valor|money|currency|float|inteiro|#,##|9,99|0,00/i;

/** `text` as the field's mask would show it; unchanged when the field is not a date or number field. */
export function inFieldFormat(field: TextField, text: string): string {
	if (field.localName !== 'input') return text;
	const type = (field.getAttribute('type') ?? '').toLowerCase();
	const trimmed = text.trim();
	if (type === 'date') {
		const date = parseDate(trimmed);
		return date ? `${date.y}-${date.m}-${date.d}` : text;
	}
	if (type === 'number') {
		const number = parseNumber(trimmed);
		return number ? number.sign + number.int + (number.frac ? `.${number.frac}` : '') : text;
	}
	const hint = hints(field);
	if (DATE_HINT.test(hint) || (field.maxLength === 10 && /^\d{4}-\d{2}-\d{2}$/.test(trimmed))) {
		const date = parseDate(trimmed);
		if (date) return `${date.d}/${date.m}/${date.y}`;
	}
	if (NUMBER_HINT.test(hint)) {
		const number = parseNumber(trimmed);
		if (number) {
			const decimals = /[#90],([#90]+)/.exec(hint)?.[1]?.length;
			const frac = decimals === undefined ? number.frac : number.frac.padEnd(decimals, '0').slice(0, Math.max(decimals, number.frac.length));
			return number.sign + number.int + (frac ? `,${frac}` : '');
		}
	}
	return text;
}

function parseDate(text: string): { d: string; m: string; y: string } | null {
	let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
	let d: string | undefined;
	let m: string | undefined;
	let y: string | undefined;
	if (match) [, d, m, y] = match;
	else if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) [, y, m, d] = match;
	if (!d || !m || !y) return null;
	const date = new Date(Number(y), Number(m) - 1, Number(d));
	if (date.getDate() !== Number(d) || date.getMonth() !== Number(m) - 1) return null;
	return { d: d.padStart(2, '0'), m: m.padStart(2, '0'), y };
}

/** "1.234,56", "1234,56", "1234.56", "123": sign, integer digits and decimal digits. */
function parseNumber(text: string): { sign: string; int: string; frac: string } | null {
	const match = /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(text) ?? /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
	if (!match) return null;
	return { sign: match[1] === '-' ? '-' : '', int: match[2]!.replace(/\./g, ''), frac: match[3] ?? '' };
}
