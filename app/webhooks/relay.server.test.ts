// Webhook delivery against a real database and real HTTP receivers (node:http on 127.0.0.1):
// the documented signature checked by an independent implementation, rotation, retries on a
// driven clock, 410 and days of failures, a slow receiver beside a fast one, two relays at once.
import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, test } from 'vitest'
import { startWorker } from '~/jobs/worker.server'
import { enqueue } from '~/jobs/queue.server'
import * as healthz from '~/routes/healthz'
import { useTestDatabase } from '../../tests/db'
import { createOwner } from '../../tests/factories'
import { DISABLE_AFTER_MS, drainWebhooks, EVENT_RETENTION_MS, purgeWebhookEvents, RETRY_DELAYS_MS, startWebhookRelay } from './relay.server'
import { createWebhook, listDeliveries, redeliver, rotateWebhookSecret, sendTestEvent, updateWebhook } from './subscriptions.server'
import { startReceiver, type Receiver } from './test-receiver.server'

const { prisma } = await useTestDatabase()

const receivers: Receiver[] = []
async function receiver(...args: Parameters<typeof startReceiver>) {
	const r = await startReceiver(...args)
	receivers.push(r)
	return r
}
// Each test starts with no subscriptions and an empty outbox: earlier tests' webhooks would receive its events.
afterEach(async () => {
	await Promise.all(receivers.splice(0).map((r) => r.close()))
	await prisma.webhookSubscription.deleteMany()
	await prisma.webhookEvent.deleteMany()
})

/** A clock the test moves; the relay reads it through its `now` option. */
function clock(start = Date.now()) {
	let at = start
	return { now: () => new Date(at), set: (t: number) => (at = t), add: (ms: number) => (at += ms), get: () => at }
}

let serial = 0
/** A registered task result written straight to the table, as an import does: the trigger queues taskResult.added. */
async function addTaskResult(overrides: { fieldCodes?: string[]; provinceCode?: string } = {}) {
	serial++
	return prisma.taskResult.create({
		data: {
			taskCode: `ĐTĐL.${serial}/24`,
			taskCodeKey: `dtdl${serial}24-${Math.random()}`,
			title: `Nghiên cứu giống lúa chịu mặn số ${serial}`,
			level: 'NATIONAL',
			hostName: 'Viện Lúa Đồng bằng sông Cửu Long',
			source: 'IMPORT',
			fieldCodes: overrides.fieldCodes ?? ['40101'],
			fieldPaths: overrides.fieldCodes ?? ['4', '401', '40101'],
			provinceCode: overrides.provinceCode ?? '92',
		},
		select: { id: true },
	})
}

async function subscribe(url: string, events = ['taskResult.added'], extra: { fieldCodes?: string[]; provinceCode?: string | null } = {}) {
	const { user, organisation } = await createOwner()
	const { webhook, secret } = await createWebhook(user.id, organisation.id, { url, description: '', events, fieldCodes: extra.fieldCodes ?? [], provinceCode: extra.provinceCode ?? null })
	return { user, organisation, webhook, secret }
}

// The receiver's side, written from the README alone: parse t and every v1, recompute the HMAC.
function receiverVerifies(header: string | undefined, body: string, secret: string, nowSeconds: number) {
	if (!header) return false
	const pairs = header.split(',').map((p) => p.split('=') as [string, string])
	const t = pairs.find(([k]) => k === 't')?.[1]
	if (!t || Math.abs(nowSeconds - Number(t)) > 300) return false
	const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')
	return pairs.some(([k, v]) => k === 'v1' && v === expected)
}

const v1Count = (header: string | undefined) => (header ?? '').split(',').filter((p) => p.startsWith('v1=')).length

describe('signing', () => {
	test('a delivery carries the documented headers and a signature an independent implementation verifies', async () => {
		const r = await receiver()
		const { webhook, secret } = await subscribe(r.url())
		expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/)
		const result = await addTaskResult()
		const time = clock()
		expect(await drainWebhooks({ now: time.now })).toEqual(['succeeded'])

		expect(r.requests).toHaveLength(1)
		const [request] = r.requests
		const delivery = await prisma.webhookDelivery.findFirstOrThrow({ where: { subscriptionId: webhook.id }, include: { attemptLog: true } })
		expect(request!.headers['user-agent']).toBe('CauNoi-Webhooks/1')
		expect(request!.headers['cau-noi-event']).toBe('taskResult.added')
		expect(request!.headers['cau-noi-delivery']).toBe(delivery.id)
		expect(request!.headers['content-type']).toBe('application/json; charset=utf-8')
		expect(receiverVerifies(request!.headers['cau-noi-signature'] as string, request!.body, secret, time.get() / 1000)).toBe(true)
		// A changed body, another secret or an old signature do not verify.
		expect(receiverVerifies(request!.headers['cau-noi-signature'] as string, request!.body.replace('lúa', 'lua'), secret, time.get() / 1000)).toBe(false)
		expect(receiverVerifies(request!.headers['cau-noi-signature'] as string, request!.body, `${secret}x`, time.get() / 1000)).toBe(false)
		expect(receiverVerifies(request!.headers['cau-noi-signature'] as string, request!.body, secret, time.get() / 1000 + 600)).toBe(false)

		const body = JSON.parse(request!.body) as { id: string; type: string; createdAt: string; data: Record<string, unknown> }
		expect(body).toMatchObject({ id: delivery.eventId, type: 'taskResult.added', data: { id: result.id, fieldCodes: ['40101'], province: { code: '92' } } })
		expect(body.data.url).toMatch(new RegExp(`^https?://[^/]+/task-results/${result.id}$`))
		expect(body.data.apiUrl).toMatch(new RegExp(`/api/v1/task-results/${result.id}$`))
		expect(delivery).toMatchObject({ status: 'SUCCEEDED', attempts: 1, lastStatusCode: 200, lastError: null, lockedUntil: null })
		expect(delivery.attemptLog).toEqual([expect.objectContaining({ statusCode: 200, error: null, responseExcerpt: 'ok' })])
	})

	test('after a rotation both secrets sign for 24 hours, then only the new one', async () => {
		const r = await receiver()
		const { user, organisation, webhook, secret: oldSecret } = await subscribe(r.url())
		const time = clock()
		const { secret: newSecret } = await rotateWebhookSecret(user.id, organisation.id, webhook.id, time.now())
		expect(newSecret).not.toBe(oldSecret)

		time.add(60 * 60_000)
		await addTaskResult()
		await drainWebhooks({ now: time.now })
		const during = r.requests[0]!
		const header = during.headers['cau-noi-signature'] as string
		expect(v1Count(header)).toBe(2)
		expect(receiverVerifies(header, during.body, newSecret, time.get() / 1000)).toBe(true)
		expect(receiverVerifies(header, during.body, oldSecret, time.get() / 1000)).toBe(true)

		time.add(24 * 60 * 60_000)
		await addTaskResult()
		await drainWebhooks({ now: time.now })
		const after = r.requests[1]!
		const afterHeader = after.headers['cau-noi-signature'] as string
		expect(v1Count(afterHeader)).toBe(1)
		expect(receiverVerifies(afterHeader, after.body, newSecret, time.get() / 1000)).toBe(true)
		expect(receiverVerifies(afterHeader, after.body, oldSecret, time.get() / 1000)).toBe(false)
	})
})

describe('retries', () => {
	test('a receiver answering 500 is retried with growing delays and the delivery ends FAILED after the last attempt', async () => {
		const r = await receiver(() => ({ status: 500, body: 'Lỗi máy chủ'.repeat(200) }))
		const { webhook } = await subscribe(r.url())
		await addTaskResult()
		const time = clock()
		const options = { now: time.now, jitter: 0 }

		const gaps: number[] = []
		for (let attempt = 1; attempt <= RETRY_DELAYS_MS.length + 1; attempt++) {
			expect(await drainWebhooks(options)).toEqual([attempt <= RETRY_DELAYS_MS.length ? 'retrying' : 'failed'])
			expect(r.requests).toHaveLength(attempt)
			const delivery = await prisma.webhookDelivery.findFirstOrThrow({ where: { subscriptionId: webhook.id } })
			expect(delivery.attempts).toBe(attempt)
			if (delivery.status === 'FAILED') break
			const gap = delivery.nextAttemptAt.getTime() - time.get()
			gaps.push(gap)
			// Not a moment early: just before it is due, nothing is sent.
			time.add(gap - 1_000)
			expect(await drainWebhooks(options)).toEqual([])
			time.add(1_000)
		}
		expect(gaps).toEqual([...RETRY_DELAYS_MS])
		for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]!)

		const delivery = await prisma.webhookDelivery.findFirstOrThrow({ where: { subscriptionId: webhook.id }, include: { attemptLog: true } })
		expect(delivery).toMatchObject({ status: 'FAILED', attempts: RETRY_DELAYS_MS.length + 1, lastStatusCode: 500, lastError: 'status' })
		expect(delivery.attemptLog).toHaveLength(RETRY_DELAYS_MS.length + 1)
		for (const attempt of delivery.attemptLog) {
			expect(attempt.statusCode).toBe(500)
			expect(Buffer.byteLength(attempt.responseExcerpt ?? '', 'utf8')).toBeLessThanOrEqual(1024)
			expect(attempt.responseExcerpt).toMatch(/^Lỗi máy chủ/)
		}
		// Nothing more, however late it gets.
		time.add(7 * 24 * 3_600_000)
		expect(await drainWebhooks(options)).toEqual([])
		// Seven failures in a day and a half: the subscription stays on.
		expect(await prisma.webhookSubscription.findUniqueOrThrow({ where: { id: webhook.id } })).toMatchObject({ active: true, failureStreak: 7 })
	})

	test('jitter keeps each retry delay within 10 % of the schedule', async () => {
		const { retryDelayMs } = await import('./relay.server')
		for (let attempts = 1; attempts <= RETRY_DELAYS_MS.length; attempts++) {
			for (let i = 0; i < 50; i++) {
				const delay = retryDelayMs(attempts)!
				expect(delay).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[attempts - 1]! * 0.9)
				expect(delay).toBeLessThanOrEqual(RETRY_DELAYS_MS[attempts - 1]! * 1.1)
			}
		}
		expect(retryDelayMs(RETRY_DELAYS_MS.length + 1)).toBeNull()
	})

	test('410 Gone disables the subscription at once, discards what waits and tells the owners', async () => {
		const r = await receiver(() => ({ status: 410 }))
		const { user, webhook } = await subscribe(r.url())
		await addTaskResult()
		await addTaskResult()
		const time = clock()
		// One slot: the first answer 410s while the second delivery waits, and is discarded with the subscription.
		const results = await drainWebhooks({ now: time.now, concurrency: 1 })
		expect(results).toEqual(['failed'])
		expect(r.requests).toHaveLength(1)
		expect(await prisma.webhookSubscription.findUniqueOrThrow({ where: { id: webhook.id } })).toMatchObject({ active: false, disabledReason: 'gone', disabledAt: expect.any(Date) })
		const statuses = (await prisma.webhookDelivery.findMany({ where: { subscriptionId: webhook.id } })).map((d) => d.status).sort()
		expect(statuses).toEqual(['DISCARDED', 'FAILED'])
		expect(await prisma.notification.findFirst({ where: { userId: user.id, kind: 'webhook.gone' } })).toMatchObject({ link: expect.stringContaining(`/webhooks/${webhook.id}`) })
		// A disabled subscription gets no new events.
		await addTaskResult()
		expect(await drainWebhooks({ now: time.now })).toEqual([])
		expect(r.requests).toHaveLength(1)
	})

	test('a subscription failing for more than 3 days is disabled and its owners told; a success in between resets the streak', async () => {
		const r = await receiver(() => ({ status: 503 }))
		const { user, webhook } = await subscribe(r.url())
		const time = clock()
		const options = { now: time.now, jitter: 0 }
		const runFor = async (ms: number) => {
			const end = time.get() + ms
			for (;;) {
				await drainWebhooks(options)
				const next = await prisma.webhookDelivery.findFirst({ where: { subscriptionId: webhook.id, status: 'PENDING' }, orderBy: { nextAttemptAt: 'asc' } })
				if (!next || next.nextAttemptAt.getTime() > end) break
				time.set(Math.max(time.get(), next.nextAttemptAt.getTime()))
			}
			time.set(end)
		}

		await addTaskResult()
		await addTaskResult()
		await runFor(2 * 24 * 3_600_000)
		let state = await prisma.webhookSubscription.findUniqueOrThrow({ where: { id: webhook.id } })
		expect(state).toMatchObject({ active: true, failureStreak: 14 })

		// A success ends the streak.
		r.answer(() => ({ status: 204 }))
		await addTaskResult()
		await runFor(60_000)
		state = await prisma.webhookSubscription.findUniqueOrThrow({ where: { id: webhook.id } })
		expect(state).toMatchObject({ active: true, failureStreak: 0, failingSince: null })

		// Failing again: ten failures are not enough before three days have passed since the first.
		r.answer(() => ({ status: 503 }))
		const streakStart = time.get()
		await addTaskResult()
		await addTaskResult()
		await runFor(2 * 24 * 3_600_000)
		state = await prisma.webhookSubscription.findUniqueOrThrow({ where: { id: webhook.id } })
		expect(state).toMatchObject({ active: true, failureStreak: 14 })

		time.set(streakStart + DISABLE_AFTER_MS + 60_000)
		await addTaskResult()
		await addTaskResult()
		await drainWebhooks({ ...options, concurrency: 1 })
		state = await prisma.webhookSubscription.findUniqueOrThrow({ where: { id: webhook.id } })
		expect(state).toMatchObject({ active: false, disabledReason: 'failing', failureStreak: 15 })
		expect(await prisma.webhookDelivery.count({ where: { subscriptionId: webhook.id, status: 'PENDING' } })).toBe(0)
		// The attempt that tipped it over is not retried either.
		expect(await prisma.webhookDelivery.count({ where: { subscriptionId: webhook.id, status: 'DISCARDED' } })).toBe(2)
		expect(await prisma.notification.count({ where: { userId: user.id, kind: 'webhook.failing' } })).toBe(1)
		expect(await prisma.auditLog.count({ where: { action: 'webhook.disable', entityId: webhook.id } })).toBe(1)
	})
})

describe('isolation', () => {
	test('a receiver that never answers delays neither a fast receiver, nor a job, nor a request to the app', async () => {
		const slow = await receiver(() => 'hang')
		const fast = await receiver()
		const slowSub = await subscribe(slow.url())
		const fastSub = await subscribe(fast.url())
		for (let i = 0; i < 6; i++) await addTaskResult()

		const relay = startWebhookRelay({ timeoutMs: 5_000, pollMs: 20, concurrency: 8, perSubscription: 2 })
		try {
			await fast.waitFor(6)
			// Every fast delivery is recorded while the slow receiver still holds its requests open.
			for (;;) {
				const done = await prisma.webhookDelivery.count({ where: { subscriptionId: fastSub.webhook.id, status: 'SUCCEEDED' } })
				if (done === 6) break
				await new Promise((resolve) => setTimeout(resolve, 20))
			}
			await slow.waitFor(2)
			expect(slow.open()).toBe(2)
			// At most two of its deliveries are in flight; the others wait their turn instead of taking slots.
			expect(await prisma.webhookDelivery.count({ where: { subscriptionId: slowSub.webhook.id, lockedUntil: { not: null } } })).toBe(2)
			expect(await prisma.webhookAttempt.count({ where: { delivery: { subscriptionId: slowSub.webhook.id } } })).toBe(0)

			// A job runs to completion meanwhile …
			let ran = false
			const worker = startWorker({ handlers: { 'test.unrelated': async () => void (ran = true) }, periodic: [], pollMs: 20 })
			await prisma.$transaction((tx) => enqueue(tx, 'test.unrelated', {}))
			await worker.drain()
			await worker.stop()
			expect(ran).toBe(true)
			// … and the app answers.
			const health = await healthz.loader()
			expect((health as Response).status).toBe(200)
			expect(slow.open()).toBe(2)
		} finally {
			await relay.stop()
		}
		// The slow requests ended by the timeout and wait for their retry.
		const attempts = await prisma.webhookAttempt.findMany({ where: { delivery: { subscriptionId: slowSub.webhook.id } } })
		expect(attempts.length).toBeGreaterThanOrEqual(2)
		for (const attempt of attempts) expect(attempt).toMatchObject({ statusCode: null, error: 'timeout' })
		expect(await prisma.webhookDelivery.count({ where: { subscriptionId: slowSub.webhook.id, status: 'PENDING', lockedUntil: null } })).toBe(6)
	})

	test('two relays draining at once send every delivery exactly once', async () => {
		const r = await receiver()
		const { webhook } = await subscribe(r.url())
		for (let i = 0; i < 20; i++) await addTaskResult()
		const options = { perSubscription: 3, concurrency: 5 }
		await Promise.all([drainWebhooks(options), drainWebhooks(options), drainWebhooks(options)])
		const ids = r.requests.map((req) => req.headers['cau-noi-delivery'])
		expect(ids).toHaveLength(20)
		expect(new Set(ids).size).toBe(20)
		expect(await prisma.webhookDelivery.count({ where: { subscriptionId: webhook.id, status: 'SUCCEEDED', attempts: 1 } })).toBe(20)
	})
})

describe('test events and redelivery', () => {
	test('a ping goes through the relay to that webhook alone and shows in its log', async () => {
		const r = await receiver()
		const other = await receiver()
		const { user, organisation, webhook, secret } = await subscribe(r.url(), ['deal.stageChanged'])
		await subscribe(other.url(), ['deal.stageChanged', 'taskResult.added'])
		const { eventId } = await sendTestEvent(user.id, organisation.id, webhook.id)
		await drainWebhooks()
		expect(other.requests).toHaveLength(0)
		expect(r.requests).toHaveLength(1)
		const request = r.requests[0]!
		expect(request.headers['cau-noi-event']).toBe('ping')
		expect(receiverVerifies(request.headers['cau-noi-signature'] as string, request.body, secret, Date.now() / 1000)).toBe(true)
		expect(JSON.parse(request.body)).toMatchObject({ id: eventId, type: 'ping', data: { webhook: { id: webhook.id } } })
		const log = await listDeliveries(user.id, organisation.id, webhook.id)
		expect(log.items).toEqual([expect.objectContaining({ status: 'SUCCEEDED', event: expect.objectContaining({ id: eventId, type: 'ping' }), attemptLog: [expect.objectContaining({ statusCode: 200 })] })])
	})

	test('a failed delivery is redelivered once, with the same delivery id, after the endpoint is fixed', async () => {
		const r = await receiver(() => ({ status: 500 }))
		const { user, organisation, webhook } = await subscribe(r.url())
		await addTaskResult()
		const time = clock()
		const options = { now: time.now, jitter: 0 }
		for (let i = 0; i <= RETRY_DELAYS_MS.length; i++) {
			await drainWebhooks(options)
			time.add(25 * 3_600_000)
		}
		const failed = await prisma.webhookDelivery.findFirstOrThrow({ where: { subscriptionId: webhook.id } })
		expect(failed.status).toBe('FAILED')

		// Still failing: a redelivery is one attempt, not a new schedule.
		await redeliver(user.id, organisation.id, webhook.id, failed.id)
		await expect(redeliver(user.id, organisation.id, webhook.id, failed.id)).rejects.toMatchObject({ code: 'webhooks.errors.alreadyPending', status: 409 })
		expect(await drainWebhooks({ ...options, now: () => new Date() })).toEqual(['failed'])

		r.answer(() => ({ status: 202 }))
		await redeliver(user.id, organisation.id, webhook.id, failed.id)
		expect(await drainWebhooks({ now: () => new Date() })).toEqual(['succeeded'])
		expect(r.requests.map((req) => req.headers['cau-noi-delivery'])).toEqual(Array(RETRY_DELAYS_MS.length + 3).fill(failed.id))
		expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: 'SUCCEEDED', attempts: RETRY_DELAYS_MS.length + 3, oneOff: false })

		// Turned off, it is not redelivered; turned back on, it is.
		await updateWebhook(user.id, organisation.id, webhook.id, { active: false })
		await expect(redeliver(user.id, organisation.id, webhook.id, failed.id)).rejects.toMatchObject({ code: 'webhooks.errors.redeliverDisabled' })
		await updateWebhook(user.id, organisation.id, webhook.id, { active: true })
		await redeliver(user.id, organisation.id, webhook.id, failed.id)
	})
})

describe('retention', () => {
	test('events older than the retention are purged with their log once settled; pending ones stay', async () => {
		const r = await receiver()
		const { webhook } = await subscribe(r.url())
		await addTaskResult()
		await drainWebhooks()
		r.answer(() => ({ status: 500 }))
		await addTaskResult()
		await drainWebhooks()
		expect(await prisma.webhookDelivery.groupBy({ by: ['status'], where: { subscriptionId: webhook.id }, _count: true })).toHaveLength(2)
		const later = new Date(Date.now() + EVENT_RETENTION_MS + 60_000)
		expect(await purgeWebhookEvents({ now: () => later })).toBe(1)
		expect(await prisma.webhookDelivery.findMany({ where: { subscriptionId: webhook.id }, select: { status: true } })).toEqual([{ status: 'PENDING' }])
		expect(await prisma.webhookAttempt.count({ where: { delivery: { subscriptionId: webhook.id } } })).toBe(1)
	})
})
