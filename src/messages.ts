import type { Sop } from './sop/types.ts';
import { isSingleOriginPattern } from './origin/origin-pattern.ts';
import { isUsageEvent, type UsageEvent } from './usage/usage-log.ts';

/**
 * Every message that crosses between the extension's contexts, in one typed map; a receiver validates
 * the shape before acting, since a message is data from another context.
 */
export interface MessageMap {
	/**
	 * Popup → content script of the active tab: open this SOP in the overlay. Answer: `{ ok: true }`.
	 * From the CEI decoder, also the client the certificate names (CPF or CNPJ, digits only; name), for the
	 * overlay to fill into the ticket's fields; absent when the certificate does not state them.
	 */
	'open-sop': { id: string; cpfCnpj?: string; name?: string };
	/** Content script → background: the overlay's health indicator asks for the options page at a section (content scripts cannot open it). */
	'open-options': { section: 'mapeamento' | 'sops' | 'instalacoes' };
	/** Options page → background: the agent removed this installation; unregister it. Answer: `{ ok: true }`. */
	'installation-removed': { pattern: string };
	/** Content script → background, the usage record's single writer: what the agent did with SOPs. Answer: `{ ok, recorded }`. */
	'usage-events': { events: UsageEvent[] };
	/** Options page → background: empty the usage record (after the agent confirmed). Answer: `{ ok: true }`. */
	'usage-clear': Record<never, never>;
	/**
	 * Content script → background, once a ticket form is found: the bundled SOPs and their prebuilt index.
	 * They travel by message so that they are not a web-accessible file any website could read.
	 * Answer: `BundledLibrary`.
	 */
	'sop-library': Record<never, never>;
}

export interface BundledLibrary {
	sops: Sop[];
	indexJson: string;
}

export type MessageType = keyof MessageMap;
export type Message<K extends MessageType = MessageType> = { type: K } & MessageMap[K];

const VALIDATORS: { [K in MessageType]: (m: Record<string, unknown>) => boolean } = {
	'open-sop': (m) =>
		typeof m.id === 'string' && /^[a-z0-9-]{1,100}$/.test(m.id) &&
		(m.cpfCnpj === undefined || (typeof m.cpfCnpj === 'string' && /^(?:\d{11}|[0-9A-Z]{12}\d{2})$/.test(m.cpfCnpj))) &&
		(m.name === undefined || (typeof m.name === 'string' && /^[^\u0000-\u001f\u007f]{1,200}$/.test(m.name))),
	'open-options': (m) => m.section === 'mapeamento' || m.section === 'sops' || m.section === 'instalacoes',
	'installation-removed': (m) => isSingleOriginPattern(m.pattern),
	// A handful per interaction; a bigger batch is not something the overlay sends.
	'usage-events': (m) => Array.isArray(m.events) && m.events.length > 0 && m.events.length <= 50 && m.events.every(isUsageEvent),
	'usage-clear': () => true,
	'sop-library': () => true,
};

export function isMessage<K extends MessageType>(value: unknown, type: K): value is Message<K> {
	if (!value || typeof value !== 'object') return false;
	const m = value as Record<string, unknown>;
	return m.type === type && VALIDATORS[type](m);
}

export function message<K extends MessageType>(type: K, body: MessageMap[K]): Message<K> {
	return { type, ...body } as Message<K>;
}
