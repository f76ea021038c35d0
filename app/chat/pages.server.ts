import { randomUUID } from 'node:crypto'
import { data, redirect } from 'react-router'
import { dealRoles } from '~/models/deal.server'
import {
	addMember,
	CHAT_LIMITS,
	ChatError,
	deleteMessage,
	editMessage,
	ensureDealRoom,
	getRoom,
	history,
	isMember,
	listRooms,
	markRead,
	openDirect,
	removeMember,
	searchMessages,
	sendMessage,
	type ChatMessageView,
	type DirectContext,
} from '~/models/chat.server'
import { getUser, requireUser, type SessionUser } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { consume, hit } from '~/utils/rate-limit.server'

// What the /messages pages read and write. The chat model checks membership on every call; a room
// that is not the person's answers 404 here exactly as one that does not exist, through the
// project's not-found page. Form actions redirect after a write (so a reload never posts twice)
// and answer a refusal with its translation key and what was typed.

function notFound(key = 'chat.errors.notFound'): never {
	throw data({ message: key }, { status: 404 })
}

function positiveInt(value: string | null) {
	const n = Number(value)
	return value && Number.isInteger(n) && n > 0 && n < 2 ** 31 ? n : null
}

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : '')

async function roomOr404(user: SessionUser, roomId: string) {
	try {
		return await getRoom(user, roomId)
	} catch (error) {
		if (error instanceof ChatError && error.status === 404) notFound()
		throw error
	}
}

/** Where a direct conversation was opened from, for a link back to it. */
const CONTEXT_PATHS: Record<string, string> = { offer: '/offers/', demand: '/demands/', expert: '/experts/' }

/** Messages around `at` are shown with it about in the middle, so a search result opens in its context. */
const AROUND = Math.floor(CHAT_LIMITS.historyPage / 2)

/**
 * Runs before every loader of a room's newest page (route middleware): opening the room reads it,
 * so the header's count, which the root loader takes in parallel with the page's, already leaves
 * it out, also without JavaScript. An older page (?before=, ?at=) reads nothing; a person who may
 * not see the room is answered by the loader.
 */
export async function readOnOpen(request: Request, roomId: string | undefined) {
	if (request.method !== 'GET' || !roomId) return
	const url = new URL(request.url)
	if (url.searchParams.has('before') || url.searchParams.has('at')) return
	const user = await getUser(request)
	if (!user) return
	try {
		// Capped at the room's last line by the model.
		await markRead(user, roomId, 2 ** 31 - 1)
	} catch (error) {
		if (!(error instanceof ChatError)) throw error
	}
}

/** /messages/:roomId: a page of history, members, the in-room search, and a fresh UUID for the plain form. */
export async function roomPage(request: Request, roomId: string) {
	const user = await requireUser(request)
	const url = new URL(request.url)
	const room = await roomOr404(user, roomId)
	const at = positiveInt(url.searchParams.get('at'))
	const before = at ? at + AROUND + 1 : positiveInt(url.searchParams.get('before'))
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200)
	const page = await history(user, room.id, { before })
	const lastShown = page.messages.at(-1)?.seq ?? 0
	// The latest page is the live one: reading it reads the room (readOnOpen did, before the loaders;
	// an ?at= page that reaches the end does here), and the JavaScript client then keeps marking as
	// new lines become visible. An older page reads nothing.
	const latest = lastShown >= room.lastSeq
	let lastReadSeq = page.lastReadSeq
	if (latest && room.lastSeq > lastReadSeq) lastReadSeq = (await markRead(user, room.id, room.lastSeq)).lastReadSeq
	const [results, context] = await Promise.all([
		q ? searchMessages(user, q, room.id) : Promise.resolve([] as ChatMessageView[]),
		room.kind === 'DIRECT' ? prisma.chatRoom.findUnique({ where: { id: room.id }, select: { contextType: true, contextId: true, title: true } }) : null,
	])
	const replyId = url.searchParams.get('reply')
	const replyTo = replyId ? await quoteOf(room.id, replyId) : null
	const editId = url.searchParams.get('edit')
	const editing = editId ? page.messages.find((m) => m.id === editId && canChange(m, user.id)) : undefined
	return {
		me: { id: user.id, name: user.name },
		room: {
			id: room.id,
			kind: room.kind,
			title: room.title,
			dealId: room.dealId,
			dealCode: room.dealCode,
			others: room.others,
			members: room.members.map((m) => ({ id: m.id, name: m.name, isOwner: m.isOwner, source: m.source })),
			// Room owners (organisation managers, the opener of a direct conversation) and the broker add and remove members.
			canManage: room.members.some((m) => m.id === user.id && (m.isOwner || m.source === 'BROKER')),
			lastSeq: room.lastSeq,
			context:
				context?.contextType && context.contextId && CONTEXT_PATHS[context.contextType]
					? { type: context.contextType, href: `${CONTEXT_PATHS[context.contextType]}${context.contextId}`, title: context.title }
					: context?.title
						? { type: context.contextType ?? 'match', href: null, title: context.title }
						: null,
		},
		messages: page.messages,
		hasOlder: page.hasMore,
		latest,
		at,
		lastReadSeq,
		clientMsgId: randomUUID(),
		// The file form's own key: a file and a line typed beside it are two messages.
		fileClientMsgId: randomUUID(),
		q,
		results,
		replyTo,
		editId: editing?.id ?? null,
		now: new Date().toISOString(),
		editWindowMs: CHAT_LIMITS.editWindowMs,
	}
}

export type RoomPageData = Awaited<ReturnType<typeof roomPage>>

function canChange(m: ChatMessageView, userId: string) {
	return m.kind === 'TEXT' && !m.deletedAt && m.sender?.id === userId && Date.now() - Date.parse(m.createdAt) <= CHAT_LIMITS.editWindowMs
}

/** The quote a reply shows above the composer; only a message of this room (the caller is a member). */
async function quoteOf(roomId: string, messageId: string) {
	if (messageId.length > 64) return null
	const row = await prisma.chatMessage.findFirst({
		where: { id: messageId, roomId, kind: 'TEXT', deletedAt: null },
		select: { id: true, seq: true, body: true, sender: { select: { name: true } } },
	})
	return row ? { id: row.id, seq: row.seq, excerpt: row.body.slice(0, 140), senderName: row.sender?.name ?? null } : null
}

const INTENTS = ['send', 'edit', 'delete', 'addMember', 'removeMember', 'leave'] as const
export type RoomIntent = (typeof INTENTS)[number]

export type RoomActionData = {
	intent: RoomIntent | null
	error: { key: string; params?: Record<string, string | number> }
	values: { body: string; replyToId: string; messageId: string; clientMsgId: string; email?: string }
}

/** The room's plain forms: send (and reply), edit and delete, one intent each. */
export async function roomAction(request: Request, roomId: string) {
	const user = await requireUser(request)
	// Before reading the form: whatever a non-member posts, the room does not exist for them.
	if (!(await isMember(roomId, user.id))) notFound()
	const form = await request.formData()
	const intentRaw = text(form.get('intent'))
	const intent = (INTENTS as readonly string[]).includes(intentRaw) ? (intentRaw as RoomIntent) : null
	const values = { body: text(form.get('body')), replyToId: text(form.get('replyToId')), messageId: text(form.get('messageId')), clientMsgId: text(form.get('clientMsgId')), email: text(form.get('email')) }
	const refuse = (status: number, key: string, params?: Record<string, string | number>) =>
		data<RoomActionData>({ intent, error: { key, ...(params && Object.keys(params).length ? { params } : {}) }, values }, { status })
	if (!intent) return refuse(400, 'chat.errors.invalid')
	const to = (seq: number) => redirect(`/messages/${roomId}#m-${seq}`)
	try {
		if (intent === 'send') {
			const wait = await hit('chatMessageUser', user.id)
			if (wait !== null) return refuse(429, 'chat.errors.rateLimited', { seconds: wait })
			// The UUID came from the page's loader: a second submit of the same form finds the first message.
			const { message } = await sendMessage(user, { roomId, clientMsgId: values.clientMsgId, body: values.body, replyToId: values.replyToId || null })
			return to(message.seq)
		}
		if (intent === 'addMember' || intent === 'removeMember' || intent === 'leave') {
			const wait = await hit('writeUser', user.id)
			if (wait !== null) return refuse(429, 'chat.errors.rateLimited', { seconds: wait })
			if (intent === 'leave') {
				await removeMember(user, roomId, user.id)
				return redirect('/messages')
			}
			if (intent === 'removeMember') await removeMember(user, roomId, text(form.get('userId')))
			else {
				const email = (values.email ?? '').trim().toLowerCase()
				const person = email ? await prisma.user.findFirst({ where: { email, disabledAt: null }, select: { id: true } }) : null
				if (!person) return refuse(404, 'chat.errors.userNotFound')
				await addMember(user, roomId, person.id)
			}
			return redirect(`/messages/${roomId}?done=members#chat-members-title`)
		}
		if (intent === 'edit') {
			const message = await editMessage(user, values.messageId, values.body)
			return to(message.seq)
		}
		const message = await deleteMessage(user, values.messageId)
		return to(message.seq)
	} catch (error) {
		if (error instanceof ChatError) {
			if (error.key === 'chat.errors.notFound') notFound()
			return refuse(error.status, error.key, error.params)
		}
		throw error
	}
}

// ─── /messages ────────────────────────────────────────────────────────────────

/** The person's rooms, and with `?q=` the messages matching it across them. */
export async function roomsPage(request: Request) {
	const user = await requireUser(request)
	const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 200)
	const [rooms, found] = await Promise.all([listRooms(user), q ? searchMessages(user, q) : Promise.resolve([] as ChatMessageView[])])
	const byId = new Map(rooms.map((r) => [r.id, r]))
	const results = found.map((m) => {
		const room = byId.get(m.roomId)
		return { message: m, room: room ? { id: room.id, kind: room.kind, title: room.title, dealCode: room.dealCode, others: room.others } : null }
	})
	return { me: { id: user.id }, rooms, q, results }
}

export type RoomsPageData = Awaited<ReturnType<typeof roomsPage>>

// ─── Opening conversations ────────────────────────────────────────────────────

function refuse(key: string, status: number): never {
	throw data({ message: key }, { status })
}

const CONTEXT_TYPES = ['offer', 'demand', 'expert', 'match'] as const
type ContextType = (typeof CONTEXT_TYPES)[number]

/**
 * Who a direct conversation about this listing, expert or match goes to, read on the server: the
 * listing's contact person, the user who claimed the expert profile, the other side's contact.
 */
async function directTarget(user: SessionUser, type: ContextType, id: string): Promise<{ userId: string; context: DirectContext }> {
	if (!id || id.length > 64) notFound('errors.notFound')
	const mine = new Set(user.memberships.map((m) => m.organisation.id))
	if (type === 'offer' || type === 'demand') {
		const where = { id, status: 'PUBLISHED' as const }
		const select = { title: true, contactUserId: true, organisationId: true }
		const listing = type === 'offer' ? await prisma.offer.findFirst({ where, select }) : await prisma.demand.findFirst({ where, select })
		if (!listing) notFound('errors.notFound')
		if (mine.has(listing.organisationId)) refuse('chat.errors.sameOrganisation', 400)
		if (!listing.contactUserId) refuse('chat.errors.noContact', 400)
		return { userId: listing.contactUserId, context: { type, id, title: listing.title } }
	}
	if (type === 'expert') {
		const expert = await prisma.expert.findUnique({ where: { id }, select: { fullName: true, claimedById: true } })
		if (!expert) notFound('errors.notFound')
		if (!expert.claimedById) refuse('chat.errors.noContact', 400)
		return { userId: expert.claimedById, context: { type, id, title: expert.fullName } }
	}
	// A match: the person writes from their side's listing to the other side's contact.
	const listing = { select: { title: true, contactUserId: true, organisationId: true, status: true } } as const
	const match = await prisma.match.findUnique({ where: { id }, select: { kind: true, offer: listing, demand: listing } })
	if (!match || match.kind !== 'OFFER_DEMAND' || !match.offer || !match.demand) notFound('errors.notFound')
	const other = mine.has(match.offer.organisationId) ? match.demand : mine.has(match.demand.organisationId) ? match.offer : null
	if (!other || other.status !== 'PUBLISHED') notFound('errors.notFound')
	if (mine.has(other.organisationId)) refuse('chat.errors.sameOrganisation', 400)
	if (!other.contactUserId) refuse('chat.errors.noContact', 400)
	return { userId: other.contactUserId, context: { type, id, title: `${match.offer.title} ↔ ${match.demand.title}` } }
}

/** Whether the person already reads this room: then opening it again is a plain redirect, costing no budget. */
async function alreadyIn(where: { dealId: string } | { directKey: string }, userId: string) {
	const room = await prisma.chatRoom.findFirst({ where, select: { id: true, members: { where: { userId, removedAt: null }, select: { id: true } } } })
	return room && room.members.length > 0 ? room.id : null
}

/** POST /messages/new: the deal's room (created and synced on the way) or the direct conversation about a context. */
export async function openConversation(request: Request) {
	const user = await requireUser(request)
	const form = await request.formData()
	try {
		const dealId = text(form.get('dealId'))
		if (dealId) {
			const deal = dealId.length <= 64 ? await prisma.deal.findUnique({ where: { id: dealId }, select: { buyerOrgId: true, sellerOrgId: true, brokerId: true } }) : null
			// The sides and the broker are the room's members; an operator alone is not (they read the deal, not its talk).
			if (!deal || !dealRoles(user, deal).some((r) => r !== 'operator')) notFound('deals.errors.notFound')
			const existing = await alreadyIn({ dealId }, user.id)
			if (existing) return redirect(`/messages/${existing}`)
			await consume('chatRoomUser', user.id)
			const { roomId } = await ensureDealRoom(dealId)
			return redirect(`/messages/${roomId}`)
		}
		const typeRaw = text(form.get('context'))
		if (!(CONTEXT_TYPES as readonly string[]).includes(typeRaw)) refuse('chat.errors.invalid', 400)
		const target = await directTarget(user, typeRaw as ContextType, text(form.get('contextId')))
		// A form may name whom it means; it must be the person the context leads to.
		const named = text(form.get('userId'))
		if (named && named !== target.userId) refuse('chat.errors.invalid', 400)
		if (target.userId === user.id) refuse('chat.errors.self', 400)
		const existing = await alreadyIn({ directKey: [user.id, target.userId].sort().join('|') }, user.id)
		if (existing) return redirect(`/messages/${existing}`)
		await consume('chatRoomUser', user.id)
		const { roomId } = await openDirect(user, target.userId, target.context)
		return redirect(`/messages/${roomId}`)
	} catch (error) {
		if (error instanceof ChatError) refuse(error.key, error.status)
		throw error
	}
}

/**
 * The deal page's way into its room, for the sides and the broker: the room when the person is in it
 * already (a link), else null (a button that creates or syncs it). Operators read the deal, not its talk.
 */
export async function dealChatEntry(userId: string, dealId: string, roles: readonly string[]) {
	if (!roles.some((r) => r !== 'operator')) return null
	return { roomId: await alreadyIn({ dealId }, userId) }
}
