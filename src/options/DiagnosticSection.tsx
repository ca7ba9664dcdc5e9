import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { FrameDiagnostic } from '../messages.ts';
import { t } from '../ui/i18n.ts';
import { download } from './download.ts';
import { errorText } from './error-text.ts';
import { fetchSkeleton, qualitorUrlTest, scanForms, skeletonFileName, type DiagnosticsApi, type FrameEntry, type ScanState, type TabEntry } from './form-diagnostics.ts';

/** The browser's APIs as the scan takes them; no `tabs` permission is needed for any of them. */
export const browserDiagnosticsApi = (): DiagnosticsApi => ({
	queryTabs: () => browser.tabs.query({}),
	send: (tabId, message, frameId) => (frameId === undefined ? browser.tabs.sendMessage(tabId, message) : browser.tabs.sendMessage(tabId, message, { frameId })),
	listen(listener) {
		const wrapped = (message: unknown, sender: browser.Runtime.MessageSender) => listener(message, sender);
		browser.runtime.onMessage.addListener(wrapped);
		return () => browser.runtime.onMessage.removeListener(wrapped);
	},
	self: { id: browser.runtime.id, origin: browser.runtime.getURL('') },
});

interface Props {
	/** Self-hosted installations' origin patterns: a tab there whose script does not answer is named. */
	patterns: readonly string[];
	/** Starts a scan at once (the page was opened at `#diagnostico`). */
	autoScan?: boolean;
	api?: DiagnosticsApi;
}

/**
 * "Diagnóstico do formulário", for the administrator who sees a red badge, or no overlay at all: every open
 * Qualitor tab and frame where our content script runs, what its health badge says (or that no form was
 * found there, and what the page holds instead), and per frame "Copiar diagnóstico do formulário" and
 * "Baixar .json": the skeleton of that page (no values, no client data), fetched from the frame at the click.
 */
export function DiagnosticSection({ patterns, autoScan = false, api: given }: Props) {
	const api = useRef(given ?? null);
	const [scan, setScan] = useState<ScanState | null>(null);
	const [status, setStatus] = useState('');
	const stop = useRef<(() => void) | null>(null);
	const patternsRef = useRef(patterns);
	patternsRef.current = patterns;

	const scanning = scan !== null && !scan.done;
	const start = () => {
		if (scanning) return;
		api.current ??= browserDiagnosticsApi();
		stop.current?.();
		setStatus(t('optionsDiagScanning'));
		setScan({ tabs: [], done: false });
		stop.current = scanForms(api.current, qualitorUrlTest(patternsRef.current), (state) => {
			setScan(state);
			if (state.done) setStatus(state.tabs.length ? t('optionsDiagFound', state.tabs.length) : t('optionsDiagNone'));
		});
	};
	useEffect(() => {
		if (autoScan) start();
		return () => stop.current?.();
	}, [autoScan]);

	const skeletonOf = async (tab: TabEntry, frame: FrameEntry): Promise<string | undefined> => {
		try {
			return await fetchSkeleton(api.current!, tab.tabId, frame.frameId);
		} catch (error) {
			setStatus(t('optionsDiagNoAnswer', errorText(error)));
			return undefined;
		}
	};
	const copy = async (tab: TabEntry, frame: FrameEntry) => {
		const json = await skeletonOf(tab, frame);
		if (json === undefined) return;
		try {
			await navigator.clipboard.writeText(json);
			setStatus(t('optionsDiagCopied', where(frame)));
		} catch (error) {
			setStatus(t('optionsDiagCopyFailed', errorText(error)));
		}
	};
	const save = async (tab: TabEntry, frame: FrameEntry) => {
		const json = await skeletonOf(tab, frame);
		if (json === undefined) return;
		const name = skeletonFileName(frame.host);
		download(document, name, json);
		setStatus(t('optionsDiagSaved', where(frame), name));
	};

	return (
		<section aria-labelledby="diag-title" id="diagnostico">
			<h2 id="diag-title" tabIndex={-1}>
				{t('optionsDiag')}
			</h2>
			<p class="hint">{t('optionsDiagHint')}</p>
			<div class="row">
				{/* aria-disabled, not disabled: the button keeps the keyboard focus while the search runs. */}
				<button type="button" data-action="diag-scan" onClick={start} aria-disabled={scanning}>
					{scan ? t('optionsDiagRescan') : t('optionsDiagScan')}
				</button>
			</div>
			<p class="status" role="status" aria-live="polite" data-status="diagnostic">
				{status}
			</p>
			{scan?.done && <p class="hint">{t('optionsDiagStale')}</p>}
			{scan && scan.tabs.length > 0 && (
				<ol class="diag-tabs">
					{scan.tabs.map((tab, i) => (
						<li key={tab.tabId} data-diag-tab={tab.tabId} data-diag-status={tab.status} aria-labelledby={`diag-tab-${tab.tabId}`}>
							<h3 id={`diag-tab-${tab.tabId}`}>{tabTitle(tab, i + 1)}</h3>
							{tab.status === 'silent' && !tab.frames.length ? (
								<p class="bad">{t('optionsDiagSilent')}</p>
							) : (
								<ul class="diag-frames">
									{tab.frames.map((frame) => (
										<FrameRow key={frame.frameId} tab={tab} frame={frame} onCopy={() => void copy(tab, frame)} onSave={() => void save(tab, frame)} />
									))}
								</ul>
							)}
						</li>
					))}
				</ol>
			)}
		</section>
	);
}

function FrameRow({ tab, frame, onCopy, onSave }: { tab: TabEntry; frame: FrameEntry; onCopy(): void; onSave(): void }) {
	const id = `diag-${tab.tabId}-${frame.frameId}`;
	const { report } = frame;
	return (
		<li data-diag-frame={frame.frameId} data-state={report.state} data-path={frame.path} aria-labelledby={`${id}-where`}>
			<p id={`${id}-where`} class="diag-where">
				<strong>{frame.frameId === 0 ? t('optionsDiagTop') : t('optionsDiagFrame')}</strong> <code>{`${frame.host}${frame.path}`}</code>
			</p>
			<p id={`${id}-health`} class="diag-health">
				<span class={`diag-badge ${badgeClass(report)}`}>{badgeText(report)}</span>
				{report.mode && ` · ${modeText(report.mode)}`}
			</p>
			<p class="hint" id={`${id}-detail`}>
				{report.state === 'missing' ? t('optionsDiagMissing', report.missing.join(', ')) : t('optionsDiagHolds', report.controls, report.frames, report.loading)}
			</p>
			<div class="row">
				<button type="button" data-action="copy-form-diagnostic" aria-describedby={`${id}-where ${id}-health`} onClick={onCopy}>
					{t('overlayCopyDiagnostic')}
				</button>
				<button type="button" data-action="download-form-diagnostic" aria-describedby={`${id}-where ${id}-health`} onClick={onSave}>
					{t('optionsDiagDownload')}
				</button>
			</div>
		</li>
	);
}

function tabTitle(tab: TabEntry, n: number): string {
	const host = tab.frames.find((f) => f.frameId === 0)?.host ?? tab.host ?? tab.frames[0]?.host;
	return host ? t('optionsDiagTab', n, host) : t('optionsDiagTabUnknown', n);
}

const where = (frame: FrameEntry) => `${frame.host}${frame.path}`;

/** The words of the overlay's health badge. */
function badgeText(report: FrameDiagnostic): string {
	const count = t('overlayHealth', report.found, report.expected);
	switch (report.state) {
		case 'ok':
			return count;
		case 'missing':
			return t('overlayHealthNotFound', count);
		case 'loading':
			return t('overlayHealthLoading');
		case 'read-only':
			return t('overlayHealthReadOnly');
		case 'no-form':
			return t('optionsDiagNoForm');
	}
}

const badgeClass = (report: FrameDiagnostic) => (report.state === 'ok' ? 'ok' : report.state === 'missing' ? 'bad' : 'wait');

function modeText(mode: NonNullable<FrameDiagnostic['mode']>): string {
	return mode === 'new' ? t('optionsDiagModeNew') : mode === 'edit' ? t('optionsDiagModeEdit') : t('optionsDiagModeRead');
}
