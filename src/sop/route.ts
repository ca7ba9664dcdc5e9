import { resolveTemplate } from './plan.ts';
import { templateVariables } from './template.ts';
import type { Sop } from './types.ts';

/**
 * Where a variable's value belongs when the form has a field for it: the additional field with this label.
 * Several variables of one kind (telefone1, telefone2) go into the same field, joined.
 */
const ROUTES: readonly { label: string; matches: RegExp; join: string }[] = [
	{ label: 'Telefone', matches: /^(telefone|fone|celular)\d*$/, join: ' / ' },
	{ label: 'E-mail', matches: /^e_?mail\d*$/, join: ' / ' },
	{ label: 'CPF/CNPJ', matches: /^(cpf_cnpj|cpf|cnpj)$/, join: ' / ' },
	{ label: 'Nome', matches: /^nome$/, join: ' ' },
	{ label: 'Protocolo', matches: /^protocolo$/, join: ' / ' },
];

export interface Route {
	/** The additional field's label. */
	label: string;
	/** What goes into it. */
	text: string;
	/** The Descrição lines it replaces, resolved: written in Descrição when the form has no such field. */
	fallback: string;
}

export interface RoutedSop {
	/** The SOP with the routed lines taken out of its Descrição template. */
	sop: Sop;
	routes: Route[];
}

/**
 * Takes out of the SOP's Descrição the lines that only carry values the form has a field for (telefones,
 * e-mail, CPF/CNPJ, nome, protocolo), so that they go into those fields; each route keeps its lines to
 * write in Descrição when this form turns out not to have the field. A label the SOP already fills through
 * `adicionais` is left as the SOP wrote it.
 */
export function routeVariables(sop: Sop, values: Readonly<Record<string, string | undefined>>): RoutedSop {
	const descricao = sop.templates.descricao;
	if (!descricao) return { sop, routes: [] };
	const taken = new Set(Object.keys(sop.templates.adicionais).map((l) => l.toLowerCase()));
	const routeOf = (name: string) => ROUTES.find((r) => r.matches.test(name) && !taken.has(r.label.toLowerCase()));
	const kept: string[] = [];
	const moved = new Map<string, { names: string[]; lines: string[] }>();
	for (const line of descricao.split('\n')) {
		const names = templateVariables(line);
		const routes = new Set(names.map((n) => routeOf(n)?.label));
		const label = routes.size === 1 ? [...routes][0] : undefined;
		if (!label || names.length === 0) {
			kept.push(line);
			continue;
		}
		const entry = moved.get(label) ?? { names: [], lines: [] };
		entry.names.push(...names.filter((n) => !entry.names.includes(n)));
		entry.lines.push(line);
		moved.set(label, entry);
	}
	const routes: Route[] = [];
	for (const [label, { names, lines }] of moved) {
		const route = ROUTES.find((r) => r.label === label)!;
		const text = names.map((n) => values[n]?.trim()).filter(Boolean).join(route.join);
		if (!text) continue; // nothing given: the line is left out, as an unresolved line would be
		routes.push({ label, text, fallback: resolveTemplate(lines.join('\n'), values).text });
	}
	const rest = kept.join('\n').trim();
	const templates = { ...sop.templates };
	if (rest) templates.descricao = rest;
	else delete templates.descricao;
	return { sop: { ...sop, templates }, routes };
}
