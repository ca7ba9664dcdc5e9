import type { UsageSummary } from '../usage/usage-log.ts';

/**
 * Applications per SOP as horizontal bars. Each bar's label and number are text in the list, so a screen
 * reader reads "title: 3" and the picture adds nothing it must describe; the bars themselves are hidden.
 */
export function UsageBars({ summary, titleOf, label }: { summary: UsageSummary; titleOf(id: string): string; label: string }) {
	const entries = Object.entries(summary).map(([id, counts]) => [id, counts.applied] as const);
	const max = Math.max(1, ...entries.map(([, n]) => n));
	return (
		<figure class="bars">
			<figcaption>{label}</figcaption>
			<ul>
				{entries.map(([id, n]) => (
					<li key={id} data-bar={id}>
						<span class="bar-label">{titleOf(id)}</span>
						<span class="bar-track" aria-hidden="true">
							<span class="bar" style={{ width: `${(n / max) * 100}%` }} />
						</span>
						<span class="bar-value">{n}</span>
					</li>
				))}
			</ul>
		</figure>
	);
}
