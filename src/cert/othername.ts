/** ICP-Brasil otherName entries: what each OID is called, and how a value's bytes become text. */
import { CONTEXT, STRING_TYPES, UNIVERSAL, bytesToText, children, encoded, is, oidOf, parse, stringOf } from './asn1.ts';

export const OID = {
	holderPf: '2.16.76.1.3.1',
	responsibleName: '2.16.76.1.3.2',
	cnpj: '2.16.76.1.3.3',
	responsiblePj: '2.16.76.1.3.4',
	voterId: '2.16.76.1.3.5',
	ceiPf: '2.16.76.1.3.6',
	ceiPj: '2.16.76.1.3.7',
	companyName: '2.16.76.1.3.8',
	oab: '2.16.76.1.4.2.1.1',
} as const;

/** Microsoft's User Principal Name otherName: Windows shows it as "Nome Principal=…", not by OID. */
export const OID_UPN = '1.3.6.1.4.1.311.20.2.3';

const NAMES: Record<string, string> = {
	[OID.holderPf]: 'Dados do titular (e-CPF): nascimento, CPF, NIS, RG',
	[OID.responsibleName]: 'Nome do responsável pelo certificado',
	[OID.cnpj]: 'CNPJ da empresa',
	[OID.responsiblePj]: 'Dados do responsável (e-CNPJ): nascimento, CPF, NIS, RG',
	[OID.voterId]: 'Título de eleitor',
	[OID.ceiPf]: 'Matrícula CEI da pessoa física',
	[OID.ceiPj]: 'Matrícula CEI da empresa',
	[OID.companyName]: 'Nome empresarial',
	'2.16.76.1.3.9': 'Registro de Identidade Civil (RIC)',
	'2.16.76.1.3.10': 'Dados do equipamento CF-e-SAT',
	'2.16.76.1.3.11': 'Identificação SIGEPE',
	'2.16.76.1.3.12': 'Dados do equipamento',
	[OID.oab]: 'Inscrição na OAB',
	// Not ICP-Brasil, but found next to its entries in certificates used for Windows logon.
	[OID_UPN]: 'Nome principal do usuário (UPN)',
};

export function nameOfOid(oid: string | null): string {
	if (oid === null) return 'Valor do “Outro Nome”';
	const known = NAMES[oid];
	if (known) return known;
	if (oid.startsWith('2.16.76.1.4.2.')) return 'Registro em conselho profissional';
	if (oid.startsWith('2.16.76.1.')) return 'Campo ICP-Brasil não catalogado';
	return 'Campo desconhecido';
}

export const isCeiOid = (oid: string | null) => oid === OID.ceiPf || oid === OID.ceiPj;

export interface DecodedValue {
	/** Set when the bytes were a whole otherName (SEQUENCE { OID, [0] value }), as some viewers copy it. */
	oid?: string;
	text: string;
	/** ASN.1 type of the value, or null when the bytes were the bare string without tag and length. */
	stringType: string | null;
}

/**
 * Reads an otherName value from bytes that may be the string's TLV (what Windows and certutil show),
 * the [0] EXPLICIT wrapper around it, the whole otherName, or the bare characters (the SOP's form).
 * Printable text never starts with a string tag (all below 0x20) or 0xA0, so the two cannot be confused;
 * 0x30 ('0') is only taken as SEQUENCE when it parses completely as an otherName.
 */
export function decodeValue(bytes: Uint8Array): DecodedValue {
	const first = bytes[0] ?? 0;
	if (STRING_TYPES.has(first) || first === 0xa0 || first === 0x30) {
		const node = parse(bytes);
		if (node) {
			const direct = stringOf(node);
			if (direct) return { text: direct.text, stringType: direct.type };
			if (is(node, CONTEXT, 0)) {
				const inner = children(node)[0];
				const value = inner && stringOf(inner);
				if (value && children(node).length === 1) return { text: value.text, stringType: value.type };
			}
			if (is(node, UNIVERSAL, 16)) {
				const [typeId, explicit] = children(node);
				const oid = oidOf(typeId);
				const inner = children(explicit)[0];
				if (oid && is(explicit, CONTEXT, 0) && inner) return { oid, ...decodeValue(encoded(inner)) };
			}
		}
	}
	return { text: bytesToText(bytes), stringType: null };
}
