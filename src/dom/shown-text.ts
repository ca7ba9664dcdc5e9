// The text a page shows in an element (a cell, a div), as a person reads it: line breaks for `<br>` and
// blocks, no scripts, no controls, nothing hidden, never the extension's own overlay. Works the same in a
// browser and in jsdom (which has no `innerText`).

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'select', 'option', 'textarea', 'input', 'button', 'iframe', 'object']);
const BLOCK = new Set(['div', 'p', 'tr', 'li', 'table', 'tbody', 'ul', 'ol', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote']);
/** A ticket's description is bounded by Qualitor (4,000 characters in the form); a page may hold more. */
const MAX_TEXT = 20_000;

/** The element's shown text: whitespace collapsed within lines, lines trimmed, empty lines dropped. */
export function shownText(element: Element, max = MAX_TEXT): string {
	let out = '';
	const walk = (node: Node): void => {
		for (const child of node.childNodes) {
			if (out.length > max) return;
			if (child.nodeType === 3) out += (child.nodeValue ?? '').replace(/\s+/g, ' ');
			else if (child.nodeType === 1) {
				const el = child as HTMLElement;
				if (SKIP.has(el.localName) || el.hasAttribute('data-sop-assist') || isHidden(el)) continue;
				if (el.localName === 'br') out += '\n';
				else if (BLOCK.has(el.localName)) {
					out += '\n';
					walk(el);
					out += '\n';
				} else if (el.localName === 'td' || el.localName === 'th') {
					walk(el);
					out += ' ';
				} else walk(el);
			}
		}
	};
	walk(element);
	return out
		.slice(0, max)
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '')
		.join('\n');
}

function isHidden(el: HTMLElement): boolean {
	if (el.hidden || el.style?.display === 'none' || el.style?.visibility === 'hidden') return true;
	const view = el.ownerDocument.defaultView;
	// In a browser the computed style too (a class can hide it); jsdom's is slow and knows no stylesheet rules that matter here.
	if (!view || typeof (el as { checkVisibility?: unknown }).checkVisibility !== 'function') return false;
	const style = view.getComputedStyle(el);
	return style.display === 'none' || style.visibility === 'hidden';
}
