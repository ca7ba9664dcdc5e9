/** Display masks agents know from Receita and INSS screens; values that do not fit are shown as they are. */

function mask(value: string, shape: RegExp, replacement: string): string {
	return shape.test(value) ? value.replace(shape, replacement) : value;
}

/** 00.000.00000/00 */
export const formatCei = (cei: string) => mask(cei, /^(\d{2})(\d{3})(\d{5})(\d{2})$/, '$1.$2.$3/$4');
/** 000.000.000-00 */
export const formatCpf = (cpf: string) => mask(cpf, /^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4');
/** 00.000.000/0000-00, letters allowed in the first 12 positions */
export const formatCnpj = (cnpj: string) =>
	mask(cnpj, /^([0-9A-Z]{2})([0-9A-Z]{3})([0-9A-Z]{3})([0-9A-Z]{4})(\d{2})$/, '$1.$2.$3/$4-$5');
/** 000.00000.00-0 */
export const formatNis = (nis: string) => mask(nis, /^(\d{3})(\d{5})(\d{2})(\d)$/, '$1.$2.$3-$4');
/** 0000 0000 0000 */
export const formatVoterId = (t: string) => mask(t, /^(\d{4})(\d{4})(\d{4})$/, '$1 $2 $3');
