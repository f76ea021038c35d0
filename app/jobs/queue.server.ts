import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'
import type { Tx, Unit } from '~/utils/transaction.server'

export type EnqueueOptions = {
	runAt?: Date
	maxAttempts?: number
	/**
	 * The caller's `unit.afterCommit`: when given, this node's worker is woken as soon as the job
	 * is visible instead of at its next poll (about a second later).
	 */
	afterCommit?: Unit['afterCommit']
}

/** Queues a job in the caller's transaction, so it exists exactly when the change that caused it commits. */
export async function enqueue(tx: Tx, queue: string, payload: Prisma.InputJsonValue, options: EnqueueOptions = {}) {
	const job = await tx.job.create({
		data: { queue, payload, runAt: options.runAt ?? new Date(), maxAttempts: options.maxAttempts ?? 8 },
		select: { id: true },
	})
	options.afterCommit?.(nudgeWorker)
	return job
}

// Kept on globalThis: the worker started at boot and a module re-imported by dev HMR must share it.
const NUDGE_KEY = Symbol.for('cau-noi.jobs.nudge')
type Holder = { [NUDGE_KEY]?: Set<() => void> }

function listeners() {
	const holder = globalThis as Holder
	holder[NUDGE_KEY] ??= new Set()
	return holder[NUDGE_KEY]
}

/** Wakes the workers running in this process to look for due jobs now. Harmless when none runs. */
export function nudgeWorker() {
	for (const wake of listeners()) wake()
}

/** For the worker: registers its wake-up; returns the unregister function. */
export function onNudge(wake: () => void) {
	listeners().add(wake)
	return () => {
		listeners().delete(wake)
	}
}

/** Thrown by a job handler when retrying cannot help (bad payload, unknown template): the job fails at once. */
export class PermanentJobError extends Error {
	override name = 'PermanentJobError'
}

/**
 * Tells other workers a long job is still running (the worker treats a job locked for longer than
 * its stuck limit as orphaned and runs it again). Long jobs call it between units of work.
 */
export async function keepJobAlive(jobId: string) {
	await prisma.$executeRaw`UPDATE "Job" SET "lockedAt" = (now() AT TIME ZONE 'UTC') WHERE id = ${jobId} AND status = 'RUNNING'`
}
