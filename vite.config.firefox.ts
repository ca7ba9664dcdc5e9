// `npm run build:firefox`: the same extension as vite.config.ts, built for Firefox into dist-firefox/.
import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import { firefoxManifest } from './build/firefox-manifest.ts';
import chromeConfig, { manifest, sharedPlugins } from './vite.config.ts';
import { contentWatcher } from './build/content-watcher.ts';
import { popupPage, withoutPopup } from './build/popup-page.ts';

export default defineConfig({
	...chromeConfig,
	// Same plugins as the Chrome build; only crx gets the Firefox manifest and target.
	plugins: [...sharedPlugins(), crx({ manifest: withoutPopup(firefoxManifest(manifest)), browser: 'firefox' }), contentWatcher(), popupPage({ plugins: sharedPlugins })],
	build: { ...chromeConfig.build, outDir: 'dist-firefox' },
});
