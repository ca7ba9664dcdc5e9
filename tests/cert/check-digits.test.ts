import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ceiCheckDigit, isValidCei, isValidCnpj, isValidCpf, isValidNis, isValidVoterId } from '../../src/cert/check-digits.ts';
import { formatCei, formatCnpj, formatCpf } from '../../src/cert/format.ts';

describe('CEI', () => {
	test('the worked example of DOC-ICP-04: 11.583.00249/85, sum 214, check digit 5', () => {
		expect(ceiCheckDigit('11583002498')).toBe(5);
		expect(isValidCei('115830024985')).toBe(true);
	});
	test.each(['115830024980', '115830024984', '11583002498', '1158300249855', '11583002498X', ''])('rejects %j', (cei) => {
		expect(isValidCei(cei)).toBe(false);
	});
	test('exactly one final digit is valid for any 11 digits', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^\d{11}$/), (first) => {
				const valid = [...'0123456789'].filter((d) => isValidCei(first + d));
				expect(valid).toEqual([String(ceiCheckDigit(first))]);
			}),
		);
	});
	test('mask', () => expect(formatCei('115830024985')).toBe('11.583.00249/85'));
});

describe('CPF', () => {
	test.each(['12345678909', '11144477735', '52998224725', '55566677720', '22233344405'])('accepts %s', (cpf) => {
		expect(isValidCpf(cpf)).toBe(true);
	});
	test.each(['12345678900', '11144477736', '1234567890', 'abcdefghijk', '123.456.789-09'])('rejects %s', (cpf) => {
		expect(isValidCpf(cpf)).toBe(false);
	});
	test('changing any single digit of a valid CPF breaks it', () => {
		const cpf = '52998224725';
		for (let i = 0; i < 11; i++) {
			const d = (Number(cpf[i]) + 1) % 10;
			expect(isValidCpf(cpf.slice(0, i) + d + cpf.slice(i + 1))).toBe(false);
		}
	});
	test('mask', () => expect(formatCpf('12345678909')).toBe('123.456.789-09'));
	test('one digit repeated eleven times is not a CPF, although 999.999.999-99 passes the mod-11 rule', () => {
		const repeated = [...'0123456789'].map((d) => d.repeat(11));
		// The positive control: the arithmetic alone accepts every one of them.
		const mod11 = (cpf: string) => {
			const d = [...cpf].map(Number);
			const dv = (w: number) => {
				const r = d.slice(0, w - 1).reduce((sum, x, i) => sum + x * (w - i), 0) % 11;
				return r < 2 ? 0 : 11 - r;
			};
			return dv(10) === d[9] && dv(11) === d[10];
		};
		expect(repeated.filter(mod11)).toEqual(repeated);
		expect(repeated.filter(isValidCpf)).toEqual([]);
	});
});

describe('CNPJ', () => {
	test.each(['11222333000181', '12345678000195', '11444777000161'])('accepts numeric %s', (cnpj) => {
		expect(isValidCnpj(cnpj)).toBe(true);
	});
	test("accepts Receita's alphanumeric example 12.ABC.345/01DE-35", () => {
		expect(isValidCnpj('12ABC34501DE35')).toBe(true);
		expect(formatCnpj('12ABC34501DE35')).toBe('12.ABC.345/01DE-35');
	});
	test.each(['11222333000182', '12ABC34501DE36', '12ABC34501DE3X', '12abc34501de35', '1122233300018'])('rejects %s', (cnpj) => {
		expect(isValidCnpj(cnpj)).toBe(false);
	});
	test('mask', () => expect(formatCnpj('12345678000195')).toBe('12.345.678/0001-95'));
	test('one character repeated fourteen times is not a CNPJ, even where the mod-11 rule holds', () => {
		const repeated = [...'0123456789'].map((d) => d.repeat(14));
		const w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
		const dv = (d: number[], w: number[]) => {
			const r = w.reduce((sum, x, i) => sum + x * d[i]!, 0) % 11;
			return r < 2 ? 0 : 11 - r;
		};
		const mod11 = (cnpj: string) => {
			const d = [...cnpj].map(Number);
			return dv(d, w1) === d[12] && dv(d, [6, ...w1]) === d[13];
		};
		expect(repeated.filter(mod11)).toContain('00000000000000');
		expect(repeated.filter(isValidCnpj)).toEqual([]);
	});
});

describe('NIS/PIS/PASEP', () => {
	// 1205641254: 1·3+2·2+0·9+5·8+6·7+4·6+1·5+2·4+5·3+4·2 = 149, 149 mod 11 = 6 → DV 11 − 6 = 5.
	test.each(['12345678900', '20000000013', '12056412545'])('accepts %s', (nis) => expect(isValidNis(nis)).toBe(true));
	test.each(['12345678901', '20000000014', '12056412547', '1234567890'])('rejects %s', (nis) => expect(isValidNis(nis)).toBe(false));
});

describe('título de eleitor', () => {
	test.each(['012345672097', '556677880990'])('accepts %s', (t) => expect(isValidVoterId(t)).toBe(true));
	test('remainder 10 gives check digit 0', () => {
		// 00000006: 6 × 9 = 54, 54 mod 11 = 10 → DV1 0; UF 20: 2 × 7 = 14, 14 mod 11 = 3 → DV2 3.
		expect(isValidVoterId('000000062003')).toBe(true);
		expect(isValidVoterId('000000062013')).toBe(false);
	});
	test('SP and MG turn a remainder of 0 into 1, other states do not', () => {
		// Sequence 00000000: remainder 0. SP (01): DV1 1, DV2 (0·7 + 1·8 + 1·9) mod 11 = 6.
		expect(isValidVoterId('000000000116')).toBe(true);
		expect(isValidVoterId('000000000100')).toBe(false);
		// MG (02): DV1 1, DV2 (0·7 + 2·8 + 1·9) mod 11 = 3.
		expect(isValidVoterId('000000000213')).toBe(true);
		// DF (20): DV1 0, DV2 (2·7) mod 11 = 3.
		expect(isValidVoterId('000000002003')).toBe(true);
		expect(isValidVoterId('000000002013')).toBe(false);
	});
	test.each(['012345672098', '012345679997', '01234567209', 'abcdefghijkl'])('rejects %s', (t) => expect(isValidVoterId(t)).toBe(false));
});
