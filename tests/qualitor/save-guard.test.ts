// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { guardSave, saveButtonOf } from '../../src/qualitor/save-guard.ts';
import { findRequiredFields } from '../../src/qualitor/required.ts';
import { findMissingChecks } from '../../src/qualitor/checks.ts';

let controller: AbortController;
beforeEach(() => {
	document.body.replaceChildren();
	controller = new AbortController();
});
afterEach(() => controller.abort());

function page(html: string): void {
	document.body.innerHTML = html;
}

describe('guardSave: before Qualitor\'s own handler', () => {
	test('holds the click before the inline onclick and a listener on the document; proceed runs the save once, unchanged', () => {
		const saved: string[] = [];
		page('<form id="frmChamado"><button type="button" id="btnProcessar"><span>Processar</span></button></form>');
		// The button's own handler (an inline onclick runs at the same point: the target, after capture).
		document.getElementById('btnProcessar')!.onclick = () => saved.push('inline');
		// jQuery-style delegated handler: on the document, bubbling.
		document.addEventListener('click', (e) => {
			if ((e.target as Element).closest('#btnProcessar')) saved.push('delegated');
		});
		let proceed: (() => void) | undefined;
		let hold = true;
		guardSave(document, { signal: controller.signal, locate: () => ({}), onSave: (p) => ((proceed = p), hold) });

		document.querySelector('#btnProcessar span')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
		expect(saved).toEqual([]);
		expect(proceed).toBeDefined();
		proceed!();
		expect(saved).toEqual(['inline', 'delegated']);
		// Not held: the page's handlers run at once (positive control of the hold above).
		hold = false;
		document.getElementById('btnProcessar')!.click();
		expect(saved).toEqual(['inline', 'delegated', 'inline', 'delegated']);
	});

	test('Processar alteração (btnProcessChange) is guarded too; a failing check never blocks Qualitor', () => {
		const saved: string[] = [];
		page('<input type="button" id="btnProcessChange" value="Salvar">');
		document.getElementById('btnProcessChange')!.addEventListener('click', () => saved.push('change'));
		guardSave(document, {
			signal: controller.signal,
			locate: () => ({}),
			onSave: () => {
				throw new Error('bug in the check');
			},
		});
		document.getElementById('btnProcessChange')!.click();
		expect(saved).toEqual(['change']);
	});

	test('a search dialog\'s "Pesquisar" that reuses the id is not the ticket\'s save', () => {
		page(`<form id="frmChamado"><input type="button" id="btnProcessar" value="Processar"></form>
			<div class="WINDOW" id="w"><button id="btnProcessar">Processar</button></div>
			<div id="busca"><input type="button" id="btnProcessar" value="Pesquisar"></div>`);
		const [save, inDialog, search] = [...document.querySelectorAll('[id="btnProcessar"]')];
		expect(saveButtonOf(document, save!)).toBe(save);
		expect(saveButtonOf(document, inDialog!)).toBeNull();
		expect(saveButtonOf(document, search!)).toBeNull();
	});
});

describe('findRequiredFields: Qualitor\'s own required fields', () => {
	test('red *, obrigatorio="S", required classes in any case, the edit reason; hidden and read-only ones left out', () => {
		page(`<form id="frmChamado"><table>
			<tr><td class="LABEL">Cliente<span class="OBRIGATORIO">*</span> :</td><td><input id="cdcliente"> <input id="nmcliente" readonly></td></tr>
			<tr><td class="LABEL">Título :</td><td><input id="nmtitulochamado"></td></tr>
			<tr><td class="LABEL">Descrição*:</td><td><textarea id="dschamado">texto</textarea></td></tr>
			<tr><td class="LABEL">Solução* :</td><td><textarea id="vlinformacaoadicional23" obrigatorio="S"></textarea></td></tr>
			<tr><td class="LABEL">Protocolo :</td><td><input id="vlinformacaoadicional47" class="FIELD Campo_Obrigatorio"></td></tr>
			<tr><td class="LABEL">Motivo :</td><td><select id="cdmotivoalteracao"><option value="">Selecione</option><option value="3">Correção</option></select></td></tr>
			<tr style="display:none"><td class="LABEL">Oculto* :</td><td><input id="oculto"></td></tr>
			<tr><td class="LABEL">Sintomas :</td><td><input id="dssintoma"></td></tr>
		</table><input type="hidden" id="cdcategoria" obrigatorio="S"></form>`);
		const fields = findRequiredFields(document);
		expect(fields.map((f) => [f.element.id, f.label, f.filled])).toEqual([
			['cdcliente', 'Cliente', false],
			['dschamado', 'Descrição', true],
			['vlinformacaoadicional23', 'Solução', false],
			['vlinformacaoadicional47', 'Protocolo', false],
			['cdmotivoalteracao', 'Motivo', false],
		]);
		(document.getElementById('cdmotivoalteracao') as HTMLSelectElement).value = '3';
		expect(findRequiredFields(document).find((f) => f.element.id === 'cdmotivoalteracao')?.filled).toBe(true);
	});
});

describe('what the SOP says to ask counts only when entered in this visit', () => {
	test('the registry\'s e-mail and phone (read-only, or as the page rendered them) do not tick "ask" items; typed ones do', () => {
		page(`<form id="frmChamado">
			<input id="dschamado" value="">
			<input id="dsemailcontato" value="registro@example.com" readonly>
			<input id="nrtelefonecontato" value="(51) 3000-0000 (51) 3000-1111" readonly>
			<input id="vlinformacaoadicional37" value="antigo@example.com">
		</form>`);
		const items = [
			{ text: 'E-mail atualizado', check: { kind: 'email' as const } },
			{ text: 'Dois telefones', check: { kind: 'phones' as const, min: 2 } },
		];
		// Positive control: counted as the form stands, both are satisfied.
		expect(findMissingChecks(document, items)).toEqual([]);
		expect(findMissingChecks(document, items, { enteredOnly: true }).map((m) => m.item.text)).toEqual(['E-mail atualizado', 'Dois telefones']);
		(document.getElementById('dschamado') as HTMLInputElement).value = 'Novo e-mail: ana@exemplo.com, fones (11) 98888-7777 e (11) 3222-1111';
		expect(findMissingChecks(document, items, { enteredOnly: true })).toEqual([]);
	});
});
