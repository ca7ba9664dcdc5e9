/**
 * How soon the SOP's additional-field texts are written after the last field appears, at several AJAX
 * speeds, when the SOP also names a field this installation lacks (which must be reported, not waited
 * for). jsdom with the unit tests' fake Qualitor; prints figures, asserts nothing.
 */
import { applySop } from '../src/qualitor/apply.ts';
import { holdWrites } from '../src/qualitor/hold.ts';
import { mountFakeQualitor } from '../tests/qualitor/fake-qualitor.ts';

const jsdomModule = 'jsdom';

export async function benchLateFields(): Promise<void> {
	const { JSDOM } = (await import(/* @vite-ignore */ jsdomModule)) as { JSDOM: new (html: string, options?: object) => { window: Window & typeof globalThis } };
	console.log('AJAX delay per load | last field appeared → SOP text written | apply total | missing field reported | hold window after the apply (nothing reset)');
	for (const delay of [50, 300, 1000, 3000]) {
		const runs: number[] = [];
		let total = 0;
		let reported = false;
		const holds: number[] = [];
		for (let run = 0; run < 3; run++) {
			const { window } = new JSDOM('<!DOCTYPE html><html><body></body></html>', { pretendToBeVisual: true });
			const doc = window.document;
			mountFakeQualitor(doc, { ajaxDelayMs: delay });
			let appeared = 0;
			let written = 0;
			new window.MutationObserver(() => {
				if (!appeared && doc.getElementById('vlinformacaoadicional17')) appeared = performance.now();
			}).observe(doc, { childList: true, subtree: true });
			doc.addEventListener('input', (event) => {
				if ((event.target as Element).id === 'vlinformacaoadicional17' && !written) written = performance.now();
			}, true);
			const started = performance.now();
			const report = await applySop(doc, {
				categorisation: { tipo: 'Suporte', categorias: ['SUP - Certificado Digital', 'Cartão', 'Em branco'] },
				fields: {},
				adicionais: { 'Descrição para subchamado': 'Reemissão', 'Campo que esta instalação não tem': 'x' },
			}, { timeoutMs: 10_000 });
			total += performance.now() - started;
			reported = report.notDone.some((n) => n.what === 'Campo que esta instalação não tem');
			runs.push(written - appeared);
			// The hold the form session keeps after every apply (apply-hold.ts): how long it lasts when nothing moves.
			// jsdom's listeners accept only its own window's AbortSignal (in a browser there is one global).
			const nodeAbortController = globalThis.AbortController;
			globalThis.AbortController = window.AbortController;
			const hold = await holdWrites(doc, report.journal, { locate: { mode: 'new' } }).done.finally(() => (globalThis.AbortController = nodeAbortController));
			holds.push(hold.elapsedMs);
			window.close();
		}
		const median = [...runs].sort((a, b) => a - b)[1]!;
		console.log(`${String(delay).padStart(5)} ms | ${median.toFixed(0).padStart(5)} ms (median of 3: ${runs.map((r) => r.toFixed(0)).join(', ')}) | ${(total / 3).toFixed(0)} ms | ${reported ? 'yes' : 'NO'} | ${[...holds].sort((a, b) => a - b)[1]!.toFixed(0)} ms`);
	}
}
