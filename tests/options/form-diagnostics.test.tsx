// @vitest-environment jsdom
// The options page's "Diagnóstico do formulário" without the `tabs` permission: tabs answer the probe through
// their frames' reports (named by the sender), a Qualitor tab that does not answer is said, other tabs are
// left out; copying asks the one frame for its skeleton at the click.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { message, type FrameDiagnostic } from '../../src/messages.ts';
import type { DiagnosticsApi, ReportSender, ScanState } from '../../src/options/form-diagnostics.ts';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { fetchSkeleton, qualitorUrlTest, scanForms, skeletonFileName } = await import('../../src/options/form-diagnostics.ts');
const { DiagnosticSection } = await import('../../src/options/DiagnosticSection.tsx');

const SELF = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const FORM: FrameDiagnostic = { state: 'missing', mode: 'new', found: 11, expected: 12, missing: ['Categoria 1'], controls: 30, frames: 0, loading: 1 };
const NO_FORM: FrameDiagnostic = { state: 'no-form', mode: null, found: 0, expected: 0, missing: [], controls: 1, frames: 1, loading: 0 };
const SKELETON = { format: 'qualitor-form-skeleton', version: 1, path: '/qualitor/html/hd/hdchamado/cadastro_chamado.php', mode: 'new', controls: [{ id: 'dschamado' }] };

interface FakeFrame {
	frameId: number;
	url: string;
	report: FrameDiagnostic;
	/** Answers "form-diagnostic" with this (default: the skeleton). */
	skeleton?: unknown;
}
interface FakeTab {
	id: number;
	/** Known only for granted origins. */
	url?: string;
	/** Frames where our content script runs; none: the tab refuses the probe. */
	frames?: FakeFrame[];
	/** Our script takes the probe and never answers. */
	hangs?: boolean;
}

/** A browser with these tabs: a probe makes each frame send its report to the page's listener, then answer. */
function fakeBrowser(tabs: FakeTab[]) {
	let listener: ((m: unknown, s: ReportSender) => Promise<unknown> | undefined) | undefined;
	const sent: Array<{ tabId: number; message: unknown; frameId?: number }> = [];
	const api: DiagnosticsApi = {
		queryTabs: async () => tabs.map(({ id, url }) => ({ id, ...(url ? { url } : {}) })),
		async send(tabId, m, frameId) {
			sent.push({ tabId, message: m, ...(frameId !== undefined ? { frameId } : {}) });
			const tab = tabs.find((t) => t.id === tabId)!;
			if (tab.hangs) return new Promise(() => undefined);
			if (!tab.frames?.length) throw new Error('Could not establish connection. Receiving end does not exist.');
			const body = m as { type: string; scan?: string };
			if (body.type === 'form-diagnostic') {
				const frame = tab.frames.find((f) => f.frameId === frameId);
				return frame ? { skeleton: frame.skeleton ?? SKELETON } : undefined;
			}
			for (const frame of tab.frames) await listener?.(message('form-diagnostic-report', { scan: body.scan!, frame: frame.report }), { id: SELF.id, url: frame.url, tab: { id: tabId }, frameId: frame.frameId });
			return { ok: true };
		},
		listen(l) {
			listener = l;
			return () => (listener = undefined);
		},
		self: SELF,
	};
	return { api, sent, report: (m: unknown, s: ReportSender) => listener?.(m, s) };
}

const HOSTED_SHELL: FakeTab = {
	id: 1,
	frames: [
		{ frameId: 0, url: 'https://acme.qualitorsoftware.com/qualitor/html/iframe.php?cryptget=SEGREDO', report: NO_FORM },
		{ frameId: 7, url: 'https://acme.qualitorsoftware.com/qualitor/html/hd/hdchamado/cadastro_chamado.php?cdchamado=1', report: FORM },
	],
};
const OTHER_SITE: FakeTab = { id: 2 };
const GRANTED_STALE: FakeTab = { id: 3, url: 'https://helpdesk.empresa.com.br/qualitor/html/index.php' };
const UNGRANTED_SITE_URL: FakeTab = { id: 4, url: 'https://news.example/' };
const PATTERNS = ['https://helpdesk.empresa.com.br/*'];

function runScan(api: DiagnosticsApi, options = {}) {
	const states: ScanState[] = [];
	return new Promise<ScanState[]>((resolve) => {
		scanForms(api, qualitorUrlTest(PATTERNS), (s) => (states.push(s), s.done && resolve(states)), { probeTimeoutMs: 200, graceMs: 20, scanId: 'scan-0001', ...options });
	});
}

describe('scanForms', () => {
	test('tabs with our script, with every frame named by its sender (host and path, never the query); other sites left out; a granted Qualitor tab without an answer said', async () => {
		const { api } = fakeBrowser([HOSTED_SHELL, OTHER_SITE, GRANTED_STALE, UNGRANTED_SITE_URL]);
		const final = (await runScan(api)).at(-1)!;
		expect(final.done).toBe(true);
		expect(final.tabs).toEqual([
			{
				tabId: 1,
				status: 'answered',
				frames: [
					{ frameId: 0, host: 'acme.qualitorsoftware.com', path: '/qualitor/html/iframe.php', report: NO_FORM },
					{ frameId: 7, host: 'acme.qualitorsoftware.com', path: '/qualitor/html/hd/hdchamado/cadastro_chamado.php', report: FORM },
				],
			},
			{ tabId: 3, status: 'silent', host: 'helpdesk.empresa.com.br', frames: [] },
		]);
		expect(JSON.stringify(final)).not.toContain('SEGREDO');
	});

	test('our script took the probe and never answered: the tab is said to be silent', async () => {
		const { api } = fakeBrowser([{ id: 5, hangs: true }, HOSTED_SHELL]);
		const final = (await runScan(api)).at(-1)!;
		expect(final.tabs.map((t) => [t.tabId, t.status])).toEqual([
			[5, 'silent'],
			[1, 'answered'],
		]);
	});

	test("reports of another scan, of another extension or of one of our pages are ignored; this scan's are taken", async () => {
		const { api, report } = fakeBrowser([]);
		const states: ScanState[] = [];
		scanForms(api, qualitorUrlTest([]), (s) => states.push(s), { scanId: 'scan-0001', graceMs: 10_000 });
		const frame = (scan: string) => message('form-diagnostic-report', { scan, frame: FORM });
		const qualitor = { url: 'https://acme.qualitorsoftware.com/x', tab: { id: 9 }, frameId: 0 };
		expect(report(frame('scan-0002'), { id: SELF.id, ...qualitor })).toBeUndefined();
		expect(report(frame('scan-0001'), { id: 'other-extension', ...qualitor })).toBeUndefined();
		expect(report(frame('scan-0001'), { id: SELF.id, ...qualitor, url: 'chrome-extension://ext-id/src/popup/index.html' })).toBeUndefined();
		expect(report({ ...frame('scan-0001'), frame: { ...FORM, value: 'Fulano' } }, { id: SELF.id, ...qualitor })).toBeUndefined();
		expect(states.flatMap((s) => s.tabs)).toEqual([]);
		// Positive control: this scan's report from our content script is listed.
		await expect(report(frame('scan-0001'), { id: SELF.id, ...qualitor })).resolves.toEqual({ ok: true });
		expect(states.at(-1)!.tabs).toEqual([{ tabId: 9, status: 'answered', frames: [{ frameId: 0, host: 'acme.qualitorsoftware.com', path: '/x', report: FORM }] }]);
	});
});

describe('fetchSkeleton', () => {
	test('asks that one frame; pretty JSON; an answer that is not a skeleton, or none, is an error', async () => {
		const { api, sent } = fakeBrowser([{ ...HOSTED_SHELL, frames: [...HOSTED_SHELL.frames!, { frameId: 9, url: 'https://acme.qualitorsoftware.com/y', report: NO_FORM, skeleton: { format: 'other' } }] }]);
		expect(JSON.parse(await fetchSkeleton(api, 1, 7))).toEqual(SKELETON);
		expect(sent.at(-1)).toEqual({ tabId: 1, message: { type: 'form-diagnostic' }, frameId: 7 });
		await expect(fetchSkeleton(api, 1, 9)).rejects.toThrow('not a skeleton');
		await expect(fetchSkeleton(api, 1, 42)).rejects.toThrow();
	});

	test('file names fit `npm run fixture -- add`', () => {
		expect(skeletonFileName('demo.qualitorsoftware.com:8443')).toBe('diagnostico-demo.qualitorsoftware.com-8443.json');
	});
});

describe('DiagnosticSection', () => {
	let root: HTMLElement;
	const writes: string[] = [];
	beforeEach(() => {
		root = document.createElement('div');
		document.body.append(root);
		writes.length = 0;
		Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn(async (text: string) => void writes.push(text)) }, configurable: true });
	});
	afterEach(() => {
		render(null, root);
		root.remove();
	});
	afterAll(() => new Promise((resolve) => setTimeout(resolve, 150)));

	const status = () => root.querySelector('[data-status="diagnostic"]')!.textContent;
	const click = (el: Element | null | undefined) => act(() => void (el as HTMLElement).click());

	test('no Qualitor tab: said; the button searches again', async () => {
		const { api } = fakeBrowser([OTHER_SITE, UNGRANTED_SITE_URL]);
		await act(() => void render(<DiagnosticSection patterns={PATTERNS} api={api} />, root));
		expect(root.querySelector('[data-diag-tab]')).toBeNull();
		await click(root.querySelector('[data-action="diag-scan"]'));
		await vi.waitFor(() => expect(status()).toBe('Nenhuma aba do Qualitor aberta neste navegador respondeu. Abra o Qualitor em outra aba e procure de novo.'));
		expect(root.querySelector('[data-action="diag-scan"]')!.textContent).toBe('Procurar de novo');
	});

	test("each frame with its badge's words; a silent tab says to reload; copy puts that frame's skeleton on the clipboard", async () => {
		const { api, sent } = fakeBrowser([HOSTED_SHELL, GRANTED_STALE]);
		await act(() => void render(<DiagnosticSection patterns={PATTERNS} api={api} autoScan />, root));
		await vi.waitFor(() => expect(status()).toBe('Abas do Qualitor encontradas: 2.'), { timeout: 5000 });
		const frames = [...root.querySelectorAll('[data-diag-frame]')];
		expect(frames.map((f) => f.querySelector('.diag-health')!.textContent)).toEqual(['formulário não encontrado', 'não encontrado (campos 11/12) · novo chamado']);
		expect(frames[1]!.textContent).toContain('Não encontrados: Categoria 1.');
		expect(frames[0]!.textContent).toContain('Nesta página: 1 controle(s), 1 quadro(s), 0 indicador(es) de carregamento.');
		const silent = root.querySelector('[data-diag-tab="3"]')!;
		expect(silent.textContent).toBe('Aba 2: helpdesk.empresa.com.brEsta aba do Qualitor não respondeu. Recarregue-a (F5) e procure de novo.');
		// The buttons say which frame they are for (screen readers).
		const copy = frames[1]!.querySelector<HTMLButtonElement>('[data-action="copy-form-diagnostic"]')!;
		const described = copy.getAttribute('aria-describedby')!.split(' ').map((id) => root.querySelector(`#${id}`)!.textContent).join(' ');
		expect(described).toContain('Quadro acme.qualitorsoftware.com/qualitor/html/hd/hdchamado/cadastro_chamado.php');
		await click(copy);
		await vi.waitFor(() => expect(status()).toBe('Diagnóstico de acme.qualitorsoftware.com/qualitor/html/hd/hdchamado/cadastro_chamado.php copiado.'));
		expect(writes.map((w) => JSON.parse(w))).toEqual([SKELETON]);
		expect(sent.at(-1)).toMatchObject({ tabId: 1, frameId: 7 });
	});

	test("a frame that no longer answers, or a clipboard that refuses: said, nothing copied", async () => {
		const tab: FakeTab = structuredClone(HOSTED_SHELL);
		const { api } = fakeBrowser([tab]);
		await act(() => void render(<DiagnosticSection patterns={[]} api={api} autoScan />, root));
		await vi.waitFor(() => expect(status()).toBe('Abas do Qualitor encontradas: 1.'), { timeout: 5000 });
		tab.frames = tab.frames!.slice(0, 1); // the form's frame navigated away
		await click(root.querySelectorAll('[data-action="copy-form-diagnostic"]')[1]);
		await vi.waitFor(() => expect(status()).toMatch(/^A página não respondeu \(.+\)\. Recarregue a aba \(F5\) e procure de novo\.$/));
		expect(writes).toEqual([]);
		vi.mocked(navigator.clipboard.writeText).mockRejectedValueOnce(new Error('Document is not focused.'));
		await click(root.querySelectorAll('[data-action="copy-form-diagnostic"]')[0]);
		await vi.waitFor(() => expect(status()).toBe('Não foi possível copiar (Document is not focused.). Use Baixar .json.'));
		// Positive control: the same button copies once the clipboard takes it.
		await click(root.querySelectorAll('[data-action="copy-form-diagnostic"]')[0]);
		await vi.waitFor(() => expect(writes).toHaveLength(1));
	});
});
