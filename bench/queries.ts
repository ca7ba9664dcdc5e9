/**
 * 1,000 realistic ticket texts per library, seeded and deterministic: the dev-set texts, SOP titles and
 * keywords as agents retype them (typos, missing accents, words dropped), the same wrapped in the filler
 * agents write ("cliente ligou informando que ..."), and unrelated tickets that should suggest nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Sop } from '../src/sop/types.ts';
import { shared } from '../tests/helpers/shared.ts';
import { chance, int, pick, rng, sample, typo, unaccent, type Rng } from './random.ts';

export type QueryKind = 'dev' | 'title' | 'keywords' | 'filler' | 'unrelated';

export interface Query {
	kind: QueryKind;
	text: string;
	/** The SOP the text was made from, when it was made from one. */
	expected?: string;
}

const DEV_FILES = [shared('dev-set/match.tsv', 'the benchmark queries taken from it').path, fileURLToPath(new URL('../tests/fixtures/match-extra.tsv', import.meta.url))];

/** The dev-set ticket texts ("expected-id<TAB>text", "-" = nothing), whichever files exist. */
export function devTexts(): Query[] {
	const out: Query[] = [];
	for (const file of DEV_FILES) {
		if (!existsSync(file)) continue;
		for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
			if (!line.trim() || line.startsWith('#')) continue;
			const [expected, text] = line.split('\t');
			if (!expected || !text) continue;
			out.push(expected === '-' ? { kind: 'dev', text } : { kind: 'dev', text, expected });
		}
	}
	return out;
}

const OPENINGS = [
	'cliente ligou informando que',
	'cliente entrou em contato pois',
	'usuário relata que',
	'boa tarde, o cliente informa que',
	'bom dia, contador ligou dizendo que',
	'cliente abriu chamado no chat:',
	'ligação do cartório,',
	'cliente reclama que',
	'segundo o cliente',
	'titular informa que desde ontem',
	'atendimento telefônico: cliente diz que',
	'cliente muito irritado, relata que',
];
const CLOSINGS = [
	'', '', '', 'desde ontem', 'já tentou reiniciar o computador', 'precisa com urgência', 'favor verificar',
	'e não sabe o que fazer', 'o prazo vence hoje', 'já ligou outras vezes', 'aguarda retorno', 'mesmo após reinstalar',
];

const UNRELATED = [
	'impressora não imprime', 'trocar toner da impressora', 'senha do email expirou', 'computador muito lento',
	'mouse sem fio parou', 'solicitação de férias', 'reembolso de despesas de viagem', 'internet caiu no setor financeiro',
	'instalar office no notebook novo', 'vpn não conecta', 'criar usuario no active directory', 'monitor piscando',
	'reset de senha do windows', 'outlook não sincroniza', 'telefone ramal mudo', 'troca de teclado', 'backup do servidor falhou',
	'acesso a pasta compartilhada', 'boleto vencido do cliente', 'nota fiscal não emitida', 'agendar reunião com o cliente',
	'cadeira quebrada', 'ar condicionado da sala não funciona', 'atualizar antivírus', 'erro ao abrir planilha excel',
	'cliente pediu segunda via da fatura', 'pedido de compra de material', 'problema no wifi', 'celular corporativo sem sinal',
	'sistema de ponto não registra', 'projetor da sala de reunião sem imagem', 'liberar site bloqueado pelo firewall',
	'crachá não abre a catraca', 'café acabou na copa', 'microfone não funciona no teams', 'solicitar notebook para estagiário',
	'erro de conexão com o banco de dados', 'lentidão no sistema de RH', 'holerite não aparece no portal', 'alterar conta de recebimento',
];

/** How an agent retypes words: sometimes unaccented, lowercase, with a typo, or a word dropped. */
function retype(r: Rng, text: string, typoRate: number): string {
	let words = text.split(/\s+/).filter(Boolean);
	if (words.length > 3 && chance(r, 0.4)) words.splice(int(r, 0, words.length - 1), 1);
	words = words.map((w) => (chance(r, typoRate) ? typo(r, w) : w));
	let out = words.join(' ');
	if (chance(r, 0.5)) out = unaccent(out);
	if (chance(r, 0.6)) out = out.toLowerCase();
	return out;
}

function fromTitle(r: Rng, sop: Sop): string {
	return retype(r, sop.title.replace(/[():]/g, ' '), 0.15);
}

function fromKeywords(r: Rng, sop: Sop): string {
	const bits = sample(r, [...sop.keywords, ...sop.keywords, ...sop.synonyms], int(r, 1, 3));
	return retype(r, bits.join(' '), 0.2);
}

function withFiller(r: Rng, core: string): string {
	return `${pick(r, OPENINGS)} ${core} ${pick(r, CLOSINGS)}`.trim();
}

/**
 * The 1,000 (by default) queries for a library: about 10% dev texts, 25% retyped titles, 20% keywords and
 * synonyms, 30% either wrapped in agent filler, 15% unrelated. Real SOPs are a target as often as their
 * share of dev texts suggests; otherwise SOPs are picked uniformly.
 */
export function queriesFor(sops: readonly Sop[], count = 1000, seed = 7): Query[] {
	const r = rng(seed * 31337 + sops.length);
	const dev = devTexts();
	const out: Query[] = [];
	while (out.length < count) {
		const roll = r();
		const sop = pick(r, sops);
		if (roll < 0.1 && dev.length) out.push({ ...pick(r, dev) });
		else if (roll < 0.35) out.push({ kind: 'title', text: fromTitle(r, sop), expected: sop.id });
		else if (roll < 0.55) out.push({ kind: 'keywords', text: fromKeywords(r, sop), expected: sop.id });
		else if (roll < 0.85) {
			const core = chance(r, 0.5) ? fromTitle(r, sop) : fromKeywords(r, sop);
			out.push({ kind: 'filler', text: withFiller(r, core), expected: sop.id });
		} else {
			const text = chance(r, 0.3) ? withFiller(r, pick(r, UNRELATED)) : retype(r, pick(r, UNRELATED), 0.1);
			out.push({ kind: 'unrelated', text });
		}
	}
	return out;
}

/** A ~60-character ticket text typed one character at a time: every prefix, as the overlay sees them. */
export const TYPED_TEXTS = [
	'cliente ligou informando que o token do certificado esta em branco',
	'certificado digital sem matricula cei, precisa emitir novamente',
	'usuario do ministerio da agricultura quer abrir chamado no mapa',
	'cartorio nao atendeu a solicitacao de certificado notarizado',
	'impressora do setor financeiro nao imprime desde ontem a tarde',
].map((t) => t.slice(0, 60));
