/**
 * `npm run fixtures:icp`: writes the ICP-Brasil test certificates the decoder's tests read, with openssl,
 * into tests/fixtures/icp/: for each profile `.pem`, `.der`, `.windows.txt` (what an agent copies from
 * Windows' certificate dialog: "Outro Nome:" then `OID=tag len bytes…`, "Nome Principal=" for the logon
 * name, "Nome DNS=" for a server's names) and one `expected.json` in the layout of ../shared/vectors/icp.
 *
 * The people and companies are fictitious; every number's check digit was computed by hand from
 * ../shared/docs/icp-brasil.md, so the expected fields here do not come from the decoder they test.
 * Each run makes a new key (thrown away) and new certificates; the expected contents stay the same.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type Kind = 'OCTETSTRING' | 'UTF8' | 'PRINTABLESTRING' | 'IA5STRING';
type Fields = Record<string, string | boolean | number | null>;

interface OtherName {
	oid: string;
	kind: Kind;
	value: string;
	name: string;
	/** Expected decoded fields, Portuguese keys as in ../shared/vectors/icp/expected.json. */
	fields: Fields;
}

interface Profile {
	profile: string;
	encoding: string;
	commonName: string;
	organisationUnit: string;
	cei: string | null;
	/** As in the shared vectors, plus `nao_se_aplica` (equipment/server: no person, no CEI expected). */
	cei_status: 'cei_presente_dv_ok' | 'cei_presente_dv_errado' | 'cei_zerado' | 'cei_oid_ausente' | 'nao_se_aplica';
	otherNames: OtherName[];
	dnsNames?: string[];
	/** What the popup carries to the "Certificado sem CEI" procedure. */
	cliente: { cpf_cnpj: string | null; nome: string | null };
}

const TAG: Record<Kind, number> = { OCTETSTRING: 0x04, UTF8: 0x0c, PRINTABLESTRING: 0x13, IA5STRING: 0x16 };
const ASN1_NAME: Record<Kind, string> = { OCTETSTRING: 'OCTET STRING', UTF8: 'UTF8String', PRINTABLESTRING: 'PrintableString', IA5STRING: 'IA5String' };

const UPN = '1.3.6.1.4.1.311.20.2.3';
const PF = 'Dados do titular PF (nascimento, CPF, NIS, RG, orgao/UF)';
const PJ = 'Dados do responsavel PJ (nascimento, CPF, NIS, RG, orgao/UF)';

const PROFILES: Record<string, Profile> = {
	ecpf_octet_cei: {
		profile: 'e-CPF', encoding: 'OCTET STRING', commonName: 'ANA SINTETICA DE TESTE:12345678909', organisationUnit: 'Certificado PF A3',
		cei: '115830024985', cei_status: 'cei_presente_dv_ok',
		cliente: { cpf_cnpj: '12345678909', nome: 'ANA SINTETICA DE TESTE' },
		otherNames: [
			{ oid: '2.16.76.1.3.1', kind: 'OCTETSTRING', value: '150319851234567890912345678900000000012345678SSPDF', name: PF,
				fields: { nascimento_iso: '1985-03-15', cpf: '12345678909', cpf_dv_ok: true, nis: '12345678900', nis_ausente: false, nis_dv_ok: true, rg: '000000012345678', rg_sem_zeros_a_esquerda: '12345678', rg_ausente: false, orgao_expedidor_uf: 'SSPDF' } },
			{ oid: '2.16.76.1.3.6', kind: 'OCTETSTRING', value: '115830024985', name: 'CEI da pessoa fisica (INSS)',
				fields: { cei: '115830024985', cei_formatado: '11.583.00249/85', zerado_sem_cei: false, dv_esperado: '5', dv_ok: true } },
			{ oid: '2.16.76.1.3.5', kind: 'OCTETSTRING', value: '0123456720970010042BRASILIADF', name: 'Titulo de eleitor (numero, zona, secao, municipio/UF)',
				fields: { titulo: '012345672097', titulo_ausente: false, titulo_dv_ok: true, zona: '001', secao: '0042', municipio_uf: 'BRASILIADF' } },
		],
	},
	ecnpj_utf8_cei_zeros: {
		profile: 'e-CNPJ', encoding: 'UTF8String', commonName: 'COMERCIO EXEMPLO SINTETICO S A:12345678000195', organisationUnit: 'Certificado PJ A1',
		cei: '000000000000', cei_status: 'cei_zerado',
		cliente: { cpf_cnpj: '12345678000195', nome: 'COMERCIO EXEMPLO SINTETICO S A' },
		otherNames: [
			{ oid: '2.16.76.1.3.4', kind: 'UTF8', value: '220819885556667772000000000000000000007788990SSPCE', name: PJ,
				fields: { nascimento_iso: '1988-08-22', cpf: '55566677720', cpf_dv_ok: true, nis: '00000000000', nis_ausente: true, nis_dv_ok: null, rg: '000000007788990', rg_sem_zeros_a_esquerda: '7788990', rg_ausente: false, orgao_expedidor_uf: 'SSPCE' } },
			{ oid: '2.16.76.1.3.2', kind: 'UTF8', value: 'SARA RESPONSAVEL EXEMPLO', name: 'Nome do responsavel pelo certificado (PJ)', fields: { nome_responsavel: 'SARA RESPONSAVEL EXEMPLO' } },
			{ oid: '2.16.76.1.3.3', kind: 'UTF8', value: '12345678000195', name: 'CNPJ da pessoa juridica',
				fields: { cnpj: '12345678000195', cnpj_formatado: '12.345.678/0001-95', alfanumerico: false, dv_ok: true } },
			{ oid: '2.16.76.1.3.7', kind: 'UTF8', value: '000000000000', name: 'CEI da pessoa juridica (INSS)', fields: { cei: '000000000000', zerado_sem_cei: true } },
		],
	},
	ecpf_printable_no_cei_oid: {
		profile: 'e-CPF', encoding: 'PrintableString', commonName: 'DAVI ADVOGADO FICTICIO:22233344405', organisationUnit: 'Certificado PF A3',
		cei: null, cei_status: 'cei_oid_ausente',
		cliente: { cpf_cnpj: '22233344405', nome: 'DAVI ADVOGADO FICTICIO' },
		otherNames: [
			{ oid: '2.16.76.1.3.1', kind: 'PRINTABLESTRING', value: '200719802223334440520000000013000000009876543SSPSC', name: PF,
				fields: { nascimento_iso: '1980-07-20', cpf: '22233344405', cpf_dv_ok: true, nis: '20000000013', nis_ausente: false, nis_dv_ok: true, rg: '000000009876543', rg_sem_zeros_a_esquerda: '9876543', rg_ausente: false, orgao_expedidor_uf: 'SSPSC' } },
			{ oid: '2.16.76.1.3.5', kind: 'PRINTABLESTRING', value: '5566778809900120101FLORIANOPOLISSC', name: 'Titulo de eleitor (numero, zona, secao, municipio/UF)',
				fields: { titulo: '556677880990', titulo_ausente: false, titulo_dv_ok: true, zona: '012', secao: '0101', municipio_uf: 'FLORIANOPOLISSC' } },
			{ oid: '2.16.76.1.4.2.1.1', kind: 'PRINTABLESTRING', value: '0123456SC', name: 'Numero de inscricao na OAB (7) + UF da seccional (2)', fields: { oab_numero: '0123456', oab_uf: 'SC' } },
		],
	},
	ecpf_ia5_cei_upn: {
		profile: 'e-CPF', encoding: 'IA5String', commonName: 'BRUNO SINTETICO DE TESTE:11144477735', organisationUnit: 'Certificado PF A3',
		cei: '212345678901', cei_status: 'cei_presente_dv_ok',
		cliente: { cpf_cnpj: '11144477735', nome: 'BRUNO SINTETICO DE TESTE' },
		otherNames: [
			{ oid: '2.16.76.1.3.1', kind: 'IA5STRING', value: `0102199011144477735${'0'.repeat(26)}`, name: PF,
				fields: { nascimento_iso: '1990-02-01', cpf: '11144477735', cpf_dv_ok: true, nis: '00000000000', nis_ausente: true, nis_dv_ok: null, rg: '000000000000000', rg_ausente: true } },
			{ oid: '2.16.76.1.3.6', kind: 'IA5STRING', value: '212345678901', name: 'CEI da pessoa fisica (INSS)',
				fields: { cei: '212345678901', cei_formatado: '21.234.56789/01', zerado_sem_cei: false, dv_esperado: '1', dv_ok: true } },
			{ oid: '2.16.76.1.3.5', kind: 'IA5STRING', value: '0'.repeat(19), name: 'Titulo de eleitor (numero, zona, secao, municipio/UF)', fields: { titulo: '000000000000', titulo_ausente: true } },
			{ oid: UPN, kind: 'UTF8', value: 'bruno.sintetico@empresa.local', name: 'Nome principal do usuario (UPN, logon do Windows)', fields: { upn: 'bruno.sintetico@empresa.local' } },
		],
	},
	equipamento_servidor: {
		profile: 'equipamento/servidor', encoding: 'UTF8String', commonName: 'servidor.exemplo.com.br', organisationUnit: 'Certificado SSL A1',
		cei: null, cei_status: 'nao_se_aplica',
		cliente: { cpf_cnpj: '11222333000181', nome: 'EMPRESA EXEMPLO SINTETICA LTDA' },
		dnsNames: ['servidor.exemplo.com.br', 'www.exemplo.com.br'],
		otherNames: [
			{ oid: '2.16.76.1.3.8', kind: 'UTF8', value: 'EMPRESA EXEMPLO SINTETICA LTDA', name: 'Nome empresarial (equipamento/aplicacao)', fields: { nome_empresarial: 'EMPRESA EXEMPLO SINTETICA LTDA' } },
			{ oid: '2.16.76.1.3.3', kind: 'UTF8', value: '11222333000181', name: 'CNPJ da pessoa juridica',
				fields: { cnpj: '11222333000181', cnpj_formatado: '11.222.333/0001-81', alfanumerico: false, dv_ok: true } },
			{ oid: '2.16.76.1.3.2', kind: 'UTF8', value: 'CARLOS RESPONSAVEL EXEMPLO', name: 'Nome do responsavel pelo certificado (PJ)', fields: { nome_responsavel: 'CARLOS RESPONSAVEL EXEMPLO' } },
			{ oid: '2.16.76.1.3.4', kind: 'UTF8', value: `1005197552998224725${'0'.repeat(26)}`, name: PJ,
				fields: { nascimento_iso: '1975-05-10', cpf: '52998224725', cpf_dv_ok: true, nis: '00000000000', nis_ausente: true, nis_dv_ok: null, rg_ausente: true } },
		],
	},
	ecpf_cpf_repetido: {
		profile: 'e-CPF', encoding: 'UTF8String', commonName: 'CPF REPETIDO DE TESTE:99999999999', organisationUnit: 'Certificado PF A1',
		cei: '115830024985', cei_status: 'cei_presente_dv_ok',
		// A CPF of one repeated digit passes the mod-11 rule but is not a CPF: nothing is carried.
		cliente: { cpf_cnpj: null, nome: 'CPF REPETIDO DE TESTE' },
		otherNames: [
			{ oid: '2.16.76.1.3.1', kind: 'UTF8', value: `0101198099999999999${'0'.repeat(26)}`, name: PF,
				fields: { nascimento_iso: '1980-01-01', cpf: '99999999999', cpf_dv_ok: false, nis: '00000000000', nis_ausente: true, rg_ausente: true } },
			{ oid: '2.16.76.1.3.6', kind: 'UTF8', value: '115830024985', name: 'CEI da pessoa fisica (INSS)',
				fields: { cei: '115830024985', cei_formatado: '11.583.00249/85', zerado_sem_cei: false, dv_esperado: '5', dv_ok: true } },
		],
	},
};

const hex = (bytes: number[]) => bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ');

/** The value as Windows shows it: the string's tag, its length, then its bytes. */
function tlv(o: OtherName): number[] {
	const content = [...Buffer.from(o.value, 'utf8')];
	if (content.length > 127) throw new Error(`${o.oid}: values over 127 bytes need a long-form length`);
	return [TAG[o.kind], content.length, ...content];
}

function windowsText(p: Profile): string {
	const lines: string[] = [];
	for (const o of p.otherNames) lines.push('Outro Nome:', o.oid === UPN ? `     Nome Principal=${o.value}` : `     ${o.oid}=${hex(tlv(o))}`);
	for (const dns of p.dnsNames ?? []) lines.push(`Nome DNS=${dns}`);
	return `${lines.join('\n')}\n`;
}

function opensslConfig(p: Profile): string {
	const san = [
		...(p.dnsNames ?? []).map((d, i) => `DNS.${i + 1} = ${d}`),
		...p.otherNames.map((o, i) => `otherName.${i + 1} = ${o.oid};${o.kind === 'UTF8' ? 'FORMAT:UTF8,UTF8' : o.kind}:${o.value}`),
	];
	return [
		'[req]', 'distinguished_name = dn', 'x509_extensions = ext', 'prompt = no', 'utf8 = yes', 'string_mask = utf8only',
		'[dn]', 'C = BR', 'O = ICP-Brasil', '0.OU = AC SINTETICA DE TESTE - NAO CONFIAVEL', '1.OU = presencial', `2.OU = ${p.organisationUnit}`, `CN = ${p.commonName}`,
		'[ext]', 'basicConstraints = critical,CA:FALSE', 'keyUsage = critical,digitalSignature,keyEncipherment',
		'subjectAltName = @san', '[san]', ...san, '',
	].join('\n');
}

function main(): void {
	const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
	const out = join(root, 'tests/fixtures/icp');
	mkdirSync(out, { recursive: true });
	const work = mkdtempSync(join(tmpdir(), 'icp-fixtures-'));
	try {
		const key = join(work, 'key.pem');
		execFileSync('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', key]);
		const expected: Record<string, unknown> = {};
		let serial = 0x1c9b0001;
		for (const [name, p] of Object.entries(PROFILES)) {
			const config = join(work, `${name}.cnf`);
			writeFileSync(config, opensslConfig(p));
			const pem = join(out, `${name}.pem`);
			execFileSync('openssl', ['req', '-x509', '-key', key, '-out', pem, '-days', '3650', '-set_serial', String(serial++), '-config', config]);
			execFileSync('openssl', ['x509', '-in', pem, '-outform', 'DER', '-out', join(out, `${name}.der`)]);
			writeFileSync(join(out, `${name}.windows.txt`), windowsText(p));
			const { otherNames, commonName, organisationUnit: _, ...rest } = p;
			expected[name] = {
				...rest,
				titular_cn: commonName,
				entries: otherNames.map((o) => ({
					general_name: 'otherName', oid: o.oid, name: o.name, asn1_type: ASN1_NAME[o.kind],
					value_tlv_hex: hex(tlv(o)), raw: o.value, fields: { ...o.fields, comprimento: o.value.length },
				})),
			};
		}
		writeFileSync(join(out, 'expected.json'), `${JSON.stringify(expected, null, 1)}\n`);
		// The certificates must say what the profiles say: openssl reads back each UTF8 value it can print.
		for (const name of Object.keys(PROFILES)) {
			const text = execFileSync('openssl', ['x509', '-in', join(out, `${name}.pem`), '-noout', '-ext', 'subjectAltName'], { encoding: 'utf8' });
			for (const o of PROFILES[name]!.otherNames.filter((x) => x.kind === 'UTF8' && x.oid.startsWith('2.16.76.'))) {
				if (!text.includes(`${o.oid}::${o.value}`)) throw new Error(`${name}: ${o.oid} not found in the certificate`);
			}
		}
		console.log(`wrote ${Object.keys(PROFILES).length} profiles to ${out}: ${readFileSync(join(out, 'expected.json')).length} bytes of expected.json`);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

main();
