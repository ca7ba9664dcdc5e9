// The background's one entry for messages: a handler table that names, per message, who may send it; every
// field validated; rates per tab; the usage record behind it (bounded, off by policy, storage full, CSV-safe).
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { createHandlers, OPEN_OPTIONS_RATE, USAGE_RATE, type HandlerDeps } from '../../src/background/handlers.ts';
import { createDispatcher } from '../../src/background/messages.ts';
import { message, type FrameDiagnostic, type OptionsSection } from '../../src/messages.ts';
import { KEYS, type StorageArea } from '../../src/storage/area.ts';
import { readUsageLog } from '../../src/storage/usage.ts';
import { MAX_EVENTS, toCsv, type UsageEvent } from '../../src/usage/usage-log.ts';
import { fakeStorage } from '../helpers/fake-storage.ts';
import { quotaStorage } from '../helpers/quota-storage.ts';

const NOW = Date.UTC(2026, 0, 15, 12);
const SELF = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const HOSTED = { id: 'ext-id', url: 'https://acme.qualitorsoftware.com/qualitor/x', tab: { id: 3 } };
const REGISTERED = { id: 'ext-id', url: 'https://helpdesk.empresa.com.br/qualitor/x', tab: { id: 4 } };
const UNGRANTED = { id: 'ext-id', url: 'https://evil.example/qualitor/x', tab: { id: 5 } };
const LOOKALIKE = { id: 'ext-id', url: 'https://qualitorsoftware.com.evil.example/x', tab: { id: 6 } };
// The options page opens in a tab (`open_in_tab`): its sender has a tab, like a content script's.
const OPTIONS = { id: 'ext-id', url: 'chrome-extension://ext-id/src/options/index.html', tab: { id: 7 } };
const POPUP = { id: 'ext-id', url: 'chrome-extension://ext-id/src/popup/index.html' };
const OTHER_EXTENSION = { ...HOSTED, id: 'other' };
const ev = (sop: string, kind: UsageEvent['kind'], at = NOW, detail?: string): UsageEvent => ({ at, sop, kind, ...(detail ? { detail } : {}) });

function setup<A extends StorageArea = ReturnType<typeof fakeStorage>>(area: A = fakeStorage() as unknown as A, overrides: Partial<HandlerDeps> = {}) {
	let t = NOW;
	const opened: OptionsSection[] = [];
	const unregistered: string[] = [];
	const log: unknown[][] = [];
	const deps: HandlerDeps = {
		local: area,
		library: () => ({ sops: [], indexJson: '{}' }),
		openOptions: async (section) => void opened.push(section),
		unregister: async (pattern) => void unregistered.push(pattern),
		policyReady: async () => undefined,
		knownSopIds: async () => new Set(['a', 'b', 'token-em-branco']),
		...overrides,
	};
	const dispatcher = createDispatcher(createHandlers(deps), {
		self: SELF,
		isRegisteredOrigin: async (origin) => origin === 'https://helpdesk.empresa.com.br',
		now: () => t,
		log: (...what) => void log.push(what),
	});
	const send = (m: unknown, sender: object) => dispatcher.onMessage(m, sender);
	const usage = (events: UsageEvent[], sender: object = HOSTED) => send(message('usage-events', { events }), sender);
	return { area, send, usage, opened, unregistered, log, advance: (ms: number) => (t += ms), dispatcher };
}

beforeEach(() => {
	vi.spyOn(console, 'warn').mockImplementation(() => undefined);
	vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('the handler table decides who may send what', () => {
	test('sop-library, usage-events: only our content script on a granted Qualitor origin', async () => {
		const { send, log } = setup();
		for (const type of ['sop-library', 'usage-events'] as const) {
			const body = type === 'usage-events' ? { events: [ev('a', 'opened')] } : {};
			const m = { type, ...body };
			// Positive controls: hosted and registered self-hosted origins get an answer.
			expect(await send(m, HOSTED), `${type} hosted`).toBeDefined();
			expect(await send(m, REGISTERED), `${type} registered`).toBeDefined();
			for (const sender of [UNGRANTED, LOOKALIKE, OPTIONS, POPUP, OTHER_EXTENSION]) expect(await send(m, sender), `${type} from ${sender.url}`).toBeUndefined();
		}
		expect(log.filter((l) => String(l[1]).startsWith('sender not allowed'))).toHaveLength(10);
	});

	test('open-options: our content script on a granted origin, or an extension page; nothing else', async () => {
		const { send, opened } = setup();
		const m = message('open-options', { section: 'mapeamento' });
		for (const sender of [UNGRANTED, LOOKALIKE, OTHER_EXTENSION]) expect(await send(m, sender)).toBeUndefined();
		expect(opened).toEqual([]);
		for (const sender of [HOSTED, REGISTERED, OPTIONS, POPUP]) expect(await send(m, sender)).toEqual({ ok: true });
		expect(opened).toHaveLength(4);
	});

	test("usage-clear and installation-removed: only the extension's own pages", async () => {
		const { send, unregistered, area } = setup();
		await area.set({ [KEYS.usageLog]: [ev('a', 'opened')] });
		for (const sender of [HOSTED, REGISTERED, OTHER_EXTENSION, { ...OPTIONS, id: 'other' }]) {
			expect(await send(message('usage-clear', {}), sender)).toBeUndefined();
			expect(await send(message('installation-removed', { pattern: 'https://x.example/*' }), sender)).toBeUndefined();
		}
		expect(await readUsageLog(area)).toHaveLength(1);
		expect(unregistered).toEqual([]);
		expect(await send(message('usage-clear', {}), OPTIONS)).toEqual({ ok: true });
		expect(await send(message('installation-removed', { pattern: 'https://x.example/*' }), POPUP)).toEqual({ ok: true });
		expect(await readUsageLog(area)).toEqual([]);
		expect(unregistered).toEqual(['https://x.example/*']);
	});

	test("an unknown type, or open-sop (popup → content script), is not the background's: no answer, logged", async () => {
		const { send, log } = setup();
		expect(send({ type: 'grant-everything' }, OPTIONS)).toBeUndefined();
		expect(send(message('open-sop', { id: 'a' }), HOSTED)).toBeUndefined();
		expect(send('usage-events', HOSTED)).toBeUndefined();
		expect(log.map((l) => l[1])).toEqual(['unknown type', 'not for the background', 'unknown type']);
	});

	test("the form diagnostic's messages are the options page's: a frame's report passes the background silently, a probe sent here is logged", async () => {
		const { send, log } = setup();
		const frame: FrameDiagnostic = { state: 'no-form', mode: null, found: 0, expected: 0, missing: [], controls: 3, frames: 1, loading: 0 };
		// Every runtime.sendMessage of a content script reaches the worker too; the report is not for it.
		expect(send(message('form-diagnostic-report', { scan: 'scan-0001', frame }), HOSTED)).toBeUndefined();
		expect(log).toEqual([]);
		expect(send(message('form-diagnostic-probe', { scan: 'scan-0001' }), OPTIONS)).toBeUndefined();
		expect(send(message('form-diagnostic', {}), OPTIONS)).toBeUndefined();
		expect(log.map((l) => l.slice(0, 2))).toEqual([
			['form-diagnostic-probe', 'not for the background'],
			['form-diagnostic', 'not for the background'],
		]);
		// Positive control: a message the background does answer, from the same sender, is answered.
		await expect(send(message('sop-library', {}), HOSTED)).resolves.toEqual({ sops: [], indexJson: '{}' });
	});
});

describe('every field of every message is validated', () => {
	test('usage timestamps: ±1e300, NaN, Infinity, fractions, a year ago, ahead of the clock: refused; now and a week ago: accepted', async () => {
		const { usage, area } = setup();
		for (const at of [1e300, -1e300, Number.NaN, Number.POSITIVE_INFINITY, NOW + 0.5, NOW - 365 * 86_400_000, NOW + 3_600_000, 0]) {
			expect(await usage([ev('a', 'applied', at)]), `at ${at}`).toBeUndefined();
		}
		expect(area.data.has(KEYS.usageLog)).toBe(false);
		expect(await usage([ev('a', 'applied', NOW), ev('a', 'undone', NOW - 7 * 86_400_000)])).toEqual({ ok: true, recorded: 2 });
	});

	test('ids, kinds, detail length, batch size, extra fields: refused; SOPs that do not exist are dropped', async () => {
		const { usage, send, area } = setup();
		expect(await usage([{ at: NOW, sop: 'A B', kind: 'opened' }])).toBeUndefined();
		expect(await usage([{ at: NOW, sop: 'a', kind: 'hacked' as UsageEvent['kind'] }])).toBeUndefined();
		expect(await usage([ev('a', 'warning-dismissed', NOW, 'x'.repeat(501))])).toBeUndefined();
		expect(await usage(Array.from({ length: 51 }, () => ev('a', 'opened')))).toBeUndefined();
		expect(await usage([])).toBeUndefined();
		expect(await usage([{ ...ev('a', 'opened'), extra: 'x'.repeat(100_000) } as UsageEvent])).toBeUndefined();
		expect(await send({ ...message('usage-events', { events: [ev('a', 'opened')] }), more: 1 }, HOSTED)).toBeUndefined();
		expect(await send(message('open-options', { section: 'javascript:alert(1)' as OptionsSection }), HOSTED)).toBeUndefined();
		expect(await send(message('installation-removed', { pattern: '<all_urls>' }), OPTIONS)).toBeUndefined();
		expect(area.data.has(KEYS.usageLog)).toBe(false);
		// Positive control, and a SOP no tab can show is not recorded.
		expect(await usage([ev('a', 'opened'), ev('no-such-sop', 'applied')])).toEqual({ ok: true, recorded: 1 });
		expect((await readUsageLog(area)).map((e) => e.sop)).toEqual(['a']);
	});
});

describe('rates per tab', () => {
	test('the health badge clicked 30 times opens 2 options tabs; a minute later one more; another tab has its own', async () => {
		const { send, opened, advance } = setup();
		const open = (sender = HOSTED) => send(message('open-options', { section: 'mapeamento' }), sender);
		const replies = [];
		for (let i = 0; i < 30; i++) replies.push(await open());
		expect(opened).toHaveLength(OPEN_OPTIONS_RATE.capacity);
		expect(replies.filter((r) => (r as { ok: boolean }).ok === false)).toHaveLength(30 - OPEN_OPTIONS_RATE.capacity);
		expect(replies.at(-1)).toEqual({ ok: false, reason: 'rate', retryAfterMs: expect.any(Number) });
		advance(15_000);
		await open();
		expect(opened).toHaveLength(OPEN_OPTIONS_RATE.capacity + 1);
		await open(REGISTERED);
		expect(opened).toHaveLength(OPEN_OPTIONS_RATE.capacity + 2);
	});

	test('a flood of 5,000 forged events in 400 s from one tab records at most the rate, and the real events kept before it survive', async () => {
		const area = fakeStorage({ [KEYS.usageLog]: Array.from({ length: 100 }, (_, i) => ev('token-em-branco', 'applied', NOW - 1000 + i)) });
		const { usage, advance } = setup(area);
		let recorded = 0;
		for (let i = 0; i < 100; i++) {
			const reply = (await usage(Array.from({ length: 50 }, () => ev('b', 'opened', NOW)))) as { ok: boolean; recorded?: number };
			recorded += reply.recorded ?? 0;
			advance(4000);
		}
		const bound = USAGE_RATE.capacity + (USAGE_RATE.perMinute * 400) / 60;
		expect(recorded).toBeGreaterThan(0);
		expect(recorded).toBeLessThanOrEqual(bound);
		expect((await readUsageLog(area)).filter((e) => e.sop === 'token-em-branco')).toHaveLength(100);
	});
});

describe('the usage record behind it', () => {
	test('appends in order, bounded: the oldest go first', async () => {
		const area = fakeStorage({ [KEYS.usageLog]: Array.from({ length: MAX_EVENTS }, (_, i) => ev('a', 'opened', NOW - MAX_EVENTS + i)) });
		const { usage } = setup(area);
		expect(await usage([ev('b', 'applied')])).toEqual({ ok: true, recorded: 1 });
		const log = await readUsageLog(area);
		expect(log).toHaveLength(MAX_EVENTS);
		expect(log.at(-1)).toEqual(ev('b', 'applied'));
	});

	test('concurrent batches from many tabs lose nothing (one writer, one change at a time)', async () => {
		const area = fakeStorage();
		const s = setup(area);
		await Promise.all(Array.from({ length: 20 }, (_, i) => s.usage([ev('a', 'opened', NOW - i)], { ...HOSTED, tab: { id: 100 + i } })));
		expect((await readUsageLog(area)).map((e) => e.at).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => NOW - 19 + i));
	});

	test('cold start: no event is judged before the policy has been read at this start of the worker', async () => {
		const area = fakeStorage({ [KEYS.settings]: { usageRecord: true } });
		let read!: () => void;
		const ready = new Promise<void>((r) => (read = r));
		const { usage } = setup(area, { policyReady: () => ready });
		const reply = usage([ev('a', 'applied')]);
		await new Promise((r) => setTimeout(r, 10));
		expect(area.writes).toBe(0);
		// The sync stores usageRecord: false, then says it is done.
		await area.set({ [KEYS.policy]: { installations: [], mappings: {}, problems: [], packs: [], packsRead: false, usageRecord: false } });
		read();
		expect(await reply).toEqual({ ok: true, recorded: 0 });
		expect(area.data.has(KEYS.usageLog)).toBe(false);
		// Positive control: the same with the policy turning it on.
		await area.set({ [KEYS.policy]: { installations: [], mappings: {}, problems: [], packs: [], packsRead: false, usageRecord: true } });
		expect(await usage([ev('a', 'applied')])).toEqual({ ok: true, recorded: 1 });
	});

	test('off by the agent (no policy): nothing; on by policy wins over the agent off', async () => {
		const off = setup(fakeStorage({ [KEYS.settings]: { usageRecord: false } }));
		expect(await off.usage([ev('a', 'applied')])).toEqual({ ok: true, recorded: 0 });
		const forced = setup(fakeStorage({ [KEYS.settings]: { usageRecord: false }, [KEYS.policy]: { usageRecord: true } }));
		expect(await forced.usage([ev('a', 'applied')])).toEqual({ ok: true, recorded: 1 });
	});

	test('storage full (QUOTA_BYTES): the reply says so in Portuguese, nothing half-written; room again: recorded', async () => {
		const area = quotaStorage(2_000);
		const { usage } = setup(area);
		const big = Array.from({ length: 40 }, (_, i) => ev('a', 'warning-dismissed', NOW - i, 'Dois telefones para contato'));
		expect(await usage(big)).toEqual({
			ok: false,
			reason: 'storage',
			message: 'O uso dos SOPs não pôde ser registrado: o armazenamento do navegador está cheio (QUOTA_BYTES quota exceeded).',
		});
		expect(area.data.has(KEYS.usageLog)).toBe(false);
		expect(await usage([ev('a', 'opened')])).toEqual({ ok: true, recorded: 1 });
	});

	test('"Exportar CSV" never breaks on stored data: a forged ±1e300 event stored by an older version is left out', async () => {
		const area = fakeStorage({ [KEYS.usageLog]: [ev('a', 'applied', 1e300), ev('a', 'applied', -1e300), ev('token-em-branco', 'applied', Date.UTC(2024, 6, 1, 12))] });
		const log = await readUsageLog(area);
		expect(() => toCsv(log)).not.toThrow();
		expect(toCsv(log)).toBe('\uFEFFdata (UTC);sop;evento;detalhe\r\n2024-07-01 12:00:00;token-em-branco;aplicado;\r\n');
		// Control: the raw stored data does break the export.
		expect(() => toCsv(area.data.get(KEYS.usageLog) as UsageEvent[])).toThrow(RangeError);
	});
});
