/** The answer the agent came for: does the certificate carry a valid matrícula CEI? */
import type { Fields } from './icp-fields.ts';
import { isCeiOid } from './othername.ts';

export type CeiStatus = 'valid' | 'invalid' | 'absent';

export interface CeiVerdict {
	status: CeiStatus;
	/** The CEI as found (digits only when well formed); null when absent. */
	number: string | null;
	/** One sentence in Portuguese explaining the status. */
	reason: string;
}

interface EntryLike {
	oid: string | null;
	fields: Fields;
}

/**
 * Looks at 2.16.76.1.3.6 / 3.7 entries, and at a value pasted without OID when it is a 12-digit number
 * (the only field that size). A valid CEI anywhere wins, then an invalid one; otherwise it is absent.
 */
export function ceiVerdict(entries: readonly EntryLike[]): CeiVerdict {
	const candidates = entries.filter((e) => (isCeiOid(e.oid) || (e.oid === null && 'cei' in e.fields)));
	const present = candidates.filter((e) => typeof e.fields.cei === 'string');
	const valid = present.find((e) => e.fields.ceiValid === true);
	if (valid) return { status: 'valid', number: valid.fields.cei as string, reason: 'Matrícula CEI presente e com dígito verificador correto.' };
	const invalid = present[0];
	if (invalid) {
		const number = invalid.fields.cei as string;
		const reason = /^\d{12}$/.test(number)
			? `Matrícula CEI presente, mas o dígito verificador não confere (esperado ${String(invalid.fields.ceiExpectedCheckDigit)}).`
			: `O campo da matrícula CEI não tem 12 dígitos: “${number}”.`;
		return { status: 'invalid', number, reason };
	}
	if (candidates.some((e) => isCeiOid(e.oid) && !('cei' in e.fields)))
		return { status: 'invalid', number: null, reason: 'O campo da matrícula CEI existe, mas não contém texto legível (veja os bytes abaixo).' };
	if (candidates.some((e) => isCeiOid(e.oid)))
		return { status: 'absent', number: null, reason: 'O campo da matrícula CEI existe, mas está todo preenchido com zeros: o certificado não tem CEI.' };
	if (entries.length > 0 && entries.every((e) => e.oid === null))
		return { status: 'absent', number: null, reason: 'O valor colado não diz de que campo é (sem OID) e não é uma matrícula CEI de 12 dígitos.' };
	return { status: 'absent', number: null, reason: 'O certificado não tem o campo da matrícula CEI (OID 2.16.76.1.3.6 ou 2.16.76.1.3.7).' };
}
