// @vitest-environment jsdom
// The popup's page as a component: decode as you type, the verdict first, masked fields, the "sem CEI" offer.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { App } from '../../src/popup/App.tsx';
import { vectorsDir } from '../cert/helpers/vectors.ts';

let root: HTMLElement;
beforeEach(() => {
	root = document.createElement('div');
	document.body.append(root);
	render(<App />, root);
});
afterEach(() => {
	render(null, root);
	root.remove();
});

const verdict = () => root.querySelector<HTMLElement>('[role="status"]')!;
const rowText = (label: string) =>
	[...root.querySelectorAll('tr')].find((tr) => tr.querySelector('th')?.textContent === label)?.textContent ?? null;

async function type(text: string) {
	const area = root.querySelector<HTMLTextAreaElement>('#dump')!;
	await act(async () => {
		area.value = text;
		area.dispatchEvent(new Event('input', { bubbles: true }));
	});
	// The decoder is a lazy chunk: on a busy machine its first import takes more than waitFor's default second.
	await vi.waitFor(() => expect(verdict().dataset.status).not.toBe('idle'), { timeout: 15_000 });
}

test('waits politely before anything is pasted', () => {
	expect(verdict().dataset.status).toBe('idle');
	expect(verdict().getAttribute('aria-live')).toBe('polite');
	expect(root.querySelector('label[for="dump"]')).not.toBeNull();
	expect(root.querySelector('label[for="file"]')).not.toBeNull();
});

test('a valid CEI: green verdict with the mask, fields with masks and check results', async () => {
	await type(readFileSync(resolve(vectorsDir, 'ecpf_octet_cei.windows.txt'), 'utf8'));
	expect(verdict().dataset.status).toBe('valid');
	expect(verdict().textContent).toContain('CEI válido: 11.583.00249/85');
	expect(rowText('CPF')).toContain('123.456.789-09');
	expect(rowText('CPF')).toContain('DV ok');
	expect(rowText('Matrícula CEI')).toContain('11.583.00249/85');
	expect(rowText('Data de nascimento')).toContain('15/03/1985');
	expect(root.querySelector('button[aria-label="Copiar CPF"]')).not.toBeNull();
	expect(root.textContent).not.toContain('Abrir procedimento Certificado sem CEI');
});

test('a wrong check digit is "CEI inválido" and says which digit was expected', async () => {
	await type('2.16.76.1.3.6=04 0c 31 31 35 38 33 30 30 32 34 39 38 30');
	expect(verdict().dataset.status).toBe('invalid');
	expect(verdict().textContent).toMatch(/CEI inválido.*esperado 5/);
	expect(rowText('Matrícula CEI')).toContain('DV não confere');
});

test('zeros: "Sem CEI" and the procedure button; CNPJ masked', async () => {
	await type(readFileSync(resolve(vectorsDir, 'ecnpj_utf8_cei_zeros.windows.txt'), 'utf8'));
	expect(verdict().dataset.status).toBe('absent');
	expect(rowText('CNPJ')).toContain('12.345.678/0001-95');
	expect(rowText('Matrícula CEI')).toContain('não informado');
	expect([...root.querySelectorAll('button')].some((b) => b.textContent === 'Abrir procedimento Certificado sem CEI')).toBe(true);
});

const semCeiButton = () => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Abrir procedimento Certificado sem CEI');

test('the SOP\'s own example: "Matrícula no Outro Nome: 1234567", how to confirm it, no "sem CEI" procedure', async () => {
	await type('31 32 33 34 35 36 37');
	expect(verdict().dataset.status).toBe('unconfirmed');
	expect(verdict().textContent).toContain('Matrícula no Outro Nome: 1234567');
	expect(verdict().textContent).toMatch(/OID do campo não foi colado.*arquivo do certificado/);
	expect(rowText('Matrícula no Outro Nome')).toContain('1234567');
	expect(semCeiButton()).toBeUndefined();
});

test('an equipment/server certificate: "Não se aplica", no procedure', async () => {
	await type(readFileSync(resolve(vectorsDir, 'equipamento_servidor.windows.txt'), 'utf8'));
	expect(verdict().dataset.status).toBe('not-applicable');
	expect(verdict().textContent).toContain('Não se aplica');
	expect(rowText('Nome empresarial')).toContain('EMPRESA EXEMPLO SINTETICA LTDA');
	expect(semCeiButton()).toBeUndefined();
});

test('the procedure says what it takes to the ticket: the CNPJ and the company', async () => {
	await type(readFileSync(resolve(vectorsDir, 'ecpf_printable_no_cei_oid.windows.txt'), 'utf8'));
	expect(verdict().dataset.status).toBe('absent');
	expect(semCeiButton()).toBeDefined();
	// From a pasted list only the CPF is known (the name is in the certificate file).
	expect(root.querySelector('#sem-cei-carries')!.textContent).toBe('Leva para o chamado: CPF 222.333.444-05');
	expect(semCeiButton()!.getAttribute('aria-describedby')).toBe('sem-cei-carries');
});

test('junk: the error message in the verdict, no tables', async () => {
	await type('bom dia, o certificado não funciona');
	expect(verdict().dataset.status).toBe('error');
	expect(verdict().textContent).toContain('Não reconheci o texto colado');
	expect(root.querySelector('table')).toBeNull();
});

test('clearing the text goes back to waiting', async () => {
	await type('31 32 33');
	const area = root.querySelector<HTMLTextAreaElement>('#dump')!;
	await act(async () => {
		area.value = '';
		area.dispatchEvent(new Event('input', { bubbles: true }));
	});
	await vi.waitFor(() => expect(verdict().dataset.status).toBe('idle'));
});

test('a huge dropped file is refused by its size, without being read', async () => {
	const arrayBuffer = vi.fn(async () => new ArrayBuffer(0));
	const file = { name: 'backup.iso', size: 5 * 1024 ** 3, arrayBuffer };
	const drop = new Event('drop', { bubbles: true, cancelable: true });
	Object.defineProperty(drop, 'dataTransfer', { value: { files: [file] } });
	await act(async () => void root.querySelector('main')!.dispatchEvent(drop));
	await vi.waitFor(() => expect(verdict().dataset.status).toBe('error'));
	expect(verdict().textContent).toMatch(/5120,0 MB|5,0 GB|MB/);
	expect(arrayBuffer).not.toHaveBeenCalled();
});
