/**
 * Text copied from certificate viewers: `openssl x509 -text`, Windows' "Outro Nome" and certutil (`OID=hex`),
 * Chrome (`OID.x: HEX` wrapped every 16 bytes), the SOP's bare hex, and a CEI typed as a number.
 */
import { MESSAGES } from './messages.ts';
import { base64 } from './pem.ts';
import { fail, type RawItem, type Source } from './source.ts';
import { certificatesIn } from './x509.ts';

const MAX_ENTRIES = 64;

/** `othername: 2.16.76.1.3.6::000123456789, othername: …, email:a@b.c` */
export function fromOpenssl(text: string): Source {
	const items: RawItem[] = [];
	const emails: string[] = [];
	const names = /(othername|email):\s*(?:([0-2](?:\.\d+)+)::)?(.*?)(?=,\s*(?:othername|email|DNS|URI|IP Address|DirName|Registered ID):|\r?\n|$)/gi;
	for (const [, kind, oid, value = ''] of text.matchAll(names)) {
		if (kind!.toLowerCase() === 'email') emails.push(value.trim());
		else if (oid) items.push(value.trim() === '<unsupported>' ? { oid, unsupported: true } : { oid, text: value });
	}
	if (items.length === 0 && emails.length === 0) return fail(MESSAGES.noEntries);
	return { kind: 'items', format: 'openssl', items, emails };
}

/** `2.16.76.1.3.6=` or `2.16.76.1.3.6:`; with NSS's `OID.` prefix the separator may be a line break. */
const OID_AT = /(?<![\d.])(?:OID\.([0-2](?:\.\d{1,10}){2,40})\s*(?:=|:(?!:))?|([0-2](?:\.\d{1,10}){2,40})\s*(?:=|:(?!:)))/gi;
const LABELS = /(?:outro\s+nome|other\s+name|nome\s+alternativo[^\n:]*|subject\s+alternative\s+name[^\n:]*)\s*:/gi;
const EMAIL_LABEL = /(?:nome\s+rfc822|rfc822\s+name|e-?mail)\s*[=:]\s*([^\s,;]+@[^\s,;]+)/gi;
/** Separated hex bytes, also across line breaks (Chrome wraps every 16); a pair glued to more letters or digits is a word. */
const HEX_RUN = /^[0-9a-f]{2}(?![0-9a-z])(?:(?:[ \t:-]+|[ \t]*\r?\n[ \t]*)[0-9a-f]{2}(?![0-9a-z]))*/i;

/** Windows' "Outro Nome" text, certutil and Chrome: `OID=hex` or `OID: hex`, one or many, any layout. */
export function fromOidList(text: string): Source | null {
	const matches: RegExpMatchArray[] = [];
	for (const m of text.matchAll(OID_AT)) {
		// A certificate has a handful of otherNames; thousands of "OIDs" are a log or a dump of something else.
		if (matches.length === MAX_ENTRIES) return fail(MESSAGES.tooManyEntries(MAX_ENTRIES));
		matches.push(m);
	}
	if (matches.length === 0) return null;
	const items: RawItem[] = [];
	for (let i = 0; i < matches.length; i++) {
		const m = matches[i]!;
		const oid = (m[1] ?? m[2])!;
		const start = m.index! + m[0].length;
		const end = matches[i + 1]?.index ?? text.length;
		// A comma ends a value: Windows lists several entries on one line separated by commas.
		const segment = text.slice(start, end).replace(LABELS, ' ').split(',')[0]!.replace(EMAIL_LABEL, ' ').trim();
		// Every viewer separates hex bytes; an unseparated run of digits is the value itself, typed or decoded.
		// Whatever follows the bytes on later lines (another kind of name, a note) is not part of the value.
		const run = HEX_RUN.exec(segment)?.[0];
		if (run && (run.length === segment.length || /\s/.test(segment[run.length]!))) {
			const bytes = hexToBytes(run);
			if (bytes) items.push({ oid, bytes });
		} else if (oid.startsWith('2.16.76.') && segment !== '' && !/^\d+\./.test(segment)) {
			// Only ICP-Brasil OIDs are trusted with a plain-text value; a dotted number after "=" is a version or a date.
			items.push({ oid, text: segment.split(/\r?\n/)[0]!.trim() });
		}
	}
	const emails = [...text.matchAll(EMAIL_LABEL)].map((e) => e[1]!);
	if (items.length === 0) return null;
	return { kind: 'items', format: 'windows', items, emails };
}

export function fromBareValue(text: string): Source {
	const value = text.replace(LABELS, ' ').trim();
	const cei = /^(\d{2})\.?(\d{3})\.?(\d{5})\/?(\d{2})$/.exec(value);
	if (cei) return { kind: 'items', format: 'number', items: [{ oid: null, text: cei.slice(1).join('') }], emails: [] };
	// "3n3n3n…" is the SOP's hex without spaces; other digit runs are a number typed by hand.
	if (/^\d+$/.test(value) && !/^(?:3\d)+$/.test(value)) return fail(MESSAGES.digitsOnly);
	const compact = value.replace(/0x/gi, '').replace(/[\s:,;-]+/g, '');
	if (/^[0-9a-f]+$/i.test(compact)) {
		if (compact.length % 2) return fail(MESSAGES.oddHex);
		const bytes = hexToBytes(compact)!;
		if (bytes[0] === 0x30) {
			const certificates = certificatesIn(bytes);
			if (certificates.length) return { kind: 'certificates', format: 'hex', certificates };
		}
		return { kind: 'items', format: 'hex', items: [{ oid: null, bytes }], emails: [] };
	}
	if (/^[A-Za-z0-9+/=\s]{200,}$/.test(value)) {
		const der = base64(value);
		const certificates = der ? certificatesIn(der) : [];
		if (certificates.length) return { kind: 'certificates', format: 'base64', certificates };
	}
	return fail(MESSAGES.unrecognised);
}

export function hexToBytes(hex: string): Uint8Array | null {
	const compact = hex.replace(/[\s:-]+/g, '');
	if (compact.length % 2 || !/^[0-9a-f]*$/i.test(compact)) return null;
	const bytes = new Uint8Array(compact.length / 2);
	for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(compact.slice(i * 2, i * 2 + 2), 16);
	return bytes;
}
