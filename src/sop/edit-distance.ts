/**
 * Levenshtein distance between two words. With `max`, stops as soon as the distance must exceed it and
 * returns max + 1: typo matching only asks "within one or two edits?".
 */
export function editDistance(a: string, b: string, max = Infinity): number {
	// One row, reused across calls: typo matching calls this for thousands of words per query.
	if (row.length <= b.length) row = new Int32Array(2 * (b.length + 1));
	for (let j = 0; j <= b.length; j++) row[j] = j;
	for (let i = 1; i <= a.length; i++) {
		let prev = row[0]!;
		row[0] = i;
		let rowMin = i;
		const ca = a.charCodeAt(i - 1);
		for (let j = 1; j <= b.length; j++) {
			const cur = row[j]!;
			let best = prev + (ca === b.charCodeAt(j - 1) ? 0 : 1);
			if (cur + 1 < best) best = cur + 1;
			if (row[j - 1]! + 1 < best) best = row[j - 1]! + 1;
			row[j] = best;
			prev = cur;
			if (best < rowMin) rowMin = best;
		}
		if (rowMin > max) return max + 1;
	}
	return row[b.length]!;
}

let row = new Int32Array(64);
