// The ways an agent can hand the decoder a certificate's data, built from the repository's sample certificates.
import { describe, expect, test } from 'vitest';
import { decode, type Decoded, type DecodeResult } from '../../src/cert/decode.ts';
import { MESSAGES } from '../../src/cert/messages.ts';
import { expected, vectorBytes, vectorText } from './helpers/vectors.ts';

const CEI_VECTOR = 'ecpf_octet_cei';
const windowsText = vectorText(CEI_VECTOR, 'windows.txt');
const wantEntries = expected[CEI_VECTOR]!.entries.map((e) => ({ oid: e.oid, text: e.raw }));

function ok(result: DecodeResult): Decoded {
	if (!result.ok) throw new Error(`expected a decode, got: ${result.error}`);
	return result;
}
const summary = (r: DecodeResult) => ok(r).entries.map((e) => ({ oid: e.oid, text: e.text }));

/** `OID=hex` pairs of the sample, for rebuilding the text in other layouts. */
const pairs = [...windowsText.matchAll(/([\d.]+)=([0-9a-f ]+)/g)].map((m) => ({ oid: m[1]!, hex: m[2]!.trim() }));

describe('Windows "Outro Nome" text', () => {
	test('the sample as copied', () => {
		expect(summary(decode(windowsText))).toEqual(wantEntries);
		expect(ok(decode(windowsText)).cei).toMatchObject({ status: 'valid', number: '115830024985' });
	});
	test('CRLF line ends', () => expect(summary(decode(windowsText.replace(/\n/g, '\r\n')))).toEqual(wantEntries));
	test('uppercase hex and "Other Name:" in English', () => {
		const text = windowsText.toUpperCase().replace(/OUTRO NOME:/g, 'Other Name:');
		expect(summary(decode(text))).toEqual(wantEntries);
	});
	test('several entries on one line separated by commas', () => {
		const text = pairs.map((p) => `Outro Nome:${p.oid}=${p.hex}`).join(', ');
		expect(summary(decode(text))).toEqual(wantEntries);
	});
	test('entries without tag and length bytes', () => {
		const text = pairs.map((p) => `Outro Nome:\n  ${p.oid}=${p.hex.split(' ').slice(2).join(' ')}`).join('\n');
		const result = ok(decode(text));
		expect(summary(result)).toEqual(wantEntries);
		expect(result.entries.every((e) => e.stringType === null)).toBe(true);
	});
	test('odd spacing, tabs, and spaces around "="', () => {
		const text = pairs.map((p) => `\t outro   nome :\t${p.oid} =  ${p.hex.replace(/ /g, '   ')}  `).join('\n\n');
		expect(summary(decode(text))).toEqual(wantEntries);
	});
	test('a single entry copied alone', () => {
		const cei = pairs.find((p) => p.oid === '2.16.76.1.3.6')!;
		const result = ok(decode(`${cei.oid}=${cei.hex}`));
		expect(result.entries).toHaveLength(1);
		expect(result.cei.status).toBe('valid');
	});
	test('an e-mail listed with the other names', () => {
		const text = `${windowsText}\nNome RFC822=ana@exemplo.com.br`;
		const result = ok(decode(text));
		expect(result.emails).toEqual(['ana@exemplo.com.br']);
		expect(summary(result)).toEqual(wantEntries);
	});
	test('other kinds of names listed after the entries are ignored', () => {
		const text = `${windowsText}\nNome DNS=www.exemplo.com.br\nURL=http://exemplo.com.br`;
		expect(summary(decode(text))).toEqual(wantEntries);
	});
	test('certutil -dump layout, with the extension header line', () => {
		const body = pairs.map((p) => `        Outro Nome:\n             ${p.oid}=${p.hex}`).join('\n');
		const text = `    2.5.29.17: Sinalizadores = 0, Comprimento = 8a\n    Nome Alternativo para o Requerente\n${body}\n\n    2.5.29.15: Sinalizadores = 1(Crítico), Comprimento = 4\n    Uso da Chave\n        Assinatura Digital (80)\n`;
		expect(summary(decode(text))).toEqual(wantEntries);
	});
	test('a value typed as text after the OID (already decoded)', () => {
		expect(summary(decode('2.16.76.1.3.6=115830024985'))).toEqual([{ oid: '2.16.76.1.3.6', text: '115830024985' }]);
	});
	test('hundreds of OID lines are refused as not being one certificate', () => {
		const result = decode('2.16.76.1.3.6=04 01 31\n'.repeat(500));
		expect(result).toEqual({ ok: false, error: MESSAGES.tooManyEntries(64) });
	});
	test('a UTF-16 text file saved by Windows', () => {
		const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(windowsText).flatMap((c) => [c.charCodeAt(0), 0])]);
		expect(summary(decode(utf16))).toEqual(wantEntries);
	});
});

describe("Chrome's certificate viewer", () => {
	test('uppercase hex with a line break every 16 bytes, OID.-prefixed', () => {
		const text = pairs
			.map((p) => {
				const bytes = p.hex.toUpperCase().split(' ');
				const lines: string[] = [];
				for (let i = 0; i < bytes.length; i += 16) lines.push(bytes.slice(i, i + 16).join(' '));
				return `OID.${p.oid}: ${lines.join('\n')}`;
			})
			.join('\n');
		expect(summary(decode(text))).toEqual(wantEntries);
	});
	test('OID. prefix with the bytes on the next lines', () => {
		const text = pairs.map((p) => `Other Name:\n  OID.${p.oid}\n  ${p.hex.toUpperCase()}`).join('\n');
		expect(summary(decode(text))).toEqual(wantEntries);
	});
	test('a value that still has the [0] EXPLICIT wrapper', () => {
		const cei = pairs.find((p) => p.oid === '2.16.76.1.3.6')!;
		const inner = cei.hex.split(' ');
		const text = `OID.${cei.oid}: A0 ${inner.length.toString(16).padStart(2, '0')} ${inner.join(' ')}`;
		expect(ok(decode(text)).entries[0]).toMatchObject({ oid: '2.16.76.1.3.6', text: '115830024985' });
	});
});

describe('the SOP’s bare hex', () => {
	test('31 32 33 34 35 36 37 is the matrícula 1234567 the SOP means, unconfirmed without its OID', () => {
		const result = ok(decode('31 32 33 34 35 36 37'));
		expect(result.entries).toEqual([expect.objectContaining({ oid: null, text: '1234567', fields: { matricula: '1234567' } })]);
		expect(result.cei).toMatchObject({ status: 'unconfirmed', number: '1234567' });
		// Honest about what is missing, and how to confirm it.
		expect(result.cei.reason).toMatch(/OID do campo não foi colado/);
		expect(result.cei.reason).toMatch(/linha inteira .* ou escolha o arquivo do certificado/);
	});
	test('the same digits with their OID are a judged CEI, not a matrícula to confirm', () => {
		const result = ok(decode('2.16.76.1.3.6=04 07 31 32 33 34 35 36 37'));
		expect(result.cei).toMatchObject({ status: 'invalid', number: '1234567' });
		expect(result.entries[0]!.fields).not.toHaveProperty('matricula');
	});
	test('a value without OID that is not digits cannot tell whether there is a CEI', () => {
		const result = ok(decode('53 41 52 41'));
		expect(result.entries[0]!.text).toBe('SARA');
		expect(result.cei.status).toBe('unknown');
	});
	test('with an "Outro Nome:" label, without spaces, or with colons', () => {
		for (const text of ['Outro Nome: 31 32 33 34 35 36 37', '31323334353637', '31:32:33:34:35:36:37'])
			expect(summary(decode(text))).toEqual([{ oid: null, text: '1234567' }]);
	});
	test('twelve digits pasted as hex are judged as a CEI', () => {
		const hex = Array.from('115830024985', (c) => c.charCodeAt(0).toString(16)).join(' ');
		expect(ok(decode(hex)).cei).toMatchObject({ status: 'valid', number: '115830024985' });
		const wrong = Array.from('115830024980', (c) => c.charCodeAt(0).toString(16)).join(' ');
		expect(ok(decode(wrong)).cei).toMatchObject({ status: 'invalid', number: '115830024980' });
	});
	test('a CEI typed as a number, masked or not', () => {
		expect(ok(decode('11.583.00249/85')).cei.status).toBe('valid');
		expect(ok(decode('115830024980')).cei.status).toBe('invalid');
	});
	test('hex that is not text is refused with a message', () => {
		expect(decode('00 01 02 ff')).toEqual({ ok: false, error: MESSAGES.notText });
		expect(decode('31 32 3')).toEqual({ ok: false, error: MESSAGES.oddHex });
	});
});

describe('what the verdict may conclude from a pasted list', () => {
	test('an equipment/server certificate\'s "Outro Nome" list: não se aplica', () => {
		const result = ok(decode(vectorText('equipamento_servidor', 'windows.txt')));
		expect(result.cei.status).toBe('not-applicable');
		expect(result.dnsNames).toEqual(['servidor.exemplo.com.br', 'www.exemplo.com.br']);
		// Positive control: the same list without the company-name entry (2.16.76.1.3.8) and the DNS lines
		// still holds the responsible person's data, and so says "sem CEI".
		const trimmed = vectorText('equipamento_servidor', 'windows.txt').replace(/Outro Nome:\n\s+2\.16\.76\.1\.3\.8=[^\n]+\n/, '').replace(/Nome DNS=[^\n]+\n/g, '');
		expect(ok(decode(trimmed)).cei.status).toBe('absent');
	});
	test('only DNS names and no holder: não se aplica; a holder beside DNS names is still a person', () => {
		const cnpj = '2.16.76.1.3.3=0c 0e 31 31 32 32 32 33 33 33 30 30 30 31 38 31';
		expect(ok(decode(`${cnpj}\nNome DNS=servidor.exemplo.com.br`)).cei.status).toBe('not-applicable');
		const holder = vectorText('ecpf_printable_no_cei_oid', 'windows.txt');
		expect(ok(decode(`${holder}Nome DNS=servidor.exemplo.com.br`)).cei.status).toBe('absent');
	});
	test('one entry without the holder data may be a part of the list: unknown, not "sem CEI"', () => {
		const result = ok(decode('2.16.76.1.3.3=0c 0e 31 32 33 34 35 36 37 38 30 30 30 31 39 35'));
		expect(result.cei.status).toBe('unknown');
		expect(result.cei.reason).toMatch(/todo o conteúdo/);
	});
	test('Windows\' "Nome Principal" line is kept as the UPN entry, in its place', () => {
		const result = ok(decode(vectorText('ecpf_ia5_cei_upn', 'windows.txt')));
		expect(result.entries.map((e) => e.oid)).toEqual(['2.16.76.1.3.1', '2.16.76.1.3.6', '2.16.76.1.3.5', '1.3.6.1.4.1.311.20.2.3']);
		expect(result.entries[3]).toMatchObject({ name: 'Nome principal do usuário (UPN)', text: 'bruno.sintetico@empresa.local', fields: { upn: 'bruno.sintetico@empresa.local' } });
		expect(result.cei).toMatchObject({ status: 'valid', number: '212345678901' });
		const english = ok(decode('Other Name:\n     Principal Name=ana@corp.example'));
		expect(english.entries).toEqual([expect.objectContaining({ oid: '1.3.6.1.4.1.311.20.2.3', text: 'ana@corp.example' })]);
		expect(english.cei.status).toBe('unknown');
	});
	test('a CPF of one repeated digit is invalid, with its own reason, and not carried to the procedure', () => {
		const result = ok(decode(vectorText('ecpf_cpf_repetido', 'windows.txt')));
		expect(result.entries[0]!.fields).toMatchObject({ cpf: '99999999999', cpfValid: false });
		expect(result.entries[0]!.problems).toContain('CPF com todos os dígitos iguais não é um CPF válido.');
		expect(result.client.cpfCnpj).toBe(null);
		// Positive control: a valid CPF in the same place is carried.
		expect(ok(decode(vectorBytes('ecpf_printable_no_cei_oid', 'der'))).client).toEqual({ cpfCnpj: '22233344405', name: 'DAVI ADVOGADO FICTICIO' });
	});
});

describe('openssl x509 -text', () => {
	test('othername values shown as text', () => {
		const text = `X509v3 Subject Alternative Name: \n    othername: 2.16.76.1.3.4::220819885556667772000000000000000000007788990SSPCE, othername: 2.16.76.1.3.2::SARA RESPONSAVEL EXEMPLO, othername: 2.16.76.1.3.3::12345678000195, othername: 2.16.76.1.3.7::000000000000, email:sara@exemplo.com`;
		const result = ok(decode(text));
		expect(summary(result)).toEqual(expected.ecnpj_utf8_cei_zeros!.entries.map((e) => ({ oid: e.oid, text: e.raw })));
		expect(result.emails).toEqual(['sara@exemplo.com']);
		expect(result.cei.status).toBe('absent');
	});
	test('openssl 3 names the Windows logon name "UPN::"', () => {
		const result = ok(decode('othername: 2.16.76.1.3.6::212345678901, othername: UPN::bruno@empresa.local, DNS:a.example'));
		expect(result.entries.map((e) => [e.oid, e.text])).toEqual([['2.16.76.1.3.6', '212345678901'], ['1.3.6.1.4.1.311.20.2.3', 'bruno@empresa.local']]);
		expect(result.dnsNames).toEqual(['a.example']);
	});
	test('the CEI hidden as <unsupported> asks for the certificate file', () => {
		const text = 'othername: 2.16.76.1.3.1::<unsupported>, othername: 2.16.76.1.3.6::<unsupported>';
		expect(decode(text)).toEqual({ ok: false, error: MESSAGES.opensslUnsupported });
	});
	test('other entries <unsupported> are listed with a warning', () => {
		const result = ok(decode('othername: 2.16.76.1.3.1::<unsupported>, othername: 2.16.76.1.3.6::115830024985'));
		expect(result.entries[0]).toMatchObject({ oid: '2.16.76.1.3.1', text: '' });
		expect(result.entries[0]!.problems.length).toBeGreaterThan(0);
		expect(result.cei.status).toBe('valid');
	});
});

describe('certificates', () => {
	const der = vectorBytes(CEI_VECTOR, 'der');
	const pem = vectorText(CEI_VECTOR, 'pem');
	const base64 = pem.replace(/-----[^-]+-----/g, '').trim();

	test('PEM inside other text (an e-mail body)', () => {
		expect(summary(decode(`Segue o certificado:\n\n${pem}\nAtt.,\nCliente`))).toEqual(wantEntries);
	});
	test('PEM with CRLF line ends', () => expect(summary(decode(pem.replace(/\n/g, '\r\n')))).toEqual(wantEntries));
	test('base64 without the BEGIN/END lines', () => expect(ok(decode(base64)).format).toBe('base64'));
	test('the DER as hex', () => {
		const hex = Array.from(der, (b) => b.toString(16).padStart(2, '0')).join(' ');
		expect(summary(decode(hex))).toEqual(wantEntries);
	});
	test('a broken PEM says so', () => {
		const cut = pem.slice(0, pem.length / 2);
		expect(decode(cut)).toEqual({ ok: false, error: MESSAGES.brokenPem });
		const damaged = pem.replace(/[A-Za-z]{8}/, '########');
		expect(decode(damaged)).toEqual({ ok: false, error: MESSAGES.brokenPem });
	});
	test('a truncated DER file says it is not a certificate', () => {
		expect(decode(der.slice(0, 600))).toEqual({ ok: false, error: MESSAGES.notCertificateFile });
	});
	test('a private key is refused without echoing it', () => {
		const result = decode('-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----');
		expect(result).toEqual({ ok: false, error: MESSAGES.privateKey });
	});
});
