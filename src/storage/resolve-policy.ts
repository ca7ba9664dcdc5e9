import { toOriginPattern } from '../origin/origin-pattern.ts';
import type { ImportedSop } from './imported-sops.ts';
import { toMappings } from './mappings.ts';
import { LIMITS, readPackSops } from './pack-sops.ts';
import type { ResolvedPolicy } from './policy.ts';

/**
 * Validates what IT pushed in `storage.managed` (public/managed-schema.json). The browser filters by the
 * schema in Chrome but not in Firefox, so every value is checked here again. An invalid installation or
 * pack is refused whole, with a message for the options page; the rest of the policy still applies.
 */
export function resolvePolicy(raw: Record<string, unknown>, now = new Date()): ResolvedPolicy {
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

	const sops = new Map<string, ImportedSop>();
	const packs = raw.sopPacks;
	if (packs !== undefined && !Array.isArray(packs)) problems.push('Política, "sopPacks": deve ser uma lista de pacotes de SOPs.');
	const listed = Array.isArray(packs) ? packs : [];
	if (listed.length > LIMITS.policyPacks) problems.push(`Política, "sopPacks": ${listed.length} pacotes; só os ${LIMITS.policyPacks} primeiros foram lidos. Junte pacotes (até ${LIMITS.packSops} SOPs cada).`);
	for (const [i, pack] of listed.slice(0, LIMITS.policyPacks).entries()) {
		const named = pack && typeof pack === 'object' && typeof (pack as { name?: unknown }).name === 'string' ? (pack as { name: string }).name : '';
		const name = named || `sopPacks[${i}]`;
		// One pack, however broken, never voids the rest of the policy (usageRecord, installations, mappings).
		let result: ImportedSop[] | string;
		try {
			result = packSops(pack, name, now);
		} catch (error) {
			result = `não pôde ser lido (${error instanceof Error ? error.message : String(error)}).`;
		}
		if (typeof result === 'string') problems.push(`Política, pacote ${name} recusado: ${result}`);
		// A later pack of the policy wins over an earlier one for the same id, as with imports.
		else for (const item of result) sops.set(item.sop.id, item);
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
		sops: [...sops.values()].sort((a, b) => a.sop.id.localeCompare(b.sop.id)),
		mappings,
		...(typeof raw.usageRecord === 'boolean' ? { usageRecord: raw.usageRecord } : {}),
		problems,
	};
}

/** The pack's SOPs through the reader imports use (same limits, same validation); or why not. */
function packSops(pack: unknown, name: string, now: Date): ImportedSop[] | string {
	const read = readPackSops(JSON.stringify(pack ?? null), name, (version) => ({ kind: 'policy', name, version }), now);
	return read.ok ? read.sops : read.problems.join('; ');
}
