// The managed-storage schema IT reads to write a policy: valid for Chrome, every key documented, the
// sample policies valid against it, shipped in both builds.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GECKO_ID } from '../../build/firefox-manifest.ts';

interface Schema {
	type: 'object' | 'array' | 'string' | 'boolean' | 'integer' | 'number';
	title?: string;
	description?: string;
	properties?: Record<string, Schema>;
	additionalProperties?: Schema;
	items?: Schema;
}

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
const manifest = read('manifest.json') as { storage?: { managed_schema?: string } };
const schema = read(join('public', manifest.storage?.managed_schema ?? 'missing')) as Schema;
/** The keywords Chrome's policy schema parser understands that we use; anything else would be silently ignored. */
const KEYWORDS = new Set(['type', 'title', 'description', 'properties', 'additionalProperties', 'items']);

/** The subset of JSON Schema Chrome applies to managed storage: wrong types are dropped there, so fail here. */
function validate(value: unknown, s: Schema, path = '$'): string[] {
	const typeOf = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
	if (s.type === 'integer' ? !Number.isInteger(value) : typeOf !== s.type) return [`${path}: expected ${s.type}, got ${typeOf}`];
	if (s.type === 'array') return (value as unknown[]).flatMap((v, i) => validate(v, s.items!, `${path}[${i}]`));
	if (s.type !== 'object') return [];
	return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
		const sub = s.properties?.[k] ?? s.additionalProperties;
		return sub ? validate(v, sub, `${path}.${k}`) : [`${path}.${k}: not in the schema (Chrome drops it)`];
	});
}

function walk(s: Schema, path: string, visit: (s: Schema, path: string) => void): void {
	visit(s, path);
	for (const [k, sub] of Object.entries(s.properties ?? {})) walk(sub, `${path}.${k}`, visit);
	if (s.additionalProperties) walk(s.additionalProperties, `${path}.*`, visit);
	if (s.items) walk(s.items, `${path}[]`, visit);
}

describe('public/managed-schema.json', () => {
	test('manifest.json points at it', () => {
		expect(manifest.storage?.managed_schema).toBe('managed-schema.json');
	});

	test('uses only keywords Chrome understands; every object and array says what it holds', () => {
		walk(schema, '$', (s, path) => {
			expect(Object.keys(s).filter((k) => !KEYWORDS.has(k)), path).toEqual([]);
			if (s.type === 'array') expect(s.items, path).toBeDefined();
			if (s.type === 'object') expect(s.properties ?? s.additionalProperties, path).toBeDefined();
		});
		expect(schema.type).toBe('object');
	});

	test('every top-level key has a title and a description, and the README documents it', () => {
		const readme = readFileSync('README.md', 'utf8');
		for (const [key, s] of Object.entries(schema.properties!)) {
			expect(s.title, key).toBeTruthy();
			expect(s.description, key).toBeTruthy();
			expect(readme, key).toContain(`\`${key}\``);
		}
	});

	test('the validator used here can fail', () => {
		expect(validate({ installations: 'x', usageRecord: 1, other: true }, schema)).toEqual([
			'$.installations: expected array, got string',
			'$.usageRecord: expected boolean, got number',
			'$.other: not in the schema (Chrome drops it)',
		]);
	});

	test("the Chrome sample policy (3rdparty.extensions.<id>) and Firefox's policies.json validate", () => {
		const chrome = read('docs/policy/sample-policy.json') as { '3rdparty': { extensions: Record<string, unknown> } };
		const chromeValues = Object.values(chrome['3rdparty'].extensions);
		expect(chromeValues).toHaveLength(1);
		expect(validate(chromeValues[0], schema)).toEqual([]);
		const firefox = read('docs/policy/policies.json') as { policies: { '3rdparty': { Extensions: Record<string, unknown> } } };
		expect(Object.keys(firefox.policies['3rdparty'].Extensions)).toEqual([GECKO_ID]);
		expect(firefox.policies['3rdparty'].Extensions[GECKO_ID]).toEqual(chromeValues[0]);
	});
});

/** `npm test` builds first; a unit-only run may find an older build, which says nothing about this one. */
const current = (dir: string) => existsSync(resolve(dir, 'manifest.json')) && statSync(resolve(dir, 'manifest.json')).mtimeMs >= statSync('manifest.json').mtimeMs;

describe.each([
	['Chrome', process.env.EXTENSION_DIR ?? 'dist'],
	['Firefox', process.env.FIREFOX_EXTENSION_DIR ?? 'dist-firefox'],
])('%s build', (_, dir) => {
	test.skipIf(!current(dir))(`${dir}/ ships the schema its manifest names`, () => {
		const built = read(resolve(dir, 'manifest.json')) as { storage?: { managed_schema?: string } };
		expect(built.storage?.managed_schema).toBe('managed-schema.json');
		expect(read(resolve(dir, built.storage!.managed_schema!))).toEqual(schema);
	});
});
