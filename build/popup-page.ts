/**
 * The CEI decoder popup as ONE module script with its styles inline in the page. Built by crxjs, the popup
 * loaded five files before it could render (its entry, a shared Preact chunk, the modulepreload polyfill,
 * the preload helper and a stylesheet): the parser's preload of each and their fetches cost more than the
 * popup's own work, and far more on a loaded machine (bench/popup.ts). This plugin, run after crxjs in the
 * same `vite build`:
 * 1. bundles `src/popup/main.tsx` on its own (with the given plugins: Preact, the SOP library): an entry
 *    holding everything the first render needs, and lazy chunks (the decoder and the result's views, the
 *    SOP library, the messaging polyfill) that import Preact from it;
 * 2. writes `src/popup/index.html` from the source page, with the entry's script and the CSS in a
 *    `<style>` (the extension pages' CSP restricts scripts only);
 * 3. puts `action.default_popup` back into the manifest crxjs wrote: crxjs is given the manifest without it
 *    (`withoutPopup`), so it neither builds the popup nor shares chunks with it.
 * Preact is therefore in the package twice (the popup's entry and crxjs's shared chunk): ≈ 14 KB on disk.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { build, type Plugin, type PluginOption } from 'vite';

/** The popup page, in the source tree and (at the same path) in the build. */
export const POPUP_PAGE = 'src/popup/index.html';
/** Where the popup's scripts go in the build. */
const POPUP_DIR = 'popup';

interface WithAction {
	action?: { default_popup?: string; [key: string]: unknown };
}

/** The manifest crxjs gets: the same, without the popup page, which `popupPage()` builds. */
export function withoutPopup<M>(manifest: M): M {
	const { action } = manifest as WithAction;
	if (action?.default_popup !== POPUP_PAGE) throw new Error(`popup-page: expected action.default_popup to be ${POPUP_PAGE}`);
	const { default_popup: _built, ...rest } = action;
	return { ...manifest, action: rest };
}

export function popupPage(options: { plugins: () => PluginOption[] }): Plugin {
	let root = process.cwd();
	let outDir = 'dist';
	let target: string | string[] = 'es2022';
	return {
		name: 'sop-assist:popup-page',
		apply: 'build',
		enforce: 'post',
		configResolved(config) {
			root = config.root;
			outDir = resolve(config.root, config.build.outDir);
			if (config.build.target) target = config.build.target as string | string[];
		},
		// Sequential: the content-watcher plugin rewrites manifest.json in the same hook.
		writeBundle: { sequential: true, order: 'post', async handler() {
			const source = await readFile(join(root, POPUP_PAGE), 'utf8');
			const tag = /\n?[ \t]*<script type="module" src="\.\/([^"]+)"><\/script>/.exec(source);
			if (!tag) throw new Error(`popup-page: no <script type="module" src="./…"> in ${POPUP_PAGE}`);
			const result = await build({
				configFile: false,
				root,
				logLevel: 'warn',
				plugins: options.plugins(),
				build: {
					write: false,
					target,
					minify: true,
					sourcemap: false,
					// Chromium and Firefox load modules natively; the lazy chunks import only what the entry has.
					modulePreload: false,
					cssCodeSplit: false,
					rollupOptions: {
						input: join(root, dirname(POPUP_PAGE), tag[1]!),
						output: {
							format: 'es',
							entryFileNames: `${POPUP_DIR}/[name]-[hash].js`,
							chunkFileNames: `${POPUP_DIR}/[name]-[hash].js`,
							assetFileNames: `${POPUP_DIR}/[name]-[hash][extname]`,
						},
					},
				},
			});
			const outputs = (Array.isArray(result) ? result : [result]) as {
				output: ({ type: 'chunk'; fileName: string; code: string; isEntry: boolean } | { type: 'asset'; fileName: string; source: string | Uint8Array })[];
			}[];
			let entry: string | undefined;
			let css = '';
			for (const file of outputs.flatMap((o) => o.output)) {
				if (file.type === 'chunk') {
					await mkdir(dirname(join(outDir, file.fileName)), { recursive: true });
					await writeFile(join(outDir, file.fileName), file.code);
					if (file.isEntry) entry = file.fileName;
				} else if (file.fileName.endsWith('.css')) {
					css += typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
				} else {
					throw new Error(`popup-page: unexpected asset ${file.fileName} (fonts or images belong inline or in public/)`);
				}
			}
			if (!entry) throw new Error('popup-page: the build produced no entry');
			// Vite's marker comments (/*$vite$:1*/) mean nothing in a page.
			css = css.replace(/\/\*\$vite\$:[^*]*\*\//g, '').trim();
			if (/<\/style/i.test(css)) throw new Error('popup-page: the CSS contains "</style"');
			const page = source.replace(tag[0], '').replace('</head>', `\t<style>${css}</style>\n\t\t<script type="module" src="/${entry}"></script>\n\t</head>`);
			await mkdir(dirname(join(outDir, POPUP_PAGE)), { recursive: true });
			await writeFile(join(outDir, POPUP_PAGE), page);

			const manifestPath = join(outDir, 'manifest.json');
			const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as WithAction;
			manifest.action = { ...manifest.action, default_popup: POPUP_PAGE };
			await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
		} },
	};
}
