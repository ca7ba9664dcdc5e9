/**
 * Runs inside the Qualitor page (pass it to Playwright's or Puppeteer's `evaluate`): every control of the
 * form by id (or name) as the page holds it, selects as `value|text`, to compare before and after.
 */
export function snapshotForm(): Record<string, string> {
	const out: Record<string, string> = {};
	for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')) {
		if (el.closest('[data-sop-assist]') || (el as HTMLInputElement).type === 'button') continue;
		const key = el.id || el.name;
		if (!key) continue;
		out[key] = el.localName === 'select' ? `${el.value}|${(el as HTMLSelectElement).selectedOptions[0]?.text ?? ''}` : el.value;
	}
	return out;
}
