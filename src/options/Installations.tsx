import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { toOriginPattern } from '../origin/origin-pattern.ts';
import { ask } from '../messages.ts';
import { removeInstallation, saveInstallation, type Installation } from '../storage/installations.ts';
import type { ResolvedPolicy } from '../storage/policy.ts';
import { effectiveInstallations } from '../storage/precedence.ts';
import { t } from '../ui/i18n.ts';
import { errorText } from './error-text.ts';
import { ManagedBadge } from './PolicyNotice.tsx';
import { local } from './storage.ts';

interface Props {
	/** The agent's own installations; the policy's are added to them, locked. */
	installations: Installation[];
	policy: ResolvedPolicy;
	onChange(list: Installation[]): void;
}

/**
 * Self-hosted installations. `permissions.request` must run inside the click (the user gesture) with no
 * await before it, or the browser refuses without asking; everything else follows its answer.
 */
export function Installations({ installations, policy, onChange }: Props) {
	const shown = effectiveInstallations(installations, policy);
	const [url, setUrl] = useState('');
	const [error, setError] = useState('');
	const [status, setStatus] = useState('');
	const [granted, setGranted] = useState<Record<string, boolean>>({});
	const input = useRef<HTMLInputElement>(null);

	const refreshGrants = () =>
		Promise.all(shown.map(async (i) => [i.pattern, await browser.permissions.contains({ origins: [i.pattern] })] as const)).then((e) =>
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
	}, [installations, policy]);

	const grant = (pattern: string, typed: string, managed = false) => {
		setStatus('');
		return browser.permissions
			.request({ origins: [pattern] })
			.then(async (ok) => {
				if (!ok) {
					setStatus(t('optionsDenied', pattern));
					return;
				}
				// The background registers and injects through permissions.onAdded, the one path for every grant.
				// A managed installation is the policy's: not copied into the agent's list, so it goes when IT removes it.
				if (!managed) onChange(await saveInstallation(local, { pattern, url: typed, added: new Date().toISOString() }));
				else void refreshGrants();
				setStatus(t('optionsAdded', pattern));
				setUrl('');
			})
			.catch((error: unknown) => setStatus(t('optionsActionFailed', errorText(error))));
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
		try {
			// Also unregisters in the background through permissions.onRemoved; the message makes it immediate.
			await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
			await ask((m) => browser.runtime.sendMessage(m), 'installation-removed', { pattern }).catch(() => undefined);
			onChange(await removeInstallation(local, pattern));
			setStatus(t('optionsRemoved', pattern));
		} catch (error) {
			setStatus(t('optionsActionFailed', errorText(error)));
		}
		input.current?.focus();
	};

	return (
		<section aria-labelledby="installations-title" id="instalacoes">
			<h2 id="installations-title">{t('optionsInstallations')}</h2>
			<p class="hosted">✓ {t('optionsHosted')}</p>
			<h3>{t('optionsSelfHosted')}</h3>
			{shown.length ? (
				<ul class="installations">
					{shown.map((i) => (
						<li key={i.pattern} data-pattern={i.pattern} data-managed={i.managed ? 'true' : undefined}>
							<code>{i.pattern}</code> {i.managed && <ManagedBadge />}{' '}
							<span class={granted[i.pattern] ? 'ok' : 'bad'} data-permission={granted[i.pattern] ? 'granted' : 'missing'}>
								{granted[i.pattern] ? t('optionsPermissionGranted') : t('optionsPermissionMissing')}
							</span>{' '}
							{granted[i.pattern] === false && (
								<button type="button" onClick={() => void grant(i.pattern, i.url, i.managed)}>
									{t('optionsGrant')}
								</button>
							)}
							{!i.managed && (
								<button type="button" onClick={() => void remove(i.pattern)} aria-label={`${t('optionsRemove')} ${i.pattern}`}>
									{t('optionsRemove')}
								</button>
							)}
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
