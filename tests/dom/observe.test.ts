// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { observe } from '../../src/dom/observe.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('observe', () => {
	test('reports an element that appears later, once per batch, and forgets it when removed', async () => {
		document.body.innerHTML = '';
		let finds = 0;
		const seen: Array<string | null> = [];
		const controller = new AbortController();
		observe(
			document.body,
			() => {
				finds++;
				return document.getElementById('dschamado');
			},
			(found) => seen.push(found?.id ?? null),
			{ signal: controller.signal, batch: 'microtask' },
		);
		expect(finds).toBe(1);
		for (let i = 0; i < 50; i++) document.body.append(document.createElement('div'));
		const form = document.createElement('textarea');
		form.id = 'dschamado';
		document.body.append(form);
		await tick();
		expect(finds).toBe(2); // 51 mutations, one look
		expect(seen).toEqual(['dschamado']);
		form.remove();
		await tick();
		expect(seen).toEqual(['dschamado', null]);
		controller.abort();
		document.body.append(form);
		await tick();
		expect(seen).toEqual(['dschamado', null]);
	});
});
