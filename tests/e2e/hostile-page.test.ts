// A hostile script on a matched Qualitor origin (issue 13 point 2): it cannot read the overlay, drive it,
// switch it off with a marker, or replace it with a fake host; the agent's own (trusted) input still works
// in the same test, so every "nothing happens" below has its positive control.
import { expect, test } from 'vitest';
import type { QualitorServer } from '../fixtures/server.ts';
import { openTicketForm, useQualitorSession } from './session.ts';
import type { LaunchedExtension } from './harness.ts';

let server: QualitorServer;
let ext: LaunchedExtension;

useQualitorSession((s, e) => ([server, ext] = [s, e]));

/**
 * Runs in the page before any of its scripts (and before the content script): the old "assistant is
 * running" marker on <html>, a fake `[data-sop-assist]` host with an open shadow root, and a spy that
 * keeps every shadow root the page can get hold of.
 */
function hostileInit(): void {
	const w = window as unknown as { __roots: ShadowRoot[] };
	w.__roots = [];
	const attach = Element.prototype.attachShadow;
	Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
		const root = attach.call(this, init);
		w.__roots.push(root);
		return root;
	};
	document.addEventListener('DOMContentLoaded', () => {
		document.documentElement.dataset.qualitorSopAssist = 'ready';
		const fake = document.createElement('div');
		fake.setAttribute('data-sop-assist', '');
		fake.attachShadow({ mode: 'open' }).innerHTML = '<button data-action="apply">Aplicar</button>';
		document.body.prepend(fake);
		// A field the health badge expects goes missing, so the badge becomes a button to the options page.
		document.getElementById('btnProcessar')?.remove();
	});
}

/** Everything a page script can try to read the overlay with. */
const readAttempt = () => {
	const hosts = [...document.querySelectorAll('[data-sop-assist]')];
	const real = hosts[hosts.length - 1]!;
	let attachError = '';
	try {
		real.attachShadow({ mode: 'open' });
	} catch (error) {
		attachError = (error as Error).name;
	}
	const roots = (window as unknown as { __roots: ShadowRoot[] }).__roots;
	document.getSelection()?.selectAllChildren(document.body);
	const selected = document.getSelection()?.toString() ?? '';
	document.getSelection()?.removeAllRanges();
	return {
		hosts: hosts.length,
		realShadowRoot: real.shadowRoot === null ? null : 'visible',
		attachError,
		spiedRoots: roots.map((r) => r.mode),
		hostText: real.textContent + (real as HTMLElement).innerText,
		bodyText: document.body.innerText + selected,
		marker: document.documentElement.dataset.qualitorSopAssist,
	};
};

/** The form with the hostile script run before the page's own; the overlay mounted all the same (the positive control). */
const openHostileForm = () => openTicketForm(ext, server, { viewport: { width: 1280, height: 900 }, before: (page) => page.addInitScript(hostileInit) });

test('a pre-set marker and a fake host change nothing; the page cannot read the closed shadow root', async () => {
	// Positive control: the real overlay mounts despite the marker and the fake host, and it works.
	const { page, problems, overlay: o } = await openHostileForm();
	await page.locator('#dschamado').pressSequentially('cliente com token em branco no safesign', { delay: 5 });
	const suggestion = o.locator('[data-sop-id="token-em-branco"]');
	await suggestion.waitFor();
	const title = await suggestion.locator('.suggestion-title').innerText();
	expect(title).toMatch(/token/);

	const seen = await page.evaluate(readAttempt);
	expect(seen.hosts).toBe(2); // the fake one and ours
	expect(seen.marker).toBe('ready'); // the page's own marker is still there: ignored, not removed
	expect(seen.realShadowRoot).toBeNull();
	expect(seen.attachError).toBe('NotSupportedError');
	// The content script attaches its root in its own world: the page's spy never sees it.
	expect(seen.spiedRoots).toEqual(['open']);
	expect(seen.hostText).toBe('');
	expect(seen.bodyText).not.toContain(title);
	expect(problems).toEqual([]);
	await page.close();
});

test('page scripts cannot click Aplicar or the health badge; the agent can', async () => {
	const { page, problems, overlay: o } = await openHostileForm();
	await page.locator('#dschamado').pressSequentially('cliente com token em branco no safesign', { delay: 5 });
	await o.locator('[data-sop-id="token-em-branco"]').click();
	const apply = o.locator('[data-action="apply"]');
	const badge = o.locator('[data-action="open-options"]');
	await apply.waitFor();
	const applyBox = (await apply.boundingBox())!;
	const badgeBox = (await badge.boundingBox())!;

	// Every way a page script has to "click": at the button's coordinates (which hit the host), on the
	// host, synthetic events with composed: true, keyboard events, a synthetic submit.
	await page.evaluate(
		(boxes) => {
			for (const b of boxes) {
				const x = b.x + b.width / 2;
				const y = b.y + b.height / 2;
				const hit = document.elementFromPoint(x, y) as HTMLElement;
				hit.click();
				for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
					hit.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true, clientX: x, clientY: y }));
				hit.focus();
				for (const key of ['Enter', ' '])
					hit.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
				hit.dispatchEvent(new SubmitEvent('submit', { bubbles: true, composed: true }));
			}
			document.dispatchEvent(new KeyboardEvent('keydown', { key: 'S', code: 'KeyS', altKey: true, shiftKey: true, bubbles: true, composed: true }));
		},
		[applyBox, badgeBox],
	);
	// The driver's own isolated world can reach the buttons; an untrusted click there is dropped by the
	// shadow root's guard (the second line of defence, should a page ever get hold of an element).
	await apply.evaluate((el) => (el as HTMLElement).click());
	await badge.evaluate((el) => el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })));

	// Let anything those attempts started show itself: a few frames and a Qualitor round trip's time.
	await page.evaluate(() => new Promise((r) => setTimeout(r, 800)));
	expect(await page.inputValue('#nmtitulochamado')).toBe('');
	expect(await o.locator('.report li').count()).toBe(0);
	expect(ext.context.pages().filter((p) => p.url().includes('/src/options/'))).toEqual([]);

	// Positive control: the agent's trusted clicks do what the page's could not.
	await apply.click();
	await o.locator('.report li').first().waitFor({ timeout: 30_000 });
	await expect.poll(() => page.inputValue('#nmtitulochamado'), { timeout: 30_000 }).toBe('Certificado digital em branco no token');
	const [options] = await Promise.all([ext.context.waitForEvent('page', { timeout: 10_000 }), badge.click()]);
	await options.waitForLoadState();
	expect(options.url()).toMatch(/\/src\/options\/index\.html#mapeamento$/);
	await options.close();
	expect(problems).toEqual([]);
	await page.close();
});
