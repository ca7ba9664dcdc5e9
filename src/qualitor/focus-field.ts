/**
 * Focuses a field of the ticket form and brings it into view, first showing its tab when it sits on a
 * hidden one (`td#XMLTababa_<key>` shows `div#divAba<key>`); false when it cannot take the focus.
 */
export function focusPageField(element: HTMLElement | null): boolean {
	if (!element || !element.isConnected) return false;
	// A field on a hidden tab: show that tab first, as the agent would by clicking it.
	const tab = element.closest<HTMLElement>('[id^="divAba"]');
	if (tab && tab.style.display === 'none') element.ownerDocument.getElementById(`XMLTababa_${tab.id.slice('divAba'.length)}`)?.click();
	element.scrollIntoView({ block: 'center', inline: 'nearest' });
	element.focus({ preventScroll: true });
	return element.ownerDocument.activeElement === element;
}
