/** Hosted tenants are covered by the manifest's content_scripts; they need no installation step. */
export const HOSTED = /(^|\.)qualitorsoftware\.com$/i;

/**
 * `https://host/*` exactly: one origin, every path. What the options page requests and the only kind of
 * pattern the background registers a content script for; a broad grant (every https site, `<all_urls>`,
 * made in the browser's own site-access UI) must never put the script on every site.
 */
export function isSingleOriginPattern(value: unknown): value is string {
	return typeof value === 'string' && value.length < 300 && /^https?:\/\/[a-z0-9.-]+\/\*$/i.test(value);
}

export type PatternResult = { ok: true; pattern: string; origin: string; hosted: boolean } | { ok: false; error: string };

/**
 * Turns what an agent pastes (`helpdesk.example.com/qualitor/html/...`, with or without scheme) into the
 * origin match pattern the extension asks permission for: `https://helpdesk.example.com/*`. The path is
 * dropped on purpose: Qualitor opens tickets in popups and frames under the same origin.
 */
export function toOriginPattern(input: string): PatternResult {
	const text = input.trim();
	if (!text) return { ok: false, error: 'Informe o endereço do Qualitor, por exemplo https://helpdesk.suaempresa.com.br/qualitor/' };
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		return { ok: false, error: `"${text}" não é um endereço válido; copie o endereço da barra do navegador no Qualitor.` };
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return { ok: false, error: `Só endereços http:// ou https:// (recebido ${url.protocol}).` };
	}
	if (!url.hostname || url.hostname.includes('*')) return { ok: false, error: `"${text}" não tem um nome de servidor válido.` };
	if (url.username || url.password) return { ok: false, error: 'Não inclua usuário ou senha no endereço.' };
	// Match patterns have no port: the pattern covers every port of the host (Chrome ignores ports in host patterns).
	const pattern = `${url.protocol}//${url.hostname}/*`;
	if (!isSingleOriginPattern(pattern)) return { ok: false, error: `"${text}": use o nome do servidor (letras, números, pontos e hífens), como na barra do navegador.` };
	return { ok: true, pattern, origin: url.origin, hosted: HOSTED.test(url.hostname) };
}

/** `https://helpdesk.example.com/*` → `https://helpdesk.example.com`. */
export function patternOrigin(pattern: string): string {
	return pattern.replace(/\/\*$/, '');
}

/**
 * The key of an installation's mapping. The content script looks mappings up by `location.origin`, port
 * included; the pattern has no port (match patterns cannot have one), the address that was typed does.
 */
export function mappingOrigin(installation: { pattern: string; url: string }): string {
	const typed = toOriginPattern(installation.url);
	return typed.ok && typed.pattern === installation.pattern ? typed.origin : patternOrigin(installation.pattern);
}

/**
 * Whether a page origin (`https://host:port`) is one a manifest match pattern names: the host exactly, or a
 * domain and its subdomains for a `*.domain` host; ports do not count in match patterns. Broad patterns
 * (`<all_urls>`, a bare `*` host) never count: they do not name a Qualitor.
 */
export function originMatches(origin: string, pattern: string): boolean {
	const m = /^(https?|\*):\/\/([^/]+)\/\*$/i.exec(pattern);
	const o = /^(https?):\/\/([^/:]+)(?::\d+)?$/i.exec(origin);
	if (!m || !o) return false;
	const [, scheme, host] = m as unknown as [string, string, string];
	const [, originScheme, hostname] = o as unknown as [string, string, string];
	if (scheme !== '*' && scheme.toLowerCase() !== originScheme.toLowerCase()) return false;
	const h = hostname.toLowerCase();
	const p = host.toLowerCase();
	if (p === '*') return false;
	if (p.startsWith('*.')) return h === p.slice(2) || h.endsWith(p.slice(1));
	return h === p;
}
