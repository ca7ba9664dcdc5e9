import type { Plugin } from 'vite';

/** TEMPORARY stub: replaced by the real loader (validate sops/, build the index) in the next commit. */
export function sopLibrary(_options: { dir: string }): Plugin {
	return {
		name: 'sop-library',
		resolveId(id) {
			if (id === 'virtual:sop-library' || id === 'virtual:sop-index') return '\0' + id;
		},
		load(id) {
			if (id === '\0virtual:sop-library') return 'export const sops = [];';
			if (id === '\0virtual:sop-index') return 'export const indexJson = "";';
		},
	};
}
