// The zero-click enterprise build: IT names its self-hosted Qualitor servers at build time
// (`QUALITOR_ORIGINS="https://helpdesk.empresa.com.br/qualitor/" npm run package`) and the built manifest lists
// them in host_permissions and in the content scripts' matches, so a force-installed copy runs on the first
// page load without anyone clicking "Conceder permissão". Only the built manifest is rewritten, never the source.

/** One validated origin: the match pattern the manifest gets (`https://host/*`) and what was written. */
export interface EnterpriseOrigin {
	input: string;
	pattern: string;
}

/** A problem with QUALITOR_ORIGINS, worded for the person running the build. */
export class OriginsError extends Error {
	override name = 'OriginsError';
}

const EXAMPLE = 'QUALITOR_ORIGINS="https://helpdesk.empresa.com.br/qualitor/"';
/** Host names as match patterns accept them: letters, digits, hyphens, dots; optionally `*.` in front. */
const HOST = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Parses the list (separated by commas, spaces or new lines). Each entry is an http(s) address; only its
 * origin counts (Qualitor opens tickets in popups and frames under the same origin), as in the options
 * page. A `*.` host wildcard is accepted over an organisation's domain (`*.empresa.com.br`, not `*.com.br`); any other
 * wildcard, scheme or credential is refused with a message naming the entry. Duplicates are dropped.
 */
export function parseOrigins(text: string): EnterpriseOrigin[] {
	const entries = text.split(/[\s,]+/).filter(Boolean);
	if (entries.length === 0) throw new OriginsError(`QUALITOR_ORIGINS is empty: give at least one address, e.g. ${EXAMPLE}`);
	const out = new Map<string, EnterpriseOrigin>();
	for (const input of entries) {
		const pattern = originPattern(input);
		if (!out.has(pattern)) out.set(pattern, { input, pattern });
	}
	return [...out.values()];
}

function originPattern(input: string): string {
	const bad = (why: string) => new OriginsError(`QUALITOR_ORIGINS: "${input}": ${why} (expected e.g. ${EXAMPLE})`);
	const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(input);
	if (!scheme) throw bad('write the scheme, https:// or http://');
	if (!/^https?$/i.test(scheme[1]!)) throw bad(`only https:// or http:// addresses, not ${scheme[1]}://`);
	const rest = input.slice(scheme[0].length);
	const authority = rest.split(/[/?#]/, 1)[0]!;
	const tail = rest.slice(authority.length);
	if (tail.includes('*')) throw bad('no wildcard in the path: only the origin counts, every path of it is covered');
	if (authority.includes('@')) throw bad('no user name or password in the address');
	const host = authority.replace(/:\d{1,5}$/, '').toLowerCase();
	if (!host) throw bad('no server name');
	if (host.includes('*') && !host.startsWith('*.')) throw bad('a wildcard is only allowed as the first label of the host (*.empresa.com.br)');
	if (!HOST.test(host)) throw bad(`"${host}" is not a server name (letters, digits, hyphens and dots)`);
	if (host.startsWith('*.') && tooBroad(host.slice(2))) throw bad(`"${host}" is too broad: name the organisation's own domain under the wildcard`);
	return `${scheme[1]!.toLowerCase()}://${host}/*`;
}

/** `com`, `com.br`, `gov.br`…: a wildcard over these would reach other organisations' servers. */
function tooBroad(domain: string): boolean {
	const labels = domain.split('.');
	return labels.length < 2 || (labels.length === 2 && /^(?:com|net|org|gov|edu|mil|co|ac|nom|adv|ind|inf)$/.test(labels[0]!));
}

/** The parts of a built manifest.json the enterprise variant changes. */
export interface BuiltManifest {
	host_permissions?: string[];
	content_scripts?: { matches: string[] }[];
	web_accessible_resources?: { matches?: string[]; resources: string[] }[];
	[key: string]: unknown;
}

/** Whether a list of match patterns already reaches every page of that pattern's scheme. */
const coversAll = (matches: readonly string[], pattern: string) =>
	matches.some((m) => m === '<all_urls>' || m === '*://*/*' || m === `${pattern.slice(0, pattern.indexOf('://'))}://*/*`);

/**
 * The built manifest with the origins added to host_permissions, to every content script's matches and to
 * the matches of the web-accessible files (the lazily loaded overlay) where those do not already cover them.
 */
export function enterpriseManifest<M extends BuiltManifest>(manifest: M, origins: readonly EnterpriseOrigin[]): M & { host_permissions: string[] } {
	const patterns = origins.map((o) => o.pattern);
	const add = (list: readonly string[] = []) => [...new Set([...list, ...patterns])];
	if (!manifest.content_scripts?.length) throw new Error('the built manifest has no content_scripts to extend');
	return {
		...manifest,
		host_permissions: add(manifest.host_permissions),
		content_scripts: manifest.content_scripts.map((cs) => ({ ...cs, matches: add(cs.matches) })),
		...(manifest.web_accessible_resources
			? {
					web_accessible_resources: manifest.web_accessible_resources.map((war) =>
						war.matches ? { ...war, matches: [...new Set([...war.matches, ...patterns.filter((p) => !coversAll(war.matches!, p))])] } : war,
					),
				}
			: {}),
	};
}
