import { useEffect, useState } from 'preact/hooks';
import { KEYS, type StorageChange } from '../storage/area.ts';
import { EMPTY_POLICY, readResolvedPolicy, toResolvedPolicy, type ResolvedPolicy } from '../storage/policy.ts';
import { local, storageEvents } from './storage.ts';

/** The IT policy as the background stored it, kept current: IT may push a change while the page is open. */
export function usePolicy(): ResolvedPolicy {
	const [policy, setPolicy] = useState<ResolvedPolicy>(EMPTY_POLICY);
	useEffect(() => {
		void readResolvedPolicy(local).then(setPolicy);
		const onChanged = (changes: Record<string, StorageChange>, area: string) => {
			if (area === 'local' && KEYS.policy in changes) setPolicy(toResolvedPolicy(changes[KEYS.policy]!.newValue));
		};
		storageEvents.addListener(onChanged);
		return () => storageEvents.removeListener(onChanged);
	}, []);
	return policy;
}
