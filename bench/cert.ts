/**
 * Figures for the CEI decoder: decode time of every sample certificate (dump and certificate forms), how fast
 * junk is refused, and the popup's gzip size in a built extension. Prints only; called by bench/run.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { decode } from '../src/cert/decode.ts';
import { MAX_INPUT } from '../src/cert/input.ts';
import { ADVERSARIAL } from '../tests/cert/helpers/adversarial.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The repository's sample certificates (scripts/make-icp-fixtures.ts). */
const vectorsDir = resolve(repoRoot, 'tests/fixtures/icp');

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function measure(input: string | Uint8Array, runs: number): { median: number; p95: number; ok: boolean } {
	for (let i = 0; i < Math.min(50, runs); i++) decode(input); // let the JIT settle first
	const times: number[] = [];
	let ok = false;
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		ok = decode(input).ok;
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return { median: percentile(times, 50), p95: percentile(times, 95), ok };
}

const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
const line = (label: string, r: { median: number; p95: number; ok: boolean }) =>
	console.log(`${label.padEnd(44)} median ${fmt(r.median).padStart(10)}   p95 ${fmt(r.p95).padStart(10)}   ${r.ok ? 'decoded' : 'rejected'}`);

function samples(): [string, string | Uint8Array][] {
	if (!existsSync(join(vectorsDir, 'expected.json'))) return [];
	const names = Object.keys(JSON.parse(readFileSync(join(vectorsDir, 'expected.json'), 'utf8')) as object);
	return names.flatMap((name): [string, string | Uint8Array][] => [
		[`${name} (Windows text)`, readFileSync(join(vectorsDir, `${name}.windows.txt`), 'utf8')],
		[`${name} (DER)`, new Uint8Array(readFileSync(join(vectorsDir, `${name}.der`)))],
		[`${name} (PEM)`, readFileSync(join(vectorsDir, `${name}.pem`), 'utf8')],
	]);
}

function junk(): [string, string | Uint8Array][] {
	const MB = 1024 * 1024;
	let seed = 42;
	const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
	const bytes = Uint8Array.from({ length: MB }, () => Math.floor(rand() * 256));
	const der = bytes.slice();
	der.set([0x30, 0x83, 0x0f, 0xff, 0xf0]);
	const text = Array.from({ length: MB }, () => String.fromCharCode(32 + Math.floor(rand() * 95))).join('');
	return [
		['1 MB random bytes', bytes],
		['1 MB random bytes starting like DER', der],
		['1 MB random printable text', text],
		['1 MB hex-looking text', '31 '.repeat(MB / 3)],
		['250 KB of OID=value lines (under the size limit)', '2.16.76.1.3.6=zz\n'.repeat(15_000)],
		['250 KB of odd hex (under the size limit)', '3'.repeat(250 * 1024 - 1)],
		['250 KB unterminated PEM (under the size limit)', `-----BEGIN CERTIFICATE-----\n${'A'.repeat(250 * 1024)}`],
	];
}

/**
 * Issue 13.4: texts built to make a backtracking parser slow, at the size limit (256 KB), and at a quarter of
 * it: linear parsing costs ~4× more for 4× the text, a quadratic one ~16×. Budget: 100 ms at the limit.
 */
function adversarial(): void {
	console.log(`\nAdversarial pastes at the size limit (${MAX_INPUT / 1024} KB; best and median of 5; budget 100 ms; ×: cost of 4× the text):`);
	let worst = { name: '', ms: 0 };
	for (const pattern of ADVERSARIAL) {
		const q = Math.floor(pattern.repeatsIn(MAX_INPUT) / 4);
		const large = pattern.make(4 * q);
		const small = pattern.make(q);
		decode(small);
		const timesOf = (text: string) => Array.from({ length: 5 }, () => {
			const start = performance.now();
			decode(text);
			return performance.now() - start;
		}).sort((a, b) => a - b);
		const l = timesOf(large);
		const s = timesOf(small);
		const median = l[2]!;
		if (median > worst.ms) worst = { name: pattern.name, ms: median };
		console.log(`  ${pattern.name.padEnd(52)} best ${fmt(l[0]!).padStart(10)}  median ${fmt(median).padStart(10)}  ×${(l[0]! / Math.max(s[0]!, 0.01)).toFixed(1)}`);
	}
	console.log(`  worst case: ${worst.name} — median ${fmt(worst.ms)} (before issue 13: "nome alternativo" + spaces took 78,920 ms, + tabs 138,125 ms)`);
}

/** Every file the popup page loads, statically or later through dynamic imports, with gzip sizes. */
function popupBundle(dist: string): { file: string; raw: number; gzip: number }[] | null {
	const html = join(dist, 'src/popup/index.html');
	if (!existsSync(html)) return null;
	const seen = new Set<string>(['src/popup/index.html']);
	const queue = ['src/popup/index.html'];
	while (queue.length) {
		const file = queue.shift()!;
		const text = readFileSync(join(dist, file), 'utf8');
		for (const m of text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"|["'`]\.\/([^"'`]+\.(?:js|css))["'`]/g)) {
			const path = m[1] ?? join(dirname(file), m[2]!);
			if (!seen.has(path) && existsSync(join(dist, path))) {
				seen.add(path);
				queue.push(path);
			}
		}
	}
	return [...seen].map((file) => {
		const content = readFileSync(join(dist, file));
		return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
	});
}

export async function benchCert(): Promise<void> {
	console.log('Decode time per input (1,000 runs after warm-up):');
	for (const [label, input] of [...samples(), ['SOP bare hex "31 32 33 34 35 36 37"', '31 32 33 34 35 36 37'] as [string, string]]) line(label, measure(input, 1000));
	console.log('\nRejection of junk (30 runs; budget 50 ms):');
	for (const [label, input] of junk()) line(label, measure(input, 30));
	adversarial();

	const dist = resolve(repoRoot, process.env.EXTENSION_DIR ?? 'dist');
	const bundle = popupBundle(dist);
	if (!bundle) {
		console.log(`\nPopup bundle: no build at ${dist} (run \`npm run build\` or set EXTENSION_DIR).`);
		return;
	}
	console.log(`\nPopup bundle in ${dist} (gzip -9, every file the popup loads, lazy chunks included; budget 60 KB):`);
	for (const f of bundle) console.log(`  ${f.file.padEnd(48)} ${(f.raw / 1024).toFixed(1).padStart(7)} KB  gzip ${(f.gzip / 1024).toFixed(1).padStart(6)} KB`);
	const total = bundle.reduce((s, f) => s + f.gzip, 0);
	console.log(`  ${'total'.padEnd(48)} ${(bundle.reduce((s, f) => s + f.raw, 0) / 1024).toFixed(1).padStart(7)} KB  gzip ${(total / 1024).toFixed(1).padStart(6)} KB`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchCert();
