import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { rank, searchByName, type Hint, type Suggestion } from '../../sop/search.ts';
import type { Sop } from '../../sop/types.ts';
import { t } from '../../ui/i18n.ts';
import type { FormSession } from '../session.ts';
import { getSop, sopIndex } from '../sop-library.ts';
import { onSettingsChange } from '../settings.ts';
import { dismissedIn } from '../dismissed.ts';
import { NO_USAGE, type UsageRecorder } from '../usage.ts';
import { EMPTY_DRAFT, type Draft } from './draft.ts';
import { HealthBadge } from './HealthBadge.tsx';
import { useDock } from './dock.ts';
import { SaveCheck } from './SaveCheck.tsx';
import { SopView } from './SopView.tsx';
import { NearMissHints, SuggestionList } from './Suggestions.tsx';

export interface OverlayApi {
	/** Opens a SOP in the panel (from the popup's "Certificado sem CEI" button), with values it already knows. */
	open(id: string, values?: Readonly<Record<string, string>>): boolean;
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
export const SHORTCUT = 'Alt+Shift+S';

export function Overlay({ session, host, expose, usage = NO_USAGE }: Props) {
	const [expanded, setExpanded] = useState(true);
	const [side, setSide] = useState<'right' | 'left'>('right');
	const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
	const [hints, setHints] = useState<Hint[]>([]);
	const [query, setQuery] = useState('');
	const [openId, setOpenId] = useState<string | null>(null);
	const [applied, setApplied] = useState<Sop | null>(null);
	// What the agent typed and ticked per SOP, for this ticket: back to the list and reopening keeps it.
	const [drafts, setDrafts] = useState<Readonly<Record<string, Draft>>>({});
	// A save held by the check: Qualitor's own save, to run once if the agent chooses to.
	// `shown`: what was missing when the save was held; those items stay listed and tick as they are completed.
	const [held, setHeld] = useState<{ sop: Sop | undefined; proceed: () => void; shown: ReadonlySet<string> } | null>(null);
	// A save held by the check: Qualitor's own save, to run once if the agent chooses to.
	const [health, setHealth] = useState(() => session.health());
	// A usage write that failed (storage full) or events given up: said in the panel, in Portuguese.
	const [usageProblem, setUsageProblem] = useState<string | undefined>(undefined);
	useEffect(() => usage.onProblem(setUsageProblem), [usage]);
	// Additional fields that did not come back after the agent changed Tipo / Categoria: their text, so nothing vanishes silently.
	const [lost, setLost] = useState<readonly { what: string; why: string }[]>([]);
	useEffect(() => session.watchKept((result) => result.lost.length && setLost((shown) => [...shown, ...result.lost])), [session]);
	const [formVersion, setFormVersion] = useState(0);
	const panel = useRef<HTMLElement>(null);
	// The page makes room while the panel or the save check is there (the check shows when collapsed too).
	const [relayout, setRelayout] = useState(0);
	const width = useDock(host.ownerDocument, expanded || held !== null, side, relayout);

	// Bumped when the library changes (imports, policy), so the name search runs again.
	const [libraryVersion, setLibraryVersion] = useState(0);
	const pill = useRef<HTMLButtonElement>(null);

	const refresh = useCallback(() => {
		// "Não é este": SOPs turned down in this ticket are neither suggested nor hinted again.
		const dismissed = dismissedIn(session);
		const ranking = rank(sopIndex(), session.readText(), 3 + dismissed.size);
		const found = ranking.suggestions.filter((s) => !dismissed.has(s.id)).slice(0, 3);
		const near = ranking.hints.filter((h) => !dismissed.has(h.id));
		// Most keystrokes change nothing: keep the same state and skip the re-render.
		setSuggestions((prev) => (sameSuggestions(prev, found) ? prev : found));
		setHints((prev) => (prev.length === near.length && prev.every((h, i) => h.id === near[i]!.id && h.text === near[i]!.text) ? prev : near));
		usage.suggested(found.map((s) => s.id));
	}, [session, usage]);
	const dismiss = (id: string) => {
		dismissedIn(session).add(id);
		usage.record(id, 'dismissed');
		refresh();
		// The list moves the focus to the next suggestion; when none is left, to the panel's first control.
		requestAnimationFrame(() => {
			if (!panel.current?.querySelector('[data-sop-id]')) panel.current?.querySelector<HTMLElement>('.body input, .body button')?.focus();
		});
	};
	useEffect(() => {
		refresh();
		return session.watchText(refresh);
	}, [session, refresh]);
	useEffect(() => session.watchForm(() => setFormVersion((v) => v + 1)), [session]);
	// Fields load and re-render after the form appears: the badge follows (ainda carregando → campos n/n).
	useEffect(() => session.watchHealth(() => setHealth(session.health())), [session]);
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

	const draftOf = (id: string): Draft => drafts[id] ?? EMPTY_DRAFT;
	const setDraft = (id: string, change: (d: Draft) => Draft) => setDrafts((all) => ({ ...all, [id]: change(all[id] ?? EMPTY_DRAFT) }));

	// The first suggestion if there is one, else the first control of the body (not the header's buttons).
	const focusPanel = () =>
		requestAnimationFrame(() =>
			(panel.current?.querySelector<HTMLElement>('[data-sop-id][tabindex="0"]') ?? panel.current?.querySelector<HTMLElement>('.body input, .body button'))?.focus(),
		);
	// Opening a SOP puts the focus on its first input (what to ask), else on its main action.
	const open = (id: string, values?: Readonly<Record<string, string>>) => {
		if (!getSop(id)) return false;
		if (values && Object.keys(values).length) setDraft(id, (d) => ({ ...d, typed: { ...d.typed, ...values } }));
		setExpanded(true);
		setOpenId(id);
		usage.opened(id);
		requestAnimationFrame(() => {
			const first = ['.sop .variables input', '.sop .reply input', '[data-action="apply"]', '.sop .back']
				.map((selector) => panel.current?.querySelector<HTMLElement>(selector))
				.find(Boolean);
			first?.focus();
		});
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
		doc.addEventListener('keydown', onKey, true);
		return () => doc.removeEventListener('keydown', onKey, true);
	}, [host]);

	// The check before Qualitor saves; state read through a ref, the session keeps one callback.
	const current = useRef({ applied, openId, drafts });
	current.current = { applied, openId, drafts };
	useEffect(() => {
		session.onSave((proceed) => {
			const { applied: a, openId: o, drafts: d } = current.current;
			const sop = a ?? (o ? getSop(o) : undefined);
			const items = session.saveCheck(sop, new Set(sop ? (d[sop.id] ?? EMPTY_DRAFT).ticked : []));
			if (items.every((i) => i.done)) {
				setHeld(null);
				return false;
			}
			setHeld({ sop, proceed, shown: new Set(items.filter((i) => !i.done).map((i) => i.key)) });
			return true;
		});
	}, [session]);

	const heldItems = useMemo(
		() => (held ? session.saveCheck(held.sop, new Set(held.sop ? draftOf(held.sop.id).ticked : [])).filter((i) => held.shown.has(i.key)) : []),
		[held, drafts, formVersion, session],
	);
	// The check stays beside the form as the list to work through, ticking as the agent fills it.
	// Returns the item to confirm in the check itself when it has no field in the form.
	const backToForm = (): string | null => {
		const first = heldItems.find((i) => !i.done);
		if (!first) return null;
		return session.focusItem(held?.sop, first.key) ? null : first.key;
	};
	const saveAnyway = () => {
		if (!held) return;
		const missing = heldItems.filter((i) => !i.done).map((i) => i.text);
		if (held.sop) usage.warningDismissed(held.sop.id, missing);
		const { proceed } = held;
		setHeld(null);
		proceed();
	};
	const toggleTick = (id: string, key: string) =>
		setDraft(id, (d) => ({ ...d, ticked: d.ticked.includes(key) ? d.ticked.filter((k) => k !== key) : [...d.ticked, key] }));

	// Back to the list with the focus on it, so the keyboard user is not dropped onto the page.
	const back = () => {
		setOpenId(null);
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
		<aside class={`panel ${side}`} style={{ width: `${width}px` }} ref={panel} aria-label={t('overlayName')} onKeyDown={onPanelKey} hidden={!expanded}>
			<header>
				<strong>{t('overlayName')}</strong>
				<kbd class="shortcut" title={t('overlayShortcutHint')} aria-label={t('overlayShortcutHint')}>
					{SHORTCUT}
				</kbd>
				<button type="button" class="icon" onClick={() => setSide(side === 'right' ? 'left' : 'right')} aria-label={t('overlayMove')}>
					⇄
				</button>
				<button type="button" class="icon" data-action="collapse" onClick={collapse} aria-label={t('overlayCollapse')}>
					–
				</button>
				{/* Its own line under the name and the panel's buttons (CSS), last in the tab order too. */}
				<HealthBadge health={health} diagnostic={session.diagnostic} />
			</header>
			<div class="body">
				{usageProblem && (
					<p class="warning" role="alert" data-usage-problem>
						{usageProblem}
					</p>
				)}
				{lost.length > 0 && (
					<div class="warning" role="alert" data-kept-lost>
						<p>{t('keptLostTitle')}</p>
						<ul>
							{lost.map((l, i) => (
								<li key={i}>
									<strong>{l.what}</strong>: {l.why}
								</li>
							))}
						</ul>
						<button type="button" class="link" data-action="dismiss-kept" onClick={() => setLost([])}>
							{t('keptLostDismiss')}
						</button>
					</div>
				)}
				{sop ? (
					<SopView
						key={sop.id}
						sop={sop}
						session={session}
						onBack={back}
						draft={draftOf(sop.id)}
						onDraft={(change) => setDraft(sop.id, change)}
						formVersion={formVersion}
						onApplied={(applied) => {
							setApplied(applied);
							setRelayout((v) => v + 1);
							usage.applied(applied.id);
						}}
						onUndone={() => {
							setApplied(null);
							setRelayout((v) => v + 1);
							usage.undone(sop.id);
						}}
					/>
				) : (
					<>
						<h2 class="section">{t('overlaySuggestions')}</h2>
						{suggestions.length ? (
							<SuggestionList items={suggestions} label={t('overlaySuggestions')} onOpen={open} onDismiss={dismiss} />
						) : (
							<p class="hint">{t('overlayNoSuggestion')}</p>
						)}
						<NearMissHints hints={hints} />
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
		{held && (
			<SaveCheck
				items={heldItems}
				width={width}
				side={side}
				onClose={() => setHeld(null)}
				onBack={backToForm}
				onSaveAnyway={saveAnyway}
				onConfirm={(key) => held.sop && toggleTick(held.sop.id, key)}
			/>
		)}
		</>
	);
}

function sameSuggestions(a: readonly Suggestion[], b: readonly Suggestion[]): boolean {
	return a.length === b.length && a.every((s, i) => s.id === b[i]!.id && s.score === b[i]!.score && s.level === b[i]!.level && s.matched.join() === b[i]!.matched.join());
}
