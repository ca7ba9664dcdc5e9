import type { Decoded } from '../cert/decode.ts';
import { rowsOf, type Row } from '../cert/present.ts';
import { CopyButton } from '../ui/CopyButton.tsx';
import { t } from '../ui/i18n.ts';

function Check({ valid }: { valid: boolean | null }) {
	if (valid === null) return null;
	return valid ? <span class="check ok">{t('popupCheckOk')}</span> : <span class="check bad">{t('popupCheckBad')}</span>;
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
					<caption>{t('popupCertificate')}</caption>
					<tbody>
						{cert.commonName && <RowView row={{ label: t('popupHolder'), value: cert.commonName, copy: cert.commonName, valid: null }} />}
						{cert.notAfter && <RowView row={{ label: t('popupValidUntil'), value: new Date(cert.notAfter).toLocaleDateString('pt-BR', { timeZone: 'UTC' }), copy: null, valid: null }} />}
					</tbody>
				</table>
			)}
			{result.emails.length > 0 && (
				<table>
					<caption>{t('popupEmail')}</caption>
					<tbody>
						{result.emails.map((email) => (
							<RowView key={email} row={{ label: t('popupEmail'), value: email, copy: email, valid: null }} />
						))}
					</tbody>
				</table>
			)}
			{result.dnsNames.length > 0 && (
				<table>
					<caption>{t('popupDnsNames')}</caption>
					<tbody>
						{result.dnsNames.map((name) => (
							<RowView key={name} row={{ label: 'DNS', value: name, copy: name, valid: null }} />
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
						{entry.name} <span class="oid">{entry.oid ?? t('popupNoOid')}</span>
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
