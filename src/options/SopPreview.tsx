import { useEffect, useRef } from 'preact/hooks';
import type { Sop } from '../sop/types.ts';
import { Markdown } from '../ui/Markdown.tsx';
import { t } from '../ui/i18n.ts';

/** The SOP as agents will see it, body rendered with the same safe renderer as the overlay. */
export function SopPreview({ sop, onClose }: { sop: Sop; onClose(): void }) {
	const heading = useRef<HTMLHeadingElement>(null);
	useEffect(() => heading.current?.focus(), [sop.id]);
	return (
		<article class="preview" aria-labelledby="preview-title" data-preview={sop.id}>
			<h3 id="preview-title" tabIndex={-1} ref={heading}>
				{sop.title}
			</h3>
			<p>{sop.summary}</p>
			<Markdown source={sop.body} />
			<button type="button" onClick={onClose}>
				{t('optionsPreviewClose')}
			</button>
		</article>
	);
}
