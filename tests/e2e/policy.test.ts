// The IT policy for real: Debian's Chromium reads /etc/chromium/policies/managed/*.json. The test writes
// docs/policy/sample-policy.json there for a copy of the build whose id is pinned with a manifest `key`
// (so no other extension, and no other test run, is affected), then checks the options page and the overlay.
import { mkdir, readFile, rm, writeFile, access, constants } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startQualitorServer, PATHS, type QualitorServer } from '../fixtures/server.ts';
import { launchExtension, recordPageProblems, type LaunchedExtension } from './harness.ts';
import { overlay } from './overlay-driver.ts';
import { pinnedCopy } from './pinned-extension.ts';

const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/** Whether the folder exists writable or could be created, found without creating anything (the test may be skipped). */
async function canWrite(dir: string): Promise<boolean> {
	const exists = await access(dir, constants.F_OK).then(() => true, () => false);
	if (exists) return access(dir, constants.W_OK).then(() => true, () => false);
	return dirname(dir) !== dir && canWrite(dirname(dir));
}
const writable = await canWrite(POLICY_DIR);
if (!writable) console.warn(`policy E2E skipped: ${POLICY_DIR} is not writable (Chromium reads managed policies only from there; run as root, as CI does).`);

let server: QualitorServer;
let ext: LaunchedExtension;
let copy: { dir: string; id: string };
let policyFile: string;
/** The first folder this test created for the policy (removed with everything in it at the end), if any. */
let createdDir: string | undefined;

const sample = JSON.parse(await readFile('docs/policy/sample-policy.json', 'utf8')) as { '3rdparty': { extensions: Record<string, Record<string, unknown>> } };
const values = Object.values(sample['3rdparty'].extensions)[0]!;

describe.skipIf(!writable)('managed policy in Chromium (/etc/chromium/policies/managed)', () => {
	beforeAll(async () => {
		createdDir = await mkdir(POLICY_DIR, { recursive: true });
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
		if (createdDir) await rm(createdDir, { recursive: true, force: true });
		if (copy) await rm(copy.dir, { recursive: true, force: true });
		await server?.close();
	});

	const inOverlay = (page: Page, selector: string) => overlay(page).locator(selector);
	const storedLocal = (key: string) =>
		ext.serviceWorker.evaluate(
			(k) => (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(k).then((r) => r[k]),
			key,
		);

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

	test('the overlay suggests and applies the managed SOP pack; nothing is recorded while usage is off by policy', async () => {
		const form = await ext.context.newPage();
		const { problems } = recordPageProblems(form);
		await form.goto(server.url(PATHS.ticketForm));
		await form.waitForSelector('[data-sop-assist]', { state: 'attached' });
		await form.locator('#dschamado').fill('a leitora não reconhecida no windows');
		await inOverlay(form, '[data-sop-id="leitora-nao-reconhecida"]').click();
		await inOverlay(form, '[data-action="apply"]').click();
		await inOverlay(form, '.report li').first().waitFor({ timeout: 30_000 });
		expect(await form.inputValue('#nmtitulochamado')).toBe('Leitora de cartão não reconhecida');

		// Positive control: IT turns the record on (chrome://policy → Reload); the next action is recorded. Its
		// event arriving means the apply's events were handled before it, so "only event" proves they were dropped.
		await writeFile(policyFile, JSON.stringify({ '3rdparty': { extensions: { [copy.id]: { ...values, usageRecord: true } } } }));
		const turnedOnAt = Date.now();
		const policyPage = await ext.context.newPage();
		await policyPage.goto('chrome://policy');
		await policyPage.locator('#reload-policies').click();
		await expect.poll(() => storedLocal('managedPolicy').then((v) => (v as { usageRecord?: boolean } | undefined)?.usageRecord), { timeout: 30_000 }).toBe(true);
		await policyPage.close();
		await expect.poll(() => inOverlay(form, '[data-action="undo"]').isEnabled(), { timeout: 30_000 }).toBe(true);
		await inOverlay(form, '[data-action="undo"]').click();
		type Logged = { at: number; sop: string; kind: string };
		const logged = () => storedLocal('usageLog').then((log) => ((log as Logged[] | undefined) ?? []).filter((e) => e.sop === 'leitora-nao-reconhecida'));
		await expect.poll(() => logged().then((log) => log.map((e) => e.kind)), { timeout: 30_000 }).toContain('undone');
		// The undo is the only event of that SOP: its suggestion, opening and apply, made while off, left nothing.
		// (Once on, the restored form may be suggested other SOPs: those are recorded, rightly.)
		expect((await logged()).map((e) => e.kind)).toEqual(['undone']);
		expect(((await storedLocal('usageLog')) as Logged[]).filter((e) => e.at < turnedOnAt)).toEqual([]);
		expect(problems.filter((p) => p.kind === 'pageerror')).toEqual([]);
		await form.close();
	});
});
