import { fold } from './text.ts';

/**
 * Words that make a Qualitor contact a registry entry rather than a person ("REGISTRO ATENDIMENTOS
 * RÁPIDOS", "CONTATO PADRÃO", "NÃO INFORMADO"): a reply must not greet it as if it were the client's name.
 */
const GENERIC = /\b(registro|registros|atendimento|atendimentos|rapido|rapidos|generico|padrao|geral|central|recepcao|nao informado|nao identificado|sem contato|diversos|avulso|balcao|telefonia|suporte|sac|cliente|usuario|contato)\b/;

/** Whether a contact name is a generic registry entry (or empty) rather than a person's name. */
export function isGenericContact(name: string | undefined): boolean {
	const folded = fold(name ?? '').trim();
	if (!folded || !/[a-z]/.test(folded)) return true;
	return GENERIC.test(folded);
}
