import type { Hint, Suggestion } from '../sop/search.ts';

// How `sops match` shows a ranking: the same evidence the overlay shows.

const LEVEL = { provavel: 'provável', possivel: 'possível' } as const;

/** What the overlay shows, in the same words: the level, why (situation parts), the matched words. */
export function formatSuggestion(s: Suggestion, i: number): string {
	const why = [s.why.objeto.length ? `objeto: ${s.why.objeto.join(', ')}` : '', s.why.estado.length ? `estado: ${s.why.estado.join(', ')}` : '']
		.filter(Boolean)
		.join('; ');
	return `  ${i + 1}. ${s.id.padEnd(24)} ${LEVEL[s.level].padEnd(9)} ${s.title}\n     ${why ? `situação: ${why}\n     ` : ''}matched: ${s.matched.join(', ') || '-'}  (score ${s.score.toFixed(3)})`;
}

export function formatHint(h: Hint): string {
	return `  ! ${h.id}: ${h.text}  (near miss: "${h.matched}")`;
}
