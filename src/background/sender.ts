/** Who sent a message, as far as the background's checks need it (`runtime.MessageSender`). */
export interface Sender {
	id?: string;
	url?: string;
	tab?: unknown;
}

/**
 * One of the extension's own pages (options, popup). Not `tab === undefined`: the options page opens in a
 * tab (`open_in_tab`), so its sender has a `tab` like a content script's.
 */
export function isExtensionPage(sender: Sender, extensionOrigin: string): boolean {
	return typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}
