// Shared by the socket.io server and the browser client, so it must stay free of server-only imports.

/** Every ack: the result, or a machine-readable code with an English message for logs. */
export type Ack<T> = { data: T } | { error: { code: ErrorCode; message: string; params?: Record<string, string | number> } }

export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN_ORIGIN' | 'SESSION_ENDED' | 'INVALID' | 'INTERNAL' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'RATE_LIMITED'

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

/** A chat message as the server sends it (see ChatMessageView in app/models/chat.server.ts). */
export type ChatMessagePayload = {
	id: string
	roomId: string
	seq: number
	clientMsgId: string
	kind: 'TEXT' | 'SYSTEM'
	body: string
	sender: { id: string; name: string } | null
	replyTo: { id: string; seq: number; excerpt: string; senderName: string | null } | null
	attachment: { id: string; fileName: string; mimeType: string; size: number } | null
	editedAt: string | null
	deletedAt: string | null
	createdAt: string
}

export type ChatSendPayload = { roomId: string; clientMsgId: string; body: string; replyToId?: string | null; attachmentId?: string | null }
export type ChatSyncPayload = { roomId: string; afterSeq: number }
export type ChatSyncResult = { messages: ChatMessagePayload[]; hasMore: boolean; lastReadSeq: number }
export type ChatPresence = { roomId: string; online: string[] }

export interface ServerToClientEvents {
	'notification:new': (payload: NotificationNewPayload) => void
	'notification:unread': (payload: UnreadPayload) => void
	/** A new message in one of the user's rooms (also the sender's other tabs). */
	'chat:message': (message: ChatMessagePayload) => void
	/** An edited or deleted message. */
	'chat:changed': (message: ChatMessagePayload) => void
	'chat:typing': (payload: { roomId: string; userId: string; name: string }) => void
	/** A member of one of the user's rooms came online (first socket) or went offline (last socket). */
	'chat:online': (payload: { roomId: string; userId: string; online: boolean }) => void
	'chat:read': (payload: { roomId: string; userId: string; seq: number }) => void
	/** The user's unread total over all rooms changed (the header badge). */
	'chat:unread': (payload: UnreadPayload) => void
	/** The user was removed from a room: its sockets have left it. */
	'chat:removed': (payload: { roomId: string }) => void
	/** The user was added to a room: its sockets have joined it. */
	'chat:added': (payload: { roomId: string }) => void
}

export interface ClientToServerEvents {
	/** Asked after every (re)connect: pushes missed while offline are not replayed, the count is. */
	'notification:count': (ack: (response: Ack<UnreadPayload>) => void) => void
	/** Sends a message once: a retry with the same clientMsgId acks the stored message again. */
	'chat:send': (payload: ChatSendPayload, ack: (response: Ack<{ message: ChatMessagePayload; duplicate: boolean }>) => void) => void
	/** Everything after a sequence number (after a reconnect), oldest first, at most 200 a call. */
	'chat:sync': (payload: ChatSyncPayload, ack: (response: Ack<ChatSyncResult>) => void) => void
	'chat:read': (payload: { roomId: string; seq: number }, ack?: (response: Ack<{ lastReadSeq: number }>) => void) => void
	'chat:typing': (payload: { roomId: string }) => void
	/** Who of the room's members is online now. */
	'chat:presence': (payload: { roomId: string }, ack: (response: Ack<ChatPresence>) => void) => void
	'chat:edit': (payload: { messageId: string; body: string }, ack: (response: Ack<{ message: ChatMessagePayload }>) => void) => void
	'chat:delete': (payload: { messageId: string }, ack: (response: Ack<{ message: ChatMessagePayload }>) => void) => void
	'chat:unread': (ack: (response: Ack<UnreadPayload>) => void) => void
}

export type InterServerEvents = Record<string, never>

export type SocketData = {
	userId: string
	/** sha256 of the cookie secret, the Session row's id. */
	sessionId: string
	/** The user's display name, for typing lines. */
	name?: string
}

/** Connect errors carry `data.code`, so the client can tell "sign in again" from a network failure. */
export type ConnectErrorData = { code: ErrorCode }

export const userRoom = (userId: string) => `user:${userId}`
export const sessionRoom = (sessionId: string) => `session:${sessionId}`
export const chatRoom = (roomId: string) => `chat:${roomId}`
