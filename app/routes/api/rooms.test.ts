// /api/v1/rooms against a real database and a real socket.io server: opening deal and direct rooms,
// posting once per idempotency key (and the post reaching a member's open socket), history cursors,
// search, read state; a non-member gets 404 on every path, an API key 403.
import { randomUUID } from 'node:crypto'
import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { RouterContextProvider } from 'react-router'
import { io as connectClient, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { ApiErrorBody } from '~/api/errors.server'
import { createApiKey } from '~/models/api-key.server'
import { startDeal } from '~/models/deal.server'
import type { ChatMessagePayload, ClientToServerEvents, ServerToClientEvents } from '~/realtime/events'
import { attachSocketServer, closeSocketServer } from '~/realtime/socket.server'
import { actorFor, createOwner, createUser, signIn } from '../../../tests/factories'
import { useTestDatabase } from '../../../tests/db'
import { exchange, publishedOffer } from '../../../tests/search/helpers'
import * as roomOne from './room'
import * as roomMessages from './room-messages'
import * as roomRead from './room-read'
import * as roomList from './rooms'

const { prisma } = await useTestDatabase()

type Route = {
	loader: (args: never) => Promise<Response>
	action: (args: never) => Promise<Response>
}
type Who = { cookie?: string; key?: string; language?: string }
type Json = Record<string, unknown>

async function call(
	route: Route,
	path: string,
	params: Record<string, string>,
	who: Who,
	options: {
		method?: string
		body?: unknown
		headers?: Record<string, string>
	} = {},
) {
	const method = options.method ?? 'GET'
	const headers = new Headers(options.headers)
	if (who.cookie) headers.set('Cookie', who.cookie)
	if (who.key) headers.set('Authorization', `Bearer ${who.key}`)
	headers.set('Accept-Language', who.language ?? 'vi')
	const body = options.body === undefined ? undefined : JSON.stringify(options.body)
	if (body !== undefined) headers.set('Content-Type', 'application/json')
	const request = new Request(`http://localhost/api/v1${path}`, {
		method,
		headers,
		body,
	})
	const args = {
		request,
		params,
		context: new RouterContextProvider(),
	} as never
	const response = method === 'GET' ? await route.loader(args) : await route.action(args)
	const text = await response.text()
	return {
		status: response.status,
		json: (text ? JSON.parse(text) : null) as Json,
	}
}

const api = {
	list: (who: Who) => call(roomList, '/rooms', {}, who),
	open: (who: Who, body: unknown) => call(roomList, '/rooms', {}, who, { method: 'POST', body }),
	get: (who: Who, id: string) => call(roomOne, `/rooms/${id}`, { id }, who),
	history: (who: Who, id: string, query = '') => call(roomMessages, `/rooms/${id}/messages${query}`, { id }, who),
	post: (who: Who, id: string, body: unknown, headers: Record<string, string> = {}) =>
		call(roomMessages, `/rooms/${id}/messages`, { id }, who, {
			method: 'POST',
			body,
			headers,
		}),
	read: (who: Who, id: string, body: unknown) => call(roomRead, `/rooms/${id}/read`, { id }, who, { method: 'POST', body }),
}

const data = (r: { json: Json }) => r.json.data as Json
const error = (r: { json: Json }) => (r.json as unknown as ApiErrorBody).error

let httpServer: HttpServer
let baseUrl = ''

beforeAll(async () => {
	process.env.SESSION_SECRET ??= 'rooms-test-session-secret-0123456789'
	httpServer = createServer()
	attachSocketServer(httpServer)
	await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
	baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`
})

afterAll(async () => {
	closeSocketServer()
	await new Promise<void>((resolve) => httpServer.close(() => resolve()))
})

async function people() {
	const a = await createUser()
	const b = await createUser()
	const outsider = await createUser()
	return {
		a: { id: a.id, cookie: (await signIn(a.id)).cookie },
		b: { id: b.id, cookie: (await signIn(b.id)).cookie },
		outsider: { cookie: (await signIn(outsider.id)).cookie },
	}
}

describe('/api/v1/rooms', () => {
	test("a deal's room opens for its parties only; opening again returns the same room", async () => {
		const sellerSide = await exchange()
		const offerId = await publishedOffer(sellerSide)
		const buyerOwner = await createOwner({ type: 'ENTERPRISE' })
		const { id: dealId } = await startDeal(await actorFor(buyerOwner.user.id), {
			from: 'offer',
			offerId,
			organisationId: buyerOwner.organisation.id,
			message: '',
		})
		const buyer = { cookie: (await signIn(buyerOwner.user.id)).cookie }
		const outsider = { cookie: (await signIn((await createUser()).id)).cookie }
		expect((await api.open(outsider, { dealId })).status).toBe(404)
		expect(await prisma.chatRoom.count({ where: { dealId } })).toBe(0)
		const opened = await api.open(buyer, { dealId })
		expect(opened.status).toBe(201)
		expect(data(opened)).toMatchObject({
			kind: 'DEAL',
			dealId,
			members: expect.arrayContaining([expect.objectContaining({ id: buyerOwner.user.id })]),
		})
		const again = await api.open({ cookie: (await signIn(sellerSide.owner.user.id)).cookie }, { dealId })
		expect(again.status).toBe(200)
		expect(data(again).id).toBe(data(opened).id)
	})

	test('posting is idempotent per key, reaches the other member’s socket, and history pages by sequence', async () => {
		const { a, b } = await people()
		const opened = await api.open(a, { userId: b.id })
		expect(opened.status).toBe(201)
		const roomId = data(opened).id as string
		expect((await api.open(b, { userId: a.id })).status).toBe(200)

		const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connectClient(baseUrl, {
			transports: ['websocket'],
			extraHeaders: { cookie: b.cookie! },
			reconnection: false,
		})
		const received: ChatMessagePayload[] = []
		socket.on('chat:message', (m) => received.push(m))
		await new Promise<void>((resolve, reject) => {
			socket.on('connect', () => resolve())
			socket.on('connect_error', reject)
		})
		try {
			const key = randomUUID()
			const first = await api.post(a, roomId, { body: 'Chào anh, bên em quan tâm **công nghệ sấy lạnh**' }, { 'Idempotency-Key': key })
			expect(first.status).toBe(201)
			expect(data(first)).toMatchObject({
				seq: 1,
				clientMsgId: key,
				sender: { id: a.id },
			})
			const retry = await api.post(a, roomId, { body: 'khác đi cũng vậy' }, { 'Idempotency-Key': key })
			expect(retry.status).toBe(200)
			expect([data(retry).id, (retry.json.meta as Json).duplicate]).toEqual([data(first).id, true])
			await expect.poll(() => received.map((m) => m.id)).toEqual([data(first).id])

			for (let i = 2; i <= 6; i++)
				expect(
					(
						await api.post(b, roomId, {
							body: `tin ${i}`,
							clientMsgId: randomUUID(),
						})
					).status,
				).toBe(201)
			const newest = await api.history(a, roomId, '?limit=2')
			expect((newest.json.data as Json[]).map((m) => m.seq)).toEqual([5, 6])
			expect(newest.json.meta).toMatchObject({
				hasMore: true,
				before: 5,
				after: 6,
			})
			const older = await api.history(a, roomId, '?before=5&limit=10')
			expect((older.json.data as Json[]).map((m) => m.seq)).toEqual([1, 2, 3, 4])
			const caughtUp = await api.history(a, roomId, '?after=4')
			expect((caughtUp.json.data as Json[]).map((m) => m.seq)).toEqual([5, 6])
			const found = await api.history(b, roomId, '?q=cong%20nghe%20say')
			expect((found.json.data as Json[]).map((m) => m.seq)).toEqual([1])

			// Unread: a has five from b; reading up to 4 leaves two; b reads nothing new.
			expect((data(await api.list(a)) as unknown as Json[]).find((r) => r.id === roomId)?.unread).toBe(5)
			expect(data(await api.read(a, roomId, { seq: 4 }))).toEqual({
				lastReadSeq: 4,
			})
			expect((data(await api.list(a)) as unknown as Json[]).find((r) => r.id === roomId)?.unread).toBe(2)
		} finally {
			socket.disconnect()
		}
	})

	test('bad requests are 4xx with translated messages; a non-member gets 404 everywhere; API keys 403', async () => {
		const { a, b, outsider } = await people()
		const roomId = data(await api.open(a, { userId: b.id })).id as string
		const cases: Array<[Promise<{ status: number; json: Json }>, number, string?]> = [
			[api.post(a, roomId, { body: 'không có khóa' }), 400, 'clientMsgId'],
			[api.post(a, roomId, { body: 'hai khóa', clientMsgId: randomUUID() }, { 'Idempotency-Key': randomUUID() }), 400, 'clientMsgId'],
			[api.post(a, roomId, { body: 'x', clientMsgId: 'not-a-uuid' }), 400, 'clientMsgId'],
			[api.post(a, roomId, { body: '   ', clientMsgId: randomUUID() }), 400],
			[
				api.post(a, roomId, {
					body: 'x'.repeat(5000),
					clientMsgId: randomUUID(),
				}),
				400,
			],
			[
				api.post(a, roomId, {
					body: 'x',
					clientMsgId: randomUUID(),
					html: '<script>',
				}),
				400,
				'html',
			],
			[api.history(a, roomId, '?before=3&after=1'), 400, 'after'],
			[api.history(a, roomId, '?before=-1'), 400, 'before'],
			[api.read(a, roomId, { seq: 'all' }), 400, 'seq'],
			[api.open(a, { userId: a.id }), 400],
			[api.open(a, { userId: 'nobody' }), 404],
			[api.open(a, { somethingElse: 1 }), 400],
			[api.get(outsider, roomId), 404],
			[api.history(outsider, roomId), 404],
			[api.history(outsider, roomId, '?q=tin'), 404],
			[
				api.post(outsider, roomId, {
					body: 'vào được không',
					clientMsgId: randomUUID(),
				}),
				404,
			],
			[api.read(outsider, roomId, { seq: 1 }), 404],
			[api.get(a, 'x'.repeat(100)), 404],
			[api.list({}), 401],
		]
		for (const [attempt, status, field] of cases) {
			const r = await attempt
			expect(r.status, JSON.stringify(r.json)).toBe(status)
			const e = error(r)
			for (const text of [e.message, ...Object.values(e.fields ?? {}).flat()]) expect(text).not.toMatch(/^[\w]+(\.[\w]+)+$/)
			if (field) expect(Object.keys(e.fields ?? {})).toContain(field)
		}
		expect(await prisma.chatMessage.count({ where: { roomId } })).toBe(0)
		const english = await api.post({ ...a, language: 'en' }, roomId, {
			body: '',
			clientMsgId: randomUUID(),
		})
		expect(error(english).message).toMatch(/empty/i)
		const owner = await createOwner()
		const key = (await createApiKey(owner.user.id, owner.organisation.id, 'CRM')).plainKey
		expect((await api.list({ key })).status).toBe(403)
	})
})
