// Whatever is pasted or dropped, the decoder answers: a result or a Portuguese message, never an exception, and fast.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decode, toHex, type DecodeResult } from '../../src/cert/decode.ts';
import { MESSAGES } from '../../src/cert/messages.ts';
import { MAX_INPUT } from '../../src/cert/input.ts';
import { vectorBytes, vectorNames, vectorText } from './helpers/vectors.ts';

function assertAnswer(result: DecodeResult): void {
	if (result.ok) {
		expect(Array.isArray(result.entries)).toBe(true);
		expect(['valid', 'invalid', 'absent', 'unconfirmed', 'not-applicable', 'unknown']).toContain(result.cei.status);
		expect(result.cei.reason.length).toBeGreaterThan(20);
	} else {
		expect(result.error.length).toBeGreaterThan(20);
		// Portuguese and actionable: every message names what was expected.
		expect(result.error).toMatch(/certificado|hexadecimal|CEI|Outro Nome|arquivo|decodificar/);
	}
}

describe('never throws', () => {
	test('arbitrary text', () => {
		fc.assert(fc.property(fc.string({ maxLength: 2000 }), (s) => assertAnswer(decode(s))), { numRuns: 500 });
	});
	test('arbitrary unicode text', () => {
		fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 500 }), (s) => assertAnswer(decode(s))), { numRuns: 300 });
	});
	test('arbitrary bytes', () => {
		fc.assert(fc.property(fc.uint8Array({ maxLength: 4000 }), (b) => assertAnswer(decode(b))), { numRuns: 500 });
	});
	test('text that looks almost like the formats', () => {
		const token = fc.constantFrom('Outro Nome:', 'Other Name:', '2.16.76.1.3.6=', 'OID.2.16.76.1.3.1:', 'othername:', '::', '<unsupported>', ', ', '\r\n', '04', '0c', '13', 'a0', '30', '31', 'ff', ' ', '-----BEGIN CERTIFICATE-----', '-----END CERTIFICATE-----', 'MIIB', '=');
		fc.assert(fc.property(fc.array(token, { maxLength: 60 }), (parts) => assertAnswer(decode(parts.join('')))), { numRuns: 1000 });
	});
	test('every sample certificate with bytes flipped, cut or appended', () => {
		const der = vectorBytes(vectorNames[0]!, 'der');
		fc.assert(
			fc.property(fc.nat(der.length - 1), fc.integer({ min: 1, max: 255 }), fc.nat(der.length), (at, xor, cut) => {
				const flipped = der.slice();
				flipped[at]! ^= xor;
				assertAnswer(decode(flipped));
				assertAnswer(decode(der.slice(0, cut)));
				assertAnswer(decode(new Uint8Array([...der, xor])));
			}),
			{ numRuns: 400 },
		);
	}, 30_000);
	test('deeply nested ASN.1 is refused, not recursed into', () => {
		const depth = 5000;
		const nested = new Uint8Array(depth * 2);
		for (let i = 0; i < depth; i++) nested.set([0x30, 0x80], i * 2);
		assertAnswer(decode(nested));
	});
});

describe('bytes shown in hex', () => {
	test('a value\'s bytes read as hex, a long run cut after 1 KB with what is left', () => {
		expect(toHex(new Uint8Array([0x04, 0x0c, 0xff]))).toBe('04 0c ff');
		const long = toHex(Uint8Array.from({ length: 3000 }, (_, i) => i & 0xff));
		expect(long.startsWith('00 01 02')).toBe(true);
		expect(long.endsWith('fe ff … (+1976 bytes)')).toBe(true);
		expect(long.split(' ').length).toBe(1024 + 3);
	});
});

describe('clear messages', () => {
	test.each([
		['', MESSAGES.empty],
		['   \n\t ', MESSAGES.empty],
		['olá, meu certificado não funciona', MESSAGES.unrecognised],
		['-----BEGIN CERTIFICATE-----\nAAAA', MESSAGES.brokenPem],
	])('%j', (input, message) => expect(decode(input)).toEqual({ ok: false, error: message }));
	test('random bytes are "not a certificate file"', () => {
		expect(decode(new Uint8Array([0x00, 0xff, 0x13, 0x37, 0x30, 0x82]))).toEqual({ ok: false, error: MESSAGES.notCertificateFile });
	});
	test('empty file', () => expect(decode(new Uint8Array())).toEqual({ ok: false, error: MESSAGES.empty }));
});


// How fast these are answered is measured by `npm run bench -- cert` (goals: 5 ms, 50 ms), not asserted here.
describe('huge and hostile inputs', () => {
	const MB = 1024 * 1024;
	test.each([
		['text', () => 'x'.repeat(MB)],
		['random-looking text', () => Array.from({ length: MB / 8 }, (_, i) => (i * 2654435761).toString(36).slice(-8)).join('')],
		['hex-looking text', () => '31 '.repeat(MB / 3)],
		['bytes', () => Uint8Array.from({ length: MB }, (_, i) => (i * 131) & 0xff)],
		['bytes starting like DER', () => Uint8Array.from({ length: MB }, (_, i) => (i === 0 ? 0x30 : i === 1 ? 0x84 : (i * 7) & 0xff))],
	])('1 MB of garbage %s is rejected with a message', (_name, make) => {
		const result = decode(make());
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(/\S/);
	});
	// Below the size limit the parsers really run: they must stay linear.
	test.each([
		['OID-like lines', () => '2.16.76.1.3.6=zz\n'.repeat(MAX_INPUT / 17)],
		['openssl-like lines', () => 'othername: 2.16.76.1.3.6::x, '.repeat(MAX_INPUT / 30)],
		['odd hex', () => '3'.repeat(MAX_INPUT - 1)],
		['base64-looking', () => 'QUJD'.repeat(MAX_INPUT / 4)],
		['unterminated PEM', () => `-----BEGIN CERTIFICATE-----\n${'A'.repeat(MAX_INPUT - 40)}`],
	])('%s just under the size limit gets an answer', (_name, make) => {
		const input = make();
		expect(input.length).toBeLessThanOrEqual(MAX_INPUT);
		assertAnswer(decode(input));
	});
});
