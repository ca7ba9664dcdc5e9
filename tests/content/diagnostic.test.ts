// @vitest-environment jsdom
// The content side of the options page's "Diagnóstico do formulário": each frame reports what its health badge
// would say (with this installation's mapping, read from storage) or, without a form, what the page holds; the
// skeleton it hands over holds no typed value.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { DiagnosticDeps } from '../../src/content/diagnostic.ts';
import { isMessage, message } from '../../src/messages.ts';
import { KEYS } from '../../src/storage/area.ts';
import { fakeStorage } from '../helpers/fake-storage.ts';

// The module's default wiring uses the browser's APIs; every test passes its own.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { answerDiagnostic } = await import('../../src/content/diagnostic.ts');

const FORM = `
	<form id="frm">
		<table>
			<tr><td>Cliente</td><td><select id="cdcliente"><option value="1">Cartório Exemplo</option></select></td></tr>
			<tr><td>Contato</td><td><select id="cdcontato"><option value="2">Fulana de Tal</option></select></td></tr>
			<tr><td>Tipo</td><td><select id="cdtipochamado" onchange="selectCategory(1)"><option value=""></option><option value="7" selected>Suporte Técnico</option></select></td></tr>
			<tr><td>Prioridade</td><td><select id="cdseveridade"><option value="1">Baixa</option></select></td></tr>
			<tr><td>Categoria 1</td><td><select id="cdcategoria1"><option value="">Selecione</option></select></td></tr>
			<tr><td></td><td><input id="meutitulo" type="text"></td></tr>
			<tr><td>Descrição</td><td><textarea id="dschamado" onkeyup="maximumLength(this)"></textarea></td></tr>
			<tr><td><input type="button" id="btnProcessar" value="Processar"></td></tr>
		</table>
	</form>`;

function deps(initial: Record<string, unknown> = {}) {
	const sent: unknown[] = [];
	const d: DiagnosticDeps = { local: fakeStorage(initial), send: async (m) => (sent.push(m), { ok: true }) };
	return { d, sent };
}

beforeEach(() => {
	document.body.innerHTML = '';
});

describe('form-diagnostic-probe', () => {
	test("a form: the report says what the badge says, with this installation's mapping from storage; then the probe is answered", async () => {
		document.body.innerHTML = FORM;
		const plain = deps();
		expect(await answerDiagnostic(message('form-diagnostic-probe', { scan: 'scan-0001' }), document, plain.d)).toEqual({ ok: true });
		expect(plain.sent).toHaveLength(1);
		const report = plain.sent[0];
		expect(isMessage(report, 'form-diagnostic-report')).toBe(true);
		expect(report).toMatchObject({ scan: 'scan-0001', frame: { state: 'missing', mode: 'new', missing: ['Título'] } });

		// The same page with the title mapped (Mapeamento: titulo → #meutitulo): nothing missing.
		const mapped = deps({ [KEYS.mappings]: { [location.origin]: { names: {}, labelAliases: {}, overrides: { titulo: 'meutitulo' } } } });
		await answerDiagnostic(message('form-diagnostic-probe', { scan: 'scan-0002' }), document, mapped.d);
		const frame = (mapped.sent[0] as { frame: { state: string; missing: string[]; found: number; expected: number } }).frame;
		expect(frame.missing).toEqual([]);
		expect(frame.state).not.toBe('missing');
		expect(frame.found).toBe((plain.sent[0] as { frame: { found: number } }).frame.found + 1);
	});

	test('a page without a form: no-form, and what it holds (controls, frames, loading indicators)', async () => {
		document.body.innerHTML = `<div id="divLoading">Carregando…</div><iframe name="framePrincipal" src="about:blank"></iframe><input id="busca" type="text"><button>Ir</button>`;
		const { d, sent } = deps();
		await answerDiagnostic(message('form-diagnostic-probe', { scan: 'scan-0003' }), document, d);
		expect(sent).toEqual([message('form-diagnostic-report', { scan: 'scan-0003', frame: { state: 'no-form', mode: null, found: 0, expected: 0, missing: [], controls: 2, frames: 1, loading: 1 } })]);
	});

	test('the options page not answering the report changes nothing: the probe is still answered', async () => {
		document.body.innerHTML = FORM;
		const d: DiagnosticDeps = { local: fakeStorage(), send: async () => Promise.reject(new Error('Could not establish connection')) };
		expect(await answerDiagnostic(message('form-diagnostic-probe', { scan: 'scan-0004' }), document, d)).toEqual({ ok: true });
	});
});

describe('form-diagnostic', () => {
	test('the skeleton of the page now: the field ids, never what was typed', async () => {
		document.body.innerHTML = FORM;
		const typed = 'Cliente Beltrano CPF 123.456.789-09 segredo';
		document.querySelector<HTMLTextAreaElement>('#dschamado')!.value = typed;
		const reply = (await answerDiagnostic(message('form-diagnostic', {}), document, deps().d)) as { skeleton: object };
		// Positive control: the typed text is in the page.
		expect(document.querySelector<HTMLTextAreaElement>('#dschamado')!.value).toBe(typed);
		const json = JSON.stringify(reply.skeleton);
		expect(json).toContain('"dschamado"');
		expect(json).toContain('maximumLength');
		expect(json).not.toContain('Beltrano');
		expect(json).not.toContain('123.456.789-09');
	});

	test('malformed or foreign requests get no answer', async () => {
		document.body.innerHTML = FORM;
		const { d, sent } = deps();
		for (const m of [{ type: 'form-diagnostic', extra: 1 }, { type: 'form-diagnostic-probe', scan: 'x' }, { type: 'form-diagnostic-probe' }, { type: 'open-sop', id: 'a' }, null, 'form-diagnostic']) {
			expect(await answerDiagnostic(m, document, d)).toBeUndefined();
		}
		expect(sent).toEqual([]);
		// Positive control: the well-formed request is answered.
		expect(await answerDiagnostic({ type: 'form-diagnostic' }, document, d)).toHaveProperty('skeleton.format', 'qualitor-form-skeleton');
	});
});
