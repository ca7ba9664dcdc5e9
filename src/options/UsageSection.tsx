import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sops as bundled } from 'virtual:sop-library';
import { ask, NoReplyError } from '../messages.ts';
import { KEYS, type StorageChange } from '../storage/area.ts';
import { readImportedSops } from '../storage/imported-sops.ts';
import type { ResolvedPolicy } from '../storage/policy.ts';
import { usageRecording } from '../storage/precedence.ts';
import { DEFAULT_SETTINGS, readSettings, saveSettings, type LocalSettings } from '../storage/settings.ts';
import { readUsageLog } from '../storage/usage.ts';
import { t } from '../ui/i18n.ts';
import { summarize, toCsv, USAGE_KINDS, type UsageEvent, type UsageKind } from '../usage/usage-log.ts';
import { download } from './download.ts';
import { errorText, storageErrorText } from './error-text.ts';
import { ManagedBadge } from './PolicyNotice.tsx';
import { local, storageEvents } from './storage.ts';
import { UsageBars } from './UsageBars.tsx';

const COLUMN: Record<UsageKind, () => string> = {
	suggested: () => t('optionsUsageSuggested'),
	opened: () => t('optionsUsageOpened'),
	applied: () => t('optionsUsageApplied'),
	undone: () => t('optionsUsageUndone'),
	'warning-dismissed': () => t('optionsUsageDismissed'),
	dismissed: () => t('optionsUsageNotThis'),
};

/** "Uso dos SOPs": the local record per SOP, as a table and bars; CSV export; clear after confirmation. */
export function UsageSection({ policy }: { policy: ResolvedPolicy }) {
	const [log, setLog] = useState<UsageEvent[]>([]);
	const [settings, setSettings] = useState<LocalSettings>(DEFAULT_SETTINGS);
	const [titles, setTitles] = useState<Record<string, string>>({});
	const [confirming, setConfirming] = useState(false);
	const [status, setStatus] = useState('');

	useEffect(() => {
		const load = () => void readUsageLog(local).then(setLog);
		const loadTitles = () => void readImportedSops(local).then((imported) => setTitles(Object.fromEntries(imported.map((i) => [i.sop.id, i.sop.title]))));
		load();
		loadTitles();
		void readSettings(local).then(setSettings);
		// The record grows while agents work in other tabs, and SOPs may be imported meanwhile (their titles).
		const onChanged = (changes: Record<string, StorageChange>, area: string) => {
			if (area !== 'local') return;
			if (KEYS.usageLog in changes) load();
			if (KEYS.importedSops in changes) loadTitles();
		};
		storageEvents.addListener(onChanged);
		return () => storageEvents.removeListener(onChanged);
	}, []);

	const recording = usageRecording(settings, policy);
	const summary = summarize(log);
	const titleOf = (id: string) => policy.sops.find((s) => s.sop.id === id)?.sop.title ?? titles[id] ?? bundled.find((s) => s.id === id)?.title ?? id;

	const toggle = async (on: boolean) => {
		const next = { ...settings, usageRecord: on };
		try {
			await saveSettings(local, next);
			setSettings(next);
			setStatus(on ? t('optionsUsageTurnedOn') : t('optionsUsageTurnedOff'));
		} catch (error) {
			setSettings({ ...settings }); // the checkbox goes back to what is stored
			setStatus(t('optionsNotSaved', storageErrorText(error)));
		}
	};
	const exportCsv = () => download(document, `uso-dos-sops-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(log), 'text/csv;charset=utf-8');
	const clear = async () => {
		setConfirming(false);
		try {
			// Only the background writes the record; "apagado" only when it says it did.
			const answer = await ask((m) => browser.runtime.sendMessage(m), 'usage-clear', {}).catch((error: unknown) => {
				if (error instanceof NoReplyError) return undefined; // refused by the background
				throw error;
			});
			if (answer?.ok !== true) {
				setStatus(answer?.message ?? t('optionsUsageClearRefused'));
				return;
			}
			setLog([]);
			setStatus(t('optionsUsageCleared'));
		} catch (error) {
			setStatus(t('optionsActionFailed', errorText(error)));
		} finally {
			document.getElementById('usage-title')?.focus();
		}
	};

	return (
		<section aria-labelledby="usage-title" id="uso">
			<h2 id="usage-title" tabIndex={-1}>
				{t('optionsUsage')}
			</h2>
			<p class="hint">{t('optionsUsageHint')}</p>
			{recording.managed ? (
				<p data-usage-state={recording.enabled ? 'on' : 'off'}>
					{recording.enabled ? t('optionsUsageOnByPolicy') : t('optionsUsageOffByPolicy')} <ManagedBadge />
				</p>
			) : (
				<label class="check" data-usage-state={recording.enabled ? 'on' : 'off'}>
					<input type="checkbox" checked={recording.enabled} onChange={(e) => void toggle((e.target as HTMLInputElement).checked)} /> {t('optionsUsageRecord')}
				</label>
			)}
			{log.length ? (
				<>
					<table class="usage">
						<caption>{t('optionsUsageTableCaption', log.length)}</caption>
						<thead>
							<tr>
								<th scope="col">{t('optionsColTitle')}</th>
								{USAGE_KINDS.map((k) => (
									<th scope="col" key={k}>
										{COLUMN[k]()}
									</th>
								))}
							</tr>
						</thead>
						<tbody>
							{Object.entries(summary).map(([id, counts]) => (
								<tr key={id} data-usage-row={id}>
									<th scope="row">
										{titleOf(id)}
										<br />
										<code>{id}</code>
									</th>
									{USAGE_KINDS.map((k) => (
										<td key={k} data-kind={k}>
											{counts[k]}
										</td>
									))}
								</tr>
							))}
						</tbody>
					</table>
					<UsageBars summary={summary} titleOf={titleOf} label={t('optionsUsageChart')} />
				</>
			) : (
				<p class="hint" data-usage-empty>
					{t('optionsUsageEmpty')}
				</p>
			)}
			<div class="row">
				<button type="button" onClick={exportCsv} disabled={!log.length}>
					{t('optionsUsageExport')}
				</button>
				{confirming ? (
					<span role="group" aria-label={t('optionsUsageConfirm')}>
						{t('optionsUsageConfirm')}{' '}
						<button type="button" data-action="usage-clear-confirm" onClick={() => void clear()}>
							{t('optionsUsageClearYes')}
						</button>
						<button type="button" onClick={() => setConfirming(false)}>
							{t('optionsUsageClearNo')}
						</button>
					</span>
				) : (
					<button type="button" onClick={() => setConfirming(true)} disabled={!log.length}>
						{t('optionsUsageClear')}
					</button>
				)}
			</div>
			<p class="status" role="status" aria-live="polite" data-status="usage">
				{status}
			</p>
		</section>
	);
}
