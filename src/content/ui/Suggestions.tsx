import { Fragment } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { Hint, Level, Suggestion } from '../../sop/search.ts';
import { t } from '../../ui/i18n.ts';

interface Item {
	id: string;
	title: string;
	matched?: readonly string[];
	/** How sure the search is, in words; absent in the search-by-name list. */
	level?: Level;
	/** The situation parts found in the ticket: why it is suggested. */
	why?: { objeto: readonly string[]; estado: readonly string[] };
}

interface Props {
	items: readonly Item[];
	label: string;
	onOpen(id: string): void;
	/** "Não é este": the SOP is not suggested again for this ticket. Absent in the search-by-name list. */
	onDismiss?(id: string): void;
}

/**
 * A listbox: arrows move, Enter or click opens the SOP. Each suggestion says how sure the search is
 * ("provável"/"possível") and why; "Não é este" (click, or Delete on the suggestion) dismisses it for this
 * ticket. The dismiss button stays out of the tab order: the list keeps one tab stop.
 */
export function SuggestionList({ items, label, onOpen, onDismiss }: Props) {
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
	const dismiss = (i: number, id: string) => {
		if (!onDismiss) return;
		// The focus goes to the next suggestion (or the one before) once this one is gone.
		setActive(Math.max(0, Math.min(i, items.length - 2)));
		onDismiss(id);
		requestAnimationFrame(() => focusAt(Math.min(i, items.length - 2)));
	};
	const onKeyDown = (event: KeyboardEvent, i: number, id: string) => {
		if (event.key === 'ArrowDown') focusAt(i + 1);
		else if (event.key === 'ArrowUp') focusAt(i - 1);
		else if (event.key === 'Enter' || event.key === ' ') onOpen(id);
		else if (event.key === 'Delete' && onDismiss) dismiss(i, id);
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
					aria-keyshortcuts={onDismiss ? 'Delete' : undefined}
					tabIndex={i === active ? 0 : -1}
					aria-label={accessibleName(item)}
					onFocus={() => setActive(i)}
					data-sop-id={item.id}
					data-level={item.level}
					onClick={() => onOpen(item.id)}
					onKeyDown={(e) => onKeyDown(e, i, item.id)}
				>
					<span class="suggestion-title">{item.title}</span>
					{item.level && (
						<span class={`level level-${item.level}`} title={t('overlayLevelHelp')}>
							{t(item.level === 'provavel' ? 'overlayLevelProbable' : 'overlayLevelPossible')}
						</span>
					)}
					{item.why && (item.why.objeto.length || item.why.estado.length) ? (
						<span class="why">
							{t('overlayWhy')} <Marked words={[...item.why.objeto.slice(0, 2), ...item.why.estado.slice(0, 2)]} />
						</span>
					) : item.matched?.length ? (
						<span class="matched">
							{t('overlayMatchedBy')} <Marked words={item.matched} />
						</span>
					) : null}
					{onDismiss && (
						<button
							type="button"
							class="dismiss"
							data-action="dismiss"
							tabIndex={-1}
							aria-label={t('overlayDismissLabel', item.title)}
							title={t('overlayDismissHelp')}
							onClick={(e) => {
								e.stopPropagation();
								dismiss(i, item.id);
							}}
						>
							{t('overlayNotThis')}
						</button>
					)}
				</li>
			))}
		</ul>
	);
}

/** Each word highlighted; the commas between them (so screen readers do not run them together) are not. */
function Marked({ words }: { words: readonly string[] }) {
	return (
		<>
			{words.map((w, k) => (
				<Fragment key={`${k}-${w}`}>
					{k ? ', ' : null}
					<mark>{w}</mark>
				</Fragment>
			))}
		</>
	);
}

/** Title and level ("…, provável"), then the matched words, separated so screen readers pause between them. */
function accessibleName(item: Item): string {
	const name = item.level ? `${item.title}, ${t(item.level === 'provavel' ? 'overlayLevelProbable' : 'overlayLevelPossible')}` : item.title;
	return item.matched?.length ? t('suggestionMatched', name, item.matched.join(', ')) : name;
}

/** Near misses the ticket describes: said instead of suggesting the SOP ("Parece senha/PIN do token…"). */
export function NearMissHints({ hints }: { hints: readonly Hint[] }) {
	if (!hints.length) return null;
	return (
		<ul class="near-misses">
			{hints.map((h) => (
				<li key={h.id} class="near-miss" data-hint-sop-id={h.id}>
					{h.text}
				</li>
			))}
		</ul>
	);
}

export type { Suggestion };
