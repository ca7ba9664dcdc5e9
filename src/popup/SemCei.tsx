import { useEffect, useRef, useState } from 'preact/hooks';
import type { Sop } from '../sop/types.ts';

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

/** Offered when the certificate has no CEI: opens the SOP in Qualitor, or shows its steps here. */
export function SemCei() {
	const [state, setState] = useState<State>({ step: 'idle' });
	const open = async () => {
		setState({ step: 'sending' });
		// The messaging polyfill is only needed here, so it is not part of the popup's first load.
		const { openSopInActiveTab } = await import('./open-sop.ts');
		if (await openSopInActiveTab(SEM_CEI_SOP)) setState({ step: 'opened' });
		else setState({ step: 'steps', sop: await findSop(SEM_CEI_SOP) });
	};
	return (
		<section class="sem-cei" aria-labelledby="sem-cei-title">
			<h2 id="sem-cei-title" class="visually-hidden">Procedimento</h2>
			<button type="button" class="primary" onClick={open} disabled={state.step === 'sending'}>
				Abrir procedimento Certificado sem CEI
			</button>
			<div aria-live="polite">
				{state.step === 'opened' && <p class="note">Procedimento aberto na aba do Qualitor.</p>}
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
			<p class="note">
				Nenhuma aba do Qualitor respondeu e o procedimento “Certificado sem CEI” não está nesta versão da extensão. Abra o
				Qualitor e consulte o procedimento na base de conhecimento.
			</p>
		);
	}
	const groups: [string, { text: string }[]][] = [
		['Verificar', sop.checklist.verify],
		['Perguntar ao cliente', sop.checklist.ask],
		['Informar ao cliente', sop.checklist.tell],
	];
	return (
		<article class="sop" aria-labelledby="sop-title">
			<p class="note">Nenhuma aba do Qualitor respondeu; siga os passos abaixo.</p>
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
					<strong>Encaminhar para:</strong> {sop.escalation.team}
				</p>
			)}
			{sop.sla.length > 0 && (
				<ul class="sla">
					{sop.sla.map((s) => (
						<li key={s.label}>
							{s.label}: {formatMinutes(s.minutes)}
						</li>
					))}
				</ul>
			)}
		</article>
	);
}

function formatMinutes(minutes: number): string {
	if (minutes % 1440 === 0) return `${minutes / 1440} dia(s)`;
	if (minutes % 60 === 0) return `${minutes / 60} h`;
	return `${minutes} min`;
}
