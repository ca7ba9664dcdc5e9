import { useRef, useState } from 'preact/hooks';
import type { Suggestion } from '../../sop/search.ts';
import { t } from '../../ui/i18n.ts';

interface Props {
	items: readonly { id: string; title: string; score?: number; matched?: readonly string[] }[];
	label: string;
	onOpen(id: string): void;
}

/** A listbox: arrows move, Enter or click opens the SOP. */
export function SuggestionList({ items, label, onOpen }: Props) {
	const list = useRef<HTMLUListElement>(null);
	// The option with the focus is the selected one (roving tabindex), as screen readers expect of a listbox.
	const [chosen, setActive] = useState(0);
	// The list keeps exactly one tab stop, also after it shrinks below the chosen option.
	const active = chosen < items.length ? chosen : 0;
	const focusAt = (i: number) => {
		const options = list.current?.querySelectorAll<HTMLElement>('[role="option"]');
		if (!options?.length) return;
		options[(i + options.length) % options.length]!.focus();
	};
	const onKeyDown = (event: KeyboardEvent, i: number, id: string) => {
		if (event.key === 'ArrowDown') focusAt(i + 1);
		else if (event.key === 'ArrowUp') focusAt(i - 1);
		else if (event.key === 'Enter' || event.key === ' ') onOpen(id);
		else return;
		event.preventDefault();
		event.stopPropagation();
	};
	return (
		<ul class="suggestions" role="listbox" aria-label={label} ref={list}>
			{items.map((item, i) => (
				<li
					key={item.id}
					role="option"
					aria-selected={i === active}
					tabIndex={i === active ? 0 : -1}
					aria-label={item.matched?.length ? t('suggestionMatched', item.title, item.matched.join(', ')) : item.title}
					onFocus={() => setActive(i)}
					data-sop-id={item.id}
					onClick={() => onOpen(item.id)}
					onKeyDown={(e) => onKeyDown(e, i, item.id)}
				>
					<span class="suggestion-title">{item.title}</span>
					{item.score !== undefined && <span class="score" title={t('overlayConfidence')}>{Math.round(item.score * 100)}%</span>}
					{item.matched?.length ? (
						<span class="matched">
							{t('overlayMatchedBy')} {item.matched.map((w) => <mark key={w}>{w}</mark>)}
						</span>
					) : null}
				</li>
			))}
		</ul>
	);
}

export type { Suggestion };
