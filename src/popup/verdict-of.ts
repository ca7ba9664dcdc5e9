import type { DecodeResult } from '../cert/decode.ts';
import { formatCei } from '../cert/format.ts';
import { STATUS_TEXT } from '../cert/present.ts';
import { t } from '../ui/i18n.ts';
import type { VerdictText } from './Verdict.tsx';

/** The banner's tone and words for a decode result. */
export function verdictOf(result: DecodeResult): VerdictText {
	if (!result.ok) return { tone: 'error', title: t('popupUnreadable'), detail: result.error };
	const { status, number, reason } = result.cei;
	return { tone: status, title: STATUS_TEXT[status] + (number && status !== 'absent' ? `: ${formatCei(number)}` : ''), detail: reason };
}
