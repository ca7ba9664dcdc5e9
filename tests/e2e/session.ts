// The usual set-up of a Chromium E2E file: the Qualitor imitation and the browser with the extension,
// started before the file's tests and closed after them.
import { afterAll, beforeAll } from 'vitest';
import { startQualitorServer, type QualitorServer } from '../fixtures/server.ts';
import { launchExtension, type LaunchedExtension, type LaunchOptions } from './harness.ts';

export function useQualitorSession(ready: (server: QualitorServer, ext: LaunchedExtension) => void, options: LaunchOptions = {}): void {
	let server: QualitorServer | undefined;
	let ext: LaunchedExtension | undefined;
	beforeAll(async () => {
		server = await startQualitorServer();
		ext = await launchExtension(options);
		ready(server, ext);
	});
	afterAll(async () => {
		await ext?.close();
		await server?.close();
	});
}
