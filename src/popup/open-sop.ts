import browser from 'webextension-polyfill';
import type { Client } from '../cert/client.ts';
import { message, type Message } from '../messages.ts';

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
		if (tab?.id === undefined) return false;
		const reply = await Promise.race([
			browser.tabs.sendMessage(tab.id, openSopMessage(id, client)),
			new Promise((resolve) => setTimeout(resolve, timeoutMs, undefined)),
		]);
		// A tab without our content script answers nothing; one with it answers, and may say it could not.
		return reply !== undefined && reply !== null && (reply as { ok?: boolean }).ok !== false;
	} catch {
		return false;
	}
}
