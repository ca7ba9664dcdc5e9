// @vitest-environment jsdom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fill } from '../../src/dom/fill.ts';
import { holdFields, trackPersonEdits, valueOf, type HoldItem, type HoldOptions, type HoldResult } from '../../src/dom/hold.ts';
import type { Writable } from '../../src/dom/journal-types.ts';
import { selectOption } from '../../src/dom/select-option.ts';
import { Journal } from '../../src/dom/journal.ts';

beforeEach(() => {
	document.body.innerHTML = `
		<form>
			<div id="secao"><label for="vlinformacaoadicional8">Observação</label><input id="vlinformacaoadicional8" value=""></div>
			<select id="cdseveridade"><option value="">Selecione</option><option value="1">Baixa</option><option value="2">Média</option></select>
			<input id="telefone" value="">
		</form>`;
});

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Fast timings for jsdom: the same logic as the defaults, scaled down. */
const FAST: HoldOptions = { quietMs: 150, maxMs: 2000, pollMs: 20 };
/** A person's edit in jsdom (which cannot make trusted events): marked by the test. */
const personEvent = (el: Element, type: string) => {
	const event = new Event(type, { bubbles: true });
	Object.defineProperty(event, 'person', { value: true });
	el.dispatchEvent(event);
};
const isPersonMade = (event: Event) => (event as Event & { person?: boolean }).person === true;

/** Hold items for what a journal says was written, found again by id. */
function itemsOf(journal: Journal): HoldItem[] {
	return journal.entries
		.filter((e) => e.wanted !== undefined)
		.map((entry) => ({
			what: entry.label,
			element: entry.element,
			wanted: entry.wanted!,
			rewrite: true,
			find: () => (entry.element.isConnected ? entry.element : (document.getElementById(entry.id) as Writable | null)),
			onRebind: (el: Writable) => journal.rebind(entry, el),
			onRewritten: (el: Writable) => journal.noteWritten(el),
		}));
}

describe('holdFields', () => {
	test("a page mask re-formatting the value is not a reset: it holds, undo sees no one's edit; a different value is written again (control)", async () => {
		const cpf = $<HTMLInputElement>('#vlinformacaoadicional8');
		// mascara(this, cpfCnpj): the page re-formats a moment after each keyup.
		cpf.addEventListener('keyup', () => setTimeout(() => (cpf.value = cpf.value.replace(/^(\d{2})(\d{3})(\d{3})(\d{4})(\d{2})$/, '$1.$2.$3/$4-$5')), 5));
		const journal = new Journal(document);
		fill(cpf, '08765432000110', { journal, label: 'CPF/CNPJ' });
		fill($<HTMLInputElement>('#telefone'), '(51) 3333-2222', { journal, label: 'Telefone' });
		const hold = holdFields(document, itemsOf(journal), FAST);
		await sleep(40);
		$<HTMLInputElement>('#telefone').value = 'Não informado'; // the page's default put back
		const result = await hold.done;
		expect(cpf.value).toBe('08.765.432/0001-10');
		expect(result.rewritten.map((r) => r.what)).toEqual(['Telefone']);
		expect(result.lost).toEqual([]);
		const undone = await journal.undo();
		expect(undone.problems).toEqual([]);
		expect(cpf.value).toBe('');
	});

	test('writes again what the page reset or re-rendered, and one undo still gives back the form as before', async () => {
		const journal = new Journal(document);
		fill($<HTMLInputElement>('#vlinformacaoadicional8'), 'cliente ligou 2x', { journal, label: 'Observação' });
		selectOption($<HTMLSelectElement>('#cdseveridade'), 'Baixa', { journal, label: 'Prioridade' });
		const hold = holdFields(document, itemsOf(journal), FAST);
		await sleep(40);
		// The page's late work: the section re-built with empty fields, the priority set by its own request.
		$('#secao').innerHTML = '<label for="vlinformacaoadicional8">Observação</label><input id="vlinformacaoadicional8" value="">';
		$<HTMLSelectElement>('#cdseveridade').value = '2';
		const result = await hold.done;
		expect($<HTMLInputElement>('#vlinformacaoadicional8').value).toBe('cliente ligou 2x');
		expect($<HTMLSelectElement>('#cdseveridade').value).toBe('1');
		expect(result.rewritten.map((r) => r.what).sort()).toEqual(['Observação', 'Prioridade']);
		expect(result.lost).toEqual([]);
		expect(result.ended).toBe('quiet');
		// The journal follows the re-rendered field with its original prior: undo empties it, priority back to Selecione.
		const undone = await journal.undo();
		expect(undone.problems).toEqual([]);
		expect($<HTMLInputElement>('#vlinformacaoadicional8').value).toBe('');
		expect($<HTMLSelectElement>('#cdseveridade').selectedIndex).toBe(0);
	});

	test('stops after maxRewrites against a page that keeps changing a field, and reports it', async () => {
		const journal = new Journal(document);
		const sel = $<HTMLSelectElement>('#cdseveridade');
		selectOption(sel, 'Baixa', { journal, label: 'Prioridade' });
		const field = $<HTMLInputElement>('#telefone');
		fill(field, '(51) 3333-2222', { journal, label: 'Telefone' });
		let rewrites = 0;
		sel.addEventListener('change', () => rewrites++);
		// A page that fights: puts Média back every 30 ms.
		const fight = setInterval(() => (sel.value = '2'), 30);
		const updates: number[] = [];
		const result = await holdFields(document, itemsOf(journal), { ...FAST, maxRewrites: 3, onUpdate: (r) => updates.push(r.lost.length) }).done;
		clearInterval(fight);
		expect(rewrites).toBe(3);
		expect(result.lost).toEqual([{ what: 'Prioridade', kind: 'fought', shown: 'Média', wanted: 'baixa' }]);
		expect(sel.value).toBe('2'); // left as the page wants it
		// Positive control: the field the page did not fight over held, untouched.
		expect(field.value).toBe('(51) 3333-2222');
		expect(result.rewritten).toEqual([{ what: 'Prioridade', times: 3 }]);
		expect(updates.at(-1)).toBe(1);
	});

	test("the person's own edit wins: a field they typed in is theirs, not written again", async () => {
		const journal = new Journal(document);
		const obs = $<HTMLInputElement>('#vlinformacaoadicional8');
		const tel = $<HTMLInputElement>('#telefone');
		fill(obs, 'texto do SOP', { journal, label: 'Observação' });
		fill(tel, '(51) 3333-2222', { journal, label: 'Telefone' });
		const hold = holdFields(document, itemsOf(journal), { ...FAST, isPersonMade });
		await sleep(30);
		obs.value = 'o agente apagou e escreveu';
		personEvent(obs, 'input');
		tel.value = ''; // the page's reset: no event at all
		const result = await hold.done;
		expect(obs.value).toBe('o agente apagou e escreveu');
		expect(result.released).toEqual(['Observação']);
		// Positive control: the page's reset of the other field was undone in the same hold.
		expect(tel.value).toBe('(51) 3333-2222');
		expect(result.rewritten).toEqual([{ what: 'Telefone', times: 1 }]);
	});

	test('what the person edited while the apply was still running is theirs from the start of the hold', async () => {
		const typing = trackPersonEdits(document, { isPersonMade });
		const journal = new Journal(document);
		const obs = $<HTMLInputElement>('#vlinformacaoadicional8');
		const tel = $<HTMLInputElement>('#telefone');
		fill(obs, 'texto do SOP', { journal, label: 'Observação' });
		fill(tel, '(51) 3333-2222', { journal, label: 'Telefone' });
		// During the apply: the agent edits Observação, then the page empties both fields.
		personEvent(obs, 'keydown');
		obs.value = '';
		tel.value = '';
		const result = await holdFields(document, itemsOf(journal), { ...FAST, isPersonMade, touched: typing.has }).done;
		typing.stop();
		expect(result.released).toEqual(['Observação']);
		expect(obs.value).toBe('');
		// Control: the field nobody touched is written again.
		expect(tel.value).toBe('(51) 3333-2222');
	});

	test("one tracker of the person's edits: a hold given the apply's tracker hears edits through it and adds no listeners of its own", async () => {
		const added: string[] = [];
		const addEventListener = document.addEventListener.bind(document);
		document.addEventListener = ((type: string, ...rest: [EventListenerOrEventListenerObject, AddEventListenerOptions?]) => {
			added.push(type);
			addEventListener(type, ...rest);
		}) as typeof document.addEventListener;
		try {
			const typing = trackPersonEdits(document, { isPersonMade });
			const tracking = added.length;
			const journal = new Journal(document);
			const obs = $<HTMLInputElement>('#vlinformacaoadicional8');
			const tel = $<HTMLInputElement>('#telefone');
			fill(obs, 'texto do SOP', { journal, label: 'Observação' });
			fill(tel, '(51) 3333-2222', { journal, label: 'Telefone' });
			added.length = 0;
			const hold = holdFields(document, itemsOf(journal), { ...FAST, typing });
			expect(added).toEqual([]);
			await sleep(30);
			// During the hold: the person empties Observação (heard through the tracker: theirs, let go), the page empties Telefone.
			obs.value = '';
			personEvent(obs, 'input');
			tel.value = '';
			const result = await hold.done;
			expect(result.released).toEqual(['Observação']);
			expect(obs.value).toBe('');
			expect(tel.value).toBe('(51) 3333-2222');
			// The hold did not stop the apply's tracker: it still notes edits after the hold.
			personEvent(tel, 'input');
			expect(typing.has(tel)).toBe(true);
			typing.stop();
			// Control: without a tracker the hold tracks on its own, with as many listeners as a tracker has.
			added.length = 0;
			const own = holdFields(document, itemsOf(journal), { ...FAST, isPersonMade });
			expect(added.length).toBe(tracking);
			own.stop();
		} finally {
			document.addEventListener = addEventListener;
		}
	});

	test('ends after the quiet period when nothing moves; a page still changing keeps it open until the bound (fake clock: no timing of the machine)', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
		try {
			const journal = new Journal(document);
			fill($<HTMLInputElement>('#telefone'), '(51) 3333-2222', { journal, label: 'Telefone' });
			let quiet: HoldResult | undefined;
			void holdFields(document, itemsOf(journal), { ...FAST, quietMs: 100, maxMs: 1500 }).done.then((r) => (quiet = r));
			await vi.advanceTimersByTimeAsync(80);
			expect(quiet).toBeUndefined();
			await vi.advanceTimersByTimeAsync(60);
			expect(quiet?.ended).toBe('quiet');
			// Ended by the first poll once 100 ms had passed still (polls every 20 ms), not by the bound.
			expect(quiet?.elapsedMs).toBe(100);
			// Control: the form keeps mutating (a clock, a spinner) elsewhere: the hold lasts until its bound.
			const ticker = setInterval(() => $('form').append(document.createElement('span')), 30);
			let busy: HoldResult | undefined;
			void holdFields(document, itemsOf(journal), { ...FAST, quietMs: 100, maxMs: 600 }).done.then((r) => (busy = r));
			await vi.advanceTimersByTimeAsync(580);
			expect(busy).toBeUndefined();
			await vi.advanceTimersByTimeAsync(60);
			clearInterval(ticker);
			expect(busy?.ended).toBe('bound');
			expect(busy?.elapsedMs).toBe(600);
			expect(busy?.lost).toEqual([]);
		} finally {
			vi.useRealTimers();
		}
	});

	test('writes nothing while the page shows it is loading, then writes once it is done', async () => {
		const journal = new Journal(document);
		const tel = $<HTMLInputElement>('#telefone');
		fill(tel, '(51) 3333-2222', { journal, label: 'Telefone' });
		let loading = true;
		const hold = holdFields(document, itemsOf(journal), { ...FAST, busy: () => loading });
		tel.value = 'Não informado';
		await sleep(200);
		expect(tel.value).toBe('Não informado');
		loading = false;
		const result = await hold.done;
		expect(tel.value).toBe('(51) 3333-2222');
		expect(result.rewritten).toEqual([{ what: 'Telefone', times: 1 }]);
	});

	test('a field gone for good is reported with what it held; stop() and the signal end it without a verdict', async () => {
		const journal = new Journal(document);
		fill($<HTMLInputElement>('#vlinformacaoadicional8'), 'cliente ligou 2x', { journal, label: 'Observação' });
		const hold = holdFields(document, itemsOf(journal), FAST);
		$('#secao').remove();
		const result = await hold.done;
		expect(result.lost).toEqual([{ what: 'Observação', kind: 'gone', shown: '', wanted: 'cliente ligou 2x' }]);
		// Stopped (an undo starts): no verdict, nothing written afterwards.
		const controller = new AbortController();
		const tel = $<HTMLInputElement>('#telefone');
		const j2 = new Journal(document);
		fill(tel, 'x', { journal: j2, label: 'Telefone' });
		const stopped = holdFields(document, itemsOf(j2), { ...FAST, signal: controller.signal });
		controller.abort();
		tel.value = '';
		const end = await stopped.done;
		await sleep(100);
		expect(end.ended).toBe('stopped');
		expect(tel.value).toBe('');
		expect(valueOf(tel)).toBe('');
	});

	test("a field the person typed in during the hold is held with their text: a re-render gives it back, an undo leaves it; the SOP's field beside it gets the SOP's (control)", async () => {
		const journal = new Journal(document);
		const obs = $<HTMLInputElement>('#vlinformacaoadicional8');
		fill(obs, 'texto do SOP', { journal, label: 'Observação' });
		fill($<HTMLInputElement>('#telefone'), '(51) 3333-2222', { journal, label: 'Telefone' });
		const hold = holdFields(document, itemsOf(journal), { ...FAST, isPersonMade });
		await sleep(30);
		obs.value = '(51) 99999-0000';
		personEvent(obs, 'input');
		// The page re-builds the section (fresh, empty field) and resets Telefone by a script.
		$('#secao').innerHTML = '<label for="vlinformacaoadicional8">Observação</label><input id="vlinformacaoadicional8" value="">';
		$<HTMLInputElement>('#telefone').value = 'Não informado';
		const result = await hold.done;
		expect($<HTMLInputElement>('#vlinformacaoadicional8').value).toBe('(51) 99999-0000');
		expect($<HTMLInputElement>('#telefone').value).toBe('(51) 3333-2222');
		expect(result.released).toEqual(['Observação']);
		expect(result.typed).toEqual(['Observação']);
		expect(result.rewritten.map((r) => r.what).sort()).toEqual(['Observação', 'Telefone']);
		expect(result.lost).toEqual([]);
		// Desfazer: the SOP's write is undone, the person's text is theirs and stays (the undo says why).
		const undone = await journal.undo();
		expect($<HTMLInputElement>('#telefone').value).toBe('');
		expect($<HTMLInputElement>('#vlinformacaoadicional8').value).toBe('(51) 99999-0000');
		expect(undone.problems.map((p) => p.what)).toEqual(['Observação']);
	});

	test('never writes over the field the person is in: a value that differs there is theirs', async () => {
		const journal = new Journal(document);
		const obs = $<HTMLInputElement>('#vlinformacaoadicional8');
		fill(obs, 'texto do SOP', { journal, label: 'Observação' });
		const hold = holdFields(document, itemsOf(journal), { ...FAST, isPersonMade });
		obs.focus();
		obs.value = 'o agente digita';
		personEvent(obs, 'input');
		// Changed while they are in it (no event seen, e.g. a page's mask): not written over.
		obs.value = 'o agente digita mais';
		const result = await hold.done;
		expect(obs.value).toBe('o agente digita mais');
		expect(result.rewritten).toEqual([]);
		// Control: once they left it, a reset by the page is undone with their text.
		obs.blur();
		const again = holdFields(document, itemsOf(journal), { ...FAST, isPersonMade });
		obs.value = 'o agente digita mais';
		personEvent(obs, 'input');
		obs.value = '';
		await again.done;
		expect(obs.value).toBe('o agente digita mais');
	});

	test('watchAfter: a re-render after the hold ended starts it again (written again, reported), up to maxRewrites; stop() ends the watch', async () => {
		const journal = new Journal(document);
		const section = () => ($('#secao').innerHTML = '<label for="vlinformacaoadicional8">Observação</label><input id="vlinformacaoadicional8" value="">');
		fill($<HTMLInputElement>('#vlinformacaoadicional8'), 'cliente ligou 2x', { journal, label: 'Observação' });
		const updates: HoldResult[] = [];
		const hold = holdFields(document, itemsOf(journal), { ...FAST, isPersonMade, maxRewrites: 2, watchAfter: true, onUpdate: (r) => updates.push(r) });
		const first = await hold.done;
		expect(first.rewritten).toEqual([]);
		expect(hold.signal.aborted).toBe(false);
		// Later than the quiet period: the page re-builds the section.
		section();
		await expect.poll(() => $<HTMLInputElement>('#vlinformacaoadicional8').value).toBe('cliente ligou 2x');
		await expect.poll(() => updates.at(-1)?.finished).toBe(true);
		expect(updates.at(-1)?.rewritten).toEqual([{ what: 'Observação', times: 1 }]);
		expect(updates.some((u) => !u.finished)).toBe(true); // the report showed it settling again
		// A person's edit during the watch: their text is what a re-render gets back.
		$<HTMLInputElement>('#vlinformacaoadicional8').value = 'agente';
		personEvent($('#vlinformacaoadicional8'), 'input');
		section();
		await expect.poll(() => $<HTMLInputElement>('#vlinformacaoadicional8').value).toBe('agente');
		await expect.poll(() => updates.at(-1)?.finished).toBe(true);
		// The limit holds across the watch: the third re-render is left as the page wants it, and reported.
		section();
		await expect.poll(() => updates.at(-1)?.lost.length).toBe(1);
		expect(updates.at(-1)?.lost).toEqual([{ what: 'Observação', kind: 'fought', shown: '', wanted: 'agente' }]);
		expect($<HTMLInputElement>('#vlinformacaoadicional8').value).toBe('');
		expect(hold.signal.aborted).toBe(true); // nothing left to watch
	});

	test("watchAfter: a value set by script alone after the hold (getSeveridade() answering late) is chosen again while the slow poll lasts, not after (control)", async () => {
		const run = async (pollForMs: number, lateMs: number, expected: string) => {
			document.body.innerHTML = '<select id="cdseveridade"><option value="">Selecione</option><option value="1">Baixa</option><option value="2">Média</option></select>';
			const journal = new Journal(document);
			selectOption($<HTMLSelectElement>('#cdseveridade'), 'Baixa', { journal, label: 'Prioridade' });
			const hold = holdFields(document, itemsOf(journal), { ...FAST, watchAfter: true, watchPollMs: 20, watchPollForMs: pollForMs });
			await hold.done;
			await sleep(lateMs);
			$<HTMLSelectElement>('#cdseveridade').value = '2'; // no DOM change, no event
			if (expected === '1') await expect.poll(() => $<HTMLSelectElement>('#cdseveridade').value).toBe('1');
			else await sleep(200);
			const value = $<HTMLSelectElement>('#cdseveridade').value;
			hold.stop();
			return value;
		};
		expect(await run(10_000, 50, '1')).toBe('1');
		expect(await run(50, 400, '2')).toBe('2'); // after the poll's time, only DOM changes are watched
	});

	test('watchAfter: a re-render that also changed a checked-only level (an editor re-loaded with saved values) ends the watch, nothing written again; same re-render with the level kept is written again (control)', async () => {
		const run = async (levelKept: boolean) => {
			document.body.innerHTML = '<div id="editor"><select id="cdtipochamadochange"><option value="13">Comercial</option><option value="12">Suporte</option></select><textarea id="dschamadochange">Texto salvo</textarea></div>';
			const tipo = $<HTMLSelectElement>('#cdtipochamadochange');
			tipo.value = '12';
			const journal = new Journal(document);
			fill($<HTMLTextAreaElement>('#dschamadochange'), 'Texto do SOP', { journal, label: 'Descrição' });
			const items: HoldItem[] = [
				{ what: 'Tipo', element: tipo, wanted: valueOf(tipo), rewrite: false, find: () => document.getElementById('cdtipochamadochange') as Writable | null },
				...itemsOf(journal),
			];
			const updates: HoldResult[] = [];
			const hold = holdFields(document, items, { ...FAST, watchAfter: true, onUpdate: (r) => updates.push(r) });
			await hold.done;
			// The editor loaded again: fresh nodes, the ticket's saved values (or the applied Tipo kept, for the control).
			$('#editor').innerHTML = `<select id="cdtipochamadochange"><option value="13">Comercial</option><option value="12"${levelKept ? ' selected' : ''}>Suporte</option></select><textarea id="dschamadochange">Texto salvo</textarea>`;
			if (levelKept) await expect.poll(() => $<HTMLTextAreaElement>('#dschamadochange').value).toBe('Texto salvo\n\nTexto do SOP');
			else await expect.poll(() => hold.signal.aborted).toBe(true);
			await sleep(100);
			const value = $<HTMLTextAreaElement>('#dschamadochange').value;
			hold.stop();
			return { value, lost: updates.at(-1)?.lost.map((l) => `${l.what}:${l.kind}`) };
		};
		expect(await run(false)).toEqual({ value: 'Texto salvo', lost: ['Tipo:changed'] });
		expect(await run(true)).toEqual({ value: 'Texto salvo\n\nTexto do SOP', lost: [] });
	});

	test('watchAfter ends with stop() and with the signal; without it a late re-render is not seen (control)', async () => {
		const section = () => ($('#secao').innerHTML = '<label for="vlinformacaoadicional8">Observação</label><input id="vlinformacaoadicional8" value="">');
		const run = async (how: 'stop' | 'signal' | 'none' | 'watch') => {
			const journal = new Journal(document);
			fill($<HTMLInputElement>('#vlinformacaoadicional8'), 'texto', { journal, label: 'Observação' });
			const controller = new AbortController();
			const hold = holdFields(document, itemsOf(journal), { ...FAST, watchAfter: how !== 'none', signal: controller.signal });
			await hold.done;
			if (how === 'stop') hold.stop();
			if (how === 'signal') controller.abort();
			section();
			if (how === 'watch') await expect.poll(() => $<HTMLInputElement>('#vlinformacaoadicional8').value).toBe('texto');
			else await sleep(300);
			const value = $<HTMLInputElement>('#vlinformacaoadicional8').value;
			hold.stop();
			return value;
		};
		expect(await run('watch')).toBe('texto');
		expect(await run('stop')).toBe('');
		expect(await run('signal')).toBe('');
		expect(await run('none')).toBe('');
	});
});
