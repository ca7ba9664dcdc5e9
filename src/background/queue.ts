/** Runs tasks one at a time, in order; a failed task does not stop the ones after it. */
export function createQueue(): <T>(task: () => Promise<T>) => Promise<T> {
	let queue: Promise<unknown> = Promise.resolve();
	return <T>(task: () => Promise<T>) => {
		const next = queue.then(task, task);
		queue = next.catch(() => undefined);
		return next;
	};
}
