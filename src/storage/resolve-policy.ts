import { toOriginPattern } from '../origin/origin-pattern.ts';
import type { ImportedSop } from './imported-sops.ts';
import { toMappings } from './mappings.ts';
import { LIMITS, mb, readPackSops, utf8Bytes } from './pack-sops.ts';
import type { ResolvedPolicy } from './policy.ts';

/**
 * Validates what IT pushed in `storage.managed` (public/managed-schema.json). The browser filters by the
 * schema in Chrome but not in Firefox, so every value is checked here again. An invalid installation or
 * pack is refused whole, with a message for the options page; the rest of the policy still applies.
 */
export function resolvePolicy(raw: Record<string, unknown>, now = new Date()): ResolvedPolicy {
	const settings = resolvePolicySettings(raw);
	const problems = [...settings.problems];
	const sops = new Map<string, ImportedSop>();
	const listed = policyPacks(raw);
	problems.push(...listed.problems);
	let total = 0;
	for (const pack of listed.packs) {
		const result = resolvePolicyPack(pack, total, now);
		total += pack.bytes;
		problems.push(...result.problems);
		// A later pack of the policy wins over an earlier one for the same id, as with imports.
		for (const item of result.sops) sops.set(item.sop.id, item);
	}
	const { problems: _settingsProblems, ...rest } = settings;
	return { ...rest, sops: [...sops.values()].sort((a, b) => a.sop.id.localeCompare(b.sop.id)), problems };
}

/** Everything but the packs: small, read at every start of the service worker. */
export type PolicySettings = Omit<ResolvedPolicy, 'sops'>;

export function resolvePolicySettings(raw: Record<string, unknown>): PolicySettings {
	const problems: string[] = [];
	const installations: ResolvedPolicy['installations'] = [];
	const list = raw.installations;
	if (list !== undefined && !Array.isArray(list)) problems.push('Política, "installations": deve ser uma lista de endereços.');
	for (const [i, url] of (Array.isArray(list) ? list : []).entries()) {
		const result = typeof url === 'string' ? toOriginPattern(url) : ({ ok: false, error: 'não é um texto.' } as const);
		if (!result.ok) problems.push(`Política, installations[${i}]: ${result.error}`);
		else if (result.hosted) continue; // the manifest already covers hosted tenants
		else if (!installations.some((x) => x.pattern === result.pattern)) installations.push({ pattern: result.pattern, url: (url as string).trim() });
	}

	const mappings = raw.mappings === undefined ? {} : toMappings(raw.mappings);
	if (raw.mappings !== undefined && (typeof raw.mappings !== 'object' || Array.isArray(raw.mappings))) problems.push('Política, "mappings": deve ser um objeto por origem.');
	for (const origin of Object.keys(mappings)) {
		const parsed = toOriginPattern(origin);
		if (!parsed.ok || parsed.origin !== origin) {
			problems.push(`Política, mappings: "${origin}" não é uma origem (use por exemplo https://helpdesk.suaempresa.com.br).`);
			delete mappings[origin];
		}
	}

	if (raw.usageRecord !== undefined && typeof raw.usageRecord !== 'boolean') problems.push('Política, "usageRecord": deve ser true ou false.');
	return {
		installations: installations.sort((a, b) => a.pattern.localeCompare(b.pattern)),
		mappings,
		...(typeof raw.usageRecord === 'boolean' ? { usageRecord: raw.usageRecord } : {}),
		problems,
	};
}

/** One pack of the policy as JSON text (what is fingerprinted, measured and parsed), or why it could not be serialised. */
export interface PolicyPackText {
	index: number;
	name: string;
	/** Undefined when the value could not even be turned into JSON. */
	text?: string;
	bytes: number;
	error?: string;
}

/** The packs to read (at most `LIMITS.policyPacks`), each serialised once; problems with the list itself. */
export function policyPacks(raw: Record<string, unknown>): { packs: PolicyPackText[]; problems: string[] } {
	const problems: string[] = [];
	const packs = raw.sopPacks;
	if (packs !== undefined && !Array.isArray(packs)) problems.push('Política, "sopPacks": deve ser uma lista de pacotes de SOPs.');
	const listed = Array.isArray(packs) ? packs : [];
	if (listed.length > LIMITS.policyPacks) problems.push(`Política, "sopPacks": ${listed.length} pacotes; só os ${LIMITS.policyPacks} primeiros foram lidos. Junte pacotes (até ${LIMITS.packSops} SOPs cada).`);
	return {
		problems,
		packs: listed.slice(0, LIMITS.policyPacks).map((pack: unknown, index) => {
			const named = pack && typeof pack === 'object' && typeof (pack as { name?: unknown }).name === 'string' ? (pack as { name: string }).name : '';
			const name = named || `sopPacks[${index}]`;
			try {
				const text = JSON.stringify(pack ?? null);
				return { index, name, text, bytes: utf8Bytes(text) };
			} catch (error) {
				return { index, name, bytes: 0, error: error instanceof Error ? error.message : String(error) };
			}
		}),
	};
}

/**
 * One pack through the reader imports use (same limits, same validation), given the bytes of the packs
 * before it: past the policy's total it is refused too. One pack, however broken, never voids the rest.
 */
export function resolvePolicyPack(pack: PolicyPackText, bytesBefore: number, now = new Date()): { sops: ImportedSop[]; problems: string[] } {
	const refuse = (why: string) => ({ sops: [], problems: [`Política, pacote ${pack.name} recusado: ${why}`] });
	if (pack.text === undefined) return refuse(`não pôde ser lido (${pack.error ?? '?'}).`);
	if (bytesBefore + pack.bytes > LIMITS.policyBytes) {
		return refuse(`os pacotes da política somam ${mb(bytesBefore + pack.bytes)} até ele; o limite é ${mb(LIMITS.policyBytes)} no total.`);
	}
	let read;
	try {
		read = readPackSops(pack.text, pack.name, (version) => ({ kind: 'policy', name: pack.name, version }), now);
	} catch (error) {
		return refuse(`não pôde ser lido (${error instanceof Error ? error.message : String(error)}).`);
	}
	return read.ok ? { sops: read.sops, problems: [] } : refuse(read.problems.join('; '));
}
