import { KEYS, type StorageArea } from './area.ts';
import { withLock } from './lock.ts';

/** A self-hosted Qualitor the agent added in the options page. */
export interface Installation {
	/** Match pattern of its origin, e.g. `https://helpdesk.example.com/*`. */
	pattern: string;
	/** What the agent typed, to show it back. */
	url: string;
	added: string;
}

export async function readInstallations(area: StorageArea): Promise<Installation[]> {
	const { [KEYS.installations]: value } = await area.get(KEYS.installations);
	return Array.isArray(value) ? value.filter(isInstallation) : [];
}

export function saveInstallation(area: StorageArea, installation: Installation): Promise<Installation[]> {
	return withLock(KEYS.installations, async () => {
		const list = (await readInstallations(area)).filter((i) => i.pattern !== installation.pattern);
		list.push(installation);
		list.sort((a, b) => a.pattern.localeCompare(b.pattern));
		await area.set({ [KEYS.installations]: list });
		return list;
	});
}

export function removeInstallation(area: StorageArea, pattern: string): Promise<Installation[]> {
	return withLock(KEYS.installations, async () => {
		const list = (await readInstallations(area)).filter((i) => i.pattern !== pattern);
		await area.set({ [KEYS.installations]: list });
		return list;
	});
}

function isInstallation(value: unknown): value is Installation {
	const v = value as Partial<Installation> | null;
	return !!v && typeof v.pattern === 'string' && typeof v.url === 'string' && typeof v.added === 'string';
}
