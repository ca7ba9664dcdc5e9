// A SOP for unit tests that only care about a few of its parts: every required part present and empty,
// the ones a test names given.
import type { Sop } from '../../src/sop/types.ts';

export function testSop(parts: Partial<Sop> = {}): Sop {
	return {
		id: 'x',
		title: 'X',
		summary: 's',
		source: 's',
		keywords: ['x'],
		synonyms: [],
		templates: { adicionais: {} },
		variables: [],
		checklist: { verify: [], ask: [], tell: [] },
		sla: [],
		references: [],
		body: '',
		...parts,
	};
}
