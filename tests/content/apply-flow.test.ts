// @vitest-environment jsdom
import { beforeEach, describe, expect, test } from 'vitest';
import { applyFlow, replaceTitle, withLateFill } from '../../src/content/apply-flow.ts';
import { undoApply } from '../../src/qualitor/apply.ts';
import type { Sop } from '../../src/sop/types.ts';
import { testSop } from '../helpers/sop.ts';

beforeEach(() => document.body.replaceChildren());

const MAPPING = { names: {}, labelAliases: {}, overrides: {} };

const sop = (descricao: string) => testSop({ templates: { adicionais: {}, descricao }, variables: [{ name: 'telefone1', label: 'Telefone' }] });

/** A new-ticket form with an additional "Telefone" field rendered with the administrator's default. */
function mountForm(telefoneDefault: string): { titulo: HTMLInputElement; descricao: HTMLTextAreaElement; telefone: HTMLInputElement } {
	document.body.innerHTML = `<form name="frmChamado"><table>
		<tr><td>Título</td><td><input id="nmtitulochamado" name="nmtitulochamado"></td></tr>
		<tr><td>Descrição</td><td><textarea id="dschamado" name="dschamado"></textarea></td></tr>
		<tr><td>Tipo</td><td><select id="cdtipochamado"><option value="">Selecione</option></select></td></tr>
		<tr><td><label for="vlinformacaoadicional9">Telefone</label></td><td><input id="vlinformacaoadicional9" name="vlinformacaoadicional9" value="${telefoneDefault}"></td></tr>
	</table></form>`;
	return {
		titulo: document.querySelector('#nmtitulochamado')!,
		descricao: document.querySelector('#dschamado')!,
		telefone: document.querySelector('#vlinformacaoadicional9')!,
	};
}

describe('applyFlow: routed values', () => {
	test('a routed value replaces the untouched admin default of its field; undo gives the default back', async () => {
		const { telefone, descricao } = mountForm('Não informado');
		const { report, outcome } = await applyFlow(document, sop('Cliente ligou.\nTelefone: {telefone1}'), { telefone1: '(11) 98888-7777' }, { mode: 'new', mapping: MAPPING, locate: {} });
		expect(telefone.value).toBe('(11) 98888-7777');
		expect(descricao.value).toBe('Cliente ligou.');
		expect(outcome.done.map((d) => d.field)).toContain('Telefone');
		await undoApply(report);
		expect(telefone.value).toBe('Não informado');
	});

	test('positive control: text a person typed over the default is kept and the routed value appended', async () => {
		const { telefone } = mountForm('Não informado');
		telefone.value = '(11) 3222-1111';
		await applyFlow(document, sop('Telefone: {telefone1}'), { telefone1: '(11) 98888-7777' }, { mode: 'new', mapping: MAPPING, locate: {} });
		expect(telefone.value).toBe('(11) 3222-1111 (11) 98888-7777');
	});
});

describe('replaceTitle', () => {
	test('the page\'s key handler (maximumLength()-style onkeyup) sees the SOP\'s title; undo restores the agent\'s', async () => {
		const { titulo } = mountForm('');
		titulo.value = 'Título do agente';
		const keyups: string[] = [];
		titulo.addEventListener('keyup', () => keyups.push(titulo.value)); // what maximumLength() would read
		const { report } = await applyFlow(document, sop('Cliente ligou.'), {}, { mode: 'new', mapping: MAPPING, locate: {} });
		expect(keyups).toEqual([]); // positive control: nothing written in the title so far
		expect(replaceTitle(document, 'Certificado sem CEI', report, {})).toBe(true);
		expect(titulo.value).toBe('Certificado sem CEI');
		expect(keyups).toContain('Certificado sem CEI');
		await undoApply(report);
		expect(titulo.value).toBe('Título do agente');
	});
});

describe('late fields: the report follows', () => {
	const withAdicionais = (adicionais: Record<string, string>): Sop => ({ ...sop(''), templates: { adicionais } });

	test('a SOP field that appears after the report moves from "not done" to "done" in the same words; undo takes it out too', async () => {
		mountForm('');
		const updates: Array<Parameters<typeof withLateFill>> = [];
		const { report, outcome } = await applyFlow(document, withAdicionais({ Protocolo: 'P-123', Telefone: '(11) 1111-2222' }), {}, {
			mode: 'new',
			mapping: MAPPING,
			locate: {},
			onLateFill: (done, notDone, remaining) => updates.push([outcome, done, notDone, remaining]),
		});
		expect(outcome.notDone.map((n) => n.what)).toEqual(['Protocolo']);
		const before = outcome.done.find((d) => d.field === 'Telefone')!;
		// Qualitor renders the field later (a slow load, a category chosen afterwards).
		document.querySelector('table')!.insertAdjacentHTML('beforeend', '<tr><td>Protocolo</td><td><input id="vlinformacaoadicional47" name="vlinformacaoadicional47"></td></tr>');
		for (let waited = 0; updates.length === 0 && waited < 2000; waited += 20) await new Promise((r) => setTimeout(r, 20));
		const protocolo = document.querySelector<HTMLInputElement>('#vlinformacaoadicional47')!;
		expect(protocolo.value).toBe('P-123');
		const [, done, notDone, remaining] = updates[0]!;
		const updated = withLateFill(outcome, done, notDone, remaining);
		expect(updated.notDone).toEqual([]);
		expect(updated.done.at(-1)).toEqual({ field: 'Protocolo', text: 'Protocolo: preenchido' });
		// worded like the lines written during the apply
		expect(before.text).toBe('Telefone: preenchido');
		expect(outcome.notDone.map((n) => n.what)).toEqual(['Protocolo']); // the shown report is not changed in place
		await undoApply(report);
		expect(protocolo.value).toBe('');
	});

	test('withLateFill: the loading note goes only once no field is awaited; a field that arrived but could not be written gets its new reason', () => {
		const outcome = {
			done: [],
			notDone: [
				{ what: 'Carregamento', why: 'ainda carregava' },
				{ what: 'Protocolo', why: 'não está no formulário' },
				{ what: 'Encaminhar', why: 'não está no formulário' },
			],
			canUndo: true,
		};
		const one = withLateFill(outcome, [{ what: 'Protocolo', outcome: 'filled' }], [], 1);
		expect(one.notDone.map((n) => n.what)).toEqual(['Carregamento', 'Encaminhar']);
		const two = withLateFill(one, [], [{ what: 'Encaminhar', why: 'opção "X" não existe' }], 0);
		expect(two.notDone).toEqual([{ what: 'Encaminhar', why: 'opção "X" não existe' }]);
		expect(two.done).toEqual([{ field: 'Protocolo', text: 'Protocolo: preenchido' }]);
	});
});
