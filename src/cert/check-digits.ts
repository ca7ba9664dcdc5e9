/**
 * Check digits of Brazilian document numbers that ICP-Brasil certificates carry.
 * Every function takes the number without punctuation and returns `false` for a wrong length or
 * character instead of throwing: the values come from pasted text and must never crash the decoder.
 */

const ONLY_DIGITS = /^\d+$/;

function digits(value: string): number[] {
	return Array.from(value, (c) => c.charCodeAt(0) - 48);
}

function weightedSum(values: number[], weights: readonly number[]): number {
	let sum = 0;
	for (let i = 0; i < weights.length; i++) sum += (values[i] ?? 0) * (weights[i] ?? 0);
	return sum;
}

/** The usual Receita Federal mod-11 rule: remainder below 2 gives 0, otherwise 11 − remainder. */
function mod11(sum: number): number {
	const r = sum % 11;
	return r < 2 ? 0 : 11 - r;
}

const CEI_WEIGHTS = [7, 4, 1, 8, 5, 2, 1, 6, 3, 7, 4] as const;

/** The check digit a CEI's first 11 digits call for (DOC-ICP-04 / INSS rule), or null if they are not 11 digits. */
export function ceiCheckDigit(first11: string): number | null {
	if (first11.length !== 11 || !ONLY_DIGITS.test(first11)) return null;
	const sum = weightedSum(digits(first11), CEI_WEIGHTS);
	const x = (Math.floor(sum / 10) % 10 + (sum % 10)) % 10;
	return (10 - x) % 10;
}

export function isValidCei(cei: string): boolean {
	if (cei.length !== 12) return false;
	const dv = ceiCheckDigit(cei.slice(0, 11));
	return dv !== null && String(dv) === cei[11];
}

/** "999.999.999-99", "11.111.111/1111-11": the mod-11 rule accepts some of these, Receita Federal none. */
export function isOneRepeatedCharacter(value: string): boolean {
	for (let i = 1; i < value.length; i++) if (value[i] !== value[0]) return false;
	return value.length > 1;
}

export function isValidCpf(cpf: string): boolean {
	if (cpf.length !== 11 || !ONLY_DIGITS.test(cpf) || isOneRepeatedCharacter(cpf)) return false;
	const d = digits(cpf);
	const dv1 = mod11(weightedSum(d, [10, 9, 8, 7, 6, 5, 4, 3, 2]));
	const dv2 = mod11(weightedSum(d, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]));
	return dv1 === d[9] && dv2 === d[10];
}

const CNPJ_WEIGHTS_1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const CNPJ_WEIGHTS_2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;
/** From July 2026 the first 12 positions may hold letters; the two check digits stay numeric. */
const CNPJ_SHAPE = /^[0-9A-Z]{12}\d{2}$/;

/** Numeric and alphanumeric CNPJ (each character counts as its ASCII code − 48). */
export function isValidCnpj(cnpj: string): boolean {
	if (!CNPJ_SHAPE.test(cnpj) || isOneRepeatedCharacter(cnpj)) return false;
	const values = digits(cnpj);
	const dv1 = mod11(weightedSum(values, CNPJ_WEIGHTS_1));
	const dv2 = mod11(weightedSum(values, CNPJ_WEIGHTS_2));
	return dv1 === values[12] && dv2 === values[13];
}

/** NIS, PIS and PASEP share one number space and one rule. */
export function isValidNis(nis: string): boolean {
	if (nis.length !== 11 || !ONLY_DIGITS.test(nis)) return false;
	const d = digits(nis);
	return mod11(weightedSum(d, [3, 2, 9, 8, 7, 6, 5, 4, 3, 2])) === d[10];
}

/** UF codes of the título de eleitor whose check digits turn a remainder of 0 into 1. */
const SP = 1;
const MG = 2;

/**
 * Título de eleitor (12 digits: 8 sequential, 2 for the UF, 2 check digits), TSE rule:
 * DV1 over the sequence with weights 2..9, DV2 over UF digits and DV1 with weights 7, 8, 9;
 * remainder 10 gives 0, and for SP and MG a remainder of 0 gives 1.
 */
export function isValidVoterId(titulo: string): boolean {
	if (titulo.length !== 12 || !ONLY_DIGITS.test(titulo)) return false;
	const d = digits(titulo);
	const uf = (d[8] ?? 0) * 10 + (d[9] ?? 0);
	if (uf < 1 || uf > 28) return false;
	const rule = (r: number) => (r === 10 ? 0 : r === 0 && (uf === SP || uf === MG) ? 1 : r);
	const dv1 = rule(weightedSum(d, [2, 3, 4, 5, 6, 7, 8, 9]) % 11);
	const dv2 = rule(((d[8] ?? 0) * 7 + (d[9] ?? 0) * 8 + dv1 * 9) % 11);
	return dv1 === d[10] && dv2 === d[11];
}
