import type { CategorisationPlan } from '../qualitor/cascade.ts';
import type { LocateOptions } from '../qualitor/fields.ts';
import { normalizeLabel } from '../qualitor/labels.ts';
import type { Mapping } from '../storage/mappings.ts';

/**
 * SOPs name categories as the knowledge base does; an installation may call them otherwise ("Cartão" is
 * "Cartão inteligente" there). Renames tipo, each categoria and prioridade before the cascade looks for
 * option texts; names without a mapping pass unchanged. Matching ignores case, accents and spacing.
 */
export function mapCategorisation(plan: CategorisationPlan | undefined, names: Readonly<Record<string, string>>): CategorisationPlan | undefined {
	if (!plan) return plan;
	const lookup = new Map(Object.entries(names).filter(([, to]) => to.trim()).map(([from, to]) => [normalizeLabel(from), to.trim()]));
	if (!lookup.size) return plan;
	const rename = (name: string | undefined) => (name === undefined ? undefined : (lookup.get(normalizeLabel(name)) ?? name));
	return {
		tipo: rename(plan.tipo),
		categorias: plan.categorias?.map((c) => rename(c)!),
		prioridade: rename(plan.prioridade),
	};
}

/** The installation's field locators in the shape `findField` / `applySop` take. */
export function locateOptions(mapping: Mapping): LocateOptions {
	return { overrides: mapping.overrides, labelAliases: mapping.labelAliases };
}
