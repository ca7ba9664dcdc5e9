import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { sopLibrary } from './build/sop-library-plugin.ts';

export default defineConfig({
	plugins: [sopLibrary({ dir: 'sops' }), preact()],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/**/*.test.{ts,tsx}'],
					exclude: ['tests/e2e/**'],
					environment: 'node',
					// Property tests run hundreds of cases; on a loaded 2-core CI machine 5 s is not enough.
					testTimeout: 30_000,
					setupFiles: ['tests/setup/i18n.ts', 'tests/setup/preact-jsdom.ts'],
				},
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 60_000,
					fileParallelism: false,
				},
			},
		],
	},
});
