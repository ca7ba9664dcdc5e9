/**
 * Seeded, deterministic synthetic SOP libraries for the benchmarks (100, 1,000, 10,000 SOPs).
 *
 * The SOPs look like the real ones in sops/ (Portuguese titles, summaries, keywords, synonyms with
 * misspellings and unaccented variants, Qualitor categorisation, templates, checklist, SLA, body), and the
 * vocabulary grows with the library like a real knowledge base: real helpdesk/certificate words are the
 * frequent head, and a pool of generated Portuguese-like pseudo-words (nouns, systems, acronyms) whose
 * size grows sub-linearly with the number of SOPs (Heaps' law) is the long tail. Words are drawn with a
 * Zipf distribution. The five real SOPs are part of every library.
 */
import { fileURLToPath } from 'node:url';
import { readSopDir } from '../src/cli/read-sops.ts';
import { buildLibrary } from '../src/sop/library.ts';
import type { Sop } from '../src/sop/types.ts';
import { chance, int, pick, rng, sample, typo, unaccent, zipf, type Rng } from './random.ts';

// ---- the real vocabulary (frequent head) ----

export const SYSTEMS = [
	'SafeSign', 'e-CPF', 'e-CNPJ', 'SEI', 'MAPA', 'CCN', 'e-Notariado', 'Receita Federal', 'eSocial', 'Conectividade Social',
	'PJe', 'Projudi', 'e-SAJ', 'SPED', 'NF-e', 'gov.br', 'Serpro', 'Caixa', 'FGTS Digital', 'Simples Nacional', 'e-CAC',
	'Windows', 'Chrome', 'Firefox', 'Edge', 'Java', 'Assinador Serpro', 'Token GD', 'ePass', 'Safenet', 'Lecom', 'Senatran',
	'INSS', 'Detran', 'Junta Comercial', 'Prefeitura', 'Sefaz', 'CTe', 'MDF-e', 'Portal do Cliente', 'Qualitor', 'Outlook',
	'Teams', 'VPN', 'Active Directory', 'Bird ID', 'Vidaas', 'NeoID', 'SerproID', 'Certisign', 'Soluti', 'Valid',
];
export const OBJECTS = [
	'certificado', 'certificado digital', 'token', 'cartão', 'leitora', 'senha', 'PIN', 'PUK', 'mídia', 'driver', 'assinatura',
	'chave privada', 'chave pública', 'cadeia certificadora', 'navegador', 'protocolo', 'boleto', 'pedido', 'agendamento',
	'videoconferência', 'documento', 'procuração', 'nota fiscal', 'cadastro', 'login', 'acesso', 'aplicativo', 'QR Code',
	'biometria', 'validação', 'renovação', 'emissão', 'revogação', 'instalação', 'atualização', 'matrícula', 'CPF', 'CNPJ',
	'e-mail', 'telefone', 'celular', 'código de ativação', 'arquivo PFX', 'repositório', 'plugin', 'componente', 'módulo',
	'relatório', 'fatura', 'voucher', 'autorização', 'contrato', 'termo de titularidade', 'selo', 'carimbo do tempo',
];
export const STATES = [
	'bloqueado', 'expirado', 'vencido', 'revogado', 'em branco', 'corrompido', 'não reconhecido', 'não aparece', 'inválido',
	'pendente', 'suspenso', 'cancelado', 'duplicado', 'sem cadeia', 'sem permissão', 'fora do ar', 'lento', 'travado',
	'recusado', 'não instalado', 'desatualizado', 'incorreto', 'perdido', 'danificado', 'não encontrado', 'sem sinal',
];
export const VERBS = [
	'instalar', 'emitir', 'renovar', 'revogar', 'desbloquear', 'validar', 'baixar', 'exportar', 'importar', 'assinar',
	'agendar', 'cancelar', 'reemitir', 'configurar', 'acessar', 'cadastrar', 'alterar', 'recuperar', 'consultar', 'enviar',
	'reenviar', 'autenticar', 'liberar', 'vincular', 'transferir', 'atualizar', 'reinstalar', 'sincronizar', 'gerar', 'imprimir',
];
export const CONTEXTS = [
	'cliente', 'cartório', 'contador', 'empresa', 'agente de registro', 'titular', 'responsável legal', 'tabelião', 'escritório',
	'usuário', 'órgão', 'gestor', 'parceiro', 'revenda', 'ponto de atendimento', 'posto', 'autoridade de registro', 'servidor',
];
const TIPOS = ['Suporte Técnico', 'Requisição', 'Incidente', 'Dúvida', 'Solicitação de Serviço', 'Reclamação'];
const PRIORIDADES = ['Baixa', 'Média', 'Alta', 'Crítica'];
const TEAMS = ['Relacionamento', 'Suporte N2', 'Financeiro', 'Validação', 'Infraestrutura', 'Comercial', 'Jurídico'];

// ---- generated Portuguese-like pseudo-words (long tail) ----

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'br', 'cr', 'pr', 'tr', 'gr', 'fl', 'pl', 'ch', 'lh', 'nh', 'qu', 'x', 'z', 'j'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ã', 'é', 'ó', 'í', 'ê'];
const CODAS = ['', '', '', 'r', 's', 'l', 'n', 'm'];
const NOUN_ENDINGS = ['ção', 'mento', 'agem', 'idade', 'ário', 'eiro', 'ente', 'ura', 'ância', 'ismo', 'or', 'ista', 'ência', 'ado', 'ivo'];
const ADJ_ENDINGS = ['ado', 'ido', 'ável', 'ivo', 'al', 'ente', 'oso', 'ário'];

function syllable(r: Rng): string {
	return pick(r, ONSETS) + pick(r, VOWELS) + pick(r, CODAS);
}

function pseudoNoun(r: Rng): string {
	let w = '';
	for (let i = int(r, 1, 2); i > 0; i--) w += syllable(r);
	return w + pick(r, NOUN_ENDINGS);
}

function pseudoAdjective(r: Rng): string {
	return syllable(r) + syllable(r) + pick(r, ADJ_ENDINGS);
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
function pseudoSystem(r: Rng): string {
	const kind = int(r, 0, 3);
	if (kind === 0) return Array.from({ length: int(r, 3, 5) }, () => pick(r, [...LETTERS])).join(''); // SIGEF
	if (kind === 1) return 'e-' + cap(unaccent(syllable(r) + syllable(r))); // e-Tramix
	if (kind === 2) return cap(unaccent(syllable(r) + syllable(r) + syllable(r))); // Rovalis
	return cap(unaccent(syllable(r) + syllable(r))) + ' ' + pick(r, ['Web', 'Net', 'Sign', 'Doc', 'ID', 'Flow', 'Pay']); // Bramo Sign
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

export interface Vocabulary {
	nouns: string[];
	adjectives: string[];
	systems: string[];
	categories: string[];
}

/** Pool sizes grow sub-linearly with the library (Heaps' law), so 10k SOPs have a much larger vocabulary than 100. */
export function vocabulary(size: number, seed = 1): Vocabulary {
	const r = rng(seed * 7919 + size);
	const distinct = (n: number, make: () => string, head: readonly string[]) => {
		const set = new Set<string>(head);
		for (let guard = 0; set.size < head.length + n && guard < n * 50; guard++) set.add(make());
		return [...set];
	};
	const nouns = distinct(Math.round(3 * size ** 0.8), () => pseudoNoun(r), [...OBJECTS, ...CONTEXTS]);
	const adjectives = distinct(Math.round(size ** 0.7), () => pseudoAdjective(r), STATES);
	const systems = distinct(Math.round(1.2 * size ** 0.75), () => pseudoSystem(r), SYSTEMS);
	const categories = distinct(Math.round(2 * size ** 0.5), () => cap(pseudoNoun(r)), ['Certificado Digital', 'Token', 'Cartório', 'Sistemas do Governo', 'Assinatura Eletrônica', 'Financeiro', 'Cadastro']);
	return { nouns, adjectives, systems, categories };
}

// ---- one SOP ----

interface Topic {
	system: string;
	object: string;
	object2: string;
	state: string;
	verb: string;
	context: string;
	jargon: string;
}

function topicOf(r: Rng, v: Vocabulary): Topic {
	return {
		system: v.systems[zipf(r, v.systems.length)]!,
		object: v.nouns[zipf(r, v.nouns.length)]!,
		object2: v.nouns[zipf(r, v.nouns.length)]!,
		state: v.adjectives[zipf(r, v.adjectives.length)]!,
		verb: pick(r, VERBS),
		context: pick(r, CONTEXTS),
		jargon: v.nouns[zipf(r, v.nouns.length, 0.9)]!,
	};
}

function titleOf(r: Rng, t: Topic): string {
	const T = [
		() => `${cap(t.object)} ${t.state} no ${t.system}`,
		() => `Erro ao ${t.verb} ${t.object} no ${t.system}`,
		() => `Como ${t.verb} ${t.object} do ${t.system}`,
		() => `${cap(t.object)} do ${t.system} ${t.state}`,
		() => `${t.system}: ${t.object} ${t.state} (${t.context})`,
		() => `Solicitação de ${t.object} ${t.object2} para ${t.context}`,
		() => `${cap(t.verb)} ${t.object} com ${t.object2} no ${t.system}`,
		() => `${cap(t.object)} ${t.state} ao ${t.verb} ${t.object2}`,
	];
	return pick(r, T)();
}

/** Some random words from the whole vocabulary, Zipf-weighted (the long tail of a KB's prose). */
function filler(r: Rng, v: Vocabulary, n: number): string[] {
	return Array.from({ length: n }, () => (chance(r, 0.75) ? v.nouns[zipf(r, v.nouns.length)]! : v.adjectives[zipf(r, v.adjectives.length)]!));
}

function sentence(r: Rng, v: Vocabulary, t: Topic): string {
	const f = filler(r, v, 3);
	const S = [
		() => `Verificar se o ${t.object} está ${t.state} no ${t.system} antes de ${t.verb} o ${f[0]}`,
		() => `Conferir o ${f[0]} e o ${f[1]} informados pelo ${t.context}`,
		() => `Orientar o ${t.context} a ${pick(r, VERBS)} o ${f[0]} pelo ${t.system}`,
		() => `Acessar o menu ${cap(f[0]!)} › ${cap(f[1]!)} e clicar em ${cap(pick(r, VERBS))}`,
		() => `Anotar o número do protocolo e o ${f[2]} do ${t.context}`,
		() => `Se o ${f[0]} estiver ${pick(r, STATES)}, encaminhar para o ${pick(r, TEAMS)}`,
		() => `Solicitar prints da tela de ${f[1]} e o passo a passo até o erro`,
		() => `Informar que o prazo de ${f[0]} é de até ${int(r, 1, 48)} horas`,
	];
	return pick(r, S)();
}

function synonymsOf(r: Rng, v: Vocabulary, t: Topic, keywords: string[]): string[] {
	const out = new Set<string>();
	for (const k of keywords) if (unaccent(k) !== k) out.add(unaccent(k).toLowerCase());
	out.add(typo(r, unaccent(t.system).toLowerCase()));
	out.add(typo(r, unaccent(t.object)));
	if (chance(r, 0.6)) out.add(typo(r, unaccent(t.state)));
	out.add(t.jargon);
	for (const w of filler(r, v, int(r, 1, 5))) out.add(chance(r, 0.3) ? typo(r, unaccent(w)) : w);
	if (chance(r, 0.5)) out.add(`${t.object2} ${pick(r, v.adjectives)}`);
	if (chance(r, 0.4)) out.add(`não consegue ${t.verb}`);
	if (chance(r, 0.3)) out.add(`${t.system.replace(/[-\s]/g, '').toLowerCase()}`);
	return [...out].filter((s) => s.trim() !== '');
}

export function syntheticSop(r: Rng, v: Vocabulary, index: number): Sop {
	const t = topicOf(r, v);
	const title = titleOf(r, t);
	const id = `${slug(title).slice(0, 48).replace(/-+$/, '')}-${index.toString(36)}`;
	const keywords = [
		...new Set([
			`${t.object} ${t.state}`,
			t.system,
			`${t.verb} ${t.object}`,
			...sample(r, [t.object, t.object2, t.jargon, `${t.object2} ${t.system}`, `${t.context} ${t.object}`, ...filler(r, v, 2)], int(r, 1, 5)),
		]),
	];
	const synonyms = synonymsOf(r, v, t, keywords);
	const f = filler(r, v, 6);
	const summary =
		`O ${t.context} não consegue ${t.verb} o ${t.object} no ${t.system}: ${f[0]} ${t.state} e ${f[1]} ${f[2]}. ` +
		`${sentence(r, v, t)}, e ${pick(r, ['encaminhar', 'orientar', 'finalizar', 'registrar'])} o chamado com ${f[3]} e ${f[4]} ${f[5]}.`;
	const hasQualitor = chance(r, 0.8);
	const team = pick(r, TEAMS);
	const levels = int(r, 1, 3);
	const categorias = [`SUP - ${v.categories[zipf(r, v.categories.length)]!}`, cap(t.object), cap(t.state)].slice(0, levels);
	const verify = Array.from({ length: int(r, 3, 7) }, () => ({ text: sentence(r, v, t) }));
	const ask = [
		{ text: 'Dois telefones para contato', check: { kind: 'phones' as const, min: 2 } },
		...Array.from({ length: int(r, 0, 2) }, () => ({ text: `O ${t.context} já tentou ${pick(r, VERBS)} o ${pick(r, filler(r, v, 2))}?` })),
	];
	const tell = Array.from({ length: int(r, 1, 3) }, () => ({ text: sentence(r, v, t) }));
	const steps = Array.from({ length: int(r, 3, 8) }, (_, i) => `${i + 1}. ${sentence(r, v, t)}.`);
	return {
		id,
		title,
		summary,
		source: `${String(index).padStart(5, '0')}_synthetic.txt`,
		...(chance(r, 0.3) ? { version: `20${int(r, 18, 25)}-${String(int(r, 1, 12)).padStart(2, '0')}` } : {}),
		keywords,
		synonyms,
		// The situation keys like the real SOPs' (no extra random draws: the libraries stay the same).
		situacao: [{ objeto: [t.object, t.system], estado: [t.state, `não consegue ${t.verb}`] }],
		exemplos: [`${t.context} não consegue ${t.verb} o ${t.object} no ${t.system}`, `${t.object} ${t.state}`],
		naoConfundir: [{ texto: [`${t.object2} ${t.jargon}`, `${t.verb} ${t.object2}`], dica: `Parece ${t.object2} — não é este SOP.` }],
		...(hasQualitor ? { qualitor: { tipo: pick(r, TIPOS), categorias, prioridade: pick(r, PRIORIDADES) } } : {}),
		templates: {
			titulo: title,
			descricao: `Cliente informa que ${summary.split(':')[0]!.replace(/^O /, 'o ')}.\nTelefones para contato: {telefone1} / {telefone2}`,
			solucao: `${sentence(r, v, t)}.\nDemanda encaminhada ao ${team}. Cliente informado de que terá retorno em até ${int(r, 2, 72)} horas.`,
			adicionais: chance(r, 0.5) ? { Encaminhar: team, 'Descrição para subchamado': `DESCRIÇÃO: ${title}. SOLUÇÃO: ${sentence(r, v, t)}.` } : {},
		},
		variables: [
			{ name: 'telefone1', label: 'Telefone para contato', placeholder: '(51) 99999-0000' },
			{ name: 'telefone2', label: 'Segundo telefone para contato' },
		],
		checklist: { verify, ask, tell },
		...(chance(r, 0.4) ? { escalation: { team, note: `Encaminhar ao ${team} com o ${f[0]} e o ${f[1]}.` } } : {}),
		sla: chance(r, 0.6) ? [{ label: 'Retorno ao cliente', minutes: 60 * int(r, 1, 72) }] : [],
		references: [{ title: `Base de conhecimento - ${title}` }],
		body: `## ${cap(t.verb)} o ${t.object}\n\n${steps.join('\n')}\n\n${sentence(r, v, t)}.`,
	};
}

function slug(text: string): string {
	return unaccent(text)
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

// ---- libraries ----

let realCache: Sop[] | undefined;
/** The five real SOPs from sops/. */
export function realSops(): Sop[] {
	if (realCache) return realCache;
	const dir = fileURLToPath(new URL('../sops', import.meta.url));
	const { sops, problems } = buildLibrary(readSopDir(dir));
	if (problems.length) throw new Error(`sops/ has problems: ${problems.map((p) => p.message).join('; ')}`);
	return (realCache = sops);
}

/** A library of exactly `size` SOPs: the real ones plus synthetic ones, sorted by id like buildLibrary does. */
export function syntheticLibrary(size: number, seed = 1): Sop[] {
	const real = realSops();
	const v = vocabulary(size, seed);
	const r = rng(seed * 104729 + size);
	const sops = [...real];
	for (let i = 0; sops.length < size; i++) sops.push(syntheticSop(r, v, i));
	return sops.sort((a, b) => a.id.localeCompare(b.id));
}
