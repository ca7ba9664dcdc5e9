/**
 * Portuguese text processing for SOP search: case and accents folded, stop words dropped, and a light
 * stemmer so that "certificados", "certificado" and "certificada" meet. Kept small and dependency-free
 * because it runs in the content script on every keystroke.
 */
import lexicon from './lexicon.json' with { type: 'json' };

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

/** Words of a text as typed (folded, agents' abbreviations expanded), before stop words and stemming. */
export function words(text: string): string[] {
	return tokenize(text).map((t) => t.word);
}

/** One word of a ticket or SOP text, as the search sees it. */
export interface Token {
	/** Folded; an abbreviation agents type (tkn, cert, p/) is replaced by the word it stands for. */
	word: string;
	/** The stem for a content word, the word itself for a stop word (phrases match on keys). */
	key: string;
	stop: boolean;
	/** Clauses are separated by punctuation; negation does not reach across them. */
	clause: number;
}

const ABBREVIATIONS = new Map(Object.entries(lexicon.abreviacoes).map(([k, v]) => [k, v.split(' ')]));
const SLASH = lexicon.barra as Record<string, string>;
const SENSES = lexicon.sentidos.map((s) => ({ word: s.palavra, after: new Set(s.depois_de), before: new Set(s.antes_de), becomes: s.vira }));

/**
 * The words of a text with clause numbers. Language data (src/sop/lexicon.json) expands agents'
 * abbreviations ("tkn", "cert", "p/", "q") and tells word senses apart ("não sei" is the verb saber,
 * "SEI" in capitals the system), alike for SOPs and tickets.
 */
export function tokenize(text: string): Token[] {
	const src = text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		// p/ c/ s/ (para, com, sem) before the slash becomes a separator
		.replace(/(^|[^A-Za-z0-9])([pcsPCS])\/(?=\s*[A-Za-z0-9])/g, (_, pre: string, l: string) => `${pre}${SLASH[l.toLowerCase()]} `)
		.replace(/([A-Za-z])-(?=[A-Za-z])/g, '$1');
	const raw: { word: string; caps: boolean; clause: number }[] = [];
	let clause = 0;
	for (const m of src.matchAll(/([A-Za-z0-9]+)|([;!?|\n,()"\[\]]|[.:](?=\s|$)|(?<=\s)-(?=\s))/g)) {
		if (m[2]) {
			clause++;
			continue;
		}
		const w = m[1]!;
		const lower = w.toLowerCase();
		const caps = w.length > 1 && /[A-Z]/.test(w) && w === w.toUpperCase();
		for (const part of ABBREVIATIONS.get(lower) ?? [lower]) raw.push({ word: part, caps, clause });
	}
	return raw.map((t, i) => {
		let word = t.word;
		for (const sense of SENSES) {
			if (word !== sense.word) continue;
			// A word in capitals inside ordinary text is a name (SEI); a whole text in capitals says nothing.
			const shouting = (neighbour(raw, i, -1)?.caps ?? true) && (neighbour(raw, i, 1)?.caps ?? true);
			if (t.caps && !shouting) continue;
			if (sense.after.has(raw[i - 1]?.word ?? '') || sense.before.has(raw[i + 1]?.word ?? '')) word = sense.becomes;
		}
		const stop = STOP_WORDS.has(word);
		return { word, key: stop ? word : stem(word), stop, clause: t.clause };
	});
}

/** The nearest word of two letters or more ("O" in "NÃO SEI O QUE" is no sign of capitals). */
function neighbour<T extends { word: string }>(list: readonly T[], i: number, step: 1 | -1): T | undefined {
	for (let j = i + step; j >= 0 && j < list.length; j += step) if (list[j]!.word.length > 1) return list[j];
	return undefined;
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
	for (const t of tokenize(text)) if (!t.stop) out.push({ term: t.key, word: t.word });
	return out;
}
