import { describe, expect, test } from 'vitest';
import { isGenericContact } from '../../src/sop/contact.ts';
import { parseSop } from '../../src/sop/parse.ts';
import { planFields } from '../../src/sop/plan.ts';
import { routeVariables } from '../../src/sop/route.ts';
import { splitByOwner } from '../../src/sop/sla.ts';
import type { Sop } from '../../src/sop/types.ts';
import { variableLabel } from '../../src/sop/variable-label.ts';
import { testSop } from '../helpers/sop.ts';

const sop = (templates: Partial<Sop['templates']>) => testSop({ templates: { adicionais: {}, ...templates }, variables: [{ name: 'cpf_cnpj', label: 'CPF/CNPJ do certificado' }] });

describe('routeVariables: values go where the form has a field for them', () => {
	const base = sop({
		descricao: 'Cliente sem CEI.\nTelefones para contato: {telefone1} / {telefone2}\nE-mail: {email}\nCPF/CNPJ: {cpf_cnpj}\nProtocolo {protocolo} em {data}',
	});
	const values = { telefone1: '(11) 98888-7777', telefone2: '(11) 3222-1111', email: 'a@b.com', cpf_cnpj: '123', protocolo: '99', data: '01/12/2026' };

	test('lines that only carry routed values leave Descrição and become routes, each with its fallback line', () => {
		const { sop: routed, routes } = routeVariables(base, values);
		// A line that mixes kinds (protocolo and data) stays where the author put it.
		expect(routed.templates.descricao).toBe('Cliente sem CEI.\nProtocolo {protocolo} em {data}');
		expect(routes).toEqual([
			{ label: 'Telefone', text: '(11) 98888-7777 / (11) 3222-1111', fallback: 'Telefones para contato: (11) 98888-7777 / (11) 3222-1111' },
			{ label: 'E-mail', text: 'a@b.com', fallback: 'E-mail: a@b.com' },
			{ label: 'CPF/CNPJ', text: '123', fallback: 'CPF/CNPJ: 123' },
		]);
		expect(planFields(routed, values).descricao).toBe('Cliente sem CEI.\nProtocolo 99 em 01/12/2026');
	});

	test('a label the SOP fills through adicionais is left as written; nothing given, no route', () => {
		const withField = { ...base, templates: { ...base.templates, adicionais: { Telefone: '{telefone1}' } } };
		expect(routeVariables(withField, values).routes.map((r) => r.label)).not.toContain('Telefone');
		expect(routeVariables(withField, values).sop.templates.descricao).toMatch(/Telefones para contato/);
		expect(routeVariables(base, {}).routes).toEqual([]);
	});
});

test('isGenericContact: registry entries are not names; people are', () => {
	for (const generic of ['REGISTRO ATENDIMENTOS RÁPIDOS', 'Contato padrão', 'NAO INFORMADO', '', '  ', '12345']) expect(isGenericContact(generic), generic).toBe(true);
	for (const person of ['João da Silva', 'MARIA SOUZA', 'Ana']) expect(isGenericContact(person), person).toBe(false);
});

test('splitByOwner: a third party\'s deadline is not ours', () => {
	const ours = { label: 'Retorno', minutes: 1440 };
	const theirs = { label: 'Início', minutes: 15, thirdParty: 'cartório' };
	expect(splitByOwner([ours, theirs])).toEqual({ ours: [ours], theirs: [theirs] });
});

test('variableLabel: the SOP\'s label, a built-in\'s Portuguese name, never a code name when either exists', () => {
	const s = sop({});
	expect(variableLabel(s, 'cpf_cnpj')).toBe('CPF/CNPJ do certificado');
	expect(variableLabel(s, 'cliente')).toBe('Nome do cliente');
	expect(variableLabel(s, 'outro')).toBe('outro');
});

describe('resposta and third_party in the front matter', () => {
	const file = (extra: string) => `---\ntitle: T\nsummary: S\nsource: s.txt\nkeywords: [k]\n${extra}---\nCorpo\n`;
	test('a reply is a template; {resposta} is allowed where the SOP has one, and refused where it has none', () => {
		const ok = parseSop('sops/x.md', file('resposta: "Prezado(a) {contato}, {saudacao}."\ntemplates:\n  solucao: "{resposta}"\n'));
		expect(ok.ok && ok.sop.resposta).toBe('Prezado(a) {contato}, {saudacao}.');
		const refused = parseSop('sops/x.md', file('templates:\n  solucao: "{resposta}"\n'));
		expect(refused.ok ? [] : refused.problems.map((p) => p.message)).toEqual([expect.stringMatching(/unknown template variable \{resposta\}/)]);
		const unknown = parseSop('sops/x.md', file('resposta: "Olá {nome}"\n'));
		expect(unknown.ok).toBe(false);
	});
	test('third_party marks a deadline as someone else\'s', () => {
		const r = parseSop('sops/x.md', file('sla:\n  - { label: Início, deadline: 15min, third_party: cartório }\n  - { label: Retorno, deadline: 24h }\n'));
		expect(r.ok && r.sop.sla).toEqual([
			{ label: 'Início', minutes: 15, thirdParty: 'cartório' },
			{ label: 'Retorno', minutes: 1440 },
		]);
	});
});
