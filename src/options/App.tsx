import { useEffect, useState } from 'preact/hooks';
import { t } from '../ui/i18n.ts';
import { Installations } from './Installations.tsx';
import { MappingSection } from './MappingSection.tsx';
import { SopsSection } from './SopsSection.tsx';
import { readInstallations, type Installation } from '../storage/installations.ts';
import { local } from './storage.ts';
import { effectiveInstallations } from '../storage/precedence.ts';
import { PolicyNotice } from './PolicyNotice.tsx';
import { UsageSection } from './UsageSection.tsx';
import { usePolicy } from './use-policy.ts';

/** Instalações, SOPs, Mapeamento and Uso dos SOPs; each section announces its results in its own live region. */
export function App() {
	const [installations, setInstallations] = useState<Installation[]>([]);
	const policy = usePolicy();
	useEffect(() => {
		document.title = t('optionsTitle');
		readInstallations(local).then(setInstallations, (error: unknown) => console.warn('[SOP Assist]', error));
	}, []);
	return (
		<main>
			<h1>{t('optionsTitle')}</h1>
			<PolicyNotice policy={policy} />
			<Installations installations={installations} policy={policy} onChange={setInstallations} />
			<SopsSection policy={policy} />
			<MappingSection policy={policy} origins={effectiveInstallations(installations, policy).map((i) => i.pattern.replace(/\/\*$/, ''))} />
			<UsageSection policy={policy} />
		</main>
	);
}
