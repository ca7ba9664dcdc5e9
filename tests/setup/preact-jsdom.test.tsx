// @vitest-environment jsdom
// The shared jsdom set-up (tests/setup/preact-jsdom.ts): Preact's after-paint work goes to jsdom's animation
// frames, which die with the window, not to a Node timer that would outlive it.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => vi.restoreAllMocks());

function Effect() {
	const [ran, setRan] = useState(false);
	useEffect(() => setRan(true), []);
	return <p>{ran ? 'effect ran' : 'rendered'}</p>;
}

test('a useEffect is scheduled without a Node timer, and still runs', async () => {
	const timers = vi.spyOn(globalThis, 'setTimeout');
	const root = document.createElement('div');
	document.body.append(root);
	render(<Effect />, root);
	expect(root.textContent).toBe('rendered');
	// Preact's default scheduling starts a 35 ms timer here; that timer is what fired after teardown.
	expect(timers).not.toHaveBeenCalled();
	timers.mockRestore();
	// Positive control: the effect runs (on the next animation frame) and re-renders.
	await vi.waitFor(() => expect(root.textContent).toBe('effect ran'));
	render(null, root);
	root.remove();
});
