/**
 * Portuguese text processing for SOP search: case and accents folded, stop words dropped, and a light
 * stemmer so that "certificados", "certificado" and "certificada" meet. Kept small and dependency-free
 * because it runs in the content script on every keystroke.
 */

const STOP_WORDS = new Set(
	(
		'a o as os e de da do das dos em no na nos nas num numa um uma uns umas para pra pro por pelo pela pelos pelas ' +
		'com sem que se ao aos ou mas mais menos muito muita ja nao sim eu ele ela eles elas voce voces meu minha meus minhas ' +
		'seu sua seus suas dele dela deles delas isso isto esse essa esses essas este esta estes estas aquele aquela ser sao ' +
		'estar estou esta estao estava foi era sera tem ter tenho tinha ha como qual quais quando onde porque pois entao ' +
		'tambem so bem ainda ate sobre entre apos me te lhe lhes la le lo vai vou ai aqui'
	).split(' '),
);

/** Lowercase, accents removed, anything that is not a letter or digit turned into a space. */
export function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/([a-z])-(?=[a-z])/g, '$1') // e-CPF, e-Notariado, safe-sign: one word as agents say it
		.replace(/[^a-z0-9]+/g, ' ');
}

/** Words of a text as typed (folded), before stop words and stemming. */
export function words(text: string): string[] {
	return fold(text).split(' ').filter(Boolean);
}

const PLURALS: [string, string][] = [
	['oes', 'ao'],
	['aes', 'ao'],
	['ais', 'al'],
	['eis', 'el'],
	['ois', 'ol'],
	['res', 'r'],
	['s', ''],
];
const SUFFIXES = ['amente', 'mente', 'ando', 'endo', 'indo', 'ados', 'adas', 'idos', 'idas', 'ado', 'ada', 'ido', 'ida', 'ar', 'er', 'ir'];

/** A light Portuguese stemmer (plural, verbal and gender endings), applied alike to SOPs and to queries. */
export function stem(word: string): string {
	if (word.length <= 3 || /\d/.test(word)) return word;
	let w = word;
	for (const [from, to] of PLURALS) {
		if (w.endsWith(from) && w.length - from.length >= 3 && !w.endsWith('ss')) {
			w = w.slice(0, -from.length) + to;
			break;
		}
	}
	for (const suffix of SUFFIXES) {
		if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
			w = w.slice(0, -suffix.length);
			break;
		}
	}
	if (w.length > 4 && /[aeo]$/.test(w)) w = w.slice(0, -1);
	return w;
}

/** One index term for one word, or null for a stop word. */
export function term(word: string): string | null {
	const w = fold(word).trim();
	if (!w || STOP_WORDS.has(w)) return null;
	return stem(w);
}

/** The index terms of a text, in order, paired with the word each came from. */
export function terms(text: string): { term: string; word: string }[] {
	const out: { term: string; word: string }[] = [];
	for (const w of words(text)) {
		if (STOP_WORDS.has(w)) continue;
		out.push({ term: stem(w), word: w });
	}
	return out;
}
