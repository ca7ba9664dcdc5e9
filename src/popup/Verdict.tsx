import { t } from '../ui/i18n.ts';

/** The banner's content: `tone` is a CEI status, `error`, or `idle` before anything was pasted. */
export interface VerdictText {
	tone: string;
	title: string;
	detail: string;
}

/** Shapes as well as colours tell the tones apart; hidden from screen readers, which hear the words. */
const ICONS: Record<string, string> = { valid: '✔', invalid: '✖', absent: '!', unconfirmed: 'ℹ', 'not-applicable': '–', unknown: '?', error: '?' };

/**
 * The answer first: a banner whose colour and words both carry the CEI verdict; announced as it changes.
 * Without a verdict (nothing pasted yet) it waits; the words for a result come with the decoder (verdict-of.ts).
 */
export function Verdict({ verdict }: { verdict: VerdictText | null }) {
	const { tone, title, detail } = verdict ?? { tone: 'idle', title: t('popupWaitingTitle'), detail: t('popupWaitingDetail') };
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
