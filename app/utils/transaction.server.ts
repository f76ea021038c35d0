import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'
import { logger } from '~/utils/logger.server'

export type Tx = Prisma.TransactionClient

/** A transaction plus callbacks that run only once it has committed (live pushes, cache drops). */
export type Unit = { tx: Tx; afterCommit: (fn: () => void | Promise<void>) => void }

/**
 * Runs `fn` in one transaction. Side effects that must not happen for a rolled-back write
 * (socket pushes) are registered with `afterCommit`; durable ones (jobs, outbox rows) are
 * written with `tx` so they commit or roll back with the change.
 */
export async function inTransaction<T>(fn: (unit: Unit) => Promise<T>): Promise<T> {
	const callbacks: Array<() => void | Promise<void>> = []
	const result = await prisma.$transaction((tx) => fn({ tx, afterCommit: (cb) => callbacks.push(cb) }), {
		timeout: 15_000,
	})
	for (const cb of callbacks) {
		try {
			await cb()
		} catch (error) {
			logger.error({ err: error }, 'after-commit callback failed')
		}
	}
	return result
}
