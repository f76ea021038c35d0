// The test infrastructure itself: per-file databases and the console.error guard.
import pg from 'pg'
import { afterEach, describe, expect, test } from 'vitest'
import { pendingMigrations } from '~/utils/migrate.server'
import { prisma as sharedPrisma } from '~/utils/db.server'
import { expectConsoleError } from './console'
import { type ScratchDatabase, createTestDatabase, useTestDatabase } from './db'

const { url, prisma } = await useTestDatabase()

const scratch: ScratchDatabase[] = []
afterEach(async () => {
	await Promise.all(scratch.splice(0).map((database) => database.drop()))
})

describe('useTestDatabase', () => {
	test('gives the file a migrated database that ~/utils/db.server uses too', async () => {
		expect(process.env.DATABASE_URL).toBe(url)
		expect(await pendingMigrations(url)).toEqual([])
		await sharedPrisma.province.create({ data: { code: 'T1', nameVi: 'Thử', nameEn: 'Test', kind: 'PROVINCE', region: 'test' } })
		expect(await prisma.province.findUnique({ where: { code: 'T1' } })).toMatchObject({ nameVi: 'Thử' })
		expect(await query(url, `SELECT "nameEn" FROM "Province" WHERE code = 'T1'`)).toEqual([{ nameEn: 'Test' }])
	})

	test('returns the same database when called again', async () => {
		expect((await useTestDatabase()).url).toBe(url)
	})
})

describe('createTestDatabase', () => {
	test('gives separate databases: migrated ones without each other’s rows, empty ones without tables', async () => {
		const [a, b, empty] = await Promise.all([createTestDatabase(), createTestDatabase(), createTestDatabase({ empty: true })])
		scratch.push(a, b, empty)
		expect(new Set([a.url, b.url, empty.url, url]).size).toBe(4)
		await query(a.url, `INSERT INTO "Province" (code, "nameVi", "nameEn", kind, region, "updatedAt") VALUES ('T2', 'A', 'A', 'CITY', 'x', now())`)
		expect(await query(a.url, `SELECT code FROM "Province" WHERE code = 'T2'`)).toEqual([{ code: 'T2' }])
		expect(await query(b.url, `SELECT code FROM "Province" WHERE code = 'T2'`)).toEqual([])
		expect(await query(url, `SELECT code FROM "Province" WHERE code = 'T2'`)).toEqual([])
		expect(await query(empty.url, `SELECT to_regclass('"Province"') AS t`)).toEqual([{ t: null }])
	})
})

describe('console.error guard', () => {
	test.fails('fails a test that logs an unexpected console.error', () => {
		console.error('this error is part of the test above')
	})

	test('lets expected errors through and hands them over', () => {
		const errors = expectConsoleError(/payment \d+ failed/)
		console.error('payment %d failed', 42)
		expect(errors).toEqual(['payment 42 failed'])
	})

	test.fails('fails a test whose expected console.error never comes', () => {
		expectConsoleError('never logged')
	})
})

async function query(databaseUrl: string, sql: string) {
	const client = new pg.Client({ connectionString: databaseUrl })
	await client.connect()
	try {
		return (await client.query(sql)).rows
	} finally {
		await client.end()
	}
}
