import { useEffect, useRef, useState } from 'preact/hooks';
import type { Client } from '../cert/client.ts';
import { formatCnpj, formatCpf } from '../cert/format.ts';
import { formatDeadline } from '../sop/sla.ts';
import type { Sop } from '../sop/types.ts';
import { t } from '../ui/i18n.ts';

/** The SOP the popup offers when a certificate has no CEI (sops/certificado-sem-cei.md). */
export const SEM_CEI_SOP = 'certificado-sem-cei';

type State = { step: 'idle' | 'sending' | 'opened' } | { step: 'steps'; sop: Sop | null };

/** The library is only needed when no Qualitor tab takes the request, so it is loaded then. */
async function findSop(id: string): Promise<Sop | null> {
	try {
		const { sops } = await import('virtual:sop-library');
		return sops.find((s) => s.id === id) ?? null;
	} catch {
		return null;
	}
}

const NO_CLIENT: Client = { cpfCnpj: null, name: null };

/**
 * Offered when the certificate has no CEI: opens the SOP in Qualitor with the client's CPF/CNPJ and name
 * (which the overlay fills into the ticket), or shows its steps here.
 */
export function SemCei({ client = NO_CLIENT }: { client?: Client }) {
	const [state, setState] = useState<State>({ step: 'idle' });
	const number = client.cpfCnpj && (client.cpfCnpj.length === 11 ? `CPF ${formatCpf(client.cpfCnpj)}` : `CNPJ ${formatCnpj(client.cpfCnpj)}`);
	const carried = [number, client.name].filter(Boolean).join(' · ');
	const open = async () => {
		setState({ step: 'sending' });
		// The messaging polyfill is only needed here, so it is not part of the popup's first load.
		const { openSopInActiveTab } = await import('./open-sop.ts');
		if (await openSopInActiveTab(SEM_CEI_SOP, client)) setState({ step: 'opened' });
		else setState({ step: 'steps', sop: await findSop(SEM_CEI_SOP) });
	};
	return (
		<section class="sem-cei" aria-labelledby="sem-cei-title">
			<h2 id="sem-cei-title" class="visually-hidden">{t('popupProcedure')}</h2>
			<button type="button" class="primary" onClick={open} disabled={state.step === 'sending'} aria-describedby={carried ? 'sem-cei-carries' : undefined}>
				{t('popupOpenSemCei')}
			</button>
			{carried && (
				<p id="sem-cei-carries" class="carries">
					{t('popupCarries', carried)}
				</p>
			)}
			<div aria-live="polite">
				{state.step === 'opened' && <p class="note">{t('popupOpenedInTab')}</p>}
				{state.step === 'steps' && <Steps sop={state.sop} />}
			</div>
		</section>
	);
}

function Steps({ sop }: { sop: Sop | null }) {
	const heading = useRef<HTMLHeadingElement>(null);
	// Keyboard and screen-reader users land on the steps they asked for instead of staying on the button.
	useEffect(() => heading.current?.focus(), []);
	if (!sop) {
		return (
			<p class="note">{t('popupNoTabNoSop')}</p>
		);
	}
	const groups: [string, { text: string }[]][] = [
		[t('overlaySteps'), sop.checklist.verify],
		[t('overlayAsk'), sop.checklist.ask],
		[t('overlayTell'), sop.checklist.tell],
	];
	return (
		<article class="sop" aria-labelledby="sop-title">
			<p class="note">{t('popupNoTabSteps')}</p>
			<h3 id="sop-title" tabIndex={-1} ref={heading}>
				{sop.title}
			</h3>
			<p>{sop.summary}</p>
			{groups
				.filter(([, items]) => items.length > 0)
				.map(([title, items]) => (
					<section key={title}>
						<h4>{title}</h4>
						<ol>
							{items.map((item) => (
								<li key={item.text}>{item.text}</li>
							))}
						</ol>
					</section>
				))}
			{sop.escalation && (
				<p>
					<strong>{t('overlayEscalation')}:</strong> {sop.escalation.team}
				</p>
			)}
			{sop.sla.length > 0 && (
				<ul class="sla">
					{sop.sla.map((s) => (
						<li key={s.label}>
							{s.label}: {formatDeadline(s.minutes)}
						</li>
					))}
				</ul>
			)}
		</article>
	);
}
