/**
 * Sample ICP-Brasil certificates with known contents. The tests read the repository's own set,
 * tests/fixtures/icp/ (made by `npm run fixtures:icp`, scripts/make-icp-fixtures.ts), so a clone alone
 * passes; the shared set beside the repository (../shared/vectors/icp, same layout) is read too when it
 * is there, and its tests skip with a one-line reason when it is not (shared-vectors.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Not through tests/helpers/shared.ts: this file is also loaded by jsdom tests, where its `new URL` is jsdom's.
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

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
	cei_status: 'cei_presente_dv_ok' | 'cei_presente_dv_errado' | 'cei_zerado' | 'cei_oid_ausente' | 'nao_se_aplica' | string;
	entries: ExpectedEntry[];
	/** Only in the repository's set: the certificate's CN, its DNS names, what goes to the sem-CEI procedure. */
	titular_cn?: string;
	dnsNames?: string[];
	cliente?: { cpf_cnpj: string | null; nome: string | null };
}

export interface VectorSet {
	label: string;
	dir: string;
	/** null when the set is there; otherwise why its tests are skipped. */
	skipReason: string | null;
	expected: Record<string, ExpectedVector>;
	names: string[];
	bytes: (name: string, ext: string) => Uint8Array;
	text: (name: string, ext: string) => string;
}

export function vectorSet(label: string, dir: string, present = existsSync(resolve(dir, 'expected.json'))): VectorSet {
	const file = resolve(dir, 'expected.json');
	const skipReason = present ? null : `skipped: ${label} is absent (a clone alone)`;
	const expected: Record<string, ExpectedVector> = skipReason ? {} : JSON.parse(readFileSync(file, 'utf8'));
	return {
		label,
		dir,
		skipReason,
		expected,
		names: Object.keys(expected),
		bytes: (name, ext) => new Uint8Array(readFileSync(resolve(dir, `${name}.${ext}`))),
		text: (name, ext) => readFileSync(resolve(dir, `${name}.${ext}`), 'utf8'),
	};
}

export const fixtures = vectorSet('tests/fixtures/icp', resolve(repoRoot, 'tests/fixtures/icp'));
if (fixtures.skipReason) throw new Error(`${fixtures.skipReason}: run \`npm run fixtures:icp\``);

// The repository's set, for tests that need one sample of a kind.
export const vectorsDir = fixtures.dir;
export const expected = fixtures.expected;
export const vectorNames = fixtures.names;
export const vectorBytes = fixtures.bytes;
export const vectorText = fixtures.text;
