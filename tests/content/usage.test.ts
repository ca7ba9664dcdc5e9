// What the overlay sends to the background for the usage record.
import { expect, test, vi } from 'vitest';
import { createUsageRecorder } from '../../src/content/usage.ts';
import { isUsageEvent, type UsageEvent } from '../../src/usage/usage-log.ts';

function recorder() {
	const sent: UsageEvent[][] = [];
	const usage = createUsageRecorder(async (events) => void sent.push(events), () => 1000);
	return { usage, sent };
}

test('a suggestion counts once per form session, however many keystrokes show it again', () => {
	const { usage, sent } = recorder();
	usage.suggested(['a', 'b']);
	usage.suggested(['a', 'b']);
	usage.suggested(['b', 'c']);
	usage.suggested([]);
	expect(sent).toEqual([
		[
			{ at: 1000, sop: 'a', kind: 'suggested' },
			{ at: 1000, sop: 'b', kind: 'suggested' },
		],
		[{ at: 1000, sop: 'c', kind: 'suggested' }],
	]);
});

test('opened, applied, undone each count every time; dismissed warnings carry their texts, bounded to a valid event', () => {
	const { usage, sent } = recorder();
	usage.opened('a');
	usage.applied('a');
	usage.undone('a');
	usage.applied('a');
	usage.warningDismissed('a', ['Dois telefones para contato', 'E-mail do cliente']);
	usage.warningDismissed('a', ['x'.repeat(400), 'y'.repeat(400)]);
	expect(sent.flat().map((e) => e.kind)).toEqual(['opened', 'applied', 'undone', 'applied', 'warning-dismissed', 'warning-dismissed']);
	expect(sent[4]![0]!.detail).toBe('Dois telefones para contato | E-mail do cliente');
	expect(sent.flat().every(isUsageEvent)).toBe(true);
});

test('a failed send (background asleep, extension reloaded) is logged, never thrown into the page', async () => {
	const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
	const usage = createUsageRecorder(() => Promise.reject(new Error('Extension context invalidated.')));
	expect(() => usage.applied('a')).not.toThrow();
	await new Promise((r) => setTimeout(r, 0));
	expect(warn).toHaveBeenCalledWith('[SOP Assist] usage not recorded:', expect.any(Error));
});
