// GET /api/v1/changes: every create, update and removal of public data, in order, so a national or
// provincial database can mirror the exchange incrementally (docs/decisions/013-open-data.md).
import { z } from 'zod'
import type { SearchKind } from '~/generated/prisma/client'
import { formatCursor, parseCursor, readChanges, type PublicChangeRow } from '~/models/public-change.server'
import { clientIp } from '~/utils/http.server'
import { consume } from '~/utils/rate-limit.server'
import { msg } from '~/utils/validation'
import { getApiPrincipal } from './auth.server'
import { apiRoute } from './handler.server'
import { publicListingResource } from './listings.server'
import { publicExpertResource, publicTaskResultResource } from './research.server'
import { apiJson } from './responses.server'
import { parseQuery } from './validation.server'

export const CHANGES_DEFAULT_LIMIT = 100
export const CHANGES_MAX_LIMIT = 500

export const CHANGE_TYPES = { OFFER: 'offer', DEMAND: 'demand', TASK_RESULT: 'taskResult', EXPERT: 'expert' } as const satisfies Record<SearchKind, string>

export const ChangesQuery = z.object({
	since: z
		.string()
		.transform((raw, ctx) => {
			if (raw.trim() === '') return null
			const cursor = parseCursor(raw)
			if (!cursor) ctx.addIssue({ code: 'custom', message: msg('api.changes.badCursor') })
			return cursor
		})
		.optional(),
	limit: z.coerce
		.number({ error: msg('api.errors.notPositiveInteger') })
		.int({ error: msg('api.errors.notPositiveInteger') })
		.min(1, { error: msg('api.errors.notPositiveInteger') })
		.transform((n) => Math.min(n, CHANGES_MAX_LIMIT))
		.default(CHANGES_DEFAULT_LIMIT),
})

// Counters and touch times move without a change anyone mirrors (a page view, a save that changed
// nothing public): they are left out of feed entries, so an entry and the data never disagree.
const VOLATILE = ['viewCount', 'updatedAt'] as const

function withoutVolatile(resource: unknown) {
	if (!resource || typeof resource !== 'object') return null
	const copy = { ...(resource as Record<string, unknown>) }
	for (const key of VOLATILE) delete copy[key]
	return copy
}

/** An entity's public resource as a feed entry carries it, or null when it is not public (any more). */
async function feedResource(kind: SearchKind, id: string): Promise<Record<string, unknown> | null> {
	switch (kind) {
		case 'OFFER':
			return withoutVolatile(await publicListingResource('offer', id))
		case 'DEMAND':
			return withoutVolatile(await publicListingResource('demand', id))
		case 'TASK_RESULT':
			return withoutVolatile(await publicTaskResultResource(id))
		case 'EXPERT':
			return withoutVolatile(await publicExpertResource(id))
	}
}

const entityKey = (row: PublicChangeRow) => `${row.kind}:${row.entityId}`

// Each entity of a page is loaded once, a few at a time (the pool is shared with every request).
async function resourcesOf(rows: PublicChangeRow[]) {
	const entities = [...new Map(rows.map((row) => [entityKey(row), row])).values()]
	const resources = new Map<string, Record<string, unknown> | null>()
	for (let i = 0; i < entities.length; i += 8) {
		await Promise.all(entities.slice(i, i + 8).map(async (row) => resources.set(entityKey(row), await feedResource(row.kind, row.entityId))))
	}
	return resources
}

/** GET /changes?since=&limit= */
export function changesApi() {
	return apiRoute({
		GET: async ({ request, url }) => {
			// Anyone may read it; callers without credentials share a budget per address, keys and people do not.
			if (!(await getApiPrincipal(request))) await consume('changesIp', clientIp(request))
			const query = await parseQuery(url, ChangesQuery)
			const since = query.since ?? null
			const { rows, hasMore } = await readChanges(since, query.limit)
			const resources = await resourcesOf(rows)
			const data = rows.map((row) => {
				const resource = resources.get(entityKey(row)) ?? null
				return {
					cursor: formatCursor(row),
					type: CHANGE_TYPES[row.kind],
					id: row.entityId,
					action: resource ? 'upsert' : 'delete',
					changedAt: row.at.toISOString(),
					resource,
				}
			})
			const last = rows.at(-1)
			const cursor = last ? formatCursor(last) : since ? formatCursor(since) : null
			const next = new URL(url)
			if (cursor) next.searchParams.set('since', cursor)
			return apiJson({ data, meta: { cursor, hasMore, limit: query.limit }, links: { self: url.pathname + url.search, next: next.pathname + next.search } })
		},
	})
}
