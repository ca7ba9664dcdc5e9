// What the apply, the cascade and the carry report, and the limits of their waits: in a leaf file so the
// cascade, its undo and the carry of additional fields share them without importing one another.

export interface DoneItem {
	what: string;
	/** `replaced`: an administrator's untouched default gave way to the SOP's value. */
	outcome: 'filled' | 'appended' | 'replaced' | 'unchanged' | 'selected' | 'already';
	text?: string;
}

export interface NotDoneItem {
	what: string;
	/** In Portuguese, for the agent: what was not done and what to do. */
	why: string;
}

export interface Limits {
	timeoutMs: number;
	settleMs: number;
	signal?: AbortSignal | undefined;
}
