import { isRendered } from '../dom/visible.ts';
import { findTicketForm, isQualitorTabPanel } from './detect.ts';
import { CONTROL, labelPlacement, type LabelPlacement } from './labels.ts';

/**
 * The shape of a ticket form without any of its data, for an administrator to send when the health badge
 * is red: every control's tag, id, name, type, label and where the label sat, the required marker, the
 * option texts of the classification and additional selects, the inline handlers' function names, frames
 * and loading indicators. Never a value: no client, contact, title, description or anything typed.
 */
export interface FormSkeleton {
	format: 'qualitor-form-skeleton';
	version: 1;
	/** Path of the page (no host, no query: `cryptget` parameters may carry anything). */
	path: string;
	mode: 'new' | 'edit' | 'read' | null;
	evidence: string[];
	controls: SkeletonControl[];
	/** Function names the page's inline handlers call ("selectCategory", "maximumLength"). */
	handlers: string[];
	frames: Array<{ tag: string; id: string; name: string; path: string }>;
	loading: { divLoading: boolean; elements: string[] };
}

export interface SkeletonControl {
	tag: string;
	id: string;
	name: string;
	type: string;
	label: string;
	labelAt: LabelPlacement['at'];
	required: boolean;
	readOnly: boolean;
	visible: boolean;
	/** Only for Tipo, Categoria, Prioridade, the edit reason and additional selects. */
	options?: string[];
	/** Inline handler attributes and the functions they call: { onchange: ['selectCategory'] }. */
	handlers?: Record<string, string[]>;
}

/** Selects whose option texts are the installation's vocabulary, not a client's data. */
const OPTION_IDS = /^(cdtipochamado|cdcategoria|cdseveridade|cdmotivoalteracao|cdlocalidade|cdorigem|vlinformacaoadicional)/i;
const HANDLER_ATTRS = ['onchange', 'onclick', 'onkeyup', 'onkeydown', 'onkeypress', 'onblur', 'onfocus', 'oninput'];

export function formSkeleton(doc: Document): FormSkeleton {
	const form = findTicketForm(doc);
	const root: ParentNode = form?.root ?? doc;
	const handlers = new Set<string>();
	const controls: SkeletonControl[] = [];
	for (const element of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`${CONTROL}, input[type=hidden], button, input[type=button], input[type=submit]`)) {
		const placement = labelPlacement(element);
		const calls: Record<string, string[]> = {};
		for (const attr of HANDLER_ATTRS) {
			const code = element.getAttribute(attr);
			if (!code) continue;
			const names = [...code.matchAll(/([A-Za-z_$][\w$]*)\s*\(/g)].map((m) => m[1]!).filter((n) => !/^(if|return|function|new)$/.test(n));
			names.forEach((n) => handlers.add(n));
			calls[attr] = names;
		}
		const id = element.id;
		const control: SkeletonControl = {
			tag: element.localName,
			id,
			name: element.getAttribute('name') ?? '',
			type: element.localName === 'input' ? (element.getAttribute('type') ?? 'text').toLowerCase() : '',
			label: placement.text.slice(0, 80),
			labelAt: placement.at,
			required: placement.required || element.hasAttribute('required') || /^s/i.test(element.getAttribute('obrigatorio') ?? ''),
			readOnly: 'readOnly' in element && Boolean((element as HTMLInputElement).readOnly),
			visible: isRendered(element, { isHiddenPanel: isQualitorTabPanel }),
		};
		if (element.localName === 'select' && OPTION_IDS.test(id || control.name)) {
			control.options = [...(element as HTMLSelectElement).options].map((o) => o.text.trim()).slice(0, 200);
		}
		if (Object.keys(calls).length) control.handlers = calls;
		controls.push(control);
	}
	for (const element of root.querySelectorAll('[onclick], [onload]')) {
		for (const match of (element.getAttribute('onclick') ?? '').matchAll(/([A-Za-z_$][\w$]*)\s*\(/g)) handlers.add(match[1]!);
	}
	const frames = [...doc.querySelectorAll<HTMLIFrameElement>('iframe, frame')].map((f) => ({
		tag: f.localName,
		id: f.id,
		name: f.name,
		path: pathOf(f.getAttribute('src') ?? '', doc),
	}));
	const loadingElements = [...doc.querySelectorAll('[id*="loading" i], [class*="loading" i], [id*="carregando" i]')].map((e) => `${e.localName}#${e.id}.${e.getAttribute('class') ?? ''}`).slice(0, 20);
	return {
		format: 'qualitor-form-skeleton',
		version: 1,
		path: doc.location?.pathname ?? '',
		mode: form?.mode ?? null,
		evidence: form?.evidence ?? [],
		controls,
		handlers: [...handlers].sort(),
		frames,
		loading: { divLoading: doc.getElementById('divLoading') !== null, elements: loadingElements },
	};
}

function pathOf(src: string, doc: Document): string {
	try {
		return new URL(src, doc.baseURI).pathname;
	} catch {
		return '';
	}
}
