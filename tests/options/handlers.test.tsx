// @vitest-environment jsdom
// The options page's handlers never let an error escape: a refusal or a failure is said in the section's
// status line, and "apagado" only when the background says it cleared the record.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { EMPTY_POLICY } from '../../src/storage/policy.ts';

const browser = vi.hoisted(() => {
	const events = () => ({ addListener: vi.fn(), removeListener: vi.fn() });
	return {
		runtime: { sendMessage: vi.fn() },
		permissions: { request: vi.fn(), contains: vi.fn(async () => false), remove: vi.fn(async () => true), onAdded: events(), onRemoved: events() },
		storage: { local: { get: vi.fn(), set: vi.fn(), remove: vi.fn() }, onChanged: events() },
	};
});
vi.mock('webextension-polyfill', () => ({ default: browser }));

const { Installations } = await import('../../src/options/Installations.tsx');
const { UsageSection } = await import('../../src/options/UsageSection.tsx');
const { MappingSection } = await import('../../src/options/MappingSection.tsx');
const { SopsSection } = await import('../../src/options/SopsSection.tsx');
const { readFileSync } = await import('node:fs');

let root: HTMLElement;
beforeEach(() => {
	vi.clearAllMocks();
	browser.storage.local.get.mockImplementation(async () => ({ usageLog: [{ at: 1, sop: 'token-em-branco', kind: 'applied' }] }));
	browser.storage.local.set.mockImplementation(async () => undefined);
	root = document.createElement('div');
	document.body.append(root);
});
afterEach(() => {
	render(null, root);
	root.remove();
});

const status = (name: string) => root.querySelector<HTMLElement>(`[data-status="${name}"]`)!.textContent;
const click = (el: Element | null | undefined) => act(() => void (el as HTMLElement).click());
const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);

async function confirmClear() {
	await act(() => void render(<UsageSection policy={EMPTY_POLICY} />, root));
	await vi.waitFor(() => expect(root.querySelector('[data-usage-row]')).not.toBeNull());
	await click(button('Limpar registro'));
	await click(root.querySelector('[data-action="usage-clear-confirm"]'));
}

test('clear refused by the background: not "apagado", the record stays', async () => {
	browser.runtime.sendMessage.mockResolvedValue(undefined);
	await confirmClear();
	await vi.waitFor(() => expect(status('usage')).toMatch(/não foi apagado/));
	expect(root.querySelector('[data-usage-row]')).not.toBeNull();
});

test('clear failing (the background is unreachable): said, nothing escapes', async () => {
	browser.runtime.sendMessage.mockRejectedValue(new Error('Could not establish connection'));
	await confirmClear();
	await vi.waitFor(() => expect(status('usage')).toBe('Não foi possível concluir: Could not establish connection. Recarregue esta página e tente de novo.'));
});

test('clear accepted: "apagado"', async () => {
	browser.runtime.sendMessage.mockResolvedValue({ ok: true });
	await confirmClear();
	await vi.waitFor(() => expect(status('usage')).toBe('Registro de uso apagado.'));
	expect(root.querySelector('[data-usage-row]')).toBeNull();
});

test('turning the record off when storage refuses: said, and the checkbox shows what is stored', async () => {
	await act(() => void render(<UsageSection policy={EMPTY_POLICY} />, root));
	browser.storage.local.set.mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
	const box = root.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
	await act(() => {
		box.checked = false;
		box.dispatchEvent(new Event('change', { bubbles: true }));
	});
	await vi.waitFor(() => expect(status('usage')).toBe('A alteração não foi salva: o armazenamento do navegador está cheio. Remova SOPs importados que não usa (ou apague o registro de uso) e tente de novo.'));
	expect(box.checked).toBe(true);
});

test('a grant whose saving fails is said; the grant registers through permissions.onAdded only (no second message)', async () => {
	browser.permissions.request.mockResolvedValue(true);
	browser.storage.local.set.mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
	await act(() => void render(<Installations installations={[]} policy={EMPTY_POLICY} onChange={() => undefined} />, root));
	const input = root.querySelector<HTMLInputElement>('#installation-url')!;
	await act(() => {
		input.value = 'https://helpdesk.example.com/qualitor/';
		input.dispatchEvent(new Event('input', { bubbles: true }));
	});
	await act(() => void root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
	await vi.waitFor(() => expect(status('installations')).toMatch(/^Não foi possível concluir: QUOTA_BYTES/));
	expect(browser.permissions.request).toHaveBeenCalledWith({ origins: ['https://helpdesk.example.com/*'] });
	expect(browser.runtime.sendMessage).not.toHaveBeenCalled();
});

const FULL = 'o armazenamento do navegador está cheio. Remova SOPs importados que não usa (ou apague o registro de uso) e tente de novo.';
const submit = (form: Element | null) => act(() => void form!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
const type = (el: HTMLInputElement | HTMLTextAreaElement, value: string) =>
	act(() => {
		el.value = value;
		el.dispatchEvent(new Event('input', { bubbles: true }));
	});

test('a mapping that storage refuses (QUOTA_BYTES) is said in Portuguese, and the text typed stays; with room it saves', async () => {
	browser.storage.local.get.mockImplementation(async () => ({}));
	await act(() => void render(<MappingSection origins={[]} policy={EMPTY_POLICY} />, root));
	await type(root.querySelector<HTMLInputElement>('#mapping-origin')!, 'https://helpdesk.example.com');
	await submit(root.querySelector('form.row'));
	await vi.waitFor(() => expect(root.querySelector('#mapping-names')).not.toBeNull());
	await type(root.querySelector<HTMLTextAreaElement>('#mapping-names')!, 'Cartão = Cartão inteligente');
	browser.storage.local.set.mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
	await submit(root.querySelector('form.mapping'));
	await vi.waitFor(() => expect(status('mapping')).toBe(`O mapeamento não foi salvo: ${FULL}`));
	expect(root.querySelector<HTMLTextAreaElement>('#mapping-names')!.value).toBe('Cartão = Cartão inteligente');
	// Positive control: storage has room again.
	await submit(root.querySelector('form.mapping'));
	await vi.waitFor(() => expect(status('mapping')).toMatch(/helpdesk\.example\.com/));
	expect(status('mapping')).not.toMatch(/não foi salvo/);
});

test('an import that storage refuses is said in Portuguese; nothing is listed as imported; with room it imports', async () => {
	browser.storage.local.get.mockImplementation(async () => ({}));
	await act(() => void render(<SopsSection policy={EMPTY_POLICY} />, root));
	const input = root.querySelector<HTMLInputElement>('#sop-files')!;
	const file = new File([readFileSync('sops/token-em-branco.md', 'utf8')], 'token-em-branco.md', { type: 'text/markdown' });
	const pick = () =>
		act(() => {
			Object.defineProperty(input, 'files', { value: [file], configurable: true });
			input.dispatchEvent(new Event('change', { bubbles: true }));
		});
	browser.storage.local.set.mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
	await pick();
	await vi.waitFor(() => expect(status('sops')).toBe(`Nada foi importado: ${FULL}`));
	expect(root.querySelector('[data-sop-row="token-em-branco"]')?.getAttribute('data-source') ?? 'bundled').toBe('bundled');
	await pick();
	await vi.waitFor(() => expect(status('sops')).toBe('1 SOP(s) importado(s).'));
});
