/** The answer the agent came for: does the certificate carry a valid matrícula CEI, and does the question apply? */
import type { Fields } from './icp-fields.ts';
import { isCeiOid, OID } from './othername.ts';

/**
 * - `valid` / `invalid`: a CEI is there, with the right / a wrong check digit (or not 12 digits).
 * - `absent`: the certificate really has none (no CEI field, or one filled with zeros): the only status that
 *   offers the "Certificado sem CEI" procedure.
 * - `unconfirmed`: digits pasted without their OID (the SOP's `31 32 33 34 35 36 37` = 1234567): the matrícula
 *   the SOP reads, which only the whole line or the certificate can confirm.
 * - `not-applicable`: an equipment/server certificate (no person, no CEI expected).
 * - `unknown`: what was pasted cannot tell (a value without OID that is not digits, or a part of the list).
 */
export type CeiStatus = 'valid' | 'invalid' | 'absent' | 'unconfirmed' | 'not-applicable' | 'unknown';

export interface CeiVerdict {
	status: CeiStatus;
	/** The CEI (or, when unconfirmed, the matrícula) as found; null when there is none. */
	number: string | null;
	/** One or two sentences in Portuguese explaining the status and, when it is not certain, how to confirm. */
	reason: string;
}

interface EntryLike {
	oid: string | null;
	fields: Fields;
}

export interface VerdictContext {
	/** A certificate file was read: everything it carries was seen. */
	fromCertificate: boolean;
	/** DNS names of the certificate (SAN dNSName, or "Nome DNS=" lines pasted). */
	dnsNames: readonly string[];
}

const CONFIRM = 'Para confirmar, copie a linha inteira do “Outro Nome” (com o número que começa por 2.16.76.1.3) ou escolha o arquivo do certificado.';
/** Only equipment and application certificates carry these (DOC-ICP-04 7.1.2.3). */
const EQUIPMENT_OIDS = new Set([OID.companyName, '2.16.76.1.3.10', '2.16.76.1.3.12']);

export function ceiVerdict(entries: readonly EntryLike[], context: VerdictContext = { fromCertificate: false, dnsNames: [] }): CeiVerdict {
	const candidates = entries.filter((e) => isCeiOid(e.oid) || (e.oid === null && 'cei' in e.fields));
	const present = candidates.filter((e) => typeof e.fields.cei === 'string');
	const noOid = (e: EntryLike) => (e.oid === null ? ` O OID do campo não foi colado. ${CONFIRM}` : '');
	const valid = present.find((e) => e.fields.ceiValid === true);
	if (valid) return { status: 'valid', number: valid.fields.cei as string, reason: `Matrícula CEI presente e com dígito verificador correto.${noOid(valid)}` };
	const invalid = present[0];
	if (invalid) {
		const number = invalid.fields.cei as string;
		const reason = /^\d{12}$/.test(number)
			? `Matrícula CEI presente, mas o dígito verificador não confere (esperado ${String(invalid.fields.ceiExpectedCheckDigit)}).`
			: `O campo da matrícula CEI não tem 12 dígitos: “${number}”.`;
		return { status: 'invalid', number, reason: reason + noOid(invalid) };
	}
	if (candidates.some((e) => isCeiOid(e.oid) && !('cei' in e.fields)))
		return { status: 'invalid', number: null, reason: 'O campo da matrícula CEI existe, mas não contém texto legível (veja os bytes abaixo).' };

	const oids = new Set(entries.map((e) => e.oid));
	const person = oids.has(OID.holderPf) || oids.has(OID.ceiPf) || oids.has(OID.ceiPj);
	if ([...EQUIPMENT_OIDS].some((oid) => oids.has(oid)) || (context.dnsNames.length > 0 && !person)) {
		return {
			status: 'not-applicable',
			number: null,
			reason: 'Certificado de equipamento ou servidor (nome empresarial ou nomes DNS, sem titular pessoa): não há matrícula CEI a conferir e o procedimento “Certificado sem CEI” não se aplica.',
		};
	}
	if (candidates.some((e) => isCeiOid(e.oid)))
		return { status: 'absent', number: null, reason: 'O campo da matrícula CEI existe, mas está todo preenchido com zeros: o certificado não tem CEI.' };

	if (entries.length > 0 && entries.every((e) => e.oid === null)) {
		const matricula = entries.find((e) => typeof e.fields.matricula === 'string');
		if (matricula) {
			return {
				status: 'unconfirmed',
				number: matricula.fields.matricula as string,
				reason: `É a matrícula que o procedimento lê em “Outro Nome” (bytes 3x = dígitos). O OID do campo não foi colado, então não dá para garantir que é a matrícula CEI (2.16.76.1.3.6 ou 2.16.76.1.3.7). ${CONFIRM}`,
			};
		}
		return { status: 'unknown', number: null, reason: `O valor colado não diz de que campo é (sem OID) e não é uma matrícula em dígitos. ${CONFIRM}` };
	}
	// A certificate shows everything it has; a pasted list may be a part of it, unless the holder's data came too.
	if (context.fromCertificate || oids.has(OID.holderPf) || oids.has(OID.responsiblePj))
		return { status: 'absent', number: null, reason: 'O certificado não tem o campo da matrícula CEI (OID 2.16.76.1.3.6 ou 2.16.76.1.3.7).' };
	return {
		status: 'unknown',
		number: null,
		reason: 'O texto colado não traz a matrícula CEI nem os dados do titular (2.16.76.1.3.1 ou 2.16.76.1.3.4): pode ser só uma parte. Copie todo o conteúdo de “Nome Alternativo para o Requerente” ou escolha o arquivo do certificado.',
	};
}
