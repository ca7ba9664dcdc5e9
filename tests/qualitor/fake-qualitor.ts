/**
 * A small imitation of Qualitor's ticket form for jsdom tests, after docs/qualitor.md: ids, labels as
 * `<td class="LABEL">…*:</td>` cells or `<label for>`, the category cell `td#tdCategoria` re-rendered
 * whole by a delayed "AJAX" load while `#divLoading` exists, additional fields that appear only once the
 * last level is chosen, and Qualitor's default priority per category. Optionally: Tipo-linked additional
 * fields re-rendered (their default back) on every change, and fields that arrive some time after the leaf.
 */

/** A category and its sub-categories; `{}` is a leaf. */
export interface CategoryTree {
	[name: string]: CategoryTree;
}

export interface AdditionalDef {
	n: number;
	label: string;
	kind?: 'input' | 'textarea' | 'select';
	options?: string[];
	/** Rendered into the markup: the field's default (`defaultValue`; a select's `selected` option). */
	value?: string;
}

export interface FakeOptions {
	mode?: 'new' | 'edit';
	/** Delay of each category load. */
	ajaxDelayMs?: number;
	labels?: 'td' | 'for';
	tipos?: Record<string, CategoryTree>;
	/** Shown once a leaf category is chosen. */
	adicionais?: AdditionalDef[];
	/** Shown as soon as a Tipo is chosen, before the category's; re-rendered on every load. */
	tipoAdicionais?: AdditionalDef[];
	/** Appended this long after a leaf's fields are rendered, with no load indicator (fields arriving late). */
	lateAdicionais?: { afterMs: number; fields: AdditionalDef[] };
	/** Priority Qualitor sets when this leaf is chosen. */
	severityByLeaf?: Record<string, string>;
	/** Choosing this option text starts a load that never finishes. */
	hangOn?: string;
	/** Existing ticket (edit mode): its Tipo and category path. */
	initial?: { tipo: string; path: string[] };
	/** Values of the plain fields. */
	values?: { titulo?: string; descricao?: string; solucao?: string };
}

export const DEFAULT_TIPOS: Record<string, CategoryTree> = {
	Suporte: {
		'SUP - Certificado Digital': {
			Cartão: { 'Em branco': {}, Bloqueado: {} },
			Token: { 'Em branco': {} },
			'Emissão': {},
		},
		'SUP - Sistema': { Acesso: {} },
	},
	'Solicitação': { 'SOL - Cadastro': {} },
};

export const DEFAULT_ADICIONAIS: AdditionalDef[] = [
	{ n: 17, label: 'Descrição para subchamado', kind: 'textarea' },
	{ n: 4, label: 'Encaminhar', kind: 'select', options: ['Selecione', 'Relacionamento', 'N2 - Certificação'] },
	{ n: 9, label: 'Telefone' },
	{ n: 11, label: 'E-mail' },
	{ n: 23, label: 'Solução', kind: 'textarea' },
];

export interface FakeQualitor {
	doc: Document;
	/** Category loads started so far. */
	loads: number;
	/** Re-renders of the category cell so far (each one replaces every select in it). */
	renders: number;
	ids: { tipo: string; categoria: (n: number) => string; cell: string; titulo: string; descricao: string; processar: string };
	$<T extends Element = HTMLElement>(selector: string): T | null;
	selectedText(id: string): string | undefined;
	/** Resolves when no load is running. */
	idle(): Promise<void>;
	/** Ids of the fields whose `onkeyup="maximumLength()"` ran, one per key-up. */
	keyups: string[];
}

let optionCode = 1000;

export function mountFakeQualitor(doc: Document, options: FakeOptions = {}): FakeQualitor {
	const mode = options.mode ?? 'new';
	const delay = options.ajaxDelayMs ?? 15;
	const tipos = options.tipos ?? DEFAULT_TIPOS;
	const adicionais = options.adicionais ?? DEFAULT_ADICIONAIS;
	const sfx = mode === 'edit' ? 'change' : '';
	const ids = {
		tipo: `cdtipochamado${sfx}`,
		categoria: (n: number) => (mode === 'edit' ? `cdcategoriachange${n}` : `cdcategoria${n}`),
		cell: mode === 'edit' ? 'tdCategoriaChange' : 'tdCategoria',
		titulo: `nmtitulochamado${sfx}`,
		descricao: `dschamado${sfx}`,
		processar: mode === 'edit' ? 'btnProcessChange' : 'btnProcessar',
	};
	// Option values are per-installation codes: never the same between two mounts.
	const codes = new Map<string, string>();
	const code = (path: string): string => {
		if (!codes.has(path)) codes.set(path, String(optionCode++));
		return codes.get(path)!;
	};

	const row = (label: string, id: string, control: string): string =>
		options.labels === 'for'
			? `<tr><td><label for="${id}">${label}</label></td><td>${control}</td></tr>`
			: `<tr><td class="LABEL">${label}:</td><td>${control}</td></tr>`;
	const tipoOptions = ['<option value="">Selecione</option>', ...Object.keys(tipos).map((t) => `<option value="${code(t)}">${t}</option>`)];
	const v = options.values ?? {};
	const readonlyOriginals =
		mode === 'edit'
			? `<tr><td class="LABEL">Descrição original:</td><td><textarea id="dschamado" readonly>Texto original</textarea><input id="nmtitulochamado" readonly value="Original"></td></tr>`
			: '';
	doc.body.innerHTML = `
		<form name="frmChamado" id="frmChamado">
		<span id="label_cdchamado">${mode === 'edit' ? '123456' : ''}</span>
		<table>
			${row('Cliente*', 'cdcliente', '<input type="hidden" id="cdcliente" value="4711"><input type="text" id="nmcliente" value="ACME Certificação Ltda" readonly>')}
			${row('Contato*', 'cdcontato', '<input type="hidden" id="cdcontato" value="12"><input type="text" id="nmcontato" value="Maria Souza" readonly>')}
			<tr><td class="LABEL">Data de abertura:</td><td>21/11/2026 10:42</td></tr>
			${row('Tipo*', ids.tipo, `<select id="${ids.tipo}" name="${ids.tipo}">${tipoOptions.join('')}</select>`)}
			<tr><td class="LABEL">Categoria*:</td><td id="${ids.cell}"></td></tr>
			${row('Prioridade*', 'cdseveridade', '<select id="cdseveridade"><option value="">Selecione</option><option value="1">Baixa</option><option value="2">Média</option><option value="3">Alta</option><option value="4">Crítica</option></select>')}
			${row('Título', ids.titulo, `<input type="text" id="${ids.titulo}" value="${v.titulo ?? ''}">`)}
			${row('Descrição*', ids.descricao, `<textarea id="${ids.descricao}" onkeyup="maximumLength()">${v.descricao ?? ''}</textarea>`)}
			${readonlyOriginals}
			<tr><td colspan="2" id="tdAdicionais"></td></tr>
			${row('Descrição da solução', 'dsacaocorretiva', `<textarea id="dsacaocorretiva">${v.solucao ?? ''}</textarea>`)}
		</table>
		<input type="button" id="${ids.processar}" value="Processar">
		</form>`;

	const fake: FakeQualitor = {
		doc,
		loads: 0,
		renders: 0,
		ids,
		$: <T extends Element>(selector: string) => doc.querySelector<T>(selector),
		selectedText: (id) => {
			const select = doc.getElementById(id) as HTMLSelectElement | null;
			return select?.options[select.selectedIndex]?.text;
		},
		idle: async () => {
			while (doc.getElementById('divLoading')) await new Promise((r) => setTimeout(r, 5));
		},
		keyups: [],
	};
	// The page's own key handler, as Qualitor prints it on the description (reads window.event). Inline
	// handlers run in jsdom's own global, which vitest exposes as `jsdom.window`.
	type PageWindow = Window & { maximumLength?: () => void; event?: Event };
	const view = ((globalThis as { jsdom?: { window: PageWindow } }).jsdom?.window ?? doc.defaultView) as PageWindow | null;
	if (view) view.maximumLength = () => fake.keyups.push((view.event?.target as Element | undefined)?.id ?? '?');

	let path: string[] = [];
	const tipoSelect = doc.getElementById(ids.tipo) as HTMLSelectElement;

	const subtree = (): CategoryTree | undefined => {
		const tipo = tipoSelect.options[tipoSelect.selectedIndex]?.text;
		let node: CategoryTree | undefined = tipo ? tipos[tipo] : undefined;
		for (const name of path) node = node?.[name];
		return node;
	};

	const render = (): void => {
		const cell = doc.getElementById(ids.cell);
		if (!cell) return;
		fake.renders++;
		const tipo = tipoSelect.options[tipoSelect.selectedIndex]?.text ?? '';
		let node: CategoryTree | undefined = tipos[tipo];
		const html: string[] = [];
		let level = 0;
		while (node && Object.keys(node).length > 0 && level < 3) {
			const chosen = path[level];
			const opts = Object.keys(node).map(
				(name) => `<option value="${code(`${tipo}/${path.slice(0, level).join('/')}/${name}`)}"${name === chosen ? ' selected' : ''}>${name}</option>`,
			);
			level++;
			html.push(`<select id="${ids.categoria(level)}" name="${ids.categoria(level)}"><option value="">Selecione</option>${opts.join('')}</select>`);
			node = chosen === undefined ? undefined : node[chosen];
		}
		cell.innerHTML = html.join(' ');
		cell.querySelectorAll('select').forEach((select, i) => select.addEventListener('change', () => onCategory(i + 1, select)));
		const leaf = path.length > 0 && subtree() !== undefined && Object.keys(subtree()!).length === 0;
		renderAdicionais(leaf);
		if (leaf) {
			const priority = options.severityByLeaf?.[path[path.length - 1]!];
			const severity = doc.getElementById('cdseveridade') as HTMLSelectElement;
			const index = [...severity.options].findIndex((o) => o.text === priority);
			if (index >= 0) severity.selectedIndex = index;
		}
	};

	const control = (a: AdditionalDef): string => {
		const id = `vlinformacaoadicional${a.n}`;
		const body =
			a.kind === 'select'
				? `<select id="${id}" name="${id}">${(a.options ?? []).map((o, i) => `<option value="${i ? i : ''}"${o === a.value ? ' selected' : ''}>${o}</option>`).join('')}</select>`
				: a.kind === 'textarea'
					? `<textarea id="${id}" name="${id}">${a.value ?? ''}</textarea>`
					: `<input type="text" id="${id}" name="${id}" value="${a.value ?? ''}">`;
		return row(a.label, id, body);
	};
	let lateTimer: ReturnType<typeof setTimeout> | undefined;
	const renderAdicionais = (show: boolean): void => {
		const cell = doc.getElementById('tdAdicionais')!;
		clearTimeout(lateTimer);
		const defs = [...(tipoSelect.value !== '' ? (options.tipoAdicionais ?? []) : []), ...(show ? adicionais : [])];
		cell.innerHTML = defs.length ? `<table>${defs.map(control).join('')}</table>` : '';
		const late = options.lateAdicionais;
		if (!show || !late) return;
		lateTimer = setTimeout(() => {
			if (cell.isConnected) cell.querySelector('table')?.insertAdjacentHTML('beforeend', late.fields.map(control).join(''));
		}, late.afterMs);
	};

	const load = (chosenText: string | undefined): void => {
		fake.loads++;
		if (!doc.getElementById('divLoading')) {
			const loading = doc.createElement('div');
			loading.id = 'divLoading';
			loading.textContent = 'Carregando...';
			doc.body.append(loading);
		}
		if (chosenText !== undefined && chosenText === options.hangOn) return;
		setTimeout(() => {
			if (!tipoSelect.isConnected) return; // a load finishing after the test moved on
			render();
			doc.getElementById('divLoading')?.remove();
		}, delay);
	};

	const onCategory = (level: number, select: HTMLSelectElement): void => {
		const option = select.options[select.selectedIndex];
		path = path.slice(0, level - 1);
		if (option && option.value !== '') path.push(option.text);
		load(option?.text);
	};
	tipoSelect.addEventListener('change', () => {
		path = [];
		load(tipoSelect.options[tipoSelect.selectedIndex]?.text);
	});

	if (options.initial) {
		const index = [...tipoSelect.options].findIndex((o) => o.text === options.initial!.tipo);
		tipoSelect.selectedIndex = index;
		path = [...options.initial.path];
		render();
	}
	return fake;
}
