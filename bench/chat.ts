/**
 * Chat benchmark: how many connected clients one chat node serves with ack p95 under 100 ms, and
 * what a connection costs in memory, against a bare socket.io echo server measured in the same run.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:chat
 *   # or: npx tsx bench/chat.ts [--quick] [--keep]
 *
 * Clients come in two-person rooms (direct conversations) and each sends a line every 5 s at a
 * random phase; the client count ramps through BENCH_STEPS. At each step, after a warm-up, every
 * send's time from emit to ack is recorded for BENCH_MEASURE seconds, then the server's heap and RSS
 * are read after a garbage collection. The ramp of a server ends at the first step whose p95 is
 * 100 ms or more (or that loses acks). The chat node is tests/chat/node.ts (socket.io with the
 * Postgres adapter, sessions, membership, rate limits, gapless sequence numbers: the production
 * path); the baseline is bench/chat-echo-server.ts. The servers run pinned to CPU 0, this load
 * generator to CPU 1 (taskset), PostgreSQL wherever the scheduler puts it.
 *
 * Only the ratios mean anything across machines. See bench/README.md.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { io as connectClient, type Socket } from 'socket.io-client'

const args = new Set(process.argv.slice(2))
const QUICK = args.has('--quick')
const STEPS = (process.env.BENCH_STEPS ?? (QUICK ? '50,100,200' : '100,200,400,600,800,1000,1200,1500,2000,2500,3000'))
	.split(',')
	.map(Number)
	.filter((n) => n > 0 && n % 2 === 0)
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? (QUICK ? 5 : 6))
const MEASURE_S = Number(process.env.BENCH_MEASURE ?? (QUICK ? 10 : 20))
const INTERVAL_MS = 5_000
const P95_LIMIT_MS = 100
const ACK_TIMEOUT_MS = 10_000
const BENCH_DATABASE = 'caunoi_bench_chat'
const MAX_CLIENTS = Math.max(...STEPS)

const log = (message: string) => console.log(`[bench] ${message}`)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// ─── Pinning ─────────────────────────────────────────────────────────────────

const canPin = os.cpus().length >= 2 && spawnSync('taskset', ['-V']).status === 0
if (canPin && !process.env.BENCH_CHAT_PINNED) {
	// Run again on CPU 1 so the generator never takes the servers' core.
	const child = spawn('taskset', ['-c', '1', process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, BENCH_CHAT_PINNED: '1' } })
	child.on('exit', (code) => process.exit(code ?? 1))
} else {
	if (!canPin) console.warn('[bench] cannot pin (needs 2 CPUs and taskset): servers and generator share the CPUs, figures are lower')
	main().catch((error) => {
		console.error(error)
		process.exit(1)
	})
}

// ─── Servers ─────────────────────────────────────────────────────────────────

type Stats = { rss: number; heapUsed: number; sockets: number }
type Server = { url: string; child: ChildProcess; stats(): Promise<Stats>; stop(): Promise<void> }

function startServer(script: string, env: Record<string, string>): Promise<Server> {
	const command = [process.execPath, '--expose-gc', '--import', 'tsx', path.resolve(script)]
	const child = canPin ? spawn('taskset', ['-c', '0', ...command], { env: { ...process.env, ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] }) : spawn(command[0]!, command.slice(1), { env: { ...process.env, ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] })
	return new Promise((resolve, reject) => {
		let buffered = ''
		const timer = setTimeout(() => reject(new Error(`${script} did not start within 60 s`)), 60_000)
		child.once('exit', (code) => reject(new Error(`${script} exited (code ${code}) before it was ready`)))
		child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
			buffered += chunk
			const line = buffered.split('\n').find((l) => l.startsWith('{"ready"'))
			if (!line) return
			buffered = ''
			clearTimeout(timer)
			const { port } = JSON.parse(line) as { port: number }
			resolve({
				url: `http://127.0.0.1:${port}`,
				child,
				stats: () =>
					new Promise((done) => {
						const listener = (message: unknown) => {
							if ((message as { type?: string }).type !== 'stats') return
							child.off('message', listener)
							done(message as Stats)
						}
						child.on('message', listener)
						child.send({ type: 'stats' })
					}),
				stop: () =>
					new Promise((done) => {
						if (child.exitCode !== null) return done()
						child.removeAllListeners('exit')
						child.once('exit', () => done())
						child.kill('SIGTERM')
					}),
			})
		})
	})
}

// ─── Clients ─────────────────────────────────────────────────────────────────

type Peer = { roomId: string; cookie?: string }
type Sample = { at: number; ms: number }

class LoadClient {
	readonly socket: Socket
	readonly samples: Sample[] = []
	lost = 0
	/** Lines from the other member (a node also echoes one's own line to one's other tabs). */
	received = 0
	private sent = new Set<string>()
	private timer?: NodeJS.Timeout

	constructor(
		url: string,
		readonly peer: Peer,
	) {
		this.socket = connectClient(url, {
			path: '/socket.io',
			transports: ['websocket'],
			forceNew: true,
			reconnection: false,
			...(peer.cookie ? { extraHeaders: { cookie: peer.cookie } } : { query: { room: peer.roomId } }),
		})
		this.socket.on('chat:message', (message: { clientMsgId?: string | null }) => {
			if (!message.clientMsgId || !this.sent.delete(message.clientMsgId)) this.received++
		})
	}

	connected() {
		return new Promise<void>((resolve, reject) => {
			if (this.socket.connected) return resolve()
			this.socket.once('connect', () => resolve())
			this.socket.once('connect_error', (error) => reject(error))
		})
	}

	start() {
		const tick = () => void this.send()
		this.timer = setTimeout(() => {
			tick()
			this.timer = setInterval(tick, INTERVAL_MS)
		}, Math.random() * INTERVAL_MS)
	}

	private async send() {
		const started = performance.now()
		const clientMsgId = randomUUID()
		this.sent.add(clientMsgId)
		try {
			const response = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('chat:send', { roomId: this.peer.roomId, clientMsgId, body: `bench line ${randomBytes(6).toString('hex')} — một dòng thử` })
			if (!response || 'error' in response) this.lost++
			else this.samples.push({ at: started, ms: performance.now() - started })
		} catch {
			this.lost++
		}
	}

	close() {
		clearTimeout(this.timer)
		clearInterval(this.timer)
		this.socket.disconnect()
	}
}

// ─── Ramp ────────────────────────────────────────────────────────────────────

type Step = { clients: number; sends: number; lost: number; p50: number; p95: number; p99: number; rate: number; delivered: number; heapPerConn: number; rssPerConn: number; generatorCpu: number }

const kib = (bytes: number) => (Number.isNaN(bytes) ? '-' : (bytes / 1024).toFixed(1))

function percentile(sorted: number[], p: number) {
	if (sorted.length === 0) return Number.NaN
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

async function ramp(label: string, server: Server, peers: Peer[]): Promise<Step[]> {
	const base = await server.stats()
	log(`${label}: idle heap ${(base.heapUsed / 2 ** 20).toFixed(1)} MiB, RSS ${(base.rss / 2 ** 20).toFixed(1)} MiB`)
	const clients: LoadClient[] = []
	const steps: Step[] = []
	// Memory per connection is the slope from the first step on: the first messages also load code,
	// fill caches and open pool connections, which an idle reading would charge to the first clients.
	let first: { clients: number; stats: Stats } | undefined
	try {
		for (const target of STEPS) {
			while (clients.length < target) {
				const batch = peers.slice(clients.length, Math.min(target, clients.length + 50)).map((peer) => new LoadClient(server.url, peer))
				clients.push(...batch)
				await Promise.all(batch.map((client) => client.connected()))
				for (const client of batch) client.start()
			}
			await sleep(WARMUP_S * 1000)
			const from = performance.now()
			const lostBefore = clients.reduce((sum, c) => sum + c.lost, 0)
			const receivedBefore = clients.reduce((sum, c) => sum + c.received, 0)
			const cpuBefore = process.cpuUsage()
			await sleep(MEASURE_S * 1000)
			const to = performance.now()
			const cpu = process.cpuUsage(cpuBefore)
			const times = clients.flatMap((c) => c.samples.filter((s) => s.at >= from && s.at < to).map((s) => s.ms)).sort((a, b) => a - b)
			const lost = clients.reduce((sum, c) => sum + c.lost, 0) - lostBefore
			const received = clients.reduce((sum, c) => sum + c.received, 0) - receivedBefore
			const stats = await server.stats()
			first ??= { clients: target, stats }
			const added = target - first.clients
			const step: Step = {
				clients: target,
				sends: times.length,
				lost,
				p50: percentile(times, 50),
				p95: percentile(times, 95),
				p99: percentile(times, 99),
				rate: times.length / MEASURE_S,
				delivered: times.length ? received / times.length : 0,
				heapPerConn: added > 0 ? (stats.heapUsed - first.stats.heapUsed) / added : Number.NaN,
				rssPerConn: added > 0 ? (stats.rss - first.stats.rss) / added : Number.NaN,
				generatorCpu: (cpu.user + cpu.system) / 1000 / (to - from),
			}
			steps.push(step)
			log(`${label}: ${target} clients, ${step.rate.toFixed(0)} msg/s, ack p50 ${step.p50.toFixed(1)} ms, p95 ${step.p95.toFixed(1)} ms, lost ${lost}, delivered to the peer ${(step.delivered * 100).toFixed(0)}%, heap ${(stats.heapUsed / 2 ** 20).toFixed(1)} MiB (${kib(step.heapPerConn)} KiB/conn), RSS ${(stats.rss / 2 ** 20).toFixed(1)} MiB (${kib(step.rssPerConn)} KiB/conn), generator CPU ${(step.generatorCpu * 100).toFixed(0)}%`)
			if (!(step.p95 < P95_LIMIT_MS) || lost > 0) break
		}
	} finally {
		for (const client of clients) client.close()
	}
	return steps
}

// ─── Chat fixtures ───────────────────────────────────────────────────────────

async function admin(url: string, sql: string) {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		await client.query(sql)
	} finally {
		await client.end()
	}
}

/** Users with sessions and one direct room per pair, through the same model functions the app uses. */
async function chatPeers(count: number): Promise<Peer[]> {
	const [{ prisma }, { createSession }, { serializeSessionCookie }, { openDirect }] = await Promise.all([
		import('~/utils/db.server'),
		import('~/models/session.server'),
		import('~/utils/session.server'),
		import('~/models/chat.server'),
	])
	const peers: Peer[] = []
	const started = performance.now()
	for (let i = 0; i < count / 2; i += 25) {
		const pairs = await Promise.all(
			Array.from({ length: Math.min(25, count / 2 - i) }, async (_, j) => {
				const users = await Promise.all(
					['a', 'b'].map(async (side) => {
						const user = await prisma.user.create({ data: { email: `bench-${i + j}${side}-${randomBytes(3).toString('hex')}@example.test`, name: `Bench ${i + j}${side}`, passwordHash: 'not-a-hash', locale: 'vi' }, select: { id: true } })
						const { secret, expiresAt } = await createSession(user.id)
						return { id: user.id, cookie: (await serializeSessionCookie(secret, expiresAt)).split(';')[0]! }
					}),
				)
				const { roomId } = await openDirect({ id: users[0]!.id }, users[1]!.id, null)
				return users.map((user) => ({ roomId, cookie: user.cookie }))
			}),
		)
		peers.push(...pairs.flat())
	}
	log(`${count} users with sessions in ${count / 2} rooms, in ${((performance.now() - started) / 1000).toFixed(1)} s`)
	await prisma.$disconnect()
	return peers
}

// ─── Report ──────────────────────────────────────────────────────────────────

function best(steps: Step[]) {
	const ok = steps.filter((s) => s.p95 < P95_LIMIT_MS && s.lost === 0)
	const last = ok.at(-1)
	const ceiling = steps.length > 0 && steps.at(-1) === last && last?.clients === MAX_CLIENTS
	return { last, ceiling }
}

function table(label: string, steps: Step[]) {
	console.log(`\n### ${label}\n`)
	console.log('| clients | msg/s | ack p50 ms | ack p95 ms | ack p99 ms | lost | delivered | heap/conn KiB | RSS/conn KiB | generator CPU |')
	console.log('| ------: | ----: | ---------: | ---------: | ---------: | ---: | --------: | ------------: | -----------: | ------------: |')
	for (const s of steps)
		console.log(
			`| ${s.clients} | ${s.rate.toFixed(0)} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.lost} | ${(s.delivered * 100).toFixed(0)}% | ${kib(s.heapPerConn)} | ${kib(s.rssPerConn)} | ${(s.generatorCpu * 100).toFixed(0)}% |`,
		)
}

async function main() {
	const serverUrl = process.env.DATABASE_URL
	if (!serverUrl) {
		console.error('[bench] DATABASE_URL must name a PostgreSQL server (the chat node needs LISTEN/NOTIFY for its adapter)')
		process.exit(2)
	}
	log(`steps ${STEPS.join(', ')}; warm-up ${WARMUP_S} s, measure ${MEASURE_S} s per step; a line every ${INTERVAL_MS / 1000} s per client${canPin ? '; servers on CPU 0, generator on CPU 1' : ''}`)
	await admin(serverUrl, `DROP DATABASE IF EXISTS "${BENCH_DATABASE}" WITH (FORCE)`)
	await admin(serverUrl, `CREATE DATABASE "${BENCH_DATABASE}"`)
	const url = new URL(serverUrl)
	url.pathname = `/${BENCH_DATABASE}`
	const databaseUrl = url.toString()
	process.env.DATABASE_URL = databaseUrl
	process.env.SESSION_SECRET ??= randomBytes(32).toString('hex')
	const servers: Server[] = []
	try {
		const { migrate } = await import('~/utils/migrate.server')
		await migrate(databaseUrl)
		const peers = await chatPeers(MAX_CLIENTS)

		const chat = await startServer('tests/chat/node.ts', { DATABASE_URL: databaseUrl, SESSION_SECRET: process.env.SESSION_SECRET, LOG_LEVEL: 'warn', NODE_ENV: 'production' })
		servers.push(chat)
		const chatSteps = await ramp('chat node', chat, peers)
		await chat.stop()

		const echo = await startServer('bench/chat-echo-server.ts', {})
		servers.push(echo)
		const echoSteps = await ramp('echo server', echo, peers.map((peer) => ({ roomId: peer.roomId })))
		await echo.stop()

		table('Chat node (tests/chat/node.ts: sessions, membership, rate limits, Postgres adapter)', chatSteps)
		table('Bare socket.io echo server (bench/chat-echo-server.ts)', echoSteps)
		const c = best(chatSteps)
		const e = best(echoSteps)
		const clientsOf = (b: ReturnType<typeof best>) => (b.last ? `${b.ceiling ? '≥' : ''}${b.last.clients}` : `< ${STEPS[0]}`)
		console.log('\n### Summary\n')
		console.log(`largest client count with ack p95 < ${P95_LIMIT_MS} ms: chat ${clientsOf(c)}, echo ${clientsOf(e)}`)
		if (c.last && e.last) {
			console.log(`clients, chat ÷ echo: ${e.ceiling ? '≤ ' : ''}${(c.last.clients / e.last.clients).toFixed(2)}${e.ceiling ? ' (the echo server reached the top of the ramp: an upper bound)' : ''}`)
			const same = echoSteps.find((s) => s.clients === c.last!.clients)
			if (same) {
				console.log(`at ${c.last.clients} clients: ack p95 ${c.last.p95.toFixed(1)} vs ${same.p95.toFixed(1)} ms (${(c.last.p95 / same.p95).toFixed(1)}×)`)
				console.log(`memory per connection (slope from ${STEPS[0]} clients): heap ${kib(c.last.heapPerConn)} vs ${kib(same.heapPerConn)} KiB (${(c.last.heapPerConn / same.heapPerConn).toFixed(2)}×), RSS ${kib(c.last.rssPerConn)} vs ${kib(same.rssPerConn)} KiB (${(c.last.rssPerConn / same.rssPerConn).toFixed(2)}×)`)
			}
		}
		console.log(JSON.stringify({ chat: chatSteps, echo: echoSteps }))
	} finally {
		for (const server of servers) await server.stop().catch(() => {})
		if (!args.has('--keep')) await admin(serverUrl, `DROP DATABASE IF EXISTS "${BENCH_DATABASE}" WITH (FORCE)`)
	}
}
