// Runs in every frame of every Qualitor page. Until a ticket form shows up it costs a few getElementById
// calls per batch of DOM mutations; the overlay (Preact, the SOPs, the search index) loads only then.
import { observe } from '../dom/observe.ts';
import { findTicketForm } from '../qualitor/detect.ts';

const MARK = 'qualitorSopAssist';

function start(): void {
	// The manifest and a run-time registration (self-hosted origins) may both inject this file.
	const root = document.documentElement;
	if (!root || root.dataset[MARK]) return;
	root.dataset[MARK] = 'watching';
	let stop: (() => void) | undefined;
	let found = false;
	stop = observe(
		document,
		() => findTicketForm(document)?.root ?? null,
		(form) => {
			if (!form || found) return;
			found = true;
			queueMicrotask(() => stop?.());
			root.dataset[MARK] = 'loading';
			import('./overlay.tsx')
				.then(({ mountOverlay }) => mountOverlay(document))
				.then((mounted) => {
					// Qualitor may have swapped the form while the overlay loaded: watch again for the next one.
					if (!mounted) restart();
				})
				.catch((error: unknown) => console.warn('[SOP Assist] could not start the overlay:', error));
		},
	);
	if (found) stop();
}

function restart(): void {
	delete document.documentElement.dataset[MARK];
	start();
}

try {
	start();
} catch (error) {
	// Whatever happens here must never break the Qualitor page.
	console.warn('[SOP Assist]', error);
}
