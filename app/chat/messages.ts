import type { ChatMessagePayload } from '~/realtime/events'

// What the room page and its client hook share with the server without importing it: the message
// shape, how a system line is read, how pages of history merge, and the unsent-message queue kept
// in localStorage. Pure functions, so the merge and backoff rules are tested without a browser.

export type ChatMessage = ChatMessagePayload

/** Mirrors CHAT_LIMITS in app/models/chat.server.ts, which the browser cannot import. */
export const CHAT_BODY_MAX = 4000

export type SystemBody = { key: string; params?: Record<string, string | number> }

/** A system line's translation key and parameters (stored as JSON in its body), or null. */
export function parseSystemBody(body: string): SystemBody | null {
	try {
		const parsed = JSON.parse(body) as unknown
		if (parsed && typeof parsed === 'object' && typeof (parsed as SystemBody).key === 'string') return parsed as SystemBody
	} catch {
		// not a system body
	}
	return null
}

/**
 * Merges messages into a list ordered by seq: one entry per seq (a room's sequence is gapless and
 * unique), the later copy winning only when it is newer (an edit or a delete), so a stale page of
 * history arriving after a live edit does not bring the old text back.
 */
export function mergeMessages(current: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
	if (incoming.length === 0) return current as ChatMessage[]
	const bySeq = new Map<number, ChatMessage>()
	for (const m of current) bySeq.set(m.seq, m)
	let changed = false
	for (const m of incoming) {
		const had = bySeq.get(m.seq)
		if (had && !isNewer(m, had)) continue
		bySeq.set(m.seq, m)
		changed = true
	}
	if (!changed) return current as ChatMessage[]
	return [...bySeq.values()].sort((a, b) => a.seq - b.seq)
}

function stamp(m: ChatMessage) {
	return Math.max(Date.parse(m.editedAt ?? '') || 0, Date.parse(m.deletedAt ?? '') || 0)
}

function isNewer(next: ChatMessage, had: ChatMessage) {
	if (next.id !== had.id) return true
	return stamp(next) > stamp(had)
}

export function lastSeqOf(messages: readonly ChatMessage[]) {
	return messages.length > 0 ? messages[messages.length - 1]!.seq : 0
}

/** A version 4 UUID, also where crypto.randomUUID is missing (plain HTTP on a LAN address is not a secure context). */
export function newClientMsgId(): string {
	if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID()
	const bytes = new Uint8Array(16)
	crypto.getRandomValues(bytes)
	bytes[6] = (bytes[6]! & 0x0f) | 0x40
	bytes[8] = (bytes[8]! & 0x3f) | 0x80
	const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

// ─── Unsent messages ──────────────────────────────────────────────────────────

export type ChatErrorInfo = { key: string; params?: Record<string, string | number> }

/** A message typed but not yet acknowledged; its clientMsgId stays the same across every retry and reload. */
export type PendingMessage = {
	clientMsgId: string
	body: string
	replyTo: { id: string; seq: number; excerpt: string; senderName: string | null } | null
	createdAt: string
	attempts: number
	/** Epoch ms of the next automatic attempt; null when only the person can retry (a refusal). */
	nextAttemptAt: number | null
	error: ChatErrorInfo | null
}

export const pendingKey = (userId: string, roomId: string) => `caunoi:chat:pending:${userId}:${roomId}`

/** The queue kept for this person and room; anything unreadable is dropped rather than retried blindly. */
export function readPending(storage: Pick<Storage, 'getItem'> | null, userId: string, roomId: string): PendingMessage[] {
	if (!storage) return []
	try {
		const raw = JSON.parse(storage.getItem(pendingKey(userId, roomId)) ?? '[]') as unknown
		if (!Array.isArray(raw)) return []
		return raw.filter(
			(p): p is PendingMessage => Boolean(p) && typeof p === 'object' && typeof (p as PendingMessage).clientMsgId === 'string' && typeof (p as PendingMessage).body === 'string',
		)
	} catch {
		return []
	}
}

export function writePending(storage: Pick<Storage, 'setItem' | 'removeItem'> | null, userId: string, roomId: string, pending: readonly PendingMessage[]) {
	if (!storage) return
	try {
		if (pending.length === 0) storage.removeItem(pendingKey(userId, roomId))
		else storage.setItem(pendingKey(userId, roomId), JSON.stringify(pending))
	} catch {
		// Private mode or a full quota: the queue still lives in memory for this page.
	}
}

/** Delay before attempt `attempts + 1`: 1 s doubling to 30 s, with jitter so many tabs do not retry in step. */
export function retryDelay(attempts: number, random: () => number = Math.random) {
	const base = Math.min(30_000, 1_000 * 2 ** Math.max(0, attempts - 1))
	return Math.round(base * (0.75 + random() * 0.5))
}

/** Whether a refusal is worth retrying by itself: server trouble and rate limits pass, a refusal of the content does not. */
export function isTransient(code: string) {
	return code === 'INTERNAL' || code === 'RATE_LIMITED' || code === 'TIMEOUT'
}

/** The text checks the server makes, so an obviously bad message is refused at once, offline too. */
export function checkDraft(body: string): ChatErrorInfo | null {
	const text = body.trim()
	if (text.length === 0) return { key: 'chat.errors.emptyMessage' }
	if (text.length > CHAT_BODY_MAX) return { key: 'chat.errors.tooLong', params: { max: CHAT_BODY_MAX } }
	return null
}
