import { addMinutes } from 'date-fns'
import type { Server } from 'socket.io'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import {
	sessionRoom,
	userRoom,
	type ClientToServerEvents,
	type InterServerEvents,
	type ServerToClientEvents,
	type SocketData,
} from './events'

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>

// On globalThis so a module re-imported by dev HMR (or by a second copy of the server build)
// still finds the one server attached at boot.
const IO_KEY = Symbol.for('cau-noi.realtime.io')
type Holder = { [IO_KEY]?: AppServer | null }

/** The attached socket.io server, or null when none runs (unit tests, scripts). */
export function getIo(): AppServer | null {
	return (globalThis as Holder)[IO_KEY] ?? null
}

export function setIo(io: AppServer | null) {
	;(globalThis as Holder)[IO_KEY] = io
}

/** The ids among `sessionIds` whose session still exists, has not expired or idled out, and whose user is enabled. */
export async function liveSessionIds(sessionIds: string[]): Promise<Set<string>> {
	const unique = [...new Set(sessionIds)]
	if (unique.length === 0) return new Set()
	const now = new Date()
	const rows = await prisma.session.findMany({
		where: {
			id: { in: unique },
			expiresAt: { gt: now },
			lastSeenAt: { gt: addMinutes(now, -getEnv().SESSION_IDLE_MINUTES) },
			user: { disabledAt: null },
		},
		select: { id: true },
	})
	return new Set(rows.map((row) => row.id))
}

/**
 * Disconnects the sockets (of one user, or all on this node) whose session has ended.
 * Returns the session ids that were found dead.
 */
export async function disconnectStaleSockets(userId?: string): Promise<string[]> {
	const io = getIo()
	if (!io) return []
	const sockets = userId ? await io.in(userRoom(userId)).fetchSockets() : await io.local.fetchSockets()
	if (sockets.length === 0) return []
	const live = await liveSessionIds(sockets.map((s) => s.data.sessionId))
	const dead = new Set<string>()
	for (const socket of sockets) {
		if (live.has(socket.data.sessionId)) continue
		dead.add(socket.data.sessionId)
		socket.disconnect(true)
	}
	return [...dead]
}

/** Whether any socket of the user is connected (on any node, through the adapter), to skip building pushes nobody gets. */
export async function isUserOnline(userId: string) {
	const io = getIo()
	if (!io) return false
	return (await io.in(userRoom(userId)).fetchSockets()).length > 0
}

/** Closes every socket opened with this session (call it on logout with the Session id, sha256 of the cookie secret). */
export function disconnectSession(sessionId: string) {
	getIo()?.in(sessionRoom(sessionId)).disconnectSockets(true)
}

/**
 * Sends an event to every live socket of a user. Sessions are re-checked first, so a socket
 * whose session was revoked (logout elsewhere, password change) is closed instead of served.
 */
export async function pushToUser<E extends keyof ServerToClientEvents>(
	userId: string,
	event: E,
	...args: Parameters<ServerToClientEvents[E]>
) {
	const io = getIo()
	if (!io) return
	const dead = await disconnectStaleSockets(userId)
	const target = io.to(userRoom(userId)).except(dead.map(sessionRoom))
	// socket.io's emit cannot relate a generic event name to its parameters; the signature above does.
	;(target.emit as (event: string, ...args: unknown[]) => boolean)(event, ...args)
}
