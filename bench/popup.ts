/**
 * How fast the CEI decoder popup opens, in real Chromium on a production build (`npm run bench -- popup`).
 *
 * "Interactive" is the popup's own `popup-ready` mark: set by the App's first effect, which Preact runs after
 * the first render has been painted (a frame, then a task), read as its time since the page's navigation
 * start. Goal: <= 100 ms over warm opens (the same tab navigated to the popup again). The first open of a
 * fresh browser (cold) is reported apart; `decoder-ready` (the lazy decoder chunk loaded) is a side figure.
 *
 * The machine's load moves these figures by tens of ms, so a figure is only worth something beside another
 * build measured in the same run: `npm run bench -- popup --baseline=main` builds that git ref too (into
 * .tmp/) and alternates the opens of both builds, each in its own browser, the order swapped every round.
 * `--floor` adds a third arm: this build with the popup page replaced by an empty one that sets both marks
 * at the same point (after a frame, then a task): what any extension page costs on this machine right now.
 * `--runs=N` (default 3) fresh browsers per build, each opened 1 (cold) + `--opens=N` (default 11) times.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { launchExtension, type LaunchedExtension } from '../tests/e2e/harness.ts';
import { percentile } from './stats.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(repoRoot, '.tmp/bench-popup-dist');
const BASELINE = resolve(repoRoot, '.tmp/bench-popup-baseline');
const FLOOR = resolve(repoRoot, '.tmp/bench-popup-floor');

interface Build {
	label: string;
	dir: string;
}

interface Open {
	ready: number;
	decoder: number;
}

const option = (name: string): string | undefined =>
	process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

/** The working tree's build: EXTENSION_DIR when given, else a fresh `vite build` into .tmp/. */
async function ours(): Promise<Build> {
	if (process.env.EXTENSION_DIR) return { label: 'this build', dir: resolve(process.env.EXTENSION_DIR) };
	await build({ root: repoRoot, logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true } });
	return { label: 'this build', dir: OUT };
}

/** A git ref's tree, exported beside the working tree and built with this checkout's node_modules. */
function baseline(ref: string): Build {
	const src = join(BASELINE, 'src');
	const out = join(BASELINE, 'dist');
	rmSync(BASELINE, { recursive: true, force: true });
	mkdirSync(src, { recursive: true });
	const commit = execFileSync('git', ['rev-parse', '--short', ref], { cwd: repoRoot, encoding: 'utf8' }).trim();
	execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${src}"`], { cwd: repoRoot });
	symlinkSync(join(repoRoot, 'node_modules'), join(src, 'node_modules'), 'dir');
	execFileSync(join(repoRoot, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn', '--outDir', out], { cwd: src, stdio: 'inherit' });
	return { label: commit.startsWith(ref) ? commit : `${ref} (${commit})`, dir: out };
}

/** A copy of `of` whose popup page is empty but for one word and the two marks. */
function floor(of: Build): Build {
	rmSync(FLOOR, { recursive: true, force: true });
	cpSync(of.dir, FLOOR, { recursive: true });
	writeFileSync(
		join(FLOOR, 'src/popup/index.html'),
		'<!doctype html>\n<html lang="pt-BR">\n<head>\n<meta charset="utf-8" />\n<title>empty</title>\n<script type="module" src="/floor.js"></script>\n</head>\n<body>\n<div id="app"></div>\n</body>\n</html>\n',
	);
	writeFileSync(
		join(FLOOR, 'floor.js'),
		"document.getElementById('app').textContent = 'CEI';\nrequestAnimationFrame(() => setTimeout(() => (performance.mark('popup-ready'), performance.mark('decoder-ready'))));\n",
	);
	return { label: 'empty page (floor)', dir: FLOOR };
}

async function open(page: Page, extensionId: string): Promise<Open> {
	await page.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
	await page.waitForFunction(() => performance.getEntriesByName('popup-ready').length > 0 && performance.getEntriesByName('decoder-ready').length > 0);
	const [ready, decoder] = await page.evaluate(() => [
		performance.getEntriesByName('popup-ready')[0]!.startTime,
		performance.getEntriesByName('decoder-ready')[0]!.startTime,
	]);
	return { ready: ready!, decoder: decoder! };
}

/** Every file the popup page loads at once (its HTML's scripts, styles and their static imports), gzip -9. */
export function popupFiles(dist: string): { eager: { file: string; raw: number; gzip: number }[] } {
	const seen = new Set<string>();
	const visit = (file: string) => {
		if (seen.has(file) || !existsSync(join(dist, file))) return;
		seen.add(file);
		const text = readFileSync(join(dist, file), 'utf8');
		const refs = file.endsWith('.html')
			? [...text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
			: [...text.matchAll(/(?:^|[;}\s])import\s*(?:[\w${},\s*]+from\s*)?["'`]\.\/([^"'`]+\.js)["'`]/g)].map((m) => join(dirname(file), m[1]!));
		refs.forEach(visit);
	};
	visit('src/popup/index.html');
	return {
		eager: [...seen].map((file) => {
			const content = readFileSync(join(dist, file));
			return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
		}),
	};
}

const ms = (x: number) => `${x.toFixed(0)} ms`;

export async function benchPopup(): Promise<void> {
	const runs = Number(option('runs') ?? 3);
	const opens = Number(option('opens') ?? 11);
	const ref = option('baseline');
	const mine = await ours();
	const builds = [mine, ...(ref ? [baseline(ref)] : []), ...(process.argv.includes('--floor') ? [floor(mine)] : [])];
	for (const b of builds.slice(0, ref ? 2 : 1)) {
		const files = popupFiles(b.dir).eager;
		const kb = (n: number) => (n / 1024).toFixed(1);
		console.log(`${b.label}: loaded at once by the popup page: ${files.length} files, ${kb(files.reduce((s, f) => s + f.raw, 0))} KB, ${kb(files.reduce((s, f) => s + f.gzip, 0))} KB gzip (${files.map((f) => f.file.replace(/^assets\//, '')).join(', ')})`);
	}
	const warm = builds.map(() => [] as Open[]);
	const cold = builds.map(() => [] as Open[]);
	const load: number[] = [loadavg()[0]!];
	for (let run = 0; run < runs; run++) {
		const launched: LaunchedExtension[] = [];
		try {
			for (const b of builds) launched.push(await launchExtension({ extensionDir: b.dir }));
			const pages = await Promise.all(launched.map((l) => l.context.newPage()));
			for (let i = 0; i <= opens; i++) {
				// Rotated every round, so no build always opens right after another.
				const order = builds.map((_, k) => k);
				for (let r = 0; r < (i + run) % builds.length; r++) order.push(order.shift()!);
				for (const k of order) {
					const o = await open(pages[k]!, launched[k]!.extensionId);
					(i === 0 ? cold : warm)[k]!.push(o);
				}
			}
		} finally {
			for (const l of launched) await l.close();
		}
		load.push(loadavg()[0]!);
	}
	console.log(`\n${runs} fresh browser(s) per build, 1 cold + ${opens} warm opens each, alternated; load average (1 min) ${load.map((l) => l.toFixed(1)).join(' → ')}:`);
	builds.forEach((b, k) => {
		const r = warm[k]!.map((o) => o.ready);
		const d = warm[k]!.map((o) => o.decoder);
		console.log(`  ${b.label.padEnd(22)} interactive (goal <= 100 ms): median ${ms(percentile(r, 50))}, p95 ${ms(percentile(r, 95))}, best ${ms(Math.min(...r))} over ${r.length} warm opens; cold ${cold[k]!.map((o) => ms(o.ready)).join(', ')}; decoder ready median ${ms(percentile(d, 50))}`);
	});
	if (ref) {
		const [a, b] = warm.map((w) => percentile(w.map((o) => o.ready), 50));
		console.log(`  median ${builds[0]!.label} / ${builds[1]!.label}: ${(a! / b!).toFixed(2)}x`);
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchPopup();
