/**
 * `npm run cert -- decode <file | - | "text"> [--json]`: the popup's decoder on the command line.
 * Exit 0 when something was decoded (whatever the CEI verdict), 1 when the input is not recognised, 2 on usage errors.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { decode, type Decoded, type DecodeResult } from '../cert/decode.ts';
import { rowsOf, STATUS_TEXT } from '../cert/present.ts';
import { formatCei } from '../cert/format.ts';

const USAGE = 'Uso: npm run cert -- decode <arquivo | - | "texto"> [--json]';

function main(argv: string[]): number {
	const json = argv.includes('--json');
	const args = argv.filter((a) => a !== '--json');
	if (args[0] !== 'decode' || args.length < 2) {
		process.stderr.write(`${USAGE}\n`);
		return 2;
	}
	const missing = missingFile(args.slice(1));
	if (missing) return failWith(`Arquivo não encontrado: ${missing}`, json);
	const result = decode(readInput(args.slice(1)));
	if (!result.ok) return failWith(result.error, json);
	process.stdout.write(json ? `${JSON.stringify(toJson(result), null, 2)}\n` : readable(result));
	return 0;
}

function failWith(error: string, json: boolean): number {
	process.stderr.write(`${error}\n`);
	if (json) process.stdout.write(`${JSON.stringify({ error })}\n`);
	return 1;
}

/** A lone argument named like a certificate file that does not exist is a typo, not text to decode. */
function missingFile(args: string[]): string | null {
	const [only] = args;
	return args.length === 1 && only && /\.(cer|crt|pem|der|p7b|p7c|txt)$/i.test(only) && !existsSync(only) ? only : null;
}

/** A single existing path is a file; `-` is stdin; anything else is the text itself (words rejoined). */
function readInput(args: string[]): string | Uint8Array {
	const [first] = args;
	if (args.length === 1 && first === '-') return asTextIfText(readFileSync(0));
	if (args.length === 1 && first && existsSync(first) && statSync(first).isFile()) return new Uint8Array(readFileSync(first));
	return args.join(' ');
}

function asTextIfText(buffer: Buffer): string | Uint8Array {
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
		return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? new Uint8Array(buffer) : text;
	} catch {
		return new Uint8Array(buffer);
	}
}

export function toJson(result: Decoded) {
	return {
		entries: result.entries.map(({ oid, name, text, fields }) => ({ oid, name, text, fields })),
		cei: { status: result.cei.status, number: result.cei.number },
		client: result.client,
		...(result.certificate ? { certificate: result.certificate } : {}),
	};
}

function readable(result: Decoded): string {
	const lines: string[] = [];
	const { cei } = result;
	lines.push(`${STATUS_TEXT[cei.status].toUpperCase()}${cei.number ? `: ${formatCei(cei.number)}` : ''}`, `  ${cei.reason}`);
	if (result.certificate) {
		lines.push('', `Certificado: ${result.certificate.subject}`);
		if (result.certificate.notAfter) lines.push(`Válido até: ${result.certificate.notAfter.slice(0, 10)}`);
	}
	if (result.emails.length) lines.push(`E-mail: ${result.emails.join(', ')}`);
	if (result.dnsNames.length) lines.push(`DNS: ${result.dnsNames.join(', ')}`);
	for (const note of result.notes) lines.push(note);
	for (const entry of result.entries) {
		lines.push('', `${entry.oid ?? '(sem OID)'}  ${entry.name}${entry.stringType ? `  [${entry.stringType}]` : ''}`);
		lines.push(`  texto: ${entry.hex ? `(bytes) ${entry.hex}` : entry.text}`);
		for (const row of rowsOf(entry)) {
			if (row.label === 'Valor') continue;
			const check = row.valid === true ? '  (DV ok)' : row.valid === false ? '  (DV NÃO confere)' : '';
			lines.push(`  ${row.label}: ${row.value}${check}`);
		}
		for (const problem of entry.problems) lines.push(`  ! ${problem}`);
	}
	return `${lines.join('\n')}\n`;
}

export type { DecodeResult };
process.exitCode = main(process.argv.slice(2));
