// The webhook relay (docs/decisions/014-webhooks.md): a loop of its own beside the job worker and
// the search relay, so a slow receiver holds one of its slots and nothing else.
//
// 1. Fan-out: new WebhookEvent rows (claimed FOR UPDATE SKIP LOCKED) become one WebhookDelivery per
//    matching live subscription, in one transaction, idempotently (unique subscription × event).
// 2. Claim: due deliveries are leased (lockedUntil) FOR UPDATE SKIP LOCKED, at most `perSubscription`
//    in flight per subscription, so two nodes never send the same one and one slow endpoint cannot
//    take every slot.
// 3. Send: signed POSTs with a timeout, at most `concurrency` at once. Each outcome is recorded with
//    its attempt; failures are retried with growing delays, then FAILED; a 410 disables the
//    subscription; one failing for days is disabled and its managers told.
// Every comparison with the time uses `now()` of the options, so tests move the clock instead of
// waiting for it.
import type { Prisma } from '~/generated/prisma/client'
import { recordAudit } from '~/models/audit.server'
import { notify } from '~/models/notification.server'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import { inTransaction, type Unit } from '~/utils/transaction.server'
import { createWake } from '~/utils/wake'
import { DELIVERY_HEADER, EVENT_HEADER, PING_EVENT, SIGNATURE_HEADER, USER_AGENT } from './events'
import { defaultGuardPolicy, type GuardPolicy } from './guard.server'
import { sendWebhook, type SendOutcome } from './send.server'
import { signatureHeader, signingSecrets } from './signature.server'

/** Delay before each retry: after the 1st failed attempt 1 min, … after the 6th 24 h; the 7th failure is final. */
export const RETRY_DELAYS_MS: readonly number[] = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 8 * 3_600_000, 24 * 3_600_000]
/** Retry delays vary by up to ±10 %, so endpoints that failed together are not retried together. */
const JITTER = 0.1
/** A subscription is disabled once this many attempts in a row failed … */
export const DISABLE_AFTER_FAILURES = 10
/** … and the first of them is at least this old. */
export const DISABLE_AFTER_MS = 3 * 24 * 3_600_000
/** Events (with their deliveries and attempts) are kept this long for the log. */
export const EVENT_RETENTION_MS = 30 * 24 * 3_600_000
export const DEFAULT_TIMEOUT_MS = 10_000

export type WebhookRelayOptions = {
	/** The clock. Default: the real one. */
	now?: () => Date
	/** Requests in flight at once on this node. Default 16. */
	concurrency?: number
	/** Requests in flight at once to one subscription, over all nodes. Default 4. */
	perSubscription?: number
	/** Per request, from connecting to the answer's headers (and 1 KB of its body). Default 10 s. */
	timeoutMs?: number
	/** How long a claimed delivery is ours before another relay may take it. Default timeout + 60 s. */
	leaseMs?: number
	policy?: GuardPolicy
	/** Events fanned out per transaction. Default 200. */
	fanOutBatch?: number
	retryDelaysMs?: readonly number[]
	/** Random factor of a retry delay, 0 for none (tests). Default 0.1. */
	jitter?: number
}

type Resolved = Required<Omit<WebhookRelayOptions, 'leaseMs'>> & { leaseMs: number }

function resolve(options: WebhookRelayOptions): Resolved {
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
	return {
		now: options.now ?? (() => new Date()),
		concurrency: Math.max(1, options.concurrency ?? 16),
		perSubscription: Math.max(1, options.perSubscription ?? 4),
		timeoutMs,
		leaseMs: options.leaseMs ?? timeoutMs + 60_000,
		policy: options.policy ?? defaultGuardPolicy(),
		fanOutBatch: options.fanOutBatch ?? 200,
		retryDelaysMs: options.retryDelaysMs ?? RETRY_DELAYS_MS,
		jitter: options.jitter ?? JITTER,
	}
}

// Timestamps are `timestamp without time zone` holding UTC, as Prisma writes them: the clock is
// passed as an ISO string and cast, so the server's TimeZone never enters a comparison.
const iso = (date: Date) => date.toISOString()

/** Turns the outbox's new events into deliveries; returns how many events it took. */
export async function fanOutEvents(options: WebhookRelayOptions = {}): Promise<number> {
	const { now, fanOutBatch } = resolve(options)
	const at = iso(now())
	return prisma.$transaction(async (tx) => {
		const events = await tx.$queryRaw<Array<{ id: string }>>`
			SELECT id FROM "WebhookEvent" WHERE "fannedOutAt" IS NULL ORDER BY "createdAt", id LIMIT ${fanOutBatch} FOR UPDATE SKIP LOCKED`
		if (events.length === 0) return 0
		const ids = events.map((e) => e.id)
		// A ping goes to its subscription whatever its state; the rest to live subscriptions that
		// existed when it happened and ask for its type. Deal events carry their audience (the two
		// sides); public events pass the subscription's field and province filters.
		await tx.$executeRaw`
			INSERT INTO "WebhookDelivery" ("subscriptionId", "eventId", "nextAttemptAt", "createdAt", "updatedAt")
			SELECT s.id, e.id, ${at}::timestamp, ${at}::timestamp, ${at}::timestamp
			FROM "WebhookEvent" e
			JOIN "WebhookSubscription" s ON CASE
				WHEN e."subscriptionId" IS NOT NULL THEN s.id = e."subscriptionId"
				ELSE s.active AND e.type = ANY(s.events) AND s."createdAt" <= e."createdAt"
					AND (
						CASE WHEN cardinality(e."organisationIds") > 0 THEN s."organisationId" = ANY(e."organisationIds")
						ELSE (cardinality(s."fieldCodes") = 0 OR s."fieldCodes" && e."fieldPaths")
							AND (s."provinceCode" IS NULL OR s."provinceCode" = e."provinceCode")
						END
					)
				END
			WHERE e.id = ANY(${ids}::text[])
			ON CONFLICT ("subscriptionId", "eventId") DO NOTHING`
		await tx.$executeRaw`UPDATE "WebhookEvent" SET "fannedOutAt" = ${at}::timestamp WHERE id = ANY(${ids}::text[])`
		return events.length
	})
}

type Claimed = { id: string; attempts: number }

/** Leases up to `limit` due deliveries (see the file's comment); each claim counts as an attempt. */
export async function claimDeliveries(limit: number, options: WebhookRelayOptions = {}): Promise<Claimed[]> {
	const { now, leaseMs, perSubscription } = resolve(options)
	if (limit <= 0) return []
	const at = iso(now())
	return prisma.$queryRaw<Claimed[]>`
		UPDATE "WebhookDelivery" d
		SET "lockedUntil" = ${at}::timestamp + ${leaseMs} * interval '1 millisecond', attempts = d.attempts + 1, "updatedAt" = ${at}::timestamp
		FROM (
			SELECT c.id FROM "WebhookSubscription" s
			CROSS JOIN LATERAL (
				SELECT x.id, x."nextAttemptAt" FROM "WebhookDelivery" x
				WHERE x."subscriptionId" = s.id AND x.status = 'PENDING' AND x."nextAttemptAt" <= ${at}::timestamp
				  AND (x."lockedUntil" IS NULL OR x."lockedUntil" <= ${at}::timestamp)
				ORDER BY x."nextAttemptAt", x."createdAt"
				LIMIT greatest(0, ${perSubscription}::int - (
					SELECT count(*)::int FROM "WebhookDelivery" b WHERE b."subscriptionId" = s.id AND b."lockedUntil" > ${at}::timestamp
				))
				FOR UPDATE SKIP LOCKED
			) c
			ORDER BY c."nextAttemptAt"
			LIMIT ${limit}
		) picked
		WHERE d.id = picked.id AND d.status = 'PENDING' AND (d."lockedUntil" IS NULL OR d."lockedUntil" <= ${at}::timestamp)
		RETURNING d.id, d.attempts`
}

/** The APP_URL the payloads' paths are made absolute with. */
function publicBaseUrl() {
	const env = getEnv()
	return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '')
}

/** The JSON body of an event, byte for byte what is signed and sent (the same on every attempt). */
export function eventBody(event: { id: string; type: string; payload: Prisma.JsonValue; createdAt: Date }, baseUrl = publicBaseUrl()) {
	const data = event.payload && typeof event.payload === 'object' && !Array.isArray(event.payload) ? { ...event.payload } : event.payload
	if (data && typeof data === 'object' && !Array.isArray(data)) {
		for (const key of ['url', 'apiUrl']) {
			const value = data[key]
			if (typeof value === 'string' && value.startsWith('/')) data[key] = `${baseUrl}${value}`
		}
	}
	return JSON.stringify({ id: event.id, type: event.type, createdAt: event.createdAt.toISOString(), data })
}

/** The delay before the next attempt after `attempts` failed ones, or null when that was the last. */
export function retryDelayMs(attempts: number, delays: readonly number[] = RETRY_DELAYS_MS, jitter = JITTER) {
	const base = delays[attempts - 1]
	if (base === undefined) return null
	return Math.round(base * (1 - jitter + Math.random() * 2 * jitter))
}

const deliverySelect = {
	id: true,
	attempts: true,
	oneOff: true,
	event: { select: { id: true, type: true, payload: true, createdAt: true } },
	subscription: {
		select: {
			id: true,
			url: true,
			secret: true,
			previousSecret: true,
			previousSecretExpiresAt: true,
			active: true,
			description: true,
			organisationId: true,
			organisation: { select: { slug: true, name: true } },
		},
	},
} as const satisfies Prisma.WebhookDeliverySelect

type LoadedDelivery = Prisma.WebhookDeliveryGetPayload<{ select: typeof deliverySelect }>

export type DeliveryResult = 'succeeded' | 'retrying' | 'failed' | 'discarded' | 'lost'

/** Sends one claimed delivery and records the outcome; never throws for the receiver's failures. */
export async function deliverOne(claimed: Claimed, options: WebhookRelayOptions & { signal?: AbortSignal } = {}): Promise<DeliveryResult> {
	const resolved = resolve(options)
	const delivery = await prisma.webhookDelivery.findUnique({ where: { id: claimed.id }, select: deliverySelect })
	if (!delivery) return 'lost'
	const { event, subscription } = delivery
	const ping = event.type === PING_EVENT
	if (!subscription.active && !ping) {
		await prisma.webhookDelivery.updateMany({
			where: { id: delivery.id, attempts: claimed.attempts, status: 'PENDING' },
			data: { status: 'DISCARDED', lockedUntil: null, attempts: { decrement: 1 }, lastError: 'disabled' },
		})
		return 'discarded'
	}

	const startedAt = resolved.now()
	const body = eventBody(event)
	const timestamp = Math.floor(startedAt.getTime() / 1000)
	const headers = {
		'User-Agent': USER_AGENT,
		[EVENT_HEADER]: event.type,
		[DELIVERY_HEADER]: delivery.id,
		[SIGNATURE_HEADER]: signatureHeader(body, timestamp, signingSecrets(subscription, startedAt)),
	}
	const outcome = await sendWebhook(subscription.url, body, headers, { timeoutMs: resolved.timeoutMs, policy: resolved.policy, signal: options.signal })
	return record(delivery, claimed, startedAt, outcome, resolved)
}

async function record(delivery: LoadedDelivery, claimed: Claimed, startedAt: Date, outcome: SendOutcome, options: Resolved): Promise<DeliveryResult> {
	const { subscription, event } = delivery
	const now = options.now()
	const succeeded = outcome.error === null
	const gone = outcome.statusCode === 410
	// A ping and a redelivery asked by hand are tried once; the rest follow the schedule.
	const delay = succeeded || gone || delivery.oneOff || event.type === PING_EVENT ? null : retryDelayMs(claimed.attempts, options.retryDelaysMs, options.jitter)
	const result: DeliveryResult = succeeded ? 'succeeded' : delay === null ? 'failed' : 'retrying'
	return inTransaction(async (unit) => {
		const { tx } = unit
		// The claim's attempt count names this run: if the lease ran out and another relay took the
		// delivery meanwhile, this matches nothing and the newer run's outcome stands.
		const { count } = await tx.webhookDelivery.updateMany({
			where: { id: delivery.id, attempts: claimed.attempts, status: 'PENDING' },
			data: {
				status: succeeded ? 'SUCCEEDED' : delay === null ? 'FAILED' : 'PENDING',
				lockedUntil: null,
				oneOff: false,
				lastStatusCode: outcome.statusCode,
				lastError: outcome.error,
				...(succeeded ? { deliveredAt: now } : {}),
				...(delay !== null ? { nextAttemptAt: new Date(now.getTime() + delay) } : {}),
				updatedAt: now,
			},
		})
		if (count === 0) return 'lost'
		await tx.webhookAttempt.create({
			data: {
				deliveryId: delivery.id,
				at: startedAt,
				durationMs: outcome.durationMs,
				statusCode: outcome.statusCode,
				error: outcome.error,
				responseExcerpt: outcome.responseExcerpt,
			},
		})
		// Pings say nothing about the endpoint's health over time: they do not move the streak.
		if (event.type === PING_EVENT) return result
		if (succeeded) {
			await tx.$executeRaw`UPDATE "WebhookSubscription" SET "failureStreak" = 0, "failingSince" = NULL WHERE id = ${subscription.id} AND "failureStreak" > 0`
			return result
		}
		if (gone) {
			await disableSubscription(unit, subscription, 'gone', now)
			return result
		}
		const [streak] = await tx.$queryRaw<Array<{ failureStreak: number; failingSince: Date; active: boolean }>>`
			UPDATE "WebhookSubscription" SET "failureStreak" = "failureStreak" + 1, "failingSince" = coalesce("failingSince", ${iso(startedAt)}::timestamp)
			WHERE id = ${subscription.id}
			RETURNING "failureStreak", "failingSince", active`
		if (streak?.active && streak.failureStreak >= DISABLE_AFTER_FAILURES && now.getTime() - streak.failingSince.getTime() >= DISABLE_AFTER_MS) {
			await disableSubscription(unit, subscription, 'failing', now)
		}
		return result
	})
}

/**
 * Turns a subscription off for the relay's reasons (gone, failing): pending deliveries not in
 * flight are discarded, the audit log says why and the organisation's owners and admins are told.
 */
async function disableSubscription(unit: Unit, subscription: LoadedDelivery['subscription'], reason: 'gone' | 'failing', now: Date) {
	const { tx } = unit
	const { count } = await tx.webhookSubscription.updateMany({
		where: { id: subscription.id, active: true },
		data: { active: false, disabledAt: now, disabledReason: reason },
	})
	if (count === 0) return
	await tx.$executeRaw`
		UPDATE "WebhookDelivery" SET status = 'DISCARDED', "lastError" = 'disabled', "updatedAt" = ${iso(now)}::timestamp
		WHERE "subscriptionId" = ${subscription.id} AND status = 'PENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${iso(now)}::timestamp)`
	await recordAudit(tx, {
		organisationId: subscription.organisationId,
		action: 'webhook.disable',
		entityType: 'WebhookSubscription',
		entityId: subscription.id,
		data: { url: subscription.url, reason },
	})
	const managers = await tx.membership.findMany({
		where: { organisationId: subscription.organisationId, status: 'ACTIVE', role: { in: ['OWNER', 'ADMIN'] } },
		select: { userId: true },
	})
	for (const { userId } of managers) {
		await notify(unit, {
			userId,
			kind: reason === 'gone' ? 'webhook.gone' : 'webhook.failing',
			params: { title: subscription.description || subscription.url, organisationName: subscription.organisation.name },
			link: `/organisations/${subscription.organisation.slug}/webhooks/${subscription.id}`,
		})
	}
	logger.warn({ subscription: subscription.id, reason }, 'webhook subscription disabled')
}

/** Deletes events older than the retention whose deliveries are all settled (their deliveries and attempts go with them). */
export async function purgeWebhookEvents(options: WebhookRelayOptions = {}) {
	const { now } = resolve(options)
	const before = iso(new Date(now().getTime() - EVENT_RETENTION_MS))
	return prisma.$executeRaw`
		DELETE FROM "WebhookEvent" e
		WHERE e."createdAt" < ${before}::timestamp AND e."fannedOutAt" IS NOT NULL
		  AND NOT EXISTS (SELECT 1 FROM "WebhookDelivery" d WHERE d."eventId" = e.id AND d.status = 'PENDING')`
}

/**
 * One round, awaited: fans out, claims what is due (up to `concurrency`) and sends it all.
 * Tests drive the relay with this; the running relay does the same continuously.
 */
export async function relayOnce(options: WebhookRelayOptions = {}) {
	const resolved = resolve(options)
	let fannedOut = 0
	for (let n = await fanOutEvents(options); n > 0; n = await fanOutEvents(options)) fannedOut += n
	const claimed = await claimDeliveries(resolved.concurrency, options)
	const results = await Promise.all(claimed.map((c) => deliverOne(c, options)))
	return { fannedOut, results }
}

/** Rounds until nothing is due at the options' `now` (tests). */
export async function drainWebhooks(options: WebhookRelayOptions = {}, maxRounds = 50) {
	const all: DeliveryResult[] = []
	for (let round = 0; round < maxRounds; round++) {
		const { fannedOut, results } = await relayOnce(options)
		all.push(...results)
		if (fannedOut === 0 && results.length === 0) return all
	}
	throw new Error(`webhooks still due after ${maxRounds} rounds`)
}

export type WebhookRelay = {
	/** Stops claiming and waits for the requests in flight (each bounded by the timeout). */
	stop: () => Promise<void>
	nudge: () => void
	/** Resolves once nothing is due and nothing is in flight (tests). */
	idle: (timeoutMs?: number) => Promise<void>
}

// Kept on globalThis, like the job worker's nudge: the relay started at boot and a model module
// re-imported by dev HMR must share it.
const NUDGE_KEY = Symbol.for('cau-noi.webhooks.nudge')
type Holder = { [NUDGE_KEY]?: Set<() => void> }
const nudgers = () => ((globalThis as Holder)[NUDGE_KEY] ??= new Set())

/** Wakes this process's relay now (after a ping or a redelivery), instead of at its next poll. */
export function nudgeWebhookRelay() {
	for (const wake of nudgers()) wake()
}

const PURGE_EVERY_MS = 3_600_000

/** Starts the relay loop in this process; any number of nodes may run one. */
export function startWebhookRelay(options: WebhookRelayOptions & { pollMs?: number } = {}): WebhookRelay {
	const resolved = resolve(options)
	const pollMs = options.pollMs ?? 1000
	const running = new Set<Promise<unknown>>()
	const log = logger.child({ component: 'webhook-relay' })
	let stopping = false
	let lastPurge = 0
	let idleWaiters: Array<() => void> = []

	const { nudge, sleep } = createWake()

	async function loop() {
		while (!stopping) {
			let full = false
			let worked = false
			try {
				const now = resolved.now().getTime()
				if (now - lastPurge >= PURGE_EVERY_MS) {
					lastPurge = now
					const purged = await purgeWebhookEvents(options)
					if (purged > 0) log.info({ purged }, 'old webhook events purged')
				}
				for (let n = await fanOutEvents(options); n > 0 && !stopping; n = await fanOutEvents(options)) worked = true
				const free = resolved.concurrency - running.size
				if (free > 0 && !stopping) {
					const claimed = await claimDeliveries(free, options)
					full = claimed.length === free
					worked ||= claimed.length > 0
					for (const c of claimed) {
						const task = deliverOne(c, options)
							.catch((error: unknown) => log.error({ err: error, delivery: c.id }, 'webhook delivery could not be recorded; its lease runs out and it is sent again'))
							.finally(() => {
								running.delete(task)
								nudge()
							})
						running.add(task)
					}
				}
			} catch (error) {
				log.error({ err: error }, 'webhook relay round failed')
			}
			if (!worked && running.size === 0) {
				for (const done of idleWaiters) done()
				idleWaiters = []
			}
			if (stopping) break
			if (full && running.size < resolved.concurrency) continue
			await sleep(pollMs)
		}
	}

	nudgers().add(nudge)
	const looping = loop()
	log.info({ concurrency: resolved.concurrency, perSubscription: resolved.perSubscription, timeoutMs: resolved.timeoutMs }, 'webhook relay started')

	return {
		nudge,
		async stop() {
			stopping = true
			nudgers().delete(nudge)
			nudge()
			await looping
			await Promise.allSettled([...running])
			for (const done of idleWaiters) done()
			idleWaiters = []
		},
		idle(timeoutMs = 10_000) {
			return new Promise<void>((done, fail) => {
				const timer = setTimeout(() => fail(new Error(`webhook relay not idle after ${timeoutMs} ms`)), timeoutMs)
				idleWaiters.push(() => {
					clearTimeout(timer)
					done()
				})
				nudge()
			})
		},
	}
}
