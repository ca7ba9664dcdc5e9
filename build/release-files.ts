// What `npm run package` writes beside the packages: the extension id derived from the CRX key, the update
// manifest Chrome polls, and the policy snippets IT pastes into Chrome (Windows, Linux) and Firefox.
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/** The file name stem of every package: `qualitor-sop-assist-0.1.0`. */
export const releaseName = (name: string, version: string): string => `${name}-${version}`;

/** The public key of a PEM private key, as DER SubjectPublicKeyInfo (what a CRX and manifest `key` carry). */
export function publicKeyDer(privateKeyPem: string | KeyObject): Buffer {
	return createPublicKey(privateKeyPem).export({ type: 'spki', format: 'der' });
}

/** Chrome's extension id: the first 128 bits of SHA-256 of the public key, each hex digit 0-f written a-p. */
export function extensionId(spkiDer: Uint8Array): string {
	const hex = createHash('sha256').update(spkiDer).digest('hex').slice(0, 32);
	return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** `https://host/path/` with exactly one trailing slash; refuses anything but http(s). */
export function baseUrl(text: string): string {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new Error(`SOP_ASSIST_DOWNLOAD_URL: "${text}" is not an address (expected e.g. https://intranet.empresa.com.br/extensoes/sop-assist/)`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SOP_ASSIST_DOWNLOAD_URL: "${text}": only https:// or http://`);
	return url.href.replace(/\/*$/, '/');
}

const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/</g, '&lt;');

/** The update manifest (gupdate) Chrome fetches from `update_url` to find the newest CRX. */
export function updateXml(id: string, version: string, crxUrl: string): string {
	return [
		"<?xml version='1.0' encoding='UTF-8'?>",
		"<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
		`  <app appid='${id}'>`,
		`    <updatecheck codebase='${xmlAttr(crxUrl)}' version='${version}' />`,
		'  </app>',
		'</gupdate>',
		'',
	].join('\n');
}

/** ExtensionSettings entry: installed without asking, not removable, updated from IT's server. */
export const chromeExtensionSettings = (id: string, updateUrl: string) => ({
	[id]: { installation_mode: 'force_installed', update_url: updateUrl },
});

/** Linux (Chrome: /etc/opt/chrome/policies/managed/, Chromium: /etc/chromium/policies/managed/). */
export function chromeLinuxPolicy(id: string, updateUrl: string): string {
	return `${JSON.stringify({ ExtensionSettings: chromeExtensionSettings(id, updateUrl) }, null, 2)}\n`;
}

const regString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * Windows registry file for Google Chrome: one ExtensionInstallForcelist entry (`<id>;<update_url>`).
 * The value name `1` is the entry's position in the list; IT changes it when other entries exist.
 * ExtensionSettings is a single JSON value for all extensions, so it is not written here (it would replace
 * the organisation's); its entry is in chrome-extension-settings.json for IT to merge.
 */
export function chromeWindowsReg(id: string, updateUrl: string): string {
	return [
		'Windows Registry Editor Version 5.00',
		'',
		'[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\ExtensionInstallForcelist]',
		`"1"=${regString(`${id};${updateUrl}`)}`,
		'',
	].join('\r\n');
}

/** Firefox policies.json: the add-on force-installed from IT's server (`install_url`). */
export function firefoxPolicies(geckoId: string, installUrl: string): string {
	return `${JSON.stringify({ policies: { ExtensionSettings: { [geckoId]: { installation_mode: 'force_installed', install_url: installUrl } } } }, null, 2)}\n`;
}
