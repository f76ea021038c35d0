// Per-test-file databases for integration tests (docs/decisions/003-test-databases.md).
//
//   const { prisma, url } = await useTestDatabase() // top level of a test file
//
// gives the file its own freshly migrated database, points DATABASE_URL (and so the `prisma`
// singleton of ~/utils/db.server) at it, and removes it after the file's last test.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import { afterAll, inject } from 'vitest'
import { disconnectPrisma, getPrisma, type PrismaClient } from '../app/utils/db.server'
import { startEmbeddedPostgres } from '../app/utils/embedded-postgres.server'
import { adminQuery, withDatabase } from './global-setup'

export interface TestDatabase {
	url: string
	/** The same client `~/utils/db.server` exports, connected to this file's database. */
	prisma: PrismaClient
}

export interface ScratchDatabase {
	url: string
	/** Deletes the database (closing any connection still open to it). */
	drop(): Promise<void>
}

let fileDatabase: Promise<{ database: ScratchDatabase; prisma: PrismaClient }> | undefined

// Registered when a test file imports this module rather than inside useTestDatabase(): vitest
// silently never runs an afterAll registered from within beforeAll.
afterAll(async () => {
	const created = await fileDatabase?.catch(() => undefined)
	fileDatabase = undefined
	if (!created) return
	await disconnectPrisma()
	await created.database.drop()
})

/** This test file's migrated database; the first call creates it, later calls return it. */
export async function useTestDatabase(): Promise<TestDatabase> {
	fileDatabase ??= createTestDatabase().then((database) => {
		process.env.DATABASE_URL = database.url
		return { database, prisma: getPrisma() }
	})
	const { database, prisma } = await fileDatabase
	return { url: database.url, prisma }
}

/** A database the caller owns and must drop(): migrated like useTestDatabase's, or `empty` (no migrations at all). */
export async function createTestDatabase({ empty = false } = {}): Promise<ScratchDatabase> {
	const config = inject('testDatabase')
	if (config.mode === 'server') {
		const name = `${config.databasePrefix}${randomBytes(4).toString('hex')}`
		await adminQuery(config.adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${empty ? 'template0' : config.template}"`)
		return {
			url: withDatabase(config.adminUrl, name),
			drop: () => adminQuery(config.adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
		}
	}
	const tarball = await fs.readFile(empty ? config.emptyTarball : config.migratedTarball)
	// One connection: PGlite mixes up queries interleaved from several (see db.server.ts).
	process.env.DATABASE_POOL_MAX = '1'
	const embedded = await startEmbeddedPostgres({ loadDataDir: new Blob([tarball]) })
	return { url: embedded.url, drop: embedded.stop }
}
