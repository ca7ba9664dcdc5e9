import { micromark } from 'micromark';

/**
 * SOP bodies come from imported files, i.e. untrusted. micromark with its default options escapes raw
 * HTML and drops `javascript:`/`data:`/`vbscript:` link targets; on top of that the result is parsed in an
 * inert <template> (no script runs, no image loads) and copied through an allowlist, so a future option
 * change or parser bug cannot reach the page. Images become their alt text: a SOP must not make the
 * agent's browser fetch anything.
 */
const ELEMENTS = new Set([
	'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'a', 'em', 'strong', 'code', 'pre', 'blockquote', 'hr', 'br',
]);
const SAFE_URL = /^(?:https?:|mailto:|tel:)/i;

export function renderMarkdown(doc: Document, markdown: string): DocumentFragment {
	const template = doc.createElement('template');
	template.innerHTML = micromark(markdown);
	const out = doc.createDocumentFragment();
	copyChildren(doc, template.content, out);
	return out;
}

function copyChildren(doc: Document, from: Node, to: Node): void {
	for (const node of from.childNodes) {
		if (node.nodeType === 3) to.appendChild(doc.createTextNode(node.nodeValue ?? ''));
		else if (node.nodeType === 1) copyElement(doc, node as Element, to);
	}
}

function copyElement(doc: Document, element: Element, to: Node): void {
	const name = element.localName;
	if (name === 'img') {
		const alt = element.getAttribute('alt');
		if (alt) to.appendChild(doc.createTextNode(`[${alt}]`));
		return;
	}
	if (!ELEMENTS.has(name)) {
		// Unknown markup keeps its text (never its tags or attributes).
		copyChildren(doc, element, to);
		return;
	}
	const copy = doc.createElement(name);
	if (name === 'a') {
		const href = element.getAttribute('href') ?? '';
		if (SAFE_URL.test(href.trim())) {
			copy.setAttribute('href', href.trim());
			copy.setAttribute('target', '_blank');
			copy.setAttribute('rel', 'noopener noreferrer');
		}
	} else if (name === 'ol') {
		const start = element.getAttribute('start');
		if (start && /^\d{1,6}$/.test(start)) copy.setAttribute('start', start);
	}
	copyChildren(doc, element, copy);
	to.appendChild(copy);
}
