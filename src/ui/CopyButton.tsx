import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n.ts';

interface Props {
	/** What goes to the clipboard. */
	text: string;
	/** What is copied, for screen readers: "Copiar {label}". */
	label: string;
}

/** A small button that copies `text` and says so for a moment; the clipboard is the only thing it touches. */
export function CopyButton({ text, label }: Props) {
	const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
	useEffect(() => {
		if (state === 'idle') return;
		const timer = setTimeout(() => setState('idle'), 1500);
		return () => clearTimeout(timer);
	}, [state]);
	const copy = () =>
		navigator.clipboard.writeText(text).then(
			() => setState('copied'),
			() => setState('failed'),
		);
	return (
		<button type="button" class="copy" onClick={copy} aria-label={t('copyLabel', label)} title={t('copyLabel', label)}>
			{state === 'copied' ? t('copyDone') : state === 'failed' ? t('copyFailed') : t('copy')}
		</button>
	);
}
