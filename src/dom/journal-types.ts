// The undo journal's data shapes, in a leaf file: the journal, the restorer and the writers (fill,
// select-option) all use them without importing one another.

export type Writable = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export type PriorState =
	| { kind: 'text'; value: string }
	| { kind: 'select'; index: number; value: string; text: string }
	/** A radio button or checkbox: whether it was checked. */
	| { kind: 'check'; checked: boolean };

export interface JournalEntry {
	/** `#id`, or `tag[name=…]` when the element has no id, or '' with neither: how it is found again after a re-render. */
	readonly key: string;
	readonly id: string;
	readonly name: string;
	readonly tag: 'input' | 'textarea' | 'select';
	/**
	 * The element as it was when recorded; may have left the page since. A hold (`dom/hold.ts`) moves it to
	 * the element the page re-rendered in its place (`Journal.rebind`), keeping the prior value.
	 */
	element: Writable;
	/** How the field is called in messages ("Categoria 2"). */
	readonly label: string;
	readonly group: string | undefined;
	readonly prior: PriorState;
	/**
	 * What the apply left there, to notice a person's later edits: a text field's value, a select's
	 * `chosenText`, a radio's or checkbox's `checked` as "true"/"false". Undefined when not noted (no guard).
	 */
	written: string | undefined;
	/**
	 * What the extension's own last write left, in the form of `written`; unlike `written`, never taken from
	 * what the page shows after settling (`noteSelectsWritten`): what a hold re-asserts. Undefined: not written.
	 */
	wanted?: string | undefined;
}

export interface UndoProblem {
	what: string;
	why: string;
}

export interface UndoReport {
	restored: string[];
	problems: UndoProblem[];
}

export interface UndoOptions {
	signal?: AbortSignal;
	/** Restore fields and selects even when a person changed them after the apply (their change is lost). */
	overwriteEdits?: boolean;
}

/** Undoes a group of entries as a whole (the category cascade must go level 1 first, waiting for loads). */
export type GroupRestorer = (entries: readonly JournalEntry[], options: UndoOptions) => Promise<UndoReport>;

/** What a writer needs of the journal: note the prior value before a write, and what the write left. */
export interface Recorder {
	record(element: Writable, meta?: { label?: string | undefined; group?: string | undefined }): { entry: JournalEntry; created: boolean };
	forget(entry: JournalEntry): void;
	noteWritten(element: Writable): void;
}
