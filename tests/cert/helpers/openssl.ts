/** Makes ICP-Brasil-like certificates with the system's openssl, so tests do not depend on stored samples only. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type StringKind = 'UTF8' | 'OCTETSTRING' | 'PRINTABLESTRING' | 'IA5STRING';

export interface OtherNameSpec {
	oid: string;
	kind: StringKind;
	value: string;
}

export interface CertificateSpec {
	otherNames: OtherNameSpec[];
	sanEmails?: string[];
	subjectEmail?: string;
	commonName?: string;
}

export interface MadeCertificate {
	pem: string;
	der: Uint8Array;
	pemPath: string;
	derPath: string;
}

export const STRING_KIND_ASN1: Record<StringKind, string> = {
	UTF8: 'UTF8String',
	OCTETSTRING: 'OCTET STRING',
	PRINTABLESTRING: 'PrintableString',
	IA5STRING: 'IA5String',
};

export class CertificateFactory {
	readonly dir = mkdtempSync(join(tmpdir(), 'cert-test-'));
	private readonly key = join(this.dir, 'key.pem');
	private count = 0;

	constructor() {
		// One EC key for every certificate keeps generation at a few milliseconds each.
		execFileSync('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', this.key]);
	}

	make(spec: CertificateSpec): MadeCertificate {
		const name = `c${++this.count}`;
		const config = join(this.dir, `${name}.cnf`);
		const san = [
			...spec.otherNames.map((o, i) => `otherName.${i + 1} = ${o.oid};${o.kind === 'UTF8' ? 'FORMAT:UTF8,UTF8' : o.kind}:${o.value}`),
			...(spec.sanEmails ?? []).map((e, i) => `email.${i + 1} = ${e}`),
		];
		writeFileSync(
			config,
			[
				'[req]', 'distinguished_name = dn', 'x509_extensions = ext', 'prompt = no', 'utf8 = yes', 'string_mask = utf8only',
				'[dn]', 'C = BR', 'O = ICP-Brasil', `CN = ${spec.commonName ?? 'TITULAR DE TESTE:12345678909'}`,
				...(spec.subjectEmail ? [`emailAddress = ${spec.subjectEmail}`] : []),
				'[ext]', 'basicConstraints = critical,CA:FALSE', ...(san.length ? ['subjectAltName = @san', '[san]', ...san] : []),
				'',
			].join('\n'),
		);
		const pemPath = join(this.dir, `${name}.pem`);
		const derPath = join(this.dir, `${name}.der`);
		execFileSync('openssl', ['req', '-x509', '-key', this.key, '-out', pemPath, '-days', '30', '-config', config]);
		execFileSync('openssl', ['x509', '-in', pemPath, '-outform', 'DER', '-out', derPath]);
		return { pem: readFileSync(pemPath, 'utf8'), der: new Uint8Array(readFileSync(derPath)), pemPath, derPath };
	}

	/** A PKCS#7 bundle (.p7b) of the given certificates, DER or PEM. */
	bundle(certs: MadeCertificate[], form: 'DER' | 'PEM'): Uint8Array {
		const out = join(this.dir, `b${++this.count}.p7b`);
		execFileSync('openssl', ['crl2pkcs7', '-nocrl', ...certs.flatMap((c) => ['-certfile', c.pemPath]), '-outform', form, '-out', out]);
		return new Uint8Array(readFileSync(out));
	}

	opensslText(cert: MadeCertificate): string {
		return execFileSync('openssl', ['x509', '-in', cert.pemPath, '-noout', '-text'], { encoding: 'utf8' });
	}

	dispose(): void {
		rmSync(this.dir, { recursive: true, force: true });
	}
}
