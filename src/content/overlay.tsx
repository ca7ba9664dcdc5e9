import { render } from 'preact';
import browser from 'webextension-polyfill';
import css from './ui/overlay.css?inline';
import visuallyHidden from '../ui/visually-hidden.css?inline';
import { findTicketForm } from '../qualitor/detect.ts';
import { t } from '../ui/i18n.ts';
import { createFormSession } from './form-session.ts';
import { ask, isMessage } from '../messages.ts';
import { isOrphaned, isInvalidatedContext } from './orphan.ts';
import { setBundledLibrary } from './sop-library.ts';
import { Overlay, type OverlayApi } from './ui/Overlay.tsx';
import { loadSettings } from './settings.ts';
import { acceptTrustedEventsOnly } from './trusted-only.ts';
import { createUsageRecorder } from './usage.ts';

/**
 * The overlay's life in one frame, after the watcher saw a ticket form and imported this module:
 * - mounts in a CLOSED shadow root (the page can neither read it nor script it; untrusted events are
 *   dropped at the root) on a host that carries `data-sop-assist` (the E2E tests' contract);
 * - keeps its state in this module (the content script's isolated world), never in the page's DOM: a
 *   `[data-sop-assist]` element or a marker the page made changes nothing;
 * - when Qualitor re-renders `<body>`, puts the same host back: the panel, its report, "Desfazer" and the
 *   undo journal (in the form session) are all still there;
 * - when the form goes away, removes the overlay and every listener (the form session's AbortSignal) and
 *   waits for the next form; a form that comes and goes in a loop is mounted with a growing delay;
 * - retries (bounded, with backoff) when the service worker does not answer at mount, and says so if it
 *   finally fails;
 * - when the extension is updated or reloaded under the open page (orphaned content script), stops
 *   cleanly and tells the agent to reload the page, leaving the form as it is.
 * Everything that can fail is contained here: the Qualitor page must never see an exception from it.
 */

/** Delays (ms) between attempts to reach the service worker at mount: ~8 s in all. */
const MOUNT_RETRIES_MS = [250, 500, 1000, 2000, 4000];
/** How long one request to the service worker may take before it counts as unanswered. */
const ANSWER_TIMEOUT_MS = 4000;
/** How often a mounted overlay checks that the extension is still there (a property read). */
const ORPHAN_CHECK_MS = 1000;
/** A form that keeps coming back: mount delay doubles with each mount within this window, up to the maximum. */
const FLAP_WINDOW_MS = 10_000;
const FLAP_MAX_DELAY_MS = 5000;

interface Mounted {
	host: HTMLElement;
	container: HTMLElement;
	/** Aborted when this mount ends: removes the form session's listeners. */
	controller: AbortController;
	mode: string;
}

let running = false;
let mounted: Mounted | null = null;
let api: OverlayApi | undefined;
let stopped = false;
/** Starts of recent mounts, to slow down a form that appears and vanishes in a loop. */
const recentMounts: number[] = [];
let pendingMount: ReturnType<typeof setTimeout> | undefined;
let mounting = false;
/** Read once per page and kept: the SOPs and the installation's settings (changes arrive live). */
let ready: Promise<boolean> | undefined;
let stopSettings: (() => void) | undefined;
const cleanups: (() => void)[] = [];

const warn = (...args: unknown[]) => console.warn('[SOP Assist]', ...args);

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
		promise.then(
			(value) => (clearTimeout(timer), resolve(value)),
			(error: unknown) => (clearTimeout(timer), reject(error)),
		);
	});
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The SOP library from the service worker, retried while it sleeps or restarts; false when it never answered. */
async function loadLibrary(doc: Document): Promise<boolean> {
	for (let attempt = 0; ; attempt++) {
		if (stopped) return false;
		try {
			const library = await withTimeout(ask((m) => browser.runtime.sendMessage(m), 'sop-library', {}), ANSWER_TIMEOUT_MS);
			if (!library) throw new Error('empty answer');
			setBundledLibrary(library);
			break;
		} catch (error) {
			if (isOrphaned() || isInvalidatedContext(error)) return (orphan(doc), false);
			if (attempt >= MOUNT_RETRIES_MS.length) {
				warn('the extension did not answer:', error);
				return false;
			}
			await sleep(MOUNT_RETRIES_MS[attempt]!);
		}
	}
	// Imported SOPs and this installation's mapping before the first suggestion; later changes arrive live.
	stopSettings = await loadSettings(doc.location.origin).catch((error: unknown) => (warn('settings not read:', error), undefined));
	return true;
}

function makeHost(doc: Document): { host: HTMLElement; container: HTMLElement } {
	const host = doc.createElement('div');
	host.setAttribute('data-sop-assist', '');
	const shadow = host.attachShadow({ mode: 'closed' });
	// A trusted event reaching a stopped overlay is the first sign of an update under the page.
	acceptTrustedEventsOnly(shadow, () => !(isOrphaned() && (orphan(doc), true)));
	const style = doc.createElement('style');
	style.textContent = visuallyHidden + css;
	const container = doc.createElement('div');
	shadow.append(style, container);
	return { host, container };
}

const attach = (doc: Document, host: HTMLElement) => (doc.body ?? doc.documentElement).append(host);

/** A message in place of the panel (plain DOM: Preact and the extension's APIs may be gone). */
function showNotice(container: HTMLElement, text: string): void {
	const doc = container.ownerDocument;
	const aside = doc.createElement('aside');
	aside.className = 'panel right';
	aside.setAttribute('aria-label', 'SOP Assist');
	const body = doc.createElement('div');
	body.className = 'body';
	const p = doc.createElement('p');
	p.setAttribute('role', 'alert');
	p.setAttribute('data-notice', '');
	p.textContent = text;
	body.append(p);
	aside.append(body);
	container.replaceChildren(aside);
}

async function mount(doc: Document): Promise<void> {
	if (mounting || mounted || stopped) return;
	mounting = true;
	try {
		ready ??= loadLibrary(doc);
		const ok = await ready;
		if (stopped) return;
		if (!ok) {
			ready = undefined; // the next form may try again
			const { host, container } = makeHost(doc);
			showNotice(container, t('overlayStartFailed'));
			attach(doc, host);
			mounted = { host, container, controller: new AbortController(), mode: 'failed' };
			return;
		}
		const form = findTicketForm(doc);
		if (!form) return;
		const controller = new AbortController();
		const session = createFormSession(doc, controller.signal);
		if (!session) return;
		recentMounts.push(Date.now());
		const { host, container } = makeHost(doc);
		attach(doc, host);
		mounted = { host, container, controller, mode: form.mode };
		// The background is the usage record's only writer; it drops the events when recording is off.
		const usage = createUsageRecorder((events) =>
			ask((m) => browser.runtime.sendMessage(m), 'usage-events', { events }).catch((error: unknown) => {
				if (isInvalidatedContext(error)) orphan(doc);
				throw error;
			}),
		);
		render(<Overlay session={session} host={host} usage={usage} expose={(a) => (api = a)} />, container);
	} catch (error) {
		if (isOrphaned() || isInvalidatedContext(error)) orphan(doc);
		else warn('could not start the overlay:', error);
	} finally {
		mounting = false;
	}
}

function unmount(): void {
	if (!mounted) return;
	const { host, container, controller } = mounted;
	mounted = null;
	api = undefined;
	controller.abort();
	try {
		render(null, container);
	} catch (error) {
		warn(error);
	}
	host.remove();
}

/** The form is there and nothing is mounted: mount soon, later when the form keeps coming and going. */
function scheduleMount(doc: Document): void {
	if (pendingMount !== undefined || mounting || stopped) return;
	const now = Date.now();
	while (recentMounts.length && now - recentMounts[0]! > FLAP_WINDOW_MS) recentMounts.shift();
	const delay = recentMounts.length ? Math.min(100 * 2 ** recentMounts.length, FLAP_MAX_DELAY_MS) : 0;
	pendingMount = setTimeout(() => {
		pendingMount = undefined;
		// Still there after the wait? A form that vanished in the meantime costs nothing.
		if (findTicketForm(doc)) void mount(doc);
	}, delay);
}

/** Runs after each batch of DOM mutations (a few getElementById calls) and keeps the overlay in step. */
function check(doc: Document): void {
	if (stopped) return;
	if (isOrphaned()) return orphan(doc);
	const form = findTicketForm(doc);
	if (!form) {
		if (pendingMount !== undefined) (clearTimeout(pendingMount), (pendingMount = undefined));
		if (mounted && mounted.mode !== 'failed') unmount();
		return;
	}
	if (mounted) {
		if (mounted.mode !== 'failed' && mounted.mode !== form.mode) return unmount(), scheduleMount(doc);
		// <body> re-rendered: the same host (panel, report, Desfazer) goes back in.
		if (!mounted.host.isConnected) attach(doc, mounted.host);
		return;
	}
	scheduleMount(doc);
}

/**
 * The extension was updated, reloaded or removed while this page stayed open: nothing of it answers any
 * more. Stop every listener and timer, leave the form alone, and ask the agent to reload.
 */
function orphan(doc: Document): void {
	if (stopped) return;
	stopped = true;
	// Read before anything else can fail: i18n may already be gone, then the Portuguese text is used.
	let text: string;
	try {
		text = t('overlayOrphaned');
		if (text === 'overlayOrphaned') throw new Error('no message');
	} catch {
		text = ORPHANED_FALLBACK;
	}
	if (pendingMount !== undefined) clearTimeout(pendingMount);
	for (const cleanup of cleanups.splice(0)) {
		try {
			cleanup();
		} catch {
			// The extension's APIs may throw once the context is gone; there is nothing left to undo then.
		}
	}
	try {
		stopSettings?.();
	} catch {
		// as above
	}
	const current = mounted;
	if (current) {
		current.controller.abort();
		try {
			render(null, current.container);
		} catch {
			// Preact's cleanups may call dead extension APIs; the DOM below is replaced anyway.
		}
		showNotice(current.container, text);
		if (!current.host.isConnected) attach(doc, current.host);
	} else if (findTicketForm(doc)) {
		// Stopped before the overlay was on the page (e.g. while mounting): the form is here, so say it.
		const { host, container } = makeHost(doc);
		showNotice(container, text);
		attach(doc, host);
		mounted = { host, container, controller: new AbortController(), mode: 'failed' };
	}
}

/** Used when the extension's own strings can no longer be read (its context is gone). */
const ORPHANED_FALLBACK =
	'O SOP Assist foi atualizado ou reiniciado e parou nesta página. Recarregue a página (F5) para voltar a usá-lo; o que está no formulário não foi alterado, mas salve ou copie antes o que já digitou.';

/** Called once per frame by the watcher when a ticket form appeared. */
export function runOverlay(doc: Document): void {
	if (running) return;
	running = true;
	try {
		const view = doc.defaultView ?? window;
		let scheduled = false;
		const observer = new view.MutationObserver(() => {
			if (scheduled) return;
			scheduled = true;
			view.requestAnimationFrame(() => {
				scheduled = false;
				try {
					check(doc);
				} catch (error) {
					warn(error);
				}
			});
		});
		observer.observe(doc, { childList: true, subtree: true });
		cleanups.push(() => observer.disconnect());
		const timer = setInterval(() => isOrphaned() && orphan(doc), ORPHAN_CHECK_MS);
		cleanups.push(() => clearInterval(timer));
		const onMessage = (msg: unknown) => {
			// Only the frame that holds a ticket form answers; other frames stay silent.
			if (isMessage(msg, 'open-sop') && api?.open(msg.id, decodedValues(msg))) return Promise.resolve({ ok: true });
			return undefined;
		};
		browser.runtime.onMessage.addListener(onMessage);
		cleanups.push(() => browser.runtime.onMessage.removeListener(onMessage));
		check(doc);
	} catch (error) {
		if (isOrphaned() || isInvalidatedContext(error)) orphan(doc);
		else warn(error);
	}
}

/** What the decoder read from the certificate, as the SOP's variables: CPF/CNPJ with its mask, the name. */
function decodedValues(message: { cpfCnpj?: string; name?: string }): Record<string, string> {
	const out: Record<string, string> = {};
	const digits = message.cpfCnpj;
	if (digits?.length === 11) out.cpf_cnpj = digits.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4');
	else if (digits?.length === 14) out.cpf_cnpj = digits.replace(/^(\w{2})(\w{3})(\w{3})(\w{4})(\d{2})$/, '$1.$2.$3/$4-$5');
	if (message.name?.trim()) out.nome = message.name.trim();
	return out;
}
