// @vitest-environment jsdom
import { beforeEach, describe, expect, test } from 'vitest';
import { fill } from '../../src/dom/fill.ts';
import { Journal } from '../../src/dom/journal.ts';
import { selectOption } from '../../src/dom/select-option.ts';

beforeEach(() => {
	document.body.innerHTML = `
		<form>
			<input id="nmtitulochamado" value="Título antigo">
			<textarea id="dschamado"></textarea>
			<textarea name="semid">a</textarea>
			<select id="encaminhar"><option value="">Selecione</option><option value="7">Relacionamento</option><option value="8">N2</option></select>
		</form>`;
});

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;

describe('Journal', () => {
	test('undo restores fields and selects exactly, newest first, with change events', async () => {
		const journal = new Journal(document);
		fill($<HTMLInputElement>('#nmtitulochamado'), 'Novo', { journal, label: 'Título' });
		fill($<HTMLTextAreaElement>('#dschamado'), 'Descrição', { journal });
		selectOption($<HTMLSelectElement>('#encaminhar'), 'Relacionamento', { journal });
		const order: string[] = [];
		document.addEventListener('change', (e) => order.push((e.target as Element).id));
		const report = await journal.undo();
		expect(report.problems).toEqual([]);
		expect(order).toEqual(['encaminhar', 'dschamado', 'nmtitulochamado']);
		expect($<HTMLInputElement>('#nmtitulochamado').value).toBe('Título antigo');
		expect($<HTMLTextAreaElement>('#dschamado').value).toBe('');
		expect($<HTMLSelectElement>('#encaminhar').selectedIndex).toBe(0);
	});

	test('keeps the value from before the first write when a field is written twice', async () => {
		const journal = new Journal(document);
		const field = $<HTMLTextAreaElement>('#dschamado');
		fill(field, 'um', { journal });
		fill(field, 'dois', { journal });
		expect(journal.entries).toHaveLength(1);
		await journal.undo();
		expect(field.value).toBe('');
	});

	test('finds a re-rendered field again by id, and by name when it has none', async () => {
		const journal = new Journal(document);
		fill($<HTMLTextAreaElement>('#dschamado'), 'x', { journal });
		fill($<HTMLTextAreaElement>('[name=semid]'), 'y', { journal });
		selectOption($<HTMLSelectElement>('#encaminhar'), 'N2', { journal });
		// the page re-renders: new elements, same ids/names, option values renumbered
		const form = $('form');
		const html = form.innerHTML.replace(/value="8"/, 'value="80"');
		form.innerHTML = html;
		$<HTMLTextAreaElement>('#dschamado').value = 'x';
		$<HTMLTextAreaElement>('[name=semid]').value = 'a\n\ny';
		$<HTMLSelectElement>('#encaminhar').selectedIndex = 2;
		const report = await journal.undo();
		expect(report.problems).toEqual([]);
		expect($<HTMLTextAreaElement>('#dschamado').value).toBe('');
		expect($<HTMLTextAreaElement>('[name=semid]').value).toBe('a');
		expect($<HTMLSelectElement>('#encaminhar').selectedIndex).toBe(0);
	});

	test('keeps elements without id or name apart', async () => {
		document.body.innerHTML = '<textarea>a</textarea><textarea>b</textarea>';
		const [first, second] = [...document.querySelectorAll('textarea')];
		const journal = new Journal(document);
		fill(first!, 'x', { journal });
		fill(second!, 'y', { journal });
		expect(journal.entries).toHaveLength(2);
		await journal.undo();
		expect([first!.value, second!.value]).toEqual(['a', 'b']);
	});

	test('does not overwrite what a person typed after the apply, unless told to', async () => {
		const journal = new Journal(document);
		const field = $<HTMLTextAreaElement>('#dschamado');
		fill(field, 'Modelo', { journal, label: 'Descrição' });
		field.value = 'Modelo e mais coisas';
		const report = await journal.undo();
		expect(field.value).toBe('Modelo e mais coisas');
		expect(report.problems).toEqual([{ what: 'Descrição', why: expect.stringContaining('editado') }]);
		await journal.undo({ overwriteEdits: true });
		expect(field.value).toBe('');
	});

	test('does not put back a select a person changed after the apply, unless told to', async () => {
		const journal = new Journal(document);
		const select = $<HTMLSelectElement>('#encaminhar');
		selectOption(select, 'Relacionamento', { journal, label: 'Encaminhar' });
		journal.noteSelectsWritten();
		select.selectedIndex = 2;
		const report = await journal.undo();
		expect(select.selectedIndex).toBe(2);
		expect(report.problems).toEqual([{ what: 'Encaminhar', why: expect.stringContaining('alterado depois de aplicar') }]);
		await journal.undo({ overwriteEdits: true });
		expect(select.selectedIndex).toBe(0);
	});

	test('a refused second write keeps the undo record of the first', async () => {
		document.body.innerHTML = '<input id="protocolo" type="number">';
		const field = $<HTMLInputElement>('#protocolo');
		const journal = new Journal(document);
		expect(fill(field, '12', { journal })).toBe('filled');
		// "12 abc" is not a number: the page sanitises it away and the write is taken back
		expect(fill(field, 'abc', { journal })).toBe('not-fillable');
		expect(field.value).toBe('12');
		expect(journal.entries).toHaveLength(1);
		await journal.undo();
		expect(field.value).toBe('');
	});

	test('reports a field that is gone', async () => {
		const journal = new Journal(document);
		fill($<HTMLTextAreaElement>('#dschamado'), 'x', { journal, label: 'Descrição' });
		$('#dschamado').remove();
		const report = await journal.undo();
		expect(report.problems).toEqual([{ what: 'Descrição', why: expect.stringContaining('não está mais') }]);
	});

	test('hands a group to its restorer once, with its entries in record order', async () => {
		const journal = new Journal(document);
		const calls: string[][] = [];
		journal.useRestorer('cat', async (entries) => {
			calls.push(entries.map((e) => e.label));
			return { restored: entries.map((e) => e.label), problems: [] };
		});
		selectOption($<HTMLSelectElement>('#encaminhar'), 'N2', { journal, group: 'cat', label: 'A' });
		fill($<HTMLTextAreaElement>('#dschamado'), 'x', { journal, label: 'B' });
		journal.record($<HTMLInputElement>('#nmtitulochamado'), { group: 'cat', label: 'C' });
		const report = await journal.undo();
		expect(calls).toEqual([['A', 'C']]);
		expect(report.restored).toEqual(['A', 'C', 'B']);
	});
});
