/** Reads what the decoder needs from an X.509 certificate (RFC 5280) or a PKCS#7 bundle of them. */
import { CONTEXT, UNIVERSAL, children, content, encoded, is, oidOf, parse, stringOf, tagClass, bytesToText, type Node } from './asn1.ts';

export interface OtherName {
	oid: string;
	/** The value inside otherName's [0] EXPLICIT: one TLV, normally a character string. */
	value: Uint8Array;
}

export interface CertificateInfo {
	/** The subject as `C=…, O=…, OU=…, CN=…`, in certificate order. */
	subject: string;
	commonName: string | null;
	/** rfc822Name entries of the SAN and emailAddress attributes of the subject, without duplicates. */
	emails: string[];
	/** dNSName entries of the SAN: a server's names. */
	dnsNames: string[];
	otherNames: OtherName[];
	notBefore: string | null;
	notAfter: string | null;
}

const SAN = '2.5.29.17';
const EMAIL_ATTRIBUTE = '1.2.840.113549.1.9.1';
const SIGNED_DATA = '1.2.840.113549.1.7.2';
const ATTRIBUTE_NAMES: Record<string, string> = {
	'2.5.4.3': 'CN',
	'2.5.4.5': 'SERIALNUMBER',
	'2.5.4.6': 'C',
	'2.5.4.7': 'L',
	'2.5.4.8': 'ST',
	'2.5.4.10': 'O',
	'2.5.4.11': 'OU',
	[EMAIL_ATTRIBUTE]: 'E',
};

/** The certificates in `der`: one for a certificate, all of them for a PKCS#7 SignedData (.p7b); empty otherwise. */
export function certificatesIn(der: Uint8Array): Node[] {
	const root = parse(der, { allowTrailing: true });
	if (!root || !is(root, UNIVERSAL, 16)) return [];
	const [first, second] = children(root);
	if (oidOf(first) === SIGNED_DATA) {
		const signedData = children(second)[0];
		const certs = children(signedData).find((n) => is(n, CONTEXT, 0));
		return children(certs).filter(looksLikeCertificate);
	}
	return looksLikeCertificate(root) ? [root] : [];
}

function looksLikeCertificate(node: Node): boolean {
	const parts = children(node);
	return parts.length === 3 && is(parts[0], UNIVERSAL, 16) && is(parts[1], UNIVERSAL, 16) && is(parts[2], UNIVERSAL, 3);
}

export function readCertificate(cert: Node): CertificateInfo {
	const tbs = children(children(cert)[0]);
	// The version field is an optional [0]; everything after it is positional.
	const base = is(tbs[0], CONTEXT, 0) ? 1 : 0;
	const validity = children(tbs[base + 3]);
	const subjectRdns = readName(tbs[base + 4]);
	const extensions = children(children(tbs.find((n) => is(n, CONTEXT, 3)))[0]);

	const info: CertificateInfo = {
		subject: subjectRdns.map(([k, v]) => `${k}=${v}`).join(', '),
		commonName: subjectRdns.find(([k]) => k === 'CN')?.[1] ?? null,
		emails: subjectRdns.filter(([k]) => k === 'E').map(([, v]) => v),
		dnsNames: [],
		otherNames: [],
		notBefore: timeOf(validity[0]),
		notAfter: timeOf(validity[1]),
	};
	for (const ext of extensions) {
		const parts = children(ext);
		if (oidOf(parts[0]) !== SAN) continue;
		const value = parts[parts.length - 1];
		if (!is(value, UNIVERSAL, 4)) continue;
		readGeneralNames(parse(content(value)), info);
	}
	info.emails = [...new Set(info.emails)];
	return info;
}

function readGeneralNames(names: Node | null, into: CertificateInfo): void {
	for (const name of children(names ?? undefined)) {
		if (tagClass(name) !== CONTEXT) continue;
		if (name.idBlock.tagNumber === 0) {
			const [typeId, explicit] = children(name);
			const oid = oidOf(typeId);
			const inner = children(explicit)[0];
			if (oid && inner && is(explicit, CONTEXT, 0)) into.otherNames.push({ oid, value: encoded(inner) });
		} else if (name.idBlock.tagNumber === 1 && !name.idBlock.isConstructed) {
			into.emails.push(bytesToText(content(name)));
		} else if (name.idBlock.tagNumber === 2 && !name.idBlock.isConstructed) {
			into.dnsNames.push(bytesToText(content(name)));
		}
	}
}

/** RDNSequence as [short name, value] pairs, most significant first as in the certificate. */
function readName(name: Node | undefined): [string, string][] {
	const pairs: [string, string][] = [];
	for (const rdn of children(name)) {
		for (const atv of children(rdn)) {
			const [type, value] = children(atv);
			const oid = oidOf(type);
			const text = value ? stringOf(value)?.text : undefined;
			if (oid && text !== undefined) pairs.push([ATTRIBUTE_NAMES[oid] ?? oid, text]);
		}
	}
	return pairs;
}

function timeOf(node: Node | undefined): string | null {
	if (!node || tagClass(node) !== UNIVERSAL) return null;
	const tag = node.idBlock.tagNumber;
	if (tag !== 23 && tag !== 24) return null;
	const date = (node as unknown as { toDate(): Date }).toDate();
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
