import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../ui/i18n.ts';
import type { SaveCheckItem } from '../session.ts';

interface Props {
	items: readonly SaveCheckItem[];
	/** The dock's width and side: the check sits in the panel's column, beside the form, never over it. */
	width: number;
	side: 'right' | 'left';
	/** "Fechar": the check goes away; Qualitor's save is not run. */
	onClose(): void;
	/**
	 * "Voltar e completar" and Esc: focus the first missing field; returns the key of an item that has no
	 * field (to confirm here), else null.
	 */
	onBack(): string | null;
	/** "Salvar assim mesmo": close and run Qualitor's own save once. */
	onSaveAnyway(): void;
	/** The agent confirmed an item with the client (or took the confirmation back). */
	onConfirm(key: string): void;
}

/**
 * The check before Qualitor saves: what is still missing, ticking live as the agent fills the form.
 * A dialog in the dock's column (shown when the panel is collapsed too), not modal: after "Voltar e
 * completar" it stays beside the form as the list to work through; one click from Qualitor's save.
 */
export function SaveCheck({ items, width, side, onClose, onBack, onSaveAnyway, onConfirm }: Props) {
	const dialog = useRef<HTMLDivElement>(null);
	useEffect(() => {
		dialog.current?.querySelector<HTMLElement>('[data-action="save-back"], [data-action="save-anyway"]')?.focus();
	}, []);
	const missing = items.filter((i) => !i.done).length;
	const back = () => {
		const here = onBack();
		if (here) dialog.current?.querySelector<HTMLElement>(`[data-item="${here}"] input`)?.focus();
	};
	const onKeyDown = (event: KeyboardEvent) => {
		if (event.key === 'Escape') {
			event.preventDefault();
			event.stopPropagation();
			back();
			return;
		}
		if (event.key !== 'Tab') return;
		// Keep the focus inside the dialog while it is open.
		const focusable = [...(dialog.current?.querySelectorAll<HTMLElement>('button, input') ?? [])];
		const first = focusable[0];
		const last = focusable.at(-1);
		const active = (dialog.current?.getRootNode() as ShadowRoot | Document).activeElement;
		if (event.shiftKey && active === first) (event.preventDefault(), last?.focus());
		else if (!event.shiftKey && active === last) (event.preventDefault(), first?.focus());
	};
	return (
		<div class={`save-check ${side}`} style={{ width: `${width}px` }}>
			<div
				role="alertdialog"
				aria-modal="false"
				aria-labelledby="save-check-title"
				aria-describedby="save-check-count"
				ref={dialog}
				onKeyDown={onKeyDown}
				data-save-check=""
			>
				<header>
					<h2 id="save-check-title">{t('saveCheckTitle')}</h2>
					<button type="button" class="icon" data-action="save-close" onClick={onClose} aria-label={t('saveCheckClose')}>
						×
					</button>
				</header>
				<p id="save-check-count" class="hint" aria-live="polite">
					{missing ? t('saveCheckMissing', missing) : t('saveCheckComplete')}
				</p>
				<ul>
					{items.map((item) => (
						<li key={item.key} class={item.done ? 'done' : 'missing'} data-item={item.key} data-done={item.done ? 'true' : 'false'}>
							{item.confirmable ? (
								<label>
									<input type="checkbox" checked={item.done} onChange={() => onConfirm(item.key)} />
									{item.text}
								</label>
							) : (
								<span>
									<span aria-hidden="true">{item.done ? '✔ ' : '✱ '}</span>
									{item.text}
									<span class="visually-hidden"> ({item.done ? t('saveCheckFilled') : t('saveCheckRequired')})</span>
								</span>
							)}
						</li>
					))}
				</ul>
				<div class="actions">
					{missing ? (
						<button type="button" class="primary" data-action="save-back" onClick={back}>
							{t('saveCheckBack')}
						</button>
					) : null}
					<button type="button" class={missing ? undefined : 'primary'} data-action="save-anyway" onClick={onSaveAnyway}>
						{missing ? t('saveCheckAnyway') : t('saveCheckSave')}
					</button>
				</div>
			</div>
		</div>
	);
}
