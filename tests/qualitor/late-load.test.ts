// @vitest-environment jsdom
import { beforeEach, expect, test } from 'vitest';
import { Journal } from '../../src/dom/journal.ts';
import { applyCategorisation } from '../../src/qualitor/cascade.ts';

/**
 * An editor whose Categoria 1 still lists the old Tipo's options, reloaded in place by a load that starts
 * (with #divLoading) `lateMs` after the Tipo change: later than the cascade's settle time.
 */
function mountEditor(lateMs: number, newOptions: string[]): void {
	document.body.innerHTML = `
		<form><table>
			<tr><td class="LABEL">Tipo :</td><td><select id="cdtipochamadochange"><option value="">Selecione</option><option value="1">Requisição</option><option value="2">Suporte Técnico</option></select></td></tr>
			<tr><td class="LABEL">Categoria :</td><td id="tdCategoriaChange"><select id="cdcategoriachange1"><option value=""></option><option value="7">Cadastro</option><option value="8">Financeiro</option></select></td></tr>
			<tr><td class="LABEL">Título :</td><td><input id="nmtitulochamadochange"></td></tr>
			<tr><td class="LABEL">Descrição :</td><td><textarea id="dschamadochange"></textarea></td></tr>
		</table></form>`;
	const tipo = document.getElementById('cdtipochamadochange') as HTMLSelectElement;
	tipo.selectedIndex = 1;
	tipo.addEventListener('change', () => {
		setTimeout(() => {
			const loading = document.createElement('div');
			loading.id = 'divLoading';
			document.body.append(loading);
			setTimeout(() => {
				const level = document.getElementById('cdcategoriachange1') as HTMLSelectElement;
				level.options.length = 1;
				const texts = tipo.value === '1' ? ['Cadastro', 'Financeiro'] : newOptions;
				texts.forEach((text, i) => level.options.add(new Option(text, String(20 + i))));
				loading.remove();
			}, 100);
		}, lateMs);
	});
}

beforeEach(() => (document.body.innerHTML = ''));

test('a level reloaded in place by a load that starts late (450 ms) is waited for when the wanted option is not there yet', async () => {
	mountEditor(450, ['SUP - Certificado Digital', 'SUP - Sistema']);
	const report = await applyCategorisation(document, { tipo: 'Suporte Técnico', categorias: ['SUP - Certificado Digital'] }, { mode: 'edit', settleMs: 300, timeoutMs: 5000 });
	expect(report.notDone).toEqual([]);
	expect((document.getElementById('cdcategoriachange1') as HTMLSelectElement).selectedOptions[0]?.text).toBe('SUP - Certificado Digital');
});

test('an option this Qualitor lacks is still reported, after a bounded wait (control)', async () => {
	mountEditor(450, ['SUP - Sistema']);
	const started = Date.now();
	const report = await applyCategorisation(document, { tipo: 'Suporte Técnico', categorias: ['SUP - Certificado Digital'] }, { mode: 'edit', settleMs: 300, timeoutMs: 5000 });
	expect(report.notDone.map((n) => n.why).join(' ')).toMatch(/"SUP - Certificado Digital" não existe neste Qualitor \(opções: SUP - Sistema\)/);
	expect(Date.now() - started).toBeLessThan(5000);
});

test('undo waits the same way: Tipo back, the late load brings the old options, the ticket\'s Categoria 1 is chosen again', async () => {
	mountEditor(450, ['SUP - Certificado Digital', 'SUP - Sistema']);
	const level = () => document.getElementById('cdcategoriachange1') as HTMLSelectElement;
	level().selectedIndex = 1; // the ticket's "Cadastro"
	const journal = new Journal(document);
	const report = await applyCategorisation(document, { tipo: 'Suporte Técnico', categorias: ['SUP - Certificado Digital'] }, { mode: 'edit', settleMs: 300, timeoutMs: 5000, journal });
	expect(report.notDone).toEqual([]);
	journal.noteSelectsWritten();
	const undone = await journal.undo();
	expect(undone.problems).toEqual([]);
	expect(level().selectedOptions[0]?.text).toBe('Cadastro');
	expect((document.getElementById('cdtipochamadochange') as HTMLSelectElement).selectedOptions[0]?.text).toBe('Requisição');
});
