import { useEffect, useRef, useState } from 'preact/hooks';
import { sops as bundled } from 'virtual:sop-library';
import { buildPack } from '../sop/pack.ts';
import type { Sop } from '../sop/types.ts';
import { KEYS } from '../storage/area.ts';
import type { ResolvedPolicy } from '../storage/policy.ts';
import { effectiveImportedSops } from '../storage/precedence.ts';
import { addImportedSops, clearImportedSops, readImportedSops, removeImportedSop, type ImportedSop } from '../storage/imported-sops.ts';
import { t } from '../ui/i18n.ts';
import { download } from './download.ts';
import { errorText, storageErrorText } from './error-text.ts';
import { importSopFiles, LIMITS, type PickedFile } from './import-sops.ts';
import { SopPreview } from './SopPreview.tsx';
import { SopTable, type Row } from './SopTable.tsx';
import { local, storageEvents } from './storage.ts';

/** Bundled, imported and managed SOPs: import (picker or drop), preview, remove, export the agent's imports as a pack. */
export function SopsSection({ policy }: { policy: ResolvedPolicy }) {
	const [imported, setImported] = useState<ImportedSop[]>([]);
	const [status, setStatus] = useState('');
	const [problems, setProblems] = useState<string[]>([]);
	const [preview, setPreview] = useState<Sop | null>(null);
	const [dragging, setDragging] = useState(false);
	const picker = useRef<HTMLInputElement>(null);

	useEffect(() => {
		const load = () => void readImportedSops(local).then(setImported);
		load();
		// Another options tab may import too.
		const onChanged = (changes: Record<string, unknown>) => KEYS.importedSops in changes && load();
		storageEvents.addListener(onChanged);
		return () => storageEvents.removeListener(onChanged);
	}, []);

	const importFiles = async (list: FileList | File[]) => {
		try {
			const picked: PickedFile[] = [];
			const early: string[] = [];
			for (const file of list) {
				// Refused before reading: an untrusted file could be huge.
				if (file.size > LIMITS.packBytes) early.push(`${file.name}: arquivo grande demais (limite de ${LIMITS.packBytes / 1024 / 1024} MB).`);
				else picked.push({ name: file.name, text: await file.text() });
			}
			const result = importSopFiles(picked);
			const all = [...early, ...result.problems];
			setProblems(all);
			if (result.sops.length) {
				try {
					setImported(await addImportedSops(local, result.sops));
				} catch (error) {
					// Storage full: nothing was imported (the write is one), and the agent is told why.
					setStatus(t('optionsImportNotSaved', storageErrorText(error)));
					return;
				}
			}
			setStatus(result.sops.length ? t('optionsImported', result.sops.length) : '');
			if (all.length) requestAnimationFrame(() => document.getElementById('import-problems')?.focus());
		} catch (error) {
			// A file that cannot be read, storage full: nothing was imported, and the agent is told.
			setStatus(t('optionsActionFailed', errorText(error)));
		}
	};

	const remove = async (id: string) => {
		try {
			setImported(await removeImportedSop(local, id));
		} catch (error) {
			setStatus(t('optionsNotSaved', storageErrorText(error)));
			return;
		}
		setStatus(t('optionsRemovedSop', id));
		if (preview?.id === id) setPreview(null);
		picker.current?.focus();
	};
	const removeAll = async () => {
		await clearImportedSops(local);
		setImported([]);
		setStatus(t('optionsAllRemoved'));
		picker.current?.focus();
	};
	const exportPack = () => {
		const pack = buildPack(imported.map((i) => ({ path: i.path, text: i.text })));
		download(document, `sops-importados-${pack.version}.json`, JSON.stringify(pack, null, '\t'));
	};

	const effective = effectiveImportedSops(imported, policy);
	const importedIds = new Set(effective.sops.map((i) => i.sop.id));
	const rows: Row[] = [
		...effective.sops.map((i): Row => ({ sop: i.sop, imported: i, replaces: bundled.some((b) => b.id === i.sop.id) })),
		...bundled.filter((b) => !importedIds.has(b.id)).map((sop): Row => ({ sop })),
	].sort((a, b) => a.sop.id.localeCompare(b.sop.id));

	return (
		<section aria-labelledby="sops-title" id="sops">
			<h2 id="sops-title">{t('optionsSops')}</h2>
			<div
				class={`drop ${dragging ? 'dragging' : ''}`}
				onDragOver={(e) => (e.preventDefault(), setDragging(true))}
				onDragLeave={() => setDragging(false)}
				onDrop={(e) => {
					e.preventDefault();
					setDragging(false);
					if (e.dataTransfer?.files.length) void importFiles(e.dataTransfer.files);
				}}
			>
				<label for="sop-files">{t('optionsImport')}</label>
				<input
					id="sop-files"
					ref={picker}
					type="file"
					multiple
					accept=".json,.md,application/json,text/markdown"
					onChange={(e) => {
						const input = e.target as HTMLInputElement;
						if (input.files?.length) void importFiles([...input.files]).finally(() => (input.value = ''));
					}}
				/>
				<p class="hint">{t('optionsDropZone')}</p>
			</div>
			<p class="status" role="status" aria-live="polite" data-status="sops">
				{status}
			</p>
			{problems.length > 0 && (
				<div class="problems" id="import-problems" tabIndex={-1} role="alert">
					<p>{t('optionsImportFailed')}</p>
					<ul>
						{problems.map((p) => (
							<li key={p}>
								<code>{p}</code>
							</li>
						))}
					</ul>
				</div>
			)}
			{effective.overridden.length > 0 && (
				<p class="hint" data-overridden>
					{t('optionsOverriddenByPolicy', effective.overridden.join(', '))}
				</p>
			)}
			<div class="row">
				<button type="button" onClick={exportPack} disabled={!imported.length}>
					{t('optionsExport')}
				</button>
				<button type="button" onClick={() => void removeAll()} disabled={!imported.length}>
					{t('optionsRemoveAll')}
				</button>
			</div>
			<SopTable rows={rows} onShow={setPreview} onRemove={(id) => void remove(id)} />
			{preview && <SopPreview sop={preview} onClose={() => setPreview(null)} />}
		</section>
	);
}
