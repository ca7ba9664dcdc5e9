/** The decoder's one entry point, shared by the popup and the CLI. Never throws. */
import { clientOf, type Client } from './client.ts';
import { readFields, type Fields } from './icp-fields.ts';
import { MESSAGES } from './messages.ts';
import { decodeValue, isCeiOid, nameOfOid } from './othername.ts';
import { formatSize, MAX_INPUT, sourceFromBytes, sourceFromText, type CertificateFormat, type DumpFormat, type RawItem } from './input.ts';
import { ceiVerdict, type CeiVerdict } from './verdict.ts';
import { readCertificate, type CertificateInfo } from './x509.ts';

export type { Client } from './client.ts';
export type { Fields } from './icp-fields.ts';
export type { CeiStatus, CeiVerdict } from './verdict.ts';

export interface Entry {
	/** null when the value was pasted without its OID (the SOP's bare hex). */
	oid: string | null;
	/** What the entry is, in Portuguese. */
	name: string;
	/** The decoded string ("" when the source did not show it). */
	text: string;
	/** ASN.1 type of the value when known (OCTET STRING, UTF8String…). */
	stringType: string | null;
	/** The value's bytes in hex when the text is not printable, so unknown entries can still be shown. */
	hex: string | null;
	fields: Fields;
	problems: string[];
}

export interface Decoded {
	ok: true;
	/** Where the data came from. */
	format: CertificateFormat | DumpFormat;
	entries: Entry[];
	cei: CeiVerdict;
	/** Present when a certificate was given. */
	certificate: Omit<CertificateInfo, 'otherNames'> | null;
	/** E-mail addresses found (SAN rfc822Name, subject emailAddress, or pasted). */
	emails: string[];
	/** Server names (SAN dNSName, or "Nome DNS=" lines pasted). */
	dnsNames: string[];
	/** The client the certificate names, for the "Certificado sem CEI" procedure. */
	client: Client;
	/** Remarks about the input as a whole, in Portuguese. */
	notes: string[];
}

export interface Failed {
	ok: false;
	error: string;
}

export type DecodeResult = Decoded | Failed;

const NOT_PRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;

export function decode(input: string | Uint8Array): DecodeResult {
	try {
		return decodeUnsafe(input);
	} catch {
		// The parsers are defensive; this is the last net so that a paste can never break the popup.
		return { ok: false, error: MESSAGES.unrecognised };
	}
}

/** For a file not read yet: the same refusal `decode` gives, so a huge file is never read into memory. */
export function refuseBySize(byteLength: number): Failed | null {
	return byteLength > MAX_INPUT ? { ok: false, error: MESSAGES.tooBig(formatSize(byteLength)) } : null;
}

function decodeUnsafe(input: string | Uint8Array): DecodeResult {
	const source = typeof input === 'string' ? sourceFromText(input) : sourceFromBytes(input);
	if (source.kind === 'error') return { ok: false, error: source.error };

	const notes: string[] = [];
	if (source.kind === 'certificates') {
		const infos = source.certificates.map(readCertificate);
		// In a chain (.p7b, PEM bundle) the holder's certificate is the one with ICP-Brasil otherNames.
		const holder = infos.find((c) => c.otherNames.some((o) => o.oid.startsWith('2.16.76.'))) ?? infos.find((c) => c.otherNames.length) ?? infos[0]!;
		if (infos.length > 1) notes.push(`A entrada tem ${infos.length} certificados; mostrando o do titular (${holder.commonName ?? holder.subject}).`);
		if (holder.otherNames.length === 0) notes.push('O certificado não tem campos “Outro Nome” no Nome Alternativo do Requerente.');
		const entries = holder.otherNames.map((o) => entryFrom({ oid: o.oid, bytes: o.value }));
		const { otherNames: _, ...certificate } = holder;
		return finish({ format: source.format, entries, certificate, emails: holder.emails, dnsNames: holder.dnsNames, notes }, true);
	}

	if (source.items.some((i) => i.unsupported && isCeiOid(i.oid)) || source.items.every((i) => i.unsupported))
		return { ok: false, error: MESSAGES.opensslUnsupported };
	const entries = source.items.map(entryFrom);
	if (source.format === 'hex' && entries.length === 1 && entries[0]!.hex !== null) return { ok: false, error: MESSAGES.notText };
	return finish({ format: source.format, entries, certificate: null, emails: source.emails, dnsNames: source.dnsNames, notes });
}

function finish(partial: Omit<Decoded, 'ok' | 'cei' | 'client'>, fromCertificate = false): Decoded {
	return { ok: true, ...partial, cei: ceiVerdict(partial.entries, { fromCertificate, dnsNames: partial.dnsNames }), client: clientOf(partial) };
}

function entryFrom(item: RawItem): Entry {
	if (item.unsupported) {
		return {
			oid: item.oid, name: nameOfOid(item.oid), text: '', stringType: 'OCTET STRING', hex: null, fields: {},
			problems: ['O openssl não mostra este valor (<unsupported>); abra o arquivo do certificado para vê-lo.'],
		};
	}
	const value = item.bytes ? decodeValue(item.bytes) : { text: item.text ?? '', stringType: null };
	const oid = item.oid ?? ('oid' in value && value.oid ? value.oid : null);
	const printable = !NOT_PRINTABLE.test(value.text);
	const { fields, problems } = printable ? readFields(oid, value.text) : { fields: {}, problems: ['O valor não é texto legível; veja os bytes em hexadecimal.'] };
	return {
		oid,
		name: nameOfOid(oid),
		text: value.text,
		stringType: value.stringType,
		hex: printable || !item.bytes ? null : toHex(item.bytes),
		fields,
		problems,
	};
}

const HEX_BYTE = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
/** A value's bytes are shown for reading; a real one is tens of bytes, so a long run is cut with its size. */
const MAX_HEX_SHOWN = 1024;

export function toHex(bytes: Uint8Array): string {
	const shown = Math.min(bytes.length, MAX_HEX_SHOWN);
	let text = '';
	for (let i = 0; i < shown; i++) text += (i ? ' ' : '') + HEX_BYTE[bytes[i]!]!;
	return shown < bytes.length ? `${text} … (+${bytes.length - shown} bytes)` : text;
}
