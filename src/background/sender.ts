/** Who sent a message, as far as the background's checks need it (`runtime.MessageSender`). */
export interface Sender {
	id?: string;
	url?: string;
	/** Chrome gives the sending frame's origin (content scripts, extension pages); Firefox does not. */
	origin?: string;
	tab?: { id?: number } | undefined;
	frameId?: number;
}

/** Who may send a message, as the handler table declares it. */
export type SenderKind =
	/** Our content script, in a tab, in a frame of a Qualitor origin it was granted: hosted or a registered installation. */
	| 'qualitor-content-script'
	/** One of the extension's own pages (options, popup). */
	| 'extension-page';

export interface Classified {
	kind: SenderKind;
	/** The tab a content script runs in (rate limits are per tab); undefined for a page without one (popup). */
	tabId?: number;
	/** For the log. */
	url: string;
}

const HOSTED = /^https?:\/\/([a-z0-9-]+\.)+qualitorsoftware\.com(:\d+)?$/;

/**
 * What the sender is, or undefined (refused): another extension, a web page (they cannot reach
 * `runtime.onMessage` without `externally_connectable`, but nothing is assumed), a content script in a frame of
 * an origin that is not a granted Qualitor. Not `tab === undefined` for extension pages: the options page
 * opens in a tab (`open_in_tab`), so its sender has a `tab` like a content script's.
 */
export async function classifySender(
	sender: Sender,
	self: { id: string; origin: string },
	isRegisteredOrigin: (origin: string) => Promise<boolean>,
): Promise<Classified | undefined> {
	if (sender.id !== self.id || typeof sender.url !== 'string') return undefined;
	const tabId = typeof sender.tab?.id === 'number' ? sender.tab.id : undefined;
	if (isExtensionPage(sender, self.origin)) return { kind: 'extension-page', url: sender.url, ...(tabId !== undefined ? { tabId } : {}) };
	if (tabId === undefined) return undefined;
	let origin: string;
	try {
		origin = sender.origin && sender.origin !== 'null' ? sender.origin : new URL(sender.url).origin;
	} catch {
		return undefined;
	}
	if (!/^https?:\/\//.test(origin)) return undefined;
	if (HOSTED.test(origin) || (await isRegisteredOrigin(origin))) return { kind: 'qualitor-content-script', tabId, url: sender.url };
	return undefined;
}

export function isExtensionPage(sender: Sender, extensionOrigin: string): boolean {
	return typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}
