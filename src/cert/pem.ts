/** PEM text: one or more BEGIN/END blocks (a certificate, a chain, a PKCS#7 bundle), maybe inside an e-mail. */
import { MESSAGES } from './messages.ts';
import { fail, type Source } from './source.ts';
import type { Node } from './asn1.ts';
import { certificatesIn } from './x509.ts';

export function fromPem(text: string): Source {
	if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) return fail(MESSAGES.privateKey);
	const blocks = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \1-----/g)];
	if (blocks.length === 0) return fail(MESSAGES.brokenPem);
	const certificates: Node[] = [];
	let pkcs7 = false;
	for (const [, label, body] of blocks) {
		const der = base64(body ?? '');
		if (!der) return fail(MESSAGES.brokenPem);
		const found = certificatesIn(der);
		pkcs7 ||= label === 'PKCS7' || found.length > 1;
		certificates.push(...found);
	}
	if (certificates.length === 0) return fail(MESSAGES.pemWithoutCertificate);
	return { kind: 'certificates', format: pkcs7 ? 'p7b' : 'pem', certificates };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) SEXTET[BASE64.charCodeAt(i)] = i;

/** Standard base64 (whitespace ignored, `=` padding optional) to bytes, in one pass; null when it is not base64. */
export function base64(text: string): Uint8Array | null {
	const compact = text.replace(/\s+/g, '');
	const end = compact.endsWith('==') ? compact.length - 2 : compact.endsWith('=') ? compact.length - 1 : compact.length;
	if (end === 0 || end % 4 === 1 || (end !== compact.length && compact.length % 4 !== 0)) return null;
	const bytes = new Uint8Array(Math.floor((end * 3) / 4));
	let bits = 0;
	let count = 0;
	let out = 0;
	for (let i = 0; i < end; i++) {
		const code = compact.charCodeAt(i);
		const value = code < 128 ? SEXTET[code]! : -1;
		if (value < 0) return null;
		bits = (bits << 6) | value;
		count += 6;
		if (count >= 8) {
			count -= 8;
			bytes[out++] = (bits >> count) & 0xff;
		}
	}
	return bytes;
}
