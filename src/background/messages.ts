import browser, { type Runtime } from 'webextension-polyfill';
import { sops } from 'virtual:sop-library';
import { indexJson } from 'virtual:sop-index';
import { isMessage, type BundledLibrary } from '../messages.ts';
import type { StorageArea } from '../storage/area.ts';
import { unregisterOrigin, type RegistrationApi } from './registration.ts';
import { isExtensionPage } from './sender.ts';
import { answerUsageMessage } from './usage-messages.ts';

/** Messages the service worker answers; each checks who sent it before acting. */
export function listenForMessages(api: RegistrationApi, serialise: <T>(task: () => Promise<T>) => Promise<T>): void {
	browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
		if (sender.id !== browser.runtime.id) return undefined;
		const usage = answerUsageMessage(browser.storage.local as unknown as StorageArea, message, sender, { id: browser.runtime.id, origin: browser.runtime.getURL('') });
		if (usage) return usage;
		if (isMessage(message, 'sop-library')) {
			const library: BundledLibrary = { sops, indexJson };
			return Promise.resolve(library);
		}
		if (isMessage(message, 'open-options')) {
			// Our content script asks; opening our own options page, at the section asked for, is all it can cause.
			return browser.tabs.create({ url: optionsUrl(message.section) }).then(() => ({ ok: true }));
		}
		// Registration changes come only from the extension's own pages, never from a script inside a website.
		// (A grant registers through permissions.onAdded, whoever asked for it: one path.)
		if (!isExtensionPage(sender, browser.runtime.getURL(''))) return undefined;
		if (isMessage(message, 'installation-removed')) {
			return serialise(() => unregisterOrigin(api, message.pattern)).then(() => ({ ok: true }));
		}
		return undefined;
	});
}

/** The options page opened at one of its sections (their element ids); no permission needed for our own page. */
export function optionsUrl(section: string): string {
	const page = browser.runtime.getManifest().options_ui?.page ?? 'src/options/index.html';
	return browser.runtime.getURL(`${page}#${section}`);
}
