import type { SopFile } from './library.ts';
import { sopIdFromPath } from './parse.ts';
import type { SopProblem } from './problems.ts';
import { buildIndex, rank } from './search.ts';
import type { Sop } from './types.ts';

export interface SelfCheck {
	problems: SopProblem[];
	/** How many exemplos were tried. */
	examples: number;
}

/**
 * Each SOP's own examples, tried against the whole library: every `exemplos` text must suggest its SOP
 * first. An example that suggests another SOP, or nothing (a near miss of this or another SOP caught it),
 * means the overlay would do the same with such a ticket; the knowledge manager hears it from `sops check`.
 * (The `nao_confundir` phrases need no such trial: a phrase found in a ticket always silences its SOP.)
 */
export function checkOwnExamples(sops: readonly Sop[], files: readonly SopFile[]): SelfCheck {
	const index = buildIndex(sops);
	const result: SelfCheck = { problems: [], examples: 0 };
	for (const sop of sops) {
		const file = files.find((f) => sopIdFromPath(f.path) === sop.id);
		(sop.exemplos ?? []).forEach((text, i) => {
			result.examples++;
			const { suggestions, hints } = rank(index, text);
			if (suggestions[0]?.id === sop.id) return;
			const caught = hints.find((h) => h.id === sop.id) ?? hints[0];
			const instead = suggestions[0]
				? `suggests ${suggestions[0].id}`
				: caught
					? `suggests nothing ("${caught.matched}" is a near miss of ${caught.id})`
					: 'suggests nothing (it names no situacao: object and state)';
			result.problems.push({
				file: file?.path ?? `${sop.id}.md`,
				line: lineOf(file?.text ?? '', text),
				field: `exemplos[${i}]`,
				message: `"${text}" should suggest this SOP first but ${instead}`,
			});
		});
	}
	return result;
}

/** The 1-based line of the `exemplos` list where an example is written (0 when it can't be found). */
function lineOf(source: string, text: string): number {
	const lines = source.split(/\r?\n/);
	const start = lines.findIndex((line) => line.startsWith('exemplos:'));
	if (start < 0) return 0;
	const at = lines.findIndex((line, i) => i > start && line.includes(text));
	return at < 0 ? start + 1 : at + 1;
}
