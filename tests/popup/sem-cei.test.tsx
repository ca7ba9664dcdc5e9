// @vitest-environment jsdom
// The "sem CEI" action: the message it sends, and what the popup shows for each answer.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

const tabs = vi.hoisted(() => ({ query: vi.fn(), sendMessage: vi.fn() }));
vi.mock('webextension-polyfill', () => ({ default: { tabs } }));

const library = vi.hoisted(() => ({ sops: [] as unknown[] }));
vi.mock('virtual:sop-library', () => library);

import { openSopInActiveTab } from '../../src/popup/open-sop.ts';
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
		expect(await openSopInActiveTab(SEM_CEI_SOP, 20)).toBe(false);
	});
	test('false without an active tab', async () => {
		tabs.query.mockResolvedValue([]);
		expect(await openSopInActiveTab(SEM_CEI_SOP)).toBe(false);
		expect(tabs.sendMessage).not.toHaveBeenCalled();
	});
});

describe('SemCei', () => {
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
