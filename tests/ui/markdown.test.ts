// @vitest-environment jsdom
// SOP bodies are untrusted once imported: hostile Markdown must come out inert.
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../src/ui/markdown.ts';

const HOSTILE = [
	'# Procedimento',
	'<script>window.__pwned = 1; alert(1)</script>',
	'<img src=x onerror="window.__pwned = 2">',
	'![logo](https://evil.example/track.png "t")',
	'<style>body { display: none }</style>',
	'<p style="position:fixed;inset:0;background:red" onclick="alert(1)">capa</p>',
	'[clique](javascript:alert(1)) [outro](JaVaScRiPt:alert(1)) [dados](data:text/html,<script>alert(1)</script>) [vb](vbscript:msgbox)',
	'<a href="javascript:alert(1)">cru</a> <iframe src="https://evil.example"></iframe> <svg onload="alert(1)"></svg>',
	'[ajuda](https://ajuda.example.com/sei) e <https://autolink.example>',
	'<form action="https://evil.example"><input name=x></form>',
].join('\n\n');

function render(markdown: string): HTMLElement {
	const div = document.createElement('div');
	div.append(renderMarkdown(document, markdown));
	return div;
}

describe('renderMarkdown', () => {
	const out = render(HOSTILE);
	const all = [...out.querySelectorAll('*')];

	test('no script, style, img, iframe, svg, form or input element', () => {
		expect(out.querySelectorAll('script, style, img, iframe, svg, form, input, object, embed, link, meta')).toHaveLength(0);
	});
	test('no on* attribute and no style attribute anywhere', () => {
		for (const el of all) for (const attr of el.attributes) expect(attr.name).not.toMatch(/^on|^style$/i);
	});
	test('no javascript:, data: or vbscript: href; safe links open in a new tab without opener or referrer', () => {
		const links = [...out.querySelectorAll('a')];
		for (const a of links) {
			const href = a.getAttribute('href');
			if (href !== null) expect(href).toMatch(/^(https?:|mailto:|tel:)/);
		}
		const safe = links.filter((a) => a.hasAttribute('href'));
		expect(safe.map((a) => a.getAttribute('href'))).toEqual(['https://ajuda.example.com/sei', 'https://autolink.example']);
		for (const a of safe) {
			expect(a.getAttribute('target')).toBe('_blank');
			expect(a.getAttribute('rel')).toBe('noopener noreferrer');
		}
	});
	test('raw HTML is shown as text, images as their alt text', () => {
		expect(out.textContent).toContain('<script>window.__pwned = 1; alert(1)</script>');
		expect(out.textContent).toContain('[logo]');
		expect(out.querySelector('h1')?.textContent).toBe('Procedimento');
	});
	test('nothing ran while rendering', () => {
		expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
	});
	test('ordinary Markdown keeps its structure', () => {
		const md = render('1. um\n2. **dois**\n\n- a\n- `b`\n\n> nota\n\n```\ncódigo\n```');
		expect(md.innerHTML).toBe('<ol>\n<li>um</li>\n<li><strong>dois</strong></li>\n</ol>\n<ul>\n<li>a</li>\n<li><code>b</code></li>\n</ul>\n<blockquote>\n<p>nota</p>\n</blockquote>\n<pre><code>código\n</code></pre>');
	});
});
