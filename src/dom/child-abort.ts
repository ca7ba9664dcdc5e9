/**
 * An AbortController that also aborts when `parent` does (at once when it already has). Its listener on
 * `parent` leaves as soon as the child is aborted on its own, so a long-lived parent (a form session)
 * does not collect one listener per short-lived child. `AbortSignal.any` would do this, but Chrome has it
 * only from 116 and the manifest's minimum is 111.
 */
export function childController(parent?: AbortSignal): AbortController {
	const child = new AbortController();
	if (!parent) return child;
	if (parent.aborted) child.abort(parent.reason);
	else parent.addEventListener('abort', () => child.abort(parent.reason), { once: true, signal: child.signal });
	return child;
}
