// `npm run build:firefox`: the same extension as vite.config.ts, built for Firefox into dist-firefox/.
import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import { firefoxManifest } from './build/firefox-manifest.ts';
import chromeConfig, { manifest, sharedPlugins } from './vite.config.ts';
import { contentWatcher } from './build/content-watcher.ts';

export default defineConfig({
	...chromeConfig,
	// Same plugins as the Chrome build; only crx gets the Firefox manifest and target.
	plugins: [...sharedPlugins(), crx({ manifest: firefoxManifest(manifest), browser: 'firefox' }), contentWatcher()],
	build: { ...chromeConfig.build, outDir: 'dist-firefox' },
});
