import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useRouteLoaderData } from 'react-router'
import { useSocket, useSocketConnect, useSocketEvent } from '~/realtime/use-socket'

/** The bell with the unread count; the realtime client keeps the count live. */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
	const { t } = useTranslation()
	const [unread, setUnread] = useState(initialUnread)
	const [announcement, setAnnouncement] = useState('')

	// Loader data is the server's latest word: every revalidation (navigation, form post) resets the
	// count to it, even when the number itself is unchanged but a live update moved the badge.
	const rootData = useRouteLoaderData('root')
	const [synced, setSynced] = useState({ initialUnread, rootData })
	if (synced.initialUnread !== initialUnread || synced.rootData !== rootData) {
		setSynced({ initialUnread, rootData })
		setUnread(initialUnread)
	}

	const socket = useSocket()
	useSocketEvent(socket, 'notification:new', (payload) => {
		setUnread(payload.unread)
		setAnnouncement(t('notifications.live.new', { title: payload.title ?? t('notifications.unknownKind') }))
	})
	useSocketEvent(socket, 'notification:unread', (payload) => setUnread(payload.unread))
	// Pushes missed while disconnected are not replayed; the count is fetched again instead.
	useSocketConnect(socket, (connected) => {
		connected.emit('notification:count', (response) => {
			if ('data' in response) setUnread(response.data.unread)
		})
	})

	// Cleared after a while, so the same text arriving twice is announced twice.
	useEffect(() => {
		if (!announcement) return
		const timer = setTimeout(() => setAnnouncement(''), 8_000)
		return () => clearTimeout(timer)
	}, [announcement])

	return (
		<>
			<Link to="/me/notifications" className="bell" aria-label={t('nav.notificationsCount', { count: unread })} data-testid="bell">
				<svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
					<path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
					<path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
				</svg>
				{unread > 0 ? (
					<span className="bell__badge" data-testid="bell-count">
						{unread > 99 ? '99+' : unread}
					</span>
				) : null}
			</Link>
			<span role="status" aria-live="polite" aria-atomic="true" className="visually-hidden" data-testid="bell-live">
				{announcement}
			</span>
		</>
	)
}
