import { isMessage } from '../messages.ts';
import type { StorageArea } from '../storage/area.ts';
import { clearUsage, recordUsage } from './usage-record.ts';
import { isExtensionPage, type Sender } from './sender.ts';

/**
 * The usage record's two messages; undefined for any other message or sender, so the caller's other
 * handlers may answer. Events come only from our content script in a tab; clearing only from our own pages.
 */
export function answerUsageMessage(area: StorageArea, message: unknown, sender: Sender, self: { id: string; origin: string }): Promise<unknown> | undefined {
	if (sender.id !== self.id) return undefined;
	if (isMessage(message, 'usage-events') && sender.tab !== undefined && !isExtensionPage(sender, self.origin)) {
		return recordUsage(area, message.events).then((recorded) => ({ ok: true, recorded }));
	}
	if (isMessage(message, 'usage-clear') && isExtensionPage(sender, self.origin)) {
		return clearUsage(area).then(() => ({ ok: true }));
	}
	return undefined;
}
