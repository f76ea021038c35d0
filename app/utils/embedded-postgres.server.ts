// Embedded Postgres for running without DATABASE_URL: PGlite (Postgres 18 compiled to WASM,
// in-process) served over the wire protocol by pglite-socket, so `pg`, Prisma and psql connect to
// it like to any server. Measured with pglite-socket 0.2.17 (embedded-postgres.server.test.ts
// keeps the essentials checked):
//
// - PGlite is ONE Postgres session. pglite-socket accepts up to `maxConnections` clients (its
//   default is 1: a second client is dropped and pg reports "Connection terminated unexpectedly")
//   and multiplexes them onto that session, one protocol message at a time. We allow
//   EMBEDDED_MAX_CONNECTIONS; keep every pool at or under EMBEDDED_POOL_SIZE so the sum fits.
// - Results stay correct under concurrency: 5,000 parallel parameterised pg queries over a pool
//   of 10 (in memory and on disk), 200 parallel Prisma creates and reads, and 30 parallel Prisma
//   interactive transactions all came out exactly as asked.
// - While one connection is inside a transaction, every other connection waits until it commits
//   or rolls back: transactions are serialised, never interleaved. So code that holds a
//   transaction and awaits a query on another connection (`prisma.x` instead of `tx.x` inside
//   `$transaction`) hangs until Prisma's transaction timeout (5 s) and then fails, where real
//   Postgres would answer.
// - Session state is shared by all connections: SET, session advisory locks (every client "gets"
//   pg_advisory_lock at once), named prepared statements, temporary tables. Prisma and pg use
//   unnamed statements, which is fine; don't rely on session state.
// - LISTEN/NOTIFY does not work across connections: a NOTIFY is delivered to the connection
//   that sent it. Job workers must poll in embedded mode.
// - The database name in the URL is ignored (always `postgres`); CREATE DATABASE succeeds but
//   nothing can connect to the new database. Tests isolate with one PGlite per test file instead.
// - A client that disconnects inside a transaction gets it rolled back.
// - One process per data directory: PGlite itself lets a second instance open it (which corrupts
//   it), so we hold a lock file beside it.
import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

/** Client connections the embedded server accepts at once, across all pools. */
export const EMBEDDED_MAX_CONNECTIONS = 100
/** The largest pool one client (Prisma, a job queue, a script) should open against embedded Postgres. */
export const EMBEDDED_POOL_SIZE = 10

export interface EmbeddedPostgresOptions {
	/** Where the data lives, e.g. `.data/pglite`; omit for an in-memory database. */
	dataDir?: string
	/** A tarball from `pglite.dumpDataDir()` to start from (an in-memory copy of a template). */
	loadDataDir?: Blob
	/** TCP port on 127.0.0.1; omitted or 0 picks a free one. */
	port?: number
}

export interface EmbeddedPostgres {
	/** postgresql:// URL for pg, Prisma and psql. */
	url: string
	port: number
	pglite: PGlite
	/** Closes client connections, the server and the database; safe to call twice. */
	stop(): Promise<void>
}

/** Starts PGlite with unaccent and pg_trgm available to CREATE EXTENSION, served on 127.0.0.1. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
	const releaseLock = options.dataDir ? lockDataDir(options.dataDir) : () => {}
	let pglite: PGlite | undefined
	let server: PGLiteSocketServer | undefined
	try {
		pglite = await PGlite.create({
			dataDir: options.dataDir,
			loadDataDir: options.loadDataDir,
			extensions: { unaccent, pg_trgm },
		})
		server = new PGLiteSocketServer({
			db: pglite,
			host: '127.0.0.1',
			port: options.port ?? 0,
			maxConnections: EMBEDDED_MAX_CONNECTIONS,
		})
		await server.start()
	} catch (error) {
		await pglite?.close().catch(() => {})
		releaseLock()
		throw error
	}
	const port = Number(server.getServerConn().split(':').at(-1))
	let stopping: Promise<void> | undefined
	const [db, socketServer] = [pglite, server]
	return {
		url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
		port,
		pglite: db,
		stop: () =>
			(stopping ??= (async () => {
				try {
					await socketServer.stop()
					await db.close()
				} finally {
					releaseLock()
				}
			})()),
	}
}

// An exclusive lock file holding our pid; one left by a process that has died is taken over.
function lockDataDir(dataDir: string): () => void {
	const lockPath = `${path.resolve(dataDir)}.lock`
	fs.mkdirSync(path.dirname(lockPath), { recursive: true })
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
			return () => fs.rmSync(lockPath, { force: true })
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
			const owner = Number(fs.readFileSync(lockPath, 'utf8'))
			if (isAlive(owner)) {
				throw new Error(`${dataDir} is in use by process ${owner} (${lockPath}); PGlite cannot share a data directory`)
			}
			fs.rmSync(lockPath, { force: true })
		}
	}
	throw new Error(`Could not lock ${dataDir} (${lockPath})`)
}

function isAlive(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0) return false
	try {
		process.kill(pid, 0)
		return true
	} catch (error) {
		// EPERM: it exists but belongs to another user.
		return (error as NodeJS.ErrnoException).code === 'EPERM'
	}
}
