/**
 * The only place that touches asn1js: parse BER/DER bytes into a tree and read it.
 * Limits are tight because every input is untrusted (pasted text, dropped files).
 */
import { fromBER, type BaseBlock } from 'asn1js';

export type Node = BaseBlock;

export const UNIVERSAL = 0;
export const CONTEXT = 2;

/** Universal tags of the character strings an ICP-Brasil otherName value may use, with their ASN.1 names. */
export const STRING_TYPES: ReadonlyMap<number, string> = new Map([
	[4, 'OCTET STRING'],
	[12, 'UTF8String'],
	[18, 'NumericString'],
	[19, 'PrintableString'],
	[20, 'TeletexString'],
	[22, 'IA5String'],
	[26, 'VisibleString'],
	[30, 'BMPString'],
]);

/**
 * Parses one complete BER element; null when the bytes are not exactly one well-formed element
 * (trailing bytes are rejected so that plain text is never mistaken for a tag and a length).
 */
export function parse(bytes: Uint8Array, { allowTrailing = false } = {}): Node | null {
	if (bytes.length < 2) return null;
	try {
		// Embedded parsing is off: only the SAN's OCTET STRING matters, and it is parsed on purpose.
		const { offset, result } = fromBER(bytes, { maxDepth: 24, maxNodes: 20_000, maxContentLength: bytes.length, parseEmbedded: false, copyInput: false });
		if (offset === -1 || result.error) return null;
		if (!allowTrailing && offset !== bytes.length) return null;
		return result;
	} catch {
		return null;
	}
}

/** asn1js reports tag classes 1..4; this maps them to X.690's 0..3 (universal, application, context, private). */
export function tagClass(node: Node): number {
	return node.idBlock.tagClass - 1;
}

export function is(node: Node | undefined, cls: number, tag: number): node is Node {
	return node !== undefined && tagClass(node) === cls && node.idBlock.tagNumber === tag;
}

export function children(node: Node | undefined): Node[] {
	if (!node?.idBlock.isConstructed) return [];
	const value = (node.valueBlock as { value?: unknown }).value;
	return Array.isArray(value) ? (value as Node[]) : [];
}

/** Content octets of a primitive element (the V of TLV). */
export function content(node: Node): Uint8Array {
	const view = (node.valueBlock as { valueHexView?: Uint8Array }).valueHexView;
	return view ?? new Uint8Array();
}

/** The whole element as it was encoded (T, L and V). */
export function encoded(node: Node): Uint8Array {
	return node.valueBeforeDecodeView;
}

export function oidOf(node: Node | undefined): string | null {
	if (!is(node, UNIVERSAL, 6)) return null;
	const value = (node as unknown as { getValue(): string }).getValue();
	return typeof value === 'string' && value !== '' ? value : null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/** Bytes that are not valid UTF-8 are read as Latin-1, which every Windows tool of the era produced. */
export function bytesToText(bytes: Uint8Array): string {
	try {
		return utf8.decode(bytes);
	} catch {
		return latin1.decode(bytes);
	}
}

/** Text of a string element, for any of the STRING_TYPES; null for anything else. */
export function stringOf(node: Node): { type: string; text: string } | null {
	if (tagClass(node) !== UNIVERSAL || node.idBlock.isConstructed) return null;
	const type = STRING_TYPES.get(node.idBlock.tagNumber);
	if (!type) return null;
	const bytes = content(node);
	if (type === 'BMPString') {
		let text = '';
		for (let i = 0; i + 1 < bytes.length; i += 2) text += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
		return { type, text };
	}
	return { type, text: bytesToText(bytes) };
}
