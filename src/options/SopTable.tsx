import type { Sop } from '../sop/types.ts';
import type { ImportedSop } from '../storage/imported-sops.ts';
import { t } from '../ui/i18n.ts';
import { ManagedBadge } from './PolicyNotice.tsx';

export interface Row {
	sop: Sop;
	imported?: ImportedSop;
	/** An imported SOP with a bundled SOP's id: it is the one the overlay uses. */
	replaces?: boolean;
}

const sourceOf = (row: Row) =>
	!row.imported
		? t('optionsSourceBundled')
		: row.imported.source.kind !== 'file'
			? `${row.imported.source.name} (${row.imported.source.version})`
			: row.imported.source.name;

export function SopTable({ rows, onShow, onRemove }: { rows: Row[]; onShow(sop: Sop): void; onRemove(id: string): void }) {
	return (
		<table class="sops">
			<thead>
				<tr>
					<th scope="col">{t('optionsColTitle')}</th>
					<th scope="col">{t('optionsColSource')}</th>
					<th scope="col">{t('optionsColVersion')}</th>
					<th scope="col">{t('optionsColActions')}</th>
				</tr>
			</thead>
			<tbody>
				{rows.map((row) => (
					<tr key={row.sop.id} data-sop-row={row.sop.id} data-source={row.imported ? (row.imported.source.kind === 'policy' ? 'policy' : 'imported') : 'bundled'}>
						<th scope="row">
							{row.sop.title}
							<br />
							<code>{row.sop.id}</code>
						</th>
						<td>
							{sourceOf(row)}
							{row.imported?.source.kind === 'policy' && <> <ManagedBadge /></>}
							{row.replaces && <strong class="replaces"> — {t('optionsReplacesBundled')}</strong>}
						</td>
						<td>{row.sop.version ?? '—'}</td>
						<td>
							<button type="button" onClick={() => onShow(row.sop)} aria-label={`${t('optionsShow')} ${row.sop.title}`}>
								{t('optionsShow')}
							</button>
							{row.imported && row.imported.source.kind !== 'policy' && (
								<button type="button" onClick={() => onRemove(row.sop.id)} aria-label={`${t('optionsRemove')} ${row.sop.title}`}>
									{t('optionsRemove')}
								</button>
							)}
						</td>
					</tr>
				))}
			</tbody>
		</table>
	);
}
