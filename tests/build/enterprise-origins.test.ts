// QUALITOR_ORIGINS as IT writes it: what the enterprise build accepts, what it refuses and how it says so.
import { describe, expect, test } from 'vitest';
import { enterpriseManifest, OriginsError, parseOrigins } from '../../build/enterprise-origins.ts';

const patterns = (text: string) => parseOrigins(text).map((o) => o.pattern);
const refusal = (text: string): string => {
	try {
		parseOrigins(text);
	} catch (error) {
		expect(error).toBeInstanceOf(OriginsError);
		return (error as Error).message;
	}
	throw new Error(`accepted: ${text}`);
};

describe('parseOrigins', () => {
	test('an address becomes its origin pattern; the path, port, query are dropped', () => {
		expect(patterns('https://helpdesk.empresa.com.br/qualitor/')).toEqual(['https://helpdesk.empresa.com.br/*']);
		expect(patterns('http://Qualitor.Interno:8080/qualitor/html/index.php?x=1#y')).toEqual(['http://qualitor.interno/*']);
	});

	test('several, separated by commas, spaces or lines, duplicates once', () => {
		expect(patterns('https://a.empresa.com.br/qualitor/, http://b.empresa.com.br\nhttps://a.empresa.com.br/outro')).toEqual([
			'https://a.empresa.com.br/*',
			'http://b.empresa.com.br/*',
		]);
	});

	test('a host wildcard over the organisation’s own domain is accepted', () => {
		expect(patterns('https://*.empresa.com.br/')).toEqual(['https://*.empresa.com.br/*']);
	});

	test.each([
		['', /empty/],
		['helpdesk.empresa.com.br/qualitor/', /write the scheme/],
		['ftp://helpdesk.empresa.com.br/', /only https:\/\/ or http:\/\/.*not ftp:\/\//],
		['file:///etc/passwd', /only https:\/\/ or http:\/\//],
		['https://helpdesk.empresa.com.br/qualitor/*', /no wildcard in the path/],
		['https://*/', /only allowed as the first label/],
		['https://*.com.br/', /too broad/],
		['https://*.br/', /too broad/],
		['*://helpdesk.empresa.com.br/', /write the scheme/],
		['https://help*.empresa.com.br/', /only allowed as the first label/],
		['https://ana:segredo@helpdesk.empresa.com.br/', /no user name or password/],
		['https://helpdesk_empresa.com.br/', /not a server name/],
		['https://', /no server name/],
		['<all_urls>', /write the scheme/],
	])('refuses %j, saying why and naming the entry', (text, why) => {
		const message = refusal(text);
		expect(message).toMatch(why);
		expect(message).toMatch(/^QUALITOR_ORIGINS/);
		if (text) expect(message).toContain(`"${text}"`);
	});
});

describe('enterpriseManifest', () => {
	const built = {
		name: 'x',
		content_scripts: [{ matches: ['http://*.qualitorsoftware.com/*', 'https://*.qualitorsoftware.com/*'], js: ['a.js'] }],
		optional_host_permissions: ['http://*/*', 'https://*/*'],
	};

	test('adds the origins to host_permissions and to every content script, keeping the rest', () => {
		const out = enterpriseManifest(built, parseOrigins('https://helpdesk.empresa.com.br/qualitor/'));
		expect(out.host_permissions).toEqual(['https://helpdesk.empresa.com.br/*']);
		expect(out.content_scripts).toEqual([
			{ matches: ['http://*.qualitorsoftware.com/*', 'https://*.qualitorsoftware.com/*', 'https://helpdesk.empresa.com.br/*'], js: ['a.js'] },
		]);
		expect(out.optional_host_permissions).toEqual(built.optional_host_permissions);
		expect(built.content_scripts[0]!.matches).toHaveLength(2); // the input is not modified
	});

	test('web-accessible files get the origins unless their matches already reach every site', () => {
		const out = enterpriseManifest(
			{
				...built,
				web_accessible_resources: [
					{ matches: ['http://*/*', 'https://*/*'], resources: ['a.js'] },
					{ matches: ['https://*.qualitorsoftware.com/*'], resources: ['b.js'] },
					{ resources: ['c.js'] } as { matches?: string[]; resources: string[] },
				],
			},
			parseOrigins('https://helpdesk.empresa.com.br/ http://qualitor.interno/'),
		);
		expect(out.web_accessible_resources).toEqual([
			{ matches: ['http://*/*', 'https://*/*'], resources: ['a.js'] },
			{ matches: ['https://*.qualitorsoftware.com/*', 'https://helpdesk.empresa.com.br/*', 'http://qualitor.interno/*'], resources: ['b.js'] },
			{ resources: ['c.js'] },
		]);
	});

	test('a manifest without content scripts is an error, not a silent no-op', () => {
		expect(() => enterpriseManifest({ name: 'x' }, parseOrigins('https://a.empresa.com.br/'))).toThrow(/content_scripts/);
	});
});
