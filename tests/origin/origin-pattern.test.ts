import { describe, expect, test } from 'vitest';
import { isSingleOriginPattern, mappingOrigin, originMatches, patternOrigin, toOriginPattern } from '../../src/origin/origin-pattern.ts';

describe('toOriginPattern', () => {
	test.each([
		['https://helpdesk.example.com/qualitor/html/hd/hdchamado/cadastro_chamado.php?x=1', 'https://helpdesk.example.com/*', 'https://helpdesk.example.com'],
		['helpdesk.example.com', 'https://helpdesk.example.com/*', 'https://helpdesk.example.com'],
		['  HTTP://Qualitor.Intranet:8080/qualitor/ ', 'http://qualitor.intranet/*', 'http://qualitor.intranet:8080'],
		['http://10.0.0.5/qualitor', 'http://10.0.0.5/*', 'http://10.0.0.5'],
	])('%s → %s', (input, pattern, origin) => {
		expect(toOriginPattern(input)).toEqual({ ok: true, pattern, origin, hosted: false });
	});

	test('hosted tenants are recognised', () => {
		expect(toOriginPattern('https://acme.qualitorsoftware.com/qualitor')).toMatchObject({ ok: true, hosted: true });
	});

	test.each([
		['', /Informe o endereço/],
		['ftp://helpdesk.example.com', /Só endereços http/],
		['javascript:alert(1)', /não é um endereço válido|Só endereços/],
		['https://*.example.com', /nome de servidor/],
		['https://user:senha@helpdesk.example.com', /usuário ou senha/],
		['http://', /não é um endereço válido/],
	])('refuses %j', (input, error) => {
		const result = toOriginPattern(input);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(error);
	});

	test('patternOrigin drops the path wildcard', () => {
		expect(patternOrigin('https://helpdesk.example.com/*')).toBe('https://helpdesk.example.com');
	});
});

describe('isSingleOriginPattern', () => {
	test.each(['https://helpdesk.example.com/*', 'http://10.0.0.5/*', 'http://qualitor.intranet/*'])('%s is one origin', (p) => {
		expect(isSingleOriginPattern(p)).toBe(true);
	});
	test.each(['https://*/*', '<all_urls>', '*://*/*', 'https://*.example.com/*', 'https://a.example/x/*', 'ftp://a.example/*', 'https://a.example', 42, `https://${'a'.repeat(300)}.example/*`])(
		'%j is not',
		(p) => expect(isSingleOriginPattern(p)).toBe(false),
	);
	test('every pattern toOriginPattern makes is one origin', () => {
		for (const input of ['helpdesk.example.com', 'HTTP://Qualitor.Intranet:8080/x', 'http://10.0.0.5/q']) {
			const result = toOriginPattern(input);
			expect(result.ok && isSingleOriginPattern(result.pattern)).toBe(true);
		}
	});
});

describe('mappingOrigin', () => {
	test('keeps the port of the address typed: the content script looks mappings up by location.origin', () => {
		expect(mappingOrigin({ pattern: 'http://qualitor.intranet/*', url: 'http://qualitor.intranet:8080/qualitor/' })).toBe('http://qualitor.intranet:8080');
		expect(mappingOrigin({ pattern: 'https://helpdesk.example.com/*', url: 'helpdesk.example.com/qualitor' })).toBe('https://helpdesk.example.com');
	});
	test('falls back to the pattern when the address does not give it', () => {
		expect(mappingOrigin({ pattern: 'https://helpdesk.example.com/*', url: '' })).toBe('https://helpdesk.example.com');
		expect(mappingOrigin({ pattern: 'https://helpdesk.example.com/*', url: 'https://outro.example/' })).toBe('https://helpdesk.example.com');
	});
});

describe('originMatches (a page origin against a manifest match pattern)', () => {
	test.each([
		['https://helpdesk.empresa.com.br', 'https://helpdesk.empresa.com.br/*', true],
		['http://helpdesk.empresa.com.br:8080', 'http://helpdesk.empresa.com.br/*', true],
		['https://demo.qualitorsoftware.com', 'https://*.qualitorsoftware.com/*', true],
		['https://qualitorsoftware.com', 'https://*.qualitorsoftware.com/*', true],
		['https://a.b.qualitorsoftware.com', '*://*.qualitorsoftware.com/*', true],
		['http://helpdesk.empresa.com.br', 'https://helpdesk.empresa.com.br/*', false],
		['https://evil-qualitorsoftware.com', 'https://*.qualitorsoftware.com/*', false],
		['https://helpdesk.empresa.com.br.evil.example', 'https://helpdesk.empresa.com.br/*', false],
		['https://any.example', 'https://*/*', false],
		['https://any.example', '<all_urls>', false],
		['https://any.example', '*://*/*', false],
		['null', 'https://helpdesk.empresa.com.br/*', false],
	])('%s against %s: %s', (origin, pattern, expected) => {
		expect(originMatches(origin, pattern)).toBe(expected);
	});
});
