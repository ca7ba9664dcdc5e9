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

let band0 = new Int32Array(64);
let band1 = new Int32Array(64);

/**
 * Whether two words are at most `max` edits apart: the same answer as `editDistance(a, b, max) <= max`,
 * computing only the cells within `max` of the diagonal (the others exceed it anyway).
 */
export function withinEdits(a: string, b: string, max: number): boolean {
	const la = a.length;
	const lb = b.length;
	if (Math.abs(la - lb) > max) return false;
	const big = max + 1;
	if (band0.length <= lb + 1) [band0, band1] = [new Int32Array(2 * (lb + 2)), new Int32Array(2 * (lb + 2))];
	let prev = band0;
	let cur = band1;
	for (let j = 0; j <= lb; j++) prev[j] = j <= max ? j : big;
	for (let i = 1; i <= la; i++) {
		const lo = i - max > 1 ? i - max : 1;
		const hi = i + max < lb ? i + max : lb;
		cur[lo - 1] = lo === 1 ? i : big;
		let rowMin = cur[lo - 1]!;
		const ca = a.charCodeAt(i - 1);
		for (let j = lo; j <= hi; j++) {
			let best = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
			const up = (j <= i - 1 + max ? prev[j]! : big) + 1;
			if (up < best) best = up;
			const left = cur[j - 1]! + 1;
			if (left < best) best = left;
			cur[j] = best;
			if (best < rowMin) rowMin = best;
		}
		if (hi < lb) cur[hi + 1] = big;
		if (rowMin > max) return false;
		[prev, cur] = [cur, prev];
	}
	return prev[lb]! <= max;
}
