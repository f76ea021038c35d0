import { createAdapter } from '@socket.io/postgres-adapter'
import type { ServerOptions } from 'socket.io'
import pg from 'pg'
import { logger } from '~/utils/logger.server'

// Several app nodes behind a load balancer: each node's socket.io server hears the others' emits
// through Postgres LISTEN/NOTIFY, so a message sent on one node reaches members connected to
// another. The embedded PGlite serves one node and one connection: no adapter there.

/** The adapter for a real PostgreSQL server, with the pool it listens on (closed by `close`). */
export function postgresAdapter(databaseUrl: string) {
	const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 })
	pool.on('error', (error) => logger.warn({ err: error }, 'socket.io adapter pool error'))
	// Packets above NOTIFY's 8,000 bytes travel through this table (created by the chat migration).
	const factory = createAdapter(pool, { tableName: 'socket_io_attachments', heartbeatInterval: 5_000, heartbeatTimeout: 15_000 })
	// socket.io closes its adapters only in io.close(), which would also close the HTTP server the
	// app owns, so we keep them and close them here: that releases the pooled client held for LISTEN
	// (pool.end() would wait for it forever) and tells the other nodes this one has gone, instead of
	// leaving them to wait 15 s of missed heartbeats, during which their fetchSockets (presence)
	// wait for its answer and time out.
	const adapters: Array<ReturnType<typeof factory>> = []
	// A function, not an arrow: socket.io calls it with `new`, which returns the object it returns.
	const adapter = function (nsp: Parameters<typeof factory>[0]) {
		const created = factory(nsp)
		adapters.push(created)
		return created
	} as unknown as ServerOptions['adapter']
	return {
		adapter,
		close: async () => {
			for (const created of adapters.splice(0)) created.close()
			// The goodbye NOTIFY waits a tick in the pool's queue, and pool.end() drops what is queued
			// (it waits only for queries already running): let it start first.
			for (let i = 0; i < 100 && pool.waitingCount > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10))
			await pool.end().catch(() => {})
		},
	}
}
