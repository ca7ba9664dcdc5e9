import { KEYS, type StorageArea } from './area.ts';
import { withLock } from './lock.ts';

/**
 * How one Qualitor installation differs from what the SOPs say, keyed by origin
 * (`https://helpdesk.example.com`, `https://acme.qualitorsoftware.com`).
 */
export interface Mapping {
	/** SOP category, tipo or prioridade name → this installation's name ("Cartão" → "Cartão inteligente"). */
	names: Record<string, string>;
	/** More label words by field key or additional-field label (`LocateOptions.labelAliases`). */
	labelAliases: Record<string, string[]>;
	/** An element id or CSS selector by field key or additional-field label (`LocateOptions.overrides`). */
	overrides: Record<string, string>;
}

export type Mappings = Record<string, Mapping>;

export const emptyMapping = (): Mapping => ({ names: {}, labelAliases: {}, overrides: {} });

export async function readMappings(area: StorageArea): Promise<Mappings> {
	const { [KEYS.mappings]: value } = await area.get(KEYS.mappings);
	return toMappings(value);
}

export function saveMapping(area: StorageArea, origin: string, mapping: Mapping): Promise<void> {
	return withLock(KEYS.mappings, async () => {
		const all = await readMappings(area);
		all[origin] = mapping;
		await area.set({ [KEYS.mappings]: all });
	});
}

/** Storage content is read defensively: a malformed entry becomes empty rather than breaking a page. */
export function toMappings(value: unknown): Mappings {
	const out: Mappings = {};
	if (!value || typeof value !== 'object') return out;
	for (const [origin, raw] of Object.entries(value as Record<string, unknown>)) {
		const m = (raw ?? {}) as Partial<Record<keyof Mapping, unknown>>;
		out[origin] = {
			names: stringRecord(m.names),
			overrides: stringRecord(m.overrides),
			labelAliases: Object.fromEntries(
				Object.entries(m.labelAliases && typeof m.labelAliases === 'object' ? m.labelAliases : {}).flatMap(([k, v]) =>
					Array.isArray(v) ? [[k, v.filter((x): x is string => typeof x === 'string')]] : [],
				),
			),
		};
	}
	return out;
}

function stringRecord(value: unknown): Record<string, string> {
	if (!value || typeof value !== 'object') return {};
	return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
