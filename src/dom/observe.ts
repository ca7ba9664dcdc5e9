export interface ObserveOptions {
	/** Stops observing when aborted. */
	signal?: AbortSignal;
	/** Coalesce mutation records per animation frame (default, when available) or per microtask. */
	batch?: 'frame' | 'microtask';
}

/**
 * Keeps track of one element that may come and go (a ticket form loaded later, re-rendered or removed):
 * calls `onChange` with what `find` returns whenever that changes. `find` runs at most once per batch
 * of mutations, so it must only be cheap; an element that left the page is forgotten, not retained.
 * Returns a function that stops observing.
 */
export function observe<T extends Element>(
	root: Node,
	find: () => T | null,
	onChange: (found: T | null, previous: T | null) => void,
	options: ObserveOptions = {},
): () => void {
	const view = root.ownerDocument?.defaultView ?? (root as Document).defaultView ?? globalThis;
	const Observer = view.MutationObserver ?? globalThis.MutationObserver;
	const useFrame = options.batch !== 'microtask' && typeof view.requestAnimationFrame === 'function';
	let current: T | null = null;
	let scheduled = false;
	let stopped = false;

	const update = (): void => {
		scheduled = false;
		if (stopped) return;
		const previous = current;
		// Forget an element that left the page, so it is neither retained nor reported as still there.
		if (current && !current.isConnected) current = null;
		let next: T | null = null;
		try {
			next = find();
		} catch {
			next = null;
		}
		if (next === previous) return;
		current = next;
		onChange(next, previous);
	};
	const schedule = (): void => {
		if (scheduled || stopped) return;
		scheduled = true;
		if (useFrame) view.requestAnimationFrame(update);
		else queueMicrotask(update);
	};

	const observer = new Observer(schedule);
	observer.observe(root, { childList: true, subtree: true });
	const stop = (): void => {
		stopped = true;
		current = null;
		observer.disconnect();
		options.signal?.removeEventListener('abort', stop);
	};
	if (options.signal?.aborted) {
		stop();
		return stop;
	}
	options.signal?.addEventListener('abort', stop, { once: true });
	update();
	return stop;
}
