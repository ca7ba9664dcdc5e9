// A copy of a built extension with a manifest `key`, so its id is known before Chromium loads it (an
// unpacked extension's id otherwise depends on its path). Only for tests: dist/ never carries a key.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Chromium's id: the first 128 bits of SHA-256 of the public key, hex digits 0-f written as a-p. */
export function extensionIdOf(publicKeyDer: Buffer): string {
	const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
	return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export async function pinnedCopy(extensionDir: string): Promise<{ dir: string; id: string }> {
	const dir = await mkdtemp(join(tmpdir(), 'sop-assist-pinned-'));
	await cp(resolve(extensionDir), dir, { recursive: true });
	const der = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' });
	const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
	await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, key: der.toString('base64') }, null, 2));
	return { dir, id: extensionIdOf(der) };
}
