// Node's own AbortController (the unit project's environment): node:events can count a signal's listeners.
import { getEventListeners, setMaxListeners } from 'node:events';
import { describe, expect, test } from 'vitest';
import { childController } from '../../src/dom/child-abort.ts';

const listenersOf = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

describe('childController', () => {
	test('aborts with its parent, with the parent’s reason; a child of an aborted parent is aborted at once', () => {
		const parent = new AbortController();
		const child = childController(parent.signal);
		const sibling = childController(parent.signal);
		expect(child.signal.aborted).toBe(false);
		child.abort();
		// Aborting a child leaves the parent and its other children alone.
		expect(parent.signal.aborted).toBe(false);
		expect(sibling.signal.aborted).toBe(false);
		const reason = new Error('form left');
		parent.abort(reason);
		expect(sibling.signal.aborted).toBe(true);
		expect(sibling.signal.reason).toBe(reason);
		expect(childController(parent.signal).signal.aborted).toBe(true);
		expect(childController().signal.aborted).toBe(false);
	});

	test('a child aborted on its own takes its listener off the parent: many children leave nothing behind', () => {
		const parent = new AbortController();
		for (let i = 0; i < 1000; i++) {
			const child = childController(parent.signal);
			// While the child lives, its listener is on the parent (what makes it abort with it).
			expect(listenersOf(parent.signal)).toBe(1);
			child.abort();
		}
		expect(listenersOf(parent.signal)).toBe(0);
		// Positive control: the hand-written child without the removal (what the helper replaces) leaks one listener per child.
		const leaky = new AbortController();
		setMaxListeners(2000, leaky.signal); // the leak is the point here: no warning for it
		for (let i = 0; i < 1000; i++) {
			const child = new AbortController();
			leaky.signal.addEventListener('abort', () => child.abort(), { once: true });
			child.abort();
		}
		expect(listenersOf(leaky.signal)).toBe(1000);
	});
});
