// `npm start`: the fixture Qualitor plus Chromium with the built extension, for a person to try it out.
// `npm start -- --screenshot out.png` renders the form headless, writes a PNG and exits.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchExtension, recordPageProblems, type LaunchedExtension } from '../tests/e2e/harness.ts';
import { PATHS, startQualitorServer, type QualitorServer } from '../tests/fixtures/server.ts';

const HELP = `Uso: npm start -- [opções]
  --screenshot <arquivo.png>  abre o formulário sem janela, salva a imagem e sai
  --page <caminho>            página a abrir (padrão ${PATHS.ticketForm}); ex.: "?prefill=1", "?cdchamado=73553",
                              "${PATHS.shell}", "${PATHS.frameset}?tenant=sem-cei"
  --port <n>                  porta fixa do servidor (padrão: uma livre)
  --headed | --headless       força o modo (padrão: com janela se $DISPLAY existir)
Variável EXTENSION_DIR: extensão construída a carregar (padrão dist/).`;

const { values } = parseArgs({
	options: {
		screenshot: { type: 'string' },
		page: { type: 'string', default: PATHS.ticketForm },
		port: { type: 'string', default: '0' },
		headed: { type: 'boolean', default: false },
		headless: { type: 'boolean', default: false },
		help: { type: 'boolean', short: 'h', default: false },
	},
});
if (values.help) {
	console.log(HELP);
	process.exit(0);
}

/** Overlay marker the content script puts on its root; waited for briefly so screenshots show it when it exists. */
const OVERLAY = '[data-sop-assist]';
const extensionDir = process.env.EXTENSION_DIR ?? 'dist';
const pagePath = values.page.startsWith('?') ? `${PATHS.ticketForm}${values.page}` : values.page;
// A screenshot needs no window; otherwise show one when there is a display to show it on.
const headless = values.headless || (!values.headed && (values.screenshot !== undefined || !process.env.DISPLAY));

let server: QualitorServer | undefined;
let ext: LaunchedExtension | undefined;
let stopping: Promise<never> | undefined;

/**
 * Closes browser, profile and server once, then exits; later calls wait for the same shutdown. Repeated
 * signals are not a "force quit": tsx relays the terminal's Ctrl+C, so one keypress arrives twice.
 */
function stop(code: number): Promise<never> {
	stopping ??= (async () => {
		setTimeout(() => process.exit(code), 15_000).unref(); // never hang on a stuck browser
		await ext?.close().catch(() => undefined);
		await server?.close().catch(() => undefined);
		process.exit(code);
	})();
	return stopping;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(0));

try {
	server = await startQualitorServer({ port: Number(values.port) });
	ext = await launchExtension({
		extensionDir,
		headless,
		viewport: headless ? { width: 1280, height: 900 } : null,
		args: headless ? [] : ['--window-size=1300,950'],
		handleSignals: false, // stop() closes the browser and removes its profile
	});
	const url = server.url(pagePath);
	const page = ext.context.pages()[0] ?? (await ext.context.newPage());
	const { problems } = recordPageProblems(page);
	await page.goto(url);

	if (values.screenshot !== undefined) {
		const shown = await page
			.waitForSelector(OVERLAY, { state: 'attached', timeout: 5_000 })
			.then(() => true)
			.catch(() => false);
		await page.waitForLoadState('networkidle').catch(() => undefined);
		const file = resolve(values.screenshot);
		await page.screenshot({ path: file, fullPage: true });
		console.log(`Imagem salva em ${file} (${url}; painel da extensão ${shown ? 'visível' : 'não encontrado'}).`);
		for (const p of problems) console.error(`Erro na página: [${p.kind}] ${p.text} (${p.url})`);
		await stop(0);
	}

	page.on('pageerror', (error) => console.error(`Erro na página: ${error.message}`));
	ext.context.on('close', () => void stop(0)); // the person closed the browser window
	console.log(`
Qualitor de teste com o SOP Assist (${resolve(extensionDir)}) ${headless ? 'sem janela (não há $DISPLAY)' : 'no Chromium aberto'}.

  Novo chamado:       ${server.url(PATHS.ticketForm)}
  Variações:          ?prefill=1  ?cdchamado=73553  ?tenant=sem-cei  ?delay=800
  Janela popup:       ${server.url(PATHS.shell)}  (botão "Novo chamado")
  Frames / iframe:    ${server.url(PATHS.frameset)}  ${server.url(PATHS.iframe)}
  Lista e login:      ${server.url(PATHS.dashboard)}  ${server.url(PATHS.login)}

Os endereços *.qualitorsoftware.com só funcionam dentro deste Chromium (mapeados para 127.0.0.1:${server.port}).
${headless ? 'Sem janela: use "npm start -- --screenshot tela.png" para ver a página.\n' : ''}Ctrl+C encerra o navegador e o servidor.`);
} catch (error) {
	console.error(`Não foi possível iniciar: ${error instanceof Error ? error.message : String(error)}`);
	await stop(1);
}
