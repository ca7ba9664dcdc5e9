import { useEffect, useState } from 'preact/hooks';
import type { StorageChange } from '../storage/area.ts';
import { EMPTY_POLICY, isPolicyKey, readResolvedPolicy, type ResolvedPolicy } from '../storage/policy.ts';
import { local, storageEvents } from './storage.ts';

/** The IT policy as the background stored it, kept current: IT may push a change while the page is open. */
export function usePolicy(): ResolvedPolicy {
	const [policy, setPolicy] = useState<ResolvedPolicy>(EMPTY_POLICY);
	useEffect(() => {
		void readResolvedPolicy(local).then(setPolicy);
		const onChanged = (changes: Record<string, StorageChange>, area: string) => {
			// Stored in several keys (policy.ts): read again whole when any of them changes.
			if (area === 'local' && Object.keys(changes).some(isPolicyKey)) void readResolvedPolicy(local).then(setPolicy);
		};
		storageEvents.addListener(onChanged);
		return () => storageEvents.removeListener(onChanged);
	}, []);
	return policy;
}
