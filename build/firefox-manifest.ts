// Firefox reads the same manifest.json with three differences, applied here so there is one source.
import type { ManifestV3Export } from '@crxjs/vite-plugin';

type Manifest = Exclude<ManifestV3Export, Promise<unknown> | ((...args: never[]) => unknown)>;

/** The add-on id: Firefox keys storage and permissions by it, so it must never change once published. */
export const GECKO_ID = 'sop-assist@qualitor-sop-assist.example';
/**
 * 140 is the ESR line agents' machines get; it is also the first version with
 * `data_collection_permissions`, the built-in consent Firefox asks new add-ons to declare.
 */
export const GECKO_MIN_VERSION = '140.0';

export const GECKO_ANDROID_MIN_VERSION = '142.0';

interface ChromeBackground {
	service_worker?: string;
	type?: 'module';
}

/** manifest.json as Firefox wants it: event page instead of service worker, a gecko id, no Chrome-only keys. */
export function firefoxManifest(chrome: Manifest): Manifest {
	const { minimum_chrome_version: _chromeOnly, background, ...rest } = chrome as Manifest & { background?: ChromeBackground };
	if (!background?.service_worker) throw new Error('manifest.json: background.service_worker is missing');
	return {
		...rest,
		// Firefox MV3 has no extension service workers; crxjs turns `scripts` into its module loader.
		background: { scripts: [background.service_worker], type: 'module' },
		browser_specific_settings: {
			gecko: {
				id: GECKO_ID,
				strict_min_version: GECKO_MIN_VERSION,
				// Nothing leaves the machine (tests/e2e/no-network.test.ts), so there is nothing to consent to.
				data_collection_permissions: { required: ['none'] },
			},
			// Not an Android add-on (agents work on desktops); stated anyway so the minimum is true everywhere:
			// Firefox for Android reads data_collection_permissions only from 142 (web-ext lint warns otherwise).
			gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
		},
	} as Manifest;
}
