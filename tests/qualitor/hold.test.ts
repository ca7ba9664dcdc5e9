// @vitest-environment jsdom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { trackPersonEdits } from '../../src/dom/hold.ts';
import { Journal } from '../../src/dom/journal.ts';
import { selectOption } from '../../src/dom/select-option.ts';
import { CATEGORISATION_GROUP } from '../../src/qualitor/cascade.ts';
import { holdLosses, holdRestored, holdWrites } from '../../src/qualitor/hold.ts';
import { writeField } from '../../src/qualitor/write-field.ts';
import { REWRITTEN_NOTE, holdApplied, withHold, withUndoHold } from '../../src/content/apply-hold.ts';
import type { ApplyOutcome, UndoOutcome } from '../../src/content/session.ts';

const FAST = { quietMs: 150, maxMs: 3000 };

/** The "Campos adicionais" section as Qualitor renders it, with admin defaults; `n` shifts the ids (another render). */
const section = (n = 0) => `
	<tr><td class="LABEL">Observação do atendente :</td><td><input id="vlinformacaoadicional${8 + n}" value=""></td></tr>
	<tr><td class="LABEL">Telefone :</td><td><input id="vlinformacaoadicional${12 + n}" value="Não informado"></td></tr>
	<tr><td class="LABEL">Encaminhar :</td><td><select id="vlinformacaoadicional${7 + n}"><option value="">Selecione</option><option value="3">Relacionamento</option></select></td></tr>`;

beforeEach(() => {
	document.body.innerHTML = `
		<form id="frmChamado"><table>
			<tr><td class="LABEL">Tipo :</td><td><select id="cdtipochamado"><option value=""></option><option value="1">Suporte Técnico</option></select></td></tr>
			<tr><td class="LABEL">Prioridade :</td><td><select id="cdseveridade"><option value="">Selecione</option><option value="1">Baixa</option><option value="2">Média</option></select></td></tr>
		</table><table id="divCamposAdicionais">${section()}</table></form>`;
});

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;

describe('holdWrites (Qualitor)', () => {
	test('after a re-build of the additional fields with new ids, finds them by label, writes again, and undo gives the defaults back', async () => {
		const journal = new Journal(document);
		writeField($('#vlinformacaoadicional12'), 'Telefone', '(51) 3333-2222', { journal, replaceDefault: true });
		writeField($('#vlinformacaoadicional7'), 'Encaminhar', 'Relacionamento', { journal });
		const hold = holdWrites(document, journal, { ...FAST, locate: { mode: 'new' } });
		// attribCategoria()'s own request, no #divLoading: the section comes back with defaults and other ids.
		$('#divCamposAdicionais').innerHTML = section(100);
		const result = await hold.done;
		expect($<HTMLInputElement>('#vlinformacaoadicional112').value).toBe('(51) 3333-2222');
		expect($<HTMLSelectElement>('#vlinformacaoadicional107').value).toBe('3');
		expect(result.rewritten.map((r) => r.what).sort()).toEqual(['Encaminhar', 'Telefone']);
		const undone = await journal.undo();
		expect(undone.problems).toEqual([]);
		expect($<HTMLInputElement>('#vlinformacaoadicional112').value).toBe('Não informado');
		expect($<HTMLSelectElement>('#vlinformacaoadicional107').selectedIndex).toBe(0);
	});

	test("a person's carried text is held by label too, journalled with itself as prior (undo leaves it)", async () => {
		const journal = new Journal(document);
		$<HTMLInputElement>('#vlinformacaoadicional8').value = 'cliente ligou 2x';
		const carried = [{ label: 'Observação do atendente', kind: 'text' as const, value: 'cliente ligou 2x' }];
		const hold = holdWrites(document, journal, { ...FAST, locate: { mode: 'new' }, carried });
		$('#divCamposAdicionais').innerHTML = section();
		const result = await hold.done;
		expect($<HTMLInputElement>('#vlinformacaoadicional8').value).toBe('cliente ligou 2x');
		expect(result.rewritten).toEqual([{ what: 'Observação do atendente', times: 1 }]);
		expect(journal.entries.map((e) => [e.label, e.prior])).toEqual([['Observação do atendente', { kind: 'text', value: 'cliente ligou 2x' }]]);
		await journal.undo();
		expect($<HTMLInputElement>('#vlinformacaoadicional8').value).toBe('cliente ligou 2x');
	});

	test("Prioridade set later by the page's getSeveridade() is chosen again; Tipo changed by the page is only reported", async () => {
		const journal = new Journal(document);
		const tipo = $<HTMLSelectElement>('#cdtipochamado');
		const prioridade = $<HTMLSelectElement>('#cdseveridade');
		journal.record(tipo, { label: 'Tipo', group: CATEGORISATION_GROUP });
		journal.record(prioridade, { label: 'Prioridade', group: CATEGORISATION_GROUP });
		selectOption(tipo, 'Suporte Técnico', { journal, label: 'Tipo', group: CATEGORISATION_GROUP });
		selectOption(prioridade, 'Baixa', { journal, label: 'Prioridade', group: CATEGORISATION_GROUP });
		// What the apply notes at its end, after getSeveridade() had already answered: the page's Média.
		prioridade.value = '2';
		journal.noteSelectsWritten();
		let tipoChanges = 0;
		tipo.addEventListener('change', () => tipoChanges++);
		const hold = holdWrites(document, journal, { ...FAST, locate: { mode: 'new' } });
		tipo.value = '';
		const result = await hold.done;
		expect(prioridade.value).toBe('1');
		expect(tipo.value).toBe(''); // never chosen again by the hold: that would reload the form
		expect(tipoChanges).toBe(0);
		expect(result.lost).toEqual([{ what: 'Tipo', kind: 'changed', shown: '', wanted: 'suporte tecnico' }]);
		expect(holdLosses(result)[0]!.why).toMatch(/O Qualitor mudou "Tipo" depois de aplicar \(agora: vazio\)/);
		// Undo: Prioridade goes back to Selecione, not to the Média the page had set.
		await journal.undo();
		expect(prioridade.selectedIndex).toBe(0);
	});

	test('holds nothing in a read view', async () => {
		const journal = new Journal(document);
		writeField($('#vlinformacaoadicional12'), 'Telefone', '(51) 3333-2222', { journal, replaceDefault: true });
		const read = holdWrites(document, journal, { ...FAST, locate: { mode: 'read' } });
		$('#divCamposAdicionais').innerHTML = section();
		expect((await read.done).rewritten).toEqual([]);
		expect($<HTMLInputElement>('#vlinformacaoadicional12').value).toBe('Não informado');
		// Control: the same in a new-ticket form is written again.
		const hold = holdWrites(document, journal, { ...FAST, locate: { mode: 'new' } });
		expect((await hold.done).rewritten).toEqual([{ what: 'Telefone', times: 1 }]);
		expect($<HTMLInputElement>('#vlinformacaoadicional12').value).toBe('(51) 3333-2222');
	});
});

describe('holdWrites: the person\'s own fields', () => {
	test('an additional field the SOP did not write, typed in during the hold, keeps the text across a re-build; undo leaves it', async () => {
		const journal = new Journal(document);
		writeField($('#vlinformacaoadicional7'), 'Encaminhar', 'Relacionamento', { journal });
		const personMade = (event: Event) => (event as Event & { person?: boolean }).person === true;
		const typing = trackPersonEdits(document, { isPersonMade: personMade });
		const hold = holdWrites(document, journal, { ...FAST, locate: { mode: 'new' }, typing });
		const obs = $<HTMLInputElement>('#vlinformacaoadicional8');
		obs.focus();
		obs.value = 'cliente ligou 2x';
		const typed = new Event('input', { bubbles: true });
		Object.defineProperty(typed, 'person', { value: true });
		obs.dispatchEvent(typed);
		// The page's own re-build (the apply's category answered late): other ids, empty fields, defaults.
		$('#divCamposAdicionais').innerHTML = section(100);
		const result = await hold.done;
		expect($<HTMLInputElement>('#vlinformacaoadicional108').value).toBe('cliente ligou 2x');
		expect($<HTMLSelectElement>('#vlinformacaoadicional107').value).toBe('3');
		// They were typing there when the page replaced it: the rest of their typing goes to its successor.
		expect(document.activeElement?.id).toBe('vlinformacaoadicional108');
		// Control: a field nobody touched keeps the page's default.
		expect($<HTMLInputElement>('#vlinformacaoadicional112').value).toBe('Não informado');
		expect(result.typed).toEqual(['Observação do atendente']);
		hold.stop();
		typing.stop();
		await journal.undo();
		expect($<HTMLInputElement>('#vlinformacaoadicional108').value).toBe('cliente ligou 2x');
		expect($<HTMLSelectElement>('#vlinformacaoadicional107').selectedIndex).toBe(0);
	});
});

describe('holdApplied (after an apply)', () => {
	test('a field filled late while the hold runs is held too: a rebuild after it is written again', async () => {
		const journal = new Journal(document);
		writeField($('#vlinformacaoadicional12'), 'Telefone', '(51) 3333-2222', { journal, replaceDefault: true });
		const report = { mode: 'new' as const, done: [], notDone: [], journal, timing: { totalMs: 0, waitMs: 0, workMs: 0 }, stopLate: () => undefined };
		const ends: string[] = [];
		const holding = holdApplied(document, report, { signal: new AbortController().signal, locate: { mode: 'new' }, since: Date.now(), onEnd: (r) => ends.push(r.ended ?? '') });
		// The SOP's late field, written while the hold runs (no #divLoading: the page's next level is still loading).
		writeField($('#vlinformacaoadicional8'), 'Observação do atendente', 'nota do SOP', { journal });
		holding.again();
		// The next level's answer re-builds the section with other ids: both fields come back empty or default.
		$('#divCamposAdicionais').innerHTML = section(100);
		await vi.waitFor(() => expect(ends.at(-1)).toBe('quiet'), { timeout: 5000 });
		expect($<HTMLInputElement>('#vlinformacaoadicional108').value).toBe('nota do SOP');
		expect($<HTMLInputElement>('#vlinformacaoadicional112').value).toBe('(51) 3333-2222');
	});
});

describe('withHold (the report)', () => {
	const outcome: ApplyOutcome = {
		done: [
			{ field: 'Prioridade', text: 'Prioridade: Baixa (selecionado)' },
			{ field: 'Telefone', text: 'Telefone: valor padrão do campo substituído pelo do SOP' },
		],
		notDone: [{ what: 'Protocolo', why: 'não preenchido; falta informar: Protocolo' }],
		canUndo: true,
	};

	test('moves a field that did not hold to "not done", notes the ones written again, and is idempotent', () => {
		const result = {
			rewritten: [{ what: 'Telefone', times: 1 }, { what: 'Observação do atendente', times: 1 }, { what: 'Prioridade', times: 3 }],
			lost: [{ what: 'Prioridade', kind: 'fought' as const, shown: 'Média', wanted: 'baixa' }],
			released: [] as string[],
			typed: [] as string[],
			finished: true,
			elapsedMs: 1200,
		};
		const once = withHold(outcome, result);
		expect(once.done).toEqual([
			{ field: 'Telefone', text: `Telefone: valor padrão do campo substituído pelo do SOP${REWRITTEN_NOTE}` },
			{ field: 'Observação do atendente', text: `Observação do atendente: texto anterior mantido${REWRITTEN_NOTE}` },
		]);
		expect(once.notDone).toEqual([
			outcome.notDone[0],
			{ what: 'Prioridade', why: 'O Qualitor mudou "Prioridade" depois de aplicar e continuou mudando (agora: "Média"); confira antes de salvar.' },
		]);
		expect(once.settling).toBe(false);
		expect(withHold(once, result)).toEqual(once);
		// Control: nothing lost, nothing written again: the report is unchanged but for the hold's state.
		expect(withHold(outcome, { ...result, rewritten: [], lost: [], finished: false })).toEqual({ ...outcome, settling: true });
	});

	test("a field written again with what the agent typed says so, not the SOP's value; the SOP's lines keep the note (control)", () => {
		const result = { rewritten: [{ what: 'Telefone', times: 1 }, { what: 'Observação do atendente', times: 1 }], lost: [], released: ['Telefone'], typed: ['Telefone'], finished: true, elapsedMs: 900 };
		const once = withHold(outcome, result);
		expect(once.done.filter((line) => line.field !== 'Prioridade')).toEqual([
			{ field: 'Telefone', text: `Telefone: texto digitado mantido${REWRITTEN_NOTE}` },
			{ field: 'Observação do atendente', text: `Observação do atendente: texto anterior mantido${REWRITTEN_NOTE}` },
		]);
		expect(withHold(once, result)).toEqual(once);
		expect(withHold(outcome, { ...result, typed: [] }).done.find((line) => line.field === 'Telefone')).toEqual({ field: 'Telefone', text: `Telefone: valor padrão do campo substituído pelo do SOP${REWRITTEN_NOTE}` });
	});
});

describe('the undo report follows its hold (holdRestored + withUndoHold)', () => {
	test('settling while the hold runs; then a field written back is named, one the page kept changing leaves the count and is named', async () => {
		const journal = new Journal(document);
		const telefone = $<HTMLInputElement>('#vlinformacaoadicional12');
		const prioridade = $<HTMLSelectElement>('#cdseveridade');
		writeField(telefone, 'Telefone', '(51) 3333-2222', { journal, replaceDefault: true });
		selectOption(prioridade, 'Baixa', { journal, label: 'Prioridade' });
		const undone = await journal.undo();
		expect(undone.restored.sort()).toEqual(['Prioridade', 'Telefone']);
		expect([telefone.value, prioridade.selectedIndex]).toEqual(['Não informado', 0]);
		const base: UndoOutcome = { id: 1, restored: undone.restored.length, problems: [] };
		const reports: UndoOutcome[] = [];
		const hold = holdRestored(document, journal, {
			...FAST,
			locate: { mode: 'new' },
			onUpdate: (result) => reports.push(withUndoHold(base, result, undone.restored)),
		});
		// Qualitor's late work after the undo: Telefone reset once, Prioridade set to Média over and over.
		telefone.value = '';
		const fight = setInterval(() => (prioridade.value = '2'), 30);
		const result = await hold.done;
		clearInterval(fight);
		expect(reports[0]!.settling).toBe(true);
		const final = withUndoHold(base, result, undone.restored);
		expect(reports.at(-1)).toEqual(final);
		expect(final).toEqual({
			id: 1,
			restored: 1,
			problems: [],
			rewritten: ['Telefone'],
			notRestored: [{ what: 'Prioridade', why: 'o Qualitor mudou o campo de novo depois de desfazer e continuou mudando (agora: "Média"); confira antes de salvar.' }],
			settling: false,
		});
		expect(telefone.value).toBe('Não informado');
		expect(prioridade.value).toBe('2'); // left as the page wants it, and said so
		// Idempotent on the report as the undo made it; control: a hold with nothing to say leaves the count.
		expect(withUndoHold(base, result, undone.restored)).toEqual(final);
		expect(withUndoHold(base, { ...result, rewritten: [], lost: [] }, undone.restored)).toEqual({ ...base, rewritten: [], notRestored: [], settling: false });
	});
});
