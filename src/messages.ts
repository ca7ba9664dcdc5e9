/**
 * Every message that crosses between the extension's contexts, in one typed map; a receiver validates
 * the shape before acting, since a message is data from another context.
 */
export interface MessageMap {
	/** Popup → content script of the active tab: open this SOP in the overlay. Answer: `{ ok: true }`. */
	'open-sop': { id: string };
}

export type MessageType = keyof MessageMap;
export type Message<K extends MessageType = MessageType> = { type: K } & MessageMap[K];

const VALIDATORS: { [K in MessageType]: (m: Record<string, unknown>) => boolean } = {
	'open-sop': (m) => typeof m.id === 'string' && /^[a-z0-9-]{1,100}$/.test(m.id),
};

export function isMessage<K extends MessageType>(value: unknown, type: K): value is Message<K> {
	if (!value || typeof value !== 'object') return false;
	const m = value as Record<string, unknown>;
	return m.type === type && VALIDATORS[type](m);
}

export function message<K extends MessageType>(type: K, body: MessageMap[K]): Message<K> {
	return { type, ...body } as Message<K>;
}
