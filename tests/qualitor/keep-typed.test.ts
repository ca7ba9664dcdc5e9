// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CarryReport } from '../../src/qualitor/carry.ts';
import type { FormMode } from '../../src/qualitor/fields.ts';
import { keepTypedAcrossChanges } from '../../src/qualitor/keep-typed.ts';
import { mountFakeQualitor, type FakeQualitor } from './fake-qualitor.ts';

// jsdom cannot make trusted events: the test marks the changes "a person" made, through the keeper's predicate.
const personMade = new WeakSet<Event>();
const CANAL = { n: 61, label: 'Canal de atendimento', value: 'Não informado' };

let controller: AbortController;
let fake: FakeQualitor;
let results: CarryReport[];
let busy: boolean;
let mode: FormMode;

const byId = <T extends HTMLElement = HTMLInputElement>(id: string) => document.getElementById(id) as T;

beforeEach(async () => {
	document.body.replaceChildren();
	controller = new AbortController();
	results = [];
	busy = false;
	mode = 'new';
	fake = mountFakeQualitor(document, { ajaxDelayMs: 10, tipoAdicionais: [CANAL] });
	for (const [id, text] of [['cdtipochamado', 'Suporte'], ['cdcategoria1', 'SUP - Certificado Digital'], ['cdcategoria2', 'Cartão'], ['cdcategoria3', 'Em branco']] as const) {
		await choose(id, text, false);
	}
	keepTypedAcrossChanges(document, {
		signal: controller.signal,
		locate: () => ({ mode }),
		busy: () => busy,
		isPersonMade: (event) => personMade.has(event),
		onResult: (report) => results.push(report),
		quietMs: 100,
	});
});
afterEach(() => controller.abort());

/** Chooses an option as the page sees a change; `byPerson` marks it as a person's. */
async function choose(id: string, text: string, byPerson: boolean): Promise<void> {
	const select = byId<HTMLSelectElement>(id);
	select.selectedIndex = [...select.options].findIndex((o) => o.text === text);
	const event = new Event('change', { bubbles: true });
	if (byPerson) personMade.add(event);
	select.dispatchEvent(event);
	await fake.idle();
}

/**
 * Waits until the keeper reported `count` times, or gives up after `maxMs` (a slow machine takes seconds).
 * Where nothing must happen, the same test's positive control waits the same way and does see a report.
 */
async function settled(count = 1, maxMs = 8000): Promise<void> {
	for (let waited = 0; results.length < count && waited < maxMs; waited += 20) await new Promise((r) => setTimeout(r, 20));
}

describe('keeping what the agent typed across a Tipo / Categoria change made by hand', { timeout: 30_000 }, () => {
	test('text in a field re-rendered empty and in one re-rendered with its default comes back', async () => {
		byId('vlinformacaoadicional9').value = '(11) 98888-7777';
		byId('vlinformacaoadicional61').value = 'WhatsApp';
		const before = [byId('vlinformacaoadicional9'), byId('vlinformacaoadicional61')];
		await choose('cdcategoria3', 'Bloqueado', true);
		await settled();
		// Qualitor did re-render both (new elements)...
		expect(before.map((e) => e.isConnected)).toEqual([false, false]);
		// ...and the agent's text is back in the page's fields.
		expect(byId('vlinformacaoadicional9').value).toBe('(11) 98888-7777');
		expect(byId('vlinformacaoadicional61').value).toBe('WhatsApp');
		expect(results[0]?.notDone).toEqual([]);
	});

	test("a default the agent never touched stays the default; the agent's text beside it still comes back (control)", async () => {
		byId('vlinformacaoadicional9').value = 'ligar à tarde';
		await choose('cdcategoria3', 'Bloqueado', true);
		await settled();
		expect(byId('vlinformacaoadicional9').value).toBe('ligar à tarde');
		expect(byId('vlinformacaoadicional61').value).toBe('Não informado');
		expect(byId('vlinformacaoadicional61').defaultValue).toBe('Não informado');
	});

	test('a field that did not come back is named with its text; one that did is filled', async () => {
		byId('vlinformacaoadicional9').value = '(11) 3222-1111';
		byId('vlinformacaoadicional61').value = 'Chat';
		// A level that is not a leaf: the category's fields are gone, the Tipo's come back.
		await choose('cdcategoria2', 'Token', true);
		await settled();
		expect(document.getElementById('vlinformacaoadicional9')).toBeNull();
		expect(byId('vlinformacaoadicional61').value).toBe('Chat');
		expect(results[0]?.notDone).toEqual([{ what: 'Telefone', why: expect.stringContaining('"(11) 3222-1111"') }]);
		expect(results[0]?.notDone[0]?.why).toMatch(/sumiu com a mudança de Tipo\/Categoria/);
	});

	test('a change nobody made (the page, an apply) is left alone; the same change made by a person acts (control)', async () => {
		byId('vlinformacaoadicional9').value = 'texto do atendente';
		await choose('cdcategoria3', 'Bloqueado', false);
		await settled(1, 1500);
		expect(results).toEqual([]);
		expect(byId('vlinformacaoadicional9').value).toBe('');
		byId('vlinformacaoadicional9').value = 'texto do atendente';
		await choose('cdcategoria3', 'Em branco', true);
		await settled();
		expect(results).toHaveLength(1);
		expect(byId('vlinformacaoadicional9').value).toBe('texto do atendente');
	});

	test('writes nothing in a read view or while an apply runs (it carries itself), and lists the text then; a normal form acts (control)', async () => {
		mode = 'read';
		byId('vlinformacaoadicional9').value = 'um';
		await choose('cdcategoria3', 'Bloqueado', true);
		await settled(1, 1500);
		expect(results).toEqual([]);
		expect(byId('vlinformacaoadicional9').value).toBe('');

		mode = 'new';
		byId('vlinformacaoadicional9').value = 'dois';
		const change = choose('cdcategoria3', 'Em branco', true);
		busy = true; // an apply starts while Qualitor reloads
		await change;
		await settled();
		expect(byId('vlinformacaoadicional9').value).toBe('');
		expect(results[0]?.notDone).toEqual([{ what: 'Telefone', why: expect.stringContaining('"dois"') }]);

		busy = false;
		byId('vlinformacaoadicional9').value = 'três';
		await choose('cdcategoria3', 'Bloqueado', true);
		await settled(2);
		expect(byId('vlinformacaoadicional9').value).toBe('três');
	});

	test('two changes in a row: what was typed before the first still comes back after the second', async () => {
		byId('vlinformacaoadicional9').value = 'primeiro';
		const renders = fake.renders;
		const select = byId<HTMLSelectElement>('cdcategoria3');
		select.selectedIndex = [...select.options].findIndex((o) => o.text === 'Bloqueado');
		const first = new Event('change', { bubbles: true });
		personMade.add(first);
		select.dispatchEvent(first);
		// Qualitor still loading: the agent changes Tipo's level again on the stale select.
		await choose('cdcategoria3', 'Em branco', true);
		await settled();
		// Both loads render the fields, the second possibly after the text was carried into the first's: the
		// hold after the carry writes it again. Waited on what happened, not on time: both renders, then the text.
		await expect.poll(() => fake.renders, { timeout: 8000 }).toBe(renders + 2);
		await expect.poll(() => byId('vlinformacaoadicional9').value, { timeout: 8000 }).toBe('primeiro');
		expect(results).toHaveLength(1);
		expect(results[0]?.notDone).toEqual([]);
	});

	test('stops with the form session: nothing is listened to after the abort; before it, the same change acts (control)', async () => {
		byId('vlinformacaoadicional9').value = 'antes';
		await choose('cdcategoria3', 'Bloqueado', true);
		await settled();
		expect(byId('vlinformacaoadicional9').value).toBe('antes');
		controller.abort();
		await choose('cdcategoria3', 'Em branco', true);
		await settled(2, 1500);
		expect(results).toHaveLength(1);
		expect(byId('vlinformacaoadicional9').value).toBe('');
	});
});
