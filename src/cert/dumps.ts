/**
 * Text copied from certificate viewers: `openssl x509 -text`, Windows' "Outro Nome" and certutil (`OID=hex`),
 * Chrome (`OID.x: HEX` wrapped every 16 bytes), the SOP's bare hex, and a CEI typed as a number.
 */
import { MESSAGES } from './messages.ts';
import { OID_UPN } from './othername.ts';
import { base64 } from './pem.ts';
import { fail, type RawItem, type Source } from './source.ts';
import { certificatesIn } from './x509.ts';

const MAX_ENTRIES = 64;

/**
 * Linear time: every regular expression here either reads a bounded slice (`{0,n}`) or has no two
 * neighbouring parts that can match the same character, so no input makes it backtrack over the text
 * (issue 13: `nome alternativo` + 250 KB of spaces took 79 s). tests/cert/linear-time.test.ts guards it.
 */

/** Labels of openssl's GeneralName list; only those after a comma (or first on a line) start an entry. */
const OPENSSL_LABEL = /(othername|email|DNS|URI|IP Address|DirName|Registered ID):/gi;
/** `2.16.76.1.3.6::value` (openssl ≥ 1.1 for strings), or `UPN::value` (openssl 3 names the Windows logon name). */
const OPENSSL_OID = /^[ \t]*(?:([0-2](?:\.\d{1,10}){1,40})|(UPN))::/i;
const LINE_BREAK = /\r\n?|\n/;

/** `othername: 2.16.76.1.3.6::000123456789, othername: …, email:a@b.c` */
export function fromOpenssl(text: string): Source {
	const items: RawItem[] = [];
	const emails: string[] = [];
	const dnsNames: string[] = [];
	for (const line of text.split(LINE_BREAK)) {
		const labels = firstMatches(line, OPENSSL_LABEL, 4 * MAX_ENTRIES).filter((m, i) => i === 0 || afterComma(line, m.index!));
		for (let i = 0; i < labels.length; i++) {
			const m = labels[i]!;
			const next = labels[i + 1];
			const end = next ? line.lastIndexOf(',', next.index!) : line.length;
			const value = line.slice(m.index! + m[0].length, end);
			const kind = m[1]!.toLowerCase();
			if (kind === 'email') emails.push(value.trim());
			else if (kind === 'dns') dnsNames.push(value.trim());
			else if (kind === 'othername') {
				const id = OPENSSL_OID.exec(value);
				if (!id) continue;
				const oid = id[1] ?? OID_UPN;
				const rest = value.slice(id[0].length);
				items.push(rest.trim() === '<unsupported>' ? { oid, unsupported: true } : { oid, text: rest });
			}
			if (items.length > MAX_ENTRIES) return fail(MESSAGES.tooManyEntries(MAX_ENTRIES));
		}
	}
	if (items.length === 0 && emails.length === 0) return fail(MESSAGES.noEntries);
	return { kind: 'items', format: 'openssl', items, emails, dnsNames };
}

/** At most `max` matches: a certificate lists a handful, so a text with thousands is not read further. */
function firstMatches(text: string, pattern: RegExp, max: number): RegExpExecArray[] {
	const found: RegExpExecArray[] = [];
	for (const m of text.matchAll(pattern)) {
		if (found.length === max) break;
		found.push(m as RegExpExecArray);
	}
	return found;
}

/** Whether only spaces separate `at` from a comma before it (the whitespace scanned belongs to this label alone). */
function afterComma(line: string, at: number): boolean {
	let i = at - 1;
	while (i >= 0 && (line[i] === ' ' || line[i] === '\t')) i--;
	return line[i] === ',';
}

/** `2.16.76.1.3.6=` or `2.16.76.1.3.6:`; with NSS's `OID.` prefix the separator may be a line break. */
const OID_AT = /(?<![\d.])(?:OID\.([0-2](?:\.\d{1,10}){2,40})\s*(?:=|:(?!:))?|([0-2](?:\.\d{1,10}){2,40})\s*(?:=|:(?!:)))/gi;
/** "Outro Nome:", "Nome alternativo para o requerente:"…; the free words before the colon are bounded. */
const LABELS = /(?:outro\s+nome\s*|other\s+name\s*|nome\s+alternativo[^\n:]{0,60}|subject\s+alternative\s+name[^\n:]{0,60}):/gi;
/**
 * Bounded parts without "@", "=" or ":": a run of "email=email=…" is neither rescanned to its end nor 64
 * characters ahead from every label (an address with those characters is not one an agent pastes).
 */
const EMAIL_LABEL = /(?:nome\s+rfc822|rfc822\s+name|e-?mail)\s*[=:]\s*([^\s,;@=:]{1,64}@[^\s,;@=:]{1,255})/gi;
/** Windows' "Nome Principal=fulano@empresa" (the UPN otherName, which Windows names instead of showing its OID). */
const UPN_LABEL = /(?:nome\s+principal|principal\s+name)\s*[=:]\s*([^\s,;]{1,256})/gi;
/** "Nome DNS=www.exemplo.com.br": a server's name, listed beside its other names. */
const DNS_LABEL = /(?:nome\s+dns|dns\s+name)\s*[=:]\s*([^\s,;]{1,253})/gi;
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
	const upns = firstMatches(text, UPN_LABEL, MAX_ENTRIES);
	if (matches.length === 0 && upns.length === 0) return null;
	const placed: { at: number; item: RawItem }[] = upns.map((u) => ({ at: u.index!, item: { oid: OID_UPN, text: u[1]! } }));
	for (let i = 0; i < matches.length; i++) {
		const m = matches[i]!;
		const oid = (m[1] ?? m[2])!;
		const start = m.index! + m[0].length;
		const end = matches[i + 1]?.index ?? text.length;
		// A comma ends a value: Windows lists several entries on one line separated by commas.
		const segment = text.slice(start, end).replace(LABELS, ' ').split(',')[0]!.replace(EMAIL_LABEL, ' ').replace(UPN_LABEL, ' ').replace(DNS_LABEL, ' ').trim();
		// Every viewer separates hex bytes; an unseparated run of digits is the value itself, typed or decoded.
		// Whatever follows the bytes on later lines (another kind of name, a note) is not part of the value.
		const run = HEX_RUN.exec(segment)?.[0];
		if (run && (run.length === segment.length || /\s/.test(segment[run.length]!))) {
			const bytes = hexToBytes(run);
			if (bytes) placed.push({ at: m.index!, item: { oid, bytes } });
		} else if (oid.startsWith('2.16.76.') && segment !== '' && !/^\d+\./.test(segment)) {
			// Only ICP-Brasil OIDs are trusted with a plain-text value; a dotted number after "=" is a version or a date.
			placed.push({ at: m.index!, item: { oid, text: segment.split(LINE_BREAK)[0]!.trim() } });
		}
	}
	const emails = firstMatches(text, EMAIL_LABEL, MAX_ENTRIES).map((e) => e[1]!);
	const dnsNames = firstMatches(text, DNS_LABEL, MAX_ENTRIES).map((e) => e[1]!);
	if (placed.length === 0) return null;
	const items = placed.sort((a, b) => a.at - b.at).map((p) => p.item);
	return { kind: 'items', format: 'windows', items, emails, dnsNames };
}

export function fromBareValue(text: string): Source {
	const value = text.replace(LABELS, ' ').trim();
	const cei = /^(\d{2})\.?(\d{3})\.?(\d{5})\/?(\d{2})$/.exec(value);
	if (cei) return { kind: 'items', format: 'number', items: [{ oid: null, text: cei.slice(1).join('') }], emails: [], dnsNames: [] };
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
		return { kind: 'items', format: 'hex', items: [{ oid: null, bytes }], emails: [], dnsNames: [] };
	}
	if (value.length >= 200 && /^[A-Za-z0-9+/=\s]+$/.test(value)) {
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
	for (let i = 0; i < bytes.length; i++) bytes[i] = (nibble(compact.charCodeAt(i * 2)) << 4) | nibble(compact.charCodeAt(i * 2 + 1));
	return bytes;
}

/** Value of one hex digit's character code (already checked to be 0-9, a-f or A-F). */
function nibble(code: number): number {
	return code <= 57 ? code - 48 : (code | 32) - 87;
}
