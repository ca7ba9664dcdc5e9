// @vitest-environment jsdom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { findTicketForm } from '../../src/qualitor/detect.ts';
import { mountFakeQualitor } from './fake-qualitor.ts';

beforeEach(() => document.body.replaceChildren());

describe('findTicketForm', () => {
	test('detects the new-ticket form by its fields', () => {
		mountFakeQualitor(document);
		const form = findTicketForm(document);
		expect(form?.mode).toBe('new');
		expect(form?.root.id).toBe('frmChamado');
		expect(form?.evidence).toEqual(expect.arrayContaining(['dschamado', 'nmtitulochamado', 'cdtipochamado']));
	});

	test('detects edit mode even though the original fields are also on the page', () => {
		mountFakeQualitor(document, { mode: 'edit', initial: { tipo: 'Suporte', path: [] } });
		expect(findTicketForm(document)?.mode).toBe('edit');
	});

	test('ignores pages without the form, or with a single look-alike id', () => {
		document.body.innerHTML = '<div id="dschamado">um texto</div><p>lista de chamados</p>';
		expect(findTicketForm(document)).toBeNull();
	});

	test('stays cheap: only getElementById on a page with no form', () => {
		document.body.innerHTML = '<div>nothing</div>'.repeat(100);
		const byId = vi.spyOn(document, 'getElementById');
		const qsa = vi.spyOn(document, 'querySelectorAll');
		const qs = vi.spyOn(document, 'querySelector');
		expect(findTicketForm(document)).toBeNull();
		// One call per marker id of the three forms (new, editor, read view); nothing that walks the page.
		expect(byId.mock.calls.length).toBeLessThanOrEqual(20);
		expect(qsa).not.toHaveBeenCalled();
		expect(qs).not.toHaveBeenCalled();
		vi.restoreAllMocks();
	});
});
