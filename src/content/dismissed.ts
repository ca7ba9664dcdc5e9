/**
 * SOPs the agent turned down ("Não é este") in one ticket form: not suggested again while that form
 * lives, even if the overlay is mounted again (same session object). A new ticket form starts empty.
 */
const bySession = new WeakMap<object, Set<string>>();

export function dismissedIn(session: object): Set<string> {
	let set = bySession.get(session);
	if (!set) bySession.set(session, (set = new Set()));
	return set;
}
