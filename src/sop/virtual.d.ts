/** Modules generated at build time from sops/ by build/sop-library-plugin.ts. */
declare module 'virtual:sop-library' {
	import type { Sop } from './types.ts';
	/** Every bundled SOP, validated, sorted by id. */
	export const sops: Sop[];
}
declare module 'virtual:sop-index' {
	/** The search index over the bundled SOPs, serialised at build time (see src/sop/search.ts). */
	export const indexJson: string;
}
