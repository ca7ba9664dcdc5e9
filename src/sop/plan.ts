import { templateVariables } from './template.ts';
import type { Sop } from './types.ts';

/** The texts a SOP writes into the form, its variables resolved; what could not be resolved is said. */
export interface FieldPlan {
	titulo?: string;
	descricao?: string;
	solucao?: string;
	/** Additional fields by label. */
	adicionais: Record<string, string>;
	/** Fields left out because every line of their template needs a value nobody gave. */
	skipped: { field: string; missing: string[] }[];
}

export type StandardTemplate = 'titulo' | 'descricao' | 'solucao';
export const STANDARD_TEMPLATES: readonly StandardTemplate[] = ['titulo', 'descricao', 'solucao'];

/** Every variable the SOP's templates use, in order of first appearance. */
export function sopVariables(sop: Sop): string[] {
	const all = [sop.templates.titulo, sop.templates.descricao, sop.templates.solucao, ...Object.values(sop.templates.adicionais)];
	return [...new Set(all.flatMap((t) => (t ? templateVariables(t) : [])))];
}

/**
 * Resolves a template for writing: a line that needs a value nobody gave is dropped rather than written
 * half-empty ("Telefone:  / "), and a template with no line left is not written at all.
 */
export function resolveTemplate(template: string, values: Readonly<Record<string, string | undefined>>): { text: string; missing: string[] } {
	const missing = new Set<string>();
	const lines: string[] = [];
	for (const line of template.split('\n')) {
		const need = templateVariables(line).filter((name) => !values[name]?.trim());
		if (need.length) {
			need.forEach((n) => missing.add(n));
			continue;
		}
		lines.push(line.replace(/\{([a-z][a-z0-9_]*)\}/g, (_, name: string) => values[name]!.trim()));
	}
	const text = lines
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
	return { text, missing: [...missing] };
}

export function planFields(sop: Sop, values: Readonly<Record<string, string | undefined>>): FieldPlan {
	const plan: FieldPlan = { adicionais: {}, skipped: [] };
	const resolve = (field: string, template: string): string | undefined => {
		const { text, missing } = resolveTemplate(template, values);
		if (!text) {
			plan.skipped.push({ field, missing });
			return undefined;
		}
		return text;
	};
	for (const key of STANDARD_TEMPLATES) {
		const template = sop.templates[key];
		const text = template && resolve(key, template);
		if (text) plan[key] = text;
	}
	for (const [label, template] of Object.entries(sop.templates.adicionais)) {
		const text = resolve(label, template);
		if (text) plan.adicionais[label] = text;
	}
	return plan;
}
