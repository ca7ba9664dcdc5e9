/**
 * Folds text the way people compare labels and option names: accents, case, surrounding and repeated
 * whitespace do not matter ("  Descrição  da Solução " equals "descricao da solucao").
 */
export function normalize(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}
