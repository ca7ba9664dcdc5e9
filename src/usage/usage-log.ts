/**
 * The local usage record: which SOPs were suggested, opened, applied, undone, which checklist warnings
 * were dismissed, and which suggestions the agent turned down ("Não é este": no ticket text is kept). Kept
 * in the browser only, bounded, so SOP owners can see what is used and which SOP speaks out of turn.
 */

export const USAGE_KINDS = ['suggested', 'opened', 'applied', 'undone', 'warning-dismissed', 'dismissed'] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

export interface UsageEvent {
	/** Epoch milliseconds. */
	at: number;
	sop: string;
	kind: UsageKind;
	/** E.g. the dismissed warnings' texts. */
	detail?: string;
	/**
	 * Chosen by the tab that recorded it: a batch delivered again (the worker stopped after writing it but
	 * before answering, so the tab retried) is recorded once.
	 */
	id?: string;
}

/** About 5,000 events fit comfortably in storage.local (≈ 400 KB); older ones are dropped first. */
export const MAX_EVENTS = 5000;

export function appendEvents(log: readonly UsageEvent[], events: readonly UsageEvent[], max = MAX_EVENTS): UsageEvent[] {
	const known = new Set(log.flatMap((e) => (e.id ? [e.id] : [])));
	const fresh: UsageEvent[] = [];
	for (const e of events) {
		if (!isUsageEvent(e) || (e.id && known.has(e.id))) continue;
		if (e.id) known.add(e.id);
		fresh.push(e);
	}
	const all = [...log, ...fresh];
	return all.length > max ? all.slice(all.length - max) : all;
}

export function isUsageEvent(value: unknown): value is UsageEvent {
	if (!value || typeof value !== 'object') return false;
	const e = value as Record<string, unknown>;
	return (
		typeof e.at === 'number' &&
		Number.isFinite(e.at) &&
		typeof e.sop === 'string' &&
		/^[a-z0-9-]{1,100}$/.test(e.sop) &&
		(USAGE_KINDS as readonly unknown[]).includes(e.kind) &&
		(e.detail === undefined || (typeof e.detail === 'string' && e.detail.length <= 500)) &&
		(e.id === undefined || (typeof e.id === 'string' && /^[A-Za-z0-9_-]{8,40}$/.test(e.id)))
	);
}

export type UsageSummary = Record<string, Record<UsageKind, number>>;

/** Counts per SOP and kind, SOPs sorted by how often they were applied, then opened. */
export function summarize(log: readonly UsageEvent[]): UsageSummary {
	const summary: UsageSummary = {};
	for (const e of log) {
		summary[e.sop] ??= { suggested: 0, opened: 0, applied: 0, undone: 0, 'warning-dismissed': 0, dismissed: 0 };
		summary[e.sop]![e.kind]++;
	}
	const order = Object.entries(summary).sort(([a, x], [b, y]) => y.applied - x.applied || y.opened - x.opened || a.localeCompare(b));
	return Object.fromEntries(order);
}

/** The event names in the CSV, in Portuguese like the options page. */
export const CSV_EVENT_NAMES: Record<UsageKind, string> = {
	suggested: 'sugerido',
	opened: 'aberto',
	applied: 'aplicado',
	undone: 'desfeito',
	'warning-dismissed': 'avisos dispensados',
	dismissed: 'não é este',
};

/**
 * CSV for a pt-BR spreadsheet (Excel opens it with a double click): UTF-8 with a byte order mark, `;` between
 * cells (the comma is the decimal mark), CRLF lines, dates as `aaaa-mm-dd hh:mm:ss` in UTC. A cell that a
 * spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading apostrophe.
 */
export function toCsv(log: readonly UsageEvent[]): string {
	const cell = (value: string) => {
		const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
		return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
	};
	const when = (at: number) => new Date(at).toISOString().slice(0, 19).replace('T', ' ');
	const lines = ['data (UTC);sop;evento;detalhe', ...log.map((e) => [when(e.at), e.sop, CSV_EVENT_NAMES[e.kind], e.detail ?? ''].map(cell).join(';'))];
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
