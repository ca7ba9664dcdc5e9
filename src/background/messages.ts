import browser, { type Runtime } from 'webextension-polyfill';
import { sops } from 'virtual:sop-library';
import { indexJson } from 'virtual:sop-index';
import { isMessage, type BundledLibrary } from '../messages.ts';
import type { StorageArea } from '../storage/area.ts';
import { registerOrigin, unregisterOrigin, type RegistrationApi } from './registration.ts';
import { answerUsageMessage } from './usage-messages.ts';

/** Messages the service worker answers; each checks who sent it before acting. */
export function listenForMessages(api: RegistrationApi, file: string, serialise: <T>(task: () => Promise<T>) => Promise<T>): void {
	browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
		if (sender.id !== browser.runtime.id) return undefined;
		const usage = answerUsageMessage(browser.storage.local as unknown as StorageArea, message, sender, { id: browser.runtime.id, origin: browser.runtime.getURL('') });
		if (usage) return usage;
		if (isMessage(message, 'sop-library')) {
			const library: BundledLibrary = { sops, indexJson };
			return Promise.resolve(library);
		}
		if (isMessage(message, 'open-options')) {
			// Our content script asks; opening our own options page is all it can cause.
			return browser.runtime.openOptionsPage().then(() => ({ ok: true }));
		}
		// Registration changes come only from the extension's own pages, never from a script inside a website.
		if (!isExtensionPage(sender)) return undefined;
		if (isMessage(message, 'installation-added')) {
			return serialise(() => registerOrigin(api, message.pattern, file)).then(({ injected }) => ({ ok: true, injected }));
		}
		if (isMessage(message, 'installation-removed')) {
			return serialise(() => unregisterOrigin(api, message.pattern)).then(() => ({ ok: true }));
		}
		return undefined;
	});
}

export function isExtensionPage(sender: Runtime.MessageSender): boolean {
	return typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
}
