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

export function base64(text: string): Uint8Array | null {
	const compact = text.replace(/\s+/g, '');
	if (compact === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 === 1) return null;
	try {
		return Uint8Array.from(atob(compact), (c) => c.charCodeAt(0));
	} catch {
		return null;
	}
}
