// Form skeletons: what "Copiar diagnóstico do formulário" copies holds no client data, and every stored
// skeleton (tests/fixtures/skeletons/, added with `npm run fixture -- add`) becomes a form a SOP applies on.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applySop } from '../../src/qualitor/apply.ts';
import { findTicketForm } from '../../src/qualitor/detect.ts';
import { formSkeleton, type FormSkeleton } from '../../src/qualitor/skeleton.ts';
import { PATHS, startQualitorServer, type QualitorServer } from '../fixtures/server.ts';
import { checkSkeleton, SKELETON_DIR } from '../fixtures/skeletons/store.ts';
import { PREFILL, TICKETS } from '../fixtures/qualitor/tickets.ts';

interface Page {
	window: Window & typeof globalThis;
}
const jsdomModule = 'jsdom';
let JSDOM: { fromURL(url: string, options: Record<string, unknown>): Promise<Page>; new (html: string): Page };
let server: QualitorServer;
const windows: Page[] = [];

beforeAll(async () => {
	({ JSDOM } = (await import(/* @vite-ignore */ jsdomModule)) as { JSDOM: typeof JSDOM });
	server = await startQualitorServer({ defaultDelayMs: [5, 10] });
});
afterAll(async () => {
	windows.forEach((w) => w.window.close());
	await server.close();
});

async function open(query: string): Promise<Document> {
	const dom = await JSDOM.fromURL(server.loopbackUrl(`${PATHS.ticketForm}${query}`), { runScripts: 'dangerously', resources: 'usable', pretendToBeVisual: true });
	windows.push(dom);
	if (dom.window.document.readyState !== 'complete') await new Promise((r) => dom.window.addEventListener('load', r));
	return dom.window.document;
}

describe('formSkeleton', () => {
	test.each([
		['classic-new-ticket', '?prefill=1', [PREFILL.titulo, PREFILL.descricao.slice(0, 20), 'Cartório Exemplo']],
		['existing-ticket-editor', '?cdchamado=73553&editor=1', [TICKETS[73553]!.titulo, TICKETS[73553]!.descricao.slice(0, 20), TICKETS[73553]!.cliente]],
	])('%s: shape, labels and options, and none of the ticket\'s data', async (name, query, data) => {
		const doc = await open(query);
		const skeleton = formSkeleton(doc);
		const json = JSON.stringify(skeleton);
		// Positive control: the data is on the page...
		expect(doc.body.innerHTML + [...doc.querySelectorAll<HTMLInputElement>('input, textarea')].map((e) => e.value).join('\n')).toContain(data[0]);
		// ...and not in the skeleton.
		for (const text of data) expect(json).not.toContain(text);
		expect(checkSkeleton(skeleton)).toEqual([]);
		expect(skeleton.mode).toBe(query.includes('cdchamado') ? 'edit' : 'new');
		const tipo = skeleton.controls.find((c) => /^cdtipochamado/.test(c.id));
		expect(tipo?.options).toContain('Suporte Técnico');
		expect(skeleton.handlers).toEqual(expect.arrayContaining(['selectCategory', 'maximumLength']));
		const descricao = skeleton.controls.find((c) => /^dschamado/.test(c.id) && c.tag === 'textarea');
		expect(descricao).toMatchObject({ label: 'Descrição', required: true });
		if (process.env.UPDATE_SKELETONS) writeFileSync(join(SKELETON_DIR, `${name}.json`), `${JSON.stringify(skeleton, null, '\t')}\n`);
	}, 30_000);
});

/** A page built from a skeleton: each visible control with its label where the skeleton says it sat. */
function pageFrom(skeleton: FormSkeleton): Document {
	const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>');
	windows.push(dom);
	const doc = dom.window.document;
	const rows: string[] = [];
	const esc = (t: string) => t.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
	for (const c of skeleton.controls) {
		if (!c.visible || ['button', 'hidden', 'submit'].includes(c.type) || c.tag === 'button') continue;
		const attrs = `id="${esc(c.id)}" name="${esc(c.name)}"${c.readOnly ? ' readonly' : ''}`;
		const control =
			c.tag === 'select'
				? `<select ${attrs}>${(c.options ?? []).map((o) => `<option>${esc(o)}</option>`).join('')}</select>`
				: c.tag === 'textarea'
					? `<textarea ${attrs}></textarea>`
					: `<input type="${esc(c.type || 'text')}" ${attrs}>`;
		const label = `${esc(c.label)}${c.required ? '*' : ''}`;
		if (c.labelAt === 'row-above') rows.push(`<tr><td>${label}</td></tr><tr><td>${control}</td></tr>`);
		else if (c.labelAt === 'for') rows.push(`<tr><td><label for="${esc(c.id)}">${label}</label></td><td>${control}</td></tr>`);
		else rows.push(`<tr><td class="LABEL">${label} :</td><td>${control}</td></tr>`);
	}
	doc.body.innerHTML = `<form><table>${rows.join('')}</table></form>`;
	return doc;
}

describe('every stored skeleton', () => {
	const files = readdirSync(SKELETON_DIR).filter((f) => f.endsWith('.json'));
	test('there are skeletons (the two built from the evidence at least)', () => {
		expect(files.length).toBeGreaterThanOrEqual(2);
	});
	test.each(files)('%s: valid, and a SOP applies on the form it describes', async (file) => {
		const skeleton = JSON.parse(readFileSync(join(SKELETON_DIR, file), 'utf8')) as FormSkeleton;
		expect(checkSkeleton(skeleton)).toEqual([]);
		const doc = pageFrom(skeleton);
		expect(findTicketForm(doc)?.mode).toBe(skeleton.mode);
		const report = await applySop(doc, { fields: { descricao: 'Texto do SOP.' }, adicionais: {} }, { quietMs: 20 });
		expect(report.notDone).toEqual([]);
		const descricao = [...doc.querySelectorAll('textarea')].find((t) => /^dschamado/.test(t.id));
		expect(descricao?.value).toBe('Texto do SOP.');
	}, 30_000);
});
