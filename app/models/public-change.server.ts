// The public change feed's rows (GET /api/v1/changes; docs/decisions/013-open-data.md). Triggers
// write them (prisma/migrations/*_public_changes); this module reads them in order and compacts them.
import type { SearchKind } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'

export type ChangeCursor = { txid: bigint; id: bigint }

export type PublicChangeRow = { id: bigint; txid: bigint; kind: SearchKind; entityId: string; at: Date }

// "<transaction id>-<row id>": opaque to clients, digits only, so it needs no escaping in a URL.
const CURSOR = /^(\d{1,19})-(\d{1,19})$/
const MAX_BIGINT = 2n ** 63n - 1n

/** The cursor a client sent, or null when it is not one this API gave out. */
export function parseCursor(raw: string): ChangeCursor | null {
	const found = CURSOR.exec(raw.trim())
	if (!found) return null
	const txid = BigInt(found[1]!)
	const id = BigInt(found[2]!)
	return txid <= MAX_BIGINT && id <= MAX_BIGINT ? { txid, id } : null
}

export const formatCursor = (cursor: ChangeCursor) => `${cursor.txid}-${cursor.id}`

/**
 * Up to `limit` changes after `since` (from the start when null), in (transaction, row) order,
 * and whether more follow. Only changes of transactions older than every transaction still running
 * are served: those rows are final (nothing can commit below them any more), so a cursor never
 * passes a change that was written earlier but committed later. A long transaction holds the feed
 * back until it ends; nothing is lost meanwhile.
 */
export async function readChanges(since: ChangeCursor | null, limit: number): Promise<{ rows: PublicChangeRow[]; hasMore: boolean }> {
	const after = since ?? { txid: -1n, id: -1n }
	const rows = await prisma.$queryRaw<PublicChangeRow[]>`
		SELECT id, txid, kind, "entityId", at FROM "PublicChange"
		WHERE (txid, id) > (${after.txid}::bigint, ${after.id}::bigint)
			AND txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
		ORDER BY txid, id
		LIMIT ${limit + 1}`
	return { rows: rows.slice(0, limit), hasMore: rows.length > limit }
}

/**
 * Deletes every change that a later, already served change of the same entity repeats. A feed entry
 * carries the entity as it is when read, so the latest change of each entity is all a mirror needs,
 * whether it reads from the start or from any cursor. Returns the number of rows removed.
 */
export async function compactChanges(): Promise<number> {
	return prisma.$executeRaw`
		DELETE FROM "PublicChange" older
		USING "PublicChange" newer
		WHERE newer.kind = older.kind AND newer."entityId" = older."entityId"
			AND (newer.txid, newer.id) > (older.txid, older.id)
			AND newer.txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`
}
