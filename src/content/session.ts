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
	health(): FormHealth;
	/** Template variables the page gives (cliente, contato). */
	pageValues(): Record<string, string>;
	/**
	 * Applies a SOP; `typed` are the values the agent gave in the panel (the clock's and the page's are read
	 * at the moment of applying). Applies and undos run one after another, never interleaved.
	 */
	apply(sop: Sop, typed: Readonly<Record<string, string>>): Promise<ApplyOutcome>;
	undo(): Promise<UndoOutcome>;
	/** Whether an apply is there to undo (it outlives the panel's views). */
	canUndo(): boolean;
	/** Checklist items with a form check that the form does not satisfy now. */
	missingChecks(sop: Sop): ChecklistItem[];
	/** Called when the agent clicks Qualitor's save button (never blocked). */
	onSave(callback: () => void): void;
}

export interface FormHealth {
	found: number;
	expected: number;
	/** Names of expected fields not found, as agents call them. */
	missing: string[];
}

export interface ApplyOutcome {
	/** What was written, in the agent's words ("Categoria 2: Cartão"). */
	done: string[];
	notDone: { what: string; why: string }[];
	canUndo: boolean;
	/** Milliseconds of the extension's own work, excluding waits for Qualitor's AJAX. */
	workMs?: number;
}

export interface UndoOutcome {
	restored: number;
	problems: string[];
}
