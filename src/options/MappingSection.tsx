import { useEffect, useState } from 'preact/hooks';
import { toOriginPattern } from '../origin/origin-pattern.ts';
import { FIELD_KEYS } from '../qualitor/fields.ts';
import { readMappings, saveMapping } from '../storage/mappings.ts';
import type { ResolvedPolicy } from '../storage/policy.ts';
import { effectiveMapping } from '../storage/precedence.ts';
import { ManagedBadge } from './PolicyNotice.tsx';
import { t } from '../ui/i18n.ts';
import { formatMapping, parseMapping } from './mapping-text.ts';
import { storageErrorText } from './error-text.ts';
import { local } from './storage.ts';

type Texts = { names: string; labelAliases: string; overrides: string };
const EMPTY: Texts = { names: '', labelAliases: '', overrides: '' };

/** Per-installation names, label aliases and locators, keyed by origin (hosted tenants included). */
export function MappingSection({ origins, policy }: { origins: string[]; policy: ResolvedPolicy }) {
	const [known, setKnown] = useState<string[]>([]);
	const [address, setAddress] = useState('');
	const [origin, setOrigin] = useState<string | null>(null);
	const [texts, setTexts] = useState<Texts>(EMPTY);
	const [status, setStatus] = useState('');
	const [errors, setErrors] = useState<string[]>([]);

	useEffect(() => {
		void readMappings(local).then((all) => setKnown([...new Set([...origins, ...Object.keys(all), ...Object.keys(policy.mappings)])].sort()));
	}, [origins.join(' '), policy]);
	// The policy's mapping for this origin is shown, read-only: IT's names win over what is saved here.
	const managed = origin !== null && origin in policy.mappings;
	useEffect(() => {
		if (origin && managed) setTexts(formatMapping(policy.mappings[origin]!));
	}, [policy, origin]);

	const load = async (event: Event) => {
		event.preventDefault();
		const result = toOriginPattern(address);
		if (!result.ok) {
			setErrors([result.error]);
			return;
		}
		setErrors([]);
		setStatus('');
		setOrigin(result.origin);
		setTexts(formatMapping(effectiveMapping(await readMappings(local), policy, result.origin).mapping));
		requestAnimationFrame(() => document.getElementById('mapping-names')?.focus());
	};

	const save = async (event: Event) => {
		event.preventDefault();
		if (!origin || managed) return;
		const parsed = parseMapping(texts);
		setErrors(parsed.errors);
		if (parsed.errors.length) {
			setStatus('');
			return;
		}
		try {
			await saveMapping(local, origin, parsed.mapping);
			setStatus(t('optionsMappingSaved', origin));
		} catch (error) {
			// Storage full or refused: what the agent typed stays in the form, and they are told.
			setStatus(t('optionsMappingNotSaved', storageErrorText(error)));
		}
	};

	const area = (key: keyof Texts, id: string, label: string) => (
		<>
			<label for={id}>{label}</label>
			<textarea id={id} rows={4} spellcheck={false} readOnly={managed} value={texts[key]} onInput={(e) => setTexts({ ...texts, [key]: (e.target as HTMLTextAreaElement).value })} />
		</>
	);

	return (
		<section aria-labelledby="mapping-title" id="mapeamento">
			<h2 id="mapping-title">{t('optionsMapping')}</h2>
			<p class="hint">{t('optionsMappingHint', FIELD_KEYS.join(', '))}</p>
			<form onSubmit={(e) => void load(e)} class="row">
				<label for="mapping-origin">{t('optionsMappingOrigin')}</label>
				<input id="mapping-origin" type="url" list="mapping-origins" value={address} onInput={(e) => setAddress((e.target as HTMLInputElement).value)} />
				<datalist id="mapping-origins">
					{known.map((o) => (
						<option key={o} value={o} />
					))}
				</datalist>
				<button type="submit">{t('optionsMappingLoad')}</button>
			</form>
			{origin && (
				<form onSubmit={(e) => void save(e)} class="mapping" data-origin={origin} aria-label={`${t('optionsMapping')} ${origin}`}>
					<h3>
						{origin} {managed && <ManagedBadge />}
					</h3>
					{managed && <p class="hint">{t('optionsMappingManaged')}</p>}
					{area('names', 'mapping-names', t('optionsNames'))}
					{area('labelAliases', 'mapping-aliases', t('optionsAliases'))}
					{area('overrides', 'mapping-overrides', t('optionsOverrides'))}
					{!managed && <button type="submit">{t('optionsSaveMapping')}</button>}
				</form>
			)}
			{errors.length > 0 && (
				<div class="problems" role="alert">
					{origin && <p>{t('optionsMappingErrors')}</p>}
					<ul>
						{errors.map((e) => (
							<li key={e}>{e}</li>
						))}
					</ul>
				</div>
			)}
			<p class="status" role="status" aria-live="polite" data-status="mapping">
				{status}
			</p>
		</section>
	);
}
