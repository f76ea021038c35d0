import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import { parseSystemBody, type ChatErrorInfo, type ChatMessage, type PendingMessage } from '~/chat/messages'
import { Markdown } from '~/components/markdown'
import type { AppLocale } from '~/locales'
import { formatDateTime } from '~/utils/format'

type Tk = (key: string, options?: Record<string, unknown>) => string

/** A system line in the reader's language: its key under chat.system, a deal stage translated too. */
export function systemText(tk: Tk, body: string) {
	const system = parseSystemBody(body)
	if (!system) return ''
	const params: Record<string, unknown> = { ...system.params }
	if (system.key === 'dealStage' && typeof params.stage === 'string') params.stage = tk(`deals.stages.${params.stage}`)
	return tk(`chat.system.${system.key}`, params)
}

export function errorText(tk: Tk, error: ChatErrorInfo) {
	return tk(error.key, { ...error.params, defaultValue: tk('chat.errors.server') })
}

function fileSize(bytes: number, locale: AppLocale) {
	const units = ['B', 'KB', 'MB', 'GB']
	let value = bytes
	let unit = 0
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024
		unit++
	}
	return `${value.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`
}

export type MessageActions = {
	/** With JavaScript and a connection: reply, edit and delete happen in place; otherwise links and forms do. */
	live: boolean
	/** With JavaScript: the quote is set above the composer without a round trip, connected or not. */
	replyInPlace: boolean
	onReply: (message: ChatMessage) => void
	onEdit: (message: ChatMessage, body: string) => Promise<ChatErrorInfo | null>
	onDelete: (message: ChatMessage) => Promise<ChatErrorInfo | null>
}

type Props = {
	message: ChatMessage
	meId: string
	locale: AppLocale
	roomPath: string
	/** Own, text, not deleted, within the edit window. */
	changeable: boolean
	/** The plain-form edit asked for by ?edit=, or an edit refused with the text kept. */
	editing: { body: string; error: ChatErrorInfo | null } | null
	actions: MessageActions
	highlight: boolean
}

export function ChatMessageItem({ message: m, meId, locale, roomPath, changeable, editing, actions, highlight }: Props) {
	const { t } = useTranslation()
	const tk = t as unknown as Tk
	const [liveEdit, setLiveEdit] = useState<{ body: string; error: ChatErrorInfo | null; busy: boolean } | null>(null)
	const [actionError, setActionError] = useState<ChatErrorInfo | null>(null)
	if (m.kind === 'SYSTEM') {
		return (
			<li id={`m-${m.seq}`} className="chat-line chat-line--system" data-testid="chat-message" data-seq={m.seq} data-kind="system">
				<p>
					{systemText(tk, m.body)} <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, locale)}</time>
				</p>
			</li>
		)
	}
	const mine = m.sender?.id === meId
	const deleted = Boolean(m.deletedAt)
	const edit = liveEdit ?? (editing ? { ...editing, busy: false } : null)
	const className = ['chat-line', mine ? 'chat-line--mine' : '', highlight ? 'chat-line--highlight' : ''].filter(Boolean).join(' ')
	return (
		<li id={`m-${m.seq}`} className={className} data-testid="chat-message" data-seq={m.seq} data-state="sent" data-mine={mine ? 'true' : undefined}>
			<article className="chat-bubble">
				<header className="chat-bubble__head">
					<strong>{mine ? t('chat.room.you') : (m.sender?.name ?? '—')}</strong> <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, locale)}</time>
					{m.editedAt && !deleted ? <span className="muted"> · {t('chat.room.edited')}</span> : null}
				</header>
				{m.replyTo ? <Quote replyTo={m.replyTo} /> : null}
				{deleted ? (
					<p className="muted chat-bubble__deleted">{t('chat.room.deleted')}</p>
				) : edit ? (
					<Form
						method="post"
						action={roomPath}
						className="chat-edit"
						onSubmit={(event) => {
							if (!actions.live) return
							event.preventDefault()
							const body = String(new FormData(event.currentTarget).get('body') ?? '')
							setLiveEdit({ body, error: null, busy: true })
							void actions.onEdit(m, body).then((error) => setLiveEdit(error ? { body, error, busy: false } : null))
						}}
					>
						<input type="hidden" name="intent" value="edit" />
						<input type="hidden" name="messageId" value={m.id} />
						<label htmlFor={`edit-${m.id}`} className="visually-hidden">
							{t('chat.room.editMessage')}
						</label>
						<textarea id={`edit-${m.id}`} name="body" rows={3} defaultValue={edit.body} aria-invalid={edit.error ? true : undefined} data-testid="chat-edit-body" />
						{edit.error ? (
							<p className="field-errors" role="alert">
								{errorText(tk, edit.error)}
							</p>
						) : null}
						<p className="actions-row">
							<button type="submit" className="button button--small" disabled={edit.busy}>
								{t('chat.room.save')}
							</button>
							<Link
								to={`${roomPath}#m-${m.seq}`}
								onClick={(event) => {
									if (!liveEdit) return
									event.preventDefault()
									setLiveEdit(null)
								}}
							>
								{t('chat.room.cancel')}
							</Link>
						</p>
					</Form>
				) : (
					<Markdown lite>{m.body}</Markdown>
				)}
				{m.attachment && !deleted ? (
					<p className="chat-bubble__file">
						<a href={`/attachments/${m.attachment.id}`}>{t('chat.room.attachment', { name: m.attachment.fileName, size: fileSize(m.attachment.size, locale) })}</a>
					</p>
				) : null}
				{actionError ? (
					<p className="field-errors" role="alert">
						{errorText(tk, actionError)}
					</p>
				) : null}
				{!deleted && !edit ? (
					<div className="chat-bubble__actions">
						<Link
							to={`${roomPath}?reply=${m.id}#composer`}
							onClick={(event) => {
								if (!actions.replyInPlace) return
								event.preventDefault()
								actions.onReply(m)
							}}
							data-testid="chat-reply"
						>
							{t('chat.room.reply')}
						</Link>
						{changeable ? (
							<>
								<Link
									to={`${roomPath}?edit=${m.id}#m-${m.seq}`}
									onClick={(event) => {
										if (!actions.live) return
										event.preventDefault()
										setLiveEdit({ body: m.body, error: null, busy: false })
									}}
									data-testid="chat-edit"
								>
									{t('chat.room.edit')}
								</Link>
								<Form
									method="post"
									action={roomPath}
									className="chat-inline-form"
									onSubmit={(event) => {
										if (!actions.live) return
										event.preventDefault()
										if (!window.confirm(t('chat.room.deleteConfirm'))) return
										void actions.onDelete(m).then(setActionError)
									}}
								>
									<input type="hidden" name="intent" value="delete" />
									<input type="hidden" name="messageId" value={m.id} />
									<button type="submit" className="link-button" data-testid="chat-delete">
										{t('chat.room.delete')}
									</button>
								</Form>
							</>
						) : null}
					</div>
				) : null}
			</article>
		</li>
	)
}

function Quote({ replyTo }: { replyTo: NonNullable<ChatMessage['replyTo']> }) {
	const { t } = useTranslation()
	return (
		<blockquote className="chat-quote">
			<a href={`#m-${replyTo.seq}`}>{t('chat.room.quote', { name: replyTo.senderName ?? '—' })}</a>
			<span className="chat-quote__text">{replyTo.excerpt || t('chat.room.quoteDeleted')}</span>
		</blockquote>
	)
}

type PendingProps = {
	pending: PendingMessage
	onRetry: (clientMsgId: string) => void
	onDiscard: (clientMsgId: string) => void
}

/** A line typed here and not yet acknowledged: shown at once, marked as waiting, retried with the same UUID. */
export function PendingMessageItem({ pending: p, onRetry, onDiscard }: PendingProps) {
	const { t } = useTranslation()
	const tk = t as unknown as Tk
	const refused = p.nextAttemptAt === null
	return (
		<li className="chat-line chat-line--mine chat-line--pending" data-testid="chat-message" data-state={refused ? 'failed' : 'pending'} data-client-id={p.clientMsgId}>
			<article className="chat-bubble">
				<header className="chat-bubble__head">
					<strong>{t('chat.room.you')}</strong> <span className="muted">{p.error ? (refused ? errorText(tk, p.error) : t('chat.room.failed')) : t('chat.room.sending')}</span>
				</header>
				{p.replyTo ? <Quote replyTo={p.replyTo} /> : null}
				<Markdown lite>{p.body}</Markdown>
				{p.error ? (
					<p className="chat-bubble__actions">
						<button type="button" className="link-button" onClick={() => onRetry(p.clientMsgId)}>
							{t('chat.room.retry')}
						</button>
						{refused ? (
							<button type="button" className="link-button" onClick={() => onDiscard(p.clientMsgId)}>
								{t('chat.room.discard')}
							</button>
						) : null}
					</p>
				) : null}
			</article>
		</li>
	)
}
