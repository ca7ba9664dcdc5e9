// Launches real Chromium with the built extension, the way an agent's browser would load it.
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';

export interface LaunchOptions {
	/** Built extension directory (a crxjs `vite build` output). */
	extensionDir?: string;
	headless?: boolean;
	/** Resolve every *.qualitorsoftware.com name to 127.0.0.1, so fixture pages load under the hosted name. */
	hostMap?: boolean;
	/** Extra Chromium switches (e.g. a window size for `npm start`). */
	args?: string[];
	/** How long to wait for the extension's service worker before giving up. */
	workerTimeoutMs?: number;
	/** Page viewport; null lets a headed window size the page. Default: Playwright's 1280x720. */
	viewport?: { width: number; height: number } | null;
	/**
	 * Let Playwright close the browser on Ctrl+C/SIGTERM/SIGHUP (default true). A program that cleans up
	 * itself passes false: Playwright's handler exits the process before close() removes the profile.
	 */
	handleSignals?: boolean;
	/**
	 * The browser's UI language, which picks the extension's `_locales` (Debian's chromium-l10n must be
	 * installed for anything but en-US). Agents' browsers are in Brazilian Portuguese: the default.
	 */
	uiLanguage?: string;
}

export interface LaunchedExtension {
	context: BrowserContext;
	extensionId: string;
	serviceWorker: Worker;
	close(): Promise<void>;
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
	const {
		extensionDir = process.env.EXTENSION_DIR ?? 'dist',
		headless = true,
		hostMap = true,
		args = [],
		workerTimeoutMs = 15_000,
		viewport,
		handleSignals = true,
		uiLanguage = 'pt_BR',
	} = options;
	const abs = resolve(extensionDir);
	await access(join(abs, 'manifest.json')).catch(() => {
		throw new Error(`No built extension at ${abs} (manifest.json missing): run \`npm run build\` or set EXTENSION_DIR.`);
	});
	const userDataDir = await mkdtemp(join(tmpdir(), 'sop-assist-chromium-'));
	let context: BrowserContext | undefined;
	try {
		context = await chromium.launchPersistentContext(userDataDir, {
			executablePath: CHROMIUM_PATH,
			headless,
			// Headless Chromium ignores --lang; it takes the UI language from the environment.
			env: { ...process.env, LANGUAGE: uiLanguage, LANG: `${uiLanguage}.UTF-8` },
			...(viewport !== undefined ? { viewport } : {}),
			handleSIGINT: handleSignals,
			handleSIGTERM: handleSignals,
			handleSIGHUP: handleSignals,
			// Playwright adds --disable-extensions. Chromium 156 lets --disable-extensions-except win over it,
			// but not depending on that precedence keeps other Chromium versions working.
			ignoreDefaultArgs: ['--disable-extensions'],
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				`--disable-extensions-except=${abs}`,
				`--load-extension=${abs}`,
				// No port in the rule: the page URL keeps its own port, so the manifest's portless match pattern is what is tested.
				...(hostMap ? ['--host-resolver-rules=MAP *.qualitorsoftware.com 127.0.0.1'] : []),
				...args,
			],
		});
		const serviceWorker = await waitForServiceWorker(context, workerTimeoutMs);
		const extensionId = new URL(serviceWorker.url()).host;
		const ctx = context;
		let closed = false;
		return {
			context: ctx,
			extensionId,
			serviceWorker,
			async close() {
				if (closed) return;
				closed = true;
				await ctx.close().catch(() => undefined);
				await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
			},
		};
	} catch (error) {
		await context?.close().catch(() => undefined);
		await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
		throw error;
	}
}

async function waitForServiceWorker(context: BrowserContext, timeoutMs: number): Promise<Worker> {
	const isExtensionWorker = (w: Worker) => w.url().startsWith('chrome-extension://');
	const existing = context.serviceWorkers().find(isExtensionWorker);
	if (existing) return existing;
	return context
		.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: timeoutMs })
		.catch(() => {
			throw new Error(`The extension's service worker did not start within ${timeoutMs} ms (was the extension loaded?).`);
		});
}

export interface PageProblem {
	kind: 'pageerror' | 'console' | 'requestfailed';
	text: string;
	/** URL of the script, frame or request the problem came from. */
	url: string;
	/** Raised by an extension script (content script) rather than by the page's own code. */
	fromExtension: boolean;
}

/**
 * Records uncaught exceptions, console errors and failed requests of a page and all its frames
 * (Playwright reports frame errors on the page), so a test can assert "the page threw nothing".
 */
export function recordPageProblems(page: Page): { problems: PageProblem[]; stop(): void } {
	const problems: PageProblem[] = [];
	const onError = (error: Error) => {
		// Content-script exceptions surface here too; their stack names the chrome-extension:// script.
		const scriptUrl = /chrome-extension:\/\/[^\s)]+/.exec(error.stack ?? '')?.[0];
		problems.push({ kind: 'pageerror', text: `${error.name}: ${error.message}`, url: scriptUrl ?? page.url(), fromExtension: scriptUrl !== undefined });
	};
	const onConsole = (message: import('playwright-core').ConsoleMessage) => {
		if (message.type() !== 'error') return;
		const url = message.location().url || page.url();
		problems.push({ kind: 'console', text: message.text(), url, fromExtension: url.startsWith('chrome-extension://') });
	};
	const onFailed = (request: import('playwright-core').Request) =>
		problems.push({
			kind: 'requestfailed',
			text: request.failure()?.errorText ?? 'failed',
			url: request.url(),
			fromExtension: request.url().startsWith('chrome-extension://'),
		});
	page.on('pageerror', onError);
	page.on('console', onConsole);
	page.on('requestfailed', onFailed);
	return {
		problems,
		stop() {
			page.off('pageerror', onError);
			page.off('console', onConsole);
			page.off('requestfailed', onFailed);
		},
	};
}

export interface RecordedRequest {
	url: string;
	method: string;
	resourceType: string;
	/** URL of the frame that made the request; '' for service-worker or browser-initiated requests. */
	frameUrl: string;
	/** Whether the requesting frame is a page's main frame. */
	isMainFrame: boolean;
	/** Set when the request came from an extension service worker rather than a page. */
	fromServiceWorker: boolean;
}

/**
 * Records every request the context makes, pages and extension worker alike, so a test can prove
 * that nothing left the machine (e.g. `requests.every(r => isFixtureUrl(r.url))`).
 */
export function recordRequests(context: BrowserContext): { requests: RecordedRequest[]; stop(): void } {
	const requests: RecordedRequest[] = [];
	const onRequest = (request: import('playwright-core').Request) => {
		let frame: Frame | undefined;
		try {
			frame = request.frame();
		} catch {
			frame = undefined; // service-worker requests have no frame
		}
		requests.push({
			url: request.url(),
			method: request.method(),
			resourceType: request.resourceType(),
			frameUrl: frame?.url() ?? '',
			isMainFrame: frame ? frame.parentFrame() === null : false,
			fromServiceWorker: request.serviceWorker() !== null,
		});
	};
	context.on('request', onRequest);
	return { requests, stop: () => context.off('request', onRequest) };
}

/** True for URLs served by the fixture server (loopback or a mapped *.qualitorsoftware.com name) or by the extension itself. */
export function isLocalUrl(url: string): boolean {
	const { protocol, hostname } = new URL(url);
	if (protocol === 'chrome-extension:' || protocol === 'data:' || protocol === 'blob:' || url === 'about:blank') return true;
	return hostname === '127.0.0.1' || hostname === 'localhost' || hostname.endsWith('.qualitorsoftware.com');
}

/**
 * URLs of the frames of `page` in which the extension has a content-script world. Proves the manifest's
 * match patterns covered the page without relying on anything the content script draws.
 */
export async function contentScriptFrames(page: Page, extensionId: string): Promise<string[]> {
	const cdp = await page.context().newCDPSession(page);
	try {
		const frameIds = new Set<string>();
		cdp.on('Runtime.executionContextCreated', ({ context }) => {
			const aux = context.auxData as { type?: string; frameId?: string } | undefined;
			if (aux?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}` && aux.frameId) frameIds.add(aux.frameId);
		});
		await cdp.send('Runtime.enable'); // replays every existing context as an event before it resolves
		const { frameTree } = await cdp.send('Page.getFrameTree');
		const urls: string[] = [];
		type Tree = typeof frameTree;
		const walk = (tree: Tree) => {
			if (frameIds.has(tree.frame.id)) urls.push(tree.frame.url);
			for (const child of tree.childFrames ?? []) walk(child);
		};
		walk(frameTree);
		return urls;
	} finally {
		await cdp.detach().catch(() => undefined);
	}
}

/** Polls contentScriptFrames until a frame whose URL contains `urlPart` has the content script. */
export async function waitForContentScript(page: Page, extensionId: string, urlPart: string, timeoutMs = 10_000): Promise<string[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const urls = await contentScriptFrames(page, extensionId);
		if (urls.some((u) => u.includes(urlPart))) return urls;
		if (Date.now() > deadline) throw new Error(`No content script of ${extensionId} in a frame matching "${urlPart}" within ${timeoutMs} ms; frames with it: ${JSON.stringify(urls)}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

/**
 * Where a test's screenshot goes: test-results/ normally; docs/screenshots/ (the README's pictures) when
 * run with UPDATE_SCREENSHOTS=1, so an ordinary test run leaves the work tree clean.
 */
export function screenshotPath(name: string): string {
	const dir = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results';
	mkdirSync(resolve(dir), { recursive: true });
	return resolve(dir, name);
}
