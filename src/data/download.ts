/** Saves text as a file through a temporary object URL (works offline and under the CSP). */
export function download(filename: string, content: string | Blob, type: string): void {
	const url = URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type }) : content);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
