import type { IncomingHttpHeaders, Server as HttpServer } from 'node:http'
import { Server, type ServerOptions } from 'socket.io'
import { registerChatHandlers, startChatFanOut } from '~/chat/socket.server'
import { findLiveSession } from '~/models/session.server'
import { unreadCount } from '~/models/notification.server'
import { getEnv } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import { readSessionSecret } from '~/utils/session.server'
import { sessionRoom, userRoom, type ConnectErrorData, type ErrorCode } from './events'
import { disconnectStaleSockets, getIo, liveSessionIds, setIo, type AppServer } from './registry.server'

export { disconnectSession, disconnectStaleSockets, getIo, isUserOnline, pushToUser, type AppServer } from './registry.server'

export type SocketServerOptions = {
	/** How often every socket's session is re-checked, so a revoked session is cut off even when idle. Default 60 s. */
	recheckIntervalMs?: number
	/** Fans events out to the other server nodes (app/chat/adapter.server.ts); none: this node only. */
	adapter?: ServerOptions['adapter']
}

const recheckTimers = new WeakMap<AppServer, NodeJS.Timeout>()

function connectError(code: ErrorCode, message: string) {
	const error = new Error(message) as Error & { data: ConnectErrorData }
	error.data = { code }
	return error
}

function firstHeader(value: string | string[] | undefined) {
	return (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim() || undefined
}

/**
 * Cross-site WebSocket hijacking defence: a browser on another site would send our cookie along,
 * so an Origin that is neither this host nor APP_URL is refused before any session is looked at.
 * No Origin at all means a non-browser client or a same-origin polling request; the cookie still decides.
 */
export function isAllowedOrigin(headers: IncomingHttpHeaders) {
	const origin = headers.origin
	if (origin === undefined) return true
	let url: URL
	try {
		url = new URL(origin)
	} catch {
		return false
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
	const env = getEnv()
	if (env.APP_URL && new URL(env.APP_URL).origin === url.origin) return true
	const host = (env.TRUST_PROXY ? firstHeader(headers['x-forwarded-host']) : undefined) ?? headers.host
	return Boolean(host) && url.host === host
}

async function authenticate(cookie: string | undefined) {
	if (!cookie) return null
	// The same parser as page requests, so signing and secret rotation behave identically.
	const secret = await readSessionSecret(new Request('http://socket.invalid/', { headers: { cookie } }))
	return secret ? findLiveSession(secret) : null
}

/**
 * Serves socket.io at /socket.io on the app's own HTTP server. Each socket belongs to a signed-in
 * session and joins `user:<id>` (pushes) and `session:<id>` (logout cuts it off).
 */
export function attachSocketServer(httpServer: HttpServer, options: SocketServerOptions = {}): AppServer {
	const previous = getIo()
	if (previous) closeSocketServer(previous)

	const io: AppServer = new Server(httpServer, {
		path: '/socket.io',
		serveClient: false,
		...(options.adapter ? { adapter: options.adapter } : {}),
		// Socket.IO's default 1 MB is far above any chat line (4,000 characters); a smaller buffer bounds what one client can make the server hold.
		maxHttpBufferSize: 64 * 1024,
		allowRequest: (req, callback) => {
			const allowed = isAllowedOrigin(req.headers)
			if (!allowed) logger.warn({ origin: req.headers.origin }, 'socket refused: foreign origin')
			callback(allowed ? null : 'FORBIDDEN_ORIGIN', allowed)
		},
	})

	io.use((socket, next) => {
		authenticate(socket.handshake.headers.cookie).then(
			(session) => {
				if (!session) return next(connectError('UNAUTHENTICATED', 'a signed-in session is required'))
				socket.data.userId = session.userId
				socket.data.sessionId = session.id
				socket.data.name = session.name
				next()
			},
			(error: unknown) => {
				logger.error({ err: error }, 'socket handshake failed')
				next(connectError('INTERNAL', 'handshake failed'))
			},
		)
	})

	io.on('connection', (socket) => {
		const { userId, sessionId } = socket.data
		void socket.join([userRoom(userId), sessionRoom(sessionId)])

		// Every client event re-checks the session: a revoked one gets no answers, only a disconnect.
		socket.use((_packet, next) => {
			liveSessionIds([sessionId]).then(
				(live) => {
					if (live.has(sessionId)) return next()
					socket.disconnect(true)
				},
				(error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
			)
		})
		socket.on('error', (error) => logger.warn({ err: error, userId }, 'socket event failed'))

		registerChatHandlers(io, socket)

		socket.on('notification:count', (ack) => {
			if (typeof ack !== 'function') return
			unreadCount(userId).then(
				(unread) => ack({ data: { unread } }),
				(error: unknown) => {
					logger.error({ err: error, userId }, 'unread count failed')
					ack({ error: { code: 'INTERNAL', message: 'could not count notifications' } })
				},
			)
		})
	})

	const timer = setInterval(() => {
		disconnectStaleSockets().catch((error: unknown) => logger.error({ err: error }, 'socket session re-check failed'))
	}, options.recheckIntervalMs ?? 60_000)
	timer.unref()
	recheckTimers.set(io, timer)

	setIo(io)
	startChatFanOut()
	return io
}

/** Closes this node's sockets and stops the engine; the HTTP server itself is left to its owner to close. */
export function closeSocketServer(io: AppServer | null = getIo()) {
	if (!io) return
	clearInterval(recheckTimers.get(io))
	recheckTimers.delete(io)
	// Local only: through the adapter, io.disconnectSockets() would close every node's sockets, so
	// one node stopping (a deploy) would sign everyone off, and clients do not reconnect by
	// themselves after a server-side disconnect.
	io.local.disconnectSockets(true)
	io.engine.close()
	if (getIo() === io) setIo(null)
}
