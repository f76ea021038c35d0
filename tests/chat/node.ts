// One chat server node, as a separate process, for the multi-node tests (tests/chat/*.test.ts) and
// the chat benchmark (bench/chat.ts): socket.io on a plain HTTP server with the Postgres adapter,
// exactly what app/background.server.ts attaches in production, without the React Router app, the
// job worker or the search relay, so a node starts in a few seconds and a SIGKILL takes down
// nothing but sockets and in-flight transactions.
//
//   PORT=4100 DATABASE_URL=postgresql://… SESSION_SECRET=… npx tsx tests/chat/node.ts
//
// Prints one JSON line `{"ready":true,"port":…,"pid":…}` on stdout once it listens (pino's log
// lines go to stdout too, so readers look for that line). SIGTERM and SIGINT close it cleanly.
// Spawned with an IPC channel (as the tests and the benchmark do), it also exits when its parent
// goes away, so a crashed test run leaves no node behind, and answers `{ type: 'stats' }` with its
// memory after a garbage collection (when run with --expose-gc).
//
// The tests spawn it with `node --import tsx` rather than `npx tsx`: the tsx CLI runs the script
// in a child process of its own, so a SIGKILL sent to the CLI would leave the real node running.
import { createServer } from 'node:http'
import { postgresAdapter } from '~/chat/adapter.server'
import { attachSocketServer, closeSocketServer } from '~/realtime/socket.server'
import { disconnectPrisma } from '~/utils/db.server'
import { logger } from '~/utils/logger.server'

const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl) {
	console.error('DATABASE_URL is required (a PostgreSQL server: the adapter needs LISTEN/NOTIFY)')
	process.exit(2)
}
const port = Number(process.env.PORT ?? 0)
const host = process.env.HOST ?? '127.0.0.1'

const fanOut = postgresAdapter(databaseUrl)
const server = createServer()
const io = attachSocketServer(server, { adapter: fanOut.adapter })

server.listen(port, host, () => {
	const address = server.address()
	const listening = typeof address === 'object' && address ? address.port : port
	process.stdout.write(`${JSON.stringify({ ready: true, port: listening, pid: process.pid })}\n`)
})
server.on('error', (error) => {
	logger.fatal({ err: error }, 'chat node failed to listen')
	console.error(error)
	process.exit(1)
})

let stopping = false
async function stop(code: number) {
	if (stopping) return
	stopping = true
	// A stuck pool or socket must not keep a test waiting for an exit that never comes.
	setTimeout(() => process.exit(code), 5_000).unref()
	closeSocketServer(io)
	await new Promise<void>((resolve) => server.close(() => resolve()))
	await fanOut.close()
	await disconnectPrisma().catch(() => {})
	process.exit(code)
}

process.on('SIGTERM', () => void stop(0))
process.on('SIGINT', () => void stop(0))

if (process.send) {
	process.on('disconnect', () => void stop(0))
	process.on('message', (message: unknown) => {
		if (!message || typeof message !== 'object' || (message as { type?: unknown }).type !== 'stats') return
		;(globalThis as { gc?: () => void }).gc?.()
		const { rss, heapUsed } = process.memoryUsage()
		process.send?.({ type: 'stats', rss, heapUsed, sockets: io.engine.clientsCount })
	})
}
