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
	let text: string | undefined;
	try {
		text = api?.getMessage(key, substitutions.map(String));
	} catch {
		// The extension was updated under an open page ("Extension context invalidated"): the overlay is
		// about to say so; a throw here would surface as an error of the Qualitor page.
		text = undefined;
	}
	return text || (substitutions.length ? `${key}(${substitutions.join(', ')})` : key);
}
