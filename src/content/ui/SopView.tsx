import { useEffect, useMemo, useState } from 'preact/hooks';
import { planFields, sopVariables } from '../../sop/plan.ts';
import { clockVariables } from '../../sop/template.ts';
import type { Sop } from '../../sop/types.ts';
import { t } from '../../ui/i18n.ts';
import type { ApplyOutcome, FormSession, UndoOutcome } from '../session.ts';
import { Checklist } from './Checklist.tsx';
import { Procedure } from './Procedure.tsx';
import { SlaClock } from './SlaClock.tsx';

interface Props {
	sop: Sop;
	session: FormSession;
	onBack(): void;
	/** Items the before-save check found missing, shown as a dismissible warning. */
	warning: readonly string[] | null;
	onDismissWarning(): void;
	onApplied(sop: Sop): void;
	onUndone(): void;
}

const FIELD_LABELS: Record<'titulo' | 'descricao' | 'solucao', () => string> = {
	titulo: () => t('fieldTitulo'),
	descricao: () => t('fieldDescricao'),
	solucao: () => t('fieldSolucao'),
};

export function SopView({ sop, session, onBack, warning, onDismissWarning, onApplied, onUndone }: Props) {
	const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
	const [typed, setTyped] = useState<Record<string, string>>({});
	const [busy, setBusy] = useState(false);
	const [outcome, setOutcome] = useState<ApplyOutcome | null>(null);
	const [undone, setUndone] = useState<UndoOutcome | null>(null);

	// What the form says changes as the agent works in it: re-read after their edits, not on every render.
	const [formVersion, setFormVersion] = useState(0);
	useEffect(() => session.watchForm(() => setFormVersion((v) => v + 1)), [session]);
	const pageValues = useMemo(() => session.pageValues(), [session, outcome, formVersion]);
	const missing = useMemo(() => new Set(session.missingChecks(sop)), [session, sop, outcome, formVersion]);
	// The agent is asked for what the page and the clock cannot give; the preview shows what applying now would write.
	const clock = clockVariables(new Date());
	const asked = sopVariables(sop).filter((name) => !(name in clock) && !pageValues[name]);
	const plan = planFields(sop, { ...clock, ...pageValues, ...typed });
	const labelOf = (name: string) => sop.variables.find((v) => v.name === name)?.label ?? name;

	const toggle = (key: string) =>
		setTicked((prev) => {
			const next = new Set(prev);
			if (!next.delete(key)) next.add(key);
			return next;
		});

	const apply = async () => {
		if (busy) return;
		setBusy(true);
		setUndone(null);
		try {
			setOutcome(await session.apply(sop, typed));
			onApplied(sop);
		} catch (error) {
			setOutcome({ done: [], notDone: [{ what: t('overlayApply'), why: String(error) }], canUndo: false });
		} finally {
			setBusy(false);
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
		}
	};

	const categorias = sop.qualitor ? [sop.qualitor.tipo, ...(sop.qualitor.categorias ?? [])].filter(Boolean) : [];

	return (
		<article class="sop" aria-labelledby="sop-title">
			<button type="button" class="link back" onClick={onBack}>
				← {t('overlayBack')}
			</button>
			<h2 id="sop-title">{sop.title}</h2>
			<p class="summary">{sop.summary}</p>

			{warning && warning.length > 0 && (
				<div class="warning" role="alert">
					<strong>{t('overlayBeforeSave')}</strong>
					<ul>
						{warning.map((w) => (
							<li key={w}>{w}</li>
						))}
					</ul>
					<button type="button" onClick={onDismissWarning}>
						{t('overlayDismiss')}
					</button>
				</div>
			)}

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

			<SlaClock entries={sop.sla} openedAt={session.openedAt} openedAtKnown={session.openedAtKnown} />
			<Checklist title={t('overlaySteps')} items={sop.checklist.verify} prefix="verify" ticked={ticked} onToggle={toggle} />
			<Checklist title={t('overlayAsk')} items={sop.checklist.ask} prefix="ask" ticked={ticked} onToggle={toggle} missing={missing} />
			<Checklist title={t('overlayTell')} items={sop.checklist.tell} prefix="tell" ticked={ticked} onToggle={toggle} />

			{asked.length > 0 && (
				<fieldset class="variables">
					<legend>{t('overlayVariables')}</legend>
					{asked.map((name) => (
						<label key={name}>
							<span>{labelOf(name)}</span>
							<input
								type="text"
								name={name}
								value={typed[name] ?? ''}
								placeholder={sop.variables.find((v) => v.name === name)?.placeholder}
								onInput={(e) => setTyped({ ...typed, [name]: (e.target as HTMLInputElement).value })}
							/>
						</label>
					))}
				</fieldset>
			)}

			{sop.body.trim() && <Procedure key={sop.id} body={sop.body} />}

			<details class="preview" open>
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
					{Object.entries(plan.adicionais).map(([label, text]) => (
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

			<div class="actions">
				{/* aria-disabled while busy, not disabled: a disabled button would drop the keyboard focus. */}
				<button type="button" class="primary" data-action="apply" aria-disabled={busy} onClick={apply}>
					{busy ? t('overlayApplying') : t('overlayApply')}
				</button>
				<button type="button" data-action="undo" aria-disabled={busy} disabled={!busy && !session.canUndo()} onClick={undo}>
					{t('overlayUndo')}
				</button>
			</div>

			<div class="report" role="status" aria-live="polite" data-work-ms={outcome?.workMs?.toFixed(1)}>
				{outcome && (
					<>
						{outcome.done.length > 0 && (
							<>
								<p>{t('overlayDone')}</p>
								<ul class="done" data-report="done">
									{outcome.done.map((d) => (
										<li key={d}>{d}</li>
									))}
								</ul>
							</>
						)}
						{outcome.notDone.length > 0 && (
							<>
								<p>{t('overlayNotDone')}</p>
								<ul class="not-done" data-report="not-done">
									{outcome.notDone.map((n) => (
										<li key={n.what + n.why}>
											<strong>{n.what}</strong>: {n.why}
										</li>
									))}
								</ul>
							</>
						)}
					</>
				)}
				{undone && (
					<p data-report="undone">
						{t('overlayUndone', undone.restored)}
						{undone.problems.length ? ` ${undone.problems.join('; ')}` : ''}
					</p>
				)}
			</div>
		</article>
	);
}
