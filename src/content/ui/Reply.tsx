import { t } from '../../ui/i18n.ts';
import { useCopy } from './copy-text.ts';
import type { Draft } from './draft.ts';

const GREETINGS = ['Bom dia', 'Boa tarde', 'Boa noite'] as const;

/** Every `{name}` with its value; one without a value stays as written, so the agent sees it. */
const renderTemplate = (template: string, values: Readonly<Record<string, string | undefined>>) =>
	template.replace(/\{([a-z][a-z0-9_]*)\}/g, (whole, name: string) => values[name] ?? whole);

export interface ReplyState {
	recipient: string;
	saudacao: string;
	/** The reply as it will be sent: the agent's edited text, or the template rendered. */
	text: string;
	edited: boolean;
	/** Values for the SOP's templates: `contato` (the recipient) and `{resposta}` once it names someone. */
	values: Record<string, string>;
}

/**
 * The reply's state from the SOP's template and what the agent chose. The recipient is the ticket's
 * contact only when that is a person's name (the page values leave generic registry contacts out).
 */
export function replyValues(template: string, draft: Draft, page: Readonly<Record<string, string>>, clock: { saudacao: string }): ReplyState {
	const recipient = (draft.recipient ?? page.contato ?? '').trim();
	const saudacao = draft.saudacao ?? clock.saudacao;
	const rendered = renderTemplate(template, { ...page, ...draft.typed, contato: recipient || t('replyNamePlaceholder'), saudacao });
	const text = draft.reply ?? rendered;
	const edited = draft.reply !== undefined;
	const values: Record<string, string> = { saudacao };
	if (recipient) values.contato = recipient;
	// Without a name the reply is not ready: the solution that writes it waits for one.
	if (recipient || edited) values.resposta = text;
	return { recipient, saudacao, text, edited, values };
}

interface Props {
	reply: ReplyState;
	onDraft(change: (draft: Draft) => Draft): void;
}

/** "Resposta ao cliente": the SOP's reply rendered, its recipient and greeting editable, copied as plain text. */
export function Reply({ reply, onDraft }: Props) {
	const [copied, copy] = useCopy();
	return (
		<details class="fold reply" open data-section="resposta">
			<summary>{t('replyTitle')}</summary>
			<label class="field">
				<span>{t('replyRecipient')}</span>
				<input
					type="text"
					name="contato"
					value={reply.recipient}
					aria-invalid={reply.recipient ? undefined : 'true'}
					aria-describedby={reply.recipient ? undefined : 'reply-ask-name'}
					onInput={(e) => {
						const value = (e.target as HTMLInputElement).value;
						onDraft((d) => ({ ...d, recipient: value }));
					}}
				/>
			</label>
			{!reply.recipient && (
				<p class="warning-inline" id="reply-ask-name" data-report="ask-name">
					{t('replyAskName')}
				</p>
			)}
			<label class="field">
				<span>{t('replyGreeting')}</span>
				<select name="saudacao" value={reply.saudacao} onChange={(e) => {
					const value = (e.target as HTMLSelectElement).value;
					onDraft((d) => ({ ...d, saudacao: value }));
				}}>
					{GREETINGS.map((g) => (
						<option key={g} value={g}>
							{g}
						</option>
					))}
				</select>
			</label>
			<label class="field">
				<span>{t('replyText')}</span>
				<textarea
					name="resposta"
					rows={8}
					value={reply.text}
					onInput={(e) => {
						const value = (e.target as HTMLTextAreaElement).value;
						onDraft((d) => ({ ...d, reply: value }));
					}}
				/>
			</label>
			<div class="reply-actions">
				<button type="button" data-action="copy-reply" onClick={(event) => copy(event, () => reply.text)}>
					{copied === 'copied' ? t('copyDone') : copied === 'failed' ? t('copyFailed') : t('replyCopy')}
				</button>
				{reply.edited && (
					<button type="button" class="link" onClick={() => onDraft((d) => ({ ...d, reply: undefined }))}>
						{t('replyReset')}
					</button>
				)}
			</div>
		</details>
	);
}
