import { normalize } from './normalize.ts';

/** An option that stands for "nothing chosen": "Selecione", "Escolha", an empty first option. */
export function isPlaceholder(option: Pick<HTMLOptionElement, 'text' | 'value' | 'index'>): boolean {
	const text = normalize(option.text).replace(/[-.:]/g, '').trim();
	if (text === '' || text === 'selecione' || text === 'selecione uma opcao' || text === 'escolha') return true;
	return option.value === '' && option.index === 0;
}
