interface LockManager {
	request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/**
 * A read-modify-write of one `storage.local` key, one at a time across the extension's pages: two options
 * tabs saving at once would otherwise each read the old list and the second write would drop the first's
 * change. Web Locks are shared by every page of the extension; where they are absent (unit tests, an old
 * browser) the task simply runs.
 */
export function withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
	const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
	return locks ? locks.request(`sop-assist:${key}`, task) : task();
}
