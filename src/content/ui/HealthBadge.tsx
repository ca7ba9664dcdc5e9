import browser from 'webextension-polyfill';
import { ask } from '../../messages.ts';
import { t } from '../../ui/i18n.ts';
import type { FormHealth } from '../session.ts';

/**
 * How many of the expected fields the extension found. When some are missing it is a button to the
 * options page's Mapeamento, where an administrator can point the extension at them; a content script
 * cannot open that page itself, the background does.
 */
export function HealthBadge({ health }: { health: FormHealth }) {
	const text = t('overlayHealth', health.found, health.expected);
	if (!health.missing.length) {
		return (
			<span class="health ok" title={t('overlayHealthOk')}>
				{text}
			</span>
		);
	}
	const open = () => {
		ask(browser.runtime.sendMessage, 'open-options', { section: 'mapeamento' }).catch((error: unknown) => console.warn('[SOP Assist]', error));
	};
	return (
		<button
			type="button"
			class="health bad"
			data-action="open-options"
			title={`${t('overlayHealthMissing', health.missing.join(', '))} ${t('overlayHealthFix')}`}
			onClick={open}
		>
			{text}
		</button>
	);
}
