import lexicon from './lexicon.json' with { type: 'json' };
import { tokenize, type Token } from './text.ts';

/**
 * Phrases of a SOP's situation (`situacao.objeto`, `situacao.estado`) and near misses (`nao_confundir`),
 * found in a ticket as short runs of words in order, with negation: "não está em branco" is not the state
 * "em branco", and "não é PIN" is not the near miss "PIN". Language data (negations, linking words,
 * contrasts) comes from lexicon.json; what a SOP is about comes from its file.
 */

/** Other words allowed between two words of a phrase ("sem a cadeia" finds "sem cadeia"). */
export const MAX_GAP = 2;
/** Typos are tolerated in stems of five letters or more. */
const MIN_TYPO_WORD = 5;
/** How far back a negation reaches through linking words ("não está mais em branco"). */
const NEGATION_REACH = 4;

const NEGATIONS = new Set(lexicon.negacoes);
const LINKING = new Set(lexicon.ligacoes);
const ARTICLES = new Set(lexicon.artigos);
/** Words that give a phrase its own polarity ("sem cadeia nem chave"): a negation inside it is its own. */
const POLARITY = new Set([...lexicon.negacoes, 'sem']);
const CONTRASTS = new Set(lexicon.contrastes);
/** Articles and prepositions: a phrase does not need them to be found ("token em branco" = "token branco"). */
const FILLERS = new Set('a o as os um uma uns umas de da do das dos em no na nos nas num numa ao aos para por pelo pela pelos pelas e'.split(' '));

/** The keys a phrase is found by; empty when it has no word to find (only articles). */
export function phraseKeys(text: string): string[] {
	return tokenize(text)
		.filter((t) => !FILLERS.has(t.word))
		.map((t) => t.key);
}

export interface Occurrence {
	start: number;
	end: number;
	negated: boolean;
}

/** A ticket's tokens with, for each, the keys it stands for (itself, and phrase words one typo away). */
export interface TicketWords {
	tokens: Token[];
	/** Token positions by key. */
	at: Map<string, number[]>;
	/** Positions of "mas", "porém"... */
	contrasts: number[];
}

export function ticketWords(tokens: Token[], knownKey: (key: string) => boolean, near: (key: string) => string[]): TicketWords {
	const at = new Map<string, number[]>();
	const contrasts: number[] = [];
	const add = (key: string, i: number) => {
		const list = at.get(key) ?? at.set(key, []).get(key)!;
		if (list[list.length - 1] !== i) list.push(i);
	};
	tokens.forEach((t, i) => {
		if (CONTRASTS.has(t.word)) contrasts.push(i);
		add(t.key, i);
		if (!t.stop && t.key.length >= MIN_TYPO_WORD && !knownKey(t.key)) for (const k of near(t.key)) add(k, i);
	});
	return { tokens, at, contrasts };
}

/** Every occurrence of a phrase in the ticket: its keys in order, at most MAX_GAP other words apart. */
export function findPhrase(ticket: TicketWords, keys: readonly string[]): Occurrence[] {
	const first = ticket.at.get(keys[0]!);
	if (!first) return [];
	const out: Occurrence[] = [];
	// Skipping a "não" would turn "CEI não consta" into "CEI consta"; a phrase with its own polarity may.
	const polar = keys.some((k) => POLARITY.has(k));
	const skips = (from: number, to: number) => {
		if (polar) return true;
		for (let i = from + 1; i < to; i++) if (NEGATIONS.has(ticket.tokens[i]!.word)) return false;
		return true;
	};
	for (const start of first) {
		let pos = start;
		let ok = true;
		for (let k = 1; k < keys.length && ok; k++) {
			const positions = ticket.at.get(keys[k]!);
			let next = -1;
			if (positions) {
				for (const p of positions) {
					if (p > pos && p <= pos + 1 + MAX_GAP && skips(pos, p)) {
						next = p;
						break;
					}
				}
			}
			if (next < 0) ok = false;
			else pos = next;
		}
		if (ok) out.push({ start, end: pos, negated: negated(ticket.tokens, start) });
	}
	return out;
}

/**
 * Whether a negation governs the phrase starting at `start`: right before it ("nem cadeia"), or through a
 * copula ("não é PIN", "não está mais em branco"). "Não tem CEI", "não consta no Outro Nome" and "nem no
 * gerenciador" do not negate their noun: they say it is missing, which is a state, not a denial.
 */
function negated(tokens: readonly Token[], start: number): boolean {
	if (NEGATIONS.has(tokens[start]!.word)) return false; // the phrase carries its own polarity ("não aparece")
	const clause = tokens[start]!.clause;
	let copula = false;
	for (let j = start - 1; j >= 0 && j >= start - NEGATION_REACH && tokens[j]!.clause === clause; j--) {
		const word = tokens[j]!.word;
		if (NEGATIONS.has(word)) return copula || j === start - 1;
		if (LINKING.has(word)) copula = true;
		else if (!ARTICLES.has(word)) return false;
	}
	return false;
}

/**
 * Phrase keys one typo away from a ticket word the phrases do not know: a letter missing, added or two
 * swapped ("safsign", "brancco", "matricual"); a different letter only in long words, where it cannot be
 * another word ("empresa" is not "empregado").
 */
export function nearKeys(sortedKeys: readonly string[], key: string): string[] {
	const out: string[] = [];
	// The keys with the same first letter are one run of the sorted list.
	let lo = 0;
	let hi = sortedKeys.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sortedKeys[mid]! < key[0]!) lo = mid + 1;
		else hi = mid;
	}
	for (let i = lo; i < sortedKeys.length && sortedKeys[i]![0] === key[0]; i++) {
		const candidate = sortedKeys[i]!;
		if (candidate.length >= 4 && Math.abs(candidate.length - key.length) <= 1 && oneTypo(key, candidate)) out.push(candidate);
	}
	return out;
}

function oneTypo(a: string, b: string): boolean {
	if (a.length === b.length) {
		let i = 0;
		while (i < a.length && a[i] === b[i]) i++;
		if (i === a.length) return false;
		if (a[i + 1] === b[i] && a[i] === b[i + 1] && a.slice(i + 2) === b.slice(i + 2)) return true; // swapped
		return a.length >= 7 && a.slice(i + 1) === b.slice(i + 1); // one different letter in a long word
	}
	const [long, short] = a.length > b.length ? [a, b] : [b, a];
	if (long.length - short.length !== 1) return false;
	let i = 0;
	while (i < short.length && long[i] === short[i]) i++;
	return long.slice(i + 1) === short.slice(i);
}

/**
 * Contrast: "o token aparece normal, mas o certificado está em branco". When a near miss and the SOP's own
 * situation are both in the ticket, what comes after a "mas"/"porém" that follows the near miss wins.
 */
export function situationAfterContrast(ticket: TicketWords, nearMiss: readonly Occurrence[], situation: readonly Occurrence[]): boolean {
	const lastMiss = Math.max(...nearMiss.map((o) => o.end));
	const contrast = ticket.contrasts.find((c) => c > lastMiss);
	return contrast !== undefined && situation.some((o) => o.start > contrast);
}

/** The ticket's words at an occurrence, for the evidence shown to the agent. */
export function occurrenceText(ticket: TicketWords, o: Occurrence): string {
	return ticket.tokens
		.slice(o.start, o.end + 1)
		.map((t) => t.word)
		.join(' ');
}
