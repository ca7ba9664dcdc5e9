import { ask, isMessage, type FrameDiagnostic } from '../messages.ts';
import { HOSTED, originMatches } from '../origin/origin-pattern.ts';

/**
 * The options page's side of "Diagnóstico do formulário", without the `tabs` permission: `tabs.query` gives
 * tab ids (no URLs, except for origins the agent granted), and `tabs.sendMessage` reaches our content script.
 * 1. `form-diagnostic-probe` goes to every tab; in a tab where our watcher runs, every frame answers by
 *    sending a `form-diagnostic-report` to the extension's pages, which names its frame (`sender.frameId`)
 *    and URL, then answers the probe. A tab without our script refuses at once.
 * 2. "Copiar" asks that one frame (`frameId`) for the skeleton of its page at that moment.
 */
export interface DiagnosticsApi {
	/** `tabs.query({})`. */
	queryTabs(): Promise<Array<{ id?: number; url?: string }>>;
	/** `tabs.sendMessage`, to one frame when `frameId` is given, else to every frame of the tab. */
	send(tabId: number, message: unknown, frameId?: number): Promise<unknown>;
	/** Adds a `runtime.onMessage` listener to this page; returns a function that removes it. */
	listen(listener: (message: unknown, sender: ReportSender) => Promise<unknown> | undefined): () => void;
	/** The extension's id and the origin of its pages (`chrome-extension://id/`). */
	self: { id: string; origin: string };
}

export interface ReportSender {
	id?: string;
	url?: string;
	tab?: { id?: number };
	frameId?: number;
}

export interface FrameEntry {
	frameId: number;
	/** Host (with its port) and path of the frame's page; never its query. */
	host: string;
	path: string;
	report: FrameDiagnostic;
}

export interface TabEntry {
	tabId: number;
	/** `silent`: a Qualitor tab (its address is known, or our script took the probe) that did not answer. */
	status: 'answered' | 'silent';
	/** Of a silent tab whose address is known. */
	host?: string;
	/** The top frame first, then frames with a form, then the others. */
	frames: FrameEntry[];
}

export interface ScanState {
	tabs: TabEntry[];
	/** Every tab answered or gave up; reports that come later still update the list. */
	done: boolean;
}

export interface ScanOptions {
	/** How long a tab that took the probe may take to answer it. */
	probeTimeoutMs?: number;
	/** After every probe settled, how long other frames' reports are awaited before the scan counts as done. */
	graceMs?: number;
	/** `crypto.randomUUID` by default. */
	scanId?: string;
}

/** Whether a tab's address (known only for origins the agent granted) is a Qualitor one: hosted, or a listed installation. */
export function qualitorUrlTest(patterns: readonly string[]): (url: string) => boolean {
	return (url) => {
		let parsed: URL;
		try {
			parsed = new URL(url);
		} catch {
			return false;
		}
		if (!/^https?:$/.test(parsed.protocol)) return false;
		return HOSTED.test(parsed.hostname) || patterns.some((p) => originMatches(parsed.origin, p));
	};
}

const TIMEOUT = Symbol('timeout');

/** Starts a scan of every tab; `onChange` gets each new state. Returns a function that stops listening. */
export function scanForms(api: DiagnosticsApi, isQualitor: (url: string) => boolean, onChange: (state: ScanState) => void, options: ScanOptions = {}): () => void {
	const { probeTimeoutMs = 3000, graceMs = 800 } = options;
	const scan = options.scanId ?? crypto.randomUUID();
	const tabs = new Map<number, TabEntry>();
	const order: number[] = [];
	let done = false;
	let stopped = false;
	const emit = () => {
		if (stopped) return;
		const list = order.flatMap((id) => {
			const tab = tabs.get(id);
			return tab && (tab.frames.length || tab.status === 'silent' || done) ? [{ ...tab, frames: [...tab.frames].sort(byPlace) }] : [];
		});
		onChange({ tabs: list, done });
	};
	const entry = (tabId: number): TabEntry => {
		let tab = tabs.get(tabId);
		if (!tab) tabs.set(tabId, (tab = { tabId, status: 'answered', frames: [] }));
		if (!order.includes(tabId)) order.push(tabId);
		return tab;
	};
	const unlisten = api.listen((message, sender) => {
		if (!isMessage(message, 'form-diagnostic-report') || message.scan !== scan) return undefined;
		const tabId = sender.tab?.id;
		const where = placeOf(sender, api.self);
		if (typeof tabId !== 'number' || typeof sender.frameId !== 'number' || !where) return undefined;
		const tab = entry(tabId);
		tab.status = 'answered';
		tab.frames = [...tab.frames.filter((f) => f.frameId !== sender.frameId), { frameId: sender.frameId, ...where, report: message.frame }];
		emit();
		return Promise.resolve({ ok: true });
	});
	void (async () => {
		let list: Array<{ id?: number; url?: string }> = [];
		try {
			list = await api.queryTabs();
		} catch (error) {
			console.warn('[SOP Assist] tabs not listed:', error);
		}
		await Promise.all(
			list.map(async ({ id, url }) => {
				if (typeof id !== 'number') return;
				if (!order.includes(id)) order.push(id);
				let timer: ReturnType<typeof setTimeout> | undefined;
				const answer = await Promise.race([
					ask((m) => api.send(id, m), 'form-diagnostic-probe', { scan }).then(
						(reply) => reply.ok === true,
						() => false,
					),
					new Promise<typeof TIMEOUT>((resolve) => (timer = setTimeout(resolve, probeTimeoutMs, TIMEOUT))),
				]);
				clearTimeout(timer);
				const known = url !== undefined && isQualitor(url);
				if (answer === true) entry(id);
				// Our script took the probe and never answered, or a Qualitor tab (address known) has no live script.
				else if (answer === TIMEOUT || known) {
					const tab = entry(id);
					if (!tab.frames.length) tab.status = 'silent';
					if (known) tab.host = hostOf(url);
				}
				emit();
			}),
		);
		await new Promise((resolve) => setTimeout(resolve, graceMs));
		for (const tab of tabs.values()) if (!tab.frames.length) tab.status = 'silent';
		done = true;
		emit();
	})();
	return () => {
		stopped = true;
		unlisten();
	};
}

/** The frame's copy of its page's skeleton, as the JSON "Copiar diagnóstico do formulário" copies. */
export async function fetchSkeleton(api: DiagnosticsApi, tabId: number, frameId: number, timeoutMs = 5000): Promise<string> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const reply = await Promise.race([
		ask((m) => api.send(tabId, m, frameId), 'form-diagnostic', {}),
		new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no answer')), timeoutMs))),
	]).finally(() => clearTimeout(timer));
	const skeleton = (reply as { skeleton?: { format?: unknown } }).skeleton;
	if (!skeleton || skeleton.format !== 'qualitor-form-skeleton') throw new Error('not a skeleton');
	return JSON.stringify(skeleton, null, 2);
}

/** A file name `npm run fixture -- add` accepts: letters, digits, `.`, `_`, `-`. */
export function skeletonFileName(host: string): string {
	return `diagnostico-${host.replace(/[^A-Za-z0-9._-]+/g, '-')}.json`;
}

function placeOf(sender: ReportSender, self: { id: string; origin: string }): { host: string; path: string } | undefined {
	// Our own content script only: another extension, or one of our pages, is not a Qualitor frame.
	if (sender.id !== self.id || typeof sender.url !== 'string' || sender.url.startsWith(self.origin)) return undefined;
	try {
		const url = new URL(sender.url);
		if (!/^https?:$/.test(url.protocol)) return undefined;
		return { host: url.host, path: url.pathname };
	} catch {
		return undefined;
	}
}

function hostOf(url: string): string | undefined {
	try {
		return new URL(url).host;
	} catch {
		return undefined;
	}
}

const byPlace = (a: FrameEntry, b: FrameEntry) => rank(a) - rank(b) || a.frameId - b.frameId;
const rank = (f: FrameEntry) => (f.frameId === 0 ? 0 : f.report.state !== 'no-form' ? 1 : 2);
