/**
 * Splits an ICP-Brasil otherName value into its named parts (DOC-ICP-04, 7.1.2.3) and checks them.
 * Numbers filled entirely with zeros mean "not informed" and come out as null.
 */
import { ceiCheckDigit, isOneRepeatedCharacter, isValidCnpj, isValidCpf, isValidNis, isValidVoterId } from './check-digits.ts';
import { formatCei, formatCnpj, formatCpf } from './format.ts';
import { OID, OID_UPN } from './othername.ts';

export type FieldValue = string | boolean | number | null;
export type Fields = Record<string, FieldValue>;

export interface FieldReading {
	fields: Fields;
	/** What looks wrong in the value, in Portuguese, for the agent. */
	problems: string[];
}

const UFS = new Set(
	'AC AL AM AP BA CE DF ES GO MA MG MS MT PA PB PE PI PR RJ RN RO RR RS SC SE SP TO'.split(' '),
);

const allZeros = (s: string) => /^0+$/.test(s);
/** A slice that is empty or only zeros is "not informed". */
const informed = (s: string) => (s.trim() === '' || allZeros(s.trim()) ? null : s.trim());

export function readFields(oid: string | null, text: string): FieldReading {
	const problems: string[] = [];
	const fields = oid === null ? readBare(text, problems) : (readers[oid]?.(text, problems) ?? {});
	return { fields, problems };
}

type Reader = (text: string, problems: string[]) => Fields;

const readers: Record<string, Reader> = {
	[OID.holderPf]: readPerson,
	[OID.responsiblePj]: readPerson,
	[OID.responsibleName]: (text) => ({ name: text.trim() || null }),
	[OID.companyName]: (text) => ({ companyName: text.trim() || null }),
	[OID.cnpj]: readCnpj,
	[OID.voterId]: readVoterId,
	[OID.ceiPf]: readCei,
	[OID.ceiPj]: readCei,
	[OID_UPN]: (text) => ({ upn: text.trim() || null }),
	[OID.oab]: (text) => {
		const t = text.trim();
		return { oabNumber: informed(t.slice(0, 7)), oabUf: t.slice(7, 9) || null };
	},
};

/** Birth date, CPF, NIS, RG and issuing body: the layout of 2.16.76.1.3.1 and 2.16.76.1.3.4. */
function readPerson(text: string, problems: string[]): Fields {
	if (text.length < 19) problems.push(`O campo tem ${text.length} caracteres; o esperado são ao menos 19 (data de nascimento e CPF).`);
	const birthRaw = text.slice(0, 8);
	const cpf = informed(text.slice(8, 19));
	const nis = informed(text.slice(19, 30));
	const rg = informed(text.slice(30, 45));
	const issuer = text.slice(45).trim();
	const birthDate = isoDate(birthRaw);
	if (informed(birthRaw) && !birthDate) problems.push(`Data de nascimento inválida: ${birthRaw}.`);
	const cpfValid = cpf === null ? null : isValidCpf(cpf);
	if (cpf && isOneRepeatedCharacter(cpf)) problems.push('CPF com todos os dígitos iguais não é um CPF válido.');
	else if (cpfValid === false) problems.push('O dígito verificador do CPF não confere.');
	const nisValid = nis === null ? null : isValidNis(nis);
	if (nisValid === false) problems.push('O dígito verificador do NIS/PIS não confere.');
	const uf = issuer.slice(-2);
	return {
		birthDate,
		birthDateRaw: birthRaw || null,
		cpf,
		cpfFormatted: cpf && formatCpf(cpf),
		cpfValid,
		nis,
		nisValid,
		rg,
		rgNumber: rg && rg.replace(/^0+/, ''),
		// The issuing body only has meaning when there is an RG.
		rgIssuer: rg ? issuer || null : null,
		rgIssuerUf: rg && UFS.has(uf) ? uf : null,
	};
}

function readCnpj(text: string, problems: string[]): Fields {
	const cnpj = informed(text.toUpperCase());
	const valid = cnpj === null ? null : isValidCnpj(cnpj);
	if (cnpj && isOneRepeatedCharacter(cnpj)) problems.push('CNPJ com todos os dígitos iguais não é um CNPJ válido.');
	else if (valid === false) problems.push('O dígito verificador do CNPJ não confere.');
	return {
		cnpj,
		cnpjFormatted: cnpj && formatCnpj(cnpj),
		cnpjAlphanumeric: cnpj === null ? null : /[A-Z]/.test(cnpj),
		cnpjValid: valid,
	};
}

/** Título [0:12], zona [12:15], seção [15:19], município and UF in the rest. */
function readVoterId(text: string, problems: string[]): Fields {
	const voterId = informed(text.slice(0, 12));
	const cityUf = text.slice(19).trim() || null;
	const uf = cityUf?.slice(-2) ?? '';
	const voterIdValid = voterId === null ? null : isValidVoterId(voterId);
	if (voterIdValid === false) problems.push('O dígito verificador do título de eleitor não confere.');
	return {
		voterId,
		voterIdValid,
		zone: informed(text.slice(12, 15)) && text.slice(12, 15),
		section: informed(text.slice(15, 19)) && text.slice(15, 19),
		cityUf,
		city: cityUf && UFS.has(uf) ? cityUf.slice(0, -2).trim() || null : cityUf,
		uf: UFS.has(uf) ? uf : null,
	};
}

function readCei(text: string, problems: string[]): Fields {
	const raw = text.trim();
	const cei = informed(raw.replace(/[.\/\-\s]/g, ''));
	if (cei === null) return { cei: null, ceiAbsent: true, ceiValid: null };
	const expected = ceiCheckDigit(cei.slice(0, 11));
	const wellFormed = /^\d{12}$/.test(cei);
	if (!wellFormed) problems.push(`A matrícula CEI tem 12 dígitos; este valor tem ${cei.length} caractere(s): “${cei}”.`);
	const valid = wellFormed && expected !== null && String(expected) === cei[11];
	if (wellFormed && !valid) problems.push(`O dígito verificador da matrícula CEI não confere: esperado ${expected}, informado ${cei[11]}.`);
	return {
		cei,
		ceiFormatted: formatCei(cei),
		ceiAbsent: false,
		ceiValid: valid,
		ceiExpectedCheckDigit: wellFormed ? String(expected) : null,
	};
}

/**
 * A value pasted without its OID (the SOP's "31 32 33 34 35 36 37"): 12 digits are checked as a CEI; other
 * digits are the matrícula the SOP reads in "Outro Nome", which only the OID could confirm.
 */
function readBare(text: string, problems: string[]): Fields {
	const t = text.trim();
	if (/^\d{12}$/.test(t)) return readCei(t, problems);
	if (/^\d{1,30}$/.test(t)) return { matricula: t };
	return {};
}

function isoDate(ddmmyyyy: string): string | null {
	const m = /^(\d{2})(\d{2})(\d{4})$/.exec(ddmmyyyy);
	if (!m) return null;
	const [, dd, mm, yyyy] = m as unknown as [string, string, string, string];
	const d = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
	const ok = d.getUTCFullYear() === Number(yyyy) && d.getUTCMonth() === Number(mm) - 1 && d.getUTCDate() === Number(dd);
	return ok && Number(yyyy) >= 1800 ? `${yyyy}-${mm}-${dd}` : null;
}
