/** Something wrong in a SOP file, located for the person who has to fix it. */
export interface SopProblem {
	file: string;
	/** 1-based line in the file; 0 when the problem is about the file as a whole. */
	line: number;
	/** Dotted path of the front-matter field, e.g. `qualitor.categorias`; empty for the file itself. */
	field: string;
	message: string;
}

/** `sops/x.md:7: qualitor.categorias: expected 1 to 3 names` */
export function formatProblem(p: SopProblem): string {
	const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
	return p.field ? `${where}: ${p.field}: ${p.message}` : `${where}: ${p.message}`;
}
