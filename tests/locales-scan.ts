// Reads src/ the way a translator would need it read: which message keys the code asks for, and which
// words reach the screen without going through t(). Parsed (vite's oxc parser), not grepped, so JSX text
// split over lines, template literals and attribute values are all seen for what they are.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync, Visitor, type ESTree } from 'vite';

export const ROOT = join(import.meta.dirname, '..');

/** Files under `dir` (relative to the repo) whose names end in one of `exts`, as repo-relative paths. */
export function sourceFiles(dir: string, exts: readonly string[]): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
		if (entry.isFile() && exts.some((e) => entry.name.endsWith(e))) out.push(relative(ROOT, join(entry.parentPath, entry.name)));
	}
	return out.sort();
}

function parse(file: string, code = readFileSync(join(ROOT, file), 'utf8')): { program: ESTree.Program; line: (offset: number) => number } {
	const result = parseSync(file, code, { lang: file.endsWith('x') ? 'tsx' : 'ts' });
	if (result.errors.length) throw new Error(`${file}: ${result.errors.map((e) => e.message).join('; ')}`);
	return { program: result.program, line: (offset) => code.slice(0, offset).split('\n').length };
}

export interface MessageUse {
	file: string;
	line: number;
	/** The key, or null when it is not a string literal (the type MessageKey checks those). */
	key: string | null;
	/** Substitutions passed, or null when a spread makes the count unknowable. */
	substitutions: number | null;
}

/** Every `t(...)` call in `file` (t is the i18n helper of src/ui/i18n.ts). */
export function messageUses(file: string): MessageUse[] {
	const { program, line } = parse(file);
	const uses: MessageUse[] = [];
	new Visitor({
		CallExpression(call) {
			if (call.callee.type !== 'Identifier' || call.callee.name !== 't') return;
			const [first, ...rest] = call.arguments;
			uses.push({
				file,
				line: line(call.start),
				key: first?.type === 'Literal' && typeof first.value === 'string' ? first.value : null,
				substitutions: rest.some((a) => a.type === 'SpreadElement') ? null : rest.length,
			});
		},
	}).visit(program);
	return uses;
}

/** Attributes a person reads or hears (on elements, and on components that pass them on). */
export const USER_FACING_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);

export interface HardCoded {
	file: string;
	line: number;
	/** 'text' for JSX children, otherwise the attribute name. */
	where: string;
	text: string;
}

/** Words: any letter of any script. Symbols (←, ⇄, –, ✔, …), digits and punctuation pass. */
const HAS_LETTERS = /\p{L}/u;

/**
 * The literal text an expression can render: the branches of `a ? 'x' : 'y'`, `a || 'x'`, `'x' + a`,
 * the fixed parts of template literals. Calls (t(), formatters), names and members are data, not text.
 */
function renderedLiterals(node: ESTree.Node | null | undefined): { start: number; text: string }[] {
	if (!node) return [];
	switch (node.type) {
		case 'Literal':
			return typeof node.value === 'string' ? [{ start: node.start, text: node.value }] : [];
		case 'TemplateLiteral':
			return node.quasis.map((q) => ({ start: q.start, text: q.value.cooked ?? q.value.raw }));
		case 'ConditionalExpression':
			return [...renderedLiterals(node.consequent), ...renderedLiterals(node.alternate)];
		case 'LogicalExpression':
			return [...renderedLiterals(node.left), ...renderedLiterals(node.right)];
		case 'BinaryExpression':
			return node.operator === '+' ? [...renderedLiterals(node.left as ESTree.Node), ...renderedLiterals(node.right)] : [];
		case 'ParenthesizedExpression':
		case 'TSAsExpression':
		case 'TSNonNullExpression':
			return renderedLiterals(node.expression);
		default:
			return [];
	}
}

/**
 * Words in `file`'s JSX that do not come from t(): text children and user-facing attribute values.
 * `code` replaces the file's content (for testing the scanner on a sample).
 */
export function hardCodedStrings(file: string, code?: string): HardCoded[] {
	const { program, line } = parse(file, code);
	const found: HardCoded[] = [];
	const add = (where: string, start: number, text: string) => {
		const clean = text.replace(/\s+/g, ' ').trim();
		if (HAS_LETTERS.test(clean)) found.push({ file, line: line(start), where, text: clean });
	};
	const children = (nodes: ESTree.JSXChild[]) => {
		for (const child of nodes) {
			if (child.type === 'JSXText') add('text', child.start, child.value);
			else if (child.type === 'JSXExpressionContainer') for (const l of renderedLiterals(child.expression as ESTree.Node)) add('text', l.start, l.text);
		}
	};
	new Visitor({
		// Children are read from their element: a container under an attribute is that attribute's value.
		JSXElement: (node) => children(node.children),
		JSXFragment: (node) => children(node.children),
		JSXAttribute(node) {
			const name = node.name.type === 'JSXIdentifier' ? node.name.name : `${node.name.namespace.name}:${node.name.name.name}`;
			if (!USER_FACING_ATTRIBUTES.has(name) || !node.value) return;
			const literals = node.value.type === 'JSXExpressionContainer' ? renderedLiterals(node.value.expression as ESTree.Node) : renderedLiterals(node.value as ESTree.Node);
			for (const literal of literals) add(name, literal.start, literal.text);
		},
	}).visit(program);
	return found;
}
