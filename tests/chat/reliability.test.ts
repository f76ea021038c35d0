// Chat under a node crash: 20 clients in 10 two-person direct rooms send 1,000 messages through two
// chat nodes (separate processes, tests/chat/node.ts); partway through, one node is SIGKILLed and
// started again on the same port. The clients reconnect on their own (socket.io-client) and resend
// every unacked message with the same clientMsgId (tests/chat/helpers.ts ChatClient.send). At the
// end every message is stored exactly once, every room's sequence is 1..N without gaps, and every
// client holds every message of its room, in sequence order, as the database has them.
//
// Nothing here depends on timing: the crash comes after a number of acks, and every wait is for an
// event or an ack. Needs a PostgreSQL server (DATABASE_URL): two processes share the database and
// the adapter's LISTEN/NOTIFY, which embedded PGlite cannot serve.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, onTestFailed, test } from 'vitest'
import { useTestDatabase } from '../db'
import { ChatClient, killAllNodes, signedInUser, sleep, startNode, storedMessages, type Acked, type ChatNode, type SignedIn } from './helpers'
import type { ChatMessagePayload } from '~/realtime/events'
import { openDirect } from '~/models/chat.server'
import { prisma } from '~/utils/db.server'

const onServer = inject('testDatabase').mode === 'server'

const ROOMS = 10
const PER_CLIENT = 50 // 20 clients × 50 = 1,000 messages, 100 per room
const IN_FLIGHT = 2 // sends each client keeps going at once
// The crash comes once node 1's clients have this many acks (of their 500): early enough that
// most of the run happens around it, late enough that every room has history before it.
const KILL_AFTER_ACKS = 150

// One user sends 50 lines in a few seconds, over the chatMessageUser budget of 60 a minute: the
// nodes run with RATE_LIMIT_DISABLED=true so the limiter does not turn the load test into a
// rate-limit test (RATE_LIMITED acks would only be retried, more slowly).
const NODE_ENV = { RATE_LIMIT_DISABLED: 'true' }

describe.skipIf(!onServer)('chat reliability across a node crash', () => {
	let databaseUrl = ''
	let nodes: ChatNode[] = []
	const clients: ChatClient[] = []

	beforeAll(async () => {
		;({ url: databaseUrl } = await useTestDatabase())
		nodes = await Promise.all([startNode({ databaseUrl, env: NODE_ENV }), startNode({ databaseUrl, env: NODE_ENV })])
	})

	afterAll(async () => {
		for (const client of clients) client.close()
		await killAllNodes()
	})

	function reportOnFailure() {
		onTestFailed(() => {
			for (const [i, node] of nodes.entries()) console.log(`--- node ${i} (port ${node.port}) output ---\n${node.output.join('').slice(-20_000)}`)
		})
	}

	function client(user: SignedIn, node: ChatNode, roomIds: string[]) {
		const created = new ChatClient(user, node.url, roomIds)
		clients.push(created)
		return created
	}

	async function pair() {
		const [a, b] = await Promise.all([signedInUser('rel-a'), signedInUser('rel-b')])
		const { roomId } = await openDirect({ id: a.id }, b.id, null)
		return { a, b, roomId }
	}

	test('1,000 messages from 20 clients through a SIGKILL and restart: each stored once, gapless, everywhere in order', { timeout: 120_000 }, async () => {
		reportOnFailure()
		const rooms = await Promise.all(Array.from({ length: ROOMS }, pair))
		// Each room spans both nodes, so every line crosses the adapter to reach the other member.
		const onNode0 = rooms.map(({ a, roomId }) => client(a, nodes[0]!, [roomId]))
		const onNode1 = rooms.map(({ b, roomId }) => client(b, nodes[1]!, [roomId]))
		const all = [...onNode0, ...onNode1]
		await Promise.all(all.map((c) => c.connected()))

		let node1Acks = 0
		let crash: Promise<void> | undefined
		const crashAndRestart = async () => {
			const victim = nodes[1]!
			await victim.kill()
			// A moment down, so the clients' reconnection attempts meet a closed port first.
			await sleep(300)
			nodes[1] = await startNode({ databaseUrl, port: victim.port, env: NODE_ENV })
		}

		const acks = new Map<string, Acked>()
		const run = (c: ChatClient, onNode1Side: boolean) => {
			const roomId = [...c.rooms.keys()][0]!
			let next = 0
			const lane = async () => {
				while (next < PER_CLIENT) {
					const i = next++
					const clientMsgId = randomUUID()
					const acked = await c.send(roomId, `${c.user.name} #${i}: tin nhắn thử nghiệm`, clientMsgId)
					acks.set(clientMsgId, acked)
					if (onNode1Side && ++node1Acks === KILL_AFTER_ACKS) crash = crashAndRestart()
				}
			}
			return Promise.all(Array.from({ length: IN_FLIGHT }, lane))
		}
		await Promise.all([...onNode0.map((c) => run(c, false)), ...onNode1.map((c) => run(c, true))])
		expect(crash, 'the crash happened mid-run').toBeDefined()
		await crash

		// Every client that was on the killed node noticed, came back and had to resend.
		for (const c of onNode1) {
			expect(c.stats.disconnects).toBeGreaterThanOrEqual(1)
			expect(c.stats.connects).toBeGreaterThanOrEqual(2)
		}
		const failedAttempts = onNode1.reduce((sum, c) => sum + c.stats.failedAttempts, 0)
		expect(failedAttempts, 'sends in flight when the node died were retried').toBeGreaterThan(0)

		// Stored exactly once, with the seq and id the ack gave.
		expect(acks.size).toBe(ROOMS * 2 * PER_CLIENT)
		const roomIds = rooms.map((r) => r.roomId)
		const stored = await storedMessages(roomIds)
		const byClientId = new Map<string, (typeof stored)[number][]>()
		for (const row of stored) byClientId.set(row.clientMsgId, [...(byClientId.get(row.clientMsgId) ?? []), row])
		for (const [clientMsgId, acked] of acks) {
			const rows = byClientId.get(clientMsgId) ?? []
			expect(rows, `rows for ${clientMsgId}`).toHaveLength(1)
			expect({ id: rows[0]!.id, seq: rows[0]!.seq, roomId: rows[0]!.roomId }).toEqual({ id: acked.message.id, seq: acked.message.seq, roomId: acked.message.roomId })
		}
		expect(stored.filter((row) => row.kind === 'TEXT')).toHaveLength(acks.size)

		// Every room: 1..N, no gaps, and the room's counter agrees.
		const counters = new Map((await prisma.chatRoom.findMany({ where: { id: { in: roomIds } }, select: { id: true, lastSeq: true } })).map((r) => [r.id, r.lastSeq]))
		for (const roomId of roomIds) {
			const seqs = stored.filter((row) => row.roomId === roomId).map((row) => row.seq)
			expect(seqs).toEqual(Array.from({ length: 2 * PER_CLIENT }, (_, i) => i + 1))
			expect(counters.get(roomId)).toBe(2 * PER_CLIENT)
		}

		// Every client: a last sync, then exactly the database's messages of its room, in seq order.
		await Promise.all(all.map((c) => c.finalSync()))
		for (const c of all) {
			const roomId = [...c.rooms.keys()][0]!
			const held = [...c.rooms.get(roomId)!.values()].sort((x, y) => x.seq - y.seq)
			const expected = stored.filter((row) => row.roomId === roomId)
			expect(held.map((m) => [m.seq, m.id])).toEqual(expected.map((row) => [row.seq, row.id]))
			expect(c.watermark(roomId)).toBe(expected.length)
		}

		const total = (key: keyof ChatClient['stats']) => all.reduce((sum, c) => sum + c.stats[key], 0)
		console.log(
			`[reliability] ${acks.size} messages acked; ${total('attempts')} send attempts (${total('failedAttempts')} failed, ` +
				`${total('duplicates')} answered as duplicates); ${total('connects') - all.length} reconnects; ` +
				`${total('outOfOrder')} live messages arrived out of order; ${total('filledBySync')} messages came only from chat:sync`,
		)
	})

	test('the same clientMsgId sent twice at once, on one node and on both: one row, both acks the same message', { timeout: 30_000 }, async () => {
		reportOnFailure()
		const { a, b, roomId } = await pair()
		const here = client(a, nodes[0]!, [roomId])
		// The same person's second tab on the other node (a retry racing the original there).
		const there = client(a, nodes[1]!, [roomId])
		const other = client(b, nodes[1]!, [roomId])
		await Promise.all([here.connected(), there.connected(), other.connected()])

		for (const sockets of [
			[here, here],
			[here, there],
		]) {
			const clientMsgId = randomUUID()
			const responses = await Promise.all(sockets.map((c) => c.socket.timeout(10_000).emitWithAck('chat:send', { roomId, clientMsgId, body: 'Gửi hai lần cùng lúc' })))
			const results = responses.map((r) => {
				if (!('data' in r)) throw new Error(`chat:send refused: ${r.error.code} ${r.error.message}`)
				return r.data
			})
			expect(results[0]!.message).toEqual(results[1]!.message)
			expect(results.map((r) => r.duplicate).sort()).toEqual([false, true])
			expect(await prisma.chatMessage.count({ where: { roomId, clientMsgId } })).toBe(1)
		}
		const seqs = (await storedMessages([roomId])).map((row) => row.seq)
		expect(seqs).toEqual([1, 2])
		// The other member heard of each message once: a duplicate is answered, not broadcast again.
		await other.finalSync()
		expect([...other.rooms.get(roomId)!.keys()].sort()).toEqual([1, 2])
		expect(other.live.filter((m) => m.roomId === roomId).map((m) => m.seq).sort()).toEqual([1, 2])
	})

	test('a tab closed with unacked messages: the reloaded page resends them with the same ids and each is stored once', { timeout: 30_000 }, async () => {
		reportOnFailure()
		const { a, b, roomId } = await pair()
		const other = client(b, nodes[0]!, [roomId])
		const before = client(a, nodes[1]!, [roomId])
		await Promise.all([other.connected(), before.connected()])

		// What the page would keep in its outbox (localStorage) until each message is acked.
		const outbox = Array.from({ length: 10 }, (_, i) => ({ clientMsgId: randomUUID(), body: `Tin chưa gửi xong ${i}` }))
		const firstAck = new Promise<void>((resolve) => {
			for (const entry of outbox) before.socket.emit('chat:send', { roomId, ...entry }, () => resolve())
		})
		// Closed as soon as one ack came back: the rest are in flight, stored or not.
		await firstAck
		before.close()

		// The reloaded page, a new socket for the same person, on the other node.
		const after = client(a, nodes[0]!, [roomId])
		await after.connected()
		const resent = await Promise.all(outbox.map((entry) => after.send(roomId, entry.body, entry.clientMsgId)))
		expect(resent.filter((r) => r.duplicate).length).toBeGreaterThanOrEqual(1)

		const stored = await storedMessages([roomId])
		expect(stored.map((row) => row.clientMsgId).sort()).toEqual(outbox.map((e) => e.clientMsgId).sort())
		expect(stored.map((row) => row.seq)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1))
		expect(resent.map((r) => r.message.id).sort()).toEqual(stored.map((row) => row.id).sort())

		// The other member holds each once, in order, and was sent each line once.
		await other.finalSync()
		const held: ChatMessagePayload[] = [...other.rooms.get(roomId)!.values()].sort((x, y) => x.seq - y.seq)
		expect(held.map((m) => m.id)).toEqual(stored.map((row) => row.id))
		const liveIds = other.live.filter((m) => m.roomId === roomId).map((m) => m.id)
		expect(new Set(liveIds).size).toBe(liveIds.length)
	})
})
