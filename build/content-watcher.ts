/**
 * The content script that runs on every Qualitor page as ONE classic file without imports (issue 12
 * point 4): crxjs emits a content script as a loader plus ES modules (4 files before a form). This plugin,
 * run after crxjs in the same `vite build`:
 * 1. reads the manifest crxjs wrote and, through the loader it names, the overlay module's file
 *    (manifest.json lists src/content/overlay-entry.ts so that crxjs bundles it and makes its chunks
 *    web-accessible);
 * 2. bundles src/content/watcher.ts as an IIFE into `content/watcher.js`, with that file name inlined;
 * 3. points the manifest's content_scripts entry at it and deletes the now unused loader.
 * The manifest entry keeps its simple shape ({ matches, js: [one file], all_frames, run_at }).
 */
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { build, type Plugin } from 'vite';
import { WATCHER_FILE } from '../src/content/watcher-file.ts';

interface ContentScript {
	js?: string[];
}

export function contentWatcher(options: { entry?: string } = {}): Plugin {
	const entry = resolve(options.entry ?? 'src/content/watcher.ts');
	let outDir = 'dist';
	let target: string | string[] = 'es2022';
	return {
		name: 'sop-assist:content-watcher',
		apply: 'build',
		enforce: 'post',
		configResolved(config) {
			outDir = resolve(config.root, config.build.outDir);
			if (config.build.target) target = config.build.target as string | string[];
		},
		async writeBundle() {
			const manifestPath = join(outDir, 'manifest.json');
			const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
				content_scripts?: ContentScript[];
				web_accessible_resources?: { resources?: string[]; matches?: string[] }[];
			};
			const scripts = manifest.content_scripts ?? [];
			if (scripts.length !== 1 || scripts[0]!.js?.length !== 1) throw new Error('content-watcher: expected one content script with one file in the manifest');
			const loaderFile = scripts[0]!.js[0]!;
			const loader = await readFile(join(outDir, loaderFile), 'utf8');
			const overlayModule = /getURL\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/.exec(loader)?.[1];
			if (!overlayModule) throw new Error(`content-watcher: no module import found in the crxjs loader ${loaderFile}`);

			const result = await build({
				configFile: false,
				logLevel: 'warn',
				define: { __SOP_ASSIST_OVERLAY_MODULE__: JSON.stringify(overlayModule) },
				build: {
					write: false,
					target,
					minify: true,
					sourcemap: false,
					lib: { entry, formats: ['iife'], name: 'sopAssistWatcher', fileName: () => 'watcher.js' },
				},
			});
			const outputs = (Array.isArray(result) ? result : [result]) as { output: { type: string; code?: string; fileName: string }[] }[];
			const chunks = outputs.flatMap((o) => o.output).filter((o) => o.type === 'chunk');
			if (chunks.length !== 1) throw new Error(`content-watcher: expected one file, got ${chunks.map((c) => c.fileName).join(', ')}`);
			const code = chunks[0]!.code!;
			if (/^\s*import[\s{*"']|\bexport\s/m.test(code)) throw new Error('content-watcher: the watcher must be a classic script without imports or exports');

			await mkdir(dirname(join(outDir, WATCHER_FILE)), { recursive: true });
			await writeFile(join(outDir, WATCHER_FILE), code);
			scripts[0]!.js = [WATCHER_FILE];
			// The run-time registrations (self-hosted origins, granted one at a time) load the same module: its
			// chunks must be web-accessible there too, as crxjs made them when the background imported the script.
			for (const war of manifest.web_accessible_resources ?? []) {
				if (war.resources?.includes(overlayModule)) war.matches = ['http://*/*', 'https://*/*'];
			}
			await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
			await rm(join(outDir, loaderFile));
		},
	};
}
