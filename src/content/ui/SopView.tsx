import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { planFields, sopVariables } from '../../sop/plan.ts';
import { routeVariables } from '../../sop/route.ts';
import { clockVariables } from '../../sop/template.ts';
import type { Sop } from '../../sop/types.ts';
import { variableLabel } from '../../sop/variable-label.ts';
import { t } from '../../ui/i18n.ts';
import type { ApplyOutcome, FormSession, UndoOutcome } from '../session.ts';
import { Checklist } from './Checklist.tsx';
import type { Draft } from './draft.ts';
import { Procedure } from './Procedure.tsx';
import { Reply, replyValues } from './Reply.tsx';
import { SlaClock } from './SlaClock.tsx';

interface Props {
	sop: Sop;
	session: FormSession;
	onBack(): void;
	/** What the agent typed and ticked for this SOP in this ticket (kept by the overlay). */
	draft: Draft;
	onDraft(change: (draft: Draft) => Draft): void;
	/** Bumped when the agent edits the form, so what the form says is read again. */
	formVersion: number;
	onApplied(sop: Sop): void;
	onUndone(): void;
}

const FIELD_LABELS: Record<'titulo' | 'descricao' | 'solucao', () => string> = {
	titulo: () => t('fieldTitulo'),
	descricao: () => t('fieldDescricao'),
	solucao: () => t('fieldSolucao'),
};

/** Whether applying the SOP would change anything in the form. */
export function hasSomethingToApply(sop: Sop): boolean {
	const q = sop.qualitor;
	const { titulo, descricao, solucao, adicionais } = sop.templates;
	return Boolean(q?.tipo || q?.categorias?.length || q?.prioridade || titulo || descricao || solucao || Object.keys(adicionais).length);
}

/** What could not be done (or did not stay), each a link to its field. */
function NotDone({ title, report, items, onFocus }: { title: string; report: string; items: readonly { what: string; why: string }[]; onFocus(field: string): void }) {
	return (
		<>
			<p>{title}</p>
			<ul class="not-done" data-report={report}>
				{items.map((n) => (
					<li key={n.what + n.why}>
						<button type="button" class="link" data-field={n.what} onClick={() => onFocus(n.what)}>
							<strong>{n.what}</strong>
						</button>
						: {n.why}
					</li>
				))}
			</ul>
		</>
	);
}

export function SopView({ sop, session, onBack, draft, onDraft, formVersion, onApplied, onUndone }: Props) {
	const [busy, setBusy] = useState(false);
	const [outcome, setOutcome] = useState<ApplyOutcome | null>(null);
	const [undone, setUndone] = useState<UndoOutcome | null>(null);
	const [titleTaken, setTitleTaken] = useState(false);
	const article = useRef<HTMLElement>(null);
	// SOP fields that arrive after the report was shown are written then: the session sends the same report, updated.
	useEffect(() => session.watchOutcome((next) => setOutcome((shown) => (shown && shown.id === next.id ? next : shown))), [session]);
	// The undo's report follows its hold the same way.
	useEffect(() => session.watchUndone((next) => setUndone((shown) => (shown && shown.id === next.id ? next : shown))), [session]);

	// What the form says changes as the agent works in it: re-read after their edits, not on every render.
	const pageValues = useMemo(() => session.pageValues(), [session, outcome, formVersion]);
	const missing = useMemo(() => new Set(session.missingChecks(sop)), [session, sop, outcome, formVersion]);
	// The agent is asked for what the page and the clock cannot give; the preview shows what applying now would write.
	const clock = clockVariables(new Date());
	const reply = sop.resposta ? replyValues(sop.resposta, draft, pageValues, clock) : undefined;
	const asked = sopVariables(sop).filter((name) => !(name in clock) && !pageValues[name] && name !== 'resposta' && !(reply && name === 'contato'));
	const values = { ...clock, ...pageValues, ...draft.typed, ...(reply?.values ?? {}) };
	const routed = routeVariables(sop, values);
	const plan = planFields(routed.sop, values);
	const labelOf = (name: string) => (reply && name === 'contato' ? t('replyRecipient') : variableLabel(sop, name));
	const applicable = hasSomethingToApply(sop);
	const ticked = new Set(draft.ticked);

	const toggle = (key: string) =>
		onDraft((d) => ({ ...d, ticked: d.ticked.includes(key) ? d.ticked.filter((k) => k !== key) : [...d.ticked, key] }));
	const type = (name: string, value: string) => onDraft((d) => ({ ...d, typed: { ...d.typed, [name]: value } }));
	// Enter in an input moves to the next one; it never applies.
	const onInputKey = (event: KeyboardEvent) => {
		if (event.key !== 'Enter') return;
		event.preventDefault();
		const inputs = [...(article.current?.querySelectorAll<HTMLInputElement>('.variables input') ?? [])];
		const next = inputs[inputs.indexOf(event.currentTarget as HTMLInputElement) + 1];
		next?.focus();
	};
	const showReport = () => requestAnimationFrame(() => article.current?.closest('.body')?.scrollTo({ top: 0 }));

	const apply = async () => {
		if (busy) return;
		setBusy(true);
		setUndone(null);
		setTitleTaken(false);
		try {
			setOutcome(await session.apply(sop, { ...draft.typed, ...(reply?.values ?? {}) }));
			onApplied(sop);
		} catch (error) {
			setOutcome({ done: [], notDone: [{ what: t('overlayApply'), why: String(error) }], canUndo: false });
		} finally {
			setBusy(false);
			showReport();
		}
	};
	const undo = async () => {
		if (busy || !session.canUndo()) return;
		setBusy(true);
		try {
			setUndone(await session.undo());
			setOutcome(null);
			onUndone();
		} finally {
			setBusy(false);
			showReport();
		}
	};
	const focusField = (field: string) => session.focusField(field);

	const categorias = sop.qualitor ? [sop.qualitor.tipo, ...(sop.qualitor.categorias ?? [])].filter(Boolean) : [];
	const ask = sop.checklist.ask.length > 0 || sop.checklist.tell.length > 0 || asked.length > 0;

	return (
		<article
			class="sop"
			aria-labelledby="sop-title"
			ref={article}
			onKeyDown={(e) => {
				// Ctrl+Enter applies from anywhere in the SOP (plain Enter in an input never does).
				if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || !applicable) return;
				e.preventDefault();
				// The focus goes to "Aplicar SOP", as if clicked: the report is announced, Tab reaches "Desfazer".
				article.current?.querySelector<HTMLElement>('[data-action="apply"]')?.focus();
				void apply();
			}}
		>
			<button type="button" class="link back" onClick={onBack}>
				← {t('overlayBack')}
			</button>
			<h2 id="sop-title">{sop.title}</h2>

			<div class="report" role="status" aria-live="polite" data-work-ms={outcome?.workMs?.toFixed(1)} data-settling={outcome?.settling || undone?.settling ? 'true' : undefined}>
				{outcome && (
					<>
						{outcome.replaced && <p data-report="replaced">{t('reportReplaced', outcome.replaced)}</p>}
						{outcome.offers?.titulo && !titleTaken && (
							<p class="offer" data-report="title-offer">
								{t('reportTitleKept')} <q>{outcome.offers.titulo}</q>{' '}
								<button type="button" class="link" data-action="use-title" onClick={() => setTitleTaken(session.useTitle(outcome.offers!.titulo!))}>
									{t('reportUseTitle')}
								</button>
							</p>
						)}
						{outcome.notDone.length > 0 && <NotDone title={t('overlayNotDone')} report="not-done" items={outcome.notDone} onFocus={focusField} />}
						{outcome.done.length > 0 && (
							<>
								<p>{t('reportDoneCount', outcome.done.length)}</p>
								<ul class="done" data-report="done">
									{outcome.done.map((d) => (
										<li key={d.text}>
											<button type="button" class="link" data-field={d.field} onClick={() => focusField(d.field)}>
												{d.text}
											</button>
										</li>
									))}
								</ul>
							</>
						)}
					</>
				)}
				{undone && (
					<>
						{undone.notRestored?.length ? <NotDone title={t('undoNotRestored')} report="undo-not-restored" items={undone.notRestored} onFocus={focusField} /> : null}
						<p data-report="undone">
							{t('overlayUndone', undone.restored)}
							{undone.problems.length ? ` ${undone.problems.join('; ')}` : ''}
						</p>
						{undone.rewritten?.length ? <p data-report="undo-rewritten">{t('undoRewritten', undone.rewritten.join(', '))}</p> : null}
					</>
				)}
			</div>

			<p class="summary">{sop.summary}</p>
			<dl class="facts">
				<dt>{t('overlayCategorisation')}</dt>
				<dd>{categorias.length ? categorias.join(' › ') : t('overlayNoCategorisation')}</dd>
				{sop.qualitor?.prioridade && (
					<>
						<dt>{t('fieldPrioridade')}</dt>
						<dd>{sop.qualitor.prioridade}</dd>
					</>
				)}
				{sop.escalation && (
					<>
						<dt>{t('overlayEscalation')}</dt>
						<dd>
							{sop.escalation.team}
							{sop.escalation.note ? <small> — {sop.escalation.note}</small> : null}
						</dd>
					</>
				)}
			</dl>

			{sop.sla.length > 0 && (
				<details class="fold" open data-section="prazos">
					<summary>{t('overlaySla')}</summary>
					<SlaClock entries={sop.sla} openedAt={session.openedAt} openedAtKnown={session.openedAtKnown} />
				</details>
			)}
			{ask && (
				<details class="fold" open data-section="pergunte">
					<summary>{t('sectionAskTell')}</summary>
					<Checklist title={t('overlayAsk')} items={sop.checklist.ask} prefix="ask" ticked={ticked} onToggle={toggle} missing={missing} />
					{asked.length > 0 && (
						<fieldset class="variables">
							<legend>{t('overlayVariables')}</legend>
							{asked.map((name) => (
								<label key={name}>
									<span>{labelOf(name)}</span>
									<input
										type="text"
										name={name}
										value={draft.typed[name] ?? ''}
										placeholder={sop.variables.find((v) => v.name === name)?.placeholder}
										onInput={(e) => type(name, (e.target as HTMLInputElement).value)}
										onKeyDown={onInputKey}
									/>
								</label>
							))}
						</fieldset>
					)}
					<Checklist title={t('overlayTell')} items={sop.checklist.tell} prefix="tell" ticked={ticked} onToggle={toggle} />
				</details>
			)}
			{reply && <Reply reply={reply} onDraft={onDraft} />}
			{sop.checklist.verify.length > 0 && (
				<details class="fold" open={!ask} data-section="passos">
					<summary>{t('overlaySteps')}</summary>
					<Checklist title={t('overlaySteps')} items={sop.checklist.verify} prefix="verify" ticked={ticked} onToggle={toggle} />
				</details>
			)}

			{sop.body.trim() && <Procedure key={sop.id} body={sop.body} />}

			{applicable && (
				<details class="fold preview" data-section="previa">
					<summary>{t('overlayPreview')}</summary>
					<dl>
						{(['titulo', 'descricao', 'solucao'] as const).map((key) =>
							plan[key] ? (
								<div key={key}>
									<dt>{FIELD_LABELS[key]()}</dt>
									<dd>{plan[key]}</dd>
								</div>
							) : null,
						)}
						{[...Object.entries(plan.adicionais), ...routed.routes.map((r) => [r.label, r.text] as const)].map(([label, text]) => (
							<div key={label}>
								<dt>{label}</dt>
								<dd>{text}</dd>
							</div>
						))}
					</dl>
					{plan.skipped.length > 0 && (
						<p class="hint">
							{t('overlaySkipped')}{' '}
							{plan.skipped.map((s) => `${FIELD_LABELS[s.field as 'titulo']?.() ?? s.field} (${s.missing.map(labelOf).join(', ')})`).join('; ')}
						</p>
					)}
				</details>
			)}

			<div class="actions">
				{session.mode === 'read' && applicable ? (
					// An existing ticket's read view takes no writes: the editor "Alterar dados" loads does.
					<p class="nothing" data-report="read-only" role="note">
						{t('sopReadOnlyApply')}
					</p>
				) : applicable ? (
					// aria-disabled while busy, not disabled: a disabled button would drop the keyboard focus.
					<button type="button" class="primary" data-action="apply" aria-disabled={busy} onClick={apply}>
						{busy ? t('overlayApplying') : t('overlayApply')}
					</button>
				) : (
					<p class="nothing" data-report="nothing-to-apply">
						{sop.escalation ? t('sopNothingToApplyEscalate', sop.escalation.team) : t('sopNothingToApply')}
					</p>
				)}
				<button type="button" data-action="undo" aria-disabled={busy} disabled={!busy && !session.canUndo()} onClick={undo}>
					{t('overlayUndo')}
				</button>
			</div>
		</article>
	);
}
