import type { Recorder } from '../dom/journal-types.ts';
import { findAdditionalFields, type LocateOptions } from './fields.ts';
import type { Control } from './labels.ts';
import { isLoading, waitForSettled } from './loading.ts';
import type { DoneItem, NotDoneItem } from './report-types.ts';
import { writeField, type WriteResult } from './write-field.ts';

/** The report's item saying Qualitor was still loading when the bound ran out. */
export const LOADING_ITEM = 'Carregamento';

export interface AdditionalOptions {
	journal: Recorder;
	locate?: LocateOptions | undefined;
	/** Bound for loads that never end. */
	timeoutMs: number;
	/** How long the form must stay quiet, with no load running, before the fields present are written. */
	quietMs: number;
	signal?: AbortSignal | undefined;
	/** A field holding the ticket's saved value (its text stays; the SOP's is appended). */
	isSavedValue: (element: Control) => boolean;
}

export interface AdditionalReport {
	done: DoneItem[];
	notDone: NotDoneItem[];
	waitMs: number;
	/** The SOP's fields that were not on the form, as [label, value]. */
	missing: Array<[string, string]>;
}

/**
 * Writes the SOP's additional fields as soon as every one is on the form, or once Qualitor's loads are
 * over and the form has stayed quiet for `quietMs`: a field this installation lacks is reported, not
 * waited for. An administrator's untouched default is replaced by the SOP's value.
 */
export async function fillAdditionalFields(doc: Document, entries: ReadonlyArray<[string, string]>, options: AdditionalOptions): Promise<AdditionalReport> {
	const report: AdditionalReport = { done: [], notDone: [], waitMs: 0, missing: [] };
	const labels = entries.map(([label]) => label);
	const wait = await waitForSettled(doc, () => findAdditionalFields(doc, labels, options.locate).every(Boolean), {
		quietMs: options.quietMs,
		timeoutMs: options.timeoutMs,
		signal: options.signal,
		what: 'os campos adicionais',
	});
	report.waitMs += wait.waitedMs;
	if (!wait.ok && wait.reason === 'timeout' && isLoading(doc)) {
		report.notDone.push({ what: LOADING_ITEM, why: `O Qualitor ainda carregava após ${Math.round(options.timeoutMs / 100) / 10} s; os campos adicionais presentes foram preenchidos, confira os demais.` });
	}
	const found = findAdditionalFields(doc, labels, options.locate);
	entries.forEach(([label, value], i) => {
		if (options.signal?.aborted) {
			report.notDone.push({ what: label, why: 'Cancelado antes deste passo.' });
			return;
		}
		const element = found[i]?.element;
		if (!element) {
			report.missing.push([label, value]);
			report.notDone.push({
				what: label,
				why: `Campo adicional "${label}" não está no formulário (esta instalação não o tem, ou ele depende de outra categoria); preencha manualmente. Se aparecer depois, a extensão o preenche.`,
			});
			return;
		}
		push(report, writeField(element, label, value, { journal: options.journal, replaceDefault: !options.isSavedValue(element) }));
	});
	return report;
}

export interface LateOptions {
	journal: Recorder;
	locate?: LocateOptions | undefined;
	isSavedValue: (element: Control) => boolean;
	/** The form session's lifecycle: watching ends when the form leaves. */
	signal?: AbortSignal | undefined;
	/** Each batch of late writes; `remaining`: the SOP's fields still not on the form. */
	onFill: (done: DoneItem[], notDone: NotDoneItem[], remaining: number) => void;
	/** Watching ends after this long at the latest (default 30 min). */
	maxMs?: number;
}

/**
 * Fills SOP fields that appear after the apply (a category chosen later, a slow load): checked after
 * each batch of changes once no load runs. Returns a function that stops watching.
 */
export function watchLateFields(doc: Document, missing: ReadonlyArray<[string, string]>, options: LateOptions): () => void {
	let pending = [...missing];
	let timer: ReturnType<typeof setTimeout> | undefined;
	const view = doc.defaultView ?? globalThis;
	const Observer = view.MutationObserver ?? globalThis.MutationObserver;
	const check = (): void => {
		timer = undefined;
		if (isLoading(doc)) return schedule();
		const found = findAdditionalFields(doc, pending.map(([label]) => label), options.locate);
		const done: DoneItem[] = [];
		const notDone: NotDoneItem[] = [];
		const still: Array<[string, string]> = [];
		pending.forEach(([label, value], i) => {
			const element = found[i]?.element;
			if (!element) return still.push([label, value]);
			const result = writeField(element, label, value, { journal: options.journal, replaceDefault: !options.isSavedValue(element) });
			if ('done' in result) done.push(result.done);
			else notDone.push(result.notDone);
		});
		pending = still;
		if (done.length || notDone.length) options.onFill(done, notDone, pending.length);
		if (pending.length === 0) stop();
	};
	const schedule = (): void => {
		if (timer === undefined) timer = setTimeout(check, 100);
	};
	const observer = new Observer(schedule);
	const lifetime = setTimeout(() => stop(), options.maxMs ?? 30 * 60_000);
	const stop = (): void => {
		observer.disconnect();
		clearTimeout(timer);
		clearTimeout(lifetime);
		options.signal?.removeEventListener('abort', stop);
	};
	if (options.signal?.aborted) {
		stop();
		return stop;
	}
	observer.observe(doc, { childList: true, subtree: true });
	options.signal?.addEventListener('abort', stop, { once: true });
	return stop;
}

function push(report: { done: DoneItem[]; notDone: NotDoneItem[] }, result: WriteResult): void {
	if ('done' in result) report.done.push(result.done);
	else report.notDone.push(result.notDone);
}
