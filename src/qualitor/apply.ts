import { fill } from '../dom/fill.ts';
import { isSelect, isTextField } from '../dom/fillable.ts';
import { Journal, type UndoOptions, type UndoReport } from '../dom/journal.ts';
import { selectOption } from '../dom/select-option.ts';
import { waitFor } from '../dom/wait.ts';
import { applyCategorisation, type CategorisationPlan, type DoneItem, type NotDoneItem } from './cascade.ts';
import { carryAdditionalFields, snapshotAdditionalFields } from './carry.ts';
import { findTicketForm } from './detect.ts';
import { FIELD_NAMES, findAdditionalField, findAdditionalFields, findField, type FormMode, type LocateOptions } from './fields.ts';
import type { Control } from './labels.ts';
import { isLoading } from './loading.ts';

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
	signal?: AbortSignal;
	locate?: LocateOptions;
}

export interface ApplyReport {
	mode: FormMode | null;
	done: DoneItem[];
	notDone: NotDoneItem[];
	/** Everything written, to undo it (`undoApply`). */
	journal: Journal;
	/** The extension's own work versus waiting for Qualitor's loads. */
	timing: { totalMs: number; waitMs: number; workMs: number };
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
	const report: ApplyReport = { mode: null, done: [], notDone: [], journal, timing: { totalMs: 0, waitMs: 0, workMs: 0 } };
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
	return report.journal.undo(options);
}

async function run(doc: Document, plan: ApplyPlan, options: ApplyOptions, report: ApplyReport): Promise<void> {
	const mode = options.mode ?? findTicketForm(doc)?.mode;
	if (!mode) {
		report.notDone.push({ what: 'Formulário', why: 'Formulário de chamado do Qualitor não encontrado nesta página; nada foi alterado.' });
		return;
	}
	report.mode = mode;
	const timeoutMs = options.timeoutMs ?? 5000;
	const locate: LocateOptions = { ...options.locate, mode };
	const { journal } = report;
	const cancelled = (what: string): boolean => {
		if (!options.signal?.aborted) return false;
		report.notDone.push({ what, why: 'Cancelado antes deste passo.' });
		return true;
	};

	// How long additional fields may take to (re)appear: a full wait only after a category change.
	let extrasWaitMs = Math.min(timeoutMs, options.settleMs ?? 300);
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
		if (cascade.done.some((d) => d.outcome === 'selected')) {
			// When the cascade failed, the fields of a complete classification likely never come.
			extrasWaitMs = cascade.complete ? timeoutMs : Math.min(timeoutMs, 1000);
		}
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
		write(element, what, text, report);
	}

	const labels = Object.entries(plan.adicionais).filter(([, value]) => value.trim() !== '');
	if (labels.length === 0) return;
	// They depend on the category and may arrive with its load.
	const found = await waitFor(
		() => !isLoading(doc) && findAdditionalFields(doc, labels.map(([label]) => label), locate).every(Boolean),
		{ root: doc, timeoutMs: extrasWaitMs, signal: options.signal, what: 'os campos adicionais' },
	);
	report.timing.waitMs += found.waitedMs;
	for (const [label, value] of labels) {
		if (cancelled(label)) continue;
		const element = findAdditionalField(doc, label, locate)?.element;
		if (!element) {
			report.notDone.push({ what: label, why: `Campo adicional "${label}" não apareceu no formulário (depende da categoria?); preencha manualmente.` });
			continue;
		}
		write(element, label, value, report);
	}
}

function write(element: Control, what: string, text: string, report: ApplyReport): void {
	const { journal } = report;
	if (isSelect(element)) {
		const outcome = selectOption(element, text, { journal, label: what });
		if (outcome.kind === 'selected' || outcome.kind === 'already') report.done.push({ what, outcome: outcome.kind, text: outcome.text });
		else if (outcome.kind === 'missing-option') {
			const options = outcome.ambiguous.length > 1 ? outcome.ambiguous : outcome.options;
			report.notDone.push({ what, why: `"${what}": opção "${text}" não existe neste Qualitor (opções: ${options.join(', ') || 'nenhuma'}); escolha manualmente.` });
		} else report.notDone.push({ what, why: `"${what}" está bloqueado; escolha "${text}" manualmente.` });
		return;
	}
	if (!isTextField(element)) {
		report.notDone.push({ what, why: `"${what}" é um tipo de campo que a extensão não preenche; preencha manualmente.` });
		return;
	}
	const outcome = fill(element, text, { journal, label: what });
	if (outcome === 'not-fillable') {
		report.notDone.push({ what, why: `"${what}" está somente leitura ou bloqueado; cole o texto manualmente.` });
	} else if (outcome === 'too-long') {
		report.notDone.push({ what, why: `O texto não cabe em "${what}" (limite de ${element.maxLength} caracteres); resuma-o e cole manualmente.` });
	} else report.done.push({ what, outcome });
}

function now(): number {
	return globalThis.performance?.now() ?? Date.now();
}
