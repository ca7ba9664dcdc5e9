import type { ChecklistItem } from '../../sop/types.ts';
import { t } from '../../ui/i18n.ts';

interface Props {
	title: string;
	items: readonly ChecklistItem[];
	/** Keys of ticked items; the list is owned by the SOP view so ticks survive re-renders. */
	ticked: ReadonlySet<string>;
	prefix: string;
	onToggle(key: string): void;
	/** Items the form does not satisfy yet (from the SOP's checks). */
	missing?: ReadonlySet<ChecklistItem>;
}

export function Checklist({ title, items, ticked, prefix, onToggle, missing }: Props) {
	if (!items.length) return null;
	return (
		<section class="checklist">
			{title && <h3>{title}</h3>}
			<ul>
				{items.map((item, i) => {
					const key = `${prefix}:${i}`;
					const id = `chk-${key}`;
					return (
						<li key={key} data-item-key={key} class={missing?.has(item) ? 'missing' : undefined}>
							<input type="checkbox" id={id} checked={ticked.has(key)} onChange={() => onToggle(key)} />
							<label for={id}>
								{item.text}
								{missing?.has(item) && <span class="visually-hidden"> ({t('overlayMissingInForm')})</span>}
							</label>
						</li>
					);
				})}
			</ul>
		</section>
	);
}
