import type messages from '../../_locales/pt_BR/messages.json';

export type MessageKey = keyof typeof messages;

interface I18nApi {
	getMessage(key: string, substitutions?: string | string[]): string;
}

const api: I18nApi | undefined =
	(globalThis as { browser?: { i18n?: I18nApi } }).browser?.i18n ?? (globalThis as { chrome?: { i18n?: I18nApi } }).chrome?.i18n;

/**
 * A UI string in the browser's language (`_locales/`, pt_BR by default). Outside an extension (unit
 * tests), the key itself comes back, so a missing translation is visible rather than silent.
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
	const text = api?.getMessage(key, substitutions.map(String));
	return text || (substitutions.length ? `${key}(${substitutions.join(', ')})` : key);
}
