// Every sample certificate, in every form it comes in, against its expected.json: the repository's own set
// (tests/fixtures/icp, made by scripts/make-icp-fixtures.ts) always, the shared set when it is beside the repo.
import { describe, expect, test } from 'vitest';
import { decode, type Decoded } from '../../src/cert/decode.ts';
import { OID_UPN } from '../../src/cert/othername.ts';
import { shared } from './helpers/shared-vectors.ts';
import { fixtures, type ExpectedEntry, type VectorSet } from './helpers/vectors.ts';

const STATUS: Record<string, string> = {
	cei_presente_dv_ok: 'valid',
	cei_presente_dv_errado: 'invalid',
	cei_zerado: 'absent',
	cei_oid_ausente: 'absent',
	nao_se_aplica: 'not-applicable',
};

/** expected.json's Portuguese field names, translated to the decoder's keys (absent numbers become null). */
function expectedFields(entry: ExpectedEntry): Record<string, unknown> {
	const f = entry.fields;
	const out: Record<string, unknown> = {};
	const put = (key: string, value: unknown) => {
		if (value !== undefined) out[key] = value;
	};
	put('birthDate', f.nascimento_iso);
	put('cpf', f.cpf);
	put('cpfValid', f.cpf_dv_ok);
	put('nis', f.nis_ausente ? null : f.nis);
	put('nisValid', f.nis_dv_ok);
	put('rg', f.rg_ausente ? null : f.rg);
	put('rgNumber', f.rg_ausente ? undefined : f.rg_sem_zeros_a_esquerda);
	put('rgIssuer', f.orgao_expedidor_uf);
	put('voterId', f.titulo_ausente ? null : f.titulo);
	put('voterIdValid', f.titulo_dv_ok);
	put('zone', f.zona);
	put('section', f.secao);
	put('cityUf', f.municipio_uf);
	if ('cei' in f) {
		put('cei', f.zerado_sem_cei ? null : f.cei);
		put('ceiValid', f.zerado_sem_cei ? null : f.dv_ok);
		put('ceiFormatted', f.zerado_sem_cei ? undefined : f.cei_formatado);
		put('ceiExpectedCheckDigit', f.zerado_sem_cei ? undefined : f.dv_esperado);
	}
	if ('cnpj' in f) {
		put('cnpj', f.cnpj);
		put('cnpjValid', f.dv_ok);
		put('cnpjAlphanumeric', f.alfanumerico);
		put('cnpjFormatted', f.cnpj_formatado);
	}
	put('name', f.nome_responsavel);
	put('companyName', f.nome_empresarial);
	put('upn', f.upn);
	put('oabNumber', f.oab_numero);
	put('oabUf', f.oab_uf);
	return out;
}

const forms = [
	{ form: 'DER file', input: (v: VectorSet, n: string) => v.bytes(n, 'der'), certificate: true },
	{ form: 'PEM file', input: (v: VectorSet, n: string) => v.bytes(n, 'pem'), certificate: true },
	{ form: 'PEM pasted', input: (v: VectorSet, n: string) => v.text(n, 'pem'), certificate: true },
	{ form: 'Windows text', input: (v: VectorSet, n: string) => v.text(n, 'windows.txt'), certificate: false },
	{ form: 'Windows text file', input: (v: VectorSet, n: string) => v.bytes(n, 'windows.txt'), certificate: false },
];

function checkSet(set: VectorSet): void {
	describe.each(set.names)('vector %s', (name) => {
		const vector = set.expected[name]!;

		test.each(forms)('$form decodes every entry as expected.json says', ({ input, certificate }) => {
			const result = decode(input(set, name));
			expect(result.ok, JSON.stringify(result)).toBe(true);
			const decoded = result as Decoded;
			expect(decoded.entries.map((e) => e.oid)).toEqual(vector.entries.map((e) => e.oid));
			vector.entries.forEach((want, i) => {
				const got = decoded.entries[i]!;
				expect(got.text).toBe(want.raw);
				// Windows shows the logon name as text ("Nome Principal="), without its bytes.
				if (certificate || got.oid !== OID_UPN) expect(got.stringType).toBe(want.asn1_type);
				expect(got.fields).toMatchObject(expectedFields(want));
				expect(got.name).not.toBe('');
			});
			expect(decoded.cei.status).toBe(STATUS[vector.cei_status]);
			expect(decoded.cei.number).toBe(vector.cei_status === 'cei_presente_dv_ok' || vector.cei_status === 'cei_presente_dv_errado' ? vector.cei : null);
			if (vector.dnsNames) expect(decoded.dnsNames).toEqual(vector.dnsNames);
			if (vector.cliente) {
				// The CN (the holder's name) is only in the certificate; a pasted list gives the company's name at most.
				const name = certificate || decoded.entries.some((e) => e.fields.companyName) ? vector.cliente.nome : null;
				expect(decoded.client).toEqual({ cpfCnpj: vector.cliente.cpf_cnpj, name });
			}
		});

		test('the value bytes of each entry, pasted alone, give the same text', () => {
			for (const want of vector.entries) {
				const result = decode(want.value_tlv_hex);
				expect(result.ok && result.entries[0]!.text).toBe(want.raw);
				expect(result.ok && result.entries[0]!.oid).toBe(null);
			}
		});

		test('a certificate also gives its subject', () => {
			const result = decode(set.bytes(name, 'der'));
			expect(result.ok && result.certificate?.subject).toMatch(/CN=.+/);
			expect(result.ok && result.certificate?.notAfter).toMatch(/^\d{4}-\d{2}-\d{2}T/);
			if (vector.titular_cn) expect(result.ok && result.certificate?.commonName).toBe(vector.titular_cn);
		});
	});
}

describe(`the repository's certificates (${fixtures.label})`, () => {
	test('cover every profile the decoder tells apart', () => {
		const statuses = new Set(fixtures.names.map((n) => fixtures.expected[n]!.cei_status));
		expect([...statuses].sort()).toEqual(['cei_oid_ausente', 'cei_presente_dv_ok', 'cei_zerado', 'nao_se_aplica']);
		const types = new Set(fixtures.names.flatMap((n) => fixtures.expected[n]!.entries.map((e) => e.asn1_type)));
		expect([...types].sort()).toEqual(['IA5String', 'OCTET STRING', 'PrintableString', 'UTF8String']);
	});
	checkSet(fixtures);
});

describe.skipIf(shared.skipReason !== null)(shared.skipReason ?? `the shared certificates (${shared.label})`, () => {
	checkSet(shared);
});
