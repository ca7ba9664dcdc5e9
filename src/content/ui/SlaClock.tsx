import { useEffect, useState } from 'preact/hooks';
import { formatDeadline, formatRemaining, slaStatus, splitByOwner } from '../../sop/sla.ts';
import type { SlaEntry } from '../../sop/types.ts';
import { t } from '../../ui/i18n.ts';

interface Props {
	entries: readonly SlaEntry[];
	openedAt: Date;
	/** Whether the opening time came from the page or is when the form was first seen. */
	openedAtKnown: boolean;
}

/**
 * The SOP's deadlines, each saying whose it is: ours to the client, counted down live from the ticket's
 * opening; a third party's (the cartório, MAPA's support), shown as information and never counted down.
 */
export function SlaClock({ entries, openedAt, openedAtKnown }: Props) {
	const [now, setNow] = useState(() => new Date());
	const { ours, theirs } = splitByOwner(entries);
	useEffect(() => {
		if (!ours.length) return;
		const timer = setInterval(() => setNow(new Date()), 1000);
		return () => clearInterval(timer);
	}, [ours.length]);
	if (!entries.length) return null;
	return (
		<section class="sla">
			{ours.length > 0 && (
				<>
					<h3>{t('slaOurs')}</h3>
					<ul data-sla="ours">
						{slaStatus(ours, openedAt, now).map(({ entry, due, remainingMs, overdue }) => (
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
				</>
			)}
			{theirs.length > 0 && (
				<>
					<h3>{t('slaTheirs')}</h3>
					<ul data-sla="theirs">
						{theirs.map((entry) => (
							<li key={`${entry.label}-${entry.when ?? ''}`}>
								<span>
									{entry.label}
									{entry.when ? ` (${entry.when})` : ''}: <strong>{formatDeadline(entry.minutes)}</strong>
								</span>
								<span class="owner">{t('slaWhose', entry.thirdParty ?? '')}</span>
							</li>
						))}
					</ul>
				</>
			)}
		</section>
	);
}
