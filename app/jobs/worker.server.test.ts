import { afterEach, beforeAll, describe, expect, test } from 'vitest'
import { useTestDatabase } from '../../tests/db'
import { prisma } from '~/utils/db.server'
import { inTransaction } from '~/utils/transaction.server'
import { enqueue } from './queue.server'
import { backoffMs, PermanentJobError, startWorker, type JobHandler, type Worker, type WorkerOptions } from './worker.server'

beforeAll(async () => {
	await useTestDatabase()
})

const workers: Worker[] = []
function worker(options: WorkerOptions) {
	const started = startWorker({ pollMs: 20, periodic: [], ...options })
	workers.push(started)
	return started
}

afterEach(async () => {
	await Promise.all(workers.splice(0).map((w) => w.stop()))
	await prisma.job.deleteMany()
})

async function waitFor<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
	const deadline = Date.now() + timeoutMs
	for (;;) {
		const value = await check()
		if (value) return value
		if (Date.now() > deadline) throw new Error('condition not met in time')
		await new Promise((resolve) => setTimeout(resolve, 25))
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('job worker', () => {
	test('runs each job exactly once while two workers race for them', async () => {
		const runs = new Map<number, number>()
		const ranBy = new Set<string>()
		const makeHandler =
			(name: string): JobHandler =>
			async (payload) => {
				const n = (payload as { n: number }).n
				runs.set(n, (runs.get(n) ?? 0) + 1)
				ranBy.add(name)
				await sleep(5)
			}
		await prisma.job.createMany({ data: Array.from({ length: 40 }, (_, n) => ({ queue: 'test.count', payload: { n } })) })
		worker({ concurrency: 3, handlers: { 'test.count': makeHandler('a') } })
		worker({ concurrency: 3, handlers: { 'test.count': makeHandler('b') } })

		await waitFor(async () => (await prisma.job.count({ where: { status: 'DONE' } })) === 40)
		await Promise.all(workers.map((w) => w.drain()))
		expect(runs.size).toBe(40)
		expect([...runs.values()].every((count) => count === 1)).toBe(true)
		expect(await prisma.job.count({ where: { NOT: { status: 'DONE' } } })).toBe(0)
		expect(await prisma.job.findFirst({ select: { attempts: true, lockedAt: true } })).toEqual({ attempts: 1, lockedAt: null })
	})

	test('retries a failing job with growing delays, then marks it FAILED with the last error', async () => {
		const attemptsAt: number[] = []
		const job = await inTransaction(({ tx }) => enqueue(tx, 'test.fail', {}, { maxAttempts: 3 }))
		worker({
			backoffBaseMs: 300,
			handlers: {
				'test.fail': async (_payload, claimed) => {
					attemptsAt.push(Date.now())
					throw new Error(`boom on attempt ${claimed.attempts}`)
				},
			},
		})

		const failed = await waitFor(async () => {
			const row = await prisma.job.findUniqueOrThrow({ where: { id: job.id } })
			return row.status === 'FAILED' && row
		})
		expect(failed).toMatchObject({ attempts: 3, lockedAt: null, lastError: 'Error: boom on attempt 3' })
		expect(attemptsAt).toHaveLength(3)
		const [first, second, third] = attemptsAt as [number, number, number]
		// 300 ms then 600 ms, each ±25 % jitter.
		expect(second - first).toBeGreaterThanOrEqual(220)
		expect(third - second).toBeGreaterThanOrEqual(445)
		expect(third - second).toBeGreaterThan(second - first)
	})

	test('waits out the backoff before the next attempt', async () => {
		const job = await inTransaction(({ tx }) => enqueue(tx, 'test.fail-once', {}))
		let calls = 0
		worker({
			backoffBaseMs: 60_000,
			handlers: {
				'test.fail-once': async () => {
					calls++
					throw new Error('temporary')
				},
			},
		})
		const pending = await waitFor(async () => {
			const row = await prisma.job.findUniqueOrThrow({ where: { id: job.id } })
			return row.attempts === 1 && row.status === 'PENDING' && row
		})
		expect(pending.lastError).toBe('Error: temporary')
		expect(pending.runAt.getTime() - Date.now()).toBeGreaterThan(40_000)
		await sleep(200)
		expect(calls).toBe(1)
	})

	test('fails at once on a PermanentJobError or a queue without handler', async () => {
		const bad = await inTransaction(({ tx }) => enqueue(tx, 'test.permanent', {}))
		const orphan = await inTransaction(({ tx }) => enqueue(tx, 'test.nobody-handles-this', {}))
		worker({
			handlers: {
				'test.permanent': async () => {
					throw new PermanentJobError('payload makes no sense')
				},
			},
		})
		await waitFor(async () => (await prisma.job.count({ where: { status: 'FAILED' } })) === 2)
		expect(await prisma.job.findUniqueOrThrow({ where: { id: bad.id } })).toMatchObject({
			attempts: 1,
			lastError: 'PermanentJobError: payload makes no sense',
		})
		expect(await prisma.job.findUniqueOrThrow({ where: { id: orphan.id } })).toMatchObject({
			attempts: 1,
			lastError: expect.stringContaining('no handler for queue test.nobody-handles-this'),
		})
	})

	test('recovers a RUNNING job whose lock is older than the limit, and leaves a fresh lock alone', async () => {
		const stuck = await prisma.job.create({
			data: { queue: 'test.ok', payload: {}, status: 'RUNNING', attempts: 1, lockedAt: new Date(Date.now() - 20 * 60_000) },
		})
		const busy = await prisma.job.create({
			data: { queue: 'test.ok', payload: {}, status: 'RUNNING', attempts: 1, lockedAt: new Date(Date.now() - 60_000) },
		})
		const exhausted = await prisma.job.create({
			data: { queue: 'test.ok', payload: {}, status: 'RUNNING', attempts: 3, maxAttempts: 3, lockedAt: new Date(Date.now() - 20 * 60_000) },
		})
		const ran: string[] = []
		worker({
			stuckAfterMs: 10 * 60_000,
			handlers: {
				'test.ok': async (_payload, job) => {
					ran.push(job.id)
				},
			},
		})
		await waitFor(async () => (await prisma.job.findUniqueOrThrow({ where: { id: stuck.id } })).status === 'DONE')
		expect(ran).toEqual([stuck.id])
		expect(await prisma.job.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({ attempts: 2, lockedAt: null })
		expect(await prisma.job.findUniqueOrThrow({ where: { id: busy.id } })).toMatchObject({ status: 'RUNNING', attempts: 1 })
		expect(await prisma.job.findUniqueOrThrow({ where: { id: exhausted.id } })).toMatchObject({
			status: 'FAILED',
			lastError: expect.stringContaining('lock expired'),
		})
	})

	test('a job enqueued with afterCommit starts right after the commit, not at the next poll', async () => {
		let ranAt = 0
		const w = worker({
			pollMs: 60_000,
			handlers: {
				'test.quick': async () => {
					ranAt = Date.now()
				},
			},
		})
		await w.drain()
		const committedAt = await inTransaction(async ({ tx, afterCommit }) => {
			await enqueue(tx, 'test.quick', {}, { afterCommit })
			return Date.now()
		})
		await waitFor(async () => ranAt > 0, 5_000)
		expect(ranAt - committedAt).toBeLessThan(2_000)
	})

	test('stop() waits for the running job to finish', async () => {
		let finished = false
		await prisma.job.create({ data: { queue: 'test.slow', payload: {} } })
		const w = worker({
			handlers: {
				'test.slow': async () => {
					await sleep(300)
					finished = true
				},
			},
		})
		await waitFor(async () => (await prisma.job.count({ where: { status: 'RUNNING' } })) === 1)
		await w.stop()
		expect(finished).toBe(true)
		expect(await prisma.job.findFirstOrThrow()).toMatchObject({ status: 'DONE' })
	})

	test('a periodic job is queued once per period however many workers run', async () => {
		const ticks: string[] = []
		const handlers = {
			'test.tick': async (_payload: unknown, job: { id: string }) => {
				ticks.push(job.id)
			},
		}
		worker({ handlers, periodic: [{ queue: 'test.tick', everyMs: 60 * 60_000 }] })
		worker({ handlers, periodic: [{ queue: 'test.tick', everyMs: 60 * 60_000 }] })
		await waitFor(async () => (await prisma.job.count({ where: { queue: 'test.tick', status: 'DONE' } })) === 1)
		await Promise.all(workers.map((w) => w.drain()))
		expect(ticks).toHaveLength(1)
		expect(ticks[0]).toMatch(/^periodic:test\.tick:\d{4}-\d\d-\d\dT\d\d:00:00\.000Z$/)
	})
})

describe('backoffMs', () => {
	test('doubles per attempt within ±25 % and stops at the cap', () => {
		for (let i = 0; i < 50; i++) {
			expect(backoffMs(1, 1000)).toBeGreaterThanOrEqual(750)
			expect(backoffMs(1, 1000)).toBeLessThanOrEqual(1250)
			expect(backoffMs(4, 1000)).toBeGreaterThanOrEqual(6000)
			expect(backoffMs(4, 1000)).toBeLessThanOrEqual(10_000)
			expect(backoffMs(30, 1000, 60_000)).toBeLessThanOrEqual(75_000)
		}
	})
})
