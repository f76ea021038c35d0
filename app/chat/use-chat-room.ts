import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useFetcher } from 'react-router'
import { setOpenRoom } from './open-room'
import {
	checkDraft,
	isTransient,
	lastSeqOf,
	mergeMessages,
	newClientMsgId,
	readPending,
	retryDelay,
	writePending,
	type ChatErrorInfo,
	type ChatMessage,
	type PendingMessage,
} from './messages'
import { useSocket, useSocketConnect, useSocketEvent, type AppSocket } from '~/realtime/use-socket'

// The live side of a room page. The page is complete without it (history and plain forms); with
// it, a message goes over the socket with a UUID made here, shows at once as pending, waits in
// localStorage until the server acknowledges it (so a reload or a closed tab does not lose it) and
// is retried with the same UUID, which the server stores once. Every (re)connect asks for what came
// after the last sequence number held, and everything merges by sequence: no duplicates, in order.

const ACK_TIMEOUT_MS = 15_000
const TYPING_SHOWN_MS = 4_000
const TYPING_EVERY_MS = 2_000
const SYNC_ROUNDS = 10

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected'

type Options = {
	roomId: string
	me: { id: string; name: string }
	initialMessages: ChatMessage[]
	initialHasOlder: boolean
	lastReadSeq: number
}

function storage(): Storage | null {
	try {
		return typeof window === 'undefined' ? null : window.localStorage
	} catch {
		return null
	}
}

/** A refusal from an ack as something to translate; anything else is a server error. */
function errorInfo(error: { message: string; params?: Record<string, string | number> }): ChatErrorInfo {
	return error.message.startsWith('chat.') ? { key: error.message, ...(error.params ? { params: error.params } : {}) } : { key: 'chat.errors.server' }
}

export function useChatRoom({ roomId, me, initialMessages, initialHasOlder, lastReadSeq }: Options) {
	const socket = useSocket(true)
	const socketRef = useRef<AppSocket | null>(null)
	useEffect(() => {
		socketRef.current = socket
	}, [socket])

	// ── Messages, merged by seq. The ref is the truth the socket callbacks read; state renders it.
	const [messages, setMessages] = useState(initialMessages)
	const messagesRef = useRef(initialMessages)
	const apply = useCallback((incoming: readonly ChatMessage[]) => {
		const next = mergeMessages(messagesRef.current, incoming)
		if (next === messagesRef.current) return
		messagesRef.current = next
		setMessages(next)
	}, [])
	// A revalidation of the same page (a search, a plain-form post) brings its own copy: merged, not replacing.
	const [seenInitial, setSeenInitial] = useState(initialMessages)
	if (seenInitial !== initialMessages) {
		setSeenInitial(initialMessages)
		const next = mergeMessages(messagesRef.current, initialMessages)
		messagesRef.current = next
		setMessages(next)
	}

	// ── Unsent messages, kept per person and room.
	const [pending, setPending] = useState<PendingMessage[]>([])
	const pendingRef = useRef<PendingMessage[]>([])
	const loaded = useRef(false)
	const acked = useRef(new Set<string>())
	const inflight = useRef(new Set<string>())
	// Every id this tab has held, so one it dropped is not taken back from storage as another tab's.
	const known = useRef(new Set<string>())
	const updatePending = useCallback(
		(fn: (current: PendingMessage[]) => PendingMessage[]) => {
			const next = fn(pendingRef.current)
			if (next === pendingRef.current) return
			pendingRef.current = next
			setPending(next)
			if (!loaded.current) return
			// Another tab's queue for the same room is kept: only what this tab knows of is rewritten.
			const mine = new Set(next.map((p) => p.clientMsgId))
			const foreign = readPending(storage(), me.id, roomId).filter((p) => !mine.has(p.clientMsgId) && !acked.current.has(p.clientMsgId) && !known.current.has(p.clientMsgId))
			writePending(storage(), me.id, roomId, [...foreign, ...next])
		},
		[me.id, roomId],
	)
	useEffect(() => {
		const stored = readPending(storage(), me.id, roomId)
		const held = new Set(messagesRef.current.map((m) => m.clientMsgId))
		loaded.current = true
		for (const p of stored) known.current.add(p.clientMsgId)
		// Stored but already in the history: the ack was lost on the way, the message is there.
		updatePending(() => stored.filter((p) => !held.has(p.clientMsgId)).map((p) => ({ ...p, nextAttemptAt: p.nextAttemptAt === null ? null : Date.now() })))
	}, [me.id, roomId, updatePending])

	const settle = useCallback(
		(message: ChatMessage) => {
			acked.current.add(message.clientMsgId)
			apply([message])
			updatePending((ps) => (ps.some((p) => p.clientMsgId === message.clientMsgId) ? ps.filter((p) => p.clientMsgId !== message.clientMsgId) : ps))
		},
		[apply, updatePending],
	)

	// ── Connection state, for the banner.
	const [status, setStatus] = useState<ConnectionStatus>('connecting')
	const [reconnected, setReconnected] = useState(false)
	const wasDown = useRef(false)
	useEffect(() => {
		if (!socket) return
		const up = () => {
			setStatus('connected')
			if (wasDown.current) setReconnected(true)
			wasDown.current = false
		}
		const down = () => {
			wasDown.current = true
			setReconnected(false)
			setStatus('disconnected')
		}
		socket.on('connect', up)
		socket.on('disconnect', down)
		socket.on('connect_error', down)
		if (socket.connected) up()
		return () => {
			socket.off('connect', up)
			socket.off('disconnect', down)
			socket.off('connect_error', down)
		}
	}, [socket])
	useEffect(() => {
		if (!reconnected) return
		const timer = setTimeout(() => setReconnected(false), 4_000)
		return () => clearTimeout(timer)
	}, [reconnected])

	const [error, setError] = useState<ChatErrorInfo | null>(null)
	const [removed, setRemoved] = useState(false)
	const [online, setOnline] = useState<Set<string> | null>(null)

	// ── Sending and retrying.
	const attempt = useCallback(
		(p: PendingMessage) => {
			const s = socketRef.current
			if (!s?.connected || inflight.current.has(p.clientMsgId)) return
			inflight.current.add(p.clientMsgId)
			const retryLater = (info: ChatErrorInfo, delay?: number) =>
				updatePending((ps) =>
					ps.map((x) => (x.clientMsgId === p.clientMsgId ? { ...x, attempts: x.attempts + 1, nextAttemptAt: Date.now() + (delay ?? retryDelay(x.attempts + 1)), error: info } : x)),
				)
			s.timeout(ACK_TIMEOUT_MS).emit('chat:send', { roomId, clientMsgId: p.clientMsgId, body: p.body, replyToId: p.replyTo?.id ?? null }, (err, response) => {
				inflight.current.delete(p.clientMsgId)
				if (err) return retryLater({ key: 'chat.errors.timeout' })
				if ('data' in response) return settle(response.data.message)
				const info = errorInfo(response.error)
				if (response.error.code === 'RATE_LIMITED') return retryLater(info, Number(response.error.params?.seconds ?? 30) * 1_000)
				if (isTransient(response.error.code)) return retryLater(info)
				if (response.error.code === 'NOT_FOUND' && info.key === 'chat.errors.notFound') setRemoved(true)
				// Refused for what it says: it waits for the person to change or drop it.
				updatePending((ps) => ps.map((x) => (x.clientMsgId === p.clientMsgId ? { ...x, attempts: x.attempts + 1, nextAttemptAt: null, error: info } : x)))
			})
		},
		[roomId, settle, updatePending],
	)

	// One timer for the earliest retry due, while connected.
	const [tick, setTick] = useState(0)
	useEffect(() => {
		if (status !== 'connected') return
		const now = Date.now()
		let next = Infinity
		for (const p of pending) {
			if (p.nextAttemptAt === null || inflight.current.has(p.clientMsgId)) continue
			if (p.nextAttemptAt <= now) attempt(p)
			else next = Math.min(next, p.nextAttemptAt)
		}
		if (next === Infinity) return
		const timer = setTimeout(() => setTick((n) => n + 1), next - now)
		return () => clearTimeout(timer)
	}, [pending, status, attempt, tick])

	const send = useCallback(
		(body: string, replyTo: PendingMessage['replyTo']): ChatErrorInfo | null => {
			const problem = checkDraft(body)
			if (problem) return problem
			const clientMsgId = newClientMsgId()
			known.current.add(clientMsgId)
			updatePending((ps) => [...ps, { clientMsgId, body: body.trim(), replyTo, createdAt: new Date().toISOString(), attempts: 0, nextAttemptAt: Date.now(), error: null }])
			return null
		},
		[updatePending],
	)
	const retry = useCallback((clientMsgId: string) => updatePending((ps) => ps.map((p) => (p.clientMsgId === clientMsgId ? { ...p, nextAttemptAt: Date.now(), error: null } : p))), [updatePending])
	const discard = useCallback((clientMsgId: string) => updatePending((ps) => ps.filter((p) => p.clientMsgId !== clientMsgId)), [updatePending])

	// ── Catching up on every (re)connect: what came after the last seq held, then who is online.
	useSocketConnect(socket, (s) => {
		void (async () => {
			for (let round = 0; round < SYNC_ROUNDS; round++) {
				const response = await s
					.timeout(ACK_TIMEOUT_MS)
					.emitWithAck('chat:sync', { roomId, afterSeq: lastSeqOf(messagesRef.current) })
					.catch(() => null)
				if (!response) return
				if ('error' in response) {
					if (response.error.code === 'NOT_FOUND') setRemoved(true)
					else setError(errorInfo(response.error))
					return
				}
				const got: ChatMessage[] = response.data.messages
				apply(got)
				const mineIds = new Set(got.filter((m) => m.sender?.id === me.id).map((m) => m.clientMsgId))
				if (mineIds.size > 0) {
					for (const id of mineIds) acked.current.add(id)
					updatePending((ps) => ps.filter((p) => !mineIds.has(p.clientMsgId)))
				}
				if (!response.data.hasMore) break
			}
		})()
		s.timeout(ACK_TIMEOUT_MS)
			.emitWithAck('chat:presence', { roomId })
			.then((response) => {
				if ('data' in response) setOnline(new Set(response.data.online))
			})
			.catch(() => {})
		// Back online: everything waiting goes now rather than after its backoff.
		updatePending((ps) => (ps.some((p) => p.nextAttemptAt !== null) ? ps.map((p) => (p.nextAttemptAt === null ? p : { ...p, nextAttemptAt: Date.now() })) : ps))
	})

	// ── Live events for this room.
	const [typing, setTyping] = useState<Array<{ userId: string; name: string; until: number }>>([])
	useSocketEvent(socket, 'chat:message', (message) => {
		if (message.roomId !== roomId) return
		if (message.sender?.id === me.id) settle(message)
		else {
			apply([message])
			if (message.sender) setTyping((ts) => ts.filter((x) => x.userId !== message.sender!.id))
		}
	})
	useSocketEvent(socket, 'chat:changed', (message) => {
		if (message.roomId === roomId) apply([message])
	})
	useSocketEvent(socket, 'chat:typing', (payload) => {
		if (payload.roomId !== roomId || payload.userId === me.id) return
		setTyping((ts) => [...ts.filter((x) => x.userId !== payload.userId), { userId: payload.userId, name: payload.name, until: Date.now() + TYPING_SHOWN_MS }])
	})
	useSocketEvent(socket, 'chat:online', (payload) => {
		if (payload.roomId !== roomId) return
		setOnline((current) => {
			const next = new Set(current ?? [])
			if (payload.online) next.add(payload.userId)
			else next.delete(payload.userId)
			return next
		})
	})
	useSocketEvent(socket, 'chat:removed', (payload) => {
		if (payload.roomId === roomId) setRemoved(true)
	})
	useEffect(() => {
		if (typing.length === 0) return
		const soonest = Math.min(...typing.map((x) => x.until))
		const timer = setTimeout(() => setTyping((ts) => ts.filter((x) => x.until > Date.now())), Math.max(50, soonest - Date.now()))
		return () => clearTimeout(timer)
	}, [typing])

	const lastTyping = useRef(0)
	const notifyTyping = useCallback(() => {
		const now = Date.now()
		if (now - lastTyping.current < TYPING_EVERY_MS) return
		lastTyping.current = now
		socketRef.current?.emit('chat:typing', { roomId })
	}, [roomId])

	// ── Edits and deletes of one's own lines.
	const change = useCallback(
		async (event: 'chat:edit' | 'chat:delete', payload: { messageId: string; body?: string }): Promise<ChatErrorInfo | null> => {
			const s = socketRef.current
			if (!s?.connected) return { key: 'chat.room.disconnected' }
			try {
				const response =
					event === 'chat:edit'
						? await s.timeout(ACK_TIMEOUT_MS).emitWithAck('chat:edit', { messageId: payload.messageId, body: payload.body ?? '' })
						: await s.timeout(ACK_TIMEOUT_MS).emitWithAck('chat:delete', { messageId: payload.messageId })
				if ('error' in response) return errorInfo(response.error)
				apply([response.data.message])
				return null
			} catch {
				return { key: 'chat.errors.timeout' }
			}
		},
		[apply],
	)
	const edit = useCallback(
		(messageId: string, body: string) => {
			const problem = checkDraft(body)
			return problem ? Promise.resolve(problem) : change('chat:edit', { messageId, body })
		},
		[change],
	)
	const remove = useCallback((messageId: string) => change('chat:delete', { messageId }), [change])

	// ── Older pages, loaded by the route's own loader as the reader scrolls up.
	const older = useFetcher<{ messages: ChatMessage[]; hasOlder: boolean }>()
	const [hasOlder, setHasOlder] = useState(initialHasOlder)
	const logRef = useRef<HTMLElement | null>(null)
	const keepScroll = useRef<{ height: number; top: number } | null>(null)
	const loadOlder = useCallback(() => {
		if (older.state !== 'idle' || !hasOlder) return
		const first = messagesRef.current[0]?.seq
		if (!first) return
		older.load(`/messages/${roomId}?before=${first}`)
	}, [older, hasOlder, roomId])
	const [olderSeen, setOlderSeen] = useState<typeof older.data>(undefined)
	if (older.data && older.data !== olderSeen) {
		setOlderSeen(older.data)
		const el = logRef.current
		if (el) keepScroll.current = { height: el.scrollHeight, top: el.scrollTop }
		const next = mergeMessages(messagesRef.current, older.data.messages)
		messagesRef.current = next
		setMessages(next)
		setHasOlder(older.data.hasOlder)
	}

	// ── Scrolling: older lines keep the reader's place; new ones follow the reader who was at the bottom.
	const [atBottom, setAtBottom] = useState(true)
	const stuck = useRef(true)
	const onScroll = useCallback(() => {
		const el = logRef.current
		if (!el) return
		const bottom = el.scrollHeight - el.scrollTop - el.clientHeight < 48
		stuck.current = bottom
		setAtBottom(bottom)
		if (el.scrollTop < 80) loadOlder()
	}, [loadOlder])
	useLayoutEffect(() => {
		const el = logRef.current
		if (!el) return
		if (keepScroll.current) {
			el.scrollTop = el.scrollHeight - keepScroll.current.height + keepScroll.current.top
			keepScroll.current = null
			return
		}
		if (stuck.current) el.scrollTop = el.scrollHeight
	}, [messages, pending])

	// ── Read state: the newest line counts as read once the reader is at the bottom of a tab in front.
	const [visible, setVisible] = useState(true)
	useEffect(() => {
		const update = () => setVisible(document.visibilityState === 'visible')
		update()
		document.addEventListener('visibilitychange', update)
		return () => document.removeEventListener('visibilitychange', update)
	}, [])
	const readSent = useRef(lastReadSeq)
	useEffect(() => {
		const top = lastSeqOf(messages)
		if (status !== 'connected' || !visible || !atBottom || top <= readSent.current) return
		readSent.current = top
		socketRef.current?.emit('chat:read', { roomId, seq: top })
	}, [messages, status, visible, atBottom, roomId])

	// The header counts a new line unless the reader is following this room (at its bottom): a reader
	// scrolled up to older lines has not seen it, and no read is sent for it yet.
	useEffect(() => {
		setOpenRoom(atBottom ? roomId : null)
		return () => setOpenRoom(null)
	}, [roomId, atBottom])

	return {
		messages,
		pending,
		hasOlder,
		loadingOlder: older.state !== 'idle',
		loadOlder,
		send,
		retry,
		discard,
		edit,
		remove,
		notifyTyping,
		typing,
		online,
		status,
		reconnected,
		removed,
		error,
		clearError: () => setError(null),
		logRef,
		onScroll,
		hydrated: socket !== null,
	}
}

export type ChatRoomState = ReturnType<typeof useChatRoom>
