import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { readSopDir } from '../src/cli/read-sops.ts';
import { buildLibrary } from '../src/sop/library.ts';
import { formatProblem } from '../src/sop/problems.ts';
import { buildIndex, serializeIndex } from '../src/sop/search.ts';

const LIBRARY = 'virtual:sop-library';
const INDEX = 'virtual:sop-index';

/**
 * Validates sops/ and ships it ready to use: `virtual:sop-library` (the SOPs) and `virtual:sop-index`
 * (the serialised search index, so no page load pays for indexing). Any invalid SOP fails the build
 * with every problem listed: a partial library is never bundled.
 */
export function sopLibrary(options: { dir: string }): Plugin {
	const dir = resolve(options.dir);
	let cached: { library: string; index: string } | undefined;
	const load = () => {
		if (cached) return cached;
		const { sops, problems } = buildLibrary(readSopDir(dir));
		if (problems.length) {
			throw new Error(`Invalid SOPs (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n${problems.map(formatProblem).join('\n')}`);
		}
		cached = {
			library: `export const sops = ${JSON.stringify(sops)};`,
			index: `export const indexJson = ${JSON.stringify(serializeIndex(buildIndex(sops)))};`,
		};
		return cached;
	};
	return {
		name: 'sop-library',
		resolveId(id) {
			if (id === LIBRARY || id === INDEX) return '\0' + id;
		},
		load(id) {
			if (id === '\0' + LIBRARY) return load().library;
			if (id === '\0' + INDEX) return load().index;
		},
		buildStart() {
			this.addWatchFile(dir);
			load();
		},
		watchChange(id) {
			if (id.startsWith(dir)) cached = undefined;
		},
	};
}
