import type { Journal } from '../dom/journal.ts';
import { hasOption, selectOption, type SelectOutcome } from '../dom/select-option.ts';
import { restoreCategorisation } from './cascade-undo.ts';
import { FIELD_NAMES, findField, type FieldKey, type FormMode, type LocateOptions } from './fields.ts';
import { isStale, LATE_LOAD_MS, snapshotSelect, waitForLevel, waitForQuiet, type SelectSnapshot } from './loading.ts';
import type { DoneItem, Limits, NotDoneItem } from './report-types.ts';

export type { DoneItem, Limits, NotDoneItem } from './report-types.ts';

/** Journal group of the cascade's selects: undone together, level 1 first. */
export const CATEGORISATION_GROUP = 'qualitor:categorizacao';

export interface CategorisationPlan {
	tipo?: string | undefined;
	/** Level 1 first. */
	categorias?: readonly string[] | undefined;
	prioridade?: string | undefined;
}

export interface CascadeOptions {
	mode?: FormMode;
	/** Bound for each wait (each level's load); default 5000 ms. */
	timeoutMs?: number;
	/** How long to trust a level when Qualitor showed no loading indicator; default 300 ms. */
	settleMs?: number;
	signal?: AbortSignal;
	journal?: Journal;
	locate?: LocateOptions;
}


export interface CascadeReport {
	done: DoneItem[];
	notDone: NotDoneItem[];
	/** Every level asked for was chosen. */
	complete: boolean;
	waitMs: number;
}

const CATEGORY_KEYS = ['categoria1', 'categoria2', 'categoria3'] as const;


/**
 * Chooses Tipo, Categoria 1..n and Prioridade by their option texts, waiting after each choice for
 * Qualitor's AJAX load and re-querying every select afterwards (Qualitor re-renders the category cell).
 * Stops the cascade at the first level it cannot choose, says why in `notDone`, and resolves; never throws.
 */
export async function applyCategorisation(
	doc: Document,
	plan: CategorisationPlan,
	options: CascadeOptions = {},
): Promise<CascadeReport> {
	const report: CascadeReport = { done: [], notDone: [], complete: false, waitMs: 0 };
	try {
		await run(doc, plan, options, report);
	} catch (error) {
		report.complete = false;
		report.notDone.push({ what: 'Categorização', why: `Erro inesperado: ${String(error)}. Escolha Tipo e Categorias manualmente.` });
	}
	return report;
}

async function run(doc: Document, plan: CategorisationPlan, options: CascadeOptions, report: CascadeReport): Promise<void> {
	const mode = options.mode ?? 'new';
	const locate: LocateOptions = { ...options.locate, mode };
	const limits = { timeoutMs: options.timeoutMs ?? 5000, settleMs: options.settleMs ?? 300, signal: options.signal };
	const journal = options.journal;
	const categorias = (plan.categorias ?? []).slice(0, CATEGORY_KEYS.length);
	const query = (key: FieldKey): HTMLSelectElement | null => selectFor(doc, key, mode, locate);

	if (journal) {
		journal.useRestorer(CATEGORISATION_GROUP, (entries, undo) => restoreCategorisation(doc, entries, { ...limits, ...undo, journal, locate }));
		// Before anything changes: re-rendered levels and Qualitor's default priority must be undone to these.
		for (const key of ['tipo', ...CATEGORY_KEYS, 'prioridade'] as const) {
			const select = query(key);
			if (select) journal.record(select, { label: FIELD_NAMES[key], group: CATEGORISATION_GROUP });
		}
	}
	const choose = (key: FieldKey, select: HTMLSelectElement, wanted: string): SelectOutcome => {
		const outcome = selectOption(select, wanted, { journal, label: FIELD_NAMES[key], group: CATEGORISATION_GROUP });
		if (outcome.kind === 'selected' || outcome.kind === 'already') {
			report.done.push({ what: FIELD_NAMES[key], outcome: outcome.kind, text: outcome.text });
		} else {
			report.notDone.push({ what: FIELD_NAMES[key], why: whyNotChosen(FIELD_NAMES[key], wanted, outcome) });
		}
		return outcome;
	};
	const skipRest = (from: number, reason: string): void => {
		categorias.slice(from).forEach((name, i) => {
			report.notDone.push({ what: `Categoria ${from + i + 1}`, why: `Categoria ${from + i + 1} "${name}" não foi escolhida: ${reason}` });
		});
	};

	let cascadeOk = true;
	// The state of the level about to load, taken before the change that reloads it.
	let before: SelectSnapshot | null = null;
	if (plan.tipo) {
		const select = query('tipo');
		if (!select) {
			report.notDone.push({ what: 'Tipo', why: `Campo "Tipo" não encontrado no formulário; escolha "${plan.tipo}" manualmente.` });
			cascadeOk = false;
		} else {
			const next = snapshotSelect(query('categoria1'));
			const outcome = choose('tipo', select, plan.tipo);
			cascadeOk = outcome.kind === 'selected' || outcome.kind === 'already';
			before = outcome.kind === 'selected' ? next : null;
			if (outcome.kind === 'selected' && categorias.length === 0) await quiet(doc, limits, report, 'a carga após escolher o Tipo');
		}
		if (!cascadeOk) skipRest(0, 'o Tipo não foi escolhido.');
	}

	for (let level = 1; cascadeOk && level <= categorias.length; level++) {
		const key = CATEGORY_KEYS[level - 1]!;
		const wanted = categorias[level - 1]!;
		const previous = level === 1 ? (plan.tipo ? `Tipo "${plan.tipo}"` : 'o Tipo') : `Categoria ${level - 1} "${categorias[level - 2]}"`;
		let ready = await waitForLevel(doc, () => query(key), before, {
			...limits,
			what: `a Categoria ${level} carregar`,
		});
		report.waitMs += ready.waitedMs;
		// Taken as loaded only because nothing moved for settleMs, and without the wanted option: the load may
		// just be late (#divLoading "may appear a moment after the change"). Wait for it, bounded, once.
		if (ready.ok && before && isStale(ready.value, before) && !hasOption(ready.value, wanted)) {
			const late = await waitForLevel(doc, () => query(key), snapshotSelect(ready.value), {
				...limits,
				settleMs: Math.min(limits.timeoutMs, LATE_LOAD_MS),
				what: `a Categoria ${level} carregar`,
			});
			report.waitMs += late.waitedMs;
			if (late.ok) ready = late;
		}
		if (!ready.ok) {
			const why =
				ready.reason === 'aborted'
					? `Cancelado antes da Categoria ${level}.`
					: `Categoria ${level} não apareceu em ${seconds(limits.timeoutMs)} s depois de escolher ${previous}; escolha "${wanted}" manualmente.`;
			report.notDone.push({ what: `Categoria ${level}`, why });
			skipRest(level, `a cascata parou na Categoria ${level}.`);
			cascadeOk = false;
			break;
		}
		const nextLevel = CATEGORY_KEYS[level];
		const next = snapshotSelect(nextLevel ? query(nextLevel) : null);
		const outcome = choose(key, ready.value, wanted);
		if (outcome.kind !== 'selected' && outcome.kind !== 'already') {
			skipRest(level, `a cascata parou na Categoria ${level}.`);
			cascadeOk = false;
			break;
		}
		before = outcome.kind === 'selected' ? next : null;
		if (level === categorias.length && outcome.kind === 'selected') {
			await quiet(doc, limits, report, `a carga após escolher a Categoria ${level}`);
		}
	}
	report.complete = cascadeOk;

	if (plan.prioridade && !options.signal?.aborted) {
		const select = query('prioridade');
		if (!select) {
			report.notDone.push({ what: 'Prioridade', why: `Campo "Prioridade" não encontrado; escolha "${plan.prioridade}" manualmente.` });
			report.complete = false;
		} else if (!['selected', 'already'].includes(choose('prioridade', select, plan.prioridade).kind)) {
			report.complete = false;
		}
	}
}

async function quiet(doc: Document, limits: Limits, report: CascadeReport, what: string): Promise<void> {
	const result = await waitForQuiet(doc, { ...limits, what });
	report.waitMs += result.waitedMs;
	if (!result.ok && result.reason === 'timeout') {
		report.notDone.push({ what: 'Carregamento', why: `O Qualitor ainda carregava após ${seconds(limits.timeoutMs)} s (${what}); confira os campos antes de salvar.` });
	}
}


/** A category level by id (or override / label), else the n-th select of the category cell. */
function selectFor(doc: Document, key: FieldKey, mode: FormMode, locate: LocateOptions): HTMLSelectElement | null {
	const located = findField(doc, key, locate);
	if (located?.element.localName === 'select') return located.element as HTMLSelectElement;
	const level = CATEGORY_KEYS.indexOf(key as (typeof CATEGORY_KEYS)[number]);
	if (level < 0) return null;
	const cell = doc.getElementById(mode === 'edit' ? 'tdCategoriaChange' : 'tdCategoria');
	return cell?.querySelectorAll('select')[level] ?? null;
}

function whyNotChosen(what: string, wanted: string, outcome: SelectOutcome): string {
	if (outcome.kind === 'not-fillable') return `${what} está desabilitado ou oculto; escolha "${wanted}" manualmente.`;
	if (outcome.kind !== 'missing-option') return '';
	if (outcome.ambiguous.length > 1) {
		return `${what} "${wanted}" é ambíguo neste Qualitor (corresponde a: ${outcome.ambiguous.join(', ')}); escolha manualmente.`;
	}
	return `${what} "${wanted}" não existe neste Qualitor (opções: ${outcome.options.join(', ') || 'nenhuma'}); escolha manualmente.`;
}

function seconds(ms: number): string {
	return String(Math.round(ms / 100) / 10);
}
