// Drains the search outbox into the engine. A batch is claimed by leasing its rows (FOR UPDATE
// SKIP LOCKED, then `availableAt` pushed past the lease) in a short transaction, so nothing is held
// open while the engine is called; a relay that dies mid-batch leaves rows whose lease runs out
// and are taken again. Documents are read fresh from the tables, so replaying a row is harmless.
import { prisma } from '~/utils/db.server'
import { logger } from '~/utils/logger.server'
import { enqueue } from '~/jobs/queue.server'
import { inTransaction } from '~/utils/transaction.server'
import { loadDocuments } from './documents.server'
import { searchEngine } from './engine.server'
import { ALERTING_TYPES, documentId, TYPE_OF_KIND, type SearchEngine, type SearchType } from './types'

/** A relay batch with more listings than this is a bulk load; its matching runs BULK_MATCHING_DELAY_MS later. */
export const BULK_MATCHING_BATCH = 20
const BULK_MATCHING_DELAY_MS = 10 * 60_000

export type RelayOptions = {
	engine?: SearchEngine
	/** Rows per batch. Default 200. */
	limit?: number
	/** How long a claimed batch is ours before another relay may take it. Default 2 min. */
	leaseMs?: number
	/** First retry delay after a failure; doubles per attempt up to an hour. Default 5 s. */
	backoffBaseMs?: number
	/** Called after the engine has the batch and before the rows are marked done (tests crash here). */
	afterSend?: () => void | Promise<void>
}

type Claimed = { id: bigint; kind: keyof typeof TYPE_OF_KIND; entityId: string; attempts: number }

// Any constant shared by every node: claims are made one at a time so that two relays never
// hold rows of the same entity (the later one could otherwise write an older state last).
const CLAIM_LOCK = 0x5ea2c4

/** Claims, indexes and marks one batch; returns how many outbox rows it settled. */
export async function relayBatch(options: RelayOptions = {}): Promise<{ processed: number; failed: number }> {
	const engine = options.engine ?? searchEngine()
	const limit = options.limit ?? 200
	const leaseMs = options.leaseMs ?? 120_000
	const claimed = await prisma.$transaction(async (tx) => {
		await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLAIM_LOCK})`
		return tx.$queryRaw<Claimed[]>`
			UPDATE "SearchOutbox" o SET "availableAt" = now() + ${leaseMs} * interval '1 millisecond', attempts = o.attempts + 1
			WHERE o.id IN (
				SELECT p.id FROM "SearchOutbox" p
				WHERE p."processedAt" IS NULL AND p."availableAt" <= now()
				  AND NOT EXISTS (
					SELECT 1 FROM "SearchOutbox" f
					WHERE f."processedAt" IS NULL AND f.kind = p.kind AND f."entityId" = p."entityId" AND f."availableAt" > now()
				  )
				ORDER BY p.id LIMIT ${limit}
				FOR UPDATE SKIP LOCKED
			)
			RETURNING o.id, o.kind::text AS kind, o."entityId", o.attempts`
	})
	if (claimed.length === 0) return { processed: 0, failed: 0 }

	const result = await settle(engine, claimed, options)
	if (result.failed === 0 || claimed.length === 1) return result
	// One entity that cannot be indexed must not hold back the others: on a failed batch, each
	// entity is tried alone, and only the ones that fail again back off.
	const byEntity = new Map<string, Claimed[]>()
	for (const row of claimed) {
		const key = `${row.kind}:${row.entityId}`
		byEntity.set(key, [...(byEntity.get(key) ?? []), row])
	}
	if (byEntity.size === 1) return result
	let processed = 0
	let failed = 0
	for (const rows of byEntity.values()) {
		const r = await settle(engine, rows, options)
		processed += r.processed
		failed += r.failed
	}
	return { processed, failed }
}

/** Indexes the claimed rows' entities and settles the rows, or backs them off on failure. */
async function settle(engine: SearchEngine, claimed: Claimed[], options: RelayOptions): Promise<{ processed: number; failed: number }> {
	const byType = new Map<SearchType, Set<string>>()
	for (const row of claimed) {
		const type = TYPE_OF_KIND[row.kind]
		if (!byType.has(type)) byType.set(type, new Set())
		byType.get(type)!.add(row.entityId)
	}
	try {
		const published: string[] = []
		for (const [type, ids] of byType) {
			const docs = await loadDocuments(type, [...ids])
			const present = new Set(docs.map((d) => d.entityId))
			await engine.index(docs)
			await engine.remove([...ids].filter((id) => !present.has(id)).map((id) => documentId(type, id)))
			if (ALERTING_TYPES.includes(type)) published.push(...docs.map((d) => d.id))
		}
		await options.afterSend?.()
		await inTransaction(async (unit) => {
			await unit.tx.$executeRaw`UPDATE "SearchOutbox" SET "processedAt" = now(), "lastError" = NULL WHERE id = ANY(${claimed.map((c) => c.id)}::bigint[])`
			// Saved searches with instant alerts look at what just became searchable.
			if (published.length > 0) {
				await enqueue(unit.tx, 'search.alerts', { documentIds: published }, { afterCommit: unit.afterCommit })
				// The listings the relay reads are the changed ones: matching ranks them again. A big
				// batch is a bulk load (a fresh database, a rebuild): it waits, so that a listing
				// published meanwhile is matched within seconds rather than behind hundreds of others.
				const bulk = published.length > BULK_MATCHING_BATCH
				await enqueue(unit.tx, 'matching.listings', { documentIds: published }, { afterCommit: unit.afterCommit, runAt: bulk ? new Date(Date.now() + BULK_MATCHING_DELAY_MS) : undefined })
			}
		})
		return { processed: claimed.length, failed: 0 }
	} catch (error) {
		const base = options.backoffBaseMs ?? 5_000
		logger.warn({ err: error, rows: claimed.length }, 'search relay batch failed; will retry')
		const message = error instanceof Error ? error.message.slice(0, 1000) : String(error)
		for (const row of claimed) {
			const delay = Math.min(3_600_000, base * 2 ** Math.max(0, row.attempts - 1))
			await prisma.$executeRaw`
				UPDATE "SearchOutbox" SET "availableAt" = now() + ${delay} * interval '1 millisecond', "lastError" = ${message}
				WHERE id = ${row.id}`
		}
		return { processed: 0, failed: claimed.length }
	}
}

/** Runs batches until the outbox has nothing ready (or `stop()` says so); returns the rows settled. */
export async function drainOutbox(options: RelayOptions = {}, stop: () => boolean = () => false): Promise<number> {
	let total = 0
	while (!stop()) {
		const { processed } = await relayBatch(options)
		if (processed === 0) return total
		total += processed
	}
	return total
}

export type Relay = { stop: () => Promise<void>; nudge: () => void }

let nudgeCurrent: (() => void) | undefined

/** Wakes this node's relay now (after a write), instead of at its next poll. */
export function nudgeSearchRelay() {
	nudgeCurrent?.()
}

/** Polls the outbox every `pollMs` (1 s) and drains it; stop() waits for the batch in hand. */
export function startSearchRelay({ pollMs = 1000, ...options }: RelayOptions & { pollMs?: number } = {}): Relay {
	let stopped = false
	let wake: (() => void) | undefined
	const nudge = () => wake?.()
	nudgeCurrent = nudge
	const loop = (async () => {
		while (!stopped) {
			try {
				// Between batches a stop is honoured: shutdown waits for one batch, not for the backlog.
				await drainOutbox(options, () => stopped)
			} catch (error) {
				logger.error({ err: error }, 'search relay failed')
			}
			if (stopped) break
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, pollMs)
				wake = () => {
					clearTimeout(timer)
					resolve()
				}
			})
			wake = undefined
		}
	})()
	return {
		nudge,
		async stop() {
			stopped = true
			nudge()
			await loop
			if (nudgeCurrent === nudge) nudgeCurrent = undefined
		},
	}
}
