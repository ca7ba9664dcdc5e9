import { useEffect, useState } from 'preact/hooks';
import type { DecodeResult } from '../cert/decode.ts';
import { Entries } from './Entries.tsx';
import { SemCei } from './SemCei.tsx';
import { Verdict } from './Verdict.tsx';
import { t } from '../ui/i18n.ts';

const ACCEPT = '.cer,.crt,.pem,.der,.p7b,.p7c,.txt';

// The decoder (with asn1js) is most of the bundle: the form renders first and it arrives right after,
// long before anyone can paste.
const decoder = import('../cert/decode.ts');
void decoder.then(() => performance.mark('decoder-ready'));

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
	const [result, setResult] = useState<DecodeResult | null>(null);
	const [dragging, setDragging] = useState(false);
	// Lets the E2E test measure how soon after opening the popup can be used.
	useEffect(() => void performance.mark('popup-ready'), []);

	const onText = async (value: string) => {
		setText(value);
		setFileName(null);
		const { decode } = await decoder;
		setResult(value.trim() === '' ? null : measured(() => decode(value)));
	};

	const onFile = async (file: File | undefined) => {
		if (!file) return;
		setText('');
		setFileName(file.name);
		const { decode, refuseBySize } = await decoder;
		// Checked before reading: a multi-GB file dropped by mistake must not be loaded into memory.
		const refused = refuseBySize(file.size);
		if (refused) return setResult(refused);
		const bytes = new Uint8Array(await file.arrayBuffer());
		setResult(measured(() => decode(bytes)));
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
			<Verdict result={result} />
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
			{result?.ok && result.cei.status === 'absent' && <SemCei client={result.client} />}
			{result?.ok && <Entries result={result} />}
		</main>
	);
}
