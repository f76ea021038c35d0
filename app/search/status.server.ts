import { prisma } from '~/utils/db.server'
import { searchEngine } from './engine.server'

/** What the operators' search page shows about the index: documents, and the outbox backlog. */
export async function indexStatus() {
	const engine = searchEngine()
	const [documents, [outbox]] = await Promise.all([
		engine.versions().then((v) => v.size).catch(() => null),
		prisma.$queryRaw<Array<{ pending: bigint; failing: bigint; oldest: Date | null }>>`
			SELECT count(*) AS pending, count(*) FILTER (WHERE "lastError" IS NOT NULL) AS failing, min("createdAt") AS oldest
			FROM "SearchOutbox" WHERE "processedAt" IS NULL`,
	])
	return {
		engine: engine.name,
		documents,
		pending: Number(outbox?.pending ?? 0),
		failing: Number(outbox?.failing ?? 0),
		oldestPending: outbox?.oldest?.toISOString() ?? null,
	}
}
