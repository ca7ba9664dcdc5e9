import browser from 'webextension-polyfill';
import { message } from '../messages.ts';

/**
 * Asks the content script in the active tab to open a SOP in its overlay. Resolves false when there is
 * no such tab or nobody answers in time: the popup then shows the steps itself.
 */
export async function openSopInActiveTab(id: string, timeoutMs = 1500): Promise<boolean> {
	try {
		const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
		if (tab?.id === undefined) return false;
		const reply = await Promise.race([
			browser.tabs.sendMessage(tab.id, message('open-sop', { id })),
			new Promise((resolve) => setTimeout(resolve, timeoutMs, undefined)),
		]);
		// A tab without our content script answers nothing; one with it answers, and may say it could not.
		return reply !== undefined && reply !== null && (reply as { ok?: boolean }).ok !== false;
	} catch {
		return false;
	}
}
