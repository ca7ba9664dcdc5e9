// Every shared sample certificate, in every form it comes in, against expected.json.
import { describe, expect, test } from 'vitest';
import { decode, type Decoded } from '../../src/cert/decode.ts';
import { expected, vectorBytes, vectorNames, vectorText, type ExpectedEntry } from './helpers/vectors.ts';

const STATUS: Record<string, string> = {
	cei_presente_dv_ok: 'valid',
	cei_presente_dv_errado: 'invalid',
	cei_zerado: 'absent',
	cei_oid_ausente: 'absent',
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
	put('oabNumber', f.oab_numero);
	put('oabUf', f.oab_uf);
	return out;
}

const forms = [
	{ form: 'DER file', input: (n: string) => vectorBytes(n, 'der') },
	{ form: 'PEM file', input: (n: string) => vectorBytes(n, 'pem') },
	{ form: 'PEM pasted', input: (n: string) => vectorText(n, 'pem') },
	{ form: 'Windows text', input: (n: string) => vectorText(n, 'windows.txt') },
	{ form: 'Windows text file', input: (n: string) => vectorBytes(n, 'windows.txt') },
];

describe.each(vectorNames)('vector %s', (name) => {
	const vector = expected[name]!;

	test.each(forms)('$form decodes every entry as expected.json says', ({ input }) => {
		const result = decode(input(name));
		expect(result.ok, JSON.stringify(result)).toBe(true);
		const decoded = result as Decoded;
		expect(decoded.entries.map((e) => e.oid)).toEqual(vector.entries.map((e) => e.oid));
		vector.entries.forEach((want, i) => {
			const got = decoded.entries[i]!;
			expect(got.text).toBe(want.raw);
			expect(got.stringType).toBe(want.asn1_type);
			expect(got.fields).toMatchObject(expectedFields(want));
			expect(got.name).not.toBe('');
		});
		expect(decoded.cei.status).toBe(STATUS[vector.cei_status]);
		expect(decoded.cei.number).toBe(vector.cei_status === 'cei_presente_dv_ok' || vector.cei_status === 'cei_presente_dv_errado' ? vector.cei : null);
	});

	test('the value bytes of each entry, pasted alone, give the same text', () => {
		for (const want of vector.entries) {
			const result = decode(want.value_tlv_hex);
			expect(result.ok && result.entries[0]!.text).toBe(want.raw);
			expect(result.ok && result.entries[0]!.oid).toBe(null);
		}
	});

	test('a certificate also gives its subject', () => {
		const result = decode(vectorBytes(name, 'der'));
		expect(result.ok && result.certificate?.subject).toMatch(/CN=.+/);
		expect(result.ok && result.certificate?.notAfter).toMatch(/^\d{4}-\d{2}-\d{2}T/);
	});
});
