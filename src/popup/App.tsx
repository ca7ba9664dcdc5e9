import { useEffect, useState } from 'preact/hooks';
import type { DecodeResult } from '../cert/decode.ts';
import { Verdict } from './Verdict.tsx';
import { t } from '../ui/i18n.ts';

const ACCEPT = '.cer,.crt,.pem,.der,.p7b,.p7c,.txt';

type ResultView = typeof import('./result-view.ts');
let resultView: Promise<ResultView> | undefined;

/**
 * The decoder (with asn1js) and the result's views are most of the popup's code, and nothing of them is
 * needed to show the paste box: they are loaded once it has been painted (the App's first effect), or by
 * the first paste or drop if that comes sooner — long before anyone can paste, in practice.
 */
export function loadResultView(): Promise<ResultView> {
	return (resultView ??= import('./result-view.ts').then((view) => {
		performance.mark('decoder-ready');
		return view;
	}));
}

/** Each decode is a `decode` performance measure, so the E2E test can report how long the popup took to decode. */
function measured<T>(run: () => T): T {
	const start = performance.now();
	const result = run();
	performance.measure('decode', { start, end: performance.now() });
	return result;
}

/** Nothing is stored: the pasted text and the file live in this component's state only. */
export function App() {
	const [text, setText] = useState('');
	const [fileName, setFileName] = useState<string | null>(null);
	// A result always comes with the (lazy) views that show it.
	const [shown, setShown] = useState<{ result: DecodeResult; view: ResultView } | null>(null);
	const [dragging, setDragging] = useState(false);
	useEffect(() => {
		// Lets the bench and the E2E test measure how soon after opening the popup can be used: Preact runs
		// this effect once the first render has been painted.
		performance.mark('popup-ready');
		void loadResultView();
	}, []);

	const onText = async (value: string) => {
		setText(value);
		setFileName(null);
		const view = await loadResultView();
		setShown(value.trim() === '' ? null : { result: measured(() => view.decode(value)), view });
	};

	const onFile = async (file: File | undefined) => {
		if (!file) return;
		setText('');
		setFileName(file.name);
		const view = await loadResultView();
		// Checked before reading: a multi-GB file dropped by mistake must not be loaded into memory.
		const refused = view.refuseBySize(file.size);
		if (refused) return setShown({ result: refused, view });
		const bytes = new Uint8Array(await file.arrayBuffer());
		setShown({ result: measured(() => view.decode(bytes)), view });
	};

	return (
		<main
			class={dragging ? 'dragging' : undefined}
			onDragOver={(e) => {
				e.preventDefault();
				setDragging(true);
			}}
			onDragLeave={(e) => {
				// Leaving a child for another child is not leaving the popup.
				if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
			}}
			onDrop={(e) => {
				e.preventDefault();
				setDragging(false);
				void onFile(e.dataTransfer?.files[0]);
			}}
		>
			<h1>{t('popupTitle')}</h1>
			<Verdict verdict={shown && shown.view.verdictOf(shown.result)} />
			<label for="dump">{t('popupDumpLabel')}</label>
			<textarea
				id="dump"
				rows={5}
				spellcheck={false}
				autofocus
				value={text}
				placeholder={t('popupDumpPlaceholder')}
				onInput={(e) => void onText(e.currentTarget.value)}
			/>
			<div class="file-row">
				<input id="file" type="file" accept={ACCEPT} class="visually-hidden" onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
				<label for="file" class="button">
					{t('popupChooseFile')}
				</label>
				<span class="hint">{fileName ? t('popupFileName', fileName) : t('popupDropHint')}</span>
			</div>
			{shown?.result.ok && shown.result.cei.status === 'absent' && <shown.view.SemCei client={shown.result.client} />}
			{shown?.result.ok && <shown.view.Entries result={shown.result} />}
		</main>
	);
}
