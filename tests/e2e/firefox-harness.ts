// Launches Firefox ESR with the Firefox build of the extension, the way an agent's Firefox would run it.
// Playwright cannot install add-ons into stock Firefox; Puppeteer can, over WebDriver BiDi.
import { randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../build/firefox-manifest.ts';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Host names of the fixture Qualitor (exact names: the pref takes no wildcards). Firefox has no --host-resolver-rules. */
export const FIXTURE_HOSTS = ['demo.qualitorsoftware.com'];

export interface FirefoxLaunchOptions {
	/** Built Firefox add-on (`npm run build:firefox`). */
	extensionDir?: string;
	/** Extra about:config prefs, e.g. to turn off the install-time host-permission grant. */
	prefs?: Record<string, string | number | boolean>;
	headless?: boolean;
}

export interface LaunchedFirefox {
	browser: Browser;
	/** `moz-extension://<uuid>`: pinned by pref, because Firefox otherwise draws a random one per profile. */
	extensionOrigin: string;
	close(): Promise<void>;
}

export async function launchFirefoxExtension(options: FirefoxLaunchOptions = {}): Promise<LaunchedFirefox> {
	const { extensionDir = process.env.FIREFOX_EXTENSION_DIR ?? 'dist-firefox', prefs = {}, headless = true } = options;
	const abs = resolve(extensionDir);
	await access(join(abs, 'manifest.json')).catch(() => {
		throw new Error(`No Firefox build at ${abs} (manifest.json missing): run \`npm run build:firefox\` or set FIREFOX_EXTENSION_DIR.`);
	});
	await access(FIREFOX_PATH).catch(() => {
		throw new Error(`No Firefox at ${FIREFOX_PATH}: \`apt-get install -y firefox-esr\` or set FIREFOX_PATH.`);
	});
	const uuid = randomUUID();
	const browser = await puppeteer.launch({
		browser: 'firefox',
		executablePath: FIREFOX_PATH,
		headless,
		extraPrefsFirefox: {
			// Resolves these names to loopback, as an agent's DNS resolves their Qualitor: the page URL keeps the
			// real host name, so the manifest's match patterns (not a loopback exception) decide injection.
			'network.dns.localDomains': FIXTURE_HOSTS.join(','),
			// The fixture is plain http; HTTPS-First would try https:// first and only slow each navigation.
			'dom.security.https_first': false,
			'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
			...prefs,
		},
	});
	try {
		// A temporary add-on, as about:debugging loads one; it goes with the profile when Firefox closes.
		const id = await browser.installExtension(abs);
		if (id !== GECKO_ID) throw new Error(`Firefox installed the add-on as ${id}, expected ${GECKO_ID}`);
	} catch (error) {
		await browser.close().catch(() => undefined);
		throw error;
	}
	let closed = false;
	return {
		browser,
		extensionOrigin: `moz-extension://${uuid}`,
		async close() {
			if (closed) return;
			closed = true;
			await browser.close().catch(() => undefined);
		},
	};
}

/** The text of the chosen option of a Qualitor `<select>` by id, or null when the select is absent. */
export const selectedText = (page: Page, id: string) =>
	page.evaluate((sel) => {
		const s = document.getElementById(sel) as HTMLSelectElement | null;
		return s ? (s.options[s.selectedIndex]?.text ?? '') : null;
	}, id);

/** Polls `read` until it returns a value `accept` likes, or throws with the last value seen. */
export async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000, what = 'condition'): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (accept(value)) return value;
		if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}
