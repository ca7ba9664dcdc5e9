// Runs in every frame of every Qualitor page. Until a ticket form shows up it costs a few getElementById
// calls per batch of DOM mutations; the overlay (Preact, the SOPs, the search index) loads only then.
import { observe } from '../dom/observe.ts';
import { findTicketForm } from '../qualitor/detect.ts';

// The manifest and a run-time registration (self-hosted origins) may both inject this file into one frame;
// both run in the extension's isolated world, so a flag there (never in the page's DOM, where the page could
// pre-set it) keeps the second one idle.
const RUNNING = Symbol.for('qualitor-sop-assist.watcher');
type Flagged = typeof globalThis & { [RUNNING]?: boolean };

function start(): void {
	let stop: (() => void) | undefined;
	let found = false;
	stop = observe(
		document,
		() => findTicketForm(document)?.root ?? null,
		(form) => {
			if (!form || found) return;
			found = true;
			queueMicrotask(() => stop?.());
			import('./overlay.tsx')
				.then(({ mountOverlay }) => mountOverlay(document))
				.then((mounted) => {
					// Qualitor may have swapped the form while the overlay loaded: watch again for the next one.
					if (!mounted) start();
				})
				.catch((error: unknown) => console.warn('[SOP Assist] could not start the overlay:', error));
		},
	);
	if (found) stop();
}

try {
	const self = globalThis as Flagged;
	if (!self[RUNNING]) {
		self[RUNNING] = true;
		start();
	}
} catch (error) {
	// Whatever happens here must never break the Qualitor page.
	console.warn('[SOP Assist]', error);
}
