// @vitest-environment jsdom
// The suggestion chips: the words that matched are highlighted one by one; the ", " between them is not.
import { render } from 'preact';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { SuggestionList } from '../../../src/content/ui/Suggestions.tsx';

let root: HTMLElement;
beforeEach(() => {
	root = document.createElement('div');
	document.body.append(root);
});
afterEach(() => {
	render(null, root);
	root.remove();
});

const marks = (selector: string) => [...root.querySelectorAll(`${selector} mark`)].map((m) => m.textContent);

test('situation parts and matched words: each <mark> holds one word; the separators stand between the marks', () => {
	const items = [
		{ id: 'a', title: 'A', level: 'provavel' as const, why: { objeto: ['token', 'SafeSign'], estado: ['em branco'] } },
		{ id: 'b', title: 'B', matched: ['certificado', 'cei'] },
	];
	render(<SuggestionList items={items} label="Sugestões" onOpen={() => {}} />, root);
	expect(marks('[data-sop-id="a"] .why')).toEqual(['token', 'SafeSign', 'em branco']);
	expect(marks('[data-sop-id="b"] .matched')).toEqual(['certificado', 'cei']);
	// The text still reads with commas between the words (what a screen reader hears).
	expect(root.querySelector('[data-sop-id="a"] .why')!.textContent).toMatch(/token, SafeSign, em branco$/);
	expect(root.querySelector('[data-sop-id="b"] .matched')!.textContent).toMatch(/certificado, cei$/);
});
