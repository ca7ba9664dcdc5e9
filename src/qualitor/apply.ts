import { isTextField } from '../dom/fillable.ts';
import { Journal, type UndoOptions, type UndoReport } from '../dom/journal.ts';
import { applyCategorisation, type CategorisationPlan, type DoneItem, type NotDoneItem } from './cascade.ts';
import { carryAdditionalFields, snapshotAdditionalFields } from './carry.ts';
import { findTicketForm } from './detect.ts';
import { FIELD_NAMES, findField, type FormMode, type LocateOptions } from './fields.ts';
import { fillAdditionalFields, watchLateFields } from './additional.ts';
import type { Control } from './labels.ts';
import { writeField } from './write-field.ts';

export type { DoneItem, NotDoneItem } from './cascade.ts';

/** What to write, with template variables already substituted. */
export interface ApplyPlan {
	categorisation?: CategorisationPlan | undefined;
	fields: { titulo?: string | undefined; descricao?: string | undefined; solucao?: string | undefined };
	/** Additional fields by visible label; a select gets the option with this text. */
	adicionais: Record<string, string>;
}

export interface ApplyOptions {
	/** Default: detected from the page (`findTicketForm`). */
	mode?: FormMode;
	/** Bound of each wait (a category level, the additional fields); default 5000 ms. */
	timeoutMs?: number;
	settleMs?: number;
	/** How long the form must stay quiet, after the loads, before the fields present are written (400 ms). */
	quietMs?: number;
	signal?: AbortSignal;
	locate?: LocateOptions;
	/**
	 * Additional fields holding the ticket's saved values (an existing ticket's editor): their text is
	 * kept and the SOP's is appended. Others showing the value they were rendered with hold an
	 * administrator's default, which the SOP's value replaces. Default: none in a new ticket; in the
	 * editor, the fields present when the apply starts.
	 */
	isSavedValue?: (element: Control) => boolean;
	/**
	 * SOP fields that were not on the form when the apply finished are filled when they appear (journalled
	 * like the rest), until the signal aborts or `stopLate` is called; each late write is reported here.
	 */
	onLateFill?: (done: DoneItem[], notDone: NotDoneItem[], remaining: number) => void;
}

export interface ApplyReport {
	mode: FormMode | null;
	done: DoneItem[];
	notDone: NotDoneItem[];
	/** Everything written, to undo it (`undoApply`). */
	journal: Journal;
	/** The extension's own work versus waiting for Qualitor's loads. */
	timing: { totalMs: number; waitMs: number; workMs: number };
	/** Stops filling SOP fields that appear after the apply (call before undoing). */
	stopLate: () => void;
}

const TEXT_FIELDS = ['titulo', 'descricao', 'solucao'] as const;

/**
 * Applies an SOP to the ticket form: the category cascade, then Título / Descrição / Solução, then the
 * additional fields (which may appear only after the last category level). Never discards typed text,
 * never throws: whatever could not be done is in `notDone`, in Portuguese, and the rest still runs.
 */
export async function applySop(doc: Document, plan: ApplyPlan, options: ApplyOptions = {}): Promise<ApplyReport> {
	const started = now();
	const journal = new Journal(doc);
	const report: ApplyReport = { mode: null, done: [], notDone: [], journal, timing: { totalMs: 0, waitMs: 0, workMs: 0 }, stopLate: () => undefined };
	try {
		await run(doc, plan, options, report);
	} catch (error) {
		report.notDone.push({ what: 'Aplicar SOP', why: `Erro inesperado: ${String(error)}. Confira o formulário; "Desfazer" reverte o que foi escrito.` });
	}
	// After the cascade's last wait: from here on, a select that shows something else was the agent's choice.
	journal.noteSelectsWritten();
	report.timing.totalMs = now() - started;
	report.timing.workMs = Math.max(0, report.timing.totalMs - report.timing.waitMs);
	return report;
}

/** Puts every field and select the apply touched back to what it was. */
export function undoApply(report: ApplyReport, options: UndoOptions = {}): Promise<UndoReport> {
	report.stopLate();
	return report.journal.undo(options);
}

async function run(doc: Document, plan: ApplyPlan, options: ApplyOptions, report: ApplyReport): Promise<void> {
	const mode = options.mode ?? findTicketForm(doc)?.mode;
	if (!mode) {
		report.notDone.push({ what: 'Formulário', why: 'Formulário de chamado do Qualitor não encontrado nesta página; nada foi alterado.' });
		return;
	}
	report.mode = mode;
	if (mode === 'read') {
		report.notDone.push({ what: 'Formulário', why: 'Chamado aberto só para leitura: abra "Alterar dados" para aplicar o SOP; nada foi alterado.' });
		return;
	}
	// In the editor, the additional fields present now hold the ticket's saved values.
	const present = new Set<Element>(mode === 'edit' ? doc.querySelectorAll('[id^="vlinformacaoadicional" i], [name^="vlinformacaoadicional" i]') : []);
	const isSavedValue = options.isSavedValue ?? ((element: Control) => present.has(element));
	const timeoutMs = options.timeoutMs ?? 5000;
	const locate: LocateOptions = { ...options.locate, mode };
	const { journal } = report;
	const cancelled = (what: string): boolean => {
		if (!options.signal?.aborted) return false;
		report.notDone.push({ what, why: 'Cancelado antes deste passo.' });
		return true;
	};

	// Bound of the wait for additional fields: it ends much sooner, once the form is quiet (fillAdditionalFields).
	const extrasWaitMs = timeoutMs;
	const categorisation = plan.categorisation;
	if (categorisation && (categorisation.tipo || categorisation.categorias?.length || categorisation.prioridade)) {
		// Qualitor empties the additional fields when a category changes: keep what the agent had there.
		const carried = snapshotAdditionalFields(doc);
		const cascade = await applyCategorisation(doc, categorisation, {
			mode,
			timeoutMs,
			...(options.settleMs === undefined ? {} : { settleMs: options.settleMs }),
			...(options.signal ? { signal: options.signal } : {}),
			journal,
			locate,
		});
		report.done.push(...cascade.done);
		report.notDone.push(...cascade.notDone);
		report.timing.waitMs += cascade.waitMs;
		if (carried.length > 0) {
			// Journalled as they were before the apply; the cascade's undo carries them back across its own reload.
			const carry = await carryAdditionalFields(doc, carried, { locate, timeoutMs: extrasWaitMs, signal: options.signal, journal });
			report.done.push(...carry.done);
			report.notDone.push(...carry.notDone);
			report.timing.waitMs += carry.waitMs;
		}
	}

	for (const key of TEXT_FIELDS) {
		const text = plan.fields[key];
		const what = FIELD_NAMES[key];
		if (!text?.trim() || cancelled(what)) continue; // an empty template has nothing to add
		const element = findField(doc, key, locate)?.element;
		if (!isTextField(element)) {
			report.notDone.push({ what, why: `Campo "${what}" não encontrado no formulário; cole o texto manualmente.` });
			continue;
		}
		push(report, writeField(element, what, text, { journal }));
	}

	const labels = Object.entries(plan.adicionais).filter(([, value]) => value.trim() !== '');
	if (labels.length === 0) return;
	const extras = await fillAdditionalFields(doc, labels, {
		journal,
		locate,
		timeoutMs: extrasWaitMs,
		quietMs: options.quietMs ?? 400,
		signal: options.signal,
		isSavedValue,
	});
	report.done.push(...extras.done);
	report.notDone.push(...extras.notDone);
	report.timing.waitMs += extras.waitMs;
	if (extras.missing.length > 0 && options.onLateFill && !options.signal?.aborted) {
		report.stopLate = watchLateFields(doc, extras.missing, { journal, locate, isSavedValue, signal: options.signal, onFill: options.onLateFill });
	}
}

function push(report: ApplyReport, result: ReturnType<typeof writeField>): void {
	if ('done' in result) report.done.push(result.done);
	else report.notDone.push(result.notDone);
}

function now(): number {
	return globalThis.performance?.now() ?? Date.now();
}
