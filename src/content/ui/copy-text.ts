import { useEffect, useState } from 'preact/hooks';

export type CopyState = 'idle' | 'copied' | 'failed';

/**
 * A copy button's click: copies what `text()` gives (a throw counts as a failed copy) and says so on the
 * button for two seconds.
 */
export function useCopy(): [CopyState, (event: Event, text: () => string) => Promise<void>] {
	const [state, setState] = useState<CopyState>('idle');
	useEffect(() => {
		if (state === 'idle') return;
		const timer = setTimeout(() => setState('idle'), 2000);
		return () => clearTimeout(timer);
	}, [state]);
	const copy = async (event: Event, text: () => string) => {
		let ok = false;
		try {
			ok = await copyText(text(), (event.currentTarget as HTMLElement).getRootNode() as ShadowRoot | Document);
		} catch {
			ok = false;
		}
		setState(ok ? 'copied' : 'failed');
	};
	return [state, copy];
}

/**
 * Copies plain text: the async clipboard where the page is a secure context, else a hidden textarea
 * and the copy command (Qualitor served over http), inside the overlay's own root.
 */
export async function copyText(text: string, root: ShadowRoot | Document): Promise<boolean> {

	try {
		if (globalThis.isSecureContext && navigator.clipboard) {
			await navigator.clipboard.writeText(text);
			return true;
		}
	} catch {
		// fall through to the copy command
	}
	const doc = (root as ShadowRoot).host?.ownerDocument ?? (root as Document);
	const area = doc.createElement('textarea');
	area.value = text;
	area.setAttribute('readonly', '');
	area.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0';
	const holder = (root as ShadowRoot).host ? (root as ShadowRoot) : doc.body;
	holder.append(area);
	const active = (root as ShadowRoot).activeElement as HTMLElement | null;
	area.select();
	let ok = false;
	try {
		ok = doc.execCommand('copy');
	} catch {
		ok = false;
	}
	area.remove();
	active?.focus();
	return ok;
}
