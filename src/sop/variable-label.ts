import type { Sop } from './types.ts';

/** How the agent calls the built-in values (and the reply), for messages in plain Portuguese. */
const BUILTIN_LABELS: Readonly<Record<string, string>> = {
	cliente: 'Nome do cliente',
	contato: 'Nome do contato',
	saudacao: 'Saudação',
	data: 'Data',
	hora: 'Hora',
	resposta: 'Resposta ao cliente',
};

/** A variable as the agent sees it: the SOP's label for it, a built-in's Portuguese name, else its name. */
export function variableLabel(sop: Sop, name: string): string {
	return sop.variables.find((v) => v.name === name)?.label ?? BUILTIN_LABELS[name] ?? name;
}
