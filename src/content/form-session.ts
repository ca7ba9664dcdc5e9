import { applySop, undoApply, type ApplyReport, type DoneItem } from '../qualitor/apply.ts';
import { findMissingChecks } from '../qualitor/checks.ts';
import { findTicketForm } from '../qualitor/detect.ts';
import { checkFieldHealth, FIELD_NAMES, findField } from '../qualitor/fields.ts';
import { readPageValues } from '../qualitor/page-values.ts';
import { planFields } from '../sop/plan.ts';
import { clockVariables } from '../sop/template.ts';
import { locateOptions, mapCategorisation } from './mapping.ts';
import { currentMapping } from './settings.ts';
import type { ApplyOutcome, FormSession, UndoOutcome } from './session.ts';
import { readTicketText, watchEdits, watchTicketText } from './ticket-text.ts';

const OUTCOME_WORDS: Record<DoneItem['outcome'], string> = {
	filled: 'preenchido',
	appended: 'texto do SOP acrescentado após o que já estava escrito',
	unchanged: 'já continha o texto do SOP',
	selected: 'selecionado',
	already: 'já estava selecionado',
};

const describe = (d: DoneItem) => `${d.what}: ${d.text ? `${d.text} (${OUTCOME_WORDS[d.outcome]})` : OUTCOME_WORDS[d.outcome]}`;

/** The template variables the page gives. */
function pageValues(doc: Document): Record<string, string> {
	const v = readPageValues(doc);
	const out: Record<string, string> = {};
	if (v.cliente) out.cliente = v.cliente;
	if (v.contato) out.contato = v.contato;
	return out;
}

/** Binds the overlay to the ticket form of this document; null when there is none. */
export function createFormSession(doc: Document): FormSession | null {
	const form = findTicketForm(doc);
	if (!form) return null;
	const { mode } = form;
	const controller = new AbortController();
	const firstSeen = new Date();
	const openedAt = readPageValues(doc).dataAberturaDate;
	// Applies stack up; "Desfazer" takes the form back to before the first one.
	const applied: ApplyReport[] = [];
	// One apply or undo at a time: a second one started during Qualitor's loads would journal half-written values.
	let queue: Promise<unknown> = Promise.resolve();
	const serialise = <T,>(task: () => Promise<T>): Promise<T> => {
		const next = queue.then(task, task);
		queue = next.catch(() => undefined);
		return next;
	};
	const locate = () => ({ ...locateOptions(currentMapping()), mode });
	let saveCallback: (() => void) | undefined;

	doc.addEventListener(
		'click',
		(event) => {
			const target = event.target as Element | null;
			// Cheap test first: only a click on a button-like element can be Qualitor's save.
			if (!target?.closest?.('button, input[type="button"], input[type="submit"], input[type="image"], a')) return;
			const save = findField(doc, 'processar', locate())?.element;
			if (save && (save === target || save.contains(target))) {
				try {
					saveCallback?.();
				} catch (error) {
					console.warn('[SOP Assist]', error);
				}
			}
		},
		{ capture: true, signal: controller.signal },
	);

	return {
		mode,
		openedAt: openedAt ?? firstSeen,
		openedAtKnown: Boolean(openedAt),
		readText: () => readTicketText(doc, locate()),
		watchText: (onChange) => watchTicketText(doc, locate, onChange),
		watchForm: (onChange) => watchEdits(doc, (target) => !target.closest('[data-sop-assist]'), onChange, 300),
		health() {
			const h = checkFieldHealth(doc, { ...locateOptions(currentMapping()), mode });
			return { found: h.found.length, expected: h.found.length + h.missing.length, missing: h.missing.map((k) => FIELD_NAMES[k]) };
		},
		pageValues: () => pageValues(doc),
		apply: (sop, typed) => serialise(async (): Promise<ApplyOutcome> => {
			// Read now, not when the SOP was opened: the clock moves and the agent may have chosen the client since.
			const plan = planFields(sop, { ...clockVariables(new Date()), ...pageValues(doc), ...typed });
			// This installation's names and locators, as set in the options page (Mapeamento).
			const mapping = currentMapping();
			const report = await applySop(
				doc,
				{
					categorisation: mapCategorisation(sop.qualitor, mapping.names),
					fields: { titulo: plan.titulo, descricao: plan.descricao, solucao: plan.solucao },
					adicionais: plan.adicionais,
				},
				{ mode, locate: locateOptions(mapping) },
			);
			applied.push(report);
			return {
				done: report.done.map(describe),
				notDone: [
					...report.notDone,
					...plan.skipped.map((s) => ({ what: s.field, why: `não preenchido: faltam ${s.missing.join(', ')}` })),
				],
				canUndo: true,
				workMs: report.timing.workMs,
			};
		}),
		undo: () =>
			serialise(async (): Promise<UndoOutcome> => {
				const outcome: UndoOutcome = { restored: 0, problems: [] };
				for (let report = applied.pop(); report; report = applied.pop()) {
					const undone = await undoApply(report);
					outcome.restored += undone.restored.length;
					outcome.problems.push(...undone.problems.map((p) => `${p.what}: ${p.why}`));
				}
				return outcome;
			}),
		canUndo: () => applied.length > 0,
		missingChecks: (sop) => findMissingChecks(doc, [...sop.checklist.verify, ...sop.checklist.ask, ...sop.checklist.tell], locate()).map((m) => m.item),
		onSave(callback) {
			saveCallback = callback;
		},
	};
}
