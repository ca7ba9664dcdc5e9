import { isCheckable, isSelect, isTextField } from './fillable.ts';
import type { GroupRestorer, JournalEntry, PriorState, Recorder, UndoOptions, UndoReport, Writable } from './journal-types.ts';
import { chosenText, findEntryElement, restoreEntry } from './restore.ts';

export type { GroupRestorer, JournalEntry, PriorState, Recorder, UndoOptions, UndoProblem, UndoReport, Writable } from './journal-types.ts';

/**
 * Remembers, before each write, what a field held, so an apply can be undone exactly. Only the first
 * record per field counts: that is the value from before the apply.
 */
export class Journal implements Recorder {
	readonly #doc: Document;
	readonly #entries: JournalEntry[] = [];
	readonly #restorers = new Map<string, GroupRestorer>();

	constructor(doc: Document) {
		this.#doc = doc;
	}

	get entries(): readonly JournalEntry[] {
		return this.#entries;
	}

	/** Lets the layer that knows the page undo a group its own way. */
	useRestorer(group: string, restorer: GroupRestorer): void {
		this.#restorers.set(group, restorer);
	}

	restorerFor(group: string): GroupRestorer | undefined {
		return this.#restorers.get(group);
	}

	/** `created` is false when the field was already journalled (its earlier prior value is kept). */
	record(element: Writable, meta: { label?: string | undefined; group?: string | undefined } = {}): { entry: JournalEntry; created: boolean } {
		const known = this.entryFor(element);
		if (known) return { entry: known, created: false };
		const key = keyOf(element);
		const entry: JournalEntry = {
			key,
			id: element.id,
			name: element.getAttribute('name') ?? '',
			tag: element.localName as JournalEntry['tag'],
			element,
			label: meta.label ?? (element.id || element.getAttribute('name') || element.localName),
			group: meta.group,
			prior: snapshot(element),
			written: undefined,
		};
		this.#entries.push(entry);
		return { entry, created: true };
	}

	/** Drops the record of a write that did not happen after all; only for an entry that write created. */
	forget(entry: JournalEntry): void {
		const index = this.#entries.indexOf(entry);
		if (index >= 0) this.#entries.splice(index, 1);
	}

	/** The entry of this element, or of the one it replaced (same id or name). */
	entryFor(element: Writable): JournalEntry | undefined {
		const key = keyOf(element);
		return this.#entries.find((e) => e.element === element || (key !== '' && e.key === key));
	}

	noteWritten(element: Writable): void {
		const entry = this.entryFor(element);
		if (!entry) return;
		if (isCheckable(element)) entry.written = String(element.checked);
		else if (isSelect(element)) entry.written = chosenText(element);
		else if (isTextField(element)) entry.written = element.value;
		entry.wanted = entry.written;
	}

	/** The page re-rendered the entry's field as `element` (another id, found by label): follow it, prior kept. */
	rebind(entry: JournalEntry, element: Writable): void {
		if (this.#entries.includes(entry)) entry.element = element;
	}

	/**
	 * Notes what every journalled select shows now. Call once the page has settled after the apply:
	 * Qualitor reloads levels and sets a category's default priority on its own, which is not an edit.
	 */
	noteSelectsWritten(): void {
		for (const entry of this.#entries) {
			if (entry.prior.kind === 'select') entry.written = chosenText(asSelect(findEntryElement(this.#doc, entry)));
		}
	}

	/** Restores everything recorded, newest first; a group is restored by its restorer as one step. */
	async undo(options: UndoOptions = {}): Promise<UndoReport> {
		const report: UndoReport = { restored: [], problems: [] };
		const doneGroups = new Set<string>();
		for (const entry of [...this.#entries].reverse()) {
			if (options.signal?.aborted) {
				report.problems.push({ what: entry.label, why: 'Desfazer foi cancelado antes deste campo.' });
				continue;
			}
			if (entry.group === undefined) {
				merge(report, restoreEntry(this.#doc, entry, options));
				continue;
			}
			if (doneGroups.has(entry.group)) continue;
			doneGroups.add(entry.group);
			const members = this.#entries.filter((e) => e.group === entry.group);
			const restorer = this.#restorers.get(entry.group);
			if (restorer) {
				try {
					merge(report, await restorer(members, options));
				} catch (error) {
					report.problems.push({ what: entry.group, why: `Erro ao desfazer: ${String(error)}` });
				}
			} else {
				for (const member of members) merge(report, restoreEntry(this.#doc, member, options));
			}
		}
		return report;
	}
}

function merge(into: UndoReport, from: UndoReport): void {
	into.restored.push(...from.restored);
	into.problems.push(...from.problems);
}

function keyOf(element: Writable): string {
	if (element.id) return `#${element.id}`;
	const name = element.getAttribute('name');
	// Without id or name an element cannot be found again after a re-render: only its identity counts.
	return name ? `${element.localName}[name="${name}"]` : '';
}

function snapshot(element: Writable): PriorState {
	if (isCheckable(element)) return { kind: 'check', checked: element.checked };
	if (isSelect(element)) {
		const option = element.options[element.selectedIndex];
		return { kind: 'select', index: element.selectedIndex, value: element.value, text: option?.text ?? '' };
	}
	return { kind: 'text', value: element.value };
}

function asSelect(element: Writable | null): HTMLSelectElement | null {
	return isSelect(element) ? element : null;
}
