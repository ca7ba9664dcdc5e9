import browser from 'webextension-polyfill';
import { ask } from '../../messages.ts';
import { t } from '../../ui/i18n.ts';
import type { FormHealth } from '../session.ts';
import { useCopy } from './copy-text.ts';

interface Props {
	health: FormHealth;
	/** The form's skeleton as JSON (no client data), for "Copiar diagnóstico do formulário". */
	diagnostic?: (() => string) | undefined;
}

/**
 * How the form looks to the extension. Fields that load later (Categoria 1 before a Tipo, anything while
 * Qualitor loads) are "ainda carregando", not missing; an existing ticket's read view is "somente leitura".
 * When a field is not found the badge is a button to the options page's Mapeamento (the background opens
 * it); next to it, "Copiar diagnóstico do formulário" copies the form's skeleton for the administrator.
 */
export function HealthBadge({ health, diagnostic }: Props) {
	const count = t('overlayHealth', health.found, health.expected);
	const copy = diagnostic ? <CopyDiagnostic diagnostic={diagnostic} /> : null;
	if (health.state === 'read-only' || health.state === 'loading') {
		const text = health.state === 'read-only' ? t('overlayHealthReadOnly') : t('overlayHealthLoading');
		return (
			<span class="health-group">
				<span class="health wait" data-health={health.state} title={text}>
					{text}
				</span>
				{copy}
			</span>
		);
	}
	if (health.state === 'ok') {
		return (
			<span class="health-group">
				<span class="health ok" data-health="ok" title={t('overlayHealthOk')}>
					{count}
				</span>
				{copy}
			</span>
		);
	}
	const open = () => {
		ask((m) => browser.runtime.sendMessage(m), 'open-options', { section: 'mapeamento' }).catch((error: unknown) => console.warn('[SOP Assist]', error));
	};
	return (
		<span class="health-group">
			<button
				type="button"
				class="health bad"
				data-action="open-options"
				data-health="missing"
				title={`${t('overlayHealthMissing', health.missing.join(', '))} ${t('overlayHealthFix')}`}
				onClick={open}
			>
				{t('overlayHealthNotFound', count)}
			</button>
			{copy}
		</span>
	);
}

function CopyDiagnostic({ diagnostic }: { diagnostic: () => string }) {
	const [state, copy] = useCopy();
	// A short visible label (the header is 245–330 px wide); the tooltip says it whole.
	return (
		<button type="button" class="health-copy" data-action="copy-diagnostic" onClick={(event) => copy(event, diagnostic)} title={t('overlayCopyDiagnostic')}>
			{state === 'copied' ? t('copyDone') : state === 'failed' ? t('copyFailed') : t('overlayCopyDiagnosticShort')}
		</button>
	);
}
