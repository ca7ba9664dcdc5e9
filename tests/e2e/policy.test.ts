// The IT policy for real: Debian's Chromium reads /etc/chromium/policies/managed/*.json. The test writes
// docs/policy/sample-policy.json there for a copy of the build whose id is pinned with a manifest `key`
// (so no other extension, and no other test run, is affected), then checks the options page and the overlay.
import { mkdir, readFile, rm, writeFile, access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startQualitorServer, PATHS, type QualitorServer } from '../fixtures/server.ts';
import { launchExtension, recordPageProblems, type LaunchedExtension } from './harness.ts';
import { pinnedCopy } from './pinned-extension.ts';

const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
const writable = await mkdir(POLICY_DIR, { recursive: true })
	.then(() => access(POLICY_DIR, constants.W_OK))
	.then(
		() => true,
		() => false,
	);
if (!writable) console.warn(`policy E2E skipped: ${POLICY_DIR} is not writable (Chromium reads managed policies only from there; run as root, as CI does).`);

let server: QualitorServer;
let ext: LaunchedExtension;
let copy: { dir: string; id: string };
let policyFile: string;

const sample = JSON.parse(await readFile('docs/policy/sample-policy.json', 'utf8')) as { '3rdparty': { extensions: Record<string, Record<string, unknown>> } };
const values = Object.values(sample['3rdparty'].extensions)[0]!;

describe.skipIf(!writable)('managed policy in Chromium (/etc/chromium/policies/managed)', () => {
	beforeAll(async () => {
		server = await startQualitorServer();
		copy = await pinnedCopy(process.env.EXTENSION_DIR ?? 'dist');
		policyFile = join(POLICY_DIR, `sop-assist-e2e-${copy.id}.json`);
		await writeFile(policyFile, JSON.stringify({ '3rdparty': { extensions: { [copy.id]: values } } }));
		ext = await launchExtension({ extensionDir: copy.dir });
		expect(ext.extensionId).toBe(copy.id);
	});
	afterAll(async () => {
		await ext?.close();
		if (policyFile) await rm(policyFile, { force: true });
		if (copy) await rm(copy.dir, { recursive: true, force: true });
		await server?.close();
	});

	const inOverlay = (page: Page, selector: string) => page.locator(`[data-sop-assist] ${selector}`);

	test('the extension reads the policy from storage.managed', async () => {
		const managed = await ext.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<Record<string, unknown>> } } } }).chrome.storage.managed.get());
		expect(managed).toEqual(values);
	});

	test('the options page shows the managed values, locked', async () => {
		const options = await ext.context.newPage();
		await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
		await options.locator('[data-policy]').waitFor();
		expect(await options.locator('[data-policy-problems]').count()).toBe(0);
		const installation = options.locator('[data-pattern="https://helpdesk.suaempresa.com.br/*"]');
		await installation.waitFor();
		expect(await installation.getAttribute('data-managed')).toBe('true');
		expect(await installation.innerText()).toMatch(/gerenciado pela política/);
		expect(await installation.getByRole('button', { name: /Remover/ }).count()).toBe(0);
		// No policy grants an optional host permission (ExtensionSettings runtime_allowed_hosts does not either,
		// checked in Chromium 156): the agent grants it once, here. README, "Managed policy", says so.
		expect(await installation.locator('[data-permission]').getAttribute('data-permission')).toBe('missing');
		expect(await installation.getByRole('button', { name: 'Conceder permissão' }).count()).toBe(1);
		const row = options.locator('[data-sop-row="leitora-nao-reconhecida"]');
		await row.waitFor();
		expect(await row.getAttribute('data-source')).toBe('policy');
		expect(await row.innerText()).toMatch(/SOPs da TI \(2024\.07\)[\s\S]*gerenciado pela política/);
		expect(await row.getByRole('button', { name: /Remover/ }).count()).toBe(0);
		expect(await options.locator('#uso [data-usage-state]').innerText()).toMatch(/desativado pela política da empresa/);
		expect(await options.getByLabel('Registrar o uso dos SOPs neste navegador').count()).toBe(0);
		// The managed mapping: shown, not editable.
		await options.fill('#mapping-origin', 'https://helpdesk.suaempresa.com.br');
		await options.getByRole('button', { name: 'Editar' }).click();
		await expect.poll(() => options.inputValue('#mapping-names')).toBe('Cartão = Cartão inteligente');
		expect(await options.locator('#mapping-names').getAttribute('readonly')).not.toBeNull();
		expect(await options.getByRole('button', { name: 'Salvar mapeamento' }).count()).toBe(0);
		await options.close();
	});

	test('the overlay suggests and applies the managed SOP pack; nothing is recorded (usage off by policy)', async () => {
		const form = await ext.context.newPage();
		const { problems } = recordPageProblems(form);
		await form.goto(server.url(PATHS.ticketForm));
		await form.waitForSelector('[data-sop-assist]', { state: 'attached' });
		await form.locator('#dschamado').fill('a leitora não reconhecida no windows');
		await inOverlay(form, '[data-sop-id="leitora-nao-reconhecida"]').click();
		await inOverlay(form, '[data-action="apply"]').click();
		await inOverlay(form, '.report li').first().waitFor({ timeout: 30_000 });
		expect(await form.inputValue('#nmtitulochamado')).toBe('Leitora de cartão não reconhecida');
		await new Promise((r) => setTimeout(r, 500));
		const log = await ext.serviceWorker.evaluate(() =>
			(globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('usageLog'),
		);
		expect(log).toEqual({});
		expect(problems.filter((p) => p.kind === 'pageerror')).toEqual([]);
		await form.close();
	});
});
