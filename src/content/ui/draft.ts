/** What the agent gave a SOP in this ticket: it survives going back to the list and reopening the SOP. */
export interface Draft {
	/** Values typed in the SOP's inputs, by variable name. */
	typed: Readonly<Record<string, string>>;
	/** Checklist keys ticked (`ask:0`): confirmed with the client. */
	ticked: readonly string[];
	/** The reply's recipient and greeting, when the agent changed them. */
	recipient?: string;
	saudacao?: string;
	/** The reply's text once the agent edited it. */
	reply?: string;
}

export const EMPTY_DRAFT: Draft = { typed: {}, ticked: [] };
