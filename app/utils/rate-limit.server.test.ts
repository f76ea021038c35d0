// The rate limiter's counters in Postgres (one statement per hit): every concurrent hit counts, the
// budget's end is a 429 with Retry-After, an expired window starts again, and reset clears it.
import { beforeAll, describe, expect, test } from 'vitest'
import { useTestDatabase } from '../../tests/db'
import { consume, isLimited, LIMITS, reset } from './rate-limit.server'
import { prisma } from './db.server'

beforeAll(async () => {
	await useTestDatabase()
})

const budget = LIMITS.chatMessageUser.points

async function refusal(work: Promise<unknown>) {
	try {
		await work
	} catch (error) {
		return error as { init?: { status?: number; headers?: Record<string, string> } }
	}
	return null
}

describe('rate limits in Postgres', () => {
	test('concurrent hits are all counted; the one past the budget is a 429 with Retry-After', async () => {
		const key = 'user-concurrent'
		const results = await Promise.allSettled(Array.from({ length: budget }, () => consume('chatMessageUser', key)))
		expect(results.filter((r) => r.status === 'rejected')).toHaveLength(0)
		const row = await prisma.rateLimit.findUniqueOrThrow({ where: { key: `chatMessageUser:${key}` } })
		expect(row.points).toBe(budget)
		// The window ends about a minute from now, in UTC like every other timestamp Prisma writes.
		const msLeft = row.expire!.getTime() - Date.now()
		expect(msLeft).toBeGreaterThan(30_000)
		expect(msLeft).toBeLessThanOrEqual(60_000 + 1_000)

		const refused = await refusal(consume('chatMessageUser', key))
		expect(refused?.init?.status).toBe(429)
		const retryAfter = Number(refused?.init?.headers?.['Retry-After'])
		expect(retryAfter).toBeGreaterThanOrEqual(30)
		expect(retryAfter).toBeLessThanOrEqual(61)
		expect(await isLimited('chatMessageUser', key)).toBeGreaterThan(0)
		// Another key has its own budget.
		await expect(consume('chatMessageUser', 'user-other')).resolves.toBeUndefined()
	})

	test('a window that has ended starts again at one point', async () => {
		const key = 'user-expired'
		for (let i = 0; i < budget; i++) await consume('chatMessageUser', key)
		await expect(consume('chatMessageUser', key)).rejects.toBeDefined()
		await prisma.rateLimit.update({ where: { key: `chatMessageUser:${key}` }, data: { expire: new Date(Date.now() - 1_000) } })
		await expect(consume('chatMessageUser', key)).resolves.toBeUndefined()
		const row = await prisma.rateLimit.findUniqueOrThrow({ where: { key: `chatMessageUser:${key}` } })
		expect(row.points).toBe(1)
		expect(row.expire!.getTime()).toBeGreaterThan(Date.now() + 30_000)
	})

	test('reset clears a spent budget', async () => {
		const key = 'user-reset'
		for (let i = 0; i <= budget; i++) await consume('chatMessageUser', key).catch(() => {})
		expect(await isLimited('chatMessageUser', key)).not.toBeNull()
		await reset('chatMessageUser', key)
		expect(await isLimited('chatMessageUser', key)).toBeNull()
		await expect(consume('chatMessageUser', key)).resolves.toBeUndefined()
	})
})
