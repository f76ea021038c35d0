// Shared by the socket.io server and the browser client, so it must stay free of server-only imports.

/** Every ack: the result, or a machine-readable code with an English message for logs. */
export type Ack<T> = { data: T } | { error: { code: ErrorCode; message: string } }

export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN_ORIGIN' | 'SESSION_ENDED' | 'INVALID' | 'INTERNAL'

export type NotificationNewPayload = {
	id: string
	kind: string
	/** Rendered in the recipient's saved language; absent when the kind has no text. */
	title?: string
	link: string | null
	createdAt: string
	/** The recipient's unread count including this notification. */
	unread: number
}

export type UnreadPayload = { unread: number }

export interface ServerToClientEvents {
	'notification:new': (payload: NotificationNewPayload) => void
	'notification:unread': (payload: UnreadPayload) => void
}

export interface ClientToServerEvents {
	/** Asked after every (re)connect: pushes missed while offline are not replayed, the count is. */
	'notification:count': (ack: (response: Ack<UnreadPayload>) => void) => void
}

export type InterServerEvents = Record<string, never>

export type SocketData = {
	userId: string
	/** sha256 of the cookie secret, the Session row's id. */
	sessionId: string
}

/** Connect errors carry `data.code`, so the client can tell "sign in again" from a network failure. */
export type ConnectErrorData = { code: ErrorCode }

export const userRoom = (userId: string) => `user:${userId}`
export const sessionRoom = (sessionId: string) => `session:${sessionId}`
