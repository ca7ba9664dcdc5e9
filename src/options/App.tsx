import { useEffect, useState } from 'preact/hooks';
import { t } from '../ui/i18n.ts';
import { DiagnosticSection } from './DiagnosticSection.tsx';
import { Installations } from './Installations.tsx';
import { MappingSection } from './MappingSection.tsx';
import { SopsSection } from './SopsSection.tsx';
import { readInstallations, type Installation } from '../storage/installations.ts';
import { local } from './storage.ts';
import { effectiveInstallations } from '../storage/precedence.ts';
import { mappingOrigin } from '../origin/origin-pattern.ts';
import { PolicyNotice } from './PolicyNotice.tsx';
import { UsageSection } from './UsageSection.tsx';
import { usePolicy } from './use-policy.ts';

/**
 * Instalações, SOPs, Mapeamento, Diagnóstico do formulário and Uso dos SOPs; each section announces its results
 * in its own live region.
 */
export function App() {
	const [installations, setInstallations] = useState<Installation[]>([]);
	const policy = usePolicy();
	const effective = effectiveInstallations(installations, policy);
	useEffect(() => {
		document.title = t('optionsTitle');
		// Opened at a section (`#mapeamento` from the overlay's health badge): rendered by script, so the
		// browser's own jump to the fragment found nothing; again once the list above it has its height.
		const show = () => showSection(location.hash.slice(1));
		show();
		readInstallations(local).then(
			(list) => (setInstallations(list), requestAnimationFrame(show)),
			(error: unknown) => console.warn('[SOP Assist]', error),
		);
		window.addEventListener('hashchange', show);
		return () => window.removeEventListener('hashchange', show);
	}, []);
	return (
		<main>
			<h1>{t('optionsTitle')}</h1>
			<PolicyNotice policy={policy} />
			<Installations installations={installations} policy={policy} onChange={setInstallations} />
			<SopsSection policy={policy} />
			<MappingSection policy={policy} origins={effective.map(mappingOrigin)} />
			<DiagnosticSection patterns={effective.map((i) => i.pattern)} autoScan={location.hash === '#diagnostico'} />
			<UsageSection policy={policy} />
		</main>
	);
}

function showSection(id: string) {
	const section = id ? document.getElementById(id) : null;
	const heading = section?.tagName === 'SECTION' ? section.querySelector('h2') : null;
	if (!heading) return;
	heading.tabIndex = -1;
	heading.focus();
	section!.scrollIntoView({ block: 'start' });
}
