import type { BundledLibrary, OptionsSection } from '../messages.ts';
import type { StorageArea } from '../storage/area.ts';
import type { HandlerTable } from './messages.ts';
import { clearUsage, recordUsage } from './usage-record.ts';

export interface HandlerDeps {
	local: StorageArea;
	library(): BundledLibrary;
	openOptions(section: OptionsSection): Promise<unknown>;
	unregister(pattern: string): Promise<void>;
	/** Settles when the policy has been read at this start of the worker: no usage event is judged before. */
	policyReady(): Promise<unknown>;
	/** Ids of every SOP the tabs can show (bundled, imported, managed). */
	knownSopIds(): Promise<ReadonlySet<string>>;
}

/** Usage events a tab may send: bursts of a busy form, not thousands (a forged flood filled the record in minutes). */
export const USAGE_RATE = { capacity: 200, perMinute: 120 } as const;
/** Options tabs a tab may open: the health badge clicked a few times, not 30 tabs. */
export const OPEN_OPTIONS_RATE = { capacity: 2, perMinute: 4 } as const;

/** Who may send each message, how often, and what answers it: the background's whole protocol surface. */
export function createHandlers(deps: HandlerDeps): HandlerTable {
	return {
		'sop-library': {
			from: ['qualitor-content-script'],
			handle: async () => deps.library(),
		},
		'open-options': {
			// The overlay's health badge; an extension page (popup, options) may ask too.
			from: ['qualitor-content-script', 'extension-page'],
			limit: OPEN_OPTIONS_RATE,
			// Opening our own options page, at a section from a closed list, is all it can cause.
			handle: async (m) => {
				await deps.openOptions(m.section);
				return { ok: true };
			},
		},
		'usage-events': {
			from: ['qualitor-content-script'],
			limit: USAGE_RATE,
			cost: (m) => m.events.length,
			handle: async (m, sender) => {
				await deps.policyReady();
				const known = await deps.knownSopIds();
				const events = m.events.filter((e) => known.has(e.sop));
				if (events.length < m.events.length) console.warn('[SOP Assist] usage events for unknown SOPs dropped:', m.events.length - events.length, sender.url);
				return recordUsage(deps.local, events);
			},
		},
		'usage-clear': {
			from: ['extension-page'],
			handle: () => clearUsage(deps.local),
		},
		'installation-removed': {
			// Registration changes come only from the extension's own pages, never from a script inside a website.
			// (A grant registers through permissions.onAdded, whoever asked for it: one path.)
			from: ['extension-page'],
			handle: async (m) => {
				await deps.unregister(m.pattern);
				return { ok: true };
			},
		},
	};
}
