/** What the input turned out to be: certificates, otherName items copied from a viewer, or an error. */
import type { Node } from './asn1.ts';

export type CertificateFormat = 'pem' | 'der' | 'p7b' | 'base64' | 'hex';
export type DumpFormat = 'windows' | 'openssl' | 'hex' | 'number';

export interface RawItem {
	oid: string | null;
	/** The value's bytes as pasted (with or without tag and length). */
	bytes?: Uint8Array;
	/** The value as text, when the tool printed it decoded (openssl). */
	text?: string;
	/** openssl printed `<unsupported>` instead of the value. */
	unsupported?: boolean;
}

export type Source =
	| { kind: 'certificates'; format: CertificateFormat; certificates: Node[] }
	| { kind: 'items'; format: DumpFormat; items: RawItem[]; emails: string[]; dnsNames: string[] }
	| { kind: 'error'; error: string };

export const fail = (error: string): Source => ({ kind: 'error', error });
