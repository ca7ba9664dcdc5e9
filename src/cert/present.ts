/** How decoded fields are shown to agents (popup table and CLI): Portuguese labels, masks, check results. */
import type { Entry } from './decode.ts';
import type { CeiStatus } from './verdict.ts';
import { formatNis, formatVoterId } from './format.ts';

export interface Row {
	label: string;
	/** Masked for reading, or "não informado". */
	value: string;
	/** What the copy button puts on the clipboard (digits only for numbers); null when there is nothing to copy. */
	copy: string | null;
	/** Check-digit result: true ok, false wrong, null not applicable. */
	valid: boolean | null;
}

const NOT_INFORMED = 'não informado';

type Field = string | boolean | number | null | undefined;
const str = (v: Field) => (typeof v === 'string' ? v : null);
const bool = (v: Field) => (typeof v === 'boolean' ? v : null);

function row(label: string, raw: Field, shown: Field = raw, valid: Field = null): Row {
	const value = str(raw);
	return { label, value: value === null ? NOT_INFORMED : (str(shown) ?? value), copy: value, valid: bool(valid) };
}

/** The rows for one entry, in the order the fields appear in the certificate. */
export function rowsOf(entry: Entry): Row[] {
	const f = entry.fields;
	const rows: Row[] = [];
	const has = (key: string) => key in f;
	if (has('birthDate') || has('birthDateRaw')) {
		const iso = str(f.birthDate);
		rows.push(row('Data de nascimento', iso ?? str(f.birthDateRaw), iso ? iso.split('-').reverse().join('/') : str(f.birthDateRaw)));
	}
	if (has('cpf')) rows.push(row('CPF', f.cpf, f.cpfFormatted, f.cpfValid));
	if (has('nis')) rows.push(row('NIS/PIS/PASEP', f.nis, str(f.nis) && formatNis(str(f.nis)!), f.nisValid));
	if (has('rg')) rows.push(row('RG', str(f.rgNumber) ?? f.rg));
	if (has('rgIssuer') && f.rg) rows.push(row('Órgão expedidor/UF', f.rgIssuer));
	if (has('name')) rows.push(row('Nome', f.name));
	if (has('companyName')) rows.push(row('Nome empresarial', f.companyName));
	if (has('cnpj')) rows.push(row(f.cnpjAlphanumeric ? 'CNPJ (alfanumérico)' : 'CNPJ', f.cnpj, f.cnpjFormatted, f.cnpjValid));
	if (has('voterId')) {
		rows.push(row('Título de eleitor', f.voterId, str(f.voterId) && formatVoterId(str(f.voterId)!), f.voterIdValid));
		if (f.voterId) {
			rows.push(row('Zona', f.zone), row('Seção', f.section));
			rows.push(row('Município/UF', f.cityUf, f.uf && f.city ? `${String(f.city)}/${String(f.uf)}` : f.cityUf));
		}
	}
	if (has('cei')) rows.push(row('Matrícula CEI', f.cei, f.ceiFormatted, f.ceiValid));
	if (has('matricula')) rows.push(row('Matrícula no Outro Nome', f.matricula));
	if (has('upn')) rows.push(row('Nome principal (UPN)', f.upn));
	if (has('oabNumber')) rows.push(row('Inscrição OAB', f.oabNumber), row('Seccional', f.oabUf));
	if (rows.length === 0) rows.push({ label: 'Valor', value: entry.hex ?? entry.text, copy: entry.hex ?? entry.text, valid: null });
	return rows;
}

export const STATUS_TEXT: Record<CeiStatus, string> = {
	valid: 'CEI válido',
	invalid: 'CEI inválido',
	absent: 'Sem CEI',
	unconfirmed: 'Matrícula no Outro Nome',
	'not-applicable': 'Não se aplica',
	unknown: 'CEI não identificado',
};
