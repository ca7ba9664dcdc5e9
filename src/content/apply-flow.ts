import { dispatchEdit, setNativeValue } from '../dom/events.ts';
import { fill } from '../dom/fill.ts';
import { isTextField } from '../dom/fillable.ts';
import { applySop, type ApplyReport, type DoneItem, type NotDoneItem } from '../qualitor/apply.ts';
import { LOADING_ITEM } from '../qualitor/additional.ts';
import { FIELD_NAMES, findAdditionalField, findField, type FormMode, type LocateOptions } from '../qualitor/fields.ts';
import { planFields } from '../sop/plan.ts';
import { routeVariables, type Route } from '../sop/route.ts';
import type { Sop } from '../sop/types.ts';
import { variableLabel } from '../sop/variable-label.ts';
import type { Mapping } from '../storage/mappings.ts';
import { mapCategorisation } from './mapping.ts';
import type { ApplyOutcome, ReportLine } from './session.ts';

const OUTCOME_WORDS: Record<DoneItem['outcome'], string> = {
	filled: 'preenchido',
	appended: 'texto do SOP acrescentado após o que já estava escrito',
	replaced: 'valor padrão do campo substituído pelo do SOP',
	unchanged: 'já continha o texto do SOP',
	selected: 'selecionado',
	already: 'já estava selecionado',
};

const describe = (d: DoneItem): ReportLine => ({
	field: d.what,
	text: `${d.what}: ${d.text ? `${d.text} (${OUTCOME_WORDS[d.outcome]})` : OUTCOME_WORDS[d.outcome]}`,
});

interface FlowOptions {
	mode: FormMode;
	mapping: Mapping;
	locate: LocateOptions;
	/** The form session's lifecycle: waits stop, and SOP fields arriving later stop being filled, when it ends. */
	signal?: AbortSignal | undefined;
	/** A SOP field that arrived after the report was shown was written (or could not be): see `withLateFill`. */
	onLateFill?: ((done: DoneItem[], notDone: NotDoneItem[], remaining: number) => void) | undefined;
}

/**
 * One apply as the agent lives it: the SOP's texts with the values given, each value in the field the
 * form has for it (additional fields Telefone, E-mail, CPF/CNPJ, Nome, Protocolo, a required "Solução"),
 * Descrição only when there is none; a title the agent typed stays the title (the SOP's is offered).
 */
export async function applyFlow(doc: Document, sop: Sop, values: Readonly<Record<string, string>>, options: FlowOptions): Promise<{ report: ApplyReport; outcome: ApplyOutcome }> {
	const routed = routeVariables(sop, values);
	const plan = planFields(routed.sop, values);
	const locate: LocateOptions = { ...options.locate, mode: options.mode };
	const offers: ApplyOutcome['offers'] = {};
	const title = findField(doc, 'titulo', locate)?.element as HTMLInputElement | undefined;
	if (plan.titulo && title && typeof title.value === 'string' && title.value.trim() && !title.value.includes(plan.titulo)) {
		offers.titulo = plan.titulo;
		delete plan.titulo;
	}
	const routes: Route[] = [...routed.routes];
	// The solution also goes into a "Solução" additional field when the form has one (often required).
	if (plan.solucao && !Object.keys(plan.adicionais).some((l) => l.toLowerCase() === 'solução')) {
		routes.push({ label: 'Solução', text: plan.solucao, fallback: '' });
	}
	// In the editor, the additional fields present before the apply hold the ticket's saved values (kept,
	// the SOP's text appended); any other field showing what it was rendered with holds an admin default.
	const saved = new Set<Element>(options.mode === 'edit' ? doc.querySelectorAll('[id^="vlinformacaoadicional" i], [name^="vlinformacaoadicional" i]') : []);
	const isSavedValue = (element: Element): boolean => saved.has(element);
	const report = await applySop(
		doc,
		{
			categorisation: mapCategorisation(sop.qualitor, options.mapping.names),
			fields: { titulo: plan.titulo, descricao: plan.descricao, solucao: plan.solucao },
			adicionais: plan.adicionais,
		},
		// A SOP field that arrives later (a slow load, a category chosen afterwards) is filled then, journalled with the rest.
		{ mode: options.mode, locate: options.locate, signal: options.signal, isSavedValue, onLateFill: options.onLateFill ?? (() => undefined) },
	);
	writeRoutes(doc, routes, report, locate, isSavedValue);
	const labelOf = (name: string) => variableLabel(sop, name);
	const fieldName = (key: string) => (key in FIELD_NAMES ? FIELD_NAMES[key as keyof typeof FIELD_NAMES] : key);
	return {
		report,
		outcome: {
			done: report.done.map(describe),
			notDone: [
				...report.notDone,
				...plan.skipped.map((s) => ({ what: fieldName(s.field), why: `não preenchido; falta informar: ${s.missing.map(labelOf).join(', ')}` })),
			],
			canUndo: true,
			workMs: report.timing.workMs,
			...(offers.titulo ? { offers } : {}),
		},
	};
}

/**
 * The report after SOP fields arrived late and were written: each moves from "not done" to "done", worded
 * as the apply's own lines; a field that arrived but could not be written has its new reason; once none
 * is awaited, the note that Qualitor was still loading goes too. A new object: the old one is not changed.
 */
export function withLateFill(outcome: ApplyOutcome, done: readonly DoneItem[], notDone: readonly NotDoneItem[], remaining: number): ApplyOutcome {
	const settled = new Set([...done, ...notDone].map((d) => d.what));
	return {
		...outcome,
		done: [...outcome.done, ...done.map(describe)],
		notDone: [...outcome.notDone.filter((n) => !settled.has(n.what) && !(remaining === 0 && n.what === LOADING_ITEM)), ...notDone],
	};
}

/** Each routed value into its additional field when the form has it; else its lines into Descrição. */
function writeRoutes(doc: Document, routes: readonly Route[], report: ApplyReport, locate: LocateOptions, isSavedValue: (element: Element) => boolean): void {
	const toDescricao: string[] = [];
	for (const route of routes) {
		const element = findAdditionalField(doc, route.label, locate)?.element;
		if (!element || !isTextField(element)) {
			if (route.fallback) toDescricao.push(route.fallback);
			continue;
		}
		// An untouched admin default ("Não informado") is replaced by the routed value, not added to.
		const outcome = fill(element, route.text, { journal: report.journal, label: route.label, replaceDefault: !isSavedValue(element) });
		if (outcome === 'filled' || outcome === 'appended' || outcome === 'replaced' || outcome === 'unchanged') report.done.push({ what: route.label, outcome });
		else if (route.fallback) toDescricao.push(route.fallback);
	}
	if (!toDescricao.length) return;
	const descricao = findField(doc, 'descricao', locate)?.element;
	if (!isTextField(descricao)) return;
	const outcome = fill(descricao, toDescricao.join('\n'), { journal: report.journal, label: FIELD_NAMES.descricao });
	if (outcome === 'filled' || outcome === 'appended') report.done.push({ what: FIELD_NAMES.descricao, outcome });
}

/** Puts the SOP's title in place of the agent's, journalled with the apply so that Desfazer brings theirs back. */
export function replaceTitle(doc: Document, text: string, report: ApplyReport, locate: LocateOptions): boolean {
	const field = findField(doc, 'titulo', locate)?.element;
	if (!isTextField(field) || field.readOnly || field.disabled) return false;
	report.journal.record(field, { label: FIELD_NAMES.titulo });
	setNativeValue(field, text);
	// The key events too: the page's `onkeyup="maximumLength()"` must see the new title.
	dispatchEdit(field, { keys: true });
	report.journal.noteWritten(field);
	return field.value === text;
}
