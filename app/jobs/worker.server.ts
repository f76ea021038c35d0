import { runChatDigests } from '~/chat/digest.server'
import { randomBytes } from 'node:crypto'
import type { Prisma } from '~/generated/prisma/client'
import { onNudge, PermanentJobError } from '~/jobs/queue.server'
import { compactChanges } from '~/models/public-change.server'
import { purgeExpiredSessions } from '~/models/session.server'
import { runExpiry } from '~/models/listing.server'
import { prisma } from '~/utils/db.server'
import { logger } from '~/utils/logger.server'
import { sendTemplatedEmail } from '~/utils/mail.server'
import { createWake } from '~/utils/wake'
import { applyImport, validateImport } from '~/imports/run.server'
import { runDigests, runInstantAlerts } from '~/search/alerts.server'
import { reconcileIndex } from '~/search/reconcile.server'
import { matchListings, rematchAll } from '~/matching/rank.server'
import { relearnWeights } from '~/matching/weights.server'

export { nudgeWorker, PermanentJobError } from '~/jobs/queue.server'

export type ClaimedJob = {
	id: string
	queue: string
	payload: Prisma.JsonValue
	/** Counting this run: 1 on the first. */
	attempts: number
	maxAttempts: number
}

export type JobHandler = (payload: Prisma.JsonValue, job: ClaimedJob) => Promise<unknown>

/** What each queue runs. A job whose queue has no handler fails at once. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
	'email.send': (payload) => sendTemplatedEmail(payload),
	'sessions.purge': async () => {
		const count = await purgeExpiredSessions()
		logger.info({ count }, 'expired sessions purged')
	},
	'jobs.purge': async () => {
		// Finished jobs are only history; failed ones stay longer so someone can look at lastError.
		const count = await prisma.$executeRaw`
			DELETE FROM "Job"
			WHERE (status = 'DONE' AND "updatedAt" < (now() AT TIME ZONE 'UTC') - interval '7 days')
			   OR (status = 'FAILED' AND "updatedAt" < (now() AT TIME ZONE 'UTC') - interval '30 days')`
		logger.info({ count }, 'old jobs purged')
	},
	'imports.validate': (payload, job) => validateImport(importIdOf(payload), job.id),
	'imports.apply': (payload, job) => applyImport(importIdOf(payload), job.id),
	'search.alerts': async (payload) => {
		const ids = payload && typeof payload === 'object' && !Array.isArray(payload) ? payload.documentIds : undefined
		if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw new PermanentJobError('search.alerts job without documentIds')
		const hits = await runInstantAlerts(ids as string[])
		logger.info({ documents: ids.length, hits }, 'instant search alerts run')
	},
	'search.digests': async () => {
		const hits = await runDigests()
		logger.info({ hits }, 'saved-search digests run')
	},
	'search.reconcile': async () => {
		const drift = await reconcileIndex()
		logger.info(drift, 'search index reconciled')
	},
	'matching.listings': async (payload) => {
		const ids = payload && typeof payload === 'object' && !Array.isArray(payload) ? payload.documentIds : undefined
		if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw new PermanentJobError('matching.listings job without documentIds')
		const result = await matchListings(ids as string[])
		logger.info({ listings: ids.length, ...result }, 'listings matched')
	},
	'matching.relearn': async () => {
		const result = await relearnWeights()
		logger.info(result, 'matching weights relearned')
		if ('adopted' in result && result.adopted) logger.info({ demands: await rematchAll() }, 'demands rematched with the new weights')
	},
	'chat.digests': async () => {
		logger.info(await runChatDigests(), 'chat unread digests run')
	},
	'changes.compact': async () => {
		logger.info({ removed: await compactChanges() }, 'public change feed compacted')
	},
	'listings.expiry': async () => {
		const offers = await runExpiry('offer')
		const demands = await runExpiry('demand')
		logger.info({ offers, demands }, 'listing expiry run')
	},
}

function importIdOf(payload: Prisma.JsonValue) {
	const id = payload && typeof payload === 'object' && !Array.isArray(payload) ? payload.importId : undefined
	if (typeof id !== 'string') throw new PermanentJobError('import job without an importId')
	return id
}

export type PeriodicJob = { queue: string; everyMs: number }

/** Jobs queued once per period by whichever node gets there first (the id names the period). */
export const PERIODIC_JOBS: PeriodicJob[] = [
	{ queue: 'sessions.purge', everyMs: 60 * 60_000 },
	{ queue: 'jobs.purge', everyMs: 24 * 60 * 60_000 },
	{ queue: 'listings.expiry', everyMs: 60 * 60_000 },
	{ queue: 'search.digests', everyMs: 60 * 60_000 },
	{ queue: 'chat.digests', everyMs: 15 * 60_000 },
	{ queue: 'search.reconcile', everyMs: 60 * 60_000 },
	{ queue: 'matching.relearn', everyMs: 24 * 60 * 60_000 },
	{ queue: 'changes.compact', everyMs: 24 * 60 * 60_000 },
]

export type WorkerOptions = {
	/** Jobs run at once by this worker. Default 2. */
	concurrency?: number
	/** Idle poll interval; nudgeWorker() wakes it sooner. Default 1000 ms. */
	pollMs?: number
	/** A RUNNING job locked longer than this belonged to a crashed node and is run again. Default 10 min. */
	stuckAfterMs?: number
	/** First retry delay; doubles with each attempt, ±25 % jitter. Default 10 s. */
	backoffBaseMs?: number
	/** Longest retry delay. Default 1 h. */
	backoffMaxMs?: number
	handlers?: Record<string, JobHandler>
	/** Periodic jobs to keep scheduled; [] for none. Default PERIODIC_JOBS. */
	periodic?: PeriodicJob[]
}

export type Worker = {
	readonly id: string
	/** Stops claiming and waits for the jobs already running. */
	stop: () => Promise<void>
	/** Looks for due jobs now. */
	nudge: () => void
	/** Resolves once no job is due and none is running (tests). */
	drain: (timeoutMs?: number) => Promise<void>
}

/** Retry delay after the given (1-based) failed attempt: exponential, capped, with jitter so failures spread out. */
export function backoffMs(attempt: number, baseMs = 10_000, maxMs = 60 * 60_000) {
	const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1))
	return Math.round(exponential * (0.75 + Math.random() * 0.5))
}

// Job timestamps are `timestamp without time zone` holding UTC, as Prisma writes them; now() is
// converted explicitly so a server whose TimeZone is not UTC still compares like with like.
const NOW = `(now() AT TIME ZONE 'UTC')`

/**
 * Claims up to `limit` due jobs. SKIP LOCKED lets any number of workers on any node claim
 * concurrently without waiting on or double-taking each other's rows. `attempts` is counted at
 * claim time, so a job that kills its process still uses up an attempt.
 */
async function claim(limit: number): Promise<ClaimedJob[]> {
	return prisma.$queryRawUnsafe<ClaimedJob[]>(
		`UPDATE "Job" SET status = 'RUNNING', "lockedAt" = ${NOW}, attempts = attempts + 1, "updatedAt" = ${NOW}
		WHERE id IN (
			SELECT id FROM "Job"
			WHERE status = 'PENDING' AND "runAt" <= ${NOW}
			ORDER BY "runAt"
			LIMIT $1
			FOR UPDATE SKIP LOCKED
		)
		RETURNING id, queue, payload, attempts, "maxAttempts"`,
		limit,
	)
}

/** Gives RUNNING jobs with an old lock back to the queue (or fails them when out of attempts). */
async function recoverStuck(stuckAfterMs: number) {
	const rows = await prisma.$queryRawUnsafe<{ id: string; status: string }[]>(
		`UPDATE "Job" SET
			status = (CASE WHEN attempts >= "maxAttempts" THEN 'FAILED' ELSE 'PENDING' END)::"JobStatus",
			"lastError" = CASE WHEN attempts >= "maxAttempts" THEN 'lock expired: the worker running it stopped' ELSE "lastError" END,
			"lockedAt" = NULL, "runAt" = ${NOW}, "updatedAt" = ${NOW}
		WHERE id IN (
			SELECT id FROM "Job"
			WHERE status = 'RUNNING' AND "lockedAt" < ${NOW} - make_interval(secs => $1)
			FOR UPDATE SKIP LOCKED
		)
		RETURNING id, status::text AS status`,
		stuckAfterMs / 1000,
	)
	if (rows.length > 0) logger.warn({ jobs: rows }, 'recovered jobs whose worker stopped')
	return rows.length
}

async function schedulePeriodic(periodic: PeriodicJob[], now = Date.now()) {
	if (periodic.length === 0) return
	await prisma.job.createMany({
		data: periodic.map(({ queue, everyMs }) => {
			const slot = Math.floor(now / everyMs) * everyMs
			return { id: `periodic:${queue}:${new Date(slot).toISOString()}`, queue, payload: {}, runAt: new Date(slot), maxAttempts: 3 }
		}),
		skipDuplicates: true,
	})
}

// The `attempts` value returned by the claim identifies this run: if the job was recovered and
// claimed again elsewhere meanwhile, these updates match nothing and the newer run's outcome stands.
async function markDone(job: ClaimedJob) {
	await prisma.$executeRawUnsafe(
		`UPDATE "Job" SET status = 'DONE', "lockedAt" = NULL, "lastError" = NULL, "updatedAt" = ${NOW}
		WHERE id = $1 AND status = 'RUNNING' AND attempts = $2`,
		job.id,
		job.attempts,
	)
}

async function markFailed(job: ClaimedJob, error: unknown, options: { permanent: boolean; delayMs: number }) {
	const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
	const final = options.permanent || job.attempts >= job.maxAttempts
	await prisma.$executeRawUnsafe(
		`UPDATE "Job" SET status = $3::"JobStatus", "lockedAt" = NULL, "lastError" = $4,
			"runAt" = ${NOW} + make_interval(secs => $5), "updatedAt" = ${NOW}
		WHERE id = $1 AND status = 'RUNNING' AND attempts = $2`,
		job.id,
		job.attempts,
		final ? 'FAILED' : 'PENDING',
		message.slice(0, 4000),
		final ? 0 : options.delayMs / 1000,
	)
	return final
}

/** Starts a worker polling the Job table in this process. Any number may run, on any number of nodes. */
export function startWorker(options: WorkerOptions = {}): Worker {
	const id = `worker-${randomBytes(4).toString('hex')}`
	const concurrency = Math.max(1, options.concurrency ?? 2)
	const pollMs = options.pollMs ?? 1000
	const stuckAfterMs = options.stuckAfterMs ?? 10 * 60_000
	const handlers = options.handlers ?? JOB_HANDLERS
	const periodic = options.periodic ?? PERIODIC_JOBS
	const log = logger.child({ worker: id })

	const running = new Set<Promise<void>>()
	let stopping = false
	let lastMaintenance = 0
	let idleWaiters: Array<() => void> = []

	const { nudge, sleep } = createWake()

	async function run(job: ClaimedJob) {
		const handler = Object.hasOwn(handlers, job.queue) ? handlers[job.queue] : undefined
		const started = Date.now()
		try {
			if (!handler) throw new PermanentJobError(`no handler for queue ${job.queue}`)
			await handler(job.payload, job)
			await markDone(job)
			log.debug({ job: job.id, queue: job.queue, ms: Date.now() - started }, 'job done')
		} catch (error) {
			const permanent = error instanceof PermanentJobError
			const delayMs = backoffMs(job.attempts, options.backoffBaseMs, options.backoffMaxMs)
			try {
				const final = await markFailed(job, error, { permanent, delayMs })
				const context = { err: error, job: job.id, queue: job.queue, attempt: job.attempts, maxAttempts: job.maxAttempts }
				if (final) log.error(context, 'job failed for good')
				else log.warn({ ...context, retryInMs: delayMs }, 'job failed, will retry')
			} catch (markError) {
				// The lock expires and recovery runs it again.
				log.error({ err: markError, job: job.id }, 'could not record job failure')
			}
		}
	}

	async function maintain() {
		const now = Date.now()
		if (now - lastMaintenance < Math.min(30_000, stuckAfterMs / 2)) return
		lastMaintenance = now
		await recoverStuck(stuckAfterMs)
		await schedulePeriodic(periodic, now)
	}

	async function loop() {
		while (!stopping) {
			let claimedAny = false
			try {
				await maintain()
				const free = concurrency - running.size
				if (free > 0) {
					const jobs = await claim(free)
					claimedAny = jobs.length > 0
					for (const job of jobs) {
						const task = run(job).finally(() => {
							running.delete(task)
							nudge()
						})
						running.add(task)
					}
				}
			} catch (error) {
				log.error({ err: error }, 'job poll failed')
			}
			if (!claimedAny && running.size === 0) {
				for (const resolve of idleWaiters) resolve()
				idleWaiters = []
			}
			if (stopping) break
			// A free slot after a full claim means more may be due: look again at once.
			if (claimedAny && running.size < concurrency) continue
			await sleep(pollMs)
		}
	}

	const unregister = onNudge(nudge)
	const looping = loop()
	log.info({ concurrency, pollMs }, 'job worker started')

	return {
		id,
		nudge,
		async stop() {
			if (stopping) return looping
			stopping = true
			unregister()
			nudge()
			await looping
			await Promise.allSettled([...running])
			for (const resolve of idleWaiters) resolve()
			log.info('job worker stopped')
		},
		drain(timeoutMs = 10_000) {
			return new Promise<void>((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`worker not idle after ${timeoutMs} ms`)), timeoutMs)
				idleWaiters.push(() => {
					clearTimeout(timer)
					resolve()
				})
				nudge()
			})
		},
	}
}
