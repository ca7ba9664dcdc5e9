import type { EditTracker } from '../dom/hold.ts';
import type { ApplyReport } from '../qualitor/apply.ts';
import type { CarriedValue } from '../qualitor/carry.ts';
import type { LocateOptions } from '../qualitor/fields.ts';
import { holdLosses, holdWrites, type Hold, type HoldResult } from '../qualitor/hold.ts';
import type { ApplyOutcome, UndoOutcome } from './session.ts';
import { t } from '../ui/i18n.ts';

/** Appended to a report line whose value the hold wrote again. */
export const REWRITTEN_NOTE = ' — escrito de novo: o Qualitor mudou o campo depois de aplicar';

export interface ApplyHoldOptions {
	signal: AbortSignal;
	locate: LocateOptions;
	/** When the apply started (`Date.now()`): a person's edit since then makes a field theirs. */
	since: number;
	/** The agent's edits since the apply started (`trackPersonEdits`): those fields are theirs; stopped with the hold. */
	typing?: EditTracker | undefined;
	/** The person's additional-field values from before the apply, held by label too. */
	carried?: readonly CarriedValue[] | undefined;
	/** The report changed: apply `update` to the report shown (the same report, updated). */
	onOutcome?: ((update: (outcome: ApplyOutcome) => ApplyOutcome) => void) | undefined;
	/** Called once with the hold's final result (figures, tests). */
	onEnd?: ((result: HoldResult) => void) | undefined;
}

/**
 * After an apply: keeps what it wrote while Qualitor's own late work runs (`qualitor/hold.ts`), and keeps
 * the report true — a field the page changed for good moves to "not done", a field written again says so.
 * Stopping the apply's late work (`report.stopLate`, which undo calls first) stops the hold too.
 */
export function holdApplied(doc: Document, report: ApplyReport, options: ApplyHoldOptions): AppliedHold {
	let stopped = false;
	let finished = false;
	const start = (): Hold => {
		finished = false;
		const hold = holdWrites(doc, report.journal, {
			signal: options.signal,
			locate: options.locate,
			since: options.since,
			typing: options.typing,
			carried: options.carried,
			// A re-build later than the hold's quiet second is still written again, and the report follows.
			watchAfter: true,
			onUpdate: (result) => {
				if (result.finished) finished = true;
				options.onOutcome?.((outcome) => withHold(outcome, result));
			},
		});
		if (options.onEnd) void hold.done.then(options.onEnd);
		return hold;
	};
	let hold = start();
	const stopLate = report.stopLate;
	report.stopLate = () => {
		stopped = true;
		hold.stop();
		options.typing?.stop();
		stopLate();
	};
	return {
		stop: () => hold.stop(),
		again: () => {
			if (stopped || options.signal.aborted) return;
			// A running hold took its fields from the journal when it began, and an ended one may still watch:
			// begin again to hold the new ones too (the new hold watches from its own end).
			hold.stop();
			hold = start();
		},
	};
}

export interface AppliedHold {
	stop(): void;
	/**
	 * The page is working again for this apply (a SOP field arrived late and was written): hold once more,
	 * the late field with the rest (a running hold is begun again). Nothing after `report.stopLate` (an
	 * undo) or the session's end.
	 */
	again(): void;
}

/**
 * The report after the hold's (cumulative) result: lines of fields that did not hold leave "done" and
 * come back as "not done" with the reason; lines of fields written again carry a note. Idempotent.
 */
export function withHold(outcome: ApplyOutcome, result: HoldResult): ApplyOutcome {
	const lost = holdLosses(result);
	const lostWhat = new Set(lost.map((l) => l.what));
	const typed = (what: string) => `${what}: texto digitado mantido${REWRITTEN_NOTE}`;
	const done = outcome.done
		.filter((line) => !lostWhat.has(line.field))
		.map((line) => {
			if (!result.rewritten.some((r) => r.what === line.field)) return line;
			// Written again with what the agent typed over the SOP's value: the line says so, not the SOP's value.
			if (result.typed.includes(line.field)) return { ...line, text: typed(line.field) };
			return line.text.endsWith(REWRITTEN_NOTE) ? line : { ...line, text: line.text + REWRITTEN_NOTE };
		});
	// A carried value the apply found still in place has no line of its own until it had to be written again.
	for (const { what } of result.rewritten) {
		if (lostWhat.has(what) || done.some((line) => line.field === what)) continue;
		done.push({ field: what, text: result.typed.includes(what) ? typed(what) : `${what}: texto anterior mantido${REWRITTEN_NOTE}` });
	}
	const known = (n: { what: string; why: string }) => outcome.notDone.some((o) => o.what === n.what && o.why === n.why);
	return { ...outcome, done, notDone: [...outcome.notDone, ...lost.filter((l) => !known(l))], settling: !result.finished };
}

/**
 * The undo's report after its hold's (cumulative) result: what was written back is named, what did not stay
 * leaves the count of restored fields (`restoredWhat`: the names the undo restored) and is named, in the
 * agent's words, with what the field shows now. Applied to the report as the undo first made it; idempotent.
 */
export function withUndoHold(outcome: UndoOutcome, result: HoldResult, restoredWhat: readonly string[]): UndoOutcome {
	const lost = result.lost.map(({ what, kind, shown, wanted }) => ({
		what,
		why: kind === 'gone' ? t('undoNotRestoredGone', wanted) : t('undoNotRestoredFought', shown.trim() ? `"${shown}"` : t('undoShownEmpty')),
	}));
	return {
		...outcome,
		restored: Math.max(0, outcome.restored - lost.filter((l) => restoredWhat.includes(l.what)).length),
		rewritten: result.rewritten.filter((r) => !lost.some((l) => l.what === r.what)).map((r) => r.what),
		notRestored: lost,
		settling: !result.finished,
	};
}
