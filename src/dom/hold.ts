import { childController } from './child-abort.ts';
import { dispatchEdit, setNativeValue } from './events.ts';
import { isCheckable, isEditable, isSelect, isTextField } from './fillable.ts';
import type { Writable } from './journal-types.ts';
import { normalize } from './normalize.ts';
import { isPlaceholder } from './placeholder.ts';
import { chosenText } from './restore.ts';

/** One value the extension wrote, to keep while the page settles. */
export interface HoldItem {
	/** How the field is called in messages ("Prioridade", "Telefone"). */
	what: string;
	/** The field as last seen; the hold moves it to the element the page re-renders in its place. */
	element: Writable;
	/** A text field's value, a select's `chosenText`, a radio's or checkbox's `checked` as "true"/"false". */
	wanted: string;
	/** False: only checked (a category level whose choice reloads the form is never chosen again by the hold). */
	rewrite: boolean;
	/** The field now when `element` left the page: same id or name, else the same label; null when gone. */
	find: () => Writable | null;
	/** After the hold moved to a re-rendered element or wrote the value again (journal bookkeeping). */
	onRebind?: ((element: Writable) => void) | undefined;
	onRewritten?: ((element: Writable) => void) | undefined;
}

export interface HoldOptions {
	signal?: AbortSignal | undefined;
	/** How long the form must stay still, with every value holding, before the hold ends (1000 ms). */
	quietMs?: number | undefined;
	/** The hold ends after this long whatever the page does (8000 ms). */
	maxMs?: number | undefined;
	/** Values changed by a page's script fire no event: they are polled this often (100 ms). */
	pollMs?: number | undefined;
	/** A field the page changes again after this many re-writes is left as the page wants it, and reported (3). */
	maxRewrites?: number | undefined;
	/** The page shows it is loading: nothing is written until it is done, and the form is not quiet. */
	busy?: (() => boolean) | undefined;
	/** Writes are allowed now (false in a read-only view: the hold then only checks). */
	canWrite?: (() => boolean) | undefined;
	/** A person's edit (default `event.isTrusted`): the field is theirs from then on. Not used with `typing` (the tracker's own). */
	isPersonMade?: ((event: Event) => boolean) | undefined;
	/** Edits since this time count as the person's (default: when the hold starts). */
	since?: number | undefined;
	/**
	 * The person's edits as already tracked (`trackPersonEdits`, started with the apply): the fields it has
	 * are theirs from the start, and the hold listens through it instead of adding listeners of its own.
	 * The hold does not stop it. Default: a tracker of the hold's own, from its start to its end.
	 */
	typing?: EditTracker | undefined;
	/** Fields a person edited before the hold began are theirs from the start (default: `typing.has`). */
	touched?: ((element: Element) => boolean) | undefined;
	/** Called after each re-write, each field given up, and once at the end. */
	onUpdate?: ((result: HoldResult) => void) | undefined;
	/**
	 * A field the hold does not hold that a person edits while it runs or watches: how to hold it (found
	 * again by its label) with their value, or null to leave it. Their text, not the extension's: no journal.
	 */
	adopt?: ((element: Element) => HoldItem | null) | undefined;
	/** Mutations inside these elements are not the form's (the extension's own overlay host). */
	ignore?: ((node: Node) => boolean) | undefined;
	/**
	 * After the hold ends (quiet or bound), keep watching the held fields until `signal` aborts or `stop()`:
	 * the DOM changes the hold already observes, and a slow poll for a while (`watchPollMs`, `watchPollForMs`) for
	 * values set by script alone. When the page re-renders or resets one of them,
	 * the hold starts again (same per-field limit of re-writes), so a late re-build cannot leave the report untrue.
	 */
	watchAfter?: boolean | undefined;
	/** In the watch after the hold, values set by script alone are polled this often (250 ms) … */
	watchPollMs?: number | undefined;
	/** … for this long after the hold ended (15 s); DOM changes are watched for as long as the watch lasts. */
	watchPollForMs?: number | undefined;
}

export interface HoldLoss {
	what: string;
	/** `fought`: the page changed it again after every re-write; `gone`: no field to hold it in; `changed`: a checked-only value. */
	kind: 'fought' | 'gone' | 'changed';
	/** What the field shows now ('' when gone), and what the extension had written. */
	shown: string;
	wanted: string;
}

export interface HoldResult {
	/** Fields written again after the page reset or re-rendered them, with how often. */
	rewritten: { what: string; times: number }[];
	/** Fields whose value did not hold: the report must move them to "not done". */
	lost: HoldLoss[];
	/**
	 * Fields a person edited during the hold: theirs. A text field or select they left non-empty is held
	 * with their value from then on (a re-render takes it back as they typed it); one they emptied, and a
	 * checkbox or radio they ticked, is left alone.
	 */
	released: string[];
	/** Fields written again with the person's own value (not the extension's) after the page reset or re-rendered them. */
	typed: string[];
	/** The hold is over (quiet, bound, aborted or stopped). */
	finished: boolean;
	/** Why it ended. */
	ended?: 'quiet' | 'bound' | 'stopped';
	elapsedMs: number;
}

export interface Hold {
	/** Ends the hold now (before an undo); what was not judged yet is left as it is, not reported. */
	stop(): void;
	/** Resolves once the hold has ended the first time, with its result then (`onUpdate` tells of a watch's re-writes). */
	done: Promise<HoldResult>;
	/** Aborts once nothing is held or watched any more (stopped, the caller's signal, or nothing left to watch). */
	signal: AbortSignal;
}

type Tracked = HoldItem & { rewrites: number; state: 'holding' | 'released' | 'lost'; key: string; name: string; person: boolean; refocus?: boolean };

const EDIT_EVENTS = ['input', 'keydown', 'change', 'paste', 'cut', 'drop'] as const;

/**
 * Keeps what the extension wrote while the page settles: a helpdesk's late loads (a section re-built by
 * its own request, a default priority set by a callback) may reset or re-render a field after the
 * extension wrote it. While the form is not yet still, the values are compared on every DOM change and
 * every `pollMs`; a field the page reset or replaced gets the value again (a replaced one is found again
 * by id, name or label), a field a person edited is theirs, and a field the page keeps changing is given up
 * after `maxRewrites` and reported, never fought over. Ends when everything has held for `quietMs`, at
 * `maxMs`, or with the signal; every listener, observer and timer goes with it.
 */
export function holdFields(doc: Document, items: readonly HoldItem[], options: HoldOptions = {}): Hold {
	const quietMs = options.quietMs ?? 1000;
	const maxMs = options.maxMs ?? 8000;
	const maxRewrites = options.maxRewrites ?? 3;
	let started = now();
	const since = options.since ?? Date.now();
	const tracked: Tracked[] = items.map((item) => ({ ...item, rewrites: 0, state: 'holding', key: item.element.id, name: item.element.getAttribute('name') ?? '', person: false }));
	const result: HoldResult = { rewritten: [], lost: [], released: [], typed: [], finished: false, elapsedMs: 0 };
	/** A person edited the item's field: theirs. Held with their value when it is a text or a choice, else left alone. */
	const adopt = (item: Tracked, element: Writable): void => {
		if (!result.released.includes(item.what)) result.released.push(item.what);
		const value = valueOf(element);
		if (isCheckable(element) || !item.rewrite || value === '') {
			item.state = 'released';
			return;
		}
		item.person = true;
		item.state = 'holding';
		item.wanted = value;
	};
	const touched = options.touched ?? options.typing?.has;
	for (const item of tracked) if (touched?.(item.element)) adopt(item, item.element);
	// Ends with the hold, and with the caller's signal (the form session): every listener, observer and timer goes.
	const controller = childController(options.signal);
	const view = doc.defaultView ?? globalThis;
	let lastActivity = now();
	let resolve!: (result: HoldResult) => void;
	const done = new Promise<HoldResult>((r) => (resolve = r));

	const belongs = (item: Tracked, target: EventTarget | null): boolean => {
		if (!target || !(target as Element).localName) return false;
		const element = target as Element;
		if (element === item.element) return true;
		if (item.key !== '' && element.id === item.key) return true;
		if (item.key === '' && item.name !== '' && element.getAttribute('name') === item.name) return true;
		// A radio or checkbox group: ticking a sibling is a choice about this field too.
		return isCheckable(item.element) && isCheckable(element) && item.name !== '' && element.getAttribute('name') === item.name;
	};
	let lastEdited: EventTarget | null = null;
	/** A person's edit (the tracker judged it): a held field it belongs to is theirs from now on. */
	const onEdit = (event: Event): void => {
		// A click ticks a radio or checkbox (its change may come from a label elsewhere); other clicks edit nothing.
		if (event.type === 'click' && !isCheckable(event.target as Element)) return;
		if (Date.now() < since) return;
		lastEdited = event.target;
		let held = false;
		for (const item of tracked) {
			if (item.state === 'lost' || !belongs(item, event.target)) continue;
			held = true;
			const target = event.target as Writable;
			// The person's value, read where they edit (a radio's sibling: the item's own field).
			adopt(item, isCheckable(target) ? item.element : target);
		}
		// A field of theirs the extension did not write: a re-render caused by the apply must not take it either.
		const other = held ? null : (options.adopt?.(event.target as Element) ?? null);
		if (!other) return;
		const item: Tracked = { ...other, rewrites: 0, state: 'holding', key: other.element.id, name: other.element.getAttribute('name') ?? '', person: false };
		tracked.push(item);
		adopt(item, other.element);
	};

	const finish = (ended: HoldResult['ended']): void => {
		if (result.finished) return;
		if (ended !== 'stopped') {
			for (const item of tracked) {
				if (item.state !== 'holding') continue;
				const element = current(item);
				if (element && stillHolds(element, item.wanted)) continue;
				lose(item, element ? (item.rewrite ? 'fought' : 'changed') : 'gone', element);
			}
		}
		result.finished = true;
		result.ended = ended;
		result.elapsedMs = now() - started;
		phase?.abort();
		const watching = ended !== 'stopped' && options.watchAfter === true && tracked.some((item) => item.state === 'holding' && item.rewrite);
		if (watching) watch();
		else controller.abort();
		options.onUpdate?.(snapshot(result));
		resolve(snapshot(result));
	};
	const lose = (item: Tracked, kind: HoldLoss['kind'], element: Writable | null): void => {
		item.state = 'lost';
		result.lost.push({ what: item.what, kind, shown: element ? shownText(element) : '', wanted: item.wanted });
	};
	const current = (item: Tracked): Writable | null => {
		if (item.element.isConnected) return item.element;
		const found = item.find();
		if (found && found !== item.element) {
			// The page replaced the field the person is typing in: the rest of their typing goes to its successor.
			const active = doc.activeElement;
			if (item.person && item.element === lastEdited && (!active || active === doc.body)) item.refocus = true;
			item.element = found;
			item.key = found.id;
			item.name = found.getAttribute('name') ?? '';
			item.onRebind?.(found);
		}
		return found;
	};

	const check = (): void => {
		if (result.finished) return;
		const busy = options.busy?.() ?? false;
		let changed = false;
		for (const item of tracked) {
			if (item.state !== 'holding') continue;
			const element = current(item);
			// Gone: a re-render in progress (its mutations keep the hold open) or for good (judged at the end).
			if (!element) continue;
			// A checked-only value that differs is judged at the end; only the page's mutations keep the hold open for it.
			if (valueOf(element) === item.wanted || !item.rewrite) continue;
			// The person's own field, focused: what it shows is what they are typing, never written over.
			if (item.person && element === doc.activeElement) {
				adopt(item, element);
				continue;
			}
			if (isTextField(element) && sameCharacters(element.value, item.wanted)) {
				// The page's mask re-formatted the value ("08765432000110" → "08.765.432/0001-10"): it held.
				item.wanted = element.value;
				if (!item.person) item.onRewritten?.(element);
				continue;
			}
			changed = true;
			if (busy || !(options.canWrite?.() ?? true)) continue;
			if (item.rewrites >= maxRewrites) {
				lose(item, 'fought', element);
				options.onUpdate?.(snapshot(result));
				continue;
			}
			item.rewrites++;
			const written = write(element, item.wanted);
			if (item.refocus) {
				item.refocus = false;
				element.focus({ preventScroll: true });
			}
			if (written) {
				// The person's value is not the extension's write: the journal keeps it as their edit (Desfazer leaves it).
				if (item.person) {
					if (!result.typed.includes(item.what)) result.typed.push(item.what);
				} else item.onRewritten?.(element);
				const line = result.rewritten.find((r) => r.what === item.what);
				if (line) line.times = item.rewrites;
				else result.rewritten.push({ what: item.what, times: item.rewrites });
				options.onUpdate?.(snapshot(result));
			}
		}
		const t = now();
		if (changed || busy) lastActivity = Math.max(lastActivity, t);
		if (tracked.every((item) => item.state !== 'holding')) return finish('quiet');
		if (t - lastActivity >= quietMs) return finish('quiet');
		if (t - started >= maxMs) return finish('bound');
	};

	/** The active part of the hold (observer, poll), or the watch after it: one at a time, both under `controller`. */
	let phase: AbortController | undefined;
	const Observer = view.MutationObserver ?? globalThis.MutationObserver;
	/** Calls `then` 30 ms after the page's DOM changes (not in the middle of a burst), until `signal` aborts. */
	const observe = (signal: AbortSignal, then: () => void, onChange?: () => void): void => {
		let pending: ReturnType<typeof setTimeout> | undefined;
		const observer = new Observer((records) => {
			if (options.ignore && records.every((r) => options.ignore!(r.target))) return;
			onChange?.();
			clearTimeout(pending);
			pending = setTimeout(then, 30);
		});
		observer.observe(doc, { childList: true, subtree: true });
		signal.addEventListener('abort', () => {
			observer.disconnect();
			clearTimeout(pending);
		});
	};
	const arm = (): void => {
		phase = childController(controller.signal);
		started = lastActivity = now();
		result.finished = false;
		delete result.ended;
		observe(phase.signal, check, () => (lastActivity = now()));
		const poll = setInterval(check, options.pollMs ?? 100);
		phase.signal.addEventListener('abort', () => clearInterval(poll));
	};
	/** After the hold: a re-render or reset of a held field the page makes later starts it again. */
	const watch = (): void => {
		const watching = (phase = childController(controller.signal));
		const react = (): void => {
			if (watching.signal.aborted) return;
			// A checked-only field (a category level) the page changed: it took the form elsewhere (an editor
			// re-loaded with the ticket's saved values). Writing the rest again would mix two forms: the watch ends.
			const elsewhere = tracked.filter((item) => {
				if (item.state !== 'holding' || item.rewrite) return false;
				const element = current(item);
				return element !== null && valueOf(element) !== item.wanted;
			});
			if (elsewhere.length > 0) {
				for (const item of elsewhere) lose(item, 'changed', current(item));
				options.onUpdate?.(snapshot(result));
				controller.abort();
				return;
			}
			const moved = tracked.some((item) => {
				if (item.state !== 'holding' || !item.rewrite) return false;
				const element = current(item);
				return !element || !stillHolds(element, item.wanted);
			});
			if (!moved) return;
			watching.abort();
			arm();
			options.onUpdate?.(snapshot(result));
			check();
		};
		observe(watching.signal, react);
		// A value set by script alone (`getSeveridade()` answering seconds later) changes no DOM: polled, slowly, for a while.
		const slow = setInterval(react, options.watchPollMs ?? 250);
		const enough = setTimeout(() => clearInterval(slow), options.watchPollForMs ?? 15_000);
		watching.signal.addEventListener('abort', () => (clearInterval(slow), clearTimeout(enough)));
	};

	if (options.signal?.aborted || tracked.length === 0) {
		finish(tracked.length === 0 ? 'quiet' : 'stopped');
		controller.abort();
		return { stop: () => undefined, done, signal: controller.signal };
	}
	controller.signal.addEventListener('abort', () => finish('stopped'), { once: true });
	const typing = options.typing ?? trackPersonEdits(doc, { signal: controller.signal, isPersonMade: options.isPersonMade });
	typing.watch(onEdit, controller.signal);
	arm();
	return {
		stop: () => {
			finish('stopped');
			controller.abort();
		},
		done,
		signal: controller.signal,
	};
}

export interface EditTracker {
	/** A person edited this field (or one with its id or name) since tracking began. */
	has(element: Element): boolean;
	/** Calls `listener` with each of the person's edits from now on (any click included), until `signal` aborts or the tracker stops. */
	watch(listener: (event: Event) => void, signal?: AbortSignal): void;
	stop(): void;
}

/**
 * Notes the fields a person edits (`isPersonMade`, default `event.isTrusted`) from now on, for a hold that
 * starts later: what the agent typed while an apply was still running is theirs too. The one listener of
 * the person's edits: a hold given this tracker hears them through `watch`.
 */
export function trackPersonEdits(doc: Document, options: { signal?: AbortSignal | undefined; isPersonMade?: ((event: Event) => boolean) | undefined } = {}): EditTracker {
	const isPersonMade = options.isPersonMade ?? ((event: Event) => event.isTrusted);
	const elements = new WeakSet<Element>();
	const ids = new Set<string>();
	const names = new Set<string>();
	const listeners = new Set<(event: Event) => void>();
	const controller = childController(options.signal);
	controller.signal.addEventListener('abort', () => listeners.clear(), { once: true });
	const onEdit = (event: Event): void => {
		const target = event.target as Element | null;
		if (!target?.localName || !isPersonMade(event)) return;
		elements.add(target);
		if (target.id) ids.add(target.id);
		const name = target.getAttribute('name');
		if (name) names.add(name);
		for (const listener of [...listeners]) listener(event);
	};
	for (const type of [...EDIT_EVENTS, 'click'] as const) doc.addEventListener(type, onEdit, { capture: true, signal: controller.signal });
	return {
		has: (element) => elements.has(element) || (element.id !== '' && ids.has(element.id)) || (element.id === '' && names.has(element.getAttribute('name') ?? '\u0000')),
		watch: (listener, signal) => {
			if (controller.signal.aborted || signal?.aborted) return;
			listeners.add(listener);
			signal?.addEventListener('abort', () => listeners.delete(listener), { once: true, signal: controller.signal });
		},
		stop: () => controller.abort(),
	};
}

/** What the field shows, in the form `HoldItem.wanted` takes. */
export function valueOf(element: Writable): string {
	if (isCheckable(element)) return String(element.checked);
	if (isSelect(element)) return chosenText(element);
	return element.value;
}

/** Writes a held value again as a person's edit would (the page's handlers see it); true when it took. */
function write(element: Writable, wanted: string): boolean {
	if (!isEditable(element)) return false;
	if (isCheckable(element)) {
		element.checked = wanted === 'true';
		dispatchEdit(element, { keys: false });
	} else if (isSelect(element)) {
		const option = [...element.options].find((o) => chosenTextOf(o) === wanted);
		if (!option) return false;
		element.selectedIndex = option.index;
		dispatchEdit(element, { keys: false });
	} else if (isTextField(element)) {
		setNativeValue(element, wanted);
		dispatchEdit(element, { keys: true });
	}
	return valueOf(element) === wanted;
}

/** The field shows the held value, or a mask's re-format of it. */
function stillHolds(element: Writable, wanted: string): boolean {
	return valueOf(element) === wanted || (isTextField(element) && sameCharacters(element.value, wanted));
}

/** The same letters and digits, whatever punctuation, spacing and case a mask put around them. */
function sameCharacters(a: string, b: string): boolean {
	const bare = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
	return bare(a) !== '' && bare(a) === bare(b);
}

/** An option's text as `chosenText` gives it once chosen ('' for a placeholder). */
function chosenTextOf(option: HTMLOptionElement): string {
	return isPlaceholder(option) ? '' : normalize(option.text);
}

function shownText(element: Writable): string {
	if (isCheckable(element)) return element.checked ? 'marcado' : 'desmarcado';
	if (isSelect(element)) return element.options[element.selectedIndex]?.text.trim() ?? '';
	return element.value;
}

function snapshot(result: HoldResult): HoldResult {
	return { ...result, rewritten: result.rewritten.map((r) => ({ ...r })), lost: [...result.lost], released: [...result.released], typed: [...result.typed] };
}

function now(): number {
	return globalThis.performance?.now() ?? Date.now();
}
