import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { searchByName, suggest, type Suggestion } from '../../sop/search.ts';
import type { Sop } from '../../sop/types.ts';
import { t } from '../../ui/i18n.ts';
import type { FormSession } from '../session.ts';
import { getSop, sopIndex } from '../sop-library.ts';
import { onSettingsChange } from '../settings.ts';
import { NO_USAGE, type UsageRecorder } from '../usage.ts';
import { HealthBadge } from './HealthBadge.tsx';
import { SopView } from './SopView.tsx';
import { SuggestionList } from './Suggestions.tsx';

export interface OverlayApi {
	/** Opens a SOP in the panel (from the popup's "Certificado sem CEI" button). */
	open(id: string): boolean;
}

interface Props {
	session: FormSession;
	host: HTMLElement;
	/** The local usage record (suggested, opened, applied, undone, warnings dismissed). */
	usage?: UsageRecorder;
	/** Lets the mount code reach the panel from outside (runtime messages). */
	expose(api: OverlayApi): void;
}

/** Alt+Shift+S focuses the panel from anywhere in the page. */
const isShortcut = (e: KeyboardEvent) => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyS';

export function Overlay({ session, host, expose, usage = NO_USAGE }: Props) {
	const [expanded, setExpanded] = useState(true);
	const [side, setSide] = useState<'right' | 'left'>('right');
	const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
	const [query, setQuery] = useState('');
	const [openId, setOpenId] = useState<string | null>(null);
	const [applied, setApplied] = useState<Sop | null>(null);
	const [warning, setWarning] = useState<string[] | null>(null);
	const [health, setHealth] = useState(() => session.health());
	// A usage write that failed (storage full) or events given up: said in the panel, in Portuguese.
	const [usageProblem, setUsageProblem] = useState<string | undefined>(undefined);
	useEffect(() => usage.onProblem(setUsageProblem), [usage]);
	const panel = useRef<HTMLElement>(null);

	// Bumped when the library changes (imports, policy), so the name search runs again.
	const [libraryVersion, setLibraryVersion] = useState(0);
	const pill = useRef<HTMLButtonElement>(null);

	const refresh = useCallback(() => {
		const found = suggest(sopIndex(), session.readText());
		// Most keystrokes change nothing: keep the same state and skip the re-render.
		setSuggestions((prev) => (sameSuggestions(prev, found) ? prev : found));
		usage.suggested(found.map((s) => s.id));
	}, [session, usage]);
	useEffect(() => {
		refresh();
		return session.watchText(refresh);
	}, [session, refresh]);
	// SOPs imported or a mapping edited in the options page: new suggestions and health, no reload.
	useEffect(
		() =>
			onSettingsChange(() => {
				setLibraryVersion((v) => v + 1);
				refresh();
				setHealth(session.health());
			}),
		[session, refresh],
	);

	// The first suggestion if there is one, else the first control of the body (not the header's buttons).
	const focusPanel = () =>
		requestAnimationFrame(() =>
			(panel.current?.querySelector<HTMLElement>('[data-sop-id]') ?? panel.current?.querySelector<HTMLElement>('.body input, .body button'))?.focus(),
		);
	const open = (id: string) => {
		if (!getSop(id)) return false;
		setExpanded(true);
		setOpenId(id);
		usage.opened(id);
		requestAnimationFrame(() => panel.current?.querySelector<HTMLElement>('[data-action="apply"]')?.focus());
		return true;
	};
	expose({ open });

	useEffect(() => {
		const doc = host.ownerDocument;
		const onKey = (e: KeyboardEvent) => {
			// Only the agent's own keystroke: a page script's synthetic one must not move the focus.
			if (!e.isTrusted || !isShortcut(e)) return;
			e.preventDefault();
			setExpanded(true);
			focusPanel();
		};
		// Never cover the field being typed in: move to the other side when it would.
		const onFocus = (e: FocusEvent) => {
			const target = e.target as Element | null;
			if (!target || target === host || !panel.current || typeof target.getBoundingClientRect !== 'function') return;
			const field = target.getBoundingClientRect();
			const here = panel.current.getBoundingClientRect();
			if (!overlaps(field, here)) return;
			// Mirror the panel to the other side; move only if the field is clear there (a full-width
			// field overlaps both sides, and flipping on every focus would help no one).
			const width = doc.documentElement.clientWidth;
			const there = { left: width - here.right, right: width - here.left, top: here.top, bottom: here.bottom };
			if (!overlaps(field, there)) setSide((s) => (s === 'right' ? 'left' : 'right'));
		};
		doc.addEventListener('keydown', onKey, true);
		doc.addEventListener('focusin', onFocus, true);
		return () => {
			doc.removeEventListener('keydown', onKey, true);
			doc.removeEventListener('focusin', onFocus, true);
		};
	}, [host]);

	useEffect(() => {
		session.onSave(() => {
			const sop = applied ?? (openId ? getSop(openId) : undefined);
			if (!sop) return;
			const missing = session.missingChecks(sop).map((item) => item.text);
			if (!missing.length) return;
			setWarning(missing);
			setOpenId(sop.id);
			setExpanded(true);
		});
	}, [session, applied, openId]);

	// Back to the list with the focus on it, so the keyboard user is not dropped onto the page.
	const back = () => {
		setOpenId(null);
		setWarning(null);
		focusPanel();
	};

	// Collapsed, the panel stays mounted (hidden): an apply in progress, its report and Desfazer survive.
	const collapse = () => {
		setExpanded(false);
		requestAnimationFrame(() => pill.current?.focus());
	};

	const onPanelKey = (e: KeyboardEvent) => {
		if (e.key !== 'Escape') return;
		e.stopPropagation();
		if (openId) back();
		else collapse();
	};

	const sop = openId ? getSop(openId) : undefined;
	const byName = useMemo(() => (query.trim() ? searchByName(sopIndex(), query) : []), [query, libraryVersion]);

	return (
		<>
		<p class="visually-hidden" role="status">
			{t('overlaySuggestionCount', suggestions.length)}
		</p>
		{!expanded && (
			<button type="button" ref={pill} class={`pill ${side}`} onClick={() => (setExpanded(true), focusPanel())} title={t('overlayShortcutHint')}>
				{t('overlayPill')}{suggestions.length ? <span class="badge">{suggestions.length}</span> : null}
			</button>
		)}
		<aside class={`panel ${side}`} ref={panel} aria-label={t('overlayName')} onKeyDown={onPanelKey} hidden={!expanded}>
			<header>
				<strong>{t('overlayName')}</strong>
				<HealthBadge health={health} />
				<button type="button" class="icon" onClick={() => setSide(side === 'right' ? 'left' : 'right')} aria-label={t('overlayMove')}>
					⇄
				</button>
				<button type="button" class="icon" onClick={collapse} aria-label={t('overlayCollapse')}>
					–
				</button>
			</header>
			<div class="body">
				{usageProblem && (
					<p class="warning" role="alert" data-usage-problem>
						{usageProblem}
					</p>
				)}
				{sop ? (
					<SopView
						key={sop.id}
						sop={sop}
						session={session}
						onBack={back}
						warning={warning}
						onDismissWarning={() => {
							if (warning) usage.warningDismissed(sop.id, warning);
							setWarning(null);
						}}
						onApplied={(applied) => {
							setApplied(applied);
							usage.applied(applied.id);
						}}
						onUndone={() => {
							setApplied(null);
							usage.undone(sop.id);
						}}
					/>
				) : (
					<>
						<h2 class="section">{t('overlaySuggestions')}</h2>
						{suggestions.length ? (
							<SuggestionList items={suggestions} label={t('overlaySuggestions')} onOpen={open} />
						) : (
							<p class="hint">{t('overlayNoSuggestion')}</p>
						)}
						<label class="search">
							<span>{t('overlaySearchByName')}</span>
							<input type="search" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
						</label>
						{query.trim() &&
							(byName.length ? (
								<SuggestionList items={byName} label={t('overlaySearchByName')} onOpen={open} />
							) : (
								<p class="hint">{t('overlayNothingFound')}</p>
							))}
					</>
				)}
			</div>
		</aside>
		</>
	);
}

function overlaps(a: { left: number; right: number; top: number; bottom: number }, b: { left: number; right: number; top: number; bottom: number }): boolean {
	return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
}

function sameSuggestions(a: readonly Suggestion[], b: readonly Suggestion[]): boolean {
	return a.length === b.length && a.every((s, i) => s.id === b[i]!.id && s.score === b[i]!.score && s.matched.join() === b[i]!.matched.join());
}
