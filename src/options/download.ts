/** Saves text as a file through the browser's download of a blob link; no `downloads` permission needed. */
export function download(doc: Document, name: string, text: string, type = 'application/json'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = doc.createElement('a');
	a.href = url;
	a.download = name;
	doc.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
