// Chat over real socket.io clients on one in-process server and a real database: who may do what
// over the socket. A non-member cannot send, read, sync, mark read, see presence, type into, edit or
// delete in a room; forged sender and room ids change nothing; a member removed while connected stops
// receiving at once. (Two nodes and the kill-and-restart reliability run: tests/chat/.)
import { randomUUID } from 'node:crypto'
import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { io as connectClient, type Socket } from 'socket.io-client'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { openDirect, removeMember } from '~/models/chat.server'
import type { Ack, ChatMessagePayload, ClientToServerEvents, ServerToClientEvents } from '~/realtime/events'
import { attachSocketServer, closeSocketServer } from '~/realtime/socket.server'
import { createUser, signIn } from '../../tests/factories'
import { useTestDatabase } from '../../tests/db'

type Client = Socket<ServerToClientEvents, ClientToServerEvents>

const { prisma } = await useTestDatabase()
process.env.SESSION_SECRET ??= 'chat-socket-test-secret-0123456789abcdef'

let httpServer: HttpServer
let baseUrl = ''
const clients: Client[] = []

beforeAll(async () => {
	httpServer = createServer()
	attachSocketServer(httpServer)
	await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
	baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`
})

afterEach(() => {
	for (const c of clients.splice(0)) c.disconnect()
})

afterAll(async () => {
	closeSocketServer()
	await new Promise<void>((resolve) => httpServer.close(() => resolve()))
})

async function person() {
	const user = await createUser()
	const client: Client = connectClient(baseUrl, { extraHeaders: { cookie: (await signIn(user.id)).cookie }, reconnection: false, forceNew: true, transports: ['websocket'] })
	clients.push(client)
	await new Promise<void>((resolve, reject) => {
		client.once('connect', () => resolve())
		client.once('connect_error', reject)
	})
	const messages: ChatMessagePayload[] = []
	client.on('chat:message', (m) => messages.push(m))
	return { id: user.id, client, messages }
}

/** Emits with an ack and resolves with the answer. */
function ask<T>(client: Client, event: string, ...args: unknown[]): Promise<Ack<T>> {
	return new Promise((resolve) => (client.emit as (e: string, ...a: unknown[]) => void)(event, ...args, resolve))
}

const errorCode = (ack: Ack<unknown>) => ('error' in ack ? ack.error.code : null)

describe('chat over sockets', () => {
	test('members exchange messages live; a retried send is acked with the same message', async () => {
		const a = await person()
		const b = await person()
		const { roomId } = await openDirect(a, b.id, null)
		const clientMsgId = randomUUID()
		const first = await ask<{ message: ChatMessagePayload; duplicate: boolean }>(a.client, 'chat:send', { roomId, clientMsgId, body: 'Xin chào' })
		const again = await ask<{ message: ChatMessagePayload; duplicate: boolean }>(a.client, 'chat:send', { roomId, clientMsgId, body: 'Xin chào' })
		expect('data' in first && first.data).toMatchObject({ duplicate: false, message: { seq: 1, body: 'Xin chào', sender: { id: a.id } } })
		expect('data' in again && again.data).toMatchObject({ duplicate: true, message: { seq: 1 } })
		await expect.poll(() => b.messages.map((m) => m.seq)).toEqual([1])
		// Only one broadcast for the two sends.
		await new Promise((r) => setTimeout(r, 100))
		expect(b.messages).toHaveLength(1)
		const unread = await ask<{ unread: number }>(b.client, 'chat:unread')
		expect(unread).toEqual({ data: { unread: 1 } })
		const synced = await ask<{ messages: ChatMessagePayload[] }>(b.client, 'chat:sync', { roomId, afterSeq: 0 })
		expect('data' in synced && synced.data.messages.map((m) => m.body)).toEqual(['Xin chào'])
		const typing = new Promise((resolve) => b.client.once('chat:typing', resolve))
		a.client.emit('chat:typing', { roomId })
		expect(await typing).toMatchObject({ roomId, userId: a.id })
		const presence = await ask<{ online: string[] }>(a.client, 'chat:presence', { roomId })
		expect('data' in presence && presence.data.online.sort()).toEqual([a.id, b.id].sort())
	})

	test('a non-member is refused on every event and hears nothing; forged ids change nothing', async () => {
		const a = await person()
		const b = await person()
		const mallory = await person()
		const { roomId } = await openDirect(a, b.id, null)
		const sent = await ask<{ message: ChatMessagePayload }>(a.client, 'chat:send', { roomId, clientMsgId: randomUUID(), body: 'Bí mật giá 300 triệu' })
		const messageId = 'data' in sent ? sent.data.message.id : ''
		const attempts: Array<[string, ...unknown[]]> = [
			['chat:send', { roomId, clientMsgId: randomUUID(), body: 'cho vào với' }],
			['chat:sync', { roomId, afterSeq: 0 }],
			['chat:read', { roomId, seq: 1 }],
			['chat:presence', { roomId }],
			['chat:edit', { messageId, body: 'sửa trộm' }],
			['chat:delete', { messageId }],
		]
		for (const [event, payload] of attempts) expect(errorCode(await ask(mallory.client, event, payload)), event).toBe('NOT_FOUND')
		// Typing into someone else's room reaches nobody.
		let typed = false
		b.client.once('chat:typing', () => (typed = true))
		mallory.client.emit('chat:typing', { roomId })
		// A member cannot edit another's message nor post as someone else.
		expect(errorCode(await ask(b.client, 'chat:edit', { messageId, body: 'sửa' }))).toBe('FORBIDDEN')
		const forged = await ask<{ message: ChatMessagePayload }>(b.client, 'chat:send', { roomId, clientMsgId: randomUUID(), body: 'tôi là A', senderId: a.id, userId: a.id })
		expect('data' in forged && forged.data.message.sender?.id).toBe(b.id)
		// Odd payloads are refused, not crashes.
		for (const payload of [null, 'x', [], { roomId: { $ne: null } }, { roomId, clientMsgId: 'not-uuid', body: 'x' }, { roomId, clientMsgId: randomUUID(), body: 'x'.repeat(5000) }]) {
			expect(['INVALID', 'NOT_FOUND']).toContain(errorCode(await ask(b.client, 'chat:send', payload)))
		}
		await new Promise((r) => setTimeout(r, 200))
		expect(typed).toBe(false)
		expect(mallory.messages).toEqual([])
		expect(await ask(mallory.client, 'chat:unread')).toEqual({ data: { unread: 0 } })
		expect((await prisma.chatMessage.findMany({ where: { roomId }, orderBy: { seq: 'asc' } })).map((m) => [m.seq, m.senderId])).toEqual([
			[1, a.id],
			[2, b.id],
		])
	})

	test('a member removed while connected stops receiving at once and is refused from then on', async () => {
		const a = await person()
		const b = await person()
		const { roomId } = await openDirect(a, b.id, null)
		const removed = new Promise((resolve) => b.client.once('chat:removed', resolve))
		await removeMember(a, roomId, b.id)
		expect(await removed).toEqual({ roomId })
		await ask(a.client, 'chat:send', { roomId, clientMsgId: randomUUID(), body: 'B không được thấy tin này' })
		expect(errorCode(await ask(b.client, 'chat:sync', { roomId, afterSeq: 0 }))).toBe('NOT_FOUND')
		expect(errorCode(await ask(b.client, 'chat:send', { roomId, clientMsgId: randomUUID(), body: 'còn đây không' }))).toBe('NOT_FOUND')
		await new Promise((r) => setTimeout(r, 200))
		expect(b.messages.filter((m) => m.kind === 'TEXT')).toEqual([])
	})
})
