// @vitest-environment jsdom
import fc from 'fast-check';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { applySop, undoApply, type ApplyPlan } from '../../src/qualitor/apply.ts';
import { CATEGORISATION_GROUP } from '../../src/qualitor/cascade.ts';
import { DEFAULT_ADICIONAIS, mountFakeQualitor } from './fake-qualitor.ts';

beforeEach(() => document.body.replaceChildren());

const $ = <T extends HTMLElement = HTMLTextAreaElement>(selector: string) => document.querySelector<T>(selector)!;

const PLAN: ApplyPlan = {
	categorisation: { tipo: 'Suporte', categorias: ['SUP - Certificado Digital', 'Cartão', 'Em branco'], prioridade: 'Alta' },
	fields: { titulo: 'Certificado sem CEI', descricao: 'Cliente relata certificado sem CEI.', solucao: 'Orientado a reemitir.' },
	adicionais: { 'Descrição para subchamado': 'Reemissão', Encaminhar: 'Relacionamento', Telefone: '' },
};

describe('applySop', () => {
	test('runs the cascade, writes the texts, then the additional fields that appear after the last level', async () => {
		const fake = mountFakeQualitor(document, { ajaxDelayMs: 20 });
		$('#dschamado').value = 'Ligou às 10h';
		const report = await applySop(document, PLAN);
		expect(report.mode).toBe('new');
		expect(report.notDone).toEqual([]);
		expect(fake.selectedText('cdcategoria3')).toBe('Em branco');
		expect($<HTMLInputElement>('#nmtitulochamado').value).toBe('Certificado sem CEI');
		expect($('#dschamado').value).toBe('Ligou às 10h\n\nCliente relata certificado sem CEI.');
		expect($('#dsacaocorretiva').value).toBe('Orientado a reemitir.');
		expect($('#vlinformacaoadicional17').value).toBe('Reemissão');
		expect(fake.selectedText('vlinformacaoadicional4')).toBe('Relacionamento');
		expect(report.done.map((d) => `${d.what}:${d.outcome}`)).toEqual([
			'Tipo:selected',
			'Categoria 1:selected',
			'Categoria 2:selected',
			'Categoria 3:selected',
			'Prioridade:selected',
			'Título:filled',
			'Descrição:appended',
			'Descrição da solução:filled',
			'Descrição para subchamado:filled',
			'Encaminhar:selected',
		]);
		expect(report.timing.waitMs).toBeGreaterThan(0);
		expect(report.timing.workMs).toBeGreaterThanOrEqual(0);
		expect(report.timing.totalMs).toBeGreaterThanOrEqual(report.timing.waitMs);
	});

	test('applying twice changes nothing the second time', async () => {
		mountFakeQualitor(document);
		await applySop(document, PLAN);
		const before = [...document.querySelectorAll<HTMLTextAreaElement>('textarea, input')].map((e) => e.value);
		const again = await applySop(document, PLAN);
		expect(again.done.every((d) => d.outcome === 'unchanged' || d.outcome === 'already')).toBe(true);
		expect([...document.querySelectorAll<HTMLTextAreaElement>('textarea, input')].map((e) => e.value)).toEqual(before);
		expect(again.journal.entries.filter((e) => e.group === undefined)).toHaveLength(0);
	});

	test('a missing category stops the cascade but the texts are still written; missing extras are reported', async () => {
		mountFakeQualitor(document);
		const report = await applySop(
			document,
			{ ...PLAN, categorisation: { tipo: 'Suporte', categorias: ['SUP - Certificado Digital', 'Cartão', 'Certificado sem CEI'] } },
			{ timeoutMs: 2000 },
		);
		expect(report.notDone).toEqual([
			{ what: 'Categoria 3', why: 'Categoria 3 "Certificado sem CEI" não existe neste Qualitor (opções: Em branco, Bloqueado); escolha manualmente.' },
			{ what: 'Descrição para subchamado', why: expect.stringContaining('não está no formulário') },
			{ what: 'Encaminhar', why: expect.stringContaining('não está no formulário') },
		]);
		expect($('#dschamado').value).toBe('Cliente relata certificado sem CEI.');
		// gave up on the additional fields quickly, since the cascade had failed
		expect(report.timing.waitMs).toBeLessThan(1500);
	});

	test('reports a select option that does not exist', async () => {
		mountFakeQualitor(document, { mode: 'edit', initial: { tipo: 'Suporte', path: ['SUP - Sistema', 'Acesso'] } });
		const report = await applySop(document, { fields: {}, adicionais: { Encaminhar: 'Financeiro' } });
		expect(report.mode).toBe('edit');
		expect(report.notDone).toEqual([
			{ what: 'Encaminhar', why: '"Encaminhar": opção "Financeiro" não existe neste Qualitor (opções: Relacionamento, N2 - Certificação); escolha manualmente.' },
		]);
	});

	test('without a category change, an absent additional field is reported without the full wait', async () => {
		mountFakeQualitor(document, { mode: 'edit', initial: { tipo: 'Suporte', path: ['SUP - Sistema', 'Acesso'] } });
		const started = performance.now();
		const report = await applySop(document, { fields: {}, adicionais: { Protocolo: '123', Telefone: '(11) 3222-1234' } }, { timeoutMs: 5000 });
		expect(performance.now() - started).toBeLessThan(2000);
		expect(report.notDone).toEqual([{ what: 'Protocolo', why: expect.stringContaining('não está no formulário') }]);
		expect($<HTMLInputElement>('#vlinformacaoadicional9').value).toBe('(11) 3222-1234');
	});

	test("waiting for the additional fields scans the page's labels once per check, not once per field", async () => {
		mountFakeQualitor(document, { mode: 'edit', initial: { tipo: 'Suporte', path: ['SUP - Sistema', 'Acesso'] } });
		const scans = vi.spyOn(document, 'createTreeWalker');
		const adicionais = { 'Descrição para subchamado': 'a', Telefone: '(11) 3222-1234', 'E-mail': 'c@example.com', Encaminhar: 'Relacionamento' };
		const report = await applySop(document, { fields: {}, adicionais });
		expect(report.notDone).toEqual([]);
		// the fields are there at once: one scan of the page's text for the wait's only check, one to find them all to write
		expect(scans.mock.calls.filter(([, what]) => what === NodeFilter.SHOW_TEXT)).toHaveLength(2);
		scans.mockRestore();
	});

	test('writes into the edit-mode fields, not the read-only originals', async () => {
		mountFakeQualitor(document, { mode: 'edit', initial: { tipo: 'Suporte', path: ['SUP - Sistema', 'Acesso'] } });
		const report = await applySop(document, { fields: { descricao: 'Novo texto', titulo: 'T' }, adicionais: {} });
		expect(report.notDone).toEqual([]);
		expect($('#dschamadochange').value).toBe('Novo texto');
		expect($('#dschamado').value).toBe('Texto original');
	});

	test('a read-only field is reported, not written', async () => {
		mountFakeQualitor(document);
		$('#dsacaocorretiva').readOnly = true;
		const report = await applySop(document, { fields: { solucao: 'x' }, adicionais: {} });
		expect(report.notDone).toEqual([{ what: 'Descrição da solução', why: expect.stringContaining('somente leitura') }]);
	});

	test('does nothing on a page without the ticket form', async () => {
		document.body.innerHTML = '<textarea id="outra"></textarea>';
		const report = await applySop(document, PLAN);
		expect(report.mode).toBeNull();
		expect(report.notDone).toEqual([{ what: 'Formulário', why: expect.stringContaining('não encontrado') }]);
		expect(report.journal.entries).toHaveLength(0);
	});

	test('keeps what the agent typed in additional fields through the reload a category change causes', async () => {
		const fake = mountFakeQualitor(document, { mode: 'edit', initial: { tipo: 'Suporte', path: ['SUP - Sistema', 'Acesso'] } });
		$<HTMLInputElement>('#vlinformacaoadicional9').value = '(11) 98765-4321';
		$('#vlinformacaoadicional17').value = 'anotação do atendente';
		$<HTMLSelectElement>('#vlinformacaoadicional4').selectedIndex = 2;
		const oldSub = $('#vlinformacaoadicional17');
		const report = await applySop(document, {
			categorisation: { tipo: 'Suporte', categorias: ['SUP - Certificado Digital', 'Emissão'] },
			fields: {},
			adicionais: { 'Descrição para subchamado': 'Modelo' },
		});
		expect(report.notDone).toEqual([]);
		expect(oldSub.isConnected).toBe(false); // the fake re-rendered them empty
		expect($<HTMLInputElement>('#vlinformacaoadicional9').value).toBe('(11) 98765-4321');
		expect($('#vlinformacaoadicional17').value).toBe('anotação do atendente\n\nModelo');
		expect(fake.selectedText('vlinformacaoadicional4')).toBe('N2 - Certificação');
		const undo = await undoApply(report);
		expect(undo.problems).toEqual([]);
		expect(fake.selectedText('cdcategoriachange1')).toBe('SUP - Sistema');
		expect($('#vlinformacaoadicional17').value).toBe('anotação do atendente');
		expect($<HTMLInputElement>('#vlinformacaoadicional9').value).toBe('(11) 98765-4321');
	});

	test('says what was in an additional field that did not come back', async () => {
		mountFakeQualitor(document, { mode: 'edit', initial: { tipo: 'Suporte', path: ['SUP - Sistema', 'Acesso'] } });
		$<HTMLInputElement>('#vlinformacaoadicional9').value = '(11) 98765-4321';
		const report = await applySop(
			document,
			{ categorisation: { tipo: 'Suporte', categorias: ['SUP - Certificado Digital', 'Cartão', 'Nada'] }, fields: {}, adicionais: {} },
			{ timeoutMs: 300 },
		);
		expect(report.notDone).toContainEqual({
			what: 'Telefone',
			why: '"Telefone" sumiu com a nova categoria; o que estava nele era: "(11) 98765-4321". Copie se ainda precisar.',
		});
	});

	test('undo keeps what the agent typed in the additional fields after applying, through the reload', async () => {
		const fake = mountFakeQualitor(document, { mode: 'edit', initial: { tipo: 'Suporte', path: ['SUP - Sistema', 'Acesso'] } });
		const report = await applySop(document, {
			categorisation: { tipo: 'Suporte', categorias: ['SUP - Certificado Digital', 'Emissão'] },
			fields: {},
			adicionais: { 'Descrição para subchamado': 'Reemissão', Telefone: '(11) 3222-1234' },
		});
		expect(report.notDone).toEqual([]);
		$<HTMLInputElement>('#vlinformacaoadicional9').value = '(11) 3222-1234 / (11) 98765-4321';
		$('#vlinformacaoadicional17').value = 'Reemissão\n\nCliente pediu retorno à tarde';
		$<HTMLInputElement>('#vlinformacaoadicional11').value = 'maria@example.com'; // not written by the SOP
		const undo = await undoApply(report);
		expect(fake.selectedText('cdcategoriachange1')).toBe('SUP - Sistema');
		expect(undo.problems).toEqual([
			{ what: 'Telefone', why: expect.stringContaining('editado depois de aplicar') },
			{ what: 'Descrição para subchamado', why: expect.stringContaining('editado depois de aplicar') },
		]);
		expect($<HTMLInputElement>('#vlinformacaoadicional9').value).toBe('(11) 3222-1234 / (11) 98765-4321');
		expect($('#vlinformacaoadicional17').value).toBe('Reemissão\n\nCliente pediu retorno à tarde');
		expect($<HTMLInputElement>('#vlinformacaoadicional11').value).toBe('maria@example.com');
	});

	test('undo says what the agent had typed in additional fields that the restored category does not have', async () => {
		mountFakeQualitor(document);
		const report = await applySop(document, { ...PLAN, adicionais: { ...PLAN.adicionais, Telefone: '(11) 3222-1234' } });
		$<HTMLInputElement>('#vlinformacaoadicional9').value = '(11) 98765-4321';
		$('#vlinformacaoadicional17').value = 'Reemissão\n\nnota do atendente';
		const undo = await undoApply(report);
		expect(document.getElementById('vlinformacaoadicional9')).toBeNull();
		expect(undo.problems).toContainEqual({ what: 'Telefone', why: expect.stringContaining('"(11) 98765-4321"') });
		expect(undo.problems).toContainEqual({ what: 'Descrição para subchamado', why: expect.stringContaining('"Reemissão\n\nnota do atendente"') });
	});

	test("the cascade's undo on its own takes out exactly the SOP's part of an additional field it reloads", async () => {
		mountFakeQualitor(document, { mode: 'edit', initial: { tipo: 'Suporte', path: ['SUP - Sistema', 'Acesso'] } });
		$('#vlinformacaoadicional17').value = 'anotação do atendente';
		const report = await applySop(document, {
			categorisation: { tipo: 'Suporte', categorias: ['SUP - Certificado Digital', 'Emissão'] },
			fields: {},
			adicionais: { 'Descrição para subchamado': 'Modelo' },
		});
		expect($('#vlinformacaoadicional17').value).toBe('anotação do atendente\n\nModelo');
		const cascade = report.journal.entries.filter((e) => e.group === CATEGORISATION_GROUP);
		const undo = await report.journal.restorerFor(CATEGORISATION_GROUP)!(cascade, {});
		expect(undo.problems).toEqual([]);
		expect($('#vlinformacaoadicional17').value).toBe('anotação do atendente');
	});

	test('undoApply puts everything back, categories included', async () => {
		const fake = mountFakeQualitor(document, { severityByLeaf: { 'Em branco': 'Baixa' } });
		$('#dschamado').value = 'Ligou às 10h';
		const report = await applySop(document, PLAN);
		const undo = await undoApply(report);
		expect(undo.problems).toEqual([]);
		await fake.idle();
		expect($('#dschamado').value).toBe('Ligou às 10h');
		expect($<HTMLInputElement>('#nmtitulochamado').value).toBe('');
		expect($('#dsacaocorretiva').value).toBe('');
		expect(fake.selectedText('cdtipochamado')).toBe('Selecione');
		expect(fake.selectedText('cdseveridade')).toBe('Selecione');
		expect(document.getElementById('cdcategoria1')).toBeNull();
	});

	test('undo keeps a choice the agent made after applying, in an additional field and in Prioridade', async () => {
		const fake = mountFakeQualitor(document, { severityByLeaf: { 'Em branco': 'Baixa' } });
		const report = await applySop(document, PLAN);
		$<HTMLSelectElement>('#vlinformacaoadicional4').selectedIndex = 2; // N2 - Certificação
		$<HTMLSelectElement>('#cdseveridade').selectedIndex = 4; // Crítica
		const undo = await undoApply(report);
		expect(undo.problems).toEqual([
			{ what: 'Encaminhar', why: expect.stringContaining('alterado depois de aplicar; não foi desfeito') },
			{ what: 'Prioridade', why: expect.stringContaining('alterado depois de aplicar; não foi desfeito') },
			// a new ticket: the field leaves with the undone category, so the choice is at least named
			{ what: 'Encaminhar', why: expect.stringContaining('o que estava nele era: "N2 - Certificação"') },
		]);
		expect(fake.selectedText('cdseveridade')).toBe('Crítica');
		// the categories were still undone: nothing the agent chose depended on them
		expect(fake.selectedText('cdtipochamado')).toBe('Selecione');
	});

	test('undo with overwriteEdits puts selects back even when the agent changed them', async () => {
		const fake = mountFakeQualitor(document);
		const report = await applySop(document, PLAN);
		$<HTMLSelectElement>('#cdseveridade').selectedIndex = 4;
		const undo = await undoApply(report, { overwriteEdits: true });
		expect(undo.problems).toEqual([]);
		expect(fake.selectedText('cdseveridade')).toBe('Selecione');
	});

	test('undo leaves the categorisation alone when the agent changed a level after applying', async () => {
		const fake = mountFakeQualitor(document);
		const report = await applySop(document, PLAN);
		const level3 = $<HTMLSelectElement>('#cdcategoria3');
		level3.selectedIndex = [...level3.options].findIndex((o) => o.text === 'Bloqueado');
		level3.dispatchEvent(new Event('change', { bubbles: true }));
		await fake.idle();
		const undo = await undoApply(report);
		expect(undo.problems).toContainEqual({ what: 'Categoria 3', why: expect.stringContaining('alterado depois de aplicar; não foi desfeito') });
		expect(undo.problems).toContainEqual({ what: 'Tipo', why: expect.stringContaining('Categoria 3 mudou depois de aplicar') });
		expect(fake.selectedText('cdtipochamado')).toBe('Suporte');
		expect(fake.selectedText('cdcategoria3')).toBe('Bloqueado');
	});
});

// What agents may already have typed, and what templates may say.
const text = fc.oneof(
	{ weight: 1, arbitrary: fc.constant('') },
	{ weight: 1, arbitrary: fc.constantFrom(' ', '\n\n', '\t \n', 'Ligou às 10h ☎', '  espaço antes') },
	{ weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
);
const priorAndTemplate = fc.oneof(
	fc.record({ prior: text, template: text }),
	text.map((t) => ({ prior: t, template: t })),
	fc.record({ a: text, template: text, b: text }).map(({ a, template, b }) => ({ prior: a + template + b, template })),
);

describe('applySop: nothing is lost (property)', () => {
	const textTargets = ['#nmtitulochamadochange', '#dschamadochange', '#dsacaocorretiva', '#vlinformacaoadicional17', '#vlinformacaoadicional9'];

	test('prior texts stay as prefixes, and apply-then-undo restores every field and select exactly', async () => {
		const encaminhar = DEFAULT_ADICIONAIS.find((a) => a.label === 'Encaminhar')!.options!;
		await fc.assert(
			fc.asyncProperty(
				fc.tuple(...textTargets.map(() => priorAndTemplate)),
				fc.nat({ max: encaminhar.length - 1 }),
				fc.constantFrom(...encaminhar, 'Inexistente'),
				async (pairs, priorIndex, chosen) => {
					document.body.replaceChildren();
					mountFakeQualitor(document, { mode: 'edit', initial: { tipo: 'Suporte', path: ['SUP - Sistema', 'Acesso'] } });
					pairs.forEach(({ prior }, i) => ($<HTMLTextAreaElement>(textTargets[i]!).value = prior));
					const select = $<HTMLSelectElement>('#vlinformacaoadicional4');
					select.selectedIndex = priorIndex;
					const original = textTargets.map((s) => $<HTMLTextAreaElement>(s).value);
					const [titulo, descricao, solucao, sub, telefone] = pairs.map((p) => p.template);
					const report = await applySop(document, {
						fields: { titulo, descricao, solucao },
						adicionais: { 'Descrição para subchamado': sub!, Telefone: telefone!, Encaminhar: chosen },
					});
					textTargets.forEach((s, i) => expect($<HTMLTextAreaElement>(s).value.startsWith(original[i]!)).toBe(true));
					const undo = await undoApply(report);
					expect(undo.problems).toEqual([]);
					expect(textTargets.map((s) => $<HTMLTextAreaElement>(s).value)).toEqual(original);
					expect(select.selectedIndex).toBe(priorIndex);
				},
			),
			// jsdom's getComputedStyle makes each run ~50 ms; a browser does this in well under 1 ms.
			{ numRuns: 80 },
		);
	}, 60_000);

	test('with the cascade: undo restores Tipo, categories and priority exactly, and keeps what the agent typed after applying', async () => {
		const paths = [
			['SUP - Certificado Digital', 'Cartão', 'Bloqueado'],
			['SUP - Certificado Digital', 'Emissão'],
			['SUP - Sistema', 'Acesso'],
		];
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...paths),
				fc.constantFrom(...paths, ['SUP - Certificado Digital', 'Token', 'Em branco'], ['SUP - Certificado Digital', 'Nada']),
				fc.nat({ max: 4 }),
				fc.constantFrom('Baixa', 'Alta', undefined),
				text,
				async (initial, wanted, severity, prioridade, agentText) => {
					document.body.replaceChildren();
					const fake = mountFakeQualitor(document, {
						mode: 'edit',
						ajaxDelayMs: 1,
						initial: { tipo: 'Suporte', path: initial },
						severityByLeaf: { 'Em branco': 'Baixa', Emissão: 'Crítica', Acesso: 'Média' },
					});
					$<HTMLSelectElement>('#cdseveridade').selectedIndex = severity;
					const ids = ['cdtipochamadochange', 'cdcategoriachange1', 'cdcategoriachange2', 'cdcategoriachange3', 'cdseveridade'];
					const before = ids.map((id) => fake.selectedText(id));
					const report = await applySop(
						document,
						{ categorisation: { tipo: 'Suporte', categorias: wanted, prioridade }, fields: {}, adicionais: {} },
						{ timeoutMs: 300, settleMs: 30 },
					);
					// Typed after the apply, wherever the category shows the field; the undo reloads it.
					const telefone = () => document.getElementById('vlinformacaoadicional9') as HTMLInputElement | null;
					if (telefone()) telefone()!.value = agentText;
					const typed = telefone()?.value ?? '';
					const undo = await undoApply(report);
					await fake.idle();
					expect(undo.problems).toEqual([]);
					expect(ids.map((id) => fake.selectedText(id))).toEqual(before);
					// every initial path is a leaf, so the field is back
					if (typed.trim() !== '') expect(telefone()?.value).toBe(typed);
				},
			),
			{ numRuns: 25 },
		);
	}, 60_000);

	test('with Tipo-linked defaults and fields arriving late: apply-then-undo gives the original back, and the agent text is never lost', async () => {
		const paths = [
			['SUP - Certificado Digital', 'Cartão', 'Em branco'],
			['SUP - Certificado Digital', 'Cartão', 'Bloqueado'],
			['SUP - Certificado Digital', 'Emissão'],
		];
		// The agent's text in the Tipo-linked field, or nothing (its default untouched); the same for Telefone.
		const agent = fc.option(fc.constantFrom('WhatsApp', 'Ligou às 10h ☎', 'Não informado.', '  espaço antes'), { nil: undefined });
		let lateRuns = 0;
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...paths), fc.constantFrom(...paths), agent, agent, text, text, text, async (initial, wanted, canal, telefone, sopCanal, sopTelefone, sopProtocolo) => {
				document.body.replaceChildren();
				const fake = mountFakeQualitor(document, {
					ajaxDelayMs: 1,
					tipoAdicionais: [{ n: 61, label: 'Canal de atendimento', value: 'Não informado' }],
					lateAdicionais: { afterMs: 120, fields: [{ n: 47, label: 'Protocolo' }] },
				});
				const field = (n: number) => document.getElementById(`vlinformacaoadicional${n}`) as HTMLInputElement | null;
				const choose = async (id: string, option: string) => {
					const select = $<HTMLSelectElement>(`#${id}`);
					select.selectedIndex = [...select.options].findIndex((o) => o.text === option);
					select.dispatchEvent(new Event('change', { bubbles: true }));
					await fake.idle();
				};
				await choose('cdtipochamado', 'Suporte');
				for (const [i, name] of initial.entries()) await choose(`cdcategoria${i + 1}`, name);
				await vi.waitFor(() => expect(field(47)).not.toBeNull(), { timeout: 2000 });
				if (canal !== undefined) field(61)!.value = canal;
				if (telefone !== undefined) field(9)!.value = telefone;
				const original = [61, 9, 47].map((n) => field(n)!.value);
				const late: string[] = [];
				const report = await applySop(
					document,
					{ categorisation: { tipo: 'Suporte', categorias: wanted }, fields: {}, adicionais: { 'Canal de atendimento': sopCanal, Telefone: sopTelefone, Protocolo: sopProtocolo } },
					{ timeoutMs: 1000, settleMs: 20, quietMs: 40, onLateFill: (done) => late.push(...done.map((d) => d.what)) },
				);
				// After a category change Protocolo may arrive after the apply's quiet time: then it is filled late.
				if (sopProtocolo.trim()) await vi.waitFor(() => expect(field(47)?.value).toBe(sopProtocolo), { timeout: 2000 });
				if (late.includes('Protocolo')) lateRuns++;
				// The agent's text stays first in its field, whatever Qualitor re-rendered.
				if (canal?.trim()) expect(field(61)!.value.startsWith(canal)).toBe(true);
				if (telefone?.trim()) expect(field(9)!.value.startsWith(telefone)).toBe(true);
				// An untouched default is the SOP's value now (replaced, not appended to), or still the default.
				if (canal === undefined) expect(field(61)!.value).toBe(sopCanal.trim() ? sopCanal : 'Não informado');
				const undo = await undoApply(report);
				await fake.idle();
				expect(undo.problems).toEqual([]);
				await vi.waitFor(() => expect(field(47)).not.toBeNull(), { timeout: 2000 });
				expect([61, 9, 47].map((n) => field(n)!.value)).toEqual(original);
			}),
			{ numRuns: 30 },
		);
		// The late path was exercised, not only fields that were there in time.
		expect(lateRuns).toBeGreaterThan(0);
	}, 120_000);
});
