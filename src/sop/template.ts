import { BUILTIN_VARIABLES } from './types.ts';

const VARIABLE = /\{([a-z][a-z0-9_]*)\}/g;

/** Names of the `{variables}` a template uses, in order of first appearance. */
export function templateVariables(template: string): string[] {
	return [...new Set(Array.from(template.matchAll(VARIABLE), (m) => m[1]!))];
}

/** Bom dia / Boa tarde / Boa noite, as the house wording greets by the clock. */
export function saudacao(now: Date): string {
	const h = now.getHours();
	return h >= 5 && h < 12 ? 'Bom dia' : h >= 12 && h < 18 ? 'Boa tarde' : 'Boa noite';
}

/** The built-in variables the clock gives; cliente and contato come from the page. */
export function clockVariables(now: Date): Record<'saudacao' | 'data' | 'hora', string> {
	const pad = (n: number) => String(n).padStart(2, '0');
	return {
		saudacao: saudacao(now),
		data: `${pad(now.getDate())}/${pad(now.getMonth() + 1)}/${now.getFullYear()}`,
		hora: `${pad(now.getHours())}:${pad(now.getMinutes())}`,
	};
}

export const isBuiltinVariable = (name: string): boolean => (BUILTIN_VARIABLES as readonly string[]).includes(name);
