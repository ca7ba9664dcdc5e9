// Issue 13.4: every parser of pasted text runs in linear time. "nome alternativo" followed by 250 KB of
// spaces took 79 s in one regular expression of dumps.ts; a run of "email=" or "othername:" labels was
// quadratic too. The check is structural: the same pattern at n and 4n characters (4n = the size limit)
// must cost about 4× more CPU time, not 16×. It fails only when the input at the limit is both over the
// 100 ms budget *and* scales worse than 8×, so a loaded machine does not make a linear parser fail, while a
// quadratic one (79 s at the limit, 16× per 4×) always does. The figures are printed by `npm run bench -- cert`.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decode } from '../../src/cert/decode.ts';
import { MAX_INPUT } from '../../src/cert/input.ts';
import { ADVERSARIAL } from './helpers/adversarial.ts';

const BUDGET_MS = 100;
const MAX_RATIO = 8;

/**
 * The work done, in milliseconds of this process's CPU time (user + system), best of `runs`: unlike the
 * wall clock it does not grow while other processes hold the CPU, so a loaded machine does not blur the ratio.
 */
function cost(run: () => unknown, runs = 3): number {
	let best = Infinity;
	for (let i = 0; i < runs; i++) {
		const start = process.cpuUsage();
		run();
		const used = process.cpuUsage(start);
		best = Math.min(best, (used.user + used.system) / 1000);
	}
	return best;
}

interface Scaling {
	small: number;
	large: number;
	ratio: number;
	linear: boolean;
}

/** Cost of `work` on the text made with `q` and `4q` repetitions. */
function scaling(make: (repeat: number) => string, q: number, work: (text: string) => unknown): Scaling {
	const smallText = make(q);
	const largeText = make(4 * q);
	work(smallText); // warm-up: compile the code paths before timing them
	const small = cost(() => work(smallText));
	const large = cost(() => work(largeText));
	const ratio = large / Math.max(small, 0.05);
	return { small, large, ratio, linear: large <= BUDGET_MS || ratio <= MAX_RATIO };
}

const describeScaling = (s: Scaling) => `${s.small.toFixed(1)} ms → ${s.large.toFixed(1)} ms (×${s.ratio.toFixed(1)})`;

describe('the check can fail', () => {
	test('the regular expression that hung the popup is caught by the same check', () => {
		// The label pattern dumps.ts used before issue 13 (two neighbouring quantifiers over the same spaces).
		const old = /(?:outro\s+nome|other\s+name|nome\s+alternativo[^\n:]*|subject\s+alternative\s+name[^\n:]*)\s*:/gi;
		const make = (repeat: number) => `2.16.76.1.3.6=nome alternativo${' '.repeat(repeat)}`;
		const quadratic = scaling(make, 4096, (text) => text.replace(old, ' '));
		expect(quadratic.linear, describeScaling(quadratic)).toBe(false);
		// Positive control on the same input: today's decoder.
		const today = scaling(make, 4096, decode);
		expect(today.linear, describeScaling(today)).toBe(true);
	});
});

describe('adversarial pastes up to the size limit', () => {
	test.each(ADVERSARIAL.map((a) => [a.name, a] as const))('%s', (_name, pattern) => {
		const q = Math.floor(pattern.repeatsIn(MAX_INPUT) / 4);
		const largest = pattern.make(4 * q);
		expect(largest.length).toBeLessThanOrEqual(MAX_INPUT);
		expect(largest.length).toBeGreaterThan(MAX_INPUT * 0.9);
		const result = scaling(pattern.make, q, decode);
		expect(result.linear, describeScaling(result)).toBe(true);
	});

	test('random mixes of labels, OIDs, separators and hex', () => {
		const token = fc.constantFrom(
			' ', '   ', '\t', '\n', '\r\n', '\r', ',', ', ', ':', '::', '=', '.', '@', '-', '0x',
			'Outro Nome', 'Other Name', 'nome alternativo', 'Nome Alternativo para o Requerente', 'Subject Alternative Name',
			'Nome Principal', 'Nome DNS', 'Nome RFC822', 'e-mail', 'email', 'othername', 'DNS',
			'2.16.76.1.3.6', '2.16.76.1.3.1', 'OID.2.16.76.1.3.7', '1.3.6.1.4.1.311.20.2.3', '0.1.2.3',
			'04', '0c', '13', '31', '3', 'ff', 'a0', '30 82', 'zz', 'QUJD', '-----BEGIN CERTIFICATE-----', '-----END CERTIFICATE-----', '<unsupported>',
		);
		fc.assert(
			fc.property(fc.array(token, { minLength: 1, maxLength: 5 }), fc.array(token, { maxLength: 3 }), (unitParts, prefixParts) => {
				const unit = unitParts.join('');
				const prefix = prefixParts.join('');
				const make = (repeat: number) => prefix + unit.repeat(repeat);
				const q = Math.floor((MAX_INPUT - prefix.length) / unit.length / 4);
				const result = scaling(make, q, decode);
				expect(result.linear, `${JSON.stringify(prefix)} + ${JSON.stringify(unit)} × n: ${describeScaling(result)}`).toBe(true);
			}),
			{ numRuns: 25, seed: 1304 },
		);
	});
});
