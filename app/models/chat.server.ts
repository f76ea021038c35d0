import { randomUUID } from 'node:crypto'
import { foldDiacritics, words } from '../../matching/index'
import type { ChatMemberSource, Prisma } from '~/generated/prisma/client'
import { recordAudit } from '~/models/audit.server'
import type { ChatMessagePayload } from '~/realtime/events'
import { prisma } from '~/utils/db.server'
import { inTransaction, type Tx, type Unit } from '~/utils/transaction.server'

// Every write to chat rooms, members and messages goes through here. A message takes its room's
// next sequence number under the room's row lock, in the transaction that inserts it, so a room's
// sequence has no gaps and its order is the order of commits; a client's UUID makes a retried send
// return the message already stored instead of a second one (docs/decisions/012-chat.md).

export class ChatError extends Error {
	constructor(
		/** Translation key under chat.errors. */
		readonly key: string,
		readonly status: number,
		readonly params: Record<string, string | number> = {},
	) {
		super(key)
		this.name = 'ChatError'
	}
}

export const CHAT_LIMITS = {
	bodyMax: 4000,
	/** Own messages may be edited or deleted this long after sending. */
	editWindowMs: 15 * 60_000,
	historyPage: 50,
	historyMax: 200,
	/** Rooms a person may be a member of. */
	roomsPerUser: 500,
	searchMax: 50,
} as const

type ChatActor = { id: string }

// ─── Shapes ───────────────────────────────────────────────────────────────────

const messageSelect = {
	id: true,
	roomId: true,
	seq: true,
	clientMsgId: true,
	kind: true,
	body: true,
	editedAt: true,
	deletedAt: true,
	createdAt: true,
	sender: { select: { id: true, name: true } },
	replyTo: { select: { id: true, seq: true, body: true, deletedAt: true, sender: { select: { name: true } } } },
	attachment: { select: { id: true, fileName: true, mimeType: true, size: true } },
} as const satisfies Prisma.ChatMessageSelect

type MessageRow = Prisma.ChatMessageGetPayload<{ select: typeof messageSelect }>

/** A message as pages, sockets and the API send it: dates as ISO strings, a reply as a short quote. */
export type ChatMessageView = ChatMessagePayload

const EXCERPT = 140

function view(row: MessageRow): ChatMessageView {
	return {
		id: row.id,
		roomId: row.roomId,
		seq: row.seq,
		clientMsgId: row.clientMsgId,
		kind: row.kind,
		body: row.deletedAt ? '' : row.body,
		sender: row.sender,
		replyTo: row.replyTo
			? { id: row.replyTo.id, seq: row.replyTo.seq, excerpt: row.replyTo.deletedAt ? '' : row.replyTo.body.slice(0, EXCERPT), senderName: row.replyTo.sender?.name ?? null }
			: null,
		attachment: row.attachment,
		editedAt: row.editedAt?.toISOString() ?? null,
		deletedAt: row.deletedAt?.toISOString() ?? null,
		createdAt: row.createdAt.toISOString(),
	}
}

/** What a system message says: a key under chat.system and its parameters, kept as JSON in the body. */
export type SystemBody = { key: string; params?: Record<string, string | number> }

export function readSystemBody(body: string): SystemBody | null {
	try {
		const parsed = JSON.parse(body) as unknown
		if (parsed && typeof parsed === 'object' && typeof (parsed as SystemBody).key === 'string') return parsed as SystemBody
	} catch {
		// not a system body
	}
	return null
}

// ─── Checks ───────────────────────────────────────────────────────────────────

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

/** The text of a message as stored: NFC, trimmed, within the limit, no NUL (Postgres text cannot hold it). */
export function checkBody(input: unknown): string {
	if (typeof input !== 'string') throw new ChatError('chat.errors.emptyMessage', 400)
	const body = input.normalize('NFC').replace(/\r\n?/g, '\n').trim()
	if (body.includes('\u0000')) throw new ChatError('chat.errors.invalid', 400)
	if (body.length === 0) throw new ChatError('chat.errors.emptyMessage', 400)
	if (body.length > CHAT_LIMITS.bodyMax) throw new ChatError('chat.errors.tooLong', 400, { max: CHAT_LIMITS.bodyMax })
	return body
}

export function checkClientMsgId(input: unknown): string {
	if (typeof input !== 'string' || !UUID.test(input)) throw new ChatError('chat.errors.invalid', 400)
	return input.toLowerCase()
}

/** The member row of a person in a room, or a 404: a room that is not theirs does not exist for them. */
export async function requireMember(db: Tx | typeof prisma, roomId: unknown, userId: string) {
	if (typeof roomId !== 'string' || roomId.length === 0 || roomId.length > 64) throw new ChatError('chat.errors.notFound', 404)
	const member = await db.chatMember.findUnique({ where: { roomId_userId: { roomId, userId } }, select: { id: true, isOwner: true, source: true, removedAt: true, lastReadSeq: true } })
	if (!member || member.removedAt) throw new ChatError('chat.errors.notFound', 404)
	return member
}

/** Whether the person may read and write the room now. */
export async function isMember(roomId: string, userId: string) {
	const member = await prisma.chatMember.findUnique({ where: { roomId_userId: { roomId, userId } }, select: { removedAt: true } })
	return Boolean(member && !member.removedAt)
}

/** Folded words for the search vector: the exact words then their unaccented forms, as the site search does. */
function searchWords(body: string) {
	const exact = words(body)
	return [...exact, ...exact.map(foldDiacritics)].join(' ')
}

async function writeSearchText(tx: Tx, messageId: string, body: string | null) {
	if (body === null) await tx.$executeRaw`UPDATE "ChatMessage" SET "searchText" = NULL WHERE id = ${messageId}`
	else await tx.$executeRaw`UPDATE "ChatMessage" SET "searchText" = to_tsvector('simple'::regconfig, ${searchWords(body)}) WHERE id = ${messageId}`
}

// ─── After commit: who hears about it ─────────────────────────────────────────

/**
 * What the socket layer broadcasts once a write has committed. Registered by app/chat at start;
 * without it (scripts, unit tests of the model) writes simply are not broadcast.
 */
export type ChatBroadcaster = {
	message(message: ChatMessageView): void | Promise<void>
	changed(message: ChatMessageView): void | Promise<void>
	membersChanged(roomId: string, change: { added: string[]; removed: string[] }): void | Promise<void>
	read(roomId: string, userId: string, seq: number): void | Promise<void>
}

const BROADCASTER = Symbol.for('cau-noi.chat.broadcaster')
type Holder = { [BROADCASTER]?: ChatBroadcaster }

export function setChatBroadcaster(broadcaster: ChatBroadcaster | null) {
	;(globalThis as Holder)[BROADCASTER] = broadcaster ?? undefined
}

function broadcast(unit: Unit, fn: (b: ChatBroadcaster) => void | Promise<void>) {
	unit.afterCommit(async () => {
		const b = (globalThis as Holder)[BROADCASTER]
		if (b) await fn(b)
	})
}

// ─── Rooms ────────────────────────────────────────────────────────────────────

async function lockRoom(tx: Tx, roomId: string) {
	const [room] = await tx.$queryRaw<Array<{ id: string; lastSeq: number; kind: string; dealId: string | null }>>`
		SELECT id, "lastSeq", kind::text AS kind, "dealId" FROM "ChatRoom" WHERE id = ${roomId} FOR UPDATE`
	if (!room) throw new ChatError('chat.errors.notFound', 404)
	return room
}

/** Inserts the room's next message; the caller holds the room's lock. */
async function insertMessage(tx: Tx, room: { id: string; lastSeq: number }, data: { clientMsgId: string; senderId: string | null; kind: 'TEXT' | 'SYSTEM'; body: string; replyToId?: string | null; attachmentId?: string | null }) {
	const seq = room.lastSeq + 1
	const now = new Date()
	await tx.chatRoom.update({ where: { id: room.id }, data: { lastSeq: seq, lastMessageAt: now } })
	room.lastSeq = seq
	const created = await tx.chatMessage.create({ data: { roomId: room.id, seq, createdAt: now, ...data }, select: messageSelect })
	if (data.kind === 'TEXT') await writeSearchText(tx, created.id, data.body)
	// Writing in a room reads it up to there.
	if (data.senderId) await tx.chatMember.updateMany({ where: { roomId: room.id, userId: data.senderId }, data: { lastReadSeq: seq } })
	return view(created)
}

/** A line written by the server (member joined, deal stage changed); the caller holds the room's lock. */
async function systemMessage(unit: Unit, room: { id: string; lastSeq: number }, body: SystemBody) {
	const message = await insertMessage(unit.tx, room, { clientMsgId: randomUUID(), senderId: null, kind: 'SYSTEM', body: JSON.stringify(body) })
	broadcast(unit, (b) => b.message(message))
	return message
}

type Expected = Map<string, { source: ChatMemberSource; isOwner: boolean }>

/** Who should be in a deal's room: the active members of both organisations (managers own it) and the broker. */
async function dealRoomExpected(tx: Tx, deal: { buyerOrgId: string; sellerOrgId: string; brokerId: string | null }): Promise<Expected> {
	const members = await tx.membership.findMany({
		where: { organisationId: { in: [deal.buyerOrgId, deal.sellerOrgId] }, status: 'ACTIVE', user: { disabledAt: null } },
		select: { userId: true, role: true },
	})
	const expected: Expected = new Map()
	for (const m of members) {
		const isOwner = m.role === 'OWNER' || m.role === 'ADMIN'
		const seen = expected.get(m.userId)
		expected.set(m.userId, { source: 'DEAL_SIDE', isOwner: isOwner || Boolean(seen?.isOwner) })
	}
	if (deal.brokerId) expected.set(deal.brokerId, { source: 'BROKER', isOwner: true })
	return expected
}

/**
 * Creates the deal's room if it has none and brings its members in step with the deal: members of
 * both sides and the broker join; those who left a side (or a broker replaced) lose access. Someone
 * the room's owner removed stays removed. Returns who joined and who left.
 */
export async function syncDealRoom(unit: Unit, dealId: string) {
	const { tx } = unit
	const deal = await tx.deal.findUnique({ where: { id: dealId }, select: { id: true, buyerOrgId: true, sellerOrgId: true, brokerId: true, createdById: true } })
	if (!deal) throw new ChatError('chat.errors.notFound', 404)
	let room = await tx.chatRoom.findUnique({ where: { dealId }, select: { id: true } })
	let created = false
	if (!room) {
		// Two first visits racing: the unique dealId lets one create it, the other finds it.
		created = 1 === await tx.$executeRaw`INSERT INTO "ChatRoom" (id, kind, "dealId", "createdById", "updatedAt") VALUES (${randomUUID()}, 'DEAL', ${dealId}, ${deal.createdById}, now()) ON CONFLICT ("dealId") DO NOTHING`
		room = await tx.chatRoom.findUniqueOrThrow({ where: { dealId }, select: { id: true } })
	}
	const locked = await lockRoom(tx, room.id)
	const expected = await dealRoomExpected(tx, deal)
	const current = await tx.chatMember.findMany({ where: { roomId: room.id }, select: { id: true, userId: true, source: true, isOwner: true, removedAt: true, removedById: true } })
	const added: string[] = []
	const removed: string[] = []
	for (const m of current) {
		const want = expected.get(m.userId)
		expected.delete(m.userId)
		const synced = m.source === 'DEAL_SIDE' || m.source === 'BROKER'
		if (want && m.removedAt && m.removedById === null) {
			// Back on a side (or the broker again): the sync took them out, the sync lets them in.
			await tx.chatMember.update({ where: { id: m.id }, data: { removedAt: null, source: want.source, isOwner: want.isOwner } })
			added.push(m.userId)
		} else if (want && !m.removedAt && (m.isOwner !== want.isOwner || (synced && m.source !== want.source))) {
			await tx.chatMember.update({ where: { id: m.id }, data: { isOwner: want.isOwner, source: synced ? want.source : m.source } })
		} else if (!want && synced && !m.removedAt) {
			await tx.chatMember.update({ where: { id: m.id }, data: { removedAt: new Date(), removedById: null, isOwner: false } })
			removed.push(m.userId)
		}
	}
	for (const [userId, want] of expected) {
		// Members join reading from the room's present: earlier history is still theirs to scroll.
		await tx.chatMember.create({ data: { roomId: room.id, userId, source: want.source, isOwner: want.isOwner, lastReadSeq: 0 } })
		added.push(userId)
	}
	if (added.length > 0 || removed.length > 0) {
		const names = await tx.user.findMany({ where: { id: { in: [...added, ...removed] } }, select: { id: true, name: true } })
		const nameOf = new Map(names.map((u) => [u.id, u.name]))
		// The first sync makes the room: one line says so instead of one per founding member.
		if (current.length === 0) await systemMessage(unit, locked, { key: 'roomOpened', params: { count: added.length } })
		else {
			for (const id of added) await systemMessage(unit, locked, { key: 'joined', params: { name: nameOf.get(id) ?? '' } })
			for (const id of removed) await systemMessage(unit, locked, { key: 'left', params: { name: nameOf.get(id) ?? '' } })
		}
		broadcast(unit, (b) => b.membersChanged(room.id, { added, removed }))
	}
	return { roomId: room.id, created, added, removed }
}

/**
 * Someone left an organisation: the deal rooms they sat in for it are synced in the same
 * transaction, so they lose access the moment the removal commits (their sockets hear chat:removed).
 */
export async function leaveDealRoomsOf(unit: Unit, organisationId: string, userId: string) {
	const rooms = await unit.tx.chatRoom.findMany({
		where: { kind: 'DEAL', deal: { OR: [{ buyerOrgId: organisationId }, { sellerOrgId: organisationId }] }, members: { some: { userId, removedAt: null, source: 'DEAL_SIDE' } } },
		select: { dealId: true },
	})
	for (const room of rooms) if (room.dealId) await syncDealRoom(unit, room.dealId)
}

/** The deal's room, created and brought in step with the deal on the way. */
export function ensureDealRoom(dealId: string) {
	return inTransaction((unit) => syncDealRoom(unit, dealId))
}

/** Called by the deal model when a deal changes stage: a line in its room, if it has one. */
export async function noteDealStage(unit: Unit, dealId: string, stage: string) {
	const room = await unit.tx.chatRoom.findUnique({ where: { dealId }, select: { id: true } })
	if (!room) return
	const locked = await lockRoom(unit.tx, room.id)
	await systemMessage(unit, locked, { key: 'dealStage', params: { stage } })
}

export type DirectContext = { type: 'offer' | 'demand' | 'match' | 'expert'; id: string; title: string }

/** The direct conversation between two people (one per pair), opened about a listing, a match or an expert. */
export async function openDirect(actor: ChatActor, otherUserId: string, context: DirectContext | null) {
	if (otherUserId === actor.id) throw new ChatError('chat.errors.self', 400)
	return inTransaction(async (unit) => {
		const { tx } = unit
		const other = await tx.user.findFirst({ where: { id: otherUserId, disabledAt: null }, select: { id: true } })
		if (!other) throw new ChatError('chat.errors.userNotFound', 404)
		const directKey = [actor.id, otherUserId].sort().join('|')
		const existing = await tx.chatRoom.findUnique({ where: { directKey }, select: { id: true } })
		if (existing) {
			// Someone who removed themselves (or was removed) comes back by opening it again.
			await tx.chatMember.updateMany({ where: { roomId: existing.id, userId: { in: [actor.id, otherUserId] }, removedAt: { not: null } }, data: { removedAt: null, removedById: null } })
			return { roomId: existing.id, created: false }
		}
		const rooms = await tx.chatMember.count({ where: { userId: actor.id, removedAt: null } })
		if (rooms >= CHAT_LIMITS.roomsPerUser) throw new ChatError('chat.errors.tooManyRooms', 429, { max: CHAT_LIMITS.roomsPerUser })
		const room = await tx.chatRoom.create({
			data: {
				kind: 'DIRECT',
				directKey,
				title: context?.title.slice(0, 200) ?? '',
				contextType: context?.type ?? null,
				contextId: context?.id ?? null,
				createdById: actor.id,
				members: { create: [{ userId: actor.id, source: 'DIRECT', isOwner: true }, { userId: otherUserId, source: 'DIRECT', isOwner: false }] },
			},
			select: { id: true, lastSeq: true },
		})
		return { roomId: room.id, created: true }
	}).catch((error: unknown) => {
		// Both opened it at the same moment: the unique pair key let one create it.
		if (error && typeof error === 'object' && 'code' in error && error.code === 'P2002') {
			return prisma.chatRoom.findUniqueOrThrow({ where: { directKey: [actor.id, otherUserId].sort().join('|') }, select: { id: true } }).then((r) => ({ roomId: r.id, created: false }))
		}
		throw error
	})
}

/** Who may add and remove members: a room owner (an organisation manager, the opener of a direct conversation) or the deal's broker. */
async function requireManager(tx: Tx, roomId: string, actorId: string) {
	const member = await requireMember(tx, roomId, actorId)
	if (!member.isOwner && member.source !== 'BROKER') throw new ChatError('chat.errors.notManager', 403)
	return member
}

export async function addMember(actor: ChatActor, roomId: string, userId: string) {
	return inTransaction(async (unit) => {
		const { tx } = unit
		await requireManager(tx, roomId, actor.id)
		const user = await tx.user.findFirst({ where: { id: userId, disabledAt: null }, select: { id: true, name: true } })
		if (!user) throw new ChatError('chat.errors.userNotFound', 404)
		const room = await lockRoom(tx, roomId)
		const existing = await tx.chatMember.findUnique({ where: { roomId_userId: { roomId, userId } } })
		if (existing && !existing.removedAt) throw new ChatError('chat.errors.alreadyMember', 409)
		if (existing) await tx.chatMember.update({ where: { id: existing.id }, data: { removedAt: null, removedById: null, source: 'ADDED' } })
		else await tx.chatMember.create({ data: { roomId, userId, source: 'ADDED' } })
		await recordAudit(tx, { actorId: actor.id, action: 'chat.member.add', entityType: 'ChatRoom', entityId: roomId, data: { userId } })
		await systemMessage(unit, room, { key: 'added', params: { name: user.name } })
		broadcast(unit, (b) => b.membersChanged(roomId, { added: [userId], removed: [] }))
	})
}

/** Removes a member (or, with their own id, leaves); their sockets leave the room as soon as this commits. */
export async function removeMember(actor: ChatActor, roomId: string, userId: string) {
	return inTransaction(async (unit) => {
		const { tx } = unit
		if (userId === actor.id) await requireMember(tx, roomId, actor.id)
		else await requireManager(tx, roomId, actor.id)
		const room = await lockRoom(tx, roomId)
		const target = await tx.chatMember.findUnique({ where: { roomId_userId: { roomId, userId } }, select: { id: true, removedAt: true, user: { select: { name: true } } } })
		if (!target || target.removedAt) throw new ChatError('chat.errors.notMember', 404)
		await tx.chatMember.update({ where: { id: target.id }, data: { removedAt: new Date(), removedById: actor.id, isOwner: false } })
		await recordAudit(tx, { actorId: actor.id, action: 'chat.member.remove', entityType: 'ChatRoom', entityId: roomId, data: { userId } })
		await systemMessage(unit, room, { key: userId === actor.id ? 'left' : 'removed', params: { name: target.user.name } })
		broadcast(unit, (b) => b.membersChanged(roomId, { added: [], removed: [userId] }))
	})
}

// ─── Messages ─────────────────────────────────────────────────────────────────

export type SendInput = { roomId: unknown; clientMsgId: unknown; body: unknown; replyToId?: unknown; attachmentId?: unknown }

/**
 * Stores a message once: the same client UUID in the same room returns the stored one
 * (`duplicate: true`), whatever the retry carries. Broadcast after commit.
 */
export async function sendMessage(actor: ChatActor, input: SendInput): Promise<{ message: ChatMessageView; duplicate: boolean }> {
	const clientMsgId = checkClientMsgId(input.clientMsgId)
	const attachmentId = typeof input.attachmentId === 'string' && input.attachmentId ? input.attachmentId : null
	// A file may travel without words.
	const body = attachmentId && (input.body === '' || input.body === undefined || input.body === null) ? '' : checkBody(input.body)
	const replyToId = typeof input.replyToId === 'string' && input.replyToId ? input.replyToId : null
	return inTransaction(async (unit) => {
		const { tx } = unit
		await requireMember(tx, input.roomId, actor.id)
		const room = await lockRoom(tx, input.roomId as string)
		// Again under the lock, which removals also take: a member removed a moment ago cannot slip a line in.
		await requireMember(tx, room.id, actor.id)
		// Checked under the room's lock: a racing retry waits for the first to commit, then finds it.
		const existing = await tx.chatMessage.findUnique({ where: { roomId_clientMsgId: { roomId: room.id, clientMsgId } }, select: messageSelect })
		if (existing) {
			if (existing.sender?.id !== actor.id) throw new ChatError('chat.errors.invalid', 400)
			return { message: view(existing), duplicate: true }
		}
		if (replyToId) {
			const parent = await tx.chatMessage.findFirst({ where: { id: replyToId, roomId: room.id }, select: { id: true } })
			if (!parent) throw new ChatError('chat.errors.replyNotFound', 400)
		}
		if (attachmentId) {
			const file = await tx.attachment.findFirst({ where: { id: attachmentId, chatRoomId: room.id, uploadedById: actor.id, chatMessage: null }, select: { id: true } })
			if (!file) throw new ChatError('chat.errors.attachmentNotFound', 400)
		}
		const message = await insertMessage(tx, room, { clientMsgId, senderId: actor.id, kind: 'TEXT', body, replyToId, attachmentId })
		broadcast(unit, (b) => b.message(message))
		return { message, duplicate: false }
	})
}

async function ownMessageInWindow(tx: Tx, actor: ChatActor, messageId: unknown) {
	if (typeof messageId !== 'string' || messageId.length > 64) throw new ChatError('chat.errors.messageNotFound', 404)
	const message = await tx.chatMessage.findUnique({ where: { id: messageId }, select: { id: true, roomId: true, senderId: true, kind: true, body: true, deletedAt: true, createdAt: true } })
	if (!message) throw new ChatError('chat.errors.messageNotFound', 404)
	await requireMember(tx, message.roomId, actor.id)
	if (message.senderId !== actor.id || message.kind !== 'TEXT') throw new ChatError('chat.errors.notYours', 403)
	if (message.deletedAt) throw new ChatError('chat.errors.deleted', 409)
	if (Date.now() - message.createdAt.getTime() > CHAT_LIMITS.editWindowMs) throw new ChatError('chat.errors.editWindow', 409, { minutes: CHAT_LIMITS.editWindowMs / 60_000 })
	return message
}

/** Changes one's own message within the window; the audit log keeps the earlier text. */
export async function editMessage(actor: ChatActor, messageId: unknown, bodyInput: unknown) {
	const body = checkBody(bodyInput)
	return inTransaction(async (unit) => {
		const { tx } = unit
		const message = await ownMessageInWindow(tx, actor, messageId)
		if (message.body === body) return view(await tx.chatMessage.findUniqueOrThrow({ where: { id: message.id }, select: messageSelect }))
		await recordAudit(tx, { actorId: actor.id, action: 'chat.message.edit', entityType: 'ChatMessage', entityId: message.id, data: { roomId: message.roomId, before: message.body } })
		const updated = await tx.chatMessage.update({ where: { id: message.id }, data: { body, editedAt: new Date() }, select: messageSelect })
		await writeSearchText(tx, message.id, body)
		const changed = view(updated)
		broadcast(unit, (b) => b.changed(changed))
		return changed
	})
}

/** Deletes one's own message within the window: its text is gone for everyone; the audit log keeps it. */
export async function deleteMessage(actor: ChatActor, messageId: unknown) {
	return inTransaction(async (unit) => {
		const { tx } = unit
		const message = await ownMessageInWindow(tx, actor, messageId)
		await recordAudit(tx, { actorId: actor.id, action: 'chat.message.delete', entityType: 'ChatMessage', entityId: message.id, data: { roomId: message.roomId, before: message.body } })
		const updated = await tx.chatMessage.update({ where: { id: message.id }, data: { body: '', deletedAt: new Date() }, select: messageSelect })
		await writeSearchText(tx, message.id, null)
		const changed = view(updated)
		broadcast(unit, (b) => b.changed(changed))
		return changed
	})
}

/** Marks the room read up to `seq` (never backwards, never past the last message). */
export async function markRead(actor: ChatActor, roomId: unknown, seqInput: unknown) {
	const seq = typeof seqInput === 'number' && Number.isInteger(seqInput) && seqInput >= 0 ? seqInput : null
	if (seq === null) throw new ChatError('chat.errors.invalid', 400)
	return inTransaction(async (unit) => {
		const member = await requireMember(unit.tx, roomId, actor.id)
		const [row] = await unit.tx.$queryRaw<Array<{ lastReadSeq: number }>>`
			UPDATE "ChatMember" m SET "lastReadSeq" = GREATEST(m."lastReadSeq", LEAST(${seq}::int, r."lastSeq"))
			FROM "ChatRoom" r WHERE m.id = ${member.id} AND r.id = m."roomId"
			RETURNING m."lastReadSeq"`
		const lastReadSeq = row?.lastReadSeq ?? member.lastReadSeq
		if (lastReadSeq > member.lastReadSeq) broadcast(unit, (b) => b.read(roomId as string, actor.id, lastReadSeq))
		return { lastReadSeq }
	})
}

// ─── Reads ────────────────────────────────────────────────────────────────────

/** A page of a room's history: the newest `limit` before `before`, or everything after `after`, oldest first. */
export async function history(actor: ChatActor, roomId: unknown, options: { before?: number | null; after?: number | null; limit?: number } = {}) {
	const member = await requireMember(prisma, roomId, actor.id)
	const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? CHAT_LIMITS.historyPage)), CHAT_LIMITS.historyMax)
	const id = roomId as string
	if (options.after !== undefined && options.after !== null) {
		const rows = await prisma.chatMessage.findMany({ where: { roomId: id, seq: { gt: options.after } }, orderBy: { seq: 'asc' }, take: limit + 1, select: messageSelect })
		return { messages: rows.slice(0, limit).map(view), hasMore: rows.length > limit, lastReadSeq: member.lastReadSeq }
	}
	const rows = await prisma.chatMessage.findMany({
		where: { roomId: id, ...(options.before ? { seq: { lt: options.before } } : {}) },
		orderBy: { seq: 'desc' },
		take: limit + 1,
		select: messageSelect,
	})
	return { messages: rows.slice(0, limit).reverse().map(view), hasMore: rows.length > limit, lastReadSeq: member.lastReadSeq }
}

export type RoomSummary = {
	id: string
	kind: 'DEAL' | 'DIRECT'
	title: string
	dealId: string | null
	dealCode: string | null
	others: Array<{ id: string; name: string }>
	lastSeq: number
	lastReadSeq: number
	unread: number
	lastMessageAt: string | null
	isOwner: boolean
}

/** A person's rooms, the most recently active first, with unread counts. */
export async function listRooms(actor: ChatActor, options: { take?: number; roomId?: string } = {}): Promise<RoomSummary[]> {
	const rows = await prisma.chatMember.findMany({
		where: { userId: actor.id, removedAt: null, ...(options.roomId ? { roomId: options.roomId } : {}) },
		select: {
			lastReadSeq: true,
			isOwner: true,
			room: {
				select: {
					id: true,
					kind: true,
					title: true,
					dealId: true,
					lastSeq: true,
					lastMessageAt: true,
					createdAt: true,
					deal: { select: { code: true, title: true } },
					members: { where: { removedAt: null, userId: { not: actor.id } }, select: { user: { select: { id: true, name: true } } }, take: 6 },
				},
			},
		},
		orderBy: [{ room: { lastMessageAt: { sort: 'desc', nulls: 'last' } } }, { joinedAt: 'desc' }],
		take: Math.min(options.take ?? 100, CHAT_LIMITS.roomsPerUser),
	})
	return rows.map(({ room, lastReadSeq, isOwner }) => ({
		id: room.id,
		kind: room.kind,
		title: room.deal ? room.deal.title : room.title,
		dealId: room.dealId,
		dealCode: room.deal?.code ?? null,
		others: room.members.map((m) => m.user),
		lastSeq: room.lastSeq,
		lastReadSeq,
		unread: Math.max(0, room.lastSeq - lastReadSeq),
		lastMessageAt: (room.lastMessageAt ?? room.createdAt).toISOString(),
		isOwner,
	}))
}

/** One room the person is in, or a 404. */
export async function getRoom(actor: ChatActor, roomId: unknown) {
	await requireMember(prisma, roomId, actor.id)
	const [room] = await listRooms(actor, { roomId: roomId as string })
	if (!room) throw new ChatError('chat.errors.notFound', 404)
	const members = await prisma.chatMember.findMany({
		where: { roomId: room.id, removedAt: null },
		select: { isOwner: true, source: true, lastReadSeq: true, user: { select: { id: true, name: true } } },
		orderBy: { joinedAt: 'asc' },
	})
	return { ...room, members: members.map((m) => ({ ...m.user, isOwner: m.isOwner, source: m.source, lastReadSeq: m.lastReadSeq })) }
}

/** Unread messages over all of a person's rooms (the header badge). */
export async function totalUnread(userId: string) {
	const [row] = await prisma.$queryRaw<Array<{ unread: bigint | null }>>`
		SELECT SUM(GREATEST(r."lastSeq" - m."lastReadSeq", 0)) AS unread
		FROM "ChatMember" m JOIN "ChatRoom" r ON r.id = m."roomId"
		WHERE m."userId" = ${userId} AND m."removedAt" IS NULL`
	return Number(row?.unread ?? 0)
}

/** Messages matching the words, with or without diacritics, in one room or across the person's rooms; newest first. */
export async function searchMessages(actor: ChatActor, query: unknown, roomId?: unknown) {
	if (roomId !== undefined && roomId !== null && roomId !== '') await requireMember(prisma, roomId, actor.id)
	const terms = typeof query === 'string' ? words(query.slice(0, 200)).map(foldDiacritics).slice(0, 8) : []
	if (terms.length === 0) return []
	// Each word as a prefix, all required: the vector holds every word also unaccented.
	const tsquery = terms.map((t) => `${t.replace(/[^\p{L}\p{N}]/gu, '')}:*`).filter((t) => t !== ':*').join(' & ')
	if (!tsquery) return []
	const room = typeof roomId === 'string' && roomId ? roomId : null
	const ids = await prisma.$queryRaw<Array<{ id: string }>>`
		SELECT msg.id FROM "ChatMessage" msg
		JOIN "ChatMember" mem ON mem."roomId" = msg."roomId" AND mem."userId" = ${actor.id} AND mem."removedAt" IS NULL
		WHERE msg."searchText" @@ to_tsquery('simple'::regconfig, ${tsquery})
		  AND msg."deletedAt" IS NULL
		  AND (${room}::text IS NULL OR msg."roomId" = ${room})
		ORDER BY msg."createdAt" DESC
		LIMIT ${CHAT_LIMITS.searchMax}`
	if (ids.length === 0) return []
	const rows = await prisma.chatMessage.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: messageSelect, orderBy: { createdAt: 'desc' } })
	return rows.map(view)
}

/** The message the person already sent with this UUID, if any (a form submitted twice). */
export async function alreadySent(actor: ChatActor, roomId: string, clientMsgId: string) {
	const row = await prisma.chatMessage.findUnique({ where: { roomId_clientMsgId: { roomId, clientMsgId: clientMsgId.toLowerCase() } }, select: messageSelect })
	return row && row.sender?.id === actor.id ? view(row) : null
}

/** The ids of a room's current members (for the socket layer's fan-out). */
export async function memberIds(roomId: string) {
	const rows = await prisma.chatMember.findMany({ where: { roomId, removedAt: null }, select: { userId: true } })
	return rows.map((r) => r.userId)
}

/** The rooms a person is in (to join their sockets to on connect). */
export async function roomIdsOf(userId: string) {
	const rows = await prisma.chatMember.findMany({ where: { userId, removedAt: null }, select: { roomId: true }, take: CHAT_LIMITS.roomsPerUser })
	return rows.map((r) => r.roomId)
}
