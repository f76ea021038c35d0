import { createAdapter } from '@socket.io/postgres-adapter'
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
	const adapter = createAdapter(pool, { tableName: 'socket_io_attachments', heartbeatInterval: 5_000, heartbeatTimeout: 15_000 })
	return { adapter, close: () => pool.end().catch(() => {}) }
}
