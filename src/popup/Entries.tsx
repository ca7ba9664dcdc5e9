import type { Decoded } from '../cert/decode.ts';
import { rowsOf, type Row } from '../cert/present.ts';
import { CopyButton } from '../ui/CopyButton.tsx';

function Check({ valid }: { valid: boolean | null }) {
	if (valid === null) return null;
	return valid ? <span class="check ok">DV ok</span> : <span class="check bad">DV não confere</span>;
}

function RowView({ row }: { row: Row }) {
	return (
		<tr>
			<th scope="row">{row.label}</th>
			<td>
				<span class={row.copy === null ? 'value missing' : 'value'}>{row.value}</span> <Check valid={row.valid} />
			</td>
			<td class="actions">{row.copy !== null && <CopyButton text={row.copy} label={row.label} />}</td>
		</tr>
	);
}

/** One table per otherName, plus the certificate's own identity when a file was given. */
export function Entries({ result }: { result: Decoded }) {
	const cert = result.certificate;
	return (
		<div class="entries">
			{cert && (
				<table>
					<caption>Certificado</caption>
					<tbody>
						{cert.commonName && <RowView row={{ label: 'Titular (CN)', value: cert.commonName, copy: cert.commonName, valid: null }} />}
						{cert.notAfter && <RowView row={{ label: 'Válido até', value: new Date(cert.notAfter).toLocaleDateString('pt-BR', { timeZone: 'UTC' }), copy: null, valid: null }} />}
					</tbody>
				</table>
			)}
			{result.emails.length > 0 && (
				<table>
					<caption>E-mail</caption>
					<tbody>
						{result.emails.map((email) => (
							<RowView key={email} row={{ label: 'E-mail', value: email, copy: email, valid: null }} />
						))}
					</tbody>
				</table>
			)}
			{result.notes.map((note) => (
				<p class="note" key={note}>{note}</p>
			))}
			{result.entries.map((entry, i) => (
				<table key={i} data-oid={entry.oid ?? ''}>
					<caption>
						{entry.name} <span class="oid">{entry.oid ?? 'sem OID'}</span>
					</caption>
					<tbody>
						{rowsOf(entry).map((row) => (
							<RowView key={row.label} row={row} />
						))}
					</tbody>
					{entry.problems.length > 0 && (
						<tfoot>
							{entry.problems.map((p) => (
								<tr key={p}>
									<td colSpan={3} class="problem">{p}</td>
								</tr>
							))}
						</tfoot>
					)}
				</table>
			))}
		</div>
	);
}
