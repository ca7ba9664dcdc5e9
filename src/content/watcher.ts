// The content script that runs in every frame of every Qualitor page, built into ONE classic file without
// imports (build/content-watcher.ts): no module loader, no chunk requests before a ticket form appears.
// Until then it costs a few getElementById calls per batch of DOM mutations; the overlay module (Preact,
// the SOPs, the search index) is imported from the extension only then, and takes over from there.
import { observe } from '../dom/observe.ts';
import { findTicketForm } from '../qualitor/detect.ts';

/** Replaced at build time by the overlay module's file in the extension (a web-accessible ES module). */
declare const __SOP_ASSIST_OVERLAY_MODULE__: string;

interface Runtime {
	getURL(path: string): string;
	onMessage: { addListener(listener: (message: unknown, sender: unknown, respond: (reply?: unknown) => void) => true | undefined): void };
}
interface ExtensionGlobals {
	browser?: { runtime?: Runtime };
	chrome?: { runtime?: Runtime };
}
interface OverlayModule {
	onExecute(): void;
	onDiagnostic(message: unknown): Promise<unknown>;
}

// The manifest and a run-time registration (self-hosted origins) may both inject this file into one frame;
// both run in the extension's isolated world, so a flag there (never in the page's DOM, where the page could
// pre-set it) keeps the second one idle.
const RUNNING = Symbol.for('qualitor-sop-assist.watcher');
type Flagged = typeof globalThis & ExtensionGlobals & { [RUNNING]?: boolean };

/**
 * A sandboxed frame (iframe `sandbox` without allow-same-origin, or a CSP `sandbox`) has an opaque origin:
 * whatever it shows is not the agent's Qualitor session, and the extension's modules could not load there.
 */
function isSandboxed(win: { origin: string }): boolean {
	return win.origin === 'null';
}

function start(self: Flagged): void {
	const runtime = self.browser?.runtime ?? self.chrome?.runtime;
	if (!runtime) return;
	const overlay = () => import(/* @vite-ignore */ runtime.getURL(__SOP_ASSIST_OVERLAY_MODULE__)) as Promise<OverlayModule>;
	// The options page's "Diagnóstico do formulário" asks every frame, with a form or without one; the code
	// that answers (and checks the request) is in the overlay module, imported only then.
	runtime.onMessage.addListener((message, _sender, respond) => {
		if (!String((message as { type?: unknown } | null)?.type).startsWith('form-diagnostic')) return undefined;
		overlay()
			.then((module) => module.onDiagnostic(message))
			.then(respond, () => respond());
		return true;
	});
	let found = false;
	const stop = observe(
		document,
		() => findTicketForm(document)?.root ?? null,
		(form) => {
			if (!form || found) return;
			found = true;
			queueMicrotask(() => stop());
			overlay()
				.then((module) => module.onExecute())
				.catch((error: unknown) => console.warn('[SOP Assist] could not start the overlay:', error));
		},
	);
	if (found) stop();
}

try {
	const self = globalThis as Flagged;
	if (!self[RUNNING] && !isSandboxed(window)) {
		self[RUNNING] = true;
		start(self);
	}
} catch (error) {
	// Whatever happens here must never break the Qualitor page.
	console.warn('[SOP Assist]', error);
}
