// IT's packs go through the reader an import uses: the same limits, and one bad pack never voids the rest
// of the policy (usageRecord, installations and mappings still apply).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LIMITS } from '../../src/storage/pack-sops.ts';
import { resolvePolicy } from '../../src/storage/resolve-policy.ts';

const sample = JSON.parse(readFileSync('docs/policy/sample-policy.json', 'utf8')) as { '3rdparty': { extensions: Record<string, Record<string, unknown>> } };
const samplePolicy = Object.values(sample['3rdparty'].extensions)[0]!;
const good = (samplePolicy.sopPacks as Array<{ files: Array<{ path: string; text: string }> }>)[0]!;
const packOf = (name: string, files: Array<{ path: string; text: string }>) => ({ format: 'qualitor-sop-pack', version: '1', name, files });

function expectRestApplies(resolved: ReturnType<typeof resolvePolicy>) {
	expect(resolved.usageRecord).toBe(false);
	expect(resolved.installations.map((i) => i.pattern)).toEqual(['https://helpdesk.suaempresa.com.br/*']);
	expect(Object.keys(resolved.mappings)).toEqual(['https://helpdesk.suaempresa.com.br']);
}

describe('policy packs are bounded like imports', () => {
	test('more SOPs than the limit: refused at once, before any SOP is parsed (15,000 took 18 s)', () => {
		const many = Array.from({ length: 15_000 }, (_, i) => ({ path: `sop-${i}.md`, text: `---\ntitle: SOP ${i}\nsummary: resumo do procedimento número ${i}\n---\n1. Passo.\n` }));
		expect(JSON.stringify(many).length).toBeLessThan(LIMITS.packBytes); // under the size limit: the count must refuse it
		const started = performance.now();
		const resolved = resolvePolicy({ ...samplePolicy, sopPacks: [packOf('enorme', many)] });
		expect(performance.now() - started).toBeLessThan(1000);
		expect(resolved.sops).toEqual([]);
		expect(resolved.problems).toEqual([`Política, pacote enorme recusado: enorme: 15000 SOPs no pacote; o limite é ${LIMITS.packSops}. Divida-o em pacotes menores.`]);
		expectRestApplies(resolved);
	});

	test('one SOP over 256 KB: the pack is refused', () => {
		const big = { path: 'grande.md', text: good.files[0]!.text + 'x'.repeat(LIMITS.sopBytes) };
		const resolved = resolvePolicy({ ...samplePolicy, sopPacks: [packOf('p', [big])] });
		expect(resolved.problems).toEqual([expect.stringMatching(/^Política, pacote p recusado: p\/grande\.md: SOP grande demais/)]);
		expectRestApplies(resolved);
	});

	test('size counted in UTF-8 bytes, not UTF-16 units: 1.2 M accented letters weigh 2.4 MB', () => {
		const files = [{ path: 'a.md', text: 'é'.repeat(1_200_000) }];
		const resolved = resolvePolicy({ ...samplePolicy, sopPacks: [packOf('acentos', files)] });
		expect(resolved.problems).toEqual([expect.stringMatching(/^Política, pacote acentos recusado: acentos: pacote grande demais \(2,3 MB; o limite é 2,0 MB\)/)]);
	});

	test('more packs than the limit: only the first ones are read, and it is said', () => {
		const packs = Array.from({ length: LIMITS.policyPacks + 3 }, () => good);
		const resolved = resolvePolicy({ ...samplePolicy, sopPacks: packs });
		expect(resolved.problems).toEqual([`Política, "sopPacks": ${LIMITS.policyPacks + 3} pacotes; só os ${LIMITS.policyPacks} primeiros foram lidos. Junte pacotes (até ${LIMITS.packSops} SOPs cada).`]);
		expect(resolved.sops.map((s) => s.sop.id)).toEqual(['leitora-nao-reconhecida']);
	});

	test('a pack that cannot even be serialised is refused alone; the other packs and the rest of the policy apply', () => {
		const hostile = { name: 'hostil', toJSON: () => { throw new Error('boom'); } };
		const resolved = resolvePolicy({ ...samplePolicy, sopPacks: [hostile, good] });
		expect(resolved.problems).toEqual(['Política, pacote hostil recusado: não pôde ser lido (boom).']);
		expect(resolved.sops.map((s) => s.sop.id)).toEqual(['leitora-nao-reconhecida']);
		expectRestApplies(resolved);
	});
});
