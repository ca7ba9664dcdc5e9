/**
 * An "orphaned" content script: the extension was updated, reloaded or removed while the page stayed
 * open. Chromium then leaves the old script running with its extension APIs dead: `runtime.id` reads
 * undefined and every call throws or rejects with "Extension context invalidated".
 */
export function isOrphaned(): boolean {
	try {
		const g = globalThis as { chrome?: { runtime?: { id?: string } }; browser?: { runtime?: { id?: string } } };
		return !(g.chrome?.runtime?.id ?? g.browser?.runtime?.id);
	} catch {
		return true;
	}
}

export function isInvalidatedContext(error: unknown): boolean {
	return /extension context invalidated/i.test(error instanceof Error ? error.message : String(error));
}
