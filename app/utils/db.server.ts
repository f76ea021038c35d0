// The app's one PrismaClient. It is created on first use, not on import, so whoever sets
// DATABASE_URL later (server.ts after starting embedded Postgres, tests/db.ts per test file)
// is the one it connects to.
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '~/generated/prisma/client'

export { Prisma } from '~/generated/prisma/client'
export type { PrismaClient } from '~/generated/prisma/client'

export interface PrismaClientOptions {
	/** Connections in the pool (pg's default is 10); keep it within EMBEDDED_MAX_CONNECTIONS on embedded Postgres. */
	max?: number
}

/** A new client with its own connection pool, for tests and scripts; call $disconnect() when done. */
export function createPrismaClient(url: string, options: PrismaClientOptions = {}): PrismaClient {
	return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: options.max }) })
}

interface Singleton {
	url: string
	client: PrismaClient
}

// Dev-mode HMR re-evaluates this module; keeping the client on globalThis stops every edit from
// leaking a pool of connections.
const store = (process.env.NODE_ENV === 'production' ? {} : globalThis) as { __caunoiPrisma?: Singleton }

/** The shared client for DATABASE_URL as it is now. */
export function getPrisma(): PrismaClient {
	const url = process.env.DATABASE_URL
	if (!url) throw new Error('DATABASE_URL is not set: start the server with server.ts (embedded Postgres) or set it')
	const current = store.__caunoiPrisma
	if (current?.url === url) return current.client
	// The URL changed (a test worker moving to its next file's database): the old pool points at
	// a database that is going away.
	if (current) void current.client.$disconnect().catch(() => {})
	// Embedded PGlite serves every connection from one session and mixes up interleaved queries
	// (electric-sql/pglite#1046), so server.ts and the tests ask for a single connection there.
	const max = Number(process.env.DATABASE_POOL_MAX) || undefined
	const client = createPrismaClient(url, { max })
	store.__caunoiPrisma = { url, client }
	return client
}

/** Closes the shared client's pool, e.g. on shutdown; the next use opens a new one. */
export async function disconnectPrisma(): Promise<void> {
	const current = store.__caunoiPrisma
	store.__caunoiPrisma = undefined
	await current?.client.$disconnect()
}

/** The shared client; resolved on every property access, so importing it never connects. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
	get(_, property) {
		const client = getPrisma()
		const value: unknown = Reflect.get(client, property, client)
		return typeof value === 'function' ? value.bind(client) : value
	},
	has: (_, property) => Reflect.has(getPrisma(), property),
})
