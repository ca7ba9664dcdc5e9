// Unit tests run outside an extension: serve chrome.i18n.getMessage from _locales/pt_BR (the default
// locale) with Chrome's substitution rules, so components render the words agents see.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const messages = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../_locales/pt_BR/messages.json'), 'utf8')) as Messages;

export function getMessage(key: string, substitutions: string | string[] = []): string {
	const entry = messages[key];
	if (!entry) return '';
	const subs = Array.isArray(substitutions) ? substitutions : [substitutions];
	const named = entry.message.replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? whole);
	return named.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

const g = globalThis as { chrome?: { i18n?: unknown } };
g.chrome = { ...g.chrome, i18n: { getMessage, getUILanguage: () => 'pt-BR' } };
