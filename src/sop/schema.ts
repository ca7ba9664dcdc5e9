import { z } from 'zod';
import { BUILTIN_VARIABLES } from './types.ts';

/**
 * The front matter a knowledge manager writes (sops/README.md documents it). Strict objects: an unknown
 * key is almost always a typo, and a typo silently ignored is a SOP that does not do what its author thinks.
 */

const text = (what: string) => z.string({ error: `expected ${what} (text)` }).trim().min(1, `${what} must not be empty`);
const textList = (what: string) => z.array(text(what), { error: `expected a list of ${what}` });

/** `24h`, `2 h`, `15min`, `15 min`, `30m`, `1d` → minutes. */
export function parseDeadline(value: string): number | undefined {
	const m = /^\s*(\d+(?:[.,]\d+)?)\s*(d|dias?|h|horas?|m|min|minutos?)\s*$/i.exec(value);
	if (!m) return undefined;
	const n = Number(m[1]!.replace(',', '.'));
	const unit = m[2]!.toLowerCase();
	const factor = unit.startsWith('d') ? 1440 : unit.startsWith('h') ? 60 : 1;
	return Math.round(n * factor);
}

const deadline = z
	.string({ error: 'expected a deadline such as 24h, 2h or 15min' })
	.transform((value, ctx) => {
		const minutes = parseDeadline(value);
		if (minutes === undefined || minutes <= 0) {
			ctx.addIssue({ code: 'custom', message: `"${value}" is not a deadline; write it like 24h, 2h or 15min` });
			return z.NEVER;
		}
		return minutes;
	});

const check = z.union(
	[
		z.literal('email').transform(() => ({ kind: 'email' as const })),
		z.strictObject({ phones: z.number().int().min(1).max(5) }).transform((c) => ({ kind: 'phones' as const, min: c.phones })),
		z.strictObject({ field: text('field label') }).transform((c) => ({ kind: 'field' as const, label: c.field })),
	],
	{ error: 'expected check: email, {phones: N} or {field: "<additional field label>"}' },
);

const checklistItem = z.union(
	[
		text('checklist item').transform((t) => ({ text: t })),
		z.strictObject({ text: text('checklist item'), check: check.optional() }),
	],
	{ error: 'expected a checklist item: text, or {text, check}' },
);

const variableName = z
	.string()
	.regex(/^[a-z][a-z0-9_]*$/, 'variable names are lowercase letters, digits and _ (e.g. telefone2)')
	.refine((n) => !(BUILTIN_VARIABLES as readonly string[]).includes(n), {
		message: `is a built-in variable (${BUILTIN_VARIABLES.join(', ')}); do not declare it`,
	});

const situation = z.strictObject(
	{
		objeto: textList('objeto phrases').min(1, 'list at least one object (what the ticket is about: token, CEI…)'),
		estado: textList('estado phrases').default([]),
	},
	{ error: 'expected a situation: {objeto: [...], estado: [...]}' },
);

export const frontMatterSchema = z.strictObject({
	title: text('title'),
	summary: text('summary'),
	source: text('source'),
	version: z.union([z.string(), z.number()]).transform(String).optional(),
	keywords: textList('keywords').min(1, 'list at least one keyword agents use'),
	synonyms: textList('synonyms').default([]),
	situacao: z.union([situation.transform((s) => [s]), z.array(situation).min(1, 'list at least one situation')], {
		error: 'expected a situation {objeto, estado} or a list of them',
	}).optional(),
	exemplos: textList('exemplos').default([]),
	nao_confundir: z
		.array(
			z.union(
				[
					text('near miss').transform((texto) => ({ texto: [texto] })),
					z.strictObject({
						texto: z.union([text('texto').transform((t) => [t]), textList('texto').min(1, 'list at least one phrase')], {
							error: 'expected texto: a phrase or a list of phrases',
						}),
						dica: text('dica').optional(),
					}),
				],
				{ error: 'expected a near miss: text, or {texto, dica}' },
			),
			{ error: 'expected a list of near misses' },
		)
		.default([]),
	qualitor: z
		.strictObject({
			tipo: text('tipo').optional(),
			categorias: textList('category names').min(1, 'expected 1 to 3 names').max(3, 'expected 1 to 3 names').optional(),
			prioridade: text('prioridade').optional(),
		})
		.optional(),
	templates: z
		.strictObject({
			titulo: text('titulo').optional(),
			descricao: text('descricao').optional(),
			solucao: text('solucao').optional(),
			adicionais: z.record(z.string().trim().min(1), z.union([z.string(), z.number()]).transform(String)).default({}),
		})
		.default({ adicionais: {} }),
	variables: z
		.array(
			z.strictObject({ name: variableName, label: text('label'), placeholder: z.string().optional() }),
			{ error: 'expected a list of {name, label}' },
		)
		.default([]),
	checklist: z
		.strictObject({
			verify: z.array(checklistItem).default([]),
			ask: z.array(checklistItem).default([]),
			tell: z.array(checklistItem).default([]),
		})
		.default({ verify: [], ask: [], tell: [] }),
	escalation: z.strictObject({ team: text('team'), note: z.string().optional() }).optional(),
	sla: z
		.array(z.strictObject({ label: text('label'), deadline, when: z.string().optional(), third_party: text('third_party').optional() }), {
			error: 'expected a list of {label, deadline}',
		})
		.default([]),
	resposta: text('resposta').optional(),
	references: z
		.array(
			z.union([text('reference').transform((title) => ({ title })), z.strictObject({ title: text('title'), url: z.string().optional() })]),
			{ error: 'expected a list of references' },
		)
		.default([]),
});

export type FrontMatter = z.output<typeof frontMatterSchema>;
