// Two chat nodes (separate processes, tests/chat/node.ts) on one database, joined by the Postgres
// adapter: two people in a direct conversation, each connected to a different node, see each
// other's messages, read state, typing and presence live. Needs a PostgreSQL server (DATABASE_URL):
// embedded PGlite is one process's database and has no LISTEN/NOTIFY between processes.
import { afterAll, beforeAll, describe, expect, inject, onTestFailed, test } from 'vitest'
import { useTestDatabase } from '../db'
import { ChatClient, killAllNodes, nextEvent, signedInUser, startNode, type ChatNode, type SignedIn } from './helpers'
import { openDirect, totalUnread } from '~/models/chat.server'
import { prisma } from '~/utils/db.server'

const onServer = inject('testDatabase').mode === 'server'

describe.skipIf(!onServer)('chat on two nodes', () => {
	let nodes: ChatNode[] = []
	let alice: SignedIn
	let bob: SignedIn
	let roomId = ''
	const clients: ChatClient[] = []

	beforeAll(async () => {
		const { url } = await useTestDatabase()
		nodes = await Promise.all([startNode({ databaseUrl: url }), startNode({ databaseUrl: url })])
		alice = await signedInUser('alice')
		bob = await signedInUser('bob')
		;({ roomId } = await openDirect({ id: alice.id }, bob.id, null))
	})

	afterAll(async () => {
		for (const client of clients) client.close()
		await killAllNodes()
	})

	function client(user: SignedIn, node: ChatNode) {
		const created = new ChatClient(user, node.url, [roomId])
		clients.push(created)
		return created
	}

	test('messages, read state, typing and presence cross from one node to the other', { timeout: 60_000 }, async () => {
		onTestFailed(() => {
			for (const [i, node] of nodes.entries()) console.log(`--- node ${i} output ---\n${node.output.join('')}`)
		})
		const [node0, node1] = nodes as [ChatNode, ChatNode]
		const a = client(alice, node0)
		const b = client(bob, node1)
		// Bob's second tab, on Alice's node: the reader's other tabs hear about his reads.
		const b2 = client(bob, node0)
		await Promise.all([a.connected(), b.connected(), b2.connected()])

		// Alice on node 0 writes three lines; Bob on node 1 (and his tab on node 0) get each live.
		const sent = []
		for (const body of ['Xin chào anh Bình', 'Bên em có bản mô tả công nghệ', 'Anh xem giúp em nhé']) {
			const arriving = Promise.all([nextEvent(b.socket, 'chat:message', (m) => m.body === body), nextEvent(b2.socket, 'chat:message', (m) => m.body === body)])
			const acked = await a.send(roomId, body)
			const [atBob, atBobsTab] = await arriving
			expect(atBob).toEqual(acked.message)
			expect(atBobsTab).toEqual(acked.message)
			sent.push(acked.message)
		}
		expect(sent.map((m) => m.seq)).toEqual([1, 2, 3])

		// Unread: what each node says is what the database says.
		const unreadAt = async (c: ChatClient) => {
			const response = await c.socket.timeout(5_000).emitWithAck('chat:unread')
			if (!('data' in response)) throw new Error(`chat:unread refused: ${response.error.code}`)
			return response.data.unread
		}
		expect(await totalUnread(bob.id)).toBe(3)
		expect(await unreadAt(b)).toBe(3)
		expect(await unreadAt(b2)).toBe(3)
		expect(await unreadAt(a)).toBe(0)

		// Bob reads up to 2 on node 1: Alice (node 0) sees how far, his tab on node 0 gets the new total.
		const aliceSees = nextEvent(a.socket, 'chat:read', (r) => r.userId === bob.id)
		const tabBadge = nextEvent(b2.socket, 'chat:unread')
		const read = await b.socket.timeout(5_000).emitWithAck('chat:read', { roomId, seq: 2 })
		expect(read).toEqual({ data: { lastReadSeq: 2 } })
		expect(await aliceSees).toEqual({ roomId, userId: bob.id, seq: 2 })
		expect(await tabBadge).toEqual({ unread: 1 })
		expect(await totalUnread(bob.id)).toBe(1)
		expect(await unreadAt(b)).toBe(1)
		// Never backwards.
		expect(await b.socket.timeout(5_000).emitWithAck('chat:read', { roomId, seq: 1 })).toEqual({ data: { lastReadSeq: 2 } })
		const member = await prisma.chatMember.findUniqueOrThrow({ where: { roomId_userId: { roomId, userId: bob.id } }, select: { lastReadSeq: true } })
		expect(member.lastReadSeq).toBe(2)

		// Bob answers from node 1: writing reads the room up to his line; Alice has one unread.
		const aliceGets = nextEvent(a.socket, 'chat:message', (m) => m.sender?.id === bob.id)
		const reply = await b.send(roomId, 'Cảm ơn em, anh đọc rồi')
		expect(await aliceGets).toEqual(reply.message)
		expect(reply.message.seq).toBe(4)
		expect(await totalUnread(bob.id)).toBe(0)
		expect(await totalUnread(alice.id)).toBe(1)
		expect(await unreadAt(a)).toBe(1)
		expect(await unreadAt(b2)).toBe(0)

		// Typing on node 0 reaches Bob on node 1.
		const typing = nextEvent(b.socket, 'chat:typing')
		a.socket.emit('chat:typing', { roomId })
		expect(await typing).toEqual({ roomId, userId: alice.id, name: alice.name })

		// Presence asks both nodes.
		const presence = async (c: ChatClient) => {
			const response = await c.socket.timeout(10_000).emitWithAck('chat:presence', { roomId })
			if (!('data' in response)) throw new Error(`chat:presence refused: ${response.error.code} ${response.error.message}`)
			return [...response.data.online].sort()
		}
		expect(await presence(a)).toEqual([alice.id, bob.id].sort())
		expect(await presence(b)).toEqual([alice.id, bob.id].sort())

		// Bob closes the tab on node 1: his tab on node 0 keeps him online.
		const offline = nextEvent(a.socket, 'chat:online', (p) => p.userId === bob.id && !p.online)
		b.close()
		expect(await presence(a)).toEqual([alice.id, bob.id].sort())
		// His last tab goes: Alice hears he is offline, and presence agrees.
		b2.close()
		expect(await offline).toEqual({ roomId, userId: bob.id, online: false })
		expect(await presence(a)).toEqual([alice.id])

		// A node that stops cleanly says goodbye to the others: presence on node 0 does not wait for
		// node 1's answer (before the adapter was closed on shutdown, it timed out for 15 s).
		await node1.stop()
		expect(node1.child.exitCode).toBe(0)
		expect(await presence(a)).toEqual([alice.id])

		// Replay after a gap: a client that connects late gets everything from chat:sync.
		const late = client(bob, node0)
		await late.connected()
		await late.finalSync()
		expect([...late.rooms.get(roomId)!.values()].map((m) => m.id)).toEqual([...sent, reply.message].map((m) => m.id))
	})
})
