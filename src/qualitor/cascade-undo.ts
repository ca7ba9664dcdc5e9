import type { Journal } from '../dom/journal.ts';
import type { JournalEntry, UndoOptions, UndoReport } from '../dom/journal-types.ts';
import { changedSinceWritten, findEntryElement, restoreEntry } from '../dom/restore.ts';
import { isPlaceholder } from '../dom/placeholder.ts';
import { carryAdditionalFields, snapshotAdditionalFields } from './carry.ts';
import type { LocateOptions } from './fields.ts';
import { isStale, LATE_LOAD_MS, snapshotSelect, waitForLevel, waitForQuiet, type SelectSnapshot } from './loading.ts';
import { hasOption } from '../dom/select-option.ts';
import type { Limits } from './report-types.ts';

const ORDER = ['Tipo', 'Categoria 1', 'Categoria 2', 'Categoria 3'];

/**
 * Undoes the cascade the way a person would: Tipo, then each level once the previous level's load
 * has finished, then Prioridade last (restoring a category may make Qualitor set its default priority).
 * Elements are re-found by id at every step, since each load replaces them. A level the agent changed
 * after the apply keeps the whole categorisation as it is (undoing any level would reload it away);
 * a changed Prioridade is kept on its own. Qualitor reloads the additional fields with the category:
 * what they hold when the undo starts is put back where they reappear, and said when they do not.
 */
export async function restoreCategorisation(
	doc: Document,
	entries: readonly JournalEntry[],
	options: Limits & UndoOptions & { journal?: Journal | undefined; locate?: LocateOptions | undefined },
): Promise<UndoReport> {
	const report: UndoReport = { restored: [], problems: [] };
	const rank = (e: JournalEntry): number => (ORDER.includes(e.label) ? ORDER.indexOf(e.label) : ORDER.length);
	const ordered = [...entries].sort((a, b) => rank(a) - rank(b));
	// Judged before anything moves: once Tipo is restored, every level shows something else anyway.
	const changed = new Set(options.overwriteEdits ? [] : ordered.filter((e) => changedSinceWritten(e, findEntryElement(doc, e))));
	const changedLevels = ordered.filter((e) => changed.has(e) && rank(e) < ORDER.length).map((e) => e.label);
	// The agent's later edits included; the SOP's untouched part left out (the apply's journal knows it).
	const carried = snapshotAdditionalFields(doc, options.journal);
	let moved = false;
	// Set when the previous step changed a select: the state of this step's element before that change.
	let reloading: SelectSnapshot | null = null;
	for (const [i, entry] of ordered.entries()) {
		const isLevel = rank(entry) < ORDER.length;
		if (changed.has(entry) || (isLevel && changedLevels.length > 0)) {
			const why = changed.has(entry)
				? 'Foi alterado depois de aplicar; não foi desfeito para não perder a escolha feita.'
				: `Não foi desfeito: ${changedLevels.join(', ')} mudou depois de aplicar, e desfazer a categorização perderia essa escolha.`;
			report.problems.push({ what: entry.label, why });
			continue;
		}
		const hadChoice = entry.prior.kind === 'select' && !(entry.prior.index < 0 || isPlaceholder(entry.prior));
		if (reloading) {
			const limits = { ...options, what: entry.label };
			const wait =
				hadChoice && rank(entry) > 0 && rank(entry) < ORDER.length
					? await waitForLevel(doc, () => asSelect(findEntryElement(doc, entry)), reloading, limits)
					: await waitForQuiet(doc, limits);
			if (!wait.ok && wait.reason === 'aborted') {
				report.problems.push({ what: entry.label, why: 'Desfazer foi cancelado.' });
				break;
			}
			// Taken as loaded only because nothing moved, without the option to restore: a late load, waited for once.
			const level = wait.ok && wait.value !== true ? wait.value : null;
			if (level && reloading && hadChoice && entry.prior.kind === 'select' && isStale(level, reloading) && !hasOption(level, entry.prior.text)) {
				await waitForLevel(doc, () => asSelect(findEntryElement(doc, entry)), snapshotSelect(level), { ...limits, settleMs: Math.min(options.timeoutMs, LATE_LOAD_MS) });
			}
		}
		const element = asSelect(findEntryElement(doc, entry));
		if (!element) {
			reloading = null;
			// A level that held no choice before and is gone now is back to how it was.
			if (hadChoice) report.problems.push({ what: entry.label, why: `Não apareceu de novo; escolha "${priorText(entry)}" manualmente.` });
			else report.restored.push(entry.label);
			continue;
		}
		const next = ordered[i + 1];
		const nextBefore = snapshotSelect(next ? asSelect(findEntryElement(doc, next)) : null);
		const indexBefore = element.selectedIndex;
		// Already judged above; what this element shows now may be a reload by an earlier step.
		const result = restoreEntry(doc, entry, { ...options, overwriteEdits: true });
		report.restored.push(...result.restored);
		report.problems.push(...result.problems);
		reloading = element.selectedIndex !== indexBefore ? nextBefore : null;
		moved ||= reloading !== null;
	}
	if (moved && carried.length > 0 && !options.signal?.aborted) {
		if (reloading) await waitForQuiet(doc, { ...options, what: 'os campos adicionais' });
		// The page is quiet: the fields are back by now or are not coming (the old category lacks them).
		const carry = await carryAdditionalFields(doc, carried, {
			locate: options.locate,
			timeoutMs: Math.min(options.timeoutMs, Math.max(options.settleMs, 1000)),
			signal: options.signal,
			cause: 'ao desfazer a categorização',
		});
		report.problems.push(...carry.notDone);
	}
	return report;
}

function asSelect(element: Element | null): HTMLSelectElement | null {
	return element?.localName === 'select' ? (element as HTMLSelectElement) : null;
}

function priorText(entry: JournalEntry): string {
	if (entry.prior.kind === 'check') return entry.prior.checked ? 'marcado' : 'desmarcado';
	return entry.prior.kind === 'select' ? entry.prior.text.trim() : entry.prior.value;
}
