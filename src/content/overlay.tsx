import { render } from 'preact';
import browser from 'webextension-polyfill';
import css from './ui/overlay.css?inline';
import visuallyHidden from '../ui/visually-hidden.css?inline';
import { createFormSession } from './form-session.ts';
import { ask, isMessage } from '../messages.ts';
import { setBundledLibrary } from './sop-library.ts';
import { Overlay, type OverlayApi } from './ui/Overlay.tsx';
import { loadSettings } from './settings.ts';
import { acceptTrustedEventsOnly } from './trusted-only.ts';
import { createUsageRecorder } from './usage.ts';

/**
 * The overlay currently on the page, kept in the content script's own (isolated-world) memory: nothing the
 * page can pre-set or read. A `[data-sop-assist]` element the page made itself changes nothing.
 */
let mounted: HTMLElement | null = null;

/**
 * Mounts the overlay in a CLOSED shadow root (the page can neither read it nor script it; untrusted events
 * are dropped at the root) on a host that carries `data-sop-assist` (the E2E tests' contract; they reach
 * inside through the DevTools protocol). Everything that can fail is contained here: the Qualitor page
 * must never see an exception from the extension.
 * Resolves to whether the overlay is on the page (it was already, or it was mounted now).
 */
export async function mountOverlay(doc: Document): Promise<boolean> {
	if (mounted?.isConnected) return true;
	setBundledLibrary(await ask(browser.runtime.sendMessage, 'sop-library', {}));
	// Imported SOPs and this installation's mapping before the first suggestion; later changes arrive live.
	await loadSettings(doc.location.origin).catch((error: unknown) => console.warn('[SOP Assist] settings not read:', error));
	if (mounted?.isConnected) return true;
	const session = createFormSession(doc);
	if (!session) return false;
	const host = doc.createElement('div');
	host.setAttribute('data-sop-assist', '');
	const shadow = host.attachShadow({ mode: 'closed' });
	acceptTrustedEventsOnly(shadow);
	const style = doc.createElement('style');
	style.textContent = visuallyHidden + css;
	const container = doc.createElement('div');
	shadow.append(style, container);
	(doc.body ?? doc.documentElement).append(host);
	mounted = host;

	let api: OverlayApi | undefined;
	// The background is the usage record's only writer; it drops the events when recording is off.
	const usage = createUsageRecorder((events) => ask(browser.runtime.sendMessage, 'usage-events', { events }));
	render(<Overlay session={session} host={host} usage={usage} expose={(a) => (api = a)} />, container);

	browser.runtime.onMessage.addListener((message: unknown) => {
		// Only the frame that holds a ticket form answers; other frames stay silent.
		if (isMessage(message, 'open-sop') && api?.open(message.id, decodedValues(message))) return Promise.resolve({ ok: true });
		return undefined;
	});
	return true;
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
