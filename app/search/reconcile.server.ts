// Repairs drift between the tables and the engine (a lost write, a restored backup, an engine
// wiped behind our back): every public entity must be indexed at its current version and nothing
// else may be. Differences are queued in the outbox, so the relay does the writing as usual.
import { prisma } from '~/utils/db.server'
import { logger } from '~/utils/logger.server'
import { countDocuments, allDocuments, expectedVersions } from './documents.server'
import { searchEngine } from './engine.server'
import { KIND_OF_TYPE, parseDocumentId, SEARCH_TYPES, type SearchEngine } from './types'

export type Drift = { missing: number; stale: number; extra: number }

/** Compares the index with the tables and queues what differs; returns what it found. */
export async function reconcileIndex(engine: SearchEngine = searchEngine()): Promise<Drift> {
	const [expected, indexed] = [await expectedVersions(), await engine.versions()]
	const drift: Drift = { missing: 0, stale: 0, extra: 0 }
	const queue: Array<{ kind: string; entityId: string }> = []
	for (const [id, version] of expected) {
		const have = indexed.get(id)
		if (have === version) continue
		if (have === undefined) drift.missing++
		else drift.stale++
		queue.push(toRow(id))
	}
	for (const id of indexed.keys()) {
		if (expected.has(id)) continue
		drift.extra++
		queue.push(toRow(id))
	}
	for (let i = 0; i < queue.length; i += 1000) {
		const part = queue.slice(i, i + 1000)
		await prisma.$executeRaw`
			INSERT INTO "SearchOutbox" (kind, "entityId")
			SELECT k::"SearchKind", e FROM unnest(${part.map((r) => r.kind)}::text[], ${part.map((r) => r.entityId)}::text[]) AS u(k, e)`
	}
	// Settled rows are history only.
	await prisma.$executeRaw`DELETE FROM "SearchOutbox" WHERE "processedAt" < now() - interval '1 day'`
	if (queue.length > 0) logger.warn(drift, 'search index drift queued for repair')
	return drift
}

function toRow(id: string) {
	const parsed = parseDocumentId(id)
	// An id no engine of ours writes: queue it under any kind, the relay removes what is not public.
	if (!parsed) return { kind: 'OFFER', entityId: id }
	return { kind: KIND_OF_TYPE[parsed.type], entityId: parsed.entityId }
}

export type RebuildProgress = { done: number; total: number }

/**
 * Rebuilds the engine's index from the tables: settings, every public document, then removal of
 * anything else. Outbox rows written before the start are settled (the rebuild read newer state);
 * later ones stay for the relay.
 */
export async function rebuildIndex(onProgress: (p: RebuildProgress) => void = () => {}, engine: SearchEngine = searchEngine()) {
	const [clock] = await prisma.$queryRaw<Array<{ now: Date }>>`SELECT now() AS now`
	const startedAt = clock!.now
	await engine.setup()
	const counts = await countDocuments()
	const total = Object.values(counts).reduce((a, b) => a + b, 0)
	const seen = new Set<string>()
	let done = 0
	onProgress({ done, total })
	for (const type of SEARCH_TYPES) {
		for await (const docs of allDocuments(type)) {
			await engine.index(docs)
			for (const d of docs) seen.add(d.id)
			done += docs.length
			onProgress({ done, total: Math.max(total, done) })
		}
	}
	const stray = [...(await engine.versions()).keys()].filter((id) => !seen.has(id))
	await engine.remove(stray)
	await prisma.$executeRaw`UPDATE "SearchOutbox" SET "processedAt" = now() WHERE "processedAt" IS NULL AND "createdAt" < ${startedAt}`
	return { indexed: done, removed: stray.length }
}
