import type { Socket } from 'socket.io'
import {
	ChatError,
	deleteMessage,
	editMessage,
	history,
	isMember,
	markRead,
	memberIds,
	roomIdsOf,
	sendMessage,
	setChatBroadcaster,
	totalUnread,
	type ChatBroadcaster,
} from '~/models/chat.server'
import { getIo, type AppServer } from '~/realtime/registry.server'
import { userRoom, type Ack, type ClientToServerEvents, type ErrorCode, type InterServerEvents, type ServerToClientEvents, type SocketData } from '~/realtime/events'
import { logger } from '~/utils/logger.server'
import { consume } from '~/utils/rate-limit.server'

// Chat over the app's socket.io server. Every event checks membership in the model (a removed
// member gets NOT_FOUND at once, open socket or not); fan-out goes to the current members' own user
// rooms, read from the database per message, so a removed member's sockets never receive a line
// even on a node that has not heard of the removal yet. Replay does not depend on fan-out: a client
// that reconnects asks for everything after the last sequence number it has (chat:sync).

type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>

const CODES: Record<number, ErrorCode> = { 400: 'INVALID', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 429: 'RATE_LIMITED' }

/** An expected refusal as an ack: a code, the i18n key as the message (the client translates it) and its parameters. */
function refusal(error: unknown): Ack<never> | null {
	if (error instanceof ChatError) return { error: { code: CODES[error.status] ?? 'INVALID', message: error.key, ...(Object.keys(error.params).length ? { params: error.params } : {}) } } as Ack<never>
	// The rate limiter throws a 429 `data()` response.
	if (error && typeof error === 'object' && 'init' in error && (error as { init?: { status?: number } }).init?.status === 429) {
		const retryAfter = Number((error as { data?: { retryAfter?: number } }).data?.retryAfter ?? 60)
		return { error: { code: 'RATE_LIMITED', message: 'chat.errors.rateLimited', params: { seconds: retryAfter } } } as Ack<never>
	}
	return null
}

function answer<T>(ack: unknown, work: () => Promise<T>, what: string, userId: string) {
	const reply = typeof ack === 'function' ? (ack as (response: Ack<T>) => void) : () => {}
	work().then(
		(data) => reply({ data }),
		(error: unknown) => {
			const known = refusal(error)
			if (known) return reply(known as Ack<T>)
			logger.error({ err: error, userId, what }, 'chat event failed')
			reply({ error: { code: 'INTERNAL', message: 'chat.errors.server' } })
		},
	)
}

const payloadOf = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {})

// Typing lines are cheap to send and pointless to repeat: one per user and room per 2 s.
const TYPING_EVERY_MS = 2_000

/** The chat events of one connected socket. */
export function registerChatHandlers(io: AppServer, socket: AppSocket) {
	const { userId } = socket.data
	const lastTyping = new Map<string, number>()

	socket.on('chat:send', (payload, ack) =>
		answer(
			ack,
			async () => {
				const input = payloadOf(payload)
				await consume('chatMessageUser', userId)
				return sendMessage({ id: userId }, { roomId: input.roomId, clientMsgId: input.clientMsgId, body: input.body, replyToId: input.replyToId, attachmentId: input.attachmentId })
			},
			'send',
			userId,
		),
	)

	socket.on('chat:sync', (payload, ack) =>
		answer(
			ack,
			async () => {
				const input = payloadOf(payload)
				const after = typeof input.afterSeq === 'number' && Number.isInteger(input.afterSeq) && input.afterSeq >= 0 ? input.afterSeq : 0
				return history({ id: userId }, input.roomId, { after, limit: 200 })
			},
			'sync',
			userId,
		),
	)

	socket.on('chat:read', (payload, ack) => {
		const input = payloadOf(payload)
		answer(ack, () => markRead({ id: userId }, input.roomId, input.seq), 'read', userId)
	})

	socket.on('chat:edit', (payload, ack) => {
		const input = payloadOf(payload)
		answer(ack, async () => ({ message: await editMessage({ id: userId }, input.messageId, input.body) }), 'edit', userId)
	})

	socket.on('chat:delete', (payload, ack) => {
		const input = payloadOf(payload)
		answer(ack, async () => ({ message: await deleteMessage({ id: userId }, input.messageId) }), 'delete', userId)
	})

	socket.on('chat:unread', (ack) => answer(ack, async () => ({ unread: await totalUnread(userId) }), 'unread', userId))

	socket.on('chat:presence', (payload, ack) => {
		const input = payloadOf(payload)
		answer(
			ack,
			async () => {
				const roomId = typeof input.roomId === 'string' ? input.roomId : ''
				if (!(await isMember(roomId, userId))) throw new ChatError('chat.errors.notFound', 404)
				return { roomId, online: await onlineAmong(io, await memberIds(roomId)) }
			},
			'presence',
			userId,
		)
	})

	socket.on('chat:typing', (payload) => {
		const roomId = typeof payloadOf(payload).roomId === 'string' ? (payloadOf(payload).roomId as string) : ''
		const now = Date.now()
		if (!roomId || now - (lastTyping.get(roomId) ?? 0) < TYPING_EVERY_MS) return
		lastTyping.set(roomId, now)
		void (async () => {
			if (!(await isMember(roomId, userId))) return
			const others = (await memberIds(roomId)).filter((id) => id !== userId)
			if (others.length === 0) return
			io.to(others.map(userRoom)).emit('chat:typing', { roomId, userId, name: socket.data.name ?? '' })
		})().catch((error: unknown) => logger.warn({ err: error, userId }, 'typing fan-out failed'))
	})

	// Presence: the user's rooms hear when their first socket connects and their last one leaves.
	void announcePresence(io, userId, true)
	socket.on('disconnect', () => {
		void (async () => {
			const still = await io.in(userRoom(userId)).fetchSockets()
			if (still.length === 0) await announcePresence(io, userId, false)
		})().catch((error: unknown) => logger.warn({ err: error, userId }, 'presence update failed'))
	})
}

async function onlineAmong(io: AppServer, userIds: string[]) {
	const online: string[] = []
	for (const id of userIds) if ((await io.in(userRoom(id)).fetchSockets()).length > 0) online.push(id)
	return online
}

async function announcePresence(io: AppServer, userId: string, online: boolean) {
	try {
		const rooms = await roomIdsOf(userId)
		for (const roomId of rooms) {
			const others = (await memberIds(roomId)).filter((id) => id !== userId)
			if (others.length > 0) io.to(others.map(userRoom)).emit('chat:online', { roomId, userId, online })
		}
	} catch (error) {
		logger.warn({ err: error, userId }, 'presence announcement failed')
	}
}

/** Fans committed chat writes out to the members' sockets, on every node (through the adapter). */
export const socketBroadcaster: ChatBroadcaster = {
	async message(message) {
		const io = getIo()
		if (!io) return
		io.to((await memberIds(message.roomId)).map(userRoom)).emit('chat:message', message)
	},
	async changed(message) {
		const io = getIo()
		if (!io) return
		io.to((await memberIds(message.roomId)).map(userRoom)).emit('chat:changed', message)
	},
	async membersChanged(roomId, { added, removed }) {
		const io = getIo()
		if (!io) return
		for (const id of removed) io.to(userRoom(id)).emit('chat:removed', { roomId })
		for (const id of added) io.to(userRoom(id)).emit('chat:added', { roomId })
	},
	async read(roomId, userId, seq) {
		const io = getIo()
		if (!io) return
		// The reader's other tabs update their badge; the other members see how far they read.
		io.to(userRoom(userId)).emit('chat:unread', { unread: await totalUnread(userId) })
		const others = (await memberIds(roomId)).filter((id) => id !== userId)
		if (others.length > 0) io.to(others.map(userRoom)).emit('chat:read', { roomId, userId, seq })
	},
}

/** Installs the broadcaster the chat model calls after each commit. */
export function startChatFanOut() {
	setChatBroadcaster(socketBroadcaster)
}
