import type { DecodeResult } from '../cert/decode.ts';
import { formatCei } from '../cert/format.ts';
import { STATUS_TEXT } from '../cert/present.ts';
import { t } from '../ui/i18n.ts';

/** Shapes as well as colours tell the tones apart; hidden from screen readers, which hear the words. */
const ICONS: Record<string, string> = { valid: '✔', invalid: '✖', absent: '!', unconfirmed: 'ℹ', 'not-applicable': '–', unknown: '?', error: '?' };

/** The answer first: a banner whose colour and words both carry the CEI verdict; announced as it changes. */
export function Verdict({ result }: { result: DecodeResult | null }) {
	let tone = 'idle';
	let title = t('popupWaitingTitle');
	let detail = t('popupWaitingDetail');
	if (result && !result.ok) {
		tone = 'error';
		title = t('popupUnreadable');
		detail = result.error;
	} else if (result?.ok) {
		tone = result.cei.status;
		title = STATUS_TEXT[result.cei.status] + (result.cei.number && result.cei.status !== 'absent' ? `: ${formatCei(result.cei.number)}` : '');
		detail = result.cei.reason;
	}
	return (
		<section class={`verdict ${tone}`} role="status" aria-live="polite" aria-atomic="true" data-status={tone}>
			<strong class="verdict-title">
				<span aria-hidden="true" class="verdict-icon">
					{ICONS[tone] ?? '…'}
				</span>
				{title}
			</strong>
			<span class="verdict-detail">{detail}</span>
		</section>
	);
}
