import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { toOriginPattern } from '../background/origin-pattern.ts';
import { message } from '../messages.ts';
import { removeInstallation, saveInstallation, type Installation } from '../storage/installations.ts';
import { t } from '../ui/i18n.ts';
import { local } from './storage.ts';

interface Props {
	installations: Installation[];
	onChange(list: Installation[]): void;
}

/**
 * Self-hosted installations. `permissions.request` must run inside the click (the user gesture) with no
 * await before it, or the browser refuses without asking; everything else follows its answer.
 */
export function Installations({ installations, onChange }: Props) {
	const [url, setUrl] = useState('');
	const [error, setError] = useState('');
	const [status, setStatus] = useState('');
	const [granted, setGranted] = useState<Record<string, boolean>>({});
	const input = useRef<HTMLInputElement>(null);

	const refreshGrants = () =>
		Promise.all(installations.map(async (i) => [i.pattern, await browser.permissions.contains({ origins: [i.pattern] })] as const)).then((e) =>
			setGranted(Object.fromEntries(e)),
		);
	useEffect(() => {
		void refreshGrants();
		// Granted or revoked in the browser's own UI while this page is open.
		const update = () => void refreshGrants();
		browser.permissions.onAdded.addListener(update);
		browser.permissions.onRemoved.addListener(update);
		return () => {
			browser.permissions.onAdded.removeListener(update);
			browser.permissions.onRemoved.removeListener(update);
		};
	}, [installations]);

	const grant = (pattern: string, typed: string) => {
		setStatus('');
		return browser.permissions.request({ origins: [pattern] }).then(async (ok) => {
			if (!ok) {
				setStatus(t('optionsDenied', pattern));
				return;
			}
			onChange(await saveInstallation(local, { pattern, url: typed, added: new Date().toISOString() }));
			const answer = (await browser.runtime.sendMessage(message('installation-added', { pattern }))) as { injected?: number } | undefined;
			setStatus(t('optionsAdded', pattern, answer?.injected ?? 0));
			setUrl('');
		}, (e: unknown) => setStatus(String(e)));
	};

	const onSubmit = (event: Event) => {
		event.preventDefault();
		const result = toOriginPattern(url);
		if (!result.ok) {
			setError(result.error);
			input.current?.focus();
			return;
		}
		setError('');
		if (result.hosted) {
			setStatus(t('optionsHostedNoStep', result.origin));
			return;
		}
		void grant(result.pattern, url.trim());
	};

	const remove = async (pattern: string) => {
		// Also unregisters in the background through permissions.onRemoved; the message makes it immediate.
		await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
		await browser.runtime.sendMessage(message('installation-removed', { pattern })).catch(() => undefined);
		onChange(await removeInstallation(local, pattern));
		setStatus(t('optionsRemoved', pattern));
		input.current?.focus();
	};

	return (
		<section aria-labelledby="installations-title" id="instalacoes">
			<h2 id="installations-title">{t('optionsInstallations')}</h2>
			<p class="hosted">✓ {t('optionsHosted')}</p>
			<h3>{t('optionsSelfHosted')}</h3>
			{installations.length ? (
				<ul class="installations">
					{installations.map((i) => (
						<li key={i.pattern} data-pattern={i.pattern}>
							<code>{i.pattern}</code>{' '}
							<span class={granted[i.pattern] ? 'ok' : 'bad'} data-permission={granted[i.pattern] ? 'granted' : 'missing'}>
								{granted[i.pattern] ? t('optionsPermissionGranted') : t('optionsPermissionMissing')}
							</span>{' '}
							{granted[i.pattern] === false && (
								<button type="button" onClick={() => void grant(i.pattern, i.url)}>
									{t('optionsGrant')}
								</button>
							)}
							<button type="button" onClick={() => void remove(i.pattern)} aria-label={`${t('optionsRemove')} ${i.pattern}`}>
								{t('optionsRemove')}
							</button>
						</li>
					))}
				</ul>
			) : (
				<p class="hint">{t('optionsNoInstallations')}</p>
			)}
			<form onSubmit={onSubmit} noValidate>
				<label for="installation-url">{t('optionsAddUrl')}</label>
				<div class="row">
					<input
						id="installation-url"
						ref={input}
						type="url"
						inputMode="url"
						autoComplete="url"
						value={url}
						aria-describedby="installation-hint installation-error"
						aria-invalid={error ? true : undefined}
						onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
					/>
					<button type="submit">{t('optionsAdd')}</button>
				</div>
				<p id="installation-hint" class="hint">
					{t('optionsAddUrlHint')}
				</p>
				<p id="installation-error" class="error">
					{error}
				</p>
			</form>
			<p class="status" role="status" aria-live="polite" data-status="installations">
				{status}
			</p>
		</section>
	);
}
