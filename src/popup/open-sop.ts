import browser from 'webextension-polyfill';
import type { Client } from '../cert/client.ts';
import { ask, message, type Message } from '../messages.ts';

/** The request, with the client's CPF/CNPJ and name only when the certificate gave them. */
export function openSopMessage(id: string, client: Client): Message<'open-sop'> {
	return message('open-sop', { id, ...(client.cpfCnpj ? { cpfCnpj: client.cpfCnpj } : {}), ...(client.name ? { name: client.name } : {}) });
}

/**
 * Asks the content script in the active tab to open a SOP in its overlay. Resolves false when there is
 * no such tab or nobody answers in time: the popup then shows the steps itself.
 */
export async function openSopInActiveTab(id: string, client: Client = { cpfCnpj: null, name: null }, timeoutMs = 1500): Promise<boolean> {
	try {
		const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
		const tabId = tab?.id;
		if (tabId === undefined) return false;
		const { type: _type, ...body } = openSopMessage(id, client);
		const reply = await Promise.race([
			ask((m) => browser.tabs.sendMessage(tabId, m), 'open-sop', body).catch(() => undefined),
			new Promise<undefined>((resolve) => setTimeout(resolve, timeoutMs, undefined)),
		]);
		// A tab without our content script answers nothing; one with it answers, and may say it could not.
		return reply?.ok === true;
	} catch {
		return false;
	}
}
