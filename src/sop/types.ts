/** A Standard Operating Procedure as the extension uses it, after validation (see sops/README.md). */
export interface Sop {
	/** The file name without `.md`, e.g. `certificado-sem-cei`. */
	id: string;
	title: string;
	summary: string;
	/** The source document the SOP was written from (a seed file name or a URL). */
	source: string;
	/** Optional version label of the SOP text, e.g. `2021-11`. */
	version?: string;
	/** Words and phrases agents use for this problem. */
	keywords: string[];
	/** Variants agents also type: misspellings, unaccented forms, jargon. */
	synonyms: string[];
	/**
	 * The situations the SOP is for (any one is enough): the ticket must name one `objeto` (token, CEI…) and,
	 * when the situation lists states, one `estado` (em branco, sem CEI…), not negated. Absent in SOPs
	 * written before the key existed.
	 */
	situacao?: Situation[];
	/** Ticket-like texts that should suggest this SOP (search evidence, and `sops check` tries them). */
	exemplos?: string[];
	/** Near-miss situations: when the ticket describes one, the SOP is not suggested (optionally a hint). */
	naoConfundir?: NearMiss[];
	/** How the ticket is categorised in Qualitor; absent where the source gives none. */
	qualitor?: QualitorCategorisation;
	templates: Templates;
	/** Variables the templates use besides the built-in ones; the overlay asks the agent for them. */
	variables: VariableDef[];
	checklist: Checklist;
	escalation?: Escalation;
	sla: SlaEntry[];
	/**
	 * A reply to send the client (e-mail or chat), as a template: shown rendered and editable before
	 * applying, copied as plain text; templates may write it with `{resposta}`.
	 */
	resposta?: string;
	references: Reference[];
	/** The procedure as Markdown (untrusted when imported: render it safely). */
	body: string;
}

export interface Situation {
	objeto: string[];
	estado: string[];
}

export interface NearMiss {
	/** Short phrases of the near-miss situation, found in tickets like keyword phrases; any one is enough. */
	texto: string[];
	/** What to tell the agent instead, e.g. "PIN bloqueado → desbloqueio pelo SafeSign, não é este SOP". */
	dica?: string;
}

export interface QualitorCategorisation {
	tipo?: string;
	/** Category names, level 1 first; 1 to 3 of them. */
	categorias?: string[];
	prioridade?: string;
}

export interface Templates {
	titulo?: string;
	descricao?: string;
	/** Goes to "Descrição da solução" (`dsacaocorretiva`). */
	solucao?: string;
	/** Additional fields by their visible label, e.g. `"Descrição para subchamado"`, `"Encaminhar"`. */
	adicionais: Record<string, string>;
}

export interface VariableDef {
	name: string;
	label: string;
	/** Optional hint shown in the input. */
	placeholder?: string;
}

export interface ChecklistItem {
	text: string;
	/** What the overlay can verify in the form before saving. */
	check?: FormCheck;
}

export type FormCheck =
	| { kind: 'phones'; min: number }
	| { kind: 'email' }
	| { kind: 'field'; label: string };

export interface Checklist {
	/** Steps for the agent to follow / verify. */
	verify: ChecklistItem[];
	/** What to ask the client. */
	ask: ChecklistItem[];
	/** What to tell the client. */
	tell: ChecklistItem[];
}

export interface Escalation {
	/** Team the ticket is forwarded to, e.g. `Relacionamento`. */
	team: string;
	note?: string;
}

export interface SlaEntry {
	label: string;
	/** Deadline in minutes, counted from the ticket's opening. */
	minutes: number;
	/** When this deadline applies, e.g. `Defeito com paralisação`. */
	when?: string;
	/**
	 * Whose deadline it is when it is not ours to the client (`cartório`, `Suporte do MAPA`): shown as
	 * information, never counted down as ours.
	 */
	thirdParty?: string;
}

export interface Reference {
	title: string;
	url?: string;
}

/** Variables every template may use; the page or the clock gives them. */
export const BUILTIN_VARIABLES = ['saudacao', 'cliente', 'contato', 'data', 'hora'] as const;
export type BuiltinVariable = (typeof BUILTIN_VARIABLES)[number];
