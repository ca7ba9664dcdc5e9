// @vitest-environment jsdom
// The read view of an existing ticket, as the fixture Qualitor renders it (read-only controls, or title and
// description as text by id or by label only): the overlay's text reader gets the ticket's own text, never
// the help menu's or another ticket's. Each "not read" beside the read that must happen on the same page.
import { resolve } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { readSopDir } from '../../src/cli/read-sops.ts';
import { readTicketText, watchTicketText } from '../../src/content/ticket-text.ts';
import { findTicketForm } from '../../src/qualitor/detect.ts';
import { readViewText } from '../../src/qualitor/read-view.ts';
import { buildLibrary } from '../../src/sop/library.ts';
import { buildIndex, rank } from '../../src/sop/search.ts';
import { OTHER_TICKET, renderTicketForm, type ReadViewText } from '../fixtures/qualitor/ticket-form.ts';
import { TICKETS } from '../fixtures/qualitor/tickets.ts';
import { repoRoot } from '../helpers/shared.ts';

const TICKET = TICKETS[73553]!;
const index = buildIndex(buildLibrary(readSopDir(resolve(repoRoot, 'sops'), repoRoot)).sops);
const suggested = (text: string) => rank(index, text).suggestions.map((s) => s.id);

/** The fixture's read view (its `<body>`), in this jsdom document. */
function showReadView(texto?: ReadViewText): void {
	const { html } = renderTicketForm({ tenant: 'demo', prefill: false, cdchamado: TICKET.cdchamado, ...(texto ? { texto } : {}), now: new Date() });
	document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)![1]!;
}

beforeEach(() => document.body.replaceChildren());

describe('the read view shows the ticket in controls or as text', () => {
	test.each([
		['read-only controls', undefined],
		['text on #nmtitulochamado and #label_dschamado', 'ids'],
		['text beside labels only (row above, label element above its wrapper)', 'rotulos'],
	] as const)('%s: title and description are read, and suggest the ticket\'s SOP', (_, texto) => {
		showReadView(texto);
		expect(findTicketForm(document)?.mode).toBe('read');
		expect(document.getElementById('dschamado') === null).toBe(texto !== undefined);
		const text = readTicketText(document, { mode: 'read' });
		expect(text).toBe(`${TICKET.titulo}\n${TICKET.descricao}`);
		expect(suggested(text)[0]).toBe('token-em-branco');
	});

	test('the help menu and the related tickets\' grid are not read, though their text would suggest another SOP', () => {
		// Positive control: what those parts say suggests "Suporte ao SEI" ...
		expect(suggested(`${OTHER_TICKET.titulo}\n${OTHER_TICKET.descricao}`)).toContain('suporte-sei');
		for (const texto of [undefined, 'ids', 'rotulos'] as const) {
			showReadView(texto);
			// ... and they are on the page, visible, beside labels named Título and Descrição.
			expect(document.body.textContent).toContain(OTHER_TICKET.descricao);
			const text = readTicketText(document, { mode: 'read' });
			expect(text).toContain(TICKET.titulo);
			expect(text).not.toMatch(/SEI/);
			expect(suggested(text)).not.toContain('suporte-sei');
		}
	});
});

describe('readViewText', () => {
	test('the overlay\'s own host is never part of the text, even inside the value', () => {
		showReadView('ids');
		const host = document.createElement('div');
		host.setAttribute('data-sop-assist', '');
		host.textContent = 'Suporte ao SEI: gestores do SEI';
		document.getElementById('label_dschamado')!.append(host);
		expect(document.getElementById('label_dschamado')!.textContent).toContain('SEI');
		expect(readViewText(document, 'descricao')).toBe(TICKET.descricao);
	});

	test('a label_dschamado that only names the field is a caption, not the description; the label\'s value is read then', () => {
		document.body.innerHTML = `<form id="frmChamado"><input type="button" id="btnNextEtapa" value="Próxima etapa"><span id="label_dtchamado">10/12/2019 - 13:21</span>
<table><tr><td>Descrição :</td><td><span id="label_dschamado">Descrição</span></td></tr>
<tr><td>Descrição :</td><td>o token está em branco no SafeSign</td></tr></table></form>`;
		expect(findTicketForm(document)?.mode).toBe('read');
		// The first "Descrição :" names a cell holding only the caption: not a value either.
		expect(readViewText(document, 'descricao')).toBe('o token está em branco no SafeSign');
	});

	test('a hidden copy of the description (#dschamado type=hidden) is read; a hidden cell is not', () => {
		document.body.innerHTML = `<form><span id="label_dtchamado">10/12/2019 - 13:21</span><input type="button" id="btnClose" value="Encerrar">
<input type="hidden" id="dschamado" value="token em branco no SafeSign">
<table><tr><td>Título :</td><td style="display:none">Suporte ao SEI</td><td>Token vazio</td></tr></table></form>`;
		expect(readViewText(document, 'descricao')).toBe('token em branco no SafeSign');
		expect(readViewText(document, 'titulo')).toBe('');
	});

	test('a value that is itself a label ("Situação :") is not a value', () => {
		document.body.innerHTML = `<form><span id="label_dtchamado">x</span><input type="button" id="btnClose" value="Encerrar">
<table><tr><td>Título :</td><td>Situação :</td></tr><tr><td>Título :</td><td>Token vazio</td></tr></table></form>`;
		expect(readViewText(document, 'titulo')).toBe('Token vazio');
	});
});

describe('watchTicketText on the read view', () => {
	test('text Qualitor renders late (or again) is followed; page changes that leave the text as it was are not', async () => {
		showReadView('ids');
		const calls: string[] = [];
		const locate = () => ({ mode: 'read' as const });
		const stop = watchTicketText(document, locate, () => calls.push(readTicketText(document, locate())), 20);
		const settled = () => new Promise((r) => setTimeout(r, 80));
		// A change elsewhere on the page: the ticket's text is the same, nothing to do.
		document.body.append(Object.assign(document.createElement('div'), { textContent: 'Carregando acompanhamentos…' }));
		await settled();
		expect(calls).toEqual([]);
		// Positive control: the description re-rendered with another text is heard.
		document.getElementById('label_dschamado')!.textContent = 'o token está em branco no SafeSign';
		await settled();
		expect(calls).toEqual([`${TICKET.titulo}\no token está em branco no SafeSign`]);
		stop();
		document.getElementById('label_dschamado')!.textContent = 'outro texto';
		await settled();
		expect(calls).toHaveLength(1);
	});
});
