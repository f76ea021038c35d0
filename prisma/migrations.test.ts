// The migration SQL and schema.prisma must describe the same database, and the runner must keep
// Prisma's history honest. Runs against real Postgres (DATABASE_URL) or embedded PGlite.
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, test } from 'vitest'
import { MIGRATIONS_DIR, migrate, pendingMigrations, readMigrations } from '../app/utils/migrate.server'
import { SCHEMA_PATH, diffSchemas, readSnapshot } from '../scripts/db-diff'
import { type ScratchDatabase, createTestDatabase } from '../tests/db'

// Tables that live in `public` on purpose without a Prisma model. Keep this empty unless a
// library insists on its own table; anything else belongs in schema.prisma.
// @socket.io/postgres-adapter insists on its packet overflow table (created by the chat migration).
const UNMANAGED_TABLES: string[] = ['socket_io_attachments']

const scratch: ScratchDatabase[] = []
const tmpDirs: string[] = []
async function emptyDatabase() {
	const database = await createTestDatabase({ empty: true })
	scratch.push(database)
	return database.url
}
afterEach(async () => {
	await Promise.all(scratch.splice(0).map((database) => database.drop()))
	await Promise.all(tmpDirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })))
})

describe('migration files', () => {
	test('are laid out as Prisma expects', async () => {
		const lock = await fs.readFile(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), 'utf8')
		expect(lock).toMatch(/^provider = "postgresql"$/m)
		const names = (await readMigrations()).map((m) => m.name)
		expect(names[0]).toBe('20261123000000_init')
		for (const name of names) expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/)
	})

	test('cover every change in schema.prisma (run `npm run db:diff -- <name>` if this fails)', async () => {
		const sql = await diffSchemas(await readSnapshot(), await fs.readFile(SCHEMA_PATH, 'utf8'))
		expect(sql).toBeNull()
	})

	test('build the database schema.prisma describes', async () => {
		const fromSchema = await emptyDatabase()
		const sql = await diffSchemas(null, await fs.readFile(SCHEMA_PATH, 'utf8'))
		expect(sql).toContain('CREATE TABLE "User"')
		await run(fromSchema, sql ?? '')

		const fromMigrations = await emptyDatabase()
		await migrate(fromMigrations)

		const expected = await describeDatabase(fromSchema)
		const actual = await describeDatabase(fromMigrations)
		expect(actual.tables).toEqual(expected.tables)
		expect(actual.columns).toEqual(expected.columns)
		expect(actual.enums).toEqual(expected.enums)
		// Hand-written migrations may add indexes and constraints Prisma cannot express, but every
		// one schema.prisma implies must exist exactly as Prisma would create it.
		expect(pick(actual.indexes, Object.keys(expected.indexes))).toEqual(expected.indexes)
		expect(pick(actual.constraints, Object.keys(expected.constraints))).toEqual(expected.constraints)
	})

	test('the comparison above notices drift', async () => {
		const url = await emptyDatabase()
		await migrate(url)
		const before = await describeDatabase(url)
		await run(url, `ALTER TABLE "User" ADD COLUMN "nickname" TEXT; ALTER TABLE "Session" ALTER COLUMN "ip" SET NOT NULL`)
		const after = await describeDatabase(url)
		expect(after.columns).not.toEqual(before.columns)
		expect(Object.keys(after.columns).filter((key) => !(key in before.columns))).toEqual(['User.nickname'])
		expect(after.columns['Session.ip']?.notNull).toBe(true)
	})
})

describe('migrate()', () => {
	test('records history exactly as Prisma does and does nothing the second time', async () => {
		const url = await emptyDatabase()
		const files = await readMigrations()
		expect(await pendingMigrations(url)).toEqual(files.map((m) => m.name))
		expect(await migrate(url)).toEqual(files.map((m) => m.name))

		const client = await connect(url)
		try {
			const columns = await client.query(
				`SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS "notNull",
					pg_get_expr(d.adbin, d.adrelid) AS "default"
				FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
				WHERE a.attrelid = '"_prisma_migrations"'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
			)
			expect(columns.rows).toEqual([
				{ name: 'id', type: 'character varying(36)', notNull: true, default: null },
				{ name: 'checksum', type: 'character varying(64)', notNull: true, default: null },
				{ name: 'finished_at', type: 'timestamp with time zone', notNull: false, default: null },
				{ name: 'migration_name', type: 'character varying(255)', notNull: true, default: null },
				{ name: 'logs', type: 'text', notNull: false, default: null },
				{ name: 'rolled_back_at', type: 'timestamp with time zone', notNull: false, default: null },
				{ name: 'started_at', type: 'timestamp with time zone', notNull: true, default: 'now()' },
				{ name: 'applied_steps_count', type: 'integer', notNull: true, default: '0' },
			])
			const primaryKey = await client.query(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = '"_prisma_migrations"'::regclass AND contype = 'p'`)
			expect(primaryKey.rows).toEqual([{ def: 'PRIMARY KEY (id)' }])

			const checksums = await Promise.all(files.map(async (file) => createHash('sha256').update(await fs.readFile(file.path)).digest('hex')))
			const history = await readHistory(client)
			expect(history).toEqual(
				files.map((file, i) => ({
					migration_name: file.name,
					checksum: checksums[i],
					finished: true,
					rolled_back_at: null,
					logs: null,
					applied_steps_count: 1,
				})),
			)
			expect(await migrate(url)).toEqual([])
			expect(await pendingMigrations(url)).toEqual([])
			expect(await readHistory(client)).toEqual(history)
		} finally {
			await client.end()
		}
	})

	test('refuses a database whose applied migration file was changed afterwards', async () => {
		const dir = await copyMigrations()
		const url = await emptyDatabase()
		await migrate(url, { migrationsDir: dir })
		await fs.appendFile(path.join(dir, '20261123000000_init', 'migration.sql'), '\n-- an innocent-looking edit\n')

		await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(/20261123000000_init was modified after it was applied/)
		await expect(pendingMigrations(url, { migrationsDir: dir })).rejects.toThrow(/modified after it was applied/)
	})

	test('rolls a failing migration back completely and says where it failed', async () => {
		const dir = await copyMigrations()
		const broken = '29991231000000_broken'
		await fs.mkdir(path.join(dir, broken))
		await fs.writeFile(path.join(dir, broken, 'migration.sql'), 'CREATE TABLE "Broken" ("id" INTEGER);\n\nSELECT "nope" FROM "Broken";\n')
		const url = await emptyDatabase()

		await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(`${broken}/migration.sql line 3: column "nope" does not exist`)
		const client = await connect(url)
		try {
			expect((await client.query(`SELECT to_regclass('"Broken"') AS broken`)).rows).toEqual([{ broken: null }])
			expect((await readHistory(client)).map((row) => row.migration_name)).toEqual((await readMigrations()).map((m) => m.name))
		} finally {
			await client.end()
		}
		expect(await pendingMigrations(url, { migrationsDir: dir })).toEqual([broken])
	})

	test('two runs started at once on an empty database both succeed and apply each migration once', async () => {
		const url = await emptyDatabase()
		const names = (await readMigrations()).map((m) => m.name)
		const [first, second] = await Promise.all([migrate(url), migrate(url)])
		expect([...first, ...second].sort()).toEqual(names)
		const client = await connect(url)
		try {
			expect((await readHistory(client)).map((row) => row.migration_name)).toEqual(names)
		} finally {
			await client.end()
		}
	})
})

async function connect(url: string) {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	return client
}

async function run(url: string, sql: string) {
	const client = await connect(url)
	try {
		await client.query(sql)
	} finally {
		await client.end()
	}
}

async function readHistory(client: pg.Client) {
	const { rows } = await client.query(
		`SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at, logs, applied_steps_count
		FROM "_prisma_migrations" ORDER BY migration_name`,
	)
	return rows
}

async function copyMigrations() {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'caunoi-migrations-'))
	tmpDirs.push(dir)
	await fs.cp(MIGRATIONS_DIR, dir, { recursive: true })
	return dir
}

function pick<T>(record: Record<string, T>, keys: string[]) {
	return Object.fromEntries(keys.filter((key) => key in record).map((key) => [key, record[key]]))
}

/** What schema.prisma can describe about `public`, keyed by name so order does not matter. */
async function describeDatabase(url: string) {
	const client = await connect(url)
	try {
		const ignored = ['_prisma_migrations', ...UNMANAGED_TABLES]
		const tables = await client.query<{ name: string }>(
			`SELECT c.relname AS name FROM pg_class c
			WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND c.relname <> ALL($1) ORDER BY 1`,
			[ignored],
		)
		const columns = await client.query<{ key: string; type: string; notNull: boolean; default: string | null; identity: string; generated: string }>(
			`SELECT c.relname || '.' || a.attname AS key, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS "notNull",
				pg_get_expr(d.adbin, d.adrelid) AS "default", a.attidentity AS identity, a.attgenerated AS generated
			FROM pg_attribute a
			JOIN pg_class c ON c.oid = a.attrelid
			LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND c.relname <> ALL($1)
				AND a.attnum > 0 AND NOT a.attisdropped`,
			[ignored],
		)
		// Sorted: Prisma itself appends enum values added later, so declaration order can differ.
		const enums = await client.query<{ name: string; labels: string[] }>(
			`SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumlabel) AS labels
			FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
			WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname`,
		)
		const indexes = await client.query<{ name: string; def: string }>(
			`SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = 'public' AND tablename <> ALL($1)`,
			[ignored],
		)
		// NOT NULL constraints (contype 'n' from Postgres 18) are covered by the columns.
		const constraints = await client.query<{ name: string; def: string }>(
			`SELECT con.conrelid::regclass::text || '.' || con.conname AS name, pg_get_constraintdef(con.oid) AS def
			FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
			WHERE con.connamespace = 'public'::regnamespace AND con.contype <> 'n' AND c.relname <> ALL($1)`,
			[ignored],
		)
		return {
			tables: tables.rows.map((row) => row.name),
			columns: Object.fromEntries(columns.rows.map(({ key, ...column }) => [key, column])),
			enums: Object.fromEntries(enums.rows.map((row) => [row.name, row.labels])),
			indexes: Object.fromEntries(indexes.rows.map((row) => [row.name, row.def])),
			constraints: Object.fromEntries(constraints.rows.map((row) => [row.name, row.def])),
		}
	} finally {
		await client.end()
	}
}
