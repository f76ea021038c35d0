/**
 * The end-to-end run's database, started by playwright.config.ts as its first webServer (before the
 * app server, stopped after it). Playwright starts webServers before globalSetup, so preparing the
 * database here is the only way to have it ready when the app server starts.
 *
 * - E2E_ADMIN_DATABASE_URL set (CI): drops and recreates E2E_DATABASE_NAME on that server; drops it
 *   again on SIGTERM unless E2E_KEEP_DATABASE=1.
 * - otherwise: an in-memory embedded PGlite served on 127.0.0.1:E2E_DB_PORT until SIGTERM.
 *
 * Either way it also recreates E2E_DATA_DIR (the app server's DATA_DIR lives inside it) and prints
 * "e2e database ready" when done; the app server then migrates and seeds the database itself.
 */
import fs from 'node:fs'
import pg from 'pg'
import { startEmbeddedPostgres } from '../app/utils/embedded-postgres.server.ts'

const dataDir = required('E2E_DATA_DIR')
const adminUrl = process.env.E2E_ADMIN_DATABASE_URL

fs.rmSync(dataDir, { recursive: true, force: true })
fs.mkdirSync(dataDir, { recursive: true })

let stop: () => Promise<void>
if (adminUrl) {
	const name = required('E2E_DATABASE_NAME')
	if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`E2E_DATABASE_NAME must be a plain identifier, got ${name}`)
	await admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
	await admin(adminUrl, `CREATE DATABASE "${name}"`)
	console.log(`e2e database ${name} created on ${redact(adminUrl)}`)
	stop = async () => {
		if (process.env.E2E_KEEP_DATABASE === '1') return
		await admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
	}
} else {
	const port = Number(required('E2E_DB_PORT'))
	const embedded = await startEmbeddedPostgres({ port })
	console.log(`e2e embedded Postgres (PGlite, in memory) at ${embedded.url}`)
	stop = embedded.stop
}
console.log('e2e database ready')

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
	process.on(signal, () => {
		if (stopping) return
		stopping = true
		stop().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error('e2e database: stopping failed', error)
				process.exit(1)
			},
		)
	})
}
// Keeps the process alive on the admin-server path, where nothing else holds the event loop.
setInterval(() => {}, 60_000)

function required(name: string): string {
	const value = process.env[name]
	if (!value) throw new Error(`${name} is not set: this script is started by playwright.config.ts`)
	return value
}

async function admin(url: string, sql: string) {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		await client.query(sql)
	} finally {
		await client.end()
	}
}

function redact(url: string) {
	const parsed = new URL(url)
	if (parsed.password) parsed.password = '***'
	return parsed.toString()
}
