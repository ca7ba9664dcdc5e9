/**
 * Pasted texts built to make a backtracking parser slow (issue 13: "nome alternativo" + spaces took 79 s
 * at 250 KB): long runs of spaces and tabs, labels and OIDs repeated thousands of times, values that never
 * end. Shared by tests/cert/linear-time.test.ts (scaling check) and bench/cert.ts (worst case at the limit).
 */

export interface Adversarial {
	name: string;
	/** `prefix` + `unit` × `repeat` + `suffix`. */
	make: (repeat: number) => string;
	/** How many repetitions fit in `size` characters. */
	repeatsIn: (size: number) => number;
}

/** `prefix` + `unit` repeated + `suffix`, `size` characters at most. */
export function fill(size: number, unit: string, prefix = '', suffix = ''): string {
	return prefix + unit.repeat(Math.floor(Math.max(0, size - prefix.length - suffix.length) / unit.length)) + suffix;
}

const at = (name: string, unit: string, prefix = '', suffix = ''): Adversarial => ({
	name,
	make: (repeat) => prefix + unit.repeat(repeat) + suffix,
	repeatsIn: (size) => Math.floor(Math.max(0, size - prefix.length - suffix.length) / unit.length),
});

export const ADVERSARIAL: Adversarial[] = [
	at('"nome alternativo" + spaces after an OID', ' ', '2.16.76.1.3.6=nome alternativo'),
	at('"nome alternativo" + tabs after an OID', '\t', '2.16.76.1.3.6=nome alternativo'),
	at('"nome alternativo" + spaces', ' ', 'Nome Alternativo'),
	at('"Subject Alternative Name" + spaces', ' ', 'subject alternative name'),
	at('"nome alternativo " repeated after an OID', 'nome alternativo ', '2.16.76.1.3.6='),
	at('"nome alternativo " repeated', 'nome alternativo '),
	at('"Outro Nome " repeated', 'Outro Nome '),
	at('"Outro Nome" lines without colon', 'Outro Nome\n'),
	at('"outro" + spaces', ' ', 'outro'),
	at('"email=" repeated after an OID', 'email=', '2.16.76.1.3.6=31 '),
	at('"e-mail:x" repeated after an OID', 'e-mail:x', '2.16.76.1.3.6=31 '),
	at('"Nome Principal=" repeated', 'Nome Principal='),
	at('"Nome DNS=" repeated after an OID', 'Nome DNS=', '2.16.76.1.3.6=31 '),
	at('openssl "email:x " repeated, ending in CR', 'email:x ', 'othername: 2.16.76.1.3.6::1 ', '\r'),
	at('openssl "othername:" repeated, ending in CR', 'othername:', '', '\r'),
	at('openssl value + spaces after a comma', ' ', 'othername: 2.16.76.1.3.6::1,'),
	at('openssl ", othername:" repeated', ', othername:'),
	at('"othername " repeated (no colon)', 'othername '),
	at('an OID + spaces', ' ', '2.16.76.1.3.6'),
	at('an OID + spaces + "="', ' ', '2.16.76.1.3.6', '='),
	at('OIDs repeated without "="', '2.16.76.1.3.6 '),
	at('"OID." OIDs repeated', 'OID.2.16.76.1.3.6 '),
	at('a long dotted number', '1.', '0.'),
	at('a hex pair + spaces', ' ', '2.16.76.1.3.6=31'),
	at('a hex pair + spaces and tabs', ' \t', '2.16.76.1.3.6=31'),
	at('a hex pair + line breaks', ' \n', '2.16.76.1.3.6=31'),
	at('hex pairs ending in a word', '31 ', '2.16.76.1.3.6=', 'zz'),
	at('hex pairs separated by dashes and colons', '31-:', '2.16.76.1.3.6='),
	at('"-----BEGIN " + letters', 'A', '-----BEGIN '),
	at('"-----BEGIN X-----" repeated', '-----BEGIN X-----'),
	at('"-----BEGIN A" + spaces', ' ', '-----BEGIN A'),
	at('"-----BEGIN PRIVATE" repeated', '-----BEGIN PRIVATE '),
	at('spaces only', ' '),
	at('tabs and line breaks', '\t\n'),
	at('commas', ','),
	at('"3" repeated', '3'),
	at('"31" repeated', '31'),
	at('"31 " repeated', '31 '),
	at('a CEI mask start + digits', '1', '11.583.'),
	at('base64-looking words and spaces', 'QUJD '),
	at('base64-looking text', 'QUJD'),
	at('"0x" repeated', '0x'),
	at('"2.16.76.1.3.6=zz" lines', '2.16.76.1.3.6=zz\n'),
];
