import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createPrismaClient } from './db.server'
import { EMBEDDED_POOL_SIZE, startEmbeddedPostgres } from './embedded-postgres.server'
import { migrate, readMigrations } from './migrate.server'

let tmp: string
beforeAll(async () => {
	tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'caunoi-pglite-'))
})
afterAll(async () => {
	await fs.rm(tmp, { recursive: true, force: true })
})

describe('startEmbeddedPostgres', () => {
	test('migrates, serves Prisma, keeps its data across restarts and frees its port on stop', async () => {
		const dataDir = path.join(tmp, 'data')
		const first = await startEmbeddedPostgres({ dataDir })
		try {
			expect(first.url).toBe(`postgresql://postgres@127.0.0.1:${first.port}/postgres`)
			expect(await migrate(first.url)).toEqual((await readMigrations()).map((m) => m.name))

			const prisma = createPrismaClient(first.url, { max: EMBEDDED_POOL_SIZE })
			try {
				await prisma.province.create({ data: { code: 'ZZ', nameVi: 'Tỉnh Thử', nameEn: 'Test Province', kind: 'CITY', region: 'red-river-delta' } })
				const [found, count] = await prisma.$transaction([prisma.province.findUnique({ where: { code: 'ZZ' } }), prisma.province.count()])
				expect(found?.nameVi).toBe('Tỉnh Thử')
				expect(count).toBeGreaterThanOrEqual(1)
			} finally {
				await prisma.$disconnect()
			}

			// A second process on the same directory would corrupt it.
			await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/in use by process/)
		} finally {
			await first.stop()
		}
		await expect(connect(first.url)).rejects.toThrow(/ECONNREFUSED/)

		const second = await startEmbeddedPostgres({ dataDir, port: first.port })
		try {
			expect(second.port).toBe(first.port)
			const client = await connect(second.url)
			const { rows } = await client.query(`SELECT "nameVi" FROM "Province" WHERE code = 'ZZ'`)
			await client.end()
			expect(rows).toEqual([{ nameVi: 'Tỉnh Thử' }])
			expect(await migrate(second.url)).toEqual([])
		} finally {
			await second.stop()
		}
	})

	test('can CREATE EXTENSION unaccent and pg_trgm', async () => {
		const embedded = await startEmbeddedPostgres()
		try {
			const client = await connect(embedded.url)
			await client.query('CREATE EXTENSION unaccent; CREATE EXTENSION pg_trgm')
			const { rows } = await client.query(`SELECT unaccent('Cầu Nối Đà Nẵng') AS plain, similarity('công nghệ', 'cong nghe') > 0 AS similar`)
			await client.end()
			expect(rows).toEqual([{ plain: 'Cau Noi Da Nang', similar: true }])
		} finally {
			await embedded.stop()
		}
	})

	test('serves a pool concurrently with correct results; a transaction holds the others back until it ends', async () => {
		const embedded = await startEmbeddedPostgres()
		const pool = new pg.Pool({ connectionString: embedded.url, max: EMBEDDED_POOL_SIZE })
		try {
			const results = await Promise.all(
				Array.from({ length: 300 }, (_, i) => pool.query<{ n: number; s: string }>('SELECT $1::int AS n, $2::text AS s', [i, `v${i}`])),
			)
			expect(results.map((r) => r.rows[0])).toEqual(Array.from({ length: 300 }, (_, i) => ({ n: i, s: `v${i}` })))
			expect(pool.totalCount).toBe(EMBEDDED_POOL_SIZE)

			await pool.query('CREATE TABLE t (x int)')
			const tx = await pool.connect()
			await tx.query('BEGIN')
			await tx.query('INSERT INTO t VALUES (1)')
			let otherDone = false
			const other = pool.query<{ n: number }>('SELECT count(*)::int AS n FROM t').then((r) => {
				otherDone = true
				return r.rows[0]?.n
			})
			await new Promise((resolve) => setTimeout(resolve, 200))
			expect(otherDone).toBe(false)
			await tx.query('COMMIT')
			tx.release()
			// It ran after the commit, so it sees the row.
			expect(await other).toBe(1)
		} finally {
			await pool.end()
			await embedded.stop()
		}
	})
})

async function connect(url: string) {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	return client
}
