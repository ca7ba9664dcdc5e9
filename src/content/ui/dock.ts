import { useEffect, useState } from 'preact/hooks';

const GAP = 8;

/** The panel's width for a viewport: room for Qualitor's form first, 280–360 px for the panel. */
export function dockWidth(viewportWidth: number): number {
	return Math.round(Math.min(360, Math.max(280, viewportWidth * 0.26)));
}

/**
 * Docks the panel beside Qualitor's form instead of over it: while the panel is open, the page is
 * pushed aside by the panel's width (a margin on the root element, restored as it was when the panel
 * collapses or leaves), so every field stays visible and clickable. Returns the panel's width.
 */
export function useDock(doc: Document, expanded: boolean, side: 'right' | 'left'): number {
	const view = doc.defaultView;
	const [width, setWidth] = useState(() => dockWidth(view?.innerWidth ?? 1366));
	useEffect(() => {
		if (!view) return;
		const onResize = () => setWidth(dockWidth(view.innerWidth));
		view.addEventListener('resize', onResize);
		return () => view.removeEventListener('resize', onResize);
	}, [view]);
	useEffect(() => {
		if (!expanded) return;
		const style = doc.documentElement.style;
		const property = side === 'right' ? 'marginRight' : 'marginLeft';
		const prior = style[property];
		style[property] = `${width + GAP}px`;
		return () => {
			style[property] = prior;
		};
	}, [doc, expanded, side, width]);
	return width;
}
