// `npm run build:firefox`: the same extension as vite.config.ts, built for Firefox into dist-firefox/.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import { sopLibrary } from './build/sop-library-plugin.ts';
import { firefoxManifest } from './build/firefox-manifest.ts';
import chromeConfig from './vite.config.ts';

export default defineConfig({
	...chromeConfig,
	// Same plugins as the Chrome build; only crx gets the Firefox manifest and target.
	plugins: [sopLibrary({ dir: 'sops' }), preact(), crx({ manifest: firefoxManifest(manifest), browser: 'firefox' })],
	build: { ...chromeConfig.build, outDir: 'dist-firefox' },
});
