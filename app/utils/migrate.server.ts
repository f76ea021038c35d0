// Applies prisma/migrations/<timestamp>_<name>/migration.sql with umzug, recording each one in
// Prisma's own `_prisma_migrations` table exactly as `prisma migrate deploy` would, so a machine
// that has Prisma's schema engine sees this history as its own (docs/decisions/002-migrations-offline.md).
import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { Umzug, type UmzugStorage } from 'umzug'

/** Where migrations live; npm scripts, the server and Vitest all run from the package root. */
export const MIGRATIONS_DIR = path.resolve('prisma/migrations')

// The key Prisma's schema engine takes for `migrate deploy`: sharing it means our runner and
// Prisma's never migrate one database at the same time.
const ADVISORY_LOCK_KEY = 72707369

// Same DDL as Prisma's schema engine, so `prisma migrate status` can read what we write.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
	"id" VARCHAR(36) PRIMARY KEY NOT NULL,
	"checksum" VARCHAR(64) NOT NULL,
	"finished_at" TIMESTAMPTZ,
	"migration_name" VARCHAR(255) NOT NULL,
	"logs" TEXT,
	"rolled_back_at" TIMESTAMPTZ,
	"started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
	"applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`

export interface MigrationFile {
	/** The folder name, e.g. `20261123000000_init`; it is the migration's identity. */
	name: string
	path: string
	sql: string
	/** sha256 hex of the file's bytes, as Prisma computes it. */
	checksum: string
}

export interface MigrateOptions {
	log?: (message: string) => void
	migrationsDir?: string
}

interface AppliedRow {
	migration_name: string
	checksum: string
	finished_at: Date | null
	rolled_back_at: Date | null
	started_at: Date
}

interface Context {
	client: pg.Client
	log: (message: string) => void
	files: Map<string, MigrationFile>
	// Names another runner applied between our planning and our turn (see applyMigration).
	skipped: Set<string>
}

/** Reads the migration folders in the order Prisma applies them. */
export async function readMigrations(migrationsDir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
	const entries = await fs.readdir(migrationsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOENT') return []
		throw error
	})
	// Prisma only looks at directories and sorts them with localeCompare; match it exactly.
	const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name)
	names.sort((a, b) => a.localeCompare(b))
	return Promise.all(
		names.map(async (name) => {
			const file = path.join(migrationsDir, name, 'migration.sql')
			const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
				if (error.code === 'ENOENT') throw new Error(`Migration folder ${name} has no migration.sql (${file})`)
				throw error
			})
			return { name, path: file, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') }
		}),
	)
}

/** Applies every pending migration, each in its own transaction; returns the names it applied. */
export async function migrate(databaseUrl: string, options: MigrateOptions = {}): Promise<string[]> {
	const log = options.log ?? (() => {})
	const files = await readMigrations(options.migrationsDir)
	const client = await connect(databaseUrl)
	try {
		// Taken before the table exists: two runners racing on CREATE TABLE IF NOT EXISTS in one
		// empty database can still collide on the table's row type.
		await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY])
		await client.query(CREATE_MIGRATIONS_TABLE)
		checkHistory(files, await readApplied(client), log)

		const context: Context = { client, log, files: new Map(files.map((file) => [file.name, file])), skipped: new Set() }
		const umzug = new Umzug<Context>({
			migrations: files.map((file) => ({ name: file.name, path: file.path, up: applyMigration })),
			context,
			storage: prismaMigrationsStorage,
			logger: undefined,
		})
		let applied
		try {
			applied = await umzug.up()
		} catch (error) {
			// A failure inside up() or logMigration() leaves the migration's transaction open.
			await client.query('ROLLBACK').catch(() => {})
			throw unwrapMigrationError(error)
		}
		return applied.map((m) => m.name).filter((name) => !context.skipped.has(name))
	} finally {
		await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => {})
		await client.end()
	}
}

/** Names of the migrations not yet applied; throws like migrate() when the history is unsound. */
export async function pendingMigrations(databaseUrl: string, options: Pick<MigrateOptions, 'migrationsDir'> = {}): Promise<string[]> {
	const files = await readMigrations(options.migrationsDir)
	const client = await connect(databaseUrl)
	try {
		const exists = await client.query<{ exists: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`)
		if (!exists.rows[0]?.exists) return files.map((file) => file.name)
		const rows = await readApplied(client)
		checkHistory(files, rows, () => {})
		const done = new Set(rows.filter(isApplied).map((row) => row.migration_name))
		return files.filter((file) => !done.has(file.name)).map((file) => file.name)
	} finally {
		await client.end()
	}
}

async function connect(databaseUrl: string): Promise<pg.Client> {
	const client = new pg.Client({ connectionString: databaseUrl })
	// A dropped connection also rejects the query in flight, which is what callers see; without a
	// listener pg's 'error' event would crash the process instead.
	client.on('error', () => {})
	await client.connect()
	return client
}

async function readApplied(client: pg.Client): Promise<AppliedRow[]> {
	const result = await client.query<AppliedRow>(
		'SELECT migration_name, checksum, finished_at, rolled_back_at, started_at FROM "_prisma_migrations" ORDER BY started_at',
	)
	return result.rows
}

const isApplied = (row: AppliedRow) => row.finished_at !== null && row.rolled_back_at === null

// Refuses the same histories Prisma's `migrate deploy` refuses, with an explanation.
function checkHistory(files: MigrationFile[], rows: AppliedRow[], log: (message: string) => void) {
	const byName = new Map(files.map((file) => [file.name, file]))
	const failed = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null)
	if (failed.length > 0) {
		throw new Error(
			`Migration ${failed.map((row) => row.migration_name).join(', ')} started on ${failed[0]?.started_at.toISOString()} and never finished ` +
				'(left by a failed `prisma migrate deploy`). Repair the database by hand, then mark it rolled back ' +
				`(UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '...') and migrate again.`,
		)
	}
	for (const row of rows.filter(isApplied)) {
		const file = byName.get(row.migration_name)
		if (!file) {
			log(`warning: ${row.migration_name} is applied to the database but missing from the migrations folder`)
		} else if (file.checksum !== row.checksum) {
			throw new Error(
				`Migration ${row.migration_name} was modified after it was applied (checksum in database ${row.checksum}, ` +
					`on disk ${file.checksum}). Applied migrations are immutable: restore the file and put the change in a new migration.`,
			)
		}
	}
}

async function applyMigration({ name, context }: { name: string; context: Context }) {
	const file = context.files.get(name)
	if (!file) throw new Error(`Unknown migration ${name}`)
	const { client } = context
	await client.query('BEGIN')
	// The advisory lock cannot exclude a second runner on embedded PGlite, where every connection
	// shares one session; its transactions are serialised though, so re-checking inside ours is exact.
	const already = await client.query(
		'SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL',
		[name],
	)
	if (already.rowCount) {
		context.skipped.add(name)
		return
	}
	try {
		await client.query(file.sql)
	} catch (error) {
		throw describeSqlError(file, error)
	}
}

// umzug calls logMigration right after up(); it closes the transaction up() opened, so a
// migration and its history row commit together or not at all.
const prismaMigrationsStorage: UmzugStorage<Context> = {
	async executed({ context }) {
		return (await readApplied(context.client)).filter(isApplied).map((row) => row.migration_name)
	},
	async logMigration({ name, context }) {
		const file = context.files.get(name)
		if (!file) throw new Error(`Unknown migration ${name}`)
		if (!context.skipped.has(name)) {
			await context.client.query(
				`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
				VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
				[randomUUID(), file.checksum, name],
			)
		}
		await context.client.query('COMMIT')
		if (!context.skipped.has(name)) context.log(`applied ${name}`)
	},
	async unlogMigration({ name }) {
		throw new Error(`Cannot revert ${name}: Prisma migrations are forward-only; write a new migration instead`)
	},
}

function describeSqlError(file: MigrationFile, error: unknown): Error {
	if (!(error instanceof Error)) return new Error(String(error))
	const position = Number((error as { position?: string }).position)
	const line = Number.isFinite(position) && position > 0 ? file.sql.slice(0, position).split('\n').length : undefined
	return new Error(`${file.name}/migration.sql${line ? ` line ${line}` : ''}: ${error.message}`, { cause: error })
}

// umzug wraps errors in a MigrationError whose message repeats ours; keep the one that explains.
function unwrapMigrationError(error: unknown): unknown {
	if (error instanceof Error && error.name === 'MigrationError' && error.cause instanceof Error) return error.cause
	return error
}
