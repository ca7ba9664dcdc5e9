// @vitest-environment jsdom
// What docs/qualitor.md says real Qualitor does, each case with both sides of the unknown it names.
import { beforeEach, describe, expect, test } from 'vitest';
import { Journal } from '../../src/dom/journal.ts';
import { selectOption } from '../../src/dom/select-option.ts';
import { applySop, undoApply } from '../../src/qualitor/apply.ts';
import { findTicketForm } from '../../src/qualitor/detect.ts';
import { findAdditionalField, findField } from '../../src/qualitor/fields.ts';
import { writeField } from '../../src/qualitor/write-field.ts';

beforeEach(() => document.body.replaceChildren());

const byId = <T extends HTMLElement = HTMLInputElement>(id: string) => document.getElementById(id) as T;

describe('labels wherever Qualitor puts them', () => {
	const cases: Array<[string, string]> = [
		['same cell', '<table><tr><td>Protocolo: <input id="x"></td></tr></table>'],
		['next cell', '<table><tr><td class="LABEL">Protocolo :</td><td><input id="x"></td></tr></table>'],
		['cell after an empty one', '<table><tr><td class="label">Protocolo</td><td></td><td><input id="x"></td></tr></table>'],
		['label for', '<table><tr><td><label for="x">Protocolo</label></td><td><input id="x"></td></tr></table>'],
		['row above', '<table><tr><td class="Label">Protocolo*</td></tr><tr><td><input id="x"></td></tr></table>'],
		['div.label above', '<div class="field"><div class="LABEL">Protocolo</div><div><input id="x"></div></div>'],
		['label element above, own wrapper', '<div><div><label>Protocolo</label></div><div><input id="x"></div></div>'],
		['font.COLORLABEL, red asterisk, &nbsp;:', '<table><tr><td><font class="COLORLABEL">Protocolo</font><font color="red">*</font>&nbsp;:</td><td><input id="x"></td></tr></table>'],
		['font.colorlabel beside the control', '<div><font class="colorlabel">Protocolo</font> <input id="x"></div>'],
	];
	test.each(cases)('%s', (_, html) => {
		document.body.innerHTML = `<form>${html}<input id="other"></form>`;
		expect(findAdditionalField(document, 'Protocolo')?.element.id).toBe('x');
	});

	test('a label row above belongs to the control under it, not to another field of the next row', () => {
		document.body.innerHTML = `<form><table>
			<tr><td class="LABEL">Categoria*:</td><td id="tdCategoria"></td></tr>
			<tr><td class="LABEL">Prioridade*:</td><td><select id="cdseveridade"><option>Alta</option></select></td></tr>
		</table></form>`;
		expect(findField(document, 'categoria1')).toBeNull();
		expect(findField(document, 'prioridade')?.element.id).toBe('cdseveridade');
	});
});

describe('only visible controls inside the detected form', () => {
	const form = `<form id="f"><table>
		<tr><td>Título:</td><td><input id="nmtitulochamado"></td></tr>
		<tr><td>Descrição:</td><td><textarea id="dschamado"></textarea></td></tr>
		<tr><td>Telefone:</td><td><input id="real"></td></tr>
	</table></form>`;

	test('decoys before the form and hidden ones inside it get nothing; the real field does (positive control)', async () => {
		document.body.innerHTML = `<div>Telefone: <input id="decoy1"></div>${form}`;
		byId('f').insertAdjacentHTML('afterbegin', '<div style="display:none">Telefone: <input id="decoy2"></div><div style="opacity:0">Telefone <input id="decoy3"></div>');
		const report = await applySop(document, { fields: {}, adicionais: { Telefone: '(11) 3222-1234' } }, { quietMs: 50 });
		expect(report.notDone).toEqual([]);
		expect(byId('real').value).toBe('(11) 3222-1234');
		for (const id of ['decoy1', 'decoy2', 'decoy3']) expect(byId(id).value).toBe('');
	});

	test('a form made of invisible inputs is no form; the same inputs shown are (positive control)', () => {
		document.body.innerHTML = '<div id="w" style="display:none"><input id="dschamado"><input id="nmtitulochamado"></div>';
		expect(findTicketForm(document)).toBeNull();
		byId('w').style.display = '';
		expect(findTicketForm(document)?.mode).toBe('new');
	});

	test('a hidden decoy carrying a real id does not hide the visible field with that id', () => {
		document.body.innerHTML = `<input id="dschamado" hidden>${form}`;
		expect(findTicketForm(document)?.mode).toBe('new');
		expect(findField(document, 'descricao')?.element.localName).toBe('textarea');
	});

	test('a field in a Qualitor tab not shown yet is still written', () => {
		document.body.innerHTML = `${form}<div id="divAbasolucao" style="display:none"><table><tr><td>Descrição da solução:</td><td><textarea id="dsacaocorretiva"></textarea></td></tr></table></div>`;
		expect(findField(document, 'solucao')?.element.id).toBe('dsacaocorretiva');
	});
});

describe('existing tickets: read view, then the editor of "Alterar dados"', () => {
	const readView = `<div id="divChamado"><span id="label_dtchamado">10/12/2019 - 13:21</span>
		<input id="nmtitulochamado" value="Cartão" readonly><textarea id="dschamado" readonly>Texto</textarea>
		<div id="divInformacaoAdicional"></div><span id="optChangeData_caption">Alterar dados</span></div>`;

	test('the read view is detected as read-only and nothing is written into it', async () => {
		document.body.innerHTML = readView;
		expect(findTicketForm(document)?.mode).toBe('read');
		const report = await applySop(document, { fields: { descricao: 'SOP' }, adicionais: {} });
		expect(report.notDone[0]?.why).toMatch(/Alterar dados/);
		expect(byId<HTMLTextAreaElement>('dschamado').value).toBe('Texto');
	});

	test('once the editor is there, it is the form (edit mode) and receives the text', async () => {
		document.body.innerHTML = `${readView}<form><table>
			<tr><td>Título:</td><td><input id="nmtitulochamadochange" value="Cartão"></td></tr>
			<tr><td>Descrição:</td><td><textarea id="dschamadochange">Texto</textarea></td></tr>
			<tr><td>Motivo:</td><td><select id="cdmotivoalteracao"><option value=""></option><option value="1">Correção</option></select></td></tr>
		</table><button id="btnProcessChange">Salvar</button></form>`;
		expect(findTicketForm(document)?.mode).toBe('edit');
		const report = await applySop(document, { fields: { descricao: 'SOP' }, adicionais: {} });
		expect(report.notDone).toEqual([]);
		expect(byId<HTMLTextAreaElement>('dschamadochange').value).toBe('Texto\n\nSOP');
		expect(byId<HTMLTextAreaElement>('dschamado').value).toBe('Texto');
	});

	test('a new-ticket form (editable Tipo) is not a read view, though it has the same text ids', () => {
		document.body.innerHTML = `<form><select id="cdtipochamado"><option>Suporte</option></select><input id="nmtitulochamado"><textarea id="dschamado"></textarea><button id="btnFollowUp">x</button></form>`;
		expect(findTicketForm(document)?.mode).toBe('new');
	});
});

describe('writes the page notices', () => {
	test("the page's key handler sees the SOP's text (keydown, input, keyup, change, all bubbling)", () => {
		document.body.innerHTML = '<form id="f"><textarea id="t"></textarea></form>';
		const seen: string[] = [];
		for (const type of ['keydown', 'keypress', 'input', 'keyup', 'change']) byId('f').addEventListener(type, (e) => seen.push(`${e.type}:${(e.target as HTMLTextAreaElement).value}`));
		const journal = new Journal(document);
		writeField(byId<HTMLTextAreaElement>('t'), 'Descrição', 'texto', { journal });
		expect(seen).toEqual(['keydown:texto', 'input:texto', 'keyup:texto', 'change:texto']);
	});
});

describe('additional fields: defaults and agent text', () => {
	const form = (value: string) => `<form><table><tr><td>Título:</td><td><input id="nmtitulochamado"></td></tr>
		<tr><td>Descrição:</td><td><textarea id="dschamado"></textarea></td></tr>
		<tr><td>Observação:</td><td><textarea id="vlinformacaoadicional7">${value}</textarea></td></tr>
		<tr><td>Canal:</td><td><input id="vlinformacaoadicional8" value="Telefone"></td></tr></table></form>`;

	test("an untouched default is replaced exactly (and undone); a default the SOP doesn't name stays", async () => {
		document.body.innerHTML = form('Não informado');
		const report = await applySop(document, { fields: {}, adicionais: { Observação: 'DESCRIÇÃO: reemitir' } }, { quietMs: 50 });
		expect(byId<HTMLTextAreaElement>('vlinformacaoadicional7').value).toBe('DESCRIÇÃO: reemitir');
		expect(report.done).toEqual([{ what: 'Observação', outcome: 'replaced' }]);
		expect(byId('vlinformacaoadicional8').value).toBe('Telefone');
		await undoApply(report);
		expect(byId<HTMLTextAreaElement>('vlinformacaoadicional7').value).toBe('Não informado');
	});

	test("what the agent typed over a default is kept, the SOP's text appended (control for the above)", async () => {
		document.body.innerHTML = form('Não informado');
		byId<HTMLTextAreaElement>('vlinformacaoadicional7').value = 'cliente ligou duas vezes';
		await applySop(document, { fields: {}, adicionais: { Observação: 'DESCRIÇÃO: reemitir' } }, { quietMs: 50 });
		expect(byId<HTMLTextAreaElement>('vlinformacaoadicional7').value).toBe('cliente ligou duas vezes\n\nDESCRIÇÃO: reemitir');
	});
});

describe('other widgets', () => {
	test('radios by their labels; Sim/Não; undo puts the earlier choice back', async () => {
		document.body.innerHTML = `<form><table><tr><td>Título:</td><td><input id="nmtitulochamado"></td></tr><tr><td>Descrição:</td><td><textarea id="dschamado"></textarea></td></tr>
			<tr><td>Mídia foi reaproveitada?</td><td><input type="radio" name="vlinformacaoadicional53" id="r1" value="S"><label for="r1">Sim</label>
			<input type="radio" name="vlinformacaoadicional53" id="r2" value="N" checked><label for="r2">Não</label></td></tr></table></form>`;
		const report = await applySop(document, { fields: {}, adicionais: { 'Mídia foi reaproveitada?': 'Sim' } }, { quietMs: 50 });
		expect(report.notDone).toEqual([]);
		expect(byId('r1').checked).toBe(true);
		expect(byId('r2').checked).toBe(false);
		await undoApply(report);
		expect(byId('r2').checked).toBe(true);
		expect(byId('r1').checked).toBe(false);
	});

	test('the question\'s <label for> points at the first radio: the choices are still named by the labels beside them', async () => {
		document.body.innerHTML = `<form><table><tr><td>Título:</td><td><input id="nmtitulochamado"></td></tr><tr><td>Descrição:</td><td><textarea id="dschamado"></textarea></td></tr>
			<tr><td><label for="m_1">Mídia é da Safeweb?</label></td><td><input type="radio" name="vlinformacaoadicional54" id="m_1" value="S"><label for="m_1">Sim</label>
			<input type="radio" name="vlinformacaoadicional54" id="m_2" value="N"><label for="m_2">Não</label></td></tr></table></form>`;
		const report = await applySop(document, { fields: {}, adicionais: { 'Mídia é da Safeweb?': 'Sim' } }, { quietMs: 50 });
		expect(report.notDone).toEqual([]);
		expect(byId('m_1').checked).toBe(true);
		// Control: "Não" is found by its own label too, and the question's text names no choice.
		byId<HTMLInputElement>('m_1').checked = false;
		const no = await applySop(document, { fields: {}, adicionais: { 'Mídia é da Safeweb?': 'Não' } }, { quietMs: 50 });
		expect(no.notDone).toEqual([]);
		expect(byId('m_2').checked).toBe(true);
	});

	test('a lookup (read-only name, magnifier, hidden code) is reported, never written', async () => {
		document.body.innerHTML = `<form><table><tr><td>Título:</td><td><input id="nmtitulochamado"></td></tr><tr><td>Descrição:</td><td><textarea id="dschamado"></textarea></td></tr>
			<tr><td>Cidade:</td><td><input type="hidden" id="vlinformacaoadicional60"><input id="nm60" readonly><img src="lupa.gif" onclick="pesquisar(60)"></td></tr></table></form>`;
		const report = await applySop(document, { fields: {}, adicionais: { Cidade: 'Porto Alegre' } }, { quietMs: 50 });
		expect(report.notDone).toEqual([{ what: 'Cidade', why: expect.stringContaining('preencha manualmente') }]);
		expect(byId('nm60').value).toBe('');
	});

	test('dates and pt-BR numbers in the mask format', () => {
		// The page's mask functions (inline handlers run in jsdom's own global).
		const page = ((globalThis as { jsdom?: { window: Record<string, unknown> } }).jsdom?.window ?? {}) as Record<string, unknown>;
		page.mascaraData = page.formataValor = () => undefined;
		document.body.innerHTML = '<input id="d" onkeypress="mascaraData(this)"><input id="n" class="MOEDA" onkeyup="formataValor(this, \'#.##0,00\')"><input id="t">';
		const journal = new Journal(document);
		writeField(byId('d'), 'Data', '2026-03-05', { journal });
		writeField(byId('n'), 'Valor', '123', { journal });
		writeField(byId('t'), 'Texto', '2026-03-05', { journal });
		expect([byId('d').value, byId('n').value, byId('t').value]).toEqual(['05/03/2026', '123,00', '2026-03-05']);
	});

	test('dotted full paths match by their last segment; two candidates are ambiguous, never a guess', () => {
		document.body.innerHTML = `<select id="s"><option value=""></option><option>Sistemas.Administrativos e Apoio.Relacionamento</option><option>Sistemas.Suporte.Dúvidas</option></select>
			<select id="two"><option value=""></option><option>Comercial.Relacionamento</option><option>Suporte.Relacionamento</option></select>`;
		expect(selectOption(byId<HTMLSelectElement>('s'), 'Relacionamento')).toEqual({ kind: 'selected', text: 'Sistemas.Administrativos e Apoio.Relacionamento' });
		const two = byId<HTMLSelectElement>('two');
		const result = writeField(two, 'Encaminhar', 'Relacionamento', { journal: new Journal(document) });
		expect(result).toEqual({ notDone: { what: 'Encaminhar', why: expect.stringContaining('ambígua: Comercial.Relacionamento, Suporte.Relacionamento') } });
		expect(two.selectedIndex).toBe(0);
	});
});
