/**
 * Levenshtein distance between two words. With `max`, stops as soon as the distance must exceed it and
 * returns max + 1: typo matching only asks "within one or two edits?".
 */
export function editDistance(a: string, b: string, max = Infinity): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let prev = row[0]!;
		row[0] = i;
		let rowMin = row[0];
		for (let j = 1; j <= b.length; j++) {
			const cur = row[j]!;
			row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
			prev = cur;
			if (row[j]! < rowMin) rowMin = row[j]!;
		}
		if (rowMin > max) return max + 1;
	}
	return row[b.length]!;
}
