import type { ResolvedPolicy } from '../storage/policy.ts';
import { t } from '../ui/i18n.ts';

/** Says the page is partly managed by IT, and what of the policy was refused (invalid packs, addresses). */
export function PolicyNotice({ policy }: { policy: ResolvedPolicy }) {
	const active = policy.installations.length || policy.sops.length || Object.keys(policy.mappings).length || policy.usageRecord !== undefined;
	if (!active && !policy.problems.length) return null;
	return (
		<section class="policy" aria-labelledby="policy-title" data-policy>
			<h2 id="policy-title">{t('optionsPolicyTitle')}</h2>
			<p>{t('optionsPolicyIntro')}</p>
			{policy.problems.length > 0 && (
				<div class="problems" role="alert" data-policy-problems>
					<p>{t('optionsPolicyProblems')}</p>
					<ul>
						{policy.problems.map((p) => (
							<li key={p}>
								<code>{p}</code>
							</li>
						))}
					</ul>
				</div>
			)}
		</section>
	);
}

/** The mark on every value the policy imposes. */
export function ManagedBadge() {
	return <span class="managed" data-managed>{t('optionsManaged')}</span>;
}
