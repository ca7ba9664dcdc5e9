import { useEffect, useState } from 'preact/hooks';

const GAP = 8;

/** The panel's width for a viewport: room for Qualitor's form first, 260–360 px for the panel. */
export function dockWidth(viewportWidth: number): number {
	return Math.round(Math.min(360, Math.max(260, viewportWidth * 0.24)));
}

/** How far the page may be scaled down to fit beside the panel (125 % zoom on a 1366 px screen needs ~0.92). */
const MIN_FIT = 0.8;

/** The scale that makes a page `scrollWidth` wide fit `clientWidth`, 1 when it fits, never below MIN_FIT. */
export function fitScale(scrollWidth: number, clientWidth: number): number {
	if (scrollWidth <= clientWidth + 1) return 1;
	return Math.max(MIN_FIT, Math.floor((clientWidth / scrollWidth) * 100) / 100);
}

/**
 * Docks the panel beside Qualitor's form instead of over it: while the panel is open, the page is
 * pushed aside by the panel's width (a margin on the root element, restored as it was when the panel
 * collapses or leaves), so every field stays visible and clickable. When Qualitor's form cannot be that
 * narrow (125 % zoom), the page and the panel are scaled down together just enough to fit, as the
 * browser's own zoom would. `relayout` changes when the form may have grown (fields arrived). Returns the
 * panel's width.
 */
export function useDock(doc: Document, expanded: boolean, side: 'right' | 'left', relayout = 0): number {
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
		const priorZoom = style.getPropertyValue('zoom');
		style[property] = `${width + GAP}px`;
		style.removeProperty('zoom');
		// What overflows the body spills into the margin (under the panel) without making the page scroll:
		// the width the page needs is the viewport minus the body's box plus what the body's content takes.
		const root = doc.documentElement;
		const body = doc.body;
		const needed = body ? root.clientWidth - body.clientWidth + body.scrollWidth : root.scrollWidth;
		const scale = fitScale(needed, root.clientWidth);
		if (scale < 1) style.setProperty('zoom', String(scale));
		return () => {
			style[property] = prior;
			if (priorZoom) style.setProperty('zoom', priorZoom);
			else style.removeProperty('zoom');
		};
	}, [doc, expanded, side, width, relayout]);
	return width;
}
