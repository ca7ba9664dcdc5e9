// @vitest-environment jsdom
// The "sem CEI" action: the message it sends, and what the popup shows for each answer.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

const tabs = vi.hoisted(() => ({ query: vi.fn(), sendMessage: vi.fn() }));
vi.mock('webextension-polyfill', () => ({ default: { tabs } }));

const library = vi.hoisted(() => ({ sops: [] as unknown[] }));
vi.mock('virtual:sop-library', () => library);

import { isMessage } from '../../src/messages.ts';
import { openSopInActiveTab, openSopMessage } from '../../src/popup/open-sop.ts';
import { SemCei, SEM_CEI_SOP } from '../../src/popup/SemCei.tsx';

const SOP = {
	id: 'certificado-sem-cei',
	title: 'Certificado digital sem matrícula CEI',
	summary: 'O certificado não traz a matrícula CEI.',
	checklist: { verify: [{ text: 'Abrir Nome Alternativo para o Requerente' }], ask: [{ text: 'Telefone para contato' }], tell: [] },
	escalation: { team: 'Relacionamento' },
	sla: [{ label: 'Retorno ao cliente', minutes: 1440 }],
};

let root: HTMLElement;
beforeEach(() => {
	root = document.createElement('div');
	document.body.append(root);
	tabs.query.mockReset().mockResolvedValue([{ id: 7 }]);
	tabs.sendMessage.mockReset();
	library.sops = [SOP];
});
afterEach(() => {
	render(null, root);
	root.remove();
});

async function clickOpen() {
	render(<SemCei />, root);
	const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Abrir procedimento Certificado sem CEI');
	expect(button).toBeDefined();
	await act(async () => button!.click());
	await vi.waitFor(() => expect(root.querySelector('[aria-live] > *')).not.toBeNull());
}

describe('openSopInActiveTab', () => {
	test('sends {type: "open-sop", id} to the active tab of the current window', async () => {
		tabs.sendMessage.mockResolvedValue({ ok: true });
		expect(await openSopInActiveTab(SEM_CEI_SOP)).toBe(true);
		expect(tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
		expect(tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'open-sop', id: 'certificado-sem-cei' });
	});
	test('with the client the certificate names: its CPF/CNPJ and name, which the message protocol accepts', async () => {
		tabs.sendMessage.mockResolvedValue({ ok: true });
		expect(await openSopInActiveTab(SEM_CEI_SOP, { cpfCnpj: '12345678000195', name: 'COMERCIO EXEMPLO SINTETICO S A' })).toBe(true);
		const sent = tabs.sendMessage.mock.calls[0]![1];
		expect(sent).toEqual({ type: 'open-sop', id: 'certificado-sem-cei', cpfCnpj: '12345678000195', name: 'COMERCIO EXEMPLO SINTETICO S A' });
		expect(isMessage(sent, 'open-sop')).toBe(true);
		// Only what is known travels; the receiver refuses malformed values.
		expect(openSopMessage(SEM_CEI_SOP, { cpfCnpj: null, name: 'ANA' })).toEqual({ type: 'open-sop', id: 'certificado-sem-cei', name: 'ANA' });
		expect(isMessage({ type: 'open-sop', id: 'certificado-sem-cei', cpfCnpj: '123' }, 'open-sop')).toBe(false);
		expect(isMessage({ type: 'open-sop', id: 'certificado-sem-cei', name: 'x\u0000' }, 'open-sop')).toBe(false);
		expect(isMessage({ type: 'open-sop', id: 'certificado-sem-cei', name: 7 }, 'open-sop')).toBe(false);
	});
	test('false when no content script is there to receive it', async () => {
		tabs.sendMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
		expect(await openSopInActiveTab(SEM_CEI_SOP)).toBe(false);
	});
	test('false when nobody answers, or the answer says no', async () => {
		tabs.sendMessage.mockResolvedValue(undefined);
		expect(await openSopInActiveTab(SEM_CEI_SOP)).toBe(false);
		tabs.sendMessage.mockResolvedValue({ ok: false });
		expect(await openSopInActiveTab(SEM_CEI_SOP)).toBe(false);
	});
	test('false after the timeout when the tab hangs', async () => {
		tabs.sendMessage.mockReturnValue(new Promise(() => undefined));
		expect(await openSopInActiveTab(SEM_CEI_SOP, undefined, 20)).toBe(false);
	});
	test('false without an active tab', async () => {
		tabs.query.mockResolvedValue([]);
		expect(await openSopInActiveTab(SEM_CEI_SOP)).toBe(false);
		expect(tabs.sendMessage).not.toHaveBeenCalled();
	});
});

describe('SemCei', () => {
	test('the button carries the client it was given, and says so', async () => {
		tabs.sendMessage.mockResolvedValue({ ok: true });
		render(<SemCei client={{ cpfCnpj: '12345678000195', name: 'COMERCIO EXEMPLO' }} />, root);
		expect(root.querySelector('#sem-cei-carries')!.textContent).toBe('Leva para o chamado: CNPJ 12.345.678/0001-95 · COMERCIO EXEMPLO');
		const button = root.querySelector('button')!;
		await act(async () => button.click());
		await vi.waitFor(() => expect(tabs.sendMessage).toHaveBeenCalled());
		expect(tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'open-sop', id: 'certificado-sem-cei', cpfCnpj: '12345678000195', name: 'COMERCIO EXEMPLO' });
	});
	test('says the procedure opened in Qualitor when the tab answers', async () => {
		tabs.sendMessage.mockResolvedValue({ ok: true });
		await clickOpen();
		expect(root.textContent).toContain('Procedimento aberto na aba do Qualitor.');
		expect(root.querySelector('article.sop')).toBeNull();
	});
	test('shows the SOP steps when no tab answers', async () => {
		tabs.sendMessage.mockRejectedValue(new Error('no receiver'));
		await clickOpen();
		const article = root.querySelector('article.sop')!;
		expect(article.querySelector('h3')!.textContent).toBe(SOP.title);
		expect([...article.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
			'Abrir Nome Alternativo para o Requerente',
			'Telefone para contato',
			'Retorno ao cliente: 24 h',
		]);
		expect(article.textContent).toContain('Relacionamento');
		expect(document.activeElement).toBe(article.querySelector('h3'));
	});
	test('explains when the SOP is not in the library (e.g. an empty build)', async () => {
		tabs.sendMessage.mockRejectedValue(new Error('no receiver'));
		library.sops = [];
		await clickOpen();
		expect(root.querySelector('article.sop')).toBeNull();
		expect(root.textContent).toMatch(/não está nesta versão da extensão/);
	});
});
