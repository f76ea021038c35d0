import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Form, Link, useRevalidator } from 'react-router'
import type { Route } from './+types/index'
import { roomsPage } from '~/chat/pages.server'
import { roomTitle } from '~/components/chat/chat-room'
import { systemText } from '~/components/chat/chat-message'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { isLocale } from '~/locales'
import { useSocket, useSocketEvent } from '~/realtime/use-socket'
import { useRootData } from '~/root'
import { formatDateTime } from '~/utils/format'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'chat.rooms.title')

export function loader({ request }: Route.LoaderArgs) {
	return roomsPage(request)
}

type Tk = (key: string, options?: Record<string, unknown>) => string

export default function MessagesPage({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const tk = t as unknown as Tk
	const root = useRootData()
	const locale = isLocale(root?.locale) ? root.locale : 'vi'
	const { rooms, q, results } = loaderData

	// A new line anywhere reorders the list and its counts: the loader is the one place that knows them.
	// Coalesced, so a burst of lines reloads once.
	const socket = useSocket()
	const revalidator = useRevalidator()
	const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
	const refresh = () => {
		clearTimeout(timer.current)
		timer.current = setTimeout(() => void revalidator.revalidate(), 300)
	}
	useEffect(() => () => clearTimeout(timer.current), [])
	useSocketEvent(socket, 'chat:message', refresh)
	useSocketEvent(socket, 'chat:added', refresh)
	useSocketEvent(socket, 'chat:removed', refresh)

	return (
		<div className="page">
			<h1>{t('chat.rooms.title')}</h1>
			<Form method="get" role="search" className="chat-search actions-row" action="/messages">
				<label htmlFor="messages-q" className="visually-hidden">
					{t('chat.rooms.search')}
				</label>
				<input id="messages-q" type="search" name="q" defaultValue={q} placeholder={t('chat.rooms.searchPlaceholder')} maxLength={200} data-testid="messages-q" />
				<button type="submit" className="button button--small">
					{t('chat.rooms.searchSubmit')}
				</button>
				{q ? <Link to="/messages">{t('chat.rooms.clearSearch')}</Link> : null}
			</Form>

			{q ? (
				<section className="card" aria-labelledby="messages-results-title" data-testid="messages-results">
					<h2 id="messages-results-title">{t('chat.rooms.searchResults')}</h2>
					{results.length === 0 ? (
						<p className="muted">{t('chat.rooms.noResults')}</p>
					) : (
						<>
							<p className="muted">{t('chat.rooms.resultsCount', { count: results.length })}</p>
							<ol className="plain-list chat-results">
								{results.map(({ message: m, room }) => (
									<li key={m.id} data-testid="messages-result">
										<Link to={`/messages/${m.roomId}?at=${m.seq}#m-${m.seq}`}>{m.kind === 'SYSTEM' ? systemText(tk, m.body) : m.body.slice(0, 160)}</Link>
										<br />
										<span className="muted">
											{room ? roomTitle(tk, room) : ''} · {m.sender?.name ?? t('chat.room.systemSender')} · {formatDateTime(m.createdAt, locale)}
										</span>
									</li>
								))}
							</ol>
						</>
					)}
				</section>
			) : null}

			{rooms.length === 0 ? (
				<p className="empty">{t('chat.rooms.empty')}</p>
			) : (
				<ul className="plain-list chat-rooms" data-testid="chat-rooms">
					{rooms.map((room) => (
						<li key={room.id} className={room.unread > 0 ? 'chat-room-item chat-room-item--unread' : 'chat-room-item'} data-testid="chat-room-item" data-room-id={room.id}>
							<Link to={`/messages/${room.id}`} className="chat-room-item__link">
								<span className="badge">{room.kind === 'DEAL' ? t('chat.rooms.deal', { code: room.dealCode ?? '' }) : t('chat.rooms.direct')}</span>
								<strong className="chat-room-item__title">{room.kind === 'DEAL' ? room.title : roomTitle(tk, room)}</strong>
								{room.kind === 'DIRECT' && room.title ? <span className="muted"> · {room.title}</span> : null}
								{room.kind === 'DEAL' && room.others.length > 0 ? <span className="muted"> · {t('chat.rooms.with', { names: room.others.map((o) => o.name).join(', ') })}</span> : null}
							</Link>
							<span className="chat-room-item__meta">
								{room.lastMessageAt ? <span className="muted">{t('chat.rooms.lastActivity', { when: formatDateTime(room.lastMessageAt, locale) })}</span> : null}
								{room.unread > 0 ? (
									<span className="badge badge--warn" data-testid="chat-room-unread">
										{t('chat.rooms.unread', { count: room.unread })}
									</span>
								) : null}
							</span>
						</li>
					))}
				</ul>
			)}
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
