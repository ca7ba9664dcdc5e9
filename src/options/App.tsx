import { useEffect, useState } from 'preact/hooks';
import { t } from '../ui/i18n.ts';
import { Installations } from './Installations.tsx';
import { MappingSection } from './MappingSection.tsx';
import { SopsSection } from './SopsSection.tsx';
import { readInstallations, type Installation } from '../storage/installations.ts';
import { local } from './storage.ts';

/** Instalações, SOPs and Mapeamento; each section announces its results in its own live region. */
export function App() {
	const [installations, setInstallations] = useState<Installation[]>([]);
	useEffect(() => {
		document.title = t('optionsTitle');
		readInstallations(local).then(setInstallations, (error: unknown) => console.warn('[SOP Assist]', error));
	}, []);
	return (
		<main>
			<h1>{t('optionsTitle')}</h1>
			<Installations installations={installations} onChange={setInstallations} />
			<SopsSection />
			<MappingSection origins={installations.map((i) => i.pattern.replace(/\/\*$/, ''))} />
		</main>
	);
}
