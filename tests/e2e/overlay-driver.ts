/**
 * Reaches the overlay inside its CLOSED shadow root, for E2E tests (Chromium, Playwright).
 *
 * Playwright locators cannot pierce a closed root (nor can the page: that is the point). The DevTools
 * protocol can: `DOM.getDocument({ depth: -1, pierce: true })` lists closed shadow roots, and
 * `DOM.resolveNode` turns the root into a JS object that we query with `Runtime.callFunctionOn`, in an
 * isolated world of our own so page scripts (hostile ones included) cannot interfere with the queries.
 * Input is trusted, like a person's: clicks at the coordinates `DOM.getContentQuads` gives (`page.mouse`),
 * text through `Input.insertText` (`page.keyboard.insertText`), keys through `page.keyboard.press`.
 *
 * The API mirrors Playwright's Locator (strict: an action on a locator matching several elements throws):
 *
 *   const o = overlay(pageOrFrame);
 *   await o.locator('[data-action="apply"]').click();
 *   await o.locator('.report li').first().waitFor({ timeout: 30_000 });
 *
 * Same-process frames (frames, framesets) and popup windows (their own Page) are supported; the root is
 * looked up again whenever the page re-rendered or navigated.
 */
import type { CDPSession, Frame, Page } from 'playwright-core';

type Scope = Page | Frame;
type State = 'attached' | 'detached' | 'visible' | 'hidden';
type Step = { css: string } | { nth: number };

const DEFAULT_TIMEOUT = 30_000;
const POLL_MS = 50;

/** Runs in the isolated world with `this` = the shadow root: the elements a chain of steps selects. */
const RESOLVE = `function (steps) {
	let els = [this];
	for (const step of steps) {
		if ('css' in step) {
			const next = [];
			for (const el of els) for (const found of el.querySelectorAll(step.css)) if (!next.includes(found)) next.push(found);
			els = next;
		} else {
			const i = step.nth < 0 ? els.length + step.nth : step.nth;
			els = els[i] ? [els[i]] : [];
		}
	}
	return els;
}`;

/** Runs in the isolated world: whether an element is rendered with a size (Playwright's "visible"). */
const VISIBLE = `function (el) {
	if (!el.isConnected) return false;
	const style = getComputedStyle(el);
	if (style.visibility !== 'visible') return false;
	const r = el.getBoundingClientRect();
	return r.width > 0 && r.height > 0;
}`;

interface Root {
	/** The closed shadow root, as a remote object in our isolated world. */
	objectId: string;
}

interface PageState {
	cdp: Promise<CDPSession>;
	roots: Map<string, Root>;
}

const pages = new WeakMap<Page, PageState>();

const isPage = (scope: Scope): scope is Page => 'mainFrame' in scope;
const pageOf = (scope: Scope): Page => (isPage(scope) ? scope : scope.page());

function stateOf(page: Page): PageState {
	let state = pages.get(page);
	if (!state) {
		state = { cdp: page.context().newCDPSession(page), roots: new Map() };
		pages.set(page, state);
	}
	return state;
}

interface FrameTree {
	frame: { id: string; name?: string; url: string; urlFragment?: string };
	childFrames?: FrameTree[];
}

/** The DevTools frame id of a Playwright frame: matched by name and URL along the path from the top. */
async function frameIdOf(cdp: CDPSession, scope: Scope): Promise<string> {
	const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: FrameTree };
	const path: Frame[] = [];
	for (let f: Frame | null = isPage(scope) ? scope.mainFrame() : scope; f; f = f.parentFrame()) path.unshift(f);
	let node = frameTree;
	for (const frame of path.slice(1)) {
		const children = node.childFrames ?? [];
		const same = (t: FrameTree) => (t.frame.name ?? '') === frame.name() && t.frame.url + (t.frame.urlFragment ?? '') === frame.url();
		const next = children.find(same) ?? children.find((t) => (t.frame.name ?? '') === frame.name() && frame.name() !== '') ?? children.find((t) => t.frame.url === frame.url());
		if (!next) throw new Error(`overlay-driver: frame ${frame.name() || frame.url()} not found in the page's frame tree`);
		node = next;
	}
	return node.frame.id;
}

interface DomNode {
	nodeType: number;
	backendNodeId: number;
	attributes?: string[];
	frameId?: string;
	children?: DomNode[];
	shadowRoots?: (DomNode & { shadowRootType?: string })[];
	contentDocument?: DomNode;
}

/** Backend ids of the closed shadow roots of `[data-sop-assist]` hosts in the given frame's document. */
function findRoots(doc: DomNode, mainFrameId: string, frameId: string): number[] {
	const found: number[] = [];
	const walk = (node: DomNode, inFrame: string) => {
		if (node.nodeType === 1 && inFrame === frameId && node.attributes) {
			const names = node.attributes.filter((_, i) => i % 2 === 0);
			const root = node.shadowRoots?.[0];
			if (names.includes('data-sop-assist') && root?.shadowRootType === 'closed') found.push(root.backendNodeId);
		}
		for (const child of node.children ?? []) walk(child, inFrame);
		for (const root of node.shadowRoots ?? []) walk(root, inFrame);
		if (node.contentDocument) walk(node.contentDocument, node.frameId ?? inFrame);
	};
	walk(doc, mainFrameId);
	return found;
}

/** The overlay's shadow root in this page or frame, or null when none is mounted (yet). */
async function currentRoot(scope: Scope): Promise<string | null> {
	const state = stateOf(pageOf(scope));
	const cdp = await state.cdp;
	const frameId = await frameIdOf(cdp, scope);
	const cached = state.roots.get(frameId);
	if (cached) {
		// Still in the document (the page may have re-rendered its body or navigated)?
		const alive = await cdp
			.send('Runtime.callFunctionOn', { objectId: cached.objectId, functionDeclaration: 'function () { return this.host.isConnected; }', returnByValue: true })
			.then((r) => r.result.value === true)
			.catch(() => false);
		if (alive) return cached.objectId;
		state.roots.delete(frameId);
	}
	const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: FrameTree };
	const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: DomNode };
	const roots = findRoots(root, frameTree.frame.id, frameId);
	if (!roots.length) return null;
	if (roots.length > 1) throw new Error(`overlay-driver: ${roots.length} overlays with a closed shadow root in one frame`);
	const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId, worldName: 'sop-assist-overlay-driver' });
	const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: roots[0], executionContextId });
	if (!object.objectId) return null;
	state.roots.set(frameId, { objectId: object.objectId });
	return object.objectId;
}

async function pollUntil<T>(what: string, timeout: number, probe: () => Promise<T | undefined>): Promise<T> {
	const deadline = Date.now() + timeout;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await probe();
			if (value !== undefined) return value;
		} catch (error) {
			// A locator matching several elements will not get better by waiting.
			if (error instanceof Error && /strict mode violation/.test(error.message)) throw error;
			lastError = error;
		}
		if (Date.now() > deadline) {
			const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
			throw new Error(`overlay-driver: ${what}: timed out after ${timeout} ms${why}`);
		}
		await new Promise((r) => setTimeout(r, POLL_MS));
	}
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export class OverlayLocator {
	constructor(
		private readonly scope: Scope,
		private readonly steps: readonly Step[],
	) {}

	private get description(): string {
		return this.steps.map((s) => ('css' in s ? s.css : `nth=${s.nth}`)).join(' >> ') || '(overlay)';
	}

	locator(selector: string): OverlayLocator {
		return new OverlayLocator(this.scope, [...this.steps, { css: selector }]);
	}
	first(): OverlayLocator {
		return this.nth(0);
	}
	last(): OverlayLocator {
		return this.nth(-1);
	}
	nth(index: number): OverlayLocator {
		return new OverlayLocator(this.scope, [...this.steps, { nth: index }]);
	}

	/**
	 * Calls `fn(elements, arg)` in the driver's isolated world on what the locator matches now
	 * (an empty list when the overlay is not mounted). `fn` must be self-contained.
	 */
	private async run<T>(fn: string, arg?: unknown, returnByValue = true): Promise<{ value: T; objectId?: string }> {
		const objectId = await currentRoot(this.scope);
		const cdp = await stateOf(pageOf(this.scope)).cdp;
		if (!objectId) {
			// Nothing mounted: run fn on an empty list in a plain context (no element can match).
			const r = await cdp.send('Runtime.evaluate', { expression: `(${fn})([], ${JSON.stringify(arg ?? null)})`, returnByValue, awaitPromise: true });
			if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
			return { value: r.result.value as T, objectId: r.result.objectId };
		}
		const r = await cdp.send('Runtime.callFunctionOn', {
			objectId,
			functionDeclaration: `async function (steps, arg) { const els = (${RESOLVE}).call(this, steps); return (${fn})(els, arg); }`,
			arguments: [{ value: this.steps }, { value: arg ?? null }],
			returnByValue,
			awaitPromise: true,
		});
		if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
		return { value: r.result.value as T, objectId: r.result.objectId };
	}

	/** How many elements match now (0 when the overlay is not mounted). */
	async count(): Promise<number> {
		return (await this.run<number>('(els) => els.length')).value;
	}

	/** Waits (bounded) until exactly one element matches, optionally with a condition; strict like Playwright. */
	private async one(timeout: number, condition = 'true'): Promise<string> {
		return pollUntil(`${this.description}`, timeout, async () => {
			const { value, objectId } = await this.run<unknown>(
				`(els) => { if (els.length > 1) throw new Error('strict mode violation: ' + els.length + ' elements'); const el = els[0]; return el && (${condition}) ? el : undefined; }`,
				undefined,
				false,
			);
			if (value === undefined && !objectId) return undefined;
			return objectId;
		}).catch((error: Error) => {
			if (/strict mode violation/.test(error.message)) throw new Error(`overlay-driver: ${this.description}: strict mode violation`);
			throw error;
		});
	}

	private visibleEnabled(): string {
		return `(${VISIBLE})(el) && !el.matches(':disabled') && el.getAttribute('aria-disabled') !== 'true'`;
	}

	/** The element's centre in the top page's viewport, after scrolling it into view. */
	private async centre(objectId: string): Promise<{ x: number; y: number }> {
		const cdp = await stateOf(pageOf(this.scope)).cdp;
		await cdp.send('DOM.scrollIntoViewIfNeeded', { objectId }).catch(() => undefined);
		const { quads } = await cdp.send('DOM.getContentQuads', { objectId });
		const q = quads[0];
		if (!q) throw new Error(`overlay-driver: ${this.description}: not rendered`);
		return { x: (q[0]! + q[2]! + q[4]! + q[6]!) / 4, y: (q[1]! + q[3]! + q[5]! + q[7]!) / 4 };
	}

	/** A trusted click at the element's centre, once it is visible, enabled and not covered. */
	async click(options: { timeout?: number } = {}): Promise<void> {
		const timeout = options.timeout ?? DEFAULT_TIMEOUT;
		const page = pageOf(this.scope);
		const point = await pollUntil(`click ${this.description}`, timeout, async () => {
			const objectId = await this.one(timeout, this.visibleEnabled());
			const p = await this.centre(objectId);
			// Hit test inside the element's own frame: the element (or a descendant) must be on top there.
			const cdp = await stateOf(page).cdp;
			const hit = await cdp.send('Runtime.callFunctionOn', {
				objectId,
				functionDeclaration: `function () { const r = this.getBoundingClientRect(); const top = this.getRootNode().elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); return !!top && (top === this || this.contains(top)); }`,
				returnByValue: true,
			});
			return hit.result.value === true ? p : undefined;
		});
		await page.mouse.click(point.x, point.y);
	}

	/** Moves the mouse (trusted) over the element's centre. */
	async hover(options: { timeout?: number } = {}): Promise<void> {
		const objectId = await this.one(options.timeout ?? DEFAULT_TIMEOUT, `(${VISIBLE})(el)`);
		const point = await this.centre(objectId);
		await pageOf(this.scope).mouse.move(point.x, point.y);
	}

	/** Focuses the element (CDP `DOM.focus`: the browser's own focus, as a person tabbing to it). */
	async focus(options: { timeout?: number } = {}): Promise<void> {
		const objectId = await this.one(options.timeout ?? DEFAULT_TIMEOUT, this.visibleEnabled());
		const cdp = await stateOf(pageOf(this.scope)).cdp;
		await cdp.send('DOM.focus', { objectId });
	}

	/** Replaces the field's text with trusted input: focus, select all, insert (Input.insertText) or delete. */
	async fill(value: string, options: { timeout?: number } = {}): Promise<void> {
		await this.focus(options);
		const objectId = await this.one(options.timeout ?? DEFAULT_TIMEOUT);
		const cdp = await stateOf(pageOf(this.scope)).cdp;
		await cdp.send('Runtime.callFunctionOn', { objectId, functionDeclaration: 'function () { this.select ? this.select() : null; }' });
		const page = pageOf(this.scope);
		if (value) await page.keyboard.insertText(value);
		else await page.keyboard.press('Delete');
	}

	/** Focuses the element, then presses a key (Playwright's key names, e.g. 'Enter', 'Shift+Tab'). */
	async press(key: string, options: { timeout?: number } = {}): Promise<void> {
		await this.focus(options);
		await pageOf(this.scope).keyboard.press(key);
	}

	private async read<T>(fn: string, timeout = DEFAULT_TIMEOUT): Promise<T> {
		await this.one(timeout);
		return (await this.run<T>(`(els) => (${fn})(els[0])`)).value;
	}

	innerText(options: { timeout?: number } = {}): Promise<string> {
		return this.read('(el) => el.innerText', options.timeout);
	}
	textContent(options: { timeout?: number } = {}): Promise<string | null> {
		return this.read('(el) => el.textContent', options.timeout);
	}
	getAttribute(name: string, options: { timeout?: number } = {}): Promise<string | null> {
		return this.read(`(el) => el.getAttribute(${JSON.stringify(name)})`, options.timeout);
	}
	inputValue(options: { timeout?: number } = {}): Promise<string> {
		return this.read('(el) => el.value', options.timeout);
	}
	/** The inner text of every match (no waiting). */
	async allInnerTexts(): Promise<string[]> {
		return (await this.run<string[]>('(els) => els.map((el) => el.innerText)')).value;
	}

	/** Whether it is visible now (no waiting; false when nothing matches). */
	async isVisible(): Promise<boolean> {
		return (await this.run<boolean>(`(els) => { if (els.length > 1) throw new Error('strict mode violation'); return !!els[0] && (${VISIBLE})(els[0]); }`)).value;
	}
	async isEnabled(options: { timeout?: number } = {}): Promise<boolean> {
		return this.read(`(el) => !el.matches(':disabled') && el.getAttribute('aria-disabled') !== 'true'`, options.timeout);
	}

	/** The element's box in the top page's viewport (CSS pixels), or null when it is not rendered. */
	async boundingBox(options: { timeout?: number } = {}): Promise<Box | null> {
		const objectId = await this.one(options.timeout ?? DEFAULT_TIMEOUT);
		const cdp = await stateOf(pageOf(this.scope)).cdp;
		const { quads } = await cdp.send('DOM.getContentQuads', { objectId }).catch(() => ({ quads: [] as number[][] }));
		const q = quads[0];
		if (!q) return null;
		const xs = [q[0]!, q[2]!, q[4]!, q[6]!];
		const ys = [q[1]!, q[3]!, q[5]!, q[7]!];
		const x = Math.min(...xs);
		const y = Math.min(...ys);
		return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
	}

	/** Waits (bounded; default state 'visible', 30 s) like Playwright's `locator.waitFor`. */
	async waitFor(options: { state?: State; timeout?: number } = {}): Promise<void> {
		const state = options.state ?? 'visible';
		const test = {
			attached: '(els) => els.length > 0',
			detached: '(els) => els.length === 0',
			visible: `(els) => els.length > 0 && (${VISIBLE})(els[0])`,
			hidden: `(els) => els.length === 0 || !(${VISIBLE})(els[0])`,
		}[state];
		await pollUntil(`waitFor ${this.description} ${state}`, options.timeout ?? DEFAULT_TIMEOUT, async () => {
			const strict = `(els) => { if (els.length > 1 && ${state !== 'detached'}) throw new Error('strict mode violation: ' + els.length + ' elements'); return (${test})(els); }`;
			return (await this.run<boolean>(strict)).value ? true : undefined;
		});
	}

	/**
	 * Runs `fn(element, arg)` in the driver's isolated world (it sees the overlay's DOM, not the page's
	 * globals). `fn` must be self-contained; its result must be JSON-serialisable.
	 */
	async evaluate<R, A = undefined>(fn: (el: Element, arg: A) => R | Promise<R>, arg?: A, options: { timeout?: number } = {}): Promise<R> {
		await this.one(options.timeout ?? DEFAULT_TIMEOUT);
		return (await this.run<R>(`(els, arg) => (${fn.toString()})(els[0], arg)`, arg)).value;
	}

	/** Runs `fn(elements, arg)` on every match (no waiting), like Playwright's `evaluateAll`. */
	async evaluateAll<R, A = undefined>(fn: (els: Element[], arg: A) => R | Promise<R>, arg?: A): Promise<R> {
		return (await this.run<R>(`(els, arg) => (${fn.toString()})(els, arg)`, arg)).value;
	}
}

export interface Overlay {
	/** Elements inside the overlay's shadow root. */
	locator(selector: string): OverlayLocator;
	/** Whether an overlay (a `[data-sop-assist]` host with a closed shadow root) is mounted now. */
	isMounted(): Promise<boolean>;
	/** Waits (bounded) until the overlay is mounted. */
	waitForMount(options?: { timeout?: number }): Promise<void>;
}

/** The overlay mounted in that page or frame. */
export function overlay(scope: Scope): Overlay {
	return {
		locator: (selector) => new OverlayLocator(scope, [{ css: selector }]),
		isMounted: async () => (await currentRoot(scope)) !== null,
		waitForMount: async (options = {}) => {
			await pollUntil('overlay mounted', options.timeout ?? DEFAULT_TIMEOUT, async () => ((await currentRoot(scope)) ? true : undefined));
		},
	};
}
