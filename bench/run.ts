/**
 * `npm run bench [-- section...]`: prints benchmark figures (no assertions). Sections run in order; name
 * some to run only those, e.g. `npm run bench -- search` (diagnostic sections run only when named). New sections (overlay / content-script size, ...)
 * are one more entry in SECTIONS.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Section {
	name: string;
	description: string;
	run: () => Promise<void>;
	/** Run only when named (slow or diagnostic sections). */
	onlyWhenNamed?: boolean;
}

const SECTIONS: Section[] = [
	{
		name: 'search',
		description: 'SOP search vs Fuse.js at 100 / 1,000 / 10,000 SOPs',
		run: async () => (await import('./search.ts')).benchSearch(),
	},
	{
		name: 'quality',
		description: 'top-1 / top-3 / silent on the evaluation sets: ours beside MiniSearch with a tuned threshold',
		run: async () => (await import('./quality.ts')).benchQuality(),
	},
	{
		name: 'engines',
		description: 'our SOP index vs the MiniSearch engine it replaced, 1,000 / 10,000 SOPs',
		run: async () => (await import('./engines.ts')).benchEngines(),
	},
	{
		name: 'overlay',
		description: 'content-script bytes before a form, page load with vs without the extension, apply work (real Chromium)',
		run: async () => (await import('./overlay.ts')).benchOverlay(),
	},
	{
		name: 'popup',
		description: 'CEI popup: interactive after navigation start, warm and cold (real Chromium); --baseline=<git ref> measures that build beside it',
		run: async () => (await import('./popup.ts')).benchPopup(),
	},
	{
		name: 'late-fields',
		description: 'additional fields: SOP text written after the last field appears, at several AJAX speeds, one field missing (jsdom)',
		run: async () => (await import('./late-fields.ts')).benchLateFields(),
	},
	{
		name: 'cert',
		description: 'certificate / CEI decoder (bench/cert.ts, when present)',
		run: async () => {
			// Written by another engineer: optional, loaded only if the file exists and exports benchCert.
			const file = fileURLToPath(new URL('./cert.ts', import.meta.url));
			if (!existsSync(file)) return console.log('skipped: bench/cert.ts does not exist yet.');
			const mod = (await import(/* @vite-ignore */ './cert.ts' as string)) as { benchCert?: unknown };
			if (typeof mod.benchCert !== 'function') return console.log('skipped: bench/cert.ts does not export benchCert().');
			await (mod.benchCert as () => unknown)();
		},
	},
];

async function main(argv: string[]): Promise<number> {
	const wanted = argv.filter((a) => !a.startsWith('-'));
	if (argv.includes('--help') || argv.includes('-h')) {
		console.log(`Usage: npm run bench [-- section...]\n\nSections:\n${SECTIONS.map((s) => `  ${s.name.padEnd(10)} ${s.description}`).join('\n')}`);
		return 0;
	}
	const unknown = wanted.filter((w) => !SECTIONS.some((s) => s.name === w));
	if (unknown.length) {
		console.error(`Unknown section(s): ${unknown.join(', ')}. Known: ${SECTIONS.map((s) => s.name).join(', ')}.`);
		return 2;
	}
	const selected = wanted.length ? SECTIONS.filter((s) => wanted.includes(s.name)) : SECTIONS.filter((s) => !s.onlyWhenNamed);
	const started = performance.now();
	for (const section of selected) {
		console.log(`\n=== ${section.name}: ${section.description} ===`);
		const t0 = performance.now();
		await section.run();
		console.log(`(${section.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
	}
	console.log(`\nbench done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	return 0;
}

process.exitCode = await main(process.argv.slice(2));
