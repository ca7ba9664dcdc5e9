/**
 * The part of `storage.local` this extension uses, so modules take it as a parameter and tests pass a
 * Map-backed fake instead of mocking a global.
 */
export interface StorageArea {
	get(keys: string | string[]): Promise<Record<string, unknown>>;
	set(items: Record<string, unknown>): Promise<void>;
	remove(keys: string | string[]): Promise<void>;
}

export interface StorageChange {
	oldValue?: unknown;
	newValue?: unknown;
}

/** `storage.onChanged` narrowed to what the content script and the options page listen to. */
export interface StorageEvents {
	addListener(listener: (changes: Record<string, StorageChange>, areaName: string) => void): void;
	removeListener(listener: (changes: Record<string, StorageChange>, areaName: string) => void): void;
}

/** Keys in `storage.local`; one place so no two features collide. */
export const KEYS = {
	installations: 'installations',
	importedSops: 'importedSops',
	mappings: 'mappings',
	/** The IT policy (`storage.managed`) as the background validated it; only the background writes it. */
	policy: 'managedPolicy',
	/** The agent's own settings (options page). */
	settings: 'settings',
	/** The bounded usage record; only the background writes it. */
	usageLog: 'usageLog',
} as const;
