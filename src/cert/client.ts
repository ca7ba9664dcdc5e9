/**
 * Who the certificate belongs to, as the "Certificado sem CEI" procedure asks ("dados do cliente, como CNPJ,
 * Nome"): the popup sends these to the overlay, which fills them into the ticket. Only numbers whose check
 * digits hold are given; a name only when the certificate states the holder's (or the company's) name.
 */
import type { Decoded } from './decode.ts';
import { OID } from './othername.ts';

export interface Client {
	/** CNPJ of an e-CNPJ or equipment certificate, else the CPF of an e-CPF; digits (and letters for new CNPJs). */
	cpfCnpj: string | null;
	name: string | null;
}

/** ICP-Brasil common names are "NAME:CPF" or "COMPANY:CNPJ". */
const CN_WITH_NUMBER = /^(.{1,200}?):(?:\d{11}|[0-9A-Z]{12}\d{2})$/;

export function clientOf(result: Pick<Decoded, 'entries' | 'certificate'>): Client {
	const fieldsOf = (oid: string) => result.entries.find((e) => e.oid === oid)?.fields;
	const company = fieldsOf(OID.cnpj);
	const holder = fieldsOf(OID.holderPf);
	const cnpj = company?.cnpjValid === true ? (company.cnpj as string) : null;
	const cpf = holder?.cpfValid === true ? (holder.cpf as string) : null;
	const companyName = fieldsOf(OID.companyName)?.companyName;
	const cn = result.certificate?.commonName ?? null;
	const cnName = cn ? (CN_WITH_NUMBER.exec(cn)?.[1] ?? null) : null;
	return {
		cpfCnpj: company ? cnpj : cpf,
		name: typeof companyName === 'string' ? companyName : cnName?.trim() || null,
	};
}
