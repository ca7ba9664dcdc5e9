export interface WaitOptions {
	/** Gives up after this long (default 5000 ms). */
	timeoutMs?: number;
	signal?: AbortSignal;
	/** Where changes are watched (default: the global document). */
	root?: Node;
	/** Polling interval, for changes a MutationObserver cannot see (default 100 ms). */
	pollMs?: number;
	/** What is awaited, in the agent's words, for the timeout message ("a Categoria 2"). */
	what?: string;
}

export type WaitResult<T> =
	| { ok: true; value: T; waitedMs: number }
	| { ok: false; reason: 'timeout' | 'aborted'; message: string; waitedMs: number };

/**
 * Resolves once `condition` returns something truthy, re-checking on every DOM change under `root`
 * and on a timer. Never rejects and never waits unbounded: a timeout or an abort is a result.
 */
export function waitFor<T>(
	condition: () => T | null | undefined | false,
	options: WaitOptions = {},
): Promise<WaitResult<NonNullable<T>>> {
	const { timeoutMs = 5000, signal, pollMs = 100, what = 'a página' } = options;
	const root = options.root ?? globalThis.document;
	const started = now();
	let lastError: unknown;
	const check = (): NonNullable<T> | undefined => {
		try {
			const value = condition();
			return value ? (value as NonNullable<T>) : undefined;
		} catch (error) {
			lastError = error;
			return undefined;
		}
	};
	if (signal?.aborted) return Promise.resolve(aborted(what, 0));
	const first = check();
	if (first !== undefined) return Promise.resolve({ ok: true, value: first, waitedMs: 0 });

	return new Promise((resolve) => {
		const view = root?.ownerDocument?.defaultView ?? (root as Document | undefined)?.defaultView ?? globalThis;
		const Observer = view.MutationObserver ?? globalThis.MutationObserver;
		let finished = false;
		const finish = (result: WaitResult<NonNullable<T>>): void => {
			if (finished) return;
			finished = true;
			observer?.disconnect();
			clearInterval(poll);
			clearTimeout(timer);
			signal?.removeEventListener('abort', onAbort);
			resolve(result);
		};
		const recheck = (): void => {
			const value = check();
			if (value !== undefined) finish({ ok: true, value, waitedMs: now() - started });
		};
		const onAbort = (): void => finish(aborted(what, now() - started));
		const observer = root && Observer ? new Observer(recheck) : undefined;
		observer?.observe(root as Node, { childList: true, subtree: true, attributes: true, characterData: true });
		const poll = setInterval(recheck, pollMs);
		const timer = setTimeout(() => {
			const value = check();
			if (value !== undefined) return finish({ ok: true, value, waitedMs: now() - started });
			const seconds = Math.round(timeoutMs / 100) / 10;
			const detail = lastError ? ` (${String(lastError)})` : '';
			finish({
				ok: false,
				reason: 'timeout',
				message: `Tempo esgotado (${seconds} s) esperando ${what}${detail}.`,
				waitedMs: now() - started,
			});
		}, timeoutMs);
		signal?.addEventListener('abort', onAbort, { once: true });
	});
}

function aborted(what: string, waitedMs: number): WaitResult<never> {
	return { ok: false, reason: 'aborted', message: `Cancelado enquanto esperava ${what}.`, waitedMs };
}

function now(): number {
	return globalThis.performance?.now() ?? Date.now();
}
