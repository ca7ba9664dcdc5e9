import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const vectorsDir = resolve(repoRoot, '../shared/vectors/icp');

export interface ExpectedEntry {
	oid: string;
	asn1_type: string;
	value_tlv_hex: string;
	raw: string;
	fields: Record<string, string | boolean | number | null>;
}
export interface ExpectedVector {
	profile: string;
	encoding: string;
	cei: string | null;
	cei_status: 'cei_presente_dv_ok' | 'cei_presente_dv_errado' | 'cei_zerado' | 'cei_oid_ausente' | string;
	entries: ExpectedEntry[];
}

export const expected: Record<string, ExpectedVector> = JSON.parse(readFileSync(resolve(vectorsDir, 'expected.json'), 'utf8'));
export const vectorNames = Object.keys(expected);

export const vectorBytes = (name: string, ext: string) => new Uint8Array(readFileSync(resolve(vectorsDir, `${name}.${ext}`)));
export const vectorText = (name: string, ext: string) => readFileSync(resolve(vectorsDir, `${name}.${ext}`), 'utf8');
