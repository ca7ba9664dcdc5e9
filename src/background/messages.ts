import { isMessage, isMessageType, NOT_FOR_BACKGROUND, type Message, type MessageType, type Reply } from '../messages.ts';
import { createRateLimiter, type RateLimit } from './rate-limit.ts';
import { classifySender, type Classified, type Sender, type SenderKind } from './sender.ts';

/**
 * Every message the service worker answers. Not `open-sop` (popup → content script) nor the form
 * diagnostic's (options page ↔ content scripts; a frame's `form-diagnostic-report` reaches the worker too,
 * as every `runtime.sendMessage` of a content script does, and is left to the options page).
 */
export type BackgroundMessageType = Exclude<MessageType, (typeof NOT_FOR_BACKGROUND)[number]>;

const isBackgroundType = (type: MessageType): type is BackgroundMessageType => !(NOT_FOR_BACKGROUND as readonly string[]).includes(type);

/** One row of the handler table: who may send the message, how often per tab, and what answers it. */
export interface Handler<K extends BackgroundMessageType> {
	from: readonly SenderKind[];
	/** Per tab; a request over it is answered `{ ok: false, reason: 'rate', retryAfterMs }` and not handled. */
	limit?: RateLimit;
	/** What one request costs against the limit (default 1), e.g. its number of usage events. */
	cost?(message: Message<K>): number;
	handle(message: Message<K>, sender: Classified): Promise<Reply<K>>;
}

export type HandlerTable = { [K in BackgroundMessageType]: Handler<K> };

export interface DispatchDeps {
	self: { id: string; origin: string };
	/** Whether a self-hosted origin (`https://helpdesk.example.com`) has our content script registered. */
	isRegisteredOrigin(origin: string): Promise<boolean>;
	now?: () => number;
	/** Where refusals are logged (console.warn by default). */
	log?: (...what: unknown[]) => void;
}

/**
 * The background's one entry for messages: the type must be in the table, the sender must be one the
 * table names for it, every field must validate, and the tab must be within its rate. Anything else is
 * refused (no reply) and logged. Returns undefined at once for what is not ours to answer.
 */
export function createDispatcher(table: HandlerTable, deps: DispatchDeps) {
	const now = deps.now ?? Date.now;
	const log = deps.log ?? ((...what: unknown[]) => console.warn('[SOP Assist] refused message:', ...what));
	const limiter = createRateLimiter(now);
	const dispatch = async <K extends BackgroundMessageType>(type: K, raw: unknown, sender: Sender): Promise<Reply<K> | undefined> => {
		const handler = table[type] as Handler<K>;
		const who = await classifySender(sender, deps.self, deps.isRegisteredOrigin);
		if (!who || !handler.from.includes(who.kind)) {
			log(type, `sender not allowed (${who?.kind ?? 'unknown'})`, sender.url ?? '(no url)');
			return undefined;
		}
		if (!isMessage(raw, type, now())) {
			log(type, 'invalid fields', who.url);
			return undefined;
		}
		if (handler.limit && who.tabId !== undefined) {
			const taken = limiter.take(`${type}@${who.tabId}`, handler.limit, handler.cost?.(raw) ?? 1);
			if (!taken.ok) {
				log(type, `rate limit of tab ${who.tabId}`, who.url);
				return { ok: false, reason: 'rate', retryAfterMs: taken.retryAfterMs } as Reply<K>;
			}
		}
		return handler.handle(raw, who);
	};
	return {
		/** For `runtime.onMessage`: a promise of the reply, or undefined when the message is not one of ours. */
		onMessage(raw: unknown, sender: Sender): Promise<unknown> | undefined {
			const type = raw && typeof raw === 'object' ? (raw as { type?: unknown }).type : undefined;
			if (!isMessageType(type)) {
				if (sender.id === deps.self.id) log(String(type), 'unknown type', sender.url ?? '(no url)');
				return undefined;
			}
			if (!isBackgroundType(type)) {
				// Between the options page and content scripts; only a report is expected to pass by here.
				if (type !== 'form-diagnostic-report') log(type, 'not for the background', sender.url ?? '(no url)');
				return undefined;
			}
			return dispatch(type, raw, sender);
		},
		forgetTab: (tabId: number) => limiter.forgetTab(tabId),
	};
}
