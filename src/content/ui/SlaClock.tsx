import { useEffect, useState } from 'preact/hooks';
import { formatDeadline, formatRemaining, slaStatus } from '../../sop/sla.ts';
import type { SlaEntry } from '../../sop/types.ts';
import { t } from '../../ui/i18n.ts';

interface Props {
	entries: readonly SlaEntry[];
	openedAt: Date;
	/** Whether the opening time came from the page or is when the form was first seen. */
	openedAtKnown: boolean;
}

/** The SOP's deadlines with a live countdown from the ticket's opening. */
export function SlaClock({ entries, openedAt, openedAtKnown }: Props) {
	const [now, setNow] = useState(() => new Date());
	useEffect(() => {
		const timer = setInterval(() => setNow(new Date()), 1000);
		return () => clearInterval(timer);
	}, []);
	if (!entries.length) return null;
	return (
		<section class="sla">
			<h3>{t('overlaySla')}</h3>
			<ul>
				{slaStatus(entries, openedAt, now).map(({ entry, due, remainingMs, overdue }) => (
					<li key={`${entry.label}-${entry.when ?? ''}`} class={overdue ? 'overdue' : undefined}>
						<span>
							{entry.label}
							{entry.when ? ` (${entry.when})` : ''}: <strong>{formatDeadline(entry.minutes)}</strong>
						</span>
						<span class="countdown" role="timer" title={t('overlaySlaRemaining')}>
							{overdue ? t('overlaySlaOverdue', formatRemaining(-remainingMs)) : formatRemaining(remainingMs)}
							<small>
								{' '}
								{t('overlaySlaDue', due.toLocaleString('pt-BR', { dateStyle: 'short', timeStyle: 'short' }))}
							</small>
						</span>
					</li>
				))}
			</ul>
			{!openedAtKnown && <p class="hint">{t('overlaySlaFromNow')}</p>}
		</section>
	);
}
