// Shared by the multi-node chat tests: chat nodes as child processes (tests/chat/node.ts), signed-in
// users, and a chat client that behaves like a careful browser tab: an outbox that resends each
// unacked message with the same clientMsgId until it is acked, and a per-room store filled by live
// `chat:message` events and by `chat:sync` after the highest sequence number it holds without a gap.
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import path from 'node:path'
import { io as connectClient, type Socket } from 'socket.io-client'
import type { ChatMessagePayload, ClientToServerEvents, ServerToClientEvents } from '~/realtime/events'
import { createSession } from '~/models/session.server'
import { prisma } from '~/utils/db.server'
import { serializeSessionCookie } from '~/utils/session.server'

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// ─── Nodes ────────────────────────────────────────────────────────────────────

export type ChatNode = {
	port: number
	url: string
	child: ChildProcess
	/** Everything the node printed, for the failure report. */
	output: string[]
	exited: Promise<void>
	/** SIGTERM, then wait for the exit. */
	stop(): Promise<void>
	/** SIGKILL: no shutdown code runs, in-flight transactions die with their connections. */
	kill(): Promise<void>
}

const running = new Set<ChildProcess>()

// A worker that dies without running afterAll must not leave nodes listening; the nodes also exit
// when their IPC channel to this process closes (tests/chat/node.ts).
process.once('exit', () => {
	for (const child of running) child.kill('SIGKILL')
})

/** Starts a chat node on `port` (0: any free port) and resolves once it listens. */
export function startNode(options: { databaseUrl: string; port?: number; env?: Record<string, string> }): Promise<ChatNode> {
	const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('tests/chat/node.ts')], {
		cwd: process.cwd(),
		env: {
			...process.env,
			DATABASE_URL: options.databaseUrl,
			PORT: String(options.port ?? 0),
			LOG_LEVEL: process.env.CHAT_NODE_LOG_LEVEL ?? 'warn',
			...options.env,
		},
		stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
	})
	running.add(child)
	const output: string[] = []
	const exited = new Promise<void>((resolve) =>
		child.once('exit', () => {
			running.delete(child)
			resolve()
		}),
	)
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk))
	return new Promise<ChatNode>((resolve, reject) => {
		let buffered = ''
		const timer = setTimeout(() => fail(new Error('the chat node did not say it was ready within 30 s')), 30_000)
		function fail(error: Error) {
			clearTimeout(timer)
			child.kill('SIGKILL')
			reject(new Error(`${error.message}\n--- node output ---\n${output.join('')}`))
		}
		const early = (code: number | null, signal: string | null) => fail(new Error(`the chat node exited before it was ready (code ${code}, signal ${signal})`))
		child.once('exit', early)
		child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
			output.push(chunk)
			buffered += chunk
			let newline: number
			while ((newline = buffered.indexOf('\n')) >= 0) {
				const line = buffered.slice(0, newline)
				buffered = buffered.slice(newline + 1)
				if (!line.startsWith('{"ready"')) continue
				const { port } = JSON.parse(line) as { port: number }
				clearTimeout(timer)
				child.off('exit', early)
				const signalAndWait = async (signal: NodeJS.Signals) => {
					if (child.exitCode === null && child.signalCode === null) child.kill(signal)
					await exited
				}
				resolve({ port, url: `http://127.0.0.1:${port}`, child, output, exited, stop: () => signalAndWait('SIGTERM'), kill: () => signalAndWait('SIGKILL') })
			}
		})
	})
}

/** Kills every node still running (afterAll, and after a failure). */
export async function killAllNodes() {
	const children = [...running]
	for (const child of children) child.kill('SIGKILL')
	await Promise.all(children.map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null)))
}

// ─── Users ────────────────────────────────────────────────────────────────────

export type SignedIn = { id: string; name: string; cookie: string }

export async function signedInUser(label = 'chat'): Promise<SignedIn> {
	const tag = randomBytes(4).toString('hex')
	const name = `${label} ${tag}`
	const user = await prisma.user.create({ data: { email: `${label}-${tag}@example.test`, name, passwordHash: 'not-a-hash', locale: 'vi' }, select: { id: true } })
	const { secret, expiresAt } = await createSession(user.id)
	const cookie = (await serializeSessionCookie(secret, expiresAt)).split(';')[0]!
	return { id: user.id, name, cookie }
}

// ─── Clients ──────────────────────────────────────────────────────────────────

export type Acked = { message: ChatMessagePayload; duplicate: boolean; attempts: number }

type OutboxEntry = { roomId: string; clientMsgId: string; body: string; acked?: Acked }

/** Errors a careful client retries; anything else is a bug the test should see. */
const RETRYABLE = new Set(['INTERNAL', 'RATE_LIMITED'])

export class ChatClient {
	readonly socket: ClientSocket
	/** Per room: what the client holds, by sequence number. */
	readonly rooms = new Map<string, Map<number, ChatMessagePayload>>()
	readonly outbox = new Map<string, OutboxEntry>()
	/** Every chat:message as it arrived (to check that a retried send was broadcast once). */
	readonly live: ChatMessagePayload[] = []
	readonly stats = { connects: 0, disconnects: 0, attempts: 0, failedAttempts: 0, duplicates: 0, outOfOrder: 0, filledBySync: 0, syncs: 0 }
	private highestLive = new Map<string, number>()
	private syncing = new Map<string, Promise<void>>()
	private syncAgain = new Set<string>()
	private gapTimers = new Map<string, NodeJS.Timeout>()
	private closed = false

	constructor(
		readonly user: SignedIn,
		url: string,
		roomIds: string[],
	) {
		for (const roomId of roomIds) this.rooms.set(roomId, new Map())
		this.socket = connectClient(url, {
			path: '/socket.io',
			extraHeaders: { cookie: user.cookie },
			transports: ['websocket'],
			forceNew: true,
			reconnection: true,
			reconnectionDelay: 100,
			reconnectionDelayMax: 500,
			randomizationFactor: 0.5,
		})
		this.socket.on('connect', () => {
			this.stats.connects++
			// Whatever was committed while this client was away comes from the sync, not from fan-out.
			for (const roomId of this.rooms.keys()) this.requestSync(roomId)
		})
		this.socket.on('disconnect', () => this.stats.disconnects++)
		this.socket.on('chat:message', (message) => {
			this.live.push(message)
			const room = this.rooms.get(message.roomId)
			if (!room) return
			// Out of order: a later line of the room already came live (an own line's echo after its ack is not).
			const highest = this.highestLive.get(message.roomId) ?? 0
			if (message.seq < highest) this.stats.outOfOrder++
			else this.highestLive.set(message.roomId, message.seq)
			this.keep(message)
			// Fan-out carries no order or delivery guarantee across nodes (a node may die between
			// commit and emit): a gap that is still there a moment later is filled from the database.
			if (message.seq > this.watermark(message.roomId)) this.scheduleGapSync(message.roomId)
		})
	}

	/** The highest seq such that 1..seq are all held: what a sync continues after. */
	watermark(roomId: string) {
		const room = this.rooms.get(roomId)
		if (!room) return 0
		let seq = 0
		while (room.has(seq + 1)) seq++
		return seq
	}

	private keep(message: ChatMessagePayload) {
		this.rooms.get(message.roomId)?.set(message.seq, message)
	}

	private scheduleGapSync(roomId: string) {
		if (this.gapTimers.has(roomId)) return
		this.gapTimers.set(
			roomId,
			setTimeout(() => {
				this.gapTimers.delete(roomId)
				if (this.room(roomId).size > this.watermark(roomId)) this.requestSync(roomId)
			}, 250),
		)
	}

	private room(roomId: string) {
		return this.rooms.get(roomId) ?? new Map<number, ChatMessagePayload>()
	}

	/** Single-flight per room: a request during a sync runs once more after it. */
	requestSync(roomId: string): Promise<void> {
		const current = this.syncing.get(roomId)
		if (current) {
			this.syncAgain.add(roomId)
			return current
		}
		const run = (async () => {
			do {
				this.syncAgain.delete(roomId)
				await this.syncOnce(roomId)
			} while (this.syncAgain.has(roomId) && !this.closed)
		})().finally(() => this.syncing.delete(roomId))
		this.syncing.set(roomId, run)
		return run
	}

	private async syncOnce(roomId: string) {
		for (;;) {
			if (!this.socket.connected) return
			const afterSeq = this.watermark(roomId)
			let response
			try {
				response = await this.socket.timeout(5_000).emitWithAck('chat:sync', { roomId, afterSeq })
			} catch {
				return // disconnected or slow: the next connect syncs again
			}
			this.stats.syncs++
			if ('error' in response) throw new Error(`chat:sync refused: ${response.error.code} ${response.error.message}`)
			for (const message of response.data.messages) {
				if (!this.room(roomId).has(message.seq)) this.stats.filledBySync++
				this.keep(message)
			}
			if (!response.data.hasMore) return
		}
	}

	/** Resolves once connected (at once when already). */
	connected(): Promise<void> {
		if (this.socket.connected) return Promise.resolve()
		return new Promise((resolve) => this.socket.once('connect', () => resolve()))
	}

	/**
	 * Sends one message and keeps sending it, with the same clientMsgId and a growing pause, until
	 * an ack arrives: an ack lost with a dying node, a disconnect before the send went out or a
	 * server too slow all end in a retry, which the server answers with the stored message.
	 */
	async send(roomId: string, body: string, clientMsgId: string = randomUUID()): Promise<Acked> {
		const entry: OutboxEntry = this.outbox.get(clientMsgId) ?? { roomId, clientMsgId, body }
		this.outbox.set(clientMsgId, entry)
		let pause = 50
		let attempts = 0
		for (;;) {
			if (this.closed) throw new Error('client closed with the message unacked')
			await this.connected()
			attempts++
			this.stats.attempts++
			try {
				const response = await this.socket.timeout(5_000).emitWithAck('chat:send', { roomId, clientMsgId, body })
				if ('data' in response) {
					const acked: Acked = { ...response.data, attempts }
					entry.acked = acked
					if (acked.duplicate) this.stats.duplicates++
					this.keep(acked.message)
					return acked
				}
				if (!RETRYABLE.has(response.error.code)) throw new Error(`chat:send refused: ${response.error.code} ${response.error.message}`)
			} catch (error) {
				if (error instanceof Error && error.message.startsWith('chat:send refused')) throw error
				// Timed out or disconnected before the ack: retry below.
			}
			this.stats.failedAttempts++
			await sleep(pause * (0.5 + Math.random()))
			pause = Math.min(pause * 2, 1_000)
		}
	}

	/** Syncs every room until nothing more comes (the end-of-run check). */
	async finalSync() {
		await this.connected()
		for (const roomId of this.rooms.keys()) {
			await this.requestSync(roomId)
			// A sync that started before the last messages committed may have missed them.
			await this.requestSync(roomId)
		}
	}

	close() {
		this.closed = true
		for (const timer of this.gapTimers.values()) clearTimeout(timer)
		this.gapTimers.clear()
		this.socket.disconnect()
	}
}

/** The next `event` on a socket (rejects after `timeoutMs`). */
export function nextEvent<E extends keyof ServerToClientEvents>(socket: ClientSocket, event: E, match: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true, timeoutMs = 10_000) {
	return new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve, reject) => {
		const listener = ((payload: Parameters<ServerToClientEvents[E]>[0]) => {
			if (!match(payload)) return
			clearTimeout(timer)
			socket.off(event, listener as never)
			resolve(payload)
		}) as never
		const timer = setTimeout(() => {
			socket.off(event, listener)
			reject(new Error(`no matching ${String(event)} within ${timeoutMs} ms`))
		}, timeoutMs)
		socket.on(event, listener)
	})
}

/** Rows of the rooms' text messages, for comparing with what the clients hold. */
export async function storedMessages(roomIds: string[]) {
	return prisma.chatMessage.findMany({ where: { roomId: { in: roomIds } }, select: { id: true, roomId: true, seq: true, clientMsgId: true, kind: true }, orderBy: [{ roomId: 'asc' }, { seq: 'asc' }] })
}
