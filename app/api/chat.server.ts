// The JSON API of chat (/api/v1/rooms/...), for integrations and scripts: the same model as the
// socket events, so a message posted here is stored once per idempotency key, takes the room's next
// sequence number and reaches the members' open sockets. People only (the session cookie): a room's
// membership is personal, and an organisation's API key does not stand for one person's
// conversations.
import { z } from 'zod'
import { ChatError, CHAT_LIMITS, ensureDealRoom, getRoom, history, listRooms, markRead, openDirect, searchMessages, sendMessage } from '~/models/chat.server'
import { dealRoles } from '~/models/deal.server'
import { prisma } from '~/utils/db.server'
import { consume } from '~/utils/rate-limit.server'
import { msg } from '~/utils/validation'
import { requireApiUser } from './auth.server'
import { ApiError, notFound, validationFailed } from './errors.server'
import { apiRoute } from './handler.server'
import { apiJson } from './responses.server'
import { parseQuery, readJsonObject, validate } from './validation.server'

const id = z
	.string({ error: msg('validation.required') })
	.min(1, msg('validation.required'))
	.max(64, msg('validation.invalid'))

export const RoomOpenSchema = z.union(
	[
		z.strictObject({
			dealId: id.describe('The deal whose room to open (you must be on the deal).'),
		}),
		z.strictObject({
			userId: id.describe('The other person of a direct conversation (one per pair: an existing one is returned).'),
		}),
	],
	{ error: msg('chat.errors.invalid') },
)

export const MessagePostSchema = z.strictObject({
	body: z
		.string({ error: msg('chat.errors.emptyMessage') })
		.max(CHAT_LIMITS.bodyMax * 2, msg('chat.errors.tooLong', { max: CHAT_LIMITS.bodyMax }))
		.describe(`Markdown-lite (links, bold, lists; raw HTML is shown as text), at most ${CHAT_LIMITS.bodyMax} characters.`),
	clientMsgId: z
		.uuid({ error: msg('chat.errors.invalid') })
		.optional()
		.describe('The idempotency key (or send it as the Idempotency-Key header): a retry with the same one returns the stored message.'),
	replyToId: id.optional(),
})

const cursor = z.coerce
	.number({ error: msg('api.errors.notPositiveInteger') })
	.int(msg('api.errors.notPositiveInteger'))
	.min(0, msg('api.errors.notPositiveInteger'))

export const HistoryQuery = z.object({
	before: cursor.optional().describe('Messages with a smaller sequence number (page backwards; `meta.before` of the previous answer).'),
	after: cursor.optional().describe('Messages with a larger sequence number (catch up after a reconnect).'),
	limit: z.coerce.number().int().min(1).max(CHAT_LIMITS.historyMax).default(CHAT_LIMITS.historyPage),
	q: z.string().max(200).optional().describe('Search this room instead (words, with or without diacritics); newest first.'),
})

export const ReadSchema = z.strictObject({
	seq: z
		.number({ error: msg('api.errors.notPositiveInteger') })
		.int()
		.min(0),
})

const CODES: Record<number, string> = {
	400: 'bad_request',
	403: 'forbidden',
	404: 'not_found',
	409: 'conflict',
	429: 'too_many_requests',
}

async function run<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work()
	} catch (error) {
		if (error instanceof ChatError) throw new ApiError(error.status, CODES[error.status] ?? 'bad_request', error.key, { params: error.params })
		throw error
	}
}

const roomId = (params: { id?: string }) => {
	if (!params.id || params.id.length > 64) throw notFound('chat.errors.notFound')
	return params.id
}

/** /rooms: the caller's rooms with unread counts (GET); open a deal's room or a direct conversation (POST). */
export const roomsApi = apiRoute({
	GET: async ({ request }) => {
		const { user } = await requireApiUser(request)
		return apiJson({ data: await listRooms(user) })
	},
	POST: async ({ request, url }) => {
		const { user } = await requireApiUser(request)
		const body = await validate(RoomOpenSchema, (await readJsonObject(request))!)
		let opened: { roomId: string; created?: boolean }
		if ('dealId' in body) {
			const deal = await prisma.deal.findUnique({
				where: { id: body.dealId },
				select: { buyerOrgId: true, sellerOrgId: true, brokerId: true },
			})
			const roles = deal ? dealRoles(user, deal).filter((r) => r !== 'operator') : []
			if (!deal || roles.length === 0) throw notFound('deals.errors.notFound')
			opened = await run(() => ensureDealRoom(body.dealId))
		} else {
			await consume('chatRoomUser', user.id)
			opened = await run(() => openDirect(user, body.userId, null))
		}
		const room = await run(() => getRoom(user, opened.roomId))
		return apiJson(
			{ data: room },
			{
				status: opened.created === false ? 200 : 201,
				headers: { Location: `${url.pathname.replace(/\/+$/, '')}/${room.id}` },
			},
		)
	},
})

/** /rooms/:id: one room with its members. */
export const roomApi = apiRoute<{ id: string }>({
	GET: async ({ request, params }) => {
		const { user } = await requireApiUser(request)
		return apiJson({ data: await run(() => getRoom(user, roomId(params))) })
	},
})

/** /rooms/:id/messages: history by sequence cursors or search (GET); post a message once per idempotency key (POST). */
export const roomMessagesApi = apiRoute<{ id: string }>({
	GET: async ({ request, params, url }) => {
		const { user } = await requireApiUser(request)
		const id = roomId(params)
		const query = await parseQuery(url, HistoryQuery)
		if (query.before !== undefined && query.after !== undefined) throw validationFailed({ after: [msg('chat.errors.cursors')] })
		if (query.q !== undefined)
			return apiJson({
				data: await run(() => searchMessages(user, query.q, id)),
			})
		const page = await run(() =>
			history(user, id, {
				before: query.before ?? null,
				after: query.after ?? null,
				limit: query.limit,
			}),
		)
		const first = page.messages[0]?.seq ?? null
		const last = page.messages.at(-1)?.seq ?? null
		return apiJson({
			data: page.messages,
			meta: {
				hasMore: page.hasMore,
				lastReadSeq: page.lastReadSeq,
				before: first,
				after: last,
			},
		})
	},
	POST: async ({ request, params }) => {
		const { user } = await requireApiUser(request)
		const id = roomId(params)
		await consume('chatMessageUser', user.id)
		const body = await validate(MessagePostSchema, (await readJsonObject(request))!)
		const header = request.headers.get('Idempotency-Key')
		const clientMsgId = body.clientMsgId ?? header ?? undefined
		if (!clientMsgId)
			throw validationFailed({
				clientMsgId: [msg('chat.errors.idempotencyKey')],
			})
		if (body.clientMsgId && header && body.clientMsgId.toLowerCase() !== header.toLowerCase())
			throw validationFailed({
				clientMsgId: [msg('chat.errors.idempotencyKey')],
			})
		const { message, duplicate } = await run(() =>
			sendMessage(user, {
				roomId: id,
				clientMsgId,
				body: body.body,
				replyToId: body.replyToId,
			}),
		)
		return apiJson({ data: message, meta: { duplicate } }, { status: duplicate ? 200 : 201 })
	},
})

/** /rooms/:id/read: the caller has read up to a sequence number. */
export const roomReadApi = apiRoute<{ id: string }>({
	POST: async ({ request, params }) => {
		const { user } = await requireApiUser(request)
		const id = roomId(params)
		const { seq } = await validate(ReadSchema, (await readJsonObject(request))!)
		return apiJson({ data: await run(() => markRead(user, id, seq)) })
	},
})
