import type { FormSkeleton } from './qualitor/skeleton.ts';
import type { Sop } from './sop/types.ts';
import { isSingleOriginPattern } from './origin/origin-pattern.ts';
import { isUsageEvent, type UsageEvent } from './usage/usage-log.ts';

/**
 * The one protocol between the extension's contexts: every message with its request and its reply, in one
 * typed map. A receiver validates every field before acting (a message is data from another context);
 * `ask` is the one place a reply is typed, so call sites never cast. Who may send what is declared by the
 * background's handler table (background/messages.ts).
 */
export interface Protocol {
	/**
	 * Popup → content script of the active tab: open this SOP in the overlay. From the CEI decoder, also the
	 * client the certificate names (CPF or CNPJ, digits only; name), for the overlay to fill into the ticket's
	 * fields; absent when the certificate does not state them.
	 */
	'open-sop': { request: { id: string; cpfCnpj?: string; name?: string }; reply: { ok: true } };
	/** Content script → background: the overlay's health indicator asks for the options page at a section (content scripts cannot open it). */
	'open-options': { request: { section: OptionsSection }; reply: Refusable<{ ok: true }> };
	/** Options page → background: the agent removed this installation; unregister it. */
	'installation-removed': { request: { pattern: string }; reply: { ok: true } };
	/**
	 * Content script → background, the usage record's single writer: what the agent did with SOPs. The reply
	 * acknowledges the batch (the content script keeps it queued until then): `recorded` is how many were
	 * stored (0 when the record is off); a storage failure is `{ ok: false, reason: 'storage' }`.
	 */
	'usage-events': { request: { events: UsageEvent[] }; reply: Refusable<{ ok: true; recorded: number }> };
	/** Options page → background: empty the usage record (after the agent confirmed). */
	'usage-clear': { request: Record<never, never>; reply: Refusable<{ ok: true }> };
	/**
	 * Content script → background, once a ticket form is found: the bundled SOPs and their prebuilt index.
	 * They travel by message so that they are not a web-accessible file any website could read.
	 */
	'sop-library': { request: Record<never, never>; reply: BundledLibrary };
	/**
	 * Options page → every frame of one tab (`tabs.sendMessage` without a frame id; "Diagnóstico do
	 * formulário"): each frame where our content script runs, with a form or without one, sends its
	 * `form-diagnostic-report` and then answers; the first answer tells the page that the tab runs our
	 * script. `scan` pairs the reports with the page's scan (several options pages may be open).
	 */
	'form-diagnostic-probe': { request: { scan: string }; reply: { ok: true } };
	/**
	 * Content script (each frame) → the options page that scanned: what the frame's health badge would say.
	 * The page knows the frame by its sender (tab id, frame id, URL); the background ignores it.
	 */
	'form-diagnostic-report': { request: { scan: string; frame: FrameDiagnostic }; reply: { ok: true } };
	/** Options page → one frame (`tabs.sendMessage` with its frame id): the skeleton of its page now (no client data). */
	'form-diagnostic': { request: Record<never, never>; reply: { skeleton: FormSkeleton } };
}

/** Messages the service worker never answers: they go between the extension's pages and content scripts. */
export const NOT_FOR_BACKGROUND = ['open-sop', 'form-diagnostic-probe', 'form-diagnostic-report', 'form-diagnostic'] as const;

/**
 * One frame as "Diagnóstico do formulário" lists it: what its health badge says (`no-form` when the frame
 * has no ticket form, where no badge shows) and, for a page without a form, what it holds instead.
 */
export interface FrameDiagnostic {
	state: 'ok' | 'loading' | 'missing' | 'read-only' | 'no-form';
	mode: 'new' | 'edit' | 'read' | null;
	/** Expected fields found and expected; the names of those not found, as agents call them. */
	found: number;
	expected: number;
	missing: string[];
	/** What the skeleton holds: controls, frames, loading indicators. */
	controls: number;
	frames: number;
	loading: number;
}

export const FRAME_STATES: readonly FrameDiagnostic['state'][] = ['ok', 'loading', 'missing', 'read-only', 'no-form'];

export type OptionsSection = 'mapeamento' | 'sops' | 'instalacoes';

/**
 * A reply that may say no: too many requests from this tab (`retryAfterMs`), a storage write that failed
 * (`message`, Portuguese, for the agent), or a field that did not validate.
 */
export type Refusable<T> = T | { ok: false; reason: 'rate' | 'storage' | 'invalid'; message?: string; retryAfterMs?: number };

export interface BundledLibrary {
	sops: Sop[];
	indexJson: string;
}

export type MessageType = keyof Protocol;
export type RequestBody<K extends MessageType> = Protocol[K]['request'];
export type Reply<K extends MessageType> = Protocol[K]['reply'];
export type Message<K extends MessageType = MessageType> = { type: K } & RequestBody<K>;

/** Bounds every receiver enforces. */
export const MESSAGE_LIMITS = {
	/** Events in one `usage-events` batch: a handful per interaction, 50 suggestions at most. */
	eventsPerBatch: 50,
	/** A usage event's time: not older than this (a queue kept through a long sleep), … */
	eventMaxAgeMs: 30 * 24 * 60 * 60 * 1000,
	/** … and not ahead of the background's clock by more than this. */
	eventMaxAheadMs: 60 * 1000,
} as const;

const SOP_ID = /^[a-z0-9-]{1,100}$/;

/** Checks every field, and that no other field is there; `now` bounds the events' times. */
const VALIDATORS: { [K in MessageType]: (m: Record<string, unknown>, now: number) => boolean } = {
	'open-sop': (m) =>
		onlyKeys(m, ['id', 'cpfCnpj', 'name']) &&
		typeof m.id === 'string' &&
		SOP_ID.test(m.id) &&
		(m.cpfCnpj === undefined || (typeof m.cpfCnpj === 'string' && /^(?:\d{11}|[0-9A-Z]{12}\d{2})$/.test(m.cpfCnpj))) &&
		(m.name === undefined || (typeof m.name === 'string' && /^[^\u0000-\u001f\u007f]{1,200}$/.test(m.name))),
	'open-options': (m) => onlyKeys(m, ['section']) && (m.section === 'mapeamento' || m.section === 'sops' || m.section === 'instalacoes'),
	'installation-removed': (m) => onlyKeys(m, ['pattern']) && typeof m.pattern === 'string' && m.pattern.length <= 300 && isSingleOriginPattern(m.pattern),
	'usage-events': (m, now) =>
		onlyKeys(m, ['events']) &&
		Array.isArray(m.events) &&
		m.events.length > 0 &&
		m.events.length <= MESSAGE_LIMITS.eventsPerBatch &&
		m.events.every((e: unknown) => isUsageEvent(e) && onlyKeys(e as unknown as Record<string, unknown>, ['at', 'sop', 'kind', 'detail', 'id']) && isSaneTime(e.at, now)),
	'usage-clear': (m) => onlyKeys(m, []),
	'sop-library': (m) => onlyKeys(m, []),
	'form-diagnostic-probe': (m) => onlyKeys(m, ['scan']) && isScanId(m.scan),
	'form-diagnostic-report': (m) => onlyKeys(m, ['scan', 'frame']) && isScanId(m.scan) && isFrameDiagnostic(m.frame),
	'form-diagnostic': (m) => onlyKeys(m, []),
};

const isScanId = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(value);
const isCount = (value: unknown, max = 100_000): value is number => Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= max;

function isFrameDiagnostic(value: unknown): value is FrameDiagnostic {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
	const f = value as Record<string, unknown>;
	return (
		Object.keys(f).every((k) => ['state', 'mode', 'found', 'expected', 'missing', 'controls', 'frames', 'loading'].includes(k)) &&
		FRAME_STATES.includes(f.state as FrameDiagnostic['state']) &&
		(f.mode === null || f.mode === 'new' || f.mode === 'edit' || f.mode === 'read') &&
		(f.state === 'no-form') === (f.mode === null) &&
		isCount(f.found, 1000) &&
		isCount(f.expected, 1000) &&
		(f.found as number) <= (f.expected as number) &&
		Array.isArray(f.missing) &&
		f.missing.length <= 50 &&
		f.missing.every((n: unknown) => typeof n === 'string' && /^[^\u0000-\u001f\u007f]{1,100}$/.test(n)) &&
		isCount(f.controls) &&
		isCount(f.frames) &&
		isCount(f.loading)
	);
}

/** A usage event's time: an integer epoch-ms within the window around `now` (never ±1e300, NaN, a year 30000). */
export function isSaneTime(at: unknown, now: number): boolean {
	return typeof at === 'number' && Number.isSafeInteger(at) && at >= now - MESSAGE_LIMITS.eventMaxAgeMs && at <= now + MESSAGE_LIMITS.eventMaxAheadMs;
}

function onlyKeys(m: Record<string, unknown>, allowed: readonly string[]): boolean {
	return Object.keys(m).every((k) => k === 'type' || allowed.includes(k));
}

export function isMessageType(value: unknown): value is MessageType {
	return typeof value === 'string' && Object.hasOwn(VALIDATORS, value);
}

/** Whether `value` is a well-formed message of that type, every field checked. */
export function isMessage<K extends MessageType>(value: unknown, type: K, now = Date.now()): value is Message<K> {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
	const m = value as Record<string, unknown>;
	return m.type === type && VALIDATORS[type](m, now);
}

export function message<K extends MessageType>(type: K, body: RequestBody<K>): Message<K> {
	return { type, ...body } as Message<K>;
}

/** The browser's `runtime.sendMessage` or a `tabs.sendMessage` bound to a tab: whatever delivers one message. */
export type Send = (message: unknown) => Promise<unknown>;

/**
 * Sends one request and gives its reply its type; the only place a reply is typed. No reply at all (no
 * listener answered: the sender was refused, or nothing listens) rejects, so a caller never takes silence
 * for success.
 */
export async function ask<K extends MessageType>(send: Send, type: K, body: RequestBody<K>): Promise<Reply<K>> {
	const reply = await send(message(type, body));
	if (reply === undefined || reply === null || typeof reply !== 'object') throw new NoReplyError(type);
	return reply as Reply<K>;
}

/** Nobody answered: the receiver refused the sender or the message, or nothing listens. */
export class NoReplyError extends Error {
	constructor(type: MessageType) {
		super(`no reply to ${type}`);
		this.name = 'NoReplyError';
	}
}

/** Whether a reply is a refusal (rate, storage, invalid). */
export function isRefusal(reply: unknown): reply is { ok: false; reason: 'rate' | 'storage' | 'invalid'; message?: string; retryAfterMs?: number } {
	return !!reply && typeof reply === 'object' && (reply as { ok?: unknown }).ok === false;
}
