import { describe, expect, test } from 'vitest';
import { patternOrigin, toOriginPattern } from '../../src/background/origin-pattern.ts';

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
