import { KEYS, type StorageArea } from './area.ts';

/** What an agent chooses in the options page; the policy may override each value (precedence.ts). */
export interface LocalSettings {
	usageRecord: boolean;
}

export const DEFAULT_SETTINGS: LocalSettings = { usageRecord: true };

export async function readSettings(area: StorageArea): Promise<LocalSettings> {
	const { [KEYS.settings]: value } = await area.get(KEYS.settings);
	return toSettings(value);
}

export async function saveSettings(area: StorageArea, settings: LocalSettings): Promise<void> {
	await area.set({ [KEYS.settings]: settings });
}

export function toSettings(value: unknown): LocalSettings {
	const v = (value ?? {}) as Partial<Record<keyof LocalSettings, unknown>>;
	return { usageRecord: typeof v.usageRecord === 'boolean' ? v.usageRecord : DEFAULT_SETTINGS.usageRecord };
}
