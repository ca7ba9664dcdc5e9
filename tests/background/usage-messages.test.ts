// The usage record through the background's handler, as the content script and the options page reach it.
import { describe, expect, test } from 'vitest';
import { answerUsageMessage } from '../../src/background/usage-messages.ts';
import { readUsageLog } from '../../src/storage/usage.ts';
import { message } from '../../src/messages.ts';
import { KEYS } from '../../src/storage/area.ts';
import { toCsv, MAX_EVENTS, type UsageEvent } from '../../src/usage/usage-log.ts';
import { fakeStorage } from '../helpers/fake-storage.ts';

const SELF = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const TAB = { id: 'ext-id', url: 'https://acme.qualitorsoftware.com/qualitor/x', tab: { id: 3 } };
// The options page opens in a tab (`open_in_tab`): its sender has a tab, like a content script's.
const OPTIONS = { id: 'ext-id', url: 'chrome-extension://ext-id/src/options/index.html', tab: { id: 7 } };
const POPUP = { id: 'ext-id', url: 'chrome-extension://ext-id/src/popup/index.html' };
const ev = (sop: string, kind: UsageEvent['kind'], at = 1, detail?: string): UsageEvent => ({ at, sop, kind, ...(detail ? { detail } : {}) });
const send = (area: ReturnType<typeof fakeStorage>, events: UsageEvent[], sender: object = TAB) =>
	answerUsageMessage(area, message('usage-events', { events }), sender, SELF);

describe('usage-events from the content script', () => {
	test('appends valid events in order; the answer says how many', async () => {
		const area = fakeStorage();
		expect(await send(area, [ev('a', 'suggested'), ev('a', 'opened', 2)])).toEqual({ ok: true, recorded: 2 });
		expect(await send(area, [ev('a', 'applied', 3), ev('a', 'undone', 4)])).toEqual({ ok: true, recorded: 2 });
		expect((await readUsageLog(area)).map((e) => e.kind)).toEqual(['suggested', 'opened', 'applied', 'undone']);
	});

	test('stays bounded: the oldest events go first', async () => {
		const area = fakeStorage({ [KEYS.usageLog]: Array.from({ length: MAX_EVENTS }, (_, i) => ev('old', 'opened', i)) });
		await send(area, [ev('new', 'applied', MAX_EVENTS)]);
		const log = await readUsageLog(area);
		expect(log).toHaveLength(MAX_EVENTS);
		expect(log[0]!.at).toBe(1);
		expect(log.at(-1)).toEqual(ev('new', 'applied', MAX_EVENTS));
	});

	test('concurrent messages from two tabs lose nothing (one writer, one change at a time)', async () => {
		const area = fakeStorage();
		await Promise.all(Array.from({ length: 20 }, (_, i) => send(area, [ev('a', 'opened', i)])));
		expect((await readUsageLog(area)).map((e) => e.at).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
	});

	test('refused: malformed events, oversized batches, another extension, an extension page', async () => {
		const area = fakeStorage();
		const bad = { type: 'usage-events', events: [{ at: 1, sop: 'A B', kind: 'opened' }] };
		expect(answerUsageMessage(area, bad, TAB, SELF)).toBeUndefined();
		expect(send(area, Array.from({ length: 51 }, () => ev('a', 'opened')))).toBeUndefined();
		expect(send(area, [ev('a', 'opened')], { ...TAB, id: 'other' })).toBeUndefined();
		expect(send(area, [ev('a', 'opened')], OPTIONS)).toBeUndefined();
		expect(send(area, [ev('a', 'opened')], POPUP)).toBeUndefined();
		expect(area.data.has(KEYS.usageLog)).toBe(false);
	});

	test('disabled by policy: nothing is recorded at all, even though the agent left it on', async () => {
		const area = fakeStorage({ [KEYS.settings]: { usageRecord: true }, [KEYS.policy]: { installations: [], sops: [], mappings: {}, problems: [], usageRecord: false } });
		expect(await send(area, [ev('a', 'applied')])).toEqual({ ok: true, recorded: 0 });
		expect(area.data.has(KEYS.usageLog)).toBe(false);
		expect(area.writes).toBe(0);
	});

	test('turned off by the agent (no policy): nothing recorded; on by policy wins over the agent off', async () => {
		const off = fakeStorage({ [KEYS.settings]: { usageRecord: false } });
		expect(await send(off, [ev('a', 'applied')])).toEqual({ ok: true, recorded: 0 });
		const forced = fakeStorage({ [KEYS.settings]: { usageRecord: false }, [KEYS.policy]: { usageRecord: true } });
		expect(await send(forced, [ev('a', 'applied')])).toEqual({ ok: true, recorded: 1 });
	});
});

describe('export and clear', () => {
	test('the stored log exports as CSV with the dismissed warnings as detail', async () => {
		const area = fakeStorage();
		await send(area, [ev('token-em-branco', 'applied', Date.UTC(2024, 6, 1, 12)), ev('token-em-branco', 'warning-dismissed', Date.UTC(2024, 6, 1, 12, 5), 'Dois telefones para contato | E-mail, "principal"')]);
		expect(toCsv(await readUsageLog(area))).toBe(
			'at,sop,event,detail\r\n2024-07-01T12:00:00.000Z,token-em-branco,applied,\r\n2024-07-01T12:05:00.000Z,token-em-branco,warning-dismissed,"Dois telefones para contato | E-mail, ""principal"""\r\n',
		);
	});

	test('usage-clear empties the record, from the options page only', async () => {
		const area = fakeStorage();
		await send(area, [ev('a', 'applied')]);
		expect(answerUsageMessage(area, message('usage-clear', {}), TAB, SELF)).toBeUndefined();
		expect(answerUsageMessage(area, message('usage-clear', {}), { ...OPTIONS, id: 'other' }, SELF)).toBeUndefined();
		expect(await readUsageLog(area)).toHaveLength(1);
		expect(await answerUsageMessage(area, message('usage-clear', {}), OPTIONS, SELF)).toEqual({ ok: true });
		await send(area, [ev('a', 'applied')]);
		expect(await answerUsageMessage(area, message('usage-clear', {}), POPUP, SELF)).toEqual({ ok: true });
		expect(await readUsageLog(area)).toEqual([]);
	});
});
