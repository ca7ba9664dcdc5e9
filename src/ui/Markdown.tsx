import { useLayoutEffect, useRef } from 'preact/hooks';
import { renderMarkdown } from './markdown.ts';

/** A SOP body rendered safely (see markdown.ts); DOM nodes are built, never an HTML string handed to Preact. */
export function Markdown({ source, class: className = 'markdown' }: { source: string; class?: string }) {
	const ref = useRef<HTMLDivElement>(null);
	useLayoutEffect(() => {
		const el = ref.current;
		if (el) el.replaceChildren(renderMarkdown(el.ownerDocument, source));
	}, [source]);
	return <div class={className} ref={ref} />;
}
