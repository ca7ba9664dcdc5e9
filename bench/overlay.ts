/**
 * The overlay's cost on Qualitor pages, measured on a production build in real Chromium:
 * - bytes evaluated before a ticket form is found (goal: <= 5 KB gzip) and bytes loaded once one is;
 * - page load with no extension / a no-op extension (one empty content script) / ours, alternated in one
 *   run (goal: ours / no-op <= 1.02x);
 * - the apply's own work, excluding the waits for Qualitor's AJAX loads (goal: <= 50 ms).
 * The popup's opening is bench/popup.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_PATH, launchExtension } from '../tests/e2e/harness.ts';
import { startQualitorServer, PATHS } from '../tests/fixtures/server.ts';
import { overlay } from '../tests/e2e/overlay-driver.ts';
import { percentile } from './stats.ts';

const OUT = resolve('.tmp/bench-dist');
const ROUNDS = 40;
const APPLIES = 10;

export { pageLoad };

export async function benchOverlay(): Promise<void> {
	await build({ logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true } });
	printScriptBytes();
	const server = await startQualitorServer({ defaultDelayMs: [100, 100] });
	try {
		await pageLoad(server.url(PATHS.dashboard));
		await applyWork(server.url(`${PATHS.ticketForm}?delay=100`));
	} finally {
		await server.close();
	}
}

/**
 * Follows static imports from the manifest's content script; a dynamic import() (the watcher's
 * `import(runtime.getURL(...))` of the overlay module once a form appears) marks the lazy part.
 */
function printScriptBytes(): void {
	const manifest = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[] }[] };
	const eager = new Set<string>();
	const lazy = new Set<string>();
	const visit = (file: string, into: Set<string>) => {
		if (eager.has(file) || into.has(file)) return;
		into.add(file);
		const code = readFileSync(join(OUT, file), 'utf8');
		for (const m of code.matchAll(/(?:^|[;\s])import\s*(?:[\w${},\s*]+from\s*)?["'`]([^"'`]+\.js)["'`]/g)) visit(join(dirname(file), m[1]!), into);
		for (const m of code.matchAll(/import\(\s*(?:\/\*[\s\S]*?\*\/\s*)?(?:[\w.]*getURL\(\s*)?["'`]([^"'`]+\.js)["'`]/g)) {
			const target = m[1]!.startsWith('.') ? join(dirname(file), m[1]!) : m[1]!;
			visit(target, lazy);
		}
		// Static import statements of a module chunk and the __vite__mapDeps preload list of its lazy chunks.
		for (const m of code.matchAll(/["'`](assets\/[^"'`]+\.js)["'`]/g)) if (into === lazy) visit(m[1]!, lazy);
	};
	visit(manifest.content_scripts[0]!.js[0]!, eager);
	const gz = (files: Set<string>) => [...files].reduce((sum, f) => sum + gzipSync(readFileSync(join(OUT, f))).length, 0);
	const raw = (files: Set<string>) => [...files].reduce((sum, f) => sum + readFileSync(join(OUT, f)).length, 0);
	for (const f of eager) lazy.delete(f);
	console.log('content script, before a ticket form is found (goal <= 5 KB gzip):');
	console.log(`  ${raw(eager)} bytes (${(gz(eager) / 1024).toFixed(2)} KB gzip) in ${eager.size} file(s): ${[...eager].join(', ')}`);
	console.log('loaded once a form is found (overlay, Preact, SOPs, search index):');
	console.log(`  ${(gz(lazy) / 1024).toFixed(1)} KB gzip (${(raw(lazy) / 1024).toFixed(1)} KB raw) in ${lazy.size} files`);
}

/** An extension that does nothing but inject one empty content script on the same pages: the physical limit. */
async function noopExtension(): Promise<{ dir: string; remove(): Promise<void> }> {
	const dir = await mkdtemp(join(tmpdir(), 'sop-bench-noop-'));
	const ours = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8')) as { content_scripts: { matches: string[] }[] };
	const manifest = {
		manifest_version: 3,
		name: 'no-op',
		version: '1.0.0',
		background: { service_worker: 'worker.js' },
		content_scripts: [{ matches: ours.content_scripts[0]!.matches, js: ['empty.js'], all_frames: true, run_at: 'document_idle' }],
	};
	writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
	writeFileSync(join(dir, 'empty.js'), '');
	writeFileSync(join(dir, 'worker.js'), '');
	return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

async function plainContext(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
	const dir = await mkdtemp(join(tmpdir(), 'sop-bench-plain-'));
	const context = await chromium.launchPersistentContext(dir, {
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP *.qualitorsoftware.com 127.0.0.1'],
	});
	return { context, close: async () => (await context.close(), await rm(dir, { recursive: true, force: true })) };
}

type Arm = 'none' | 'noop' | 'ours';

/**
 * Navigation duration (start to the load event's end, plus the idle time after it when content scripts
 * run) of a Qualitor page without a form: no extension / a no-op extension with one empty content script /
 * ours, in three browsers alternated in one run (the order rotates every round).
 */
async function pageLoad(url: string, extensionDir = OUT): Promise<void> {
	const noop = await noopExtension();
	const ours = await launchExtension({ extensionDir });
	const noopExt = await launchExtension({ extensionDir: noop.dir });
	const none = await plainContext();
	try {
		const pages: Record<Arm, import('playwright-core').Page> = {
			none: await none.context.newPage(),
			noop: await noopExt.context.newPage(),
			ours: await ours.context.newPage(),
		};
		const times: Record<Arm, number[]> = { none: [], noop: [], ours: [] };
		const load = async (arm: Arm) => {
			const page = pages[arm];
			await page.goto(url, { waitUntil: 'load' });
			// Idle time also counts: the content script runs at document_idle, after the load event.
			await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
			const nav = await page.evaluate(() => {
				const e = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
				return e.loadEventEnd - e.startTime;
			});
			times[arm].push(nav);
		};
		const arms: Arm[] = ['none', 'noop', 'ours'];
		for (let i = 0; i < 3; i++) for (const arm of arms) await load(arm).catch(() => undefined);
		for (const arm of arms) times[arm].length = 0;
		for (let i = 0; i < ROUNDS; i++) {
			for (let k = 0; k < arms.length; k++) await load(arms[(i + k) % arms.length]!);
		}
		const median = (xs: number[]) => percentile(xs, 50);
		const line = (label: string, arm: Arm) =>
			console.log(`  ${label.padEnd(34)} median ${median(times[arm]).toFixed(1)} ms, p90 ${percentile(times[arm], 90).toFixed(1)} ms`);
		console.log(`page load of a Qualitor page without a form, ${ROUNDS} rounds, three browsers alternated:`);
		line('no extension:', 'none');
		line('no-op extension (empty script):', 'noop');
		line('SOP Assist:', 'ours');
		console.log(`  ours / no-op (goal <= 1.02):        ${(median(times.ours) / median(times.noop)).toFixed(3)}x`);
		console.log(`  ours / no extension:                ${(median(times.ours) / median(times.none)).toFixed(3)}x`);
		console.log(`  no-op / no extension:               ${(median(times.noop) / median(times.none)).toFixed(3)}x`);
	} finally {
		await ours.close();
		await noopExt.close();
		await none.close();
		await noop.remove();
	}
}

/** Applies a SOP with four category levels and nine fields; reads the work time the overlay reports. */
async function applyWork(url: string): Promise<void> {
	const ext = await launchExtension({ extensionDir: OUT });
	const work: number[] = [];
	const total: number[] = [];
	try {
		const page = await ext.context.newPage();
		for (let i = 0; i < APPLIES; i++) {
			await page.goto(url);
			await page.fill('#dschamado', 'token em branco no safesign');
			await page.locator('#dschamado').dispatchEvent('input');
			const o = overlay(page);
			await o.locator('[data-sop-id="token-em-branco"]').click();
			for (const [name, value] of Object.entries({ telefone1: '(51) 99999-1111', telefone2: '(51) 3333-2222', email: 'a@b.com.br' })) {
				await o.locator(`input[name="${name}"]`).fill(value);
			}
			const t0 = performance.now();
			await o.locator('[data-action="apply"]').click();
			const report = o.locator('.report[data-work-ms]');
			await report.waitFor({ state: 'attached', timeout: 30_000 });
			total.push(performance.now() - t0);
			work.push(Number(await report.getAttribute('data-work-ms')));
		}
	} finally {
		await ext.close();
	}
	console.log(`apply of token-em-branco (tipo + 3 categorias + prioridade + 9 fields), ${APPLIES} runs, fixture AJAX 100 ms per load:`);
	console.log(`  extension's own work (goal <= 50 ms): median ${percentile(work, 50).toFixed(1)} ms, max ${Math.max(...work).toFixed(1)} ms`);
	console.log(`  click to report, Qualitor's loads included: median ${percentile(total, 50).toFixed(0)} ms`);
}
