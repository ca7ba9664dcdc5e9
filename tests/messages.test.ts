// The form diagnostic's messages in the one protocol: every field checked, nothing extra, bounded.
import { describe, expect, test } from 'vitest';
import { isMessage, type FrameDiagnostic } from '../src/messages.ts';

const FRAME: FrameDiagnostic = { state: 'missing', mode: 'new', found: 10, expected: 12, missing: ['Título', 'Categoria 1'], controls: 40, frames: 0, loading: 1 };

describe('form-diagnostic messages', () => {
	test('probe: a scan id only', () => {
		expect(isMessage({ type: 'form-diagnostic-probe', scan: '0b6f4a52-6d1c-4b8e-9d0e-3f1a2b3c4d5e' }, 'form-diagnostic-probe')).toBe(true);
		for (const scan of [undefined, 'short', 'x'.repeat(65), 'with space!', 12345678, '<script>']) {
			expect(isMessage({ type: 'form-diagnostic-probe', scan }, 'form-diagnostic-probe')).toBe(false);
		}
		expect(isMessage({ type: 'form-diagnostic-probe', scan: 'scan-0001', url: 'x' }, 'form-diagnostic-probe')).toBe(false);
	});

	test('report: every field of the frame checked; the state and the mode agree', () => {
		const ok = (frame: unknown) => isMessage({ type: 'form-diagnostic-report', scan: 'scan-0001', frame }, 'form-diagnostic-report');
		expect(ok(FRAME)).toBe(true);
		expect(ok({ ...FRAME, state: 'no-form', mode: null, found: 0, expected: 0, missing: [] })).toBe(true);
		for (const frame of [
			{ ...FRAME, state: 'broken' },
			{ ...FRAME, state: 'no-form' }, // a mode without a form
			{ ...FRAME, mode: null }, // a form without a mode
			{ ...FRAME, found: 13 }, // more found than expected
			{ ...FRAME, found: -1 },
			{ ...FRAME, found: 1.5 },
			{ ...FRAME, controls: 1e300 },
			{ ...FRAME, missing: 'Título' },
			{ ...FRAME, missing: ['x'.repeat(101)] },
			{ ...FRAME, missing: ['linha\nquebrada'] },
			{ ...FRAME, missing: Array.from({ length: 51 }, () => 'Título') },
			{ ...FRAME, value: 'Cliente Fulano' }, // nothing beyond the listed fields
			[FRAME],
			null,
		]) {
			expect(ok(frame), JSON.stringify(frame)).toBe(false);
		}
		expect(isMessage({ type: 'form-diagnostic-report', scan: 'scan-0001', frame: FRAME, extra: 1 }, 'form-diagnostic-report')).toBe(false);
	});

	test('form-diagnostic: no fields', () => {
		expect(isMessage({ type: 'form-diagnostic' }, 'form-diagnostic')).toBe(true);
		expect(isMessage({ type: 'form-diagnostic', selector: 'input' }, 'form-diagnostic')).toBe(false);
	});
});
