import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../ui/i18n.ts';

type MarkdownComponent = ComponentType<{ source: string }>;
let loaded: MarkdownComponent | undefined;

/**
 * "Procedimento completo": the SOP body, collapsed. The Markdown renderer (micromark, ~18 KB gzip) is
 * fetched the first time an agent opens it, so the overlay does not grow for those who never do.
 */
export function Procedure({ body }: { body: string }) {
	const [Markdown, setMarkdown] = useState<MarkdownComponent | undefined>(() => loaded);
	const onToggle = (event: Event) => {
		if (!(event.currentTarget as HTMLDetailsElement).open || Markdown) return;
		import('../../ui/Markdown.tsx')
			.then((m) => setMarkdown(() => (loaded = m.Markdown)))
			.catch((error: unknown) => console.warn('[SOP Assist]', error));
	};
	return (
		<details class="procedure" onToggle={onToggle}>
			<summary>{t('overlayProcedure')}</summary>
			{Markdown ? <Markdown source={body} /> : <p class="hint">…</p>}
		</details>
	);
}
