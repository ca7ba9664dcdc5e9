import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import sourceManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { sopLibrary } from './build/sop-library-plugin.ts';
import { contentWatcher } from './build/content-watcher.ts';
import { popupPage, withoutPopup } from './build/popup-page.ts';

/** manifest.json with the one version number of the project, package.json's (also in file names and update.xml). */
export const manifest = { ...sourceManifest, version: pkg.version };

/** Every plugin but crx, which takes the browser's manifest; the Firefox config uses the same. */
export const sharedPlugins = () => [sopLibrary({ dir: 'sops' }), preact()];

export default defineConfig({
	// The popup is built apart, as one script (build/popup-page.ts).
	plugins: [...sharedPlugins(), crx({ manifest: withoutPopup(manifest) }), contentWatcher(), popupPage({ plugins: sharedPlugins })],
	build: {
		target: 'es2022',
		minify: true,
		sourcemap: false,
		emptyOutDir: true,
	},
});
