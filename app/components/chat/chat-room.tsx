import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, Link, useSearchParams } from 'react-router'
import { CHAT_BODY_MAX, type ChatErrorInfo, type ChatMessage, type PendingMessage } from '~/chat/messages'
import type { RoomActionData, RoomPageData } from '~/chat/pages.server'
import { useChatRoom, type ChatRoomState } from '~/chat/use-chat-room'
import { ChatMessageItem, errorText, PendingMessageItem, systemText, type MessageActions } from '~/components/chat/chat-message'
import type { AppLocale } from '~/locales'
import { formatDateTime } from '~/utils/format'

type Tk = (key: string, options?: Record<string, unknown>) => string

type Props = { data: RoomPageData; actionData: RoomActionData | undefined; locale: AppLocale }

/** The room's title: the deal's code and title, or the other people and what the conversation is about. */
export function roomTitle(tk: Tk, room: { kind: string; title: string; dealCode: string | null; others: Array<{ name: string }> }) {
	if (room.kind === 'DEAL') return `${room.dealCode ?? ''} · ${room.title}`
	return room.others.map((o) => o.name).join(', ') || tk('chat.rooms.direct')
}

export function ChatRoomPage(props: Props) {
	// The live client only on the newest page: an older page is an archive read with plain links.
	return props.data.latest ? <LiveRoom {...props} /> : <RoomView {...props} live={null} />
}

function LiveRoom(props: Props) {
	const { data } = props
	const live = useChatRoom({ roomId: data.room.id, me: data.me, initialMessages: data.messages, initialHasOlder: data.hasOlder, lastReadSeq: data.lastReadSeq })
	return <RoomView {...props} live={live} />
}

function RoomView({ data, actionData, locale, live }: Props & { live: ChatRoomState | null }) {
	const { t } = useTranslation()
	const tk = t as unknown as Tk
	const { room } = data
	const roomPath = `/messages/${room.id}`
	const messages = live?.messages ?? data.messages
	const hasOlder = live?.hasOlder ?? data.hasOlder
	// In place (no navigation) only with a live connection; until then links and forms do the work.
	const inPlace = Boolean(live?.hydrated && live.status === 'connected' && !live.removed)
	const queueing = Boolean(live?.hydrated && !live.removed)

	const [now, setNow] = useState(() => Date.parse(data.now))
	useEffect(() => {
		setNow(Date.now())
		const timer = setInterval(() => setNow(Date.now()), 30_000)
		return () => clearInterval(timer)
	}, [])
	const changeable = (m: ChatMessage) => m.kind === 'TEXT' && !m.deletedAt && m.sender?.id === data.me.id && now - Date.parse(m.createdAt) <= data.editWindowMs

	const [reply, setReply] = useState<PendingMessage['replyTo']>(null)
	const replyTo = queueing ? reply : (data.replyTo ?? null)

	const actions: MessageActions = {
		live: inPlace,
		replyInPlace: queueing,
		onReply: (m) => {
			setReply({ id: m.id, seq: m.seq, excerpt: m.body.slice(0, 140), senderName: m.sender?.name ?? null })
			document.getElementById('chat-body')?.focus()
		},
		onEdit: (m, body) => live!.edit(m.id, body),
		onDelete: (m) => live!.remove(m.id),
	}

	const keptEdit = actionData?.intent === 'edit' ? actionData : null
	const editing = (m: ChatMessage) =>
		keptEdit?.values.messageId === m.id ? { body: keptEdit.values.body, error: keptEdit.error } : data.editId === m.id ? { body: m.body, error: null } : null

	const online = live?.online ?? null
	const isOnline = (id: string) => (id === data.me.id ? live?.status === 'connected' : Boolean(online?.has(id)))

	return (
		<div className="page chat-page" data-testid="chat-room" data-room-id={room.id} data-live={live?.hydrated ? 'true' : undefined}>
			<p>
				<Link to="/messages">{t('chat.room.back')}</Link>
			</p>
			<header className="page-head">
				<div>
					<p className="meta-line">
						<span className="badge">{room.kind === 'DEAL' ? t('chat.rooms.deal', { code: room.dealCode ?? '' }) : t('chat.rooms.direct')}</span>
					</p>
					<h1 data-testid="chat-title">{roomTitle(tk, room)}</h1>
					{room.kind === 'DEAL' && room.dealId ? (
						<p>
							<Link to={`/deals/${room.dealId}`}>{t('chat.room.openDeal')}</Link>
						</p>
					) : room.context ? (
						<p className="muted">{room.context.href ? <Link to={room.context.href}>{room.context.title}</Link> : room.context.title}</p>
					) : null}
				</div>
			</header>

			{live?.status === 'disconnected' && !live.removed ? (
				<p className="notice notice--error" role="status" data-testid="chat-offline">
					{t('chat.room.disconnected')}
				</p>
			) : null}
			{live?.reconnected ? (
				<p className="notice notice--success" role="status" data-testid="chat-reconnected">
					{t('chat.room.reconnected')}
				</p>
			) : null}
			{live?.removed ? (
				<p className="notice notice--error" role="alert" data-testid="chat-removed">
					{t('chat.room.removedFromRoom')}
				</p>
			) : null}
			{live?.error ? (
				<p className="notice notice--error" role="alert">
					{errorText(tk, live.error)}
				</p>
			) : null}

			<div className="chat-layout">
				<section className="card chat-main" aria-labelledby="chat-log-title">
					<h2 id="chat-log-title" className="visually-hidden">
						{t('chat.room.log')}
					</h2>
					<div
						className={live?.hydrated ? 'chat-log chat-log--scroll' : 'chat-log'}
						role="log"
						aria-labelledby="chat-log-title"
						// A scrolling region keyboard users can reach to scroll it.
						tabIndex={live?.hydrated ? 0 : undefined}
						ref={(el) => {
							if (live) live.logRef.current = el
						}}
						onScroll={live?.onScroll}
						data-testid="chat-log"
					>
						<p className="chat-log__edge">
							{hasOlder && messages[0] ? (
								<Link
									to={`${roomPath}?before=${messages[0].seq}`}
									onClick={(event) => {
										if (!live?.hydrated) return
										event.preventDefault()
										live.loadOlder()
									}}
									data-testid="chat-older"
								>
									{live?.loadingOlder ? t('chat.room.loadingOlder') : t('chat.room.older')}
								</Link>
							) : (
								<span className="muted">{t('chat.room.beginning')}</span>
							)}
						</p>
						<ol className="chat-log__list" data-testid="chat-messages">
							{messages.map((m) => (
								<ChatMessageItem
									key={m.seq}
									message={m}
									meId={data.me.id}
									locale={locale}
									roomPath={roomPath}
									changeable={changeable(m)}
									editing={editing(m)}
									actions={actions}
									highlight={data.at === m.seq}
								/>
							))}
							{live?.pending.map((p) => <PendingMessageItem key={p.clientMsgId} pending={p} onRetry={live.retry} onDiscard={live.discard} />)}
						</ol>
						{!data.latest ? (
							<p className="chat-log__edge actions-row">
								{messages.length > 0 ? (
									<Link to={`${roomPath}?before=${messages[messages.length - 1]!.seq + 51}`} data-testid="chat-newer">
										{t('chat.room.newer')}
									</Link>
								) : null}
								<Link to={roomPath}>{t('chat.room.latest')}</Link>
							</p>
						) : null}
					</div>
					<p className="chat-typing" aria-live="polite" data-testid="chat-typing">
						{live?.typing.map((x) => t('chat.room.typing', { name: x.name })).join(' ')}
					</p>
					{live?.removed ? null : (
						<>
							<Composer data={data} actionData={actionData} live={queueing ? live : null} replyTo={replyTo} onCancelReply={() => setReply(null)} roomPath={roomPath} />
							<AttachForm clientMsgId={data.fileClientMsgId} roomPath={roomPath} />
						</>
					)}
				</section>

				<aside className="stack">
					<section className="card chat-members" aria-labelledby="chat-members-title" data-testid="chat-members">
						<h2 id="chat-members-title">{t('chat.room.members')}</h2>
						{online ? (
							<p className="muted" data-testid="chat-online-count">
								{t('chat.room.onlineCount', { count: room.members.filter((m) => isOnline(m.id)).length })}
							</p>
						) : (
							<p className="muted">{t('chat.room.presenceUnknown')}</p>
						)}
						<ul className="plain-list">
							{room.members.map((m) => {
								const state = online ? (isOnline(m.id) ? 'online' : 'offline') : null
								return (
									<li key={m.id} data-testid="chat-member" data-user-id={m.id} data-online={state ?? undefined}>
										{state ? <span className={`presence presence--${state}`} aria-hidden="true" /> : null}
										{m.id === data.me.id ? `${m.name} (${t('chat.room.you')})` : m.name}
										{m.source === 'BROKER' ? <span className="badge badge--muted">{t('chat.room.broker')}</span> : m.isOwner ? <span className="badge badge--muted">{t('chat.room.owner')}</span> : null}
										{state ? <span className="visually-hidden"> · {t(`chat.room.${state}`)}</span> : null}
										{room.canManage && m.id !== data.me.id ? (
											<Form method="post" action={roomPath} reloadDocument className="inline-form">
												<input type="hidden" name="intent" value="removeMember" />
												<input type="hidden" name="userId" value={m.id} />
												<button type="submit" className="button button--small button--ghost" data-testid="chat-remove-member">
													{t('chat.room.remove')}
												</button>
											</Form>
										) : null}
									</li>
								)
							})}
						</ul>
						{actionData && ['addMember', 'removeMember', 'leave'].includes(actionData.intent ?? '') ? (
							<p className="field-errors" role="alert" data-testid="chat-members-error">
								{errorText(tk, actionData.error)}
							</p>
						) : null}
						{room.canManage ? (
							<Form method="post" action={roomPath} reloadDocument className="stack" data-testid="chat-add-member">
								<input type="hidden" name="intent" value="addMember" />
								<label htmlFor="chat-add-email">{t('chat.room.addMember')}</label>
								<input id="chat-add-email" type="email" name="email" required maxLength={254} defaultValue={actionData?.intent === 'addMember' ? actionData.values.email : ''} />
								<p className="actions-row">
									<button type="submit" className="button button--small">
										{t('chat.room.add')}
									</button>
								</p>
							</Form>
						) : null}
						<Form method="post" action={roomPath} reloadDocument>
							<input type="hidden" name="intent" value="leave" />
							<button type="submit" className="button button--small button--ghost" data-testid="chat-leave">
								{t('chat.room.leave')}
							</button>
						</Form>
					</section>
					<section className="card" aria-labelledby="chat-search-title">
						<h2 id="chat-search-title">{t('chat.room.search')}</h2>
						<Form method="get" action={roomPath} role="search" className="stack chat-search">
							<label htmlFor="chat-room-q" className="visually-hidden">
								{t('chat.room.search')}
							</label>
							<input id="chat-room-q" type="search" name="q" defaultValue={data.q} placeholder={t('chat.rooms.searchPlaceholder')} maxLength={200} />
							<p className="actions-row">
								<button type="submit" className="button button--small">
									{t('chat.room.searchSubmit')}
								</button>
								{data.q ? <Link to={roomPath}>{t('chat.room.clearSearch')}</Link> : null}
							</p>
						</Form>
						{data.q ? (
							data.results.length === 0 ? (
								<p className="muted" data-testid="chat-room-no-results">
									{t('chat.room.noResults')}
								</p>
							) : (
								<ol className="plain-list chat-results" data-testid="chat-room-results">
									{data.results.map((m) => (
										<li key={m.id}>
											<Link to={`${roomPath}?at=${m.seq}#m-${m.seq}`}>{m.kind === 'SYSTEM' ? systemText(tk, m.body) : m.body.slice(0, 140)}</Link>
											<br />
											<span className="muted">
												{m.sender?.name ?? t('chat.room.systemSender')} · {formatDateTime(m.createdAt, locale)}
											</span>
										</li>
									))}
								</ol>
							)
						) : null}
					</section>
				</aside>
			</div>
		</div>
	)
}

/**
 * A file sent as a message: a plain multipart form (a whole-document post, with or without
 * JavaScript) to /messages/:roomId/files, which checks it by content and answers with a redirect,
 * carrying ?uploadError=<key> when it was refused.
 */
function AttachForm({ clientMsgId, roomPath }: { clientMsgId: string; roomPath: string }) {
	const { t } = useTranslation()
	const tk = t as unknown as Tk
	const [params] = useSearchParams()
	const refused = params.get('uploadError')
	return (
		<form method="post" action={`${roomPath}/files`} encType="multipart/form-data" className="chat-attach" data-testid="chat-attach">
			<input type="hidden" name="clientMsgId" value={clientMsgId} />
			<label htmlFor="chat-file">{t('chat.room.attach')}</label>
			<input id="chat-file" type="file" name="file" required aria-invalid={refused ? true : undefined} aria-describedby={refused ? 'chat-file-error' : undefined} />
			<label htmlFor="chat-file-body">{t('chat.room.attachNote')}</label>
			<input id="chat-file-body" type="text" name="body" maxLength={CHAT_BODY_MAX} />
			{refused && /^(uploads|chat)\.errors\.\w+$/.test(refused) ? (
				<p id="chat-file-error" className="field-errors" role="alert" data-testid="chat-file-error">
					{tk(refused, { max: CHAT_BODY_MAX, minutes: 15 })}
				</p>
			) : null}
			<button type="submit" className="button button--ghost">
				{t('chat.room.sendFile')}
			</button>
		</form>
	)
}

type ComposerProps = {
	data: RoomPageData
	actionData: RoomActionData | undefined
	live: ChatRoomState | null
	replyTo: PendingMessage['replyTo']
	onCancelReply: () => void
	roomPath: string
}

function Composer({ data, actionData, live, replyTo, onCancelReply, roomPath }: ComposerProps) {
	const { t } = useTranslation()
	const tk = t as unknown as Tk
	const kept = actionData?.intent === 'send' ? actionData : null
	const [error, setError] = useState<ChatErrorInfo | null>(null)
	const shown = error ?? kept?.error ?? null
	const textarea = useRef<HTMLTextAreaElement>(null)

	function onSubmit(event: FormEvent<HTMLFormElement>) {
		if (!live) return
		// With JavaScript the line goes through the queue (socket, retries, offline); the form is the fallback.
		event.preventDefault()
		const body = textarea.current?.value ?? ''
		const problem = live.send(body, replyTo)
		setError(problem)
		if (problem) return
		if (textarea.current) textarea.current.value = ''
		onCancelReply()
	}

	function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
		// Enter sends, Shift+Enter breaks the line; never while an input method is composing (Vietnamese Telex/VNI).
		if (!live || event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return
		event.preventDefault()
		event.currentTarget.form?.requestSubmit()
	}

	return (
		<Form method="post" action={roomPath} id="composer" className="chat-composer" onSubmit={onSubmit} data-testid="chat-composer">
			<input type="hidden" name="intent" value="send" />
			<input type="hidden" name="clientMsgId" value={data.clientMsgId} />
			{replyTo ? (
				<div className="chat-replying" data-testid="chat-replying">
					<input type="hidden" name="replyToId" value={replyTo.id} />
					<span>{t('chat.room.replyingTo', { name: replyTo.senderName ?? '—' })}:</span> <q>{replyTo.excerpt}</q>{' '}
					<Link
						to={`${roomPath}#composer`}
						onClick={(event) => {
							if (!live) return
							event.preventDefault()
							onCancelReply()
						}}
					>
						{t('chat.room.cancelReply')}
					</Link>
				</div>
			) : null}
			<label htmlFor="chat-body">{t('chat.room.compose')}</label>
			<textarea
				ref={textarea}
				id="chat-body"
				name="body"
				rows={3}
				maxLength={CHAT_BODY_MAX}
				defaultValue={kept?.values.body ?? ''}
				aria-invalid={shown ? true : undefined}
				aria-describedby={shown ? 'chat-body-hint chat-body-error' : 'chat-body-hint'}
				onKeyDown={onKeyDown}
				onInput={() => {
					if (error) setError(null)
					live?.notifyTyping()
				}}
				data-testid="chat-body"
			/>
			<p id="chat-body-hint" className="field-hint">
				{t('chat.room.composeHint')}
			</p>
			{shown ? (
				<p id="chat-body-error" className="field-errors" role="alert" data-testid="chat-error">
					{errorText(tk, shown)}
				</p>
			) : null}
			<p className="actions-row">
				<button type="submit" className="button" data-testid="chat-send">
					{t('chat.room.send')}
				</button>
			</p>
		</Form>
	)
}
