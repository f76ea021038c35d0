import { randomBytes } from 'node:crypto'
import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { io as connectClient, type Socket } from 'socket.io-client'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { useTestDatabase } from '../../tests/db'
import type { Locale } from '~/generated/prisma/client'
import { markRead, notify, type NotificationInput } from '~/models/notification.server'
import { createSession, revokeSession } from '~/models/session.server'
import { sha256Hex } from '~/utils/crypto.server'
import { prisma } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { serializeSessionCookie } from '~/utils/session.server'
import { inTransaction } from '~/utils/transaction.server'
import type { ClientToServerEvents, ConnectErrorData, NotificationNewPayload, ServerToClientEvents } from './events'
import { attachSocketServer, closeSocketServer, disconnectSession, getIo } from './socket.server'

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>

process.env.SESSION_SECRET ??= 'socket-test-session-secret-0123456789'
const savedAppUrl = process.env.APP_URL
process.env.APP_URL = 'https://caunoi.example'
resetEnvCache()

let httpServer: HttpServer
let baseUrl = ''
const clients: ClientSocket[] = []

beforeAll(async () => {
	await useTestDatabase()
	httpServer = createServer()
	attachSocketServer(httpServer, { recheckIntervalMs: 300 })
	await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
	baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`
})

afterEach(() => {
	for (const client of clients.splice(0)) client.disconnect()
})

afterAll(async () => {
	closeSocketServer()
	await new Promise<void>((resolve) => httpServer.close(() => resolve()))
	if (savedAppUrl === undefined) delete process.env.APP_URL
	else process.env.APP_URL = savedAppUrl
	resetEnvCache()
})

async function signedIn(locale: Locale = 'vi') {
	const tag = randomBytes(4).toString('hex')
	const user = await prisma.user.create({
		data: { email: `sock-${tag}@example.test`, name: `Lê ${tag}`, passwordHash: 'not-a-hash', locale },
		select: { id: true },
	})
	return { user, ...(await sessionFor(user.id)) }
}

async function sessionFor(userId: string) {
	const { secret, expiresAt } = await createSession(userId)
	const setCookie = await serializeSessionCookie(secret, expiresAt)
	return { secret, cookie: setCookie.split(';')[0]! }
}

function connect(headers: Record<string, string> = {}): ClientSocket {
	const client: ClientSocket = connectClient(baseUrl, {
		path: '/socket.io',
		extraHeaders: headers,
		reconnection: false,
		forceNew: true,
	})
	clients.push(client)
	return client
}

function connected(client: ClientSocket) {
	return new Promise<void>((resolve, reject) => {
		client.once('connect', () => resolve())
		client.once('connect_error', reject)
	})
}

function refused(client: ClientSocket) {
	return new Promise<Error & { data?: ConnectErrorData }>((resolve, reject) => {
		client.once('connect', () => reject(new Error('connected, but should have been refused')))
		client.once('connect_error', resolve)
	})
}

function nextEvent<E extends keyof ServerToClientEvents>(client: ClientSocket, event: E, timeoutMs = 5_000) {
	return new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs)
		client.once(event as 'notification:new', ((payload: Parameters<ServerToClientEvents[E]>[0]) => {
			clearTimeout(timer)
			resolve(payload)
		}) as never)
	})
}

function collect(client: ClientSocket) {
	const received: NotificationNewPayload[] = []
	client.on('notification:new', (payload) => received.push(payload))
	return received
}

function disconnected(client: ClientSocket, timeoutMs = 5_000) {
	return new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('still connected')), timeoutMs)
		client.once('disconnect', (reason) => {
			clearTimeout(timer)
			resolve(reason)
		})
	})
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function send(input: NotificationInput) {
	return inTransaction((unit) => notify(unit, input))
}

describe('socket server', () => {
	test('registers itself, so models can reach it', () => {
		expect(getIo()).not.toBeNull()
	})

	test('a signed-in client receives notification:new, in its language, once notify() commits', async () => {
		const { user, cookie } = await signedIn('en')
		const client = connect({ cookie })
		await connected(client)
		const arriving = nextEvent(client, 'notification:new')
		const created = await send({
			userId: user.id,
			kind: 'organisation.verified',
			params: { organisationName: 'Viện Hóa học' },
			link: '/organisations/vien-hoa-hoc',
		})
		const payload = await arriving
		expect(payload).toEqual({
			id: created!.id,
			kind: 'organisation.verified',
			title: 'Viện Hóa học has been verified',
			link: '/organisations/vien-hoa-hoc',
			createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			unread: 1,
		})
	})

	test('nothing is pushed for a notification whose transaction rolls back, nor to other users', async () => {
		const { user, cookie } = await signedIn()
		const other = await signedIn()
		const client = connect({ cookie })
		const otherClient = connect({ cookie: other.cookie })
		await Promise.all([connected(client), connected(otherClient)])
		const received = collect(client)
		const otherReceived = collect(otherClient)
		await expect(
			inTransaction(async (unit) => {
				await notify(unit, { userId: user.id, kind: 'account.welcome', params: { name: 'x' } })
				throw new Error('rolled back')
			}),
		).rejects.toThrow('rolled back')
		await send({ userId: other.user.id, kind: 'account.welcome', params: { name: 'y' } })
		await sleep(300)
		expect(received).toEqual([])
		expect(otherReceived).toHaveLength(1)
	})

	test('answers notification:count and pushes notification:unread when notifications are read', async () => {
		const { user, cookie } = await signedIn()
		const first = await send({ userId: user.id, kind: 'account.welcome', params: { name: 'x' } })
		await send({ userId: user.id, kind: 'account.password-changed' })
		const client = connect({ cookie })
		await connected(client)
		expect(await client.emitWithAck('notification:count')).toEqual({ data: { unread: 2 } })
		const update = nextEvent(client, 'notification:unread')
		await markRead(user.id, [first!.id])
		expect(await update).toEqual({ unread: 1 })
	})

	test('refuses a client without a session cookie, or with a forged one, with UNAUTHENTICATED', async () => {
		const anonymous = await refused(connect())
		expect(anonymous.data).toEqual({ code: 'UNAUTHENTICATED' })
		const forged = await refused(connect({ cookie: `__session=${randomBytes(32).toString('base64url')}` }))
		expect(forged.data).toEqual({ code: 'UNAUTHENTICATED' })
	})

	test('refuses a foreign Origin even with a valid cookie, and accepts its own host and APP_URL', async () => {
		const { cookie } = await signedIn()
		await refused(connect({ cookie, origin: 'https://evil.example' }))
		await refused(connect({ cookie, origin: 'null' }))
		await connected(connect({ cookie, origin: baseUrl }))
		await connected(connect({ cookie, origin: 'https://caunoi.example' }))
	})

	test('after its session is revoked, a socket is cut off at the next push and never receives it', async () => {
		const { user, secret, cookie } = await signedIn()
		const second = await sessionFor(user.id)
		const revoked = connect({ cookie })
		const kept = connect({ cookie: second.cookie })
		await Promise.all([connected(revoked), connected(kept)])
		const revokedReceived = collect(revoked)
		const gone = disconnected(revoked)

		await revokeSession(secret)
		const arriving = nextEvent(kept, 'notification:new')
		await send({ userId: user.id, kind: 'account.password-changed' })
		expect((await arriving).kind).toBe('account.password-changed')
		expect(await gone).toBe('io server disconnect')
		expect(revokedReceived).toEqual([])
	})

	test('an idle socket of a revoked session is closed by the periodic re-check', async () => {
		const { secret, cookie } = await signedIn()
		const client = connect({ cookie })
		await connected(client)
		const gone = disconnected(client)
		await revokeSession(secret)
		expect(await gone).toBe('io server disconnect')
	})

	test('disconnectSession closes the sockets of that session at once', async () => {
		const { secret, cookie } = await signedIn()
		const client = connect({ cookie })
		await connected(client)
		const gone = disconnected(client, 200)
		disconnectSession(sha256Hex(secret))
		expect(await gone).toBe('io server disconnect')
	})

	test('a client event from a revoked session gets no answer, only a disconnect', async () => {
		const { secret, cookie } = await signedIn()
		const client = connect({ cookie })
		await connected(client)
		await revokeSession(secret)
		const gone = disconnected(client)
		const answer = client.timeout(1_000).emitWithAck('notification:count')
		expect(await gone).toBe('io server disconnect')
		await expect(answer).rejects.toThrow()
	})
})
