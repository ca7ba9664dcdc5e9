/**
 * Recognises what an agent pasted or dropped and hands it to the reader for that format: certificates
 * (DER, PEM, PKCS#7) or text copied from a viewer (see dumps.ts).
 */
import type { Node } from './asn1.ts';
import { fromBareValue, fromOidList, fromOpenssl } from './dumps.ts';
import { MESSAGES } from './messages.ts';
import { fromPem } from './pem.ts';
import { fail, type Source } from './source.ts';
import { certificatesIn } from './x509.ts';

export type { CertificateFormat, DumpFormat, RawItem, Source } from './source.ts';

/** Real inputs are a few KB; refusing beyond this keeps every path fast on junk. */
export const MAX_INPUT = 256 * 1024;

export function sourceFromBytes(bytes: Uint8Array): Source {
	if (bytes.length > MAX_INPUT) return fail(MESSAGES.tooBig(formatSize(bytes.length)));
	if (bytes[0] === 0x30) {
		const certificates = certificatesIn(bytes);
		if (certificates.length) return { kind: 'certificates', format: isSingle(bytes, certificates) ? 'der' : 'p7b', certificates };
	}
	const text = bytesAsText(bytes);
	if (text === null) return fail(bytes.length === 0 ? MESSAGES.empty : MESSAGES.notCertificateFile);
	const source = sourceFromText(text);
	return source.kind === 'error' && source.error === MESSAGES.unrecognised ? fail(MESSAGES.notCertificateFile) : source;
}

function isSingle(bytes: Uint8Array, certificates: Node[]): boolean {
	return certificates.length === 1 && certificates[0]!.valueBeforeDecodeView.length === bytes.length;
}

export function sourceFromText(input: string): Source {
	if (input.length > MAX_INPUT) return fail(MESSAGES.tooBig(formatSize(input.length)));
	const text = input.replace(/^\uFEFF/, '');
	if (text.trim() === '') return fail(MESSAGES.empty);
	if (text.includes('-----BEGIN')) return fromPem(text);
	if (/othername:/i.test(text)) return fromOpenssl(text);
	const oidItems = fromOidList(text);
	if (oidItems) return oidItems;
	return fromBareValue(text);
}

/** Files saved by Windows tools are often UTF-16; anything with control bytes is not text. */
function bytesAsText(bytes: Uint8Array): string | null {
	let text: string;
	try {
		if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes);
		else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes);
		else text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return null;
	}
	return /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text) ? null : text;
}

export function formatSize(length: number): string {
	return length >= 1024 * 1024 ? `${(length / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.ceil(length / 1024)} KB`;
}
