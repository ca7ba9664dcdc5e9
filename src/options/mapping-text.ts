import type { Mapping } from '../storage/mappings.ts';

/**
 * The Mapeamento section edits each part as lines of `left = right`, which an administrator can paste
 * from a spreadsheet and read back at a glance. Aliases take several labels separated by `;`.
 */
export interface ParsedMapping {
	mapping: Mapping;
	/** `linha N: …` for every line not understood; nothing is saved while there are any. */
	errors: string[];
}

export function formatMapping(mapping: Mapping): { names: string; labelAliases: string; overrides: string } {
	return {
		names: lines(mapping.names, (v) => v),
		labelAliases: lines(mapping.labelAliases, (v) => v.join('; ')),
		overrides: lines(mapping.overrides, (v) => v),
	};
}

export function parseMapping(text: { names: string; labelAliases: string; overrides: string }): ParsedMapping {
	const errors: string[] = [];
	const names = parsePairs(text.names, 'Nomes', errors);
	const overrides = parsePairs(text.overrides, 'Localizadores', errors);
	for (const [field, locator] of Object.entries(overrides)) {
		if (!isLocator(locator)) errors.push(`Localizadores, "${field}": "${locator}" não é um id nem um seletor CSS válido.`);
	}
	const labelAliases: Record<string, string[]> = {};
	for (const [field, list] of Object.entries(parsePairs(text.labelAliases, 'Rótulos', errors))) {
		labelAliases[field] = list.split(';').map((s) => s.trim()).filter(Boolean);
	}
	return { mapping: { names, labelAliases, overrides }, errors };
}

function parsePairs(text: string, section: string, errors: string[]): Record<string, string> {
	const out: Record<string, string> = {};
	text.split('\n').forEach((raw, i) => {
		const line = raw.trim();
		if (!line || line.startsWith('#')) return;
		const at = line.indexOf('=');
		const left = at > 0 ? line.slice(0, at).trim() : '';
		const right = at > 0 ? line.slice(at + 1).trim() : '';
		if (!left || !right) {
			errors.push(`${section}, linha ${i + 1}: "${line}" — use o formato "nome = valor".`);
			return;
		}
		out[left] = right;
	});
	return out;
}

const lines = <T>(record: Readonly<Record<string, T>>, show: (v: T) => string) =>
	Object.entries(record)
		.map(([k, v]) => `${k} = ${show(v)}`)
		.join('\n');

/** An id (what `findField` tries first) or something `querySelector` accepts. */
function isLocator(locator: string): boolean {
	if (/^#?[A-Za-z][\w:.-]*$/.test(locator)) return true;
	try {
		document.createDocumentFragment().querySelector(locator);
		return true;
	} catch {
		return false;
	}
}
