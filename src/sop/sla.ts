import type { SlaEntry } from './types.ts';

export interface SlaStatus {
	entry: SlaEntry;
	due: Date;
	/** Milliseconds left; negative once overdue. */
	remainingMs: number;
	overdue: boolean;
}

export function slaStatus(entries: readonly SlaEntry[], openedAt: Date, now: Date): SlaStatus[] {
	return entries.map((entry) => {
		const due = new Date(openedAt.getTime() + entry.minutes * 60_000);
		const remainingMs = due.getTime() - now.getTime();
		return { entry, due, remainingMs, overdue: remainingMs < 0 };
	});
}

/** `23:59:07`, `1d 02:00:00`, `-00:05:00` for overdue. */
export function formatRemaining(ms: number): string {
	const sign = ms < 0 ? '-' : '';
	let s = Math.floor(Math.abs(ms) / 1000);
	const d = Math.floor(s / 86_400);
	s -= d * 86_400;
	const pad = (n: number) => String(n).padStart(2, '0');
	const hms = `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
	return `${sign}${d ? `${d}d ` : ''}${hms}`;
}

/** `24 h`, `2 h`, `15 min`, `1 h 30 min`, as the SOPs state deadlines. */
export function formatDeadline(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ') || '0 min';
}

/** Our deadlines to the client (counted down) apart from third parties' (information only). */
export function splitByOwner(entries: readonly SlaEntry[]): { ours: SlaEntry[]; theirs: SlaEntry[] } {
	return { ours: entries.filter((e) => !e.thirdParty), theirs: entries.filter((e) => e.thirdParty) };
}
