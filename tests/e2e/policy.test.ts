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
import { bigPacks, manyPacksWithin } from '../fixtures/policy-packs.ts';

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

/** A pinned copy of the build, its policy file written, Chromium launched on a fresh profile; `close` removes all of it. */
async function policyBrowser(policy: Record<string, unknown>) {
	const created = await mkdir(POLICY_DIR, { recursive: true });
	const pinned = await pinnedCopy(process.env.EXTENSION_DIR ?? 'dist');
	const file = join(POLICY_DIR, `sop-assist-e2e-${pinned.id}.json`);
	const write = (values: Record<string, unknown>) => writeFile(file, JSON.stringify({ '3rdparty': { extensions: { [pinned.id]: values } } }));
	await write(policy);
	const launched = await launchExtension({ extensionDir: pinned.dir, workerTimeoutMs: 60_000 });
	expect(launched.extensionId).toBe(pinned.id);
	return {
		ext: launched,
		write,
		async close() {
			await launched.close();
			await rm(file, { force: true });
			if (created) await rm(created, { recursive: true, force: true });
			await rm(pinned.dir, { recursive: true, force: true });
		},
	};
}

type ChromeStorage = { chrome: { storage: { local: { get(k: string | null): Promise<Record<string, unknown>>; getBytesInUse(k: string | string[] | null): Promise<number> } } } };

/** The stored policy as the options page (an extension page) reads it: its record, its bytes, and whether the packs were read. */
async function storedPolicy(page: Page) {
	return page.evaluate(async () => {
		const local = (globalThis as unknown as ChromeStorage).chrome.storage.local;
		const all = await local.get(null);
		const keys = Object.keys(all).filter((k) => k === 'managedPolicy' || k.startsWith('managedPolicyPack:'));
		const record = all.managedPolicy as { packsRead?: boolean; usageRecord?: boolean; problems: string[]; packs: Array<{ sops: number; bytes: number }> } | undefined;
		return { record, bytes: await local.getBytesInUse(keys), total: await local.getBytesInUse(null) };
	});
}

const MB = 1024 * 1024;

describe.skipIf(!writable)('the policy at the documented maxima applies (Chromium, real policy)', () => {
	test('8 MB of packs at 2 MB each (36 SOPs of ≈233 KB) apply; a fifth 2 MB pack past the total is refused and said; usageRecord applies', async () => {
		const packs = bigPacks(5); // LIMITS.policyBytes / LIMITS.packBytes = 4 fit
		const browser = await policyBrowser({ usageRecord: false, sopPacks: packs });
		try {
			const options = await browser.ext.context.newPage();
			await options.goto(`chrome-extension://${browser.ext.extensionId}/src/options/index.html`);
			await expect.poll(async () => (await storedPolicy(options)).record?.packsRead, { timeout: 120_000, interval: 1000 }).toBe(true);
			const stored = await storedPolicy(options);
			console.log(
				`policy of ${packs.length} packs × ${(JSON.stringify(packs[0]).length / MB).toFixed(2)} MB: stored ${(stored.bytes / MB).toFixed(2)} MB ` +
					`(storage.local ${(stored.total / MB).toFixed(2)} MB in use)`,
			);
			expect(stored.record!.packs.map((p) => p.sops)).toEqual([9, 9, 9, 9, 0]);
			// Each SOP stored once: about the size of the packs' JSON, not twice it.
			expect(stored.bytes).toBeGreaterThan(7.5 * MB);
			expect(stored.bytes).toBeLessThan(8.8 * MB);
			// The options page: the last SOP of the last pack that fits is managed; the fifth pack's refusal is in the notice.
			const row = options.locator('[data-sop-row="p03-s008"]');
			await row.waitFor({ timeout: 60_000 });
			expect(await row.getAttribute('data-source')).toBe('policy');
			expect(await options.locator('[data-sop-row="p04-s000"]').count()).toBe(0);
			expect(await options.locator('[data-policy-problems]').innerText()).toMatch(/pacote sopPacks\[4\] recusado: os pacotes da política somam 10,0 MB até ele; o limite é 8,0 MB no total/);
			expect(await options.locator('#uso [data-usage-state]').innerText()).toMatch(/desativado pela política da empresa/);
		} finally {
			await browser.close();
		}
	}, 300_000);

	test('20 packs of 500 SOPs, 8 MB in all: all 10,000 SOPs apply, no problem', async () => {
		const packs = manyPacksWithin(); // 20 × 500 SOPs, each pack at LIMITS.policyBytes / 20
		const browser = await policyBrowser({ usageRecord: false, sopPacks: packs });
		try {
			const options = await browser.ext.context.newPage();
			await options.goto(`chrome-extension://${browser.ext.extensionId}/src/options/index.html`);
			await expect.poll(async () => (await storedPolicy(options)).record?.packsRead, { timeout: 240_000, interval: 2000 }).toBe(true);
			const stored = await storedPolicy(options);
			console.log(`policy of 20 packs × 500 SOPs (${(packs.reduce((n, p) => n + JSON.stringify(p).length, 0) / MB).toFixed(2)} MB): stored ${(stored.bytes / MB).toFixed(2)} MB`);
			expect(stored.record!.problems).toEqual([]);
			expect(stored.record!.packs.map((p) => p.sops)).toEqual(Array.from({ length: 20 }, () => 500));
			expect(stored.record!.usageRecord).toBe(false);
			await options.locator('[data-sop-row="p19-s499"]').waitFor({ timeout: 120_000 });
			expect(await options.locator('[data-policy-problems]').count()).toBe(0);
		} finally {
			await browser.close();
		}
	}, 400_000);
});

describe.skipIf(!writable)('cold start: nothing is recorded before the policy has been read', () => {
	test('3 fresh profiles with usageRecord: false, events from the first page load on: none recorded; turned on, the next one is', async () => {
		const ATTEMPTS = 3;
		const server = await startQualitorServer();
		try {
			for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
				const browser = await policyBrowser({ usageRecord: false });
				try {
					// At once: the page loads, the overlay suggests (an event), the agent opens the SOP (another).
					const form = await browser.ext.context.newPage();
					await form.goto(server.url(PATHS.ticketForm));
					await form.locator('#dschamado').fill('certificado sem cei');
					const o = overlay(form);
					await o.locator('[data-sop-id="certificado-sem-cei"]').first().click();
					await o.locator('[data-action="apply"]').waitFor({ timeout: 30_000 });
					const options = await browser.ext.context.newPage();
					await options.goto(`chrome-extension://${browser.ext.extensionId}/src/options/index.html`);
					const log = () => options.evaluate(() => (globalThis as unknown as ChromeStorage).chrome.storage.local.get('usageLog').then((r) => (r.usageLog as Array<{ kind: string }> | undefined) ?? []));
					// The policy may arrive after the page already works (Chromium's managed storage is empty for a moment
					// after installation): that is the race. Wait for it, then prove the start's events were dropped.
					const settled = Date.now();
					await expect.poll(async () => (await storedPolicy(options)).record?.usageRecord, { timeout: 30_000 }).toBe(false);
					const late = Date.now() - settled;
					// Positive control: IT turns the record on; the next event is recorded, alone. Events leave the tab in
					// order, one batch at a time, so the start's events were judged (and dropped) before it.
					await browser.write({ usageRecord: true });
					const policyPage = await browser.ext.context.newPage();
					await policyPage.goto('chrome://policy');
					await policyPage.locator('#reload-policies').click();
					await expect.poll(async () => (await storedPolicy(options)).record?.usageRecord, { timeout: 30_000 }).toBe(true);
					await o.locator('[data-action="apply"]').press('Escape');
					await o.locator('[data-sop-id="certificado-sem-cei"]').first().click();
					await expect.poll(async () => (await log()).map((e) => e.kind), { timeout: 30_000 }).toEqual(['opened']);
					console.log(`cold start ${attempt}/${ATTEMPTS}: nothing recorded before the policy was read (policy stored ${late} ms after the SOP was opened)`);
				} finally {
					await browser.close();
				}
			}
		} finally {
			await server.close();
		}
	}, 300_000);
});
