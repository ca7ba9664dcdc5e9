// The policy pushed by IT wins over what an agent set locally; the local values stay as they were.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { ImportedSop } from '../../src/storage/imported-sops.ts';
import { EMPTY_POLICY, type ResolvedPolicy } from '../../src/storage/policy.ts';
import { effectiveImportedSops, effectiveInstallations, effectiveMapping, usageRecording } from '../../src/storage/precedence.ts';
import { resolvePolicy } from '../../src/storage/resolve-policy.ts';

const sample = JSON.parse(readFileSync('docs/policy/sample-policy.json', 'utf8')) as { '3rdparty': { extensions: Record<string, Record<string, unknown>> } };
const samplePolicy = Object.values(sample['3rdparty'].extensions)[0]!;
const pack = (samplePolicy.sopPacks as Array<Record<string, unknown>>)[0]!;
const now = new Date('2024-08-01T00:00:00Z');

const policy = (p: Partial<ResolvedPolicy>): ResolvedPolicy => ({ ...EMPTY_POLICY, ...p });
const imported = (id: string, title = id): ImportedSop =>
	({ sop: { id, title, body: '' }, path: `${id}.md`, text: '', source: { kind: 'file', name: `${id}.md` }, imported: '' }) as unknown as ImportedSop;

describe('resolvePolicy', () => {
	test('the sample policy resolves without a problem', () => {
		const resolved = resolvePolicy(samplePolicy, now);
		expect(resolved.problems).toEqual([]);
		expect(resolved.installations).toEqual([{ pattern: 'https://helpdesk.suaempresa.com.br/*', url: 'https://helpdesk.suaempresa.com.br/qualitor/' }]);
		expect(resolved.sops.map((s) => [s.sop.id, s.source])).toEqual([['leitora-nao-reconhecida', { kind: 'policy', name: 'SOPs da TI', version: '2024.07' }]]);
		expect(resolved.mappings['https://helpdesk.suaempresa.com.br']?.names).toEqual({ Cartão: 'Cartão inteligente' });
		expect(resolved.usageRecord).toBe(false);
	});

	test('an empty policy (unmanaged browser) changes nothing', () => {
		expect(resolvePolicy({})).toEqual({ installations: [], sops: [], mappings: {}, problems: [] });
	});

	test('an invalid pack is refused whole, with file, line and field; valid parts of the policy still apply', () => {
		const files = pack.files as Array<{ path: string; text: string }>;
		const broken = { ...pack, name: 'quebrado', files: [...files, { path: 'outro.md', text: files[0]!.text.replace(/^title: .*$/m, 'title: [a, b]') }] };
		const resolved = resolvePolicy({ ...samplePolicy, sopPacks: [broken, { format: 'outra-coisa' }] }, now);
		expect(resolved.sops).toEqual([]);
		expect(resolved.problems).toHaveLength(2);
		expect(resolved.problems[0]).toMatch(/^Política, pacote quebrado recusado: quebrado\/outro\.md:2: title: /);
		expect(resolved.problems[1]).toMatch(/pacote sopPacks\[1\] recusado: .*não é um pacote de SOPs/);
		expect(resolved.installations).toHaveLength(1);
	});

	test('installations: bad addresses reported, hosted tenants skipped (the manifest covers them), duplicates merged', () => {
		const resolved = resolvePolicy({ installations: ['ftp://x', 42, 'acme.qualitorsoftware.com', 'https://a.example/x', 'a.example'] });
		expect(resolved.installations.map((i) => i.pattern)).toEqual(['https://a.example/*']);
		expect(resolved.problems).toEqual([expect.stringMatching(/^Política, installations\[0\]: Só endereços/), 'Política, installations[1]: não é um texto.']);
	});

	test('wrong types are reported, not thrown (Firefox does not filter by the schema)', () => {
		const resolved = resolvePolicy({ installations: 'x', sopPacks: {}, mappings: { 'not an origin': {} }, usageRecord: 'no' });
		expect(resolved).toMatchObject({ installations: [], sops: [], mappings: {} });
		expect(resolved.usageRecord).toBeUndefined();
		expect(resolved.problems).toHaveLength(4);
	});
});

describe('precedence', () => {
	test('a managed installation is listed once, managed, even when the agent added it too; local ones stay removable', () => {
		const local = [
			{ pattern: 'https://a.example/*', url: 'a.example', added: '' },
			{ pattern: 'https://b.example/*', url: 'b.example', added: '' },
		];
		const p = policy({ installations: [{ pattern: 'https://a.example/*', url: 'https://a.example/' }, { pattern: 'https://c.example/*', url: 'c' }] });
		expect(effectiveInstallations(local, p).map((i) => [i.pattern, i.managed])).toEqual([
			['https://a.example/*', true],
			['https://b.example/*', false],
			['https://c.example/*', true],
		]);
	});

	test('a managed SOP replaces a local import of the same id, which is reported as overridden', () => {
		const managed = { ...imported('x', 'da TI'), source: { kind: 'policy', name: 'TI', version: '1' } } as ImportedSop;
		const result = effectiveImportedSops([imported('x', 'do agente'), imported('y')], policy({ sops: [managed] }));
		expect(result.sops.map((s) => [s.sop.id, s.sop.title])).toEqual([
			['x', 'da TI'],
			['y', 'y'],
		]);
		expect(result.overridden).toEqual(['x']);
		expect(effectiveImportedSops([imported('y')], EMPTY_POLICY)).toEqual({ sops: [imported('y')], overridden: [] });
	});

	test("a managed mapping replaces the origin's local mapping whole; other origins keep theirs", () => {
		const local = { 'https://a.example': { names: { A: 'B' }, labelAliases: {}, overrides: { titulo: '#t' } }, 'https://b.example': { names: { C: 'D' }, labelAliases: {}, overrides: {} } };
		const p = policy({ mappings: { 'https://a.example': { names: { A: 'Z' }, labelAliases: {}, overrides: {} } } });
		expect(effectiveMapping(local, p, 'https://a.example')).toEqual({ mapping: { names: { A: 'Z' }, labelAliases: {}, overrides: {} }, managed: true });
		expect(effectiveMapping(local, p, 'https://b.example')).toEqual({ mapping: local['https://b.example'], managed: false });
		expect(effectiveMapping({}, p, 'https://c.example')).toEqual({ mapping: { names: {}, labelAliases: {}, overrides: {} }, managed: false });
	});

	test('usage record: the policy wins either way; without it the agent decides', () => {
		expect(usageRecording({ usageRecord: true }, policy({ usageRecord: false }))).toEqual({ enabled: false, managed: true });
		expect(usageRecording({ usageRecord: false }, policy({ usageRecord: true }))).toEqual({ enabled: true, managed: true });
		expect(usageRecording({ usageRecord: false }, EMPTY_POLICY)).toEqual({ enabled: false, managed: false });
		expect(usageRecording({ usageRecord: true }, EMPTY_POLICY)).toEqual({ enabled: true, managed: false });
	});
});
