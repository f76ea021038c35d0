// Runs once per `vitest` run, in the main process: prepares the template every test file's
// database is copied from (docs/decisions/003-test-databases.md) and hands its location to the
// workers through provide/inject.
//
// - DATABASE_URL set (CI): a template database on that server, migrated here and dropped at the
//   end; tests/db.ts copies it with CREATE DATABASE ... TEMPLATE.
// - otherwise: PGlite data-directory tarballs (one empty, one migrated), cached in
//   node_modules/.cache/caunoi until the migrations change; tests/db.ts starts one PGlite per
//   test file from them, because all connections to one PGlite share a single session.
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { startEmbeddedPostgres } from '../app/utils/embedded-postgres.server'
import { migrate, readMigrations } from '../app/utils/migrate.server'

export type TestDatabaseConfig =
	| { mode: 'server'; adminUrl: string; template: string; databasePrefix: string }
	| { mode: 'embedded'; emptyTarball: string; migratedTarball: string }

declare module 'vitest' {
	export interface ProvidedContext {
		testDatabase: TestDatabaseConfig
	}
}

const CACHE_DIR = path.resolve('node_modules/.cache/caunoi')

export default async function setup(project: TestProject) {
	const adminUrl = process.env.DATABASE_URL
	if (adminUrl) {
		const run = randomBytes(4).toString('hex')
		const template = `caunoi_test_template_${run}`
		// Every per-file database carries the run's prefix, so teardown also removes those a
		// crashed worker left behind.
		const databasePrefix = `caunoi_test_${run}_`
		const teardown = async () => {
			const client = new pg.Client({ connectionString: adminUrl })
			await client.connect()
			try {
				const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [databasePrefix])
				for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
				await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`)
			} finally {
				await client.end()
			}
		}
		await adminQuery(adminUrl, `CREATE DATABASE "${template}"`)
		try {
			await migrate(withDatabase(adminUrl, template))
		} catch (error) {
			await teardown()
			throw error
		}
		project.provide('testDatabase', { mode: 'server', adminUrl, template, databasePrefix })
		return teardown
	}
	project.provide('testDatabase', { mode: 'embedded', ...(await embeddedTarballs()) })
}

/** Runs one statement on a short-lived connection to the server's maintenance database. */
export async function adminQuery(url: string, sql: string): Promise<void> {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		await client.query(sql)
	} finally {
		await client.end()
	}
}

/** The same server URL pointed at another database. */
export function withDatabase(url: string, database: string): string {
	const parsed = new URL(url)
	parsed.pathname = `/${database}`
	return parsed.toString()
}

async function embeddedTarballs() {
	// The package does not export its package.json; its entry point lives in dist/.
	const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite')
	const pgliteVersion = (JSON.parse(await fs.readFile(path.join(path.dirname(pgliteEntry), '../package.json'), 'utf8')) as { version: string }).version
	const migrations = await readMigrations()
	const key = createHash('sha256')
		.update(pgliteVersion)
		.update(migrations.map((m) => `${m.name}:${m.checksum}`).join('\n'))
		.digest('hex')
		.slice(0, 16)
	const emptyTarball = path.join(CACHE_DIR, `pglite-empty-${pgliteVersion}.tar`)
	const migratedTarball = path.join(CACHE_DIR, `pglite-migrated-${key}.tar`)
	await fs.mkdir(CACHE_DIR, { recursive: true })
	if (!(await exists(emptyTarball))) await writeTarball(emptyTarball, false)
	if (!(await exists(migratedTarball))) {
		await writeTarball(migratedTarball, true)
		// Older migrated templates are dead weight (40 MB each) once the migrations moved on.
		for (const file of await fs.readdir(CACHE_DIR)) {
			if (file.startsWith('pglite-migrated-') && path.join(CACHE_DIR, file) !== migratedTarball) {
				await fs.rm(path.join(CACHE_DIR, file), { force: true })
			}
		}
	}
	return { emptyTarball, migratedTarball }
}

async function writeTarball(file: string, migrated: boolean) {
	const embedded = await startEmbeddedPostgres()
	try {
		if (migrated) await migrate(embedded.url)
		// Uncompressed: loading it is what every test file pays for, and gunzip costs more than disk.
		const tarball = await embedded.pglite.dumpDataDir('none')
		// Written aside and renamed, so a parallel run never reads half a file.
		const partial = `${file}.${process.pid}.partial`
		await fs.writeFile(partial, Buffer.from(await tarball.arrayBuffer()))
		await fs.rename(partial, file)
	} finally {
		await embedded.stop()
	}
}

const exists = (file: string) =>
	fs.access(file).then(
		() => true,
		() => false,
	)
