import type { FormMode } from '../qualitor/fields.ts';
import type { ChecklistItem, Sop } from '../sop/types.ts';

/** What the overlay may do with the ticket form; the Qualitor specifics live behind it (form-session.ts). */
export interface FormSession {
	mode: FormMode;
	/** When the ticket was opened: from the page when it shows it, otherwise when the form was first seen. */
	openedAt: Date;
	openedAtKnown: boolean;
	/** Título + descrição + palavra-chave as typed. */
	readText(): string;
	/** Calls back (debounced) when the agent types in those fields; returns a function that stops it. */
	watchText(onChange: () => void): () => void;
	/** Calls back (debounced) when the agent edits any field of the form; returns a function that stops it. */
	watchForm(onChange: () => void): () => void;
	/** Calls back (debounced) when the form's fields may have changed (loads, re-renders); returns a stop function. */
	watchHealth(onChange: () => void): () => void;
	/** The form's skeleton as JSON (no client data), for "Copiar diagnóstico do formulário". */
	diagnostic(): string;
	/** Aborted when this form session ends (the form left or was replaced, the page hid, the extension went away). */
	signal: AbortSignal;
	health(): FormHealth;
	/** Template variables the page gives (cliente, contato). */
	pageValues(): Record<string, string>;
	/**
	 * Applies a SOP; `typed` are the values the agent gave in the panel (the clock's and the page's are read
	 * at the moment of applying). Applies and undos run one after another, never interleaved.
	 */
	apply(sop: Sop, typed: Readonly<Record<string, string>>): Promise<ApplyOutcome>;
	undo(): Promise<UndoOutcome>;
	/**
	 * Calls back with the last apply's report, updated, when SOP fields that arrived after it was shown
	 * were written (the same `id`); the session holds the one current report. Returns a stop function.
	 */
	watchOutcome(onChange: (outcome: ApplyOutcome) => void): () => void;
	/**
	 * Calls back after the agent changed Tipo or a Categoria by hand and Qualitor re-built the additional
	 * fields: which fields got the agent's text back, and which did not come back (with their text).
	 */
	watchKept(onChange: (result: KeptResult) => void): () => void;
	/** Calls back with the last undo's report, updated while its hold runs (the same `id`). Returns a stop function. */
	watchUndone(onChange: (outcome: UndoOutcome) => void): () => void;
	/** Writes the SOP's title over the agent's, as part of the last apply (Desfazer brings theirs back). */
	useTitle(text: string): boolean;
	/** Whether an apply is there to undo (it outlives the panel's views). */
	canUndo(): boolean;
	/** Checklist items with a form check that the form does not satisfy now. */
	missingChecks(sop: Sop): ChecklistItem[];
	/**
	 * What the save check lists: Qualitor's own required fields, then the SOP's checklist items that the
	 * form can verify or the agent must confirm. `confirmed` are the keys the agent ticked (`ask:0`).
	 */
	saveCheck(sop: Sop | undefined, confirmed: ReadonlySet<string>): SaveCheckItem[];
	/** Moves the focus to the field an item is about (scrolling it into view); false when there is none. */
	focusItem(sop: Sop | undefined, key: string): boolean;
	/** Moves the focus to a field the apply report names ("Categoria 2", "Telefone"); false when not found. */
	focusField(what: string): boolean;
	/**
	 * Called when the agent clicks Qualitor's save button, before Qualitor's own handler. Return true to
	 * hold the save; `proceed` runs Qualitor's own save once, unchanged.
	 */
	onSave(callback: (proceed: () => void) => boolean): void;
}

export interface SaveCheckItem {
	/** `required:<id>` for Qualitor's required fields, `<list>:<n>` (as the panel's ticks) for the SOP's items. */
	key: string;
	/** In the agent's words: the field's label, or the SOP's item. */
	text: string;
	kind: 'required' | 'sop';
	done: boolean;
	/** The agent can tick it as confirmed with the client (SOP items). */
	confirmable: boolean;
}

export interface FormHealth {
	found: number;
	expected: number;
	/** Names of expected fields not found, as agents call them. */
	missing: string[];
	/**
	 * `read-only`: an existing ticket's read view (open "Alterar dados" to apply); `loading`: Qualitor is
	 * loading or fields come later (Categoria 1 before a Tipo), not missing; `missing`: a field this form
	 * should have was not found; `ok`: all there.
	 */
	state: 'ok' | 'loading' | 'missing' | 'read-only';
}

/** A line of the apply report: in the agent's words, and the field it is about (to focus it). */
export interface ReportLine {
	text: string;
	/** The field's name as the report says it ("Categoria 2", "Telefone"); `focusField` finds it. */
	field: string;
}

/** The additional fields after a Tipo / Categoria change the agent made by hand. */
export interface KeptResult {
	/** Labels of the fields that got the agent's text back. */
	kept: string[];
	/** Fields that did not come back (or could not take the text back), in Portuguese, with the text. */
	lost: { what: string; why: string }[];
}

export interface ApplyOutcome {
	/** Which apply this report is about: an update for SOP fields that arrived later carries the same id. */
	id?: number;
	/** What was written, in the agent's words ("Categoria 2: Cartão"). */
	done: ReportLine[];
	notDone: { what: string; why: string }[];
	/** What the SOP offers instead of overwriting the agent's text: its title, when the agent typed one. */
	offers?: { titulo?: string };
	/** The SOP applied before, undone first (replace, don't stack). */
	replaced?: string;
	canUndo: boolean;
	/**
	 * Qualitor may still reset what was written (its own late loads): the apply holds the values while the
	 * form settles, and this report may still change (`watchOutcome`). False or absent once it is final.
	 */
	settling?: boolean;
	/** Milliseconds of the extension's own work, excluding waits for Qualitor's AJAX. */
	workMs?: number;
}

export interface UndoOutcome {
	/** Which undo this report is about: an update from its hold carries the same id. */
	id?: number;
	/** Fields back to what they were (once the hold ended: those that stayed so). */
	restored: number;
	problems: string[];
	/** Fields Qualitor's late work changed after the undo and that were written back (they hold now). */
	rewritten?: string[];
	/** Fields the undo gave back that did not stay (Qualitor kept changing one, or it is gone), in the agent's words. */
	notRestored?: { what: string; why: string }[];
	/** Qualitor may still change what was restored: the undo holds it while the form settles, this report may still change (`watchUndone`). */
	settling?: boolean;
}
