import { findTicketForm, isVisibleControl, visibleById } from './detect.ts';
import { findByLabel, findByLabelGroups, normalizeLabel, type Control } from './labels.ts';

import type { FormMode } from './form-mode.ts';

export type { FormMode } from './form-mode.ts';

export type FieldKey =
	| 'cliente'
	| 'contato'
	| 'tipo'
	| 'prioridade'
	| 'localidade'
	| 'origem'
	| 'categoria1'
	| 'categoria2'
	| 'categoria3'
	| 'palavraChave'
	| 'titulo'
	| 'descricao'
	| 'solucao'
	| 'processar';

export interface FieldSpec {
	/** Ids tried in order, per form mode (see docs/qualitor.md; the read view uses the new form's ids). */
	ids: Record<Exclude<FormMode, 'read'>, readonly string[]>;
	/** Visible label words, for installations where the id differs. */
	labels: readonly string[];
	/** Whether the form cannot be used without it (drives the health summary). */
	required: boolean;
}

export const FIELDS: Readonly<Record<FieldKey, FieldSpec>> = {
	cliente: { ids: { new: ['cdcliente'], edit: ['cdcliente'] }, labels: ['Cliente'], required: true },
	contato: { ids: { new: ['cdcontato'], edit: ['cdcontato'] }, labels: ['Contato'], required: true },
	tipo: { ids: { new: ['cdtipochamado'], edit: ['cdtipochamadochange'] }, labels: ['Tipo', 'Tipo de chamado'], required: true },
	prioridade: { ids: { new: ['cdseveridade'], edit: ['cdseveridadechange', 'cdseveridade'] }, labels: ['Prioridade', 'Severidade'], required: true },
	localidade: { ids: { new: ['cdlocalidade'], edit: ['cdlocalidade'] }, labels: ['Localidade'], required: false },
	origem: { ids: { new: ['cdorigem'], edit: ['cdorigem'] }, labels: ['Origem'], required: false },
	categoria1: { ids: { new: ['cdcategoria1'], edit: ['cdcategoriachange1'] }, labels: ['Categoria 1', 'Categoria'], required: true },
	categoria2: { ids: { new: ['cdcategoria2'], edit: ['cdcategoriachange2'] }, labels: ['Categoria 2'], required: false },
	categoria3: { ids: { new: ['cdcategoria3'], edit: ['cdcategoriachange3'] }, labels: ['Categoria 3'], required: false },
	palavraChave: { ids: { new: ['dspalavrachave'], edit: ['dspalavrachave'] }, labels: ['Palavra-chave', 'Palavra chave'], required: false },
	titulo: { ids: { new: ['nmtitulochamado'], edit: ['nmtitulochamadochange'] }, labels: ['Título'], required: true },
	descricao: { ids: { new: ['dschamado'], edit: ['dschamadochange'] }, labels: ['Descrição'], required: true },
	solucao: { ids: { new: ['dsacaocorretiva'], edit: ['dsacaocorretiva'] }, labels: ['Descrição da solução', 'Solução'], required: false },
	processar: { ids: { new: ['btnProcessar'], edit: ['btnProcessChange'] }, labels: ['Processar'], required: true },
};

/** The edit reason the editor asks for (always set by a production userscript); required to save. */
export const EDIT_REASON_ID = 'cdmotivoalteracao';

export const FIELD_KEYS = Object.keys(FIELDS) as FieldKey[];

const STANDARD_IDS: ReadonlySet<string> = new Set(FIELD_KEYS.flatMap((k) => [...FIELDS[k].ids.new, ...FIELDS[k].ids.edit]));

/** Names of the fields as agents see them, for messages. */
export const FIELD_NAMES: Readonly<Record<FieldKey, string>> = {
	cliente: 'Cliente',
	contato: 'Contato',
	tipo: 'Tipo',
	prioridade: 'Prioridade',
	localidade: 'Localidade',
	origem: 'Origem',
	categoria1: 'Categoria 1',
	categoria2: 'Categoria 2',
	categoria3: 'Categoria 3',
	palavraChave: 'Palavra-chave',
	titulo: 'Título',
	descricao: 'Descrição',
	solucao: 'Descrição da solução',
	processar: 'Processar',
};

export interface LocateOptions {
	mode?: FormMode;
	/**
	 * Installation-specific locators, by field key or by additional-field label: an element id or a
	 * CSS selector. Tried before anything else.
	 */
	overrides?: Readonly<Record<string, string>>;
	/** More label words, by field key or by additional-field label ("Descrição para subchamado"). */
	labelAliases?: Readonly<Record<string, readonly string[]>>;
}

export type LocatedVia = 'override' | 'id' | 'label';

export interface Located<T extends HTMLElement = HTMLElement> {
	element: T;
	via: LocatedVia;
}

const ADDITIONAL = /^vlinformacaoadicional\d*/i;

/** Where the ticket's fields are looked for: the detected form (decoys outside it do not count). */
export function formScope(doc: Document): ParentNode {
	return findTicketForm(doc)?.root ?? doc;
}

/**
 * Finds a standard field: an override, then its id for the mode, then its visible label. Only controls
 * a person can see count (hidden codes such as `cdcliente` excepted: they are found by id).
 */
export function findField(doc: Document, key: FieldKey, options: LocateOptions = {}): Located | null {
	const mode = options.mode === 'edit' ? 'edit' : 'new';
	const spec = FIELDS[key];
	const override = byOverride(doc, lookup(options.overrides, key));
	if (override) return { element: override, via: 'override' };
	for (const id of spec.ids[mode]) {
		const hiddenCode = doc.getElementById(id);
		const element = hiddenCode?.localName === 'input' && (hiddenCode as HTMLInputElement).type === 'hidden' ? hiddenCode : visibleById(doc, id);
		if (element) return { element, via: 'id' };
	}
	const labels = fieldLabels(key, options);
	const scope = formScope(doc);
	if (key === 'processar') {
		const button = findButton(scope, labels);
		return button ? { element: button, via: 'label' } : null;
	}
	const candidates = findByLabel(scope, labels).filter((c) => !isAdditional(c) && isVisibleControl(c));
	const preferred = candidates.find((c) => isChangeField(c) === (mode === 'edit')) ?? candidates[0];
	return preferred ? { element: preferred, via: 'label' } : null;
}

/** The label words of a standard field: its own and this installation's aliases (Mapeamento). */
export function fieldLabels(key: FieldKey, options: LocateOptions = {}): string[] {
	return [...FIELDS[key].labels, ...(lookup(options.labelAliases, key) ?? [])];
}

/**
 * Finds an additional field (`vlinformacaoadicional<N>`, N varies per installation) by its label.
 * Controls named `vlinformacaoadicional…` win; otherwise any labelled control that is not a standard field.
 */
export function findAdditionalField(doc: Document, label: string, options: LocateOptions = {}): Located<Control> | null {
	return findAdditionalFields(doc, [label], options)[0] ?? null;
}

/**
 * `findAdditionalField` for each label, scanning the page's labels once for all of them: wait
 * conditions run this on every batch of mutations.
 */
export function findAdditionalFields(doc: Document, labels: readonly string[], options: LocateOptions = {}): Array<Located<Control> | null> {
	const overrides = labels.map((label) => byOverride(doc, lookup(options.overrides, label)));
	const rest = labels.map((label, i) => (overrides[i] && isControl(overrides[i]) ? [] : [label, ...(lookup(options.labelAliases, label) ?? [])]));
	const byLabel = rest.some((words) => words.length > 0) ? findByLabelGroups(formScope(doc), rest) : [];
	return labels.map((_, i) => {
		const override = overrides[i];
		if (override && isControl(override)) return { element: override, via: 'override' };
		const candidates = (byLabel[i] ?? []).filter(isVisibleControl);
		const element = candidates.find(isAdditional) ?? candidates.find((c) => !STANDARD_IDS.has(c.id));
		return element ? { element, via: 'label' } : null;
	});
}

export interface FieldHealth {
	mode: FormMode;
	found: Array<{ key: FieldKey; via: LocatedVia; id: string }>;
	/** Required fields not found: the extension will not be able to fill or check them. */
	missing: FieldKey[];
	/** Optional fields not found (some installations do not have them; deeper categories appear later). */
	missingOptional: FieldKey[];
	/** Required fields that come later: Categoria 1 before a Tipo is chosen, anything while Qualitor loads. */
	pending: FieldKey[];
	/** One of Qualitor's loads is running (`#divLoading`). */
	loading: boolean;
}

/** What each form needs (docs/qualitor.md): the editor has no Cliente/Contato/Prioridade of its own; the read view nothing. */
const REQUIRED: Readonly<Record<FormMode, ReadonlySet<FieldKey>>> = {
	new: new Set(FIELD_KEYS.filter((k) => FIELDS[k].required)),
	edit: new Set<FieldKey>(['tipo', 'categoria1', 'titulo', 'descricao', 'processar']),
	read: new Set<FieldKey>(),
};

/** Which fields the extension can see on this page, for the health badge, the options page and bug reports. */
export function checkFieldHealth(doc: Document, options: LocateOptions = {}): FieldHealth {
	const mode = options.mode ?? 'new';
	const loading = isLoadingNow(doc);
	const health: FieldHealth = { mode, found: [], missing: [], missingOptional: [], pending: [], loading };
	const tipo = findField(doc, 'tipo', options)?.element;
	const tipoChosen = tipo?.localName === 'select' && (tipo as HTMLSelectElement).value !== '';
	for (const key of FIELD_KEYS) {
		const located = findField(doc, key, options);
		if (located) health.found.push({ key, via: located.via, id: located.element.id });
		else if (!REQUIRED[mode].has(key)) health.missingOptional.push(key);
		else if (loading || (key === 'categoria1' && !tipoChosen)) health.pending.push(key);
		else health.missing.push(key);
	}
	return health;
}

function isLoadingNow(doc: Document): boolean {
	const indicator = doc.getElementById('divLoading');
	return indicator !== null && !indicator.hidden && indicator.style.display !== 'none';
}

function lookup<T>(map: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
	if (!map) return undefined;
	if (Object.hasOwn(map, key)) return map[key];
	const wanted = normalizeLabel(key);
	const match = Object.keys(map).find((k) => normalizeLabel(k) === wanted);
	return match === undefined ? undefined : map[match];
}

function byOverride(doc: Document, locator: string | undefined): HTMLElement | null {
	if (!locator) return null;
	const byId = doc.getElementById(locator.replace(/^#/, ''));
	if (byId) return byId;
	try {
		return doc.querySelector<HTMLElement>(locator);
	} catch {
		return null; // an invalid selector typed in the options page: fall back to the defaults
	}
}

function findButton(scope: ParentNode, labels: readonly string[]): HTMLElement | null {
	const wanted = new Set(labels.map(normalizeLabel));
	for (const button of scope.querySelectorAll<HTMLElement>('button, input[type=button], input[type=submit], a[role=button]')) {
		const text = button.localName === 'input' ? (button as HTMLInputElement).value : (button.textContent ?? '');
		if (wanted.has(normalizeLabel(text))) return button;
	}
	return null;
}

/** An additional field by its id or name (`vlinformacaoadicional<N>`, any case). */
export function isAdditional(element: Element): boolean {
	return ADDITIONAL.test(element.id) || ADDITIONAL.test(element.getAttribute('name') ?? '');
}

function isChangeField(element: Element): boolean {
	return /change\d*$/i.test(element.id);
}

function isControl(element: Element): element is Control {
	return element.localName === 'input' || element.localName === 'textarea' || element.localName === 'select';
}
