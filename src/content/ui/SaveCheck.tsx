import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../ui/i18n.ts';
import type { SaveCheckItem } from '../session.ts';

interface Props {
	items: readonly SaveCheckItem[];
	/** "Voltar e completar" and Esc: close and focus the first missing field. */
	onBack(): void;
	/** "Salvar assim mesmo": close and run Qualitor's own save once. */
	onSaveAnyway(): void;
	/** The agent confirmed an item with the client (or took the confirmation back). */
	onConfirm(key: string): void;
}

/**
 * The check before Qualitor saves: what is still missing, ticking live as the agent fills the form.
 * A modal dialog outside the panel, so it shows when the panel is collapsed; one click from Qualitor's save.
 */
export function SaveCheck({ items, onBack, onSaveAnyway, onConfirm }: Props) {
	const dialog = useRef<HTMLDivElement>(null);
	useEffect(() => {
		dialog.current?.querySelector<HTMLElement>('[data-action="save-back"]')?.focus();
	}, []);
	const missing = items.filter((i) => !i.done).length;
	const onKeyDown = (event: KeyboardEvent) => {
		if (event.key === 'Escape') {
			event.preventDefault();
			event.stopPropagation();
			onBack();
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
		<div class="save-check-backdrop">
			<div
				class="save-check"
				role="alertdialog"
				aria-modal="true"
				aria-labelledby="save-check-title"
				aria-describedby="save-check-count"
				ref={dialog}
				onKeyDown={onKeyDown}
				data-save-check=""
			>
				<h2 id="save-check-title">{t('saveCheckTitle')}</h2>
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
					<button type="button" class="primary" data-action="save-back" onClick={onBack}>
						{t('saveCheckBack')}
					</button>
					<button type="button" data-action="save-anyway" onClick={onSaveAnyway}>
						{t('saveCheckAnyway')}
					</button>
				</div>
			</div>
		</div>
	);
}
