import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink, useRouteLoaderData } from 'react-router'
import { isViewingRoom } from '~/chat/open-room'
import { useSocket, useSocketConnect, useSocketEvent, type AppSocket } from '~/realtime/use-socket'

/** "Tin nhắn" in the header with the unread count over all the reader's rooms, kept live. */
export function ChatNavLink({ initialUnread, userId }: { initialUnread: number; userId: string }) {
	const { t } = useTranslation()
	const [unread, setUnread] = useState(initialUnread)

	// As with the bell: every revalidation of the root resets the count to the server's word.
	const rootData = useRouteLoaderData('root')
	const [synced, setSynced] = useState({ initialUnread, rootData })
	if (synced.initialUnread !== initialUnread || synced.rootData !== rootData) {
		setSynced({ initialUnread, rootData })
		setUnread(initialUnread)
	}

	const socket = useSocket()
	// The server's total, asked for again: only the answer to the latest question counts, so an
	// earlier answer overtaken by events cannot set the badge back.
	const asked = useRef(0)
	const ask = useCallback((s: AppSocket | null) => {
		if (!s?.connected) return
		const question = ++asked.current
		s.emit('chat:unread', (response) => {
			if (question === asked.current && 'data' in response) setUnread(response.data.unread)
		})
	}, [])
	const reconcile = useRef<ReturnType<typeof setTimeout>>(undefined)
	useEffect(() => () => clearTimeout(reconcile.current), [])

	// A line from someone else counts at once, unless the reader is looking at its room (that room
	// marks it read and the server sends the new total). The count is then checked with the server:
	// a total fetched a moment earlier may already have included this line.
	useSocketEvent(socket, 'chat:message', (message) => {
		if (message.sender?.id === userId || isViewingRoom(message.roomId)) return
		setUnread((n) => n + 1)
		clearTimeout(reconcile.current)
		reconcile.current = setTimeout(() => ask(socket), 250)
	})
	useSocketEvent(socket, 'chat:unread', (payload) => {
		// A pushed total is newer than any answer still on its way.
		asked.current++
		setUnread(payload.unread)
	})
	// Lines that arrived while disconnected were not pushed; the total is asked for again instead.
	useSocketConnect(socket, ask)
	// The root loader counts in parallel with the page's own loader, and a room page marks itself
	// read: after each navigation the total is asked for again, once both have finished.
	useEffect(() => ask(socket), [socket, rootData, ask])

	return (
		<NavLink to="/messages" className="chat-nav" aria-label={unread > 0 ? `${t('chat.nav')} (${t('chat.unreadBadge', { count: unread })})` : undefined} data-testid="chat-nav">
			{t('chat.nav')}
			{unread > 0 ? (
				<span className="nav-badge" data-testid="chat-unread">
					{unread > 99 ? '99+' : unread}
				</span>
			) : null}
		</NavLink>
	)
}
