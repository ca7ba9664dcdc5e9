import { choosableTexts } from '../dom/select-option.ts';
import { waitFor, type WaitResult } from '../dom/wait.ts';

/** `#divLoading` exists (and shows) only while one of Qualitor's AJAX loads runs. */
export function isLoading(doc: Document): boolean {
	const indicator = doc.getElementById('divLoading');
	if (!indicator) return false;
	if (indicator.hidden) return false;
	const style = doc.defaultView?.getComputedStyle(indicator);
	return !(style && (style.display === 'none' || style.visibility === 'hidden'));
}

/** What a select looked like before a change that should reload it. */
export interface SelectSnapshot {
	element: HTMLSelectElement | null;
	options: string;
}

export function snapshotSelect(select: HTMLSelectElement | null): SelectSnapshot {
	return { element: select, options: select ? signature(select) : '' };
}

/** How long a level still showing its options from before the change may yet be reloaded by a late load. */
export const LATE_LOAD_MS = 2000;

/** The level is the very select, with the very options, it was before the change that should reload it. */
export function isStale(select: HTMLSelectElement, before: SelectSnapshot): boolean {
	return select === before.element && signature(select) === before.options;
}

function signature(select: HTMLSelectElement): string {
	return [...select.options].map((o) => `${o.value}\u0000${o.text}`).join('\u0001');
}

export interface LoadWait {
	timeoutMs: number;
	/** How long to trust an unchanged level when no loading indicator was ever seen. */
	settleMs: number;
	signal?: AbortSignal | undefined;
	what: string;
}

/**
 * Waits until `query()` gives an enabled select with real options (more than a placeholder), no load is
 * running, and - when `before` is given - the select is not the stale one from before the change:
 * a load was seen, the element was replaced, its options changed, or `settleMs` passed.
 */
export function waitForLevel(
	doc: Document,
	query: () => HTMLSelectElement | null,
	before: SelectSnapshot | null,
	options: LoadWait,
): Promise<WaitResult<HTMLSelectElement>> {
	return waitPastLoading(doc, options, (sawLoading, settled) => {
		const select = query();
		if (!select || select.disabled || choosableTexts(select).length === 0) return null;
		if (!before || sawLoading || select !== before.element || signature(select) !== before.options) return select;
		return settled ? select : null;
	});
}

/** Waits for the load a change started (if any) to finish. */
export function waitForQuiet(doc: Document, options: LoadWait): Promise<WaitResult<true>> {
	return waitPastLoading(doc, options, (sawLoading, settled) => (sawLoading || settled ? true : null));
}

/**
 * Waits (bounded) until no load is running and `ready` gives a value; `ready` learns whether a load was
 * seen since the wait began and whether `settleMs` has passed, to tell a finished load from none at all.
 */
function waitPastLoading<T>(doc: Document, options: LoadWait, ready: (sawLoading: boolean, settled: boolean) => T | null): Promise<WaitResult<NonNullable<T>>> {
	const started = Date.now();
	let sawLoading = false;
	return waitFor(
		() => {
			if (isLoading(doc)) {
				sawLoading = true;
				return null;
			}
			return ready(sawLoading, Date.now() - started >= options.settleMs);
		},
		{ root: doc, timeoutMs: options.timeoutMs, signal: options.signal, what: options.what, pollMs: 50 },
	);
}

export interface SettleWait {
	/** How long the form must stay unchanged, with no load running, to count as finished. */
	quietMs: number;
	/** Bound for loads that never end. */
	timeoutMs: number;
	signal?: AbortSignal | undefined;
	what: string;
}

/**
 * Waits until no load is running and either `complete()` holds (everything expected is there) or the
 * page has been quiet for `quietMs`: what has not arrived by then is not coming with this load. Loads
 * reset the quiet time, so a slow AJAX answer is waited for as long as it shows its indicator.
 */
export function waitForSettled(doc: Document, complete: () => boolean, options: SettleWait): Promise<WaitResult<'complete' | 'quiet'>> {
	let lastChange = Date.now();
	const view = doc.defaultView ?? globalThis;
	const Observer = view.MutationObserver ?? globalThis.MutationObserver;
	const observer = Observer ? new Observer(() => (lastChange = Date.now())) : undefined;
	observer?.observe(doc, { childList: true, subtree: true });
	return waitFor<'complete' | 'quiet'>(
		() => {
			if (isLoading(doc)) {
				lastChange = Date.now();
				return null;
			}
			if (complete()) return 'complete';
			return Date.now() - lastChange >= options.quietMs ? 'quiet' : null;
		},
		{ root: doc, timeoutMs: options.timeoutMs, signal: options.signal, what: options.what, pollMs: 50 },
	).finally(() => observer?.disconnect());
}
