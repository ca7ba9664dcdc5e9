// Certificates made with openssl at test time: every string type, every ICP-Brasil OID, absent and zeroed fields.
import { afterAll, describe, expect, test } from 'vitest';
import { decode, type Decoded, type DecodeResult } from '../../src/cert/decode.ts';
import { CertificateFactory, STRING_KIND_ASN1, type StringKind } from './helpers/openssl.ts';

const factory = new CertificateFactory();
afterAll(() => factory.dispose());

function ok(result: DecodeResult): Decoded {
	if (!result.ok) throw new Error(`expected a decode, got: ${result.error}`);
	return result;
}

const KINDS: StringKind[] = ['UTF8', 'OCTETSTRING', 'PRINTABLESTRING', 'IA5STRING'];

const ALL = {
	'2.16.76.1.3.1': '150319851234567890912345678900000000012345678SSPDF',
	'2.16.76.1.3.2': 'FULANO DE TAL',
	'2.16.76.1.3.3': '11222333000181',
	'2.16.76.1.3.4': '220819885556667772000000000000000000007788990SSPCE',
	'2.16.76.1.3.5': '0123456720970010042BRASILIADF',
	'2.16.76.1.3.6': '115830024985',
	'2.16.76.1.3.7': '000000000000',
	'2.16.76.1.3.8': 'EMPRESA EXEMPLO LTDA',
	'2.16.76.1.4.2.1.1': '0123456SC',
	'1.3.6.1.4.1.99999.7': 'VALOR QUALQUER',
} as const;

describe.each(KINDS)('every OID as %s', (kind) => {
	const cert = factory.make({ otherNames: Object.entries(ALL).map(([oid, value]) => ({ oid, kind, value })) });

	test.each([
		['DER', () => cert.der],
		['PEM', () => cert.pem],
	])('%s: each entry keeps its OID, type and text', (_form, input) => {
		const result = ok(decode(input()));
		expect(result.entries.map((e) => [e.oid, e.stringType, e.text])).toEqual(
			Object.entries(ALL).map(([oid, value]) => [oid, STRING_KIND_ASN1[kind], value]),
		);
	});

	test('fields come out named and checked', () => {
		const byOid = new Map(ok(decode(cert.der)).entries.map((e) => [e.oid, e.fields]));
		expect(byOid.get('2.16.76.1.3.1')).toMatchObject({ birthDate: '1985-03-15', cpf: '12345678909', cpfValid: true, nis: '12345678900', nisValid: true, rg: '000000012345678', rgIssuer: 'SSPDF' });
		expect(byOid.get('2.16.76.1.3.4')).toMatchObject({ birthDate: '1988-08-22', cpf: '55566677720', nis: null, nisValid: null });
		expect(byOid.get('2.16.76.1.3.2')).toEqual({ name: 'FULANO DE TAL' });
		expect(byOid.get('2.16.76.1.3.3')).toMatchObject({ cnpj: '11222333000181', cnpjValid: true, cnpjAlphanumeric: false });
		expect(byOid.get('2.16.76.1.3.5')).toMatchObject({ voterId: '012345672097', voterIdValid: true, zone: '001', section: '0042', cityUf: 'BRASILIADF' });
		expect(byOid.get('2.16.76.1.3.6')).toMatchObject({ cei: '115830024985', ceiValid: true });
		expect(byOid.get('2.16.76.1.3.7')).toMatchObject({ cei: null, ceiAbsent: true });
		expect(byOid.get('2.16.76.1.3.8')).toEqual({ companyName: 'EMPRESA EXEMPLO LTDA' });
		expect(byOid.get('2.16.76.1.4.2.1.1')).toEqual({ oabNumber: '0123456', oabUf: 'SC' });
		expect(byOid.get('1.3.6.1.4.1.99999.7')).toEqual({});
	});

	test('the verdict uses the non-zero CEI', () => {
		expect(ok(decode(cert.der)).cei).toMatchObject({ status: 'valid', number: '115830024985' });
	});
});

describe('CEI verdicts', () => {
	const cases: [string, { oid: string; value: string }[], string, string | null][] = [
		['valid e-CPF CEI', [{ oid: '2.16.76.1.3.6', value: '115830024985' }], 'valid', '115830024985'],
		['valid e-CNPJ CEI', [{ oid: '2.16.76.1.3.7', value: '115830024985' }], 'valid', '115830024985'],
		['wrong check digit', [{ oid: '2.16.76.1.3.6', value: '115830024981' }], 'invalid', '115830024981'],
		['too short', [{ oid: '2.16.76.1.3.7', value: '1158300249' }], 'invalid', '1158300249'],
		['all zeros', [{ oid: '2.16.76.1.3.6', value: '000000000000' }], 'absent', null],
		['no CEI entry', [{ oid: '2.16.76.1.3.2', value: 'FULANO' }], 'absent', null],
	];
	test.each(cases)('%s', (_name, otherNames, status, number) => {
		const cert = factory.make({ otherNames: otherNames.map((o) => ({ ...o, kind: 'PRINTABLESTRING' })) });
		expect(ok(decode(cert.der)).cei).toMatchObject({ status, number });
	});
	test('an empty CEI value counts as absent', () => {
		const cert = factory.make({ otherNames: [{ oid: '2.16.76.1.3.6', kind: 'OCTETSTRING', value: '' }] });
		expect(ok(decode(cert.der)).cei).toMatchObject({ status: 'absent', number: null });
	});
	test('a CEI value that is not text is invalid (not "zeros"), and its bytes are kept', () => {
		// openssl's config cannot put control bytes in a string, so this one is pasted in the Windows form.
		const result = ok(decode('2.16.76.1.3.6=04 03 00 01 02'));
		expect(result.cei).toMatchObject({ status: 'invalid', number: null });
		expect(result.cei.reason).not.toMatch(/zeros/);
		expect(result.entries[0]!.hex).toBe('04 03 00 01 02');
	});
	test('a certificate without Subject Alternative Name', () => {
		const result = ok(decode(factory.make({ otherNames: [] }).der));
		expect(result.entries).toEqual([]);
		expect(result.cei.status).toBe('absent');
		expect(result.notes.join(' ')).toMatch(/Outro Nome/);
	});
});

describe('zeroed and partial fields', () => {
	test('holder data with no NIS, no RG and no birth date', () => {
		const cert = factory.make({ otherNames: [{ oid: '2.16.76.1.3.1', kind: 'UTF8', value: '000000001234567890900000000000000000000000000' }] });
		expect(ok(decode(cert.der)).entries[0]!.fields).toMatchObject({ birthDate: null, cpf: '12345678909', nis: null, rg: null, rgIssuer: null });
	});
	test('título all zeros', () => {
		const cert = factory.make({ otherNames: [{ oid: '2.16.76.1.3.5', kind: 'OCTETSTRING', value: '0000000000000000000' }] });
		expect(ok(decode(cert.der)).entries[0]!.fields).toMatchObject({ voterId: null, voterIdValid: null, zone: null, section: null, cityUf: null });
	});
	test('wrong CPF check digit is reported', () => {
		const cert = factory.make({ otherNames: [{ oid: '2.16.76.1.3.1', kind: 'UTF8', value: '150319851234567890012345678900000000012345678SSPDF' }] });
		const entry = ok(decode(cert.der)).entries[0]!;
		expect(entry.fields.cpfValid).toBe(false);
		expect(entry.problems.join(' ')).toMatch(/CPF/);
	});
	test('alphanumeric CNPJ', () => {
		const cert = factory.make({ otherNames: [{ oid: '2.16.76.1.3.3', kind: 'IA5STRING', value: '12ABC34501DE35' }] });
		expect(ok(decode(cert.der)).entries[0]!.fields).toMatchObject({ cnpj: '12ABC34501DE35', cnpjAlphanumeric: true, cnpjValid: true, cnpjFormatted: '12.ABC.345/01DE-35' });
	});
	test('accented UTF-8 names survive', () => {
		const cert = factory.make({ otherNames: [{ oid: '2.16.76.1.3.8', kind: 'UTF8', value: 'AÇÚCAR & CIA' }] });
		expect(ok(decode(cert.der)).entries[0]!.text).toBe('AÇÚCAR & CIA');
	});
});

describe('e-mail and subject', () => {
	const cert = factory.make({
		otherNames: [{ oid: '2.16.76.1.3.6', kind: 'UTF8', value: '115830024985' }],
		sanEmails: ['ana@exemplo.com.br'],
		subjectEmail: 'ana.titular@exemplo.com.br',
		commonName: 'ANA DE TESTE:12345678909',
	});
	test('both SAN rfc822Name and subject emailAddress are listed', () => {
		const result = ok(decode(cert.der));
		expect(result.emails.sort()).toEqual(['ana.titular@exemplo.com.br', 'ana@exemplo.com.br']);
		expect(result.certificate).toMatchObject({ commonName: 'ANA DE TESTE:12345678909' });
		expect(result.certificate!.subject).toContain('CN=ANA DE TESTE:12345678909');
	});
	test('openssl -text of the same certificate decodes the UTF8 values and the e-mail', () => {
		const result = ok(decode(factory.opensslText(cert)));
		expect(result.format).toBe('openssl');
		expect(result.cei).toMatchObject({ status: 'valid', number: '115830024985' });
		expect(result.emails).toEqual(['ana@exemplo.com.br']);
	});
});

describe('PKCS#7 bundles', () => {
	const ca = factory.make({ otherNames: [], commonName: 'AC DE TESTE' });
	const holder = factory.make({ otherNames: [{ oid: '2.16.76.1.3.7', kind: 'UTF8', value: '115830024985' }], commonName: 'EMPRESA:11222333000181' });
	test.each(['DER', 'PEM'] as const)('%s .p7b: the holder is found whatever the order', (form) => {
		const result = ok(decode(factory.bundle([ca, holder], form)));
		expect(result.format).toBe('p7b');
		expect(result.certificate?.commonName).toBe('EMPRESA:11222333000181');
		expect(result.cei).toMatchObject({ status: 'valid', number: '115830024985' });
		expect(result.notes.join(' ')).toMatch(/2 certificados/);
	});
	test('a PEM chain with two CERTIFICATE blocks', () => {
		const result = ok(decode(`${ca.pem}\n${holder.pem}`));
		expect(result.certificate?.commonName).toBe('EMPRESA:11222333000181');
	});
});
