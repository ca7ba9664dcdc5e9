// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { waitFor } from '../../src/dom/wait.ts';

describe('waitFor', () => {
	test('resolves at once when the condition already holds', async () => {
		document.body.innerHTML = '<p id="x">x</p>';
		const result = await waitFor(() => document.getElementById('x'));
		expect(result).toMatchObject({ ok: true, waitedMs: 0 });
	});

	test('notices a DOM change without waiting for the poll', async () => {
		document.body.innerHTML = '';
		setTimeout(() => document.body.append(Object.assign(document.createElement('p'), { id: 'later' })), 10);
		const started = performance.now();
		const result = await waitFor(() => document.getElementById('later'), { pollMs: 10_000, timeoutMs: 2000 });
		expect(result.ok && result.value.id).toBe('later');
		expect(performance.now() - started).toBeLessThan(1000);
	});

	test('polls for changes an observer cannot see', async () => {
		let flag = false;
		setTimeout(() => (flag = true), 20);
		const result = await waitFor(() => flag, { pollMs: 10, timeoutMs: 1000 });
		expect(result.ok).toBe(true);
	});

	test('times out with a clear message, bounded', async () => {
		const started = performance.now();
		const result = await waitFor(() => null, { timeoutMs: 60, what: 'a Categoria 2' });
		expect(result).toMatchObject({ ok: false, reason: 'timeout' });
		expect(!result.ok && result.message).toBe('Tempo esgotado (0.1 s) esperando a Categoria 2.');
		expect(performance.now() - started).toBeLessThan(1000);
	});

	test('stops when the signal aborts', async () => {
		const controller = new AbortController();
		setTimeout(() => controller.abort(), 10);
		const result = await waitFor(() => null, { timeoutMs: 5000, signal: controller.signal });
		expect(result).toMatchObject({ ok: false, reason: 'aborted' });
	});

	test('treats a throwing condition as not yet, and says why on timeout', async () => {
		const result = await waitFor(
			() => {
				throw new Error('boom');
			},
			{ timeoutMs: 30 },
		);
		expect(!result.ok && result.message).toContain('boom');
	});
});
