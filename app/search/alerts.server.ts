// Saved-search alerts. A listing is reported to a saved search at most once: the hit row
// (savedSearchId, documentId) is inserted in the same transaction as the notification, and only
// a newly inserted hit notifies. Instant alerts run when the relay has indexed a listing; digests
// run periodically over what was published since the last one.
import { notify } from '~/models/notification.server'
import { prisma } from '~/utils/db.server'
import { logger } from '~/utils/logger.server'
import { inTransaction } from '~/utils/transaction.server'
import { searchEngine } from './engine.server'
import { plain } from './highlight'
import { readSearchParams, toSearchRequest } from './request'
import { ALERTING_TYPES, type SearchHit, type SearchRequest } from './types'

type Saved = { id: string; userId: string; name: string; query: string; channel: 'BOTH' | 'IN_APP' | 'EMAIL' | 'NONE'; createdAt: Date; lastAlertAt: Date | null }

/** The saved search as a request over listings only (task results and experts do not alert). */
function alertRequest(saved: Saved): SearchRequest | null {
	const { params } = readSearchParams(new URLSearchParams(saved.query))
	const request = toSearchRequest({ ...params, page: 1, sort: 'newest' }, 100)
	const types = (request.types?.length ? request.types : ALERTING_TYPES).filter((t) => ALERTING_TYPES.includes(t))
	if (types.length === 0) return null
	return { ...request, types, facets: false }
}

const link = (hit: SearchHit) => `/${hit.type}s/${hit.entityId}`

async function record(saved: Saved, hits: SearchHit[], { digest }: { digest: boolean }) {
	return inTransaction(async (unit) => {
		const fresh: SearchHit[] = []
		for (const hit of hits) {
			const inserted = await unit.tx.$executeRaw`
				INSERT INTO "SavedSearchHit" ("savedSearchId", "documentId") VALUES (${saved.id}, ${hit.id})
				ON CONFLICT DO NOTHING`
			if (inserted > 0) fresh.push(hit)
		}
		if (digest) await unit.tx.savedSearch.update({ where: { id: saved.id }, data: { lastAlertAt: new Date() } })
		if (fresh.length === 0) return 0
		const channel = saved.channel === 'NONE' ? undefined : saved.channel
		const newest = fresh[0]!
		if (fresh.length === 1) {
			await notify(unit, { userId: saved.userId, kind: 'search.match', params: { name: saved.name, title: plain(newest.title) }, link: link(newest), channel })
		} else {
			await notify(unit, {
				userId: saved.userId,
				kind: 'search.digest',
				params: { name: saved.name, title: plain(newest.title), count: fresh.length },
				link: `/search?${saved.query}`,
				channel,
			})
		}
		return fresh.length
	})
}

/** Instant alerts for listings that have just been indexed; returns how many hits were new. */
export async function runInstantAlerts(documentIds: string[]) {
	if (documentIds.length === 0) return 0
	const saved = await prisma.savedSearch.findMany({
		where: { frequency: 'INSTANT', user: { disabledAt: null } },
		select: { id: true, userId: true, name: true, query: true, channel: true, createdAt: true, lastAlertAt: true },
	})
	let total = 0
	for (const s of saved) {
		const request = alertRequest(s)
		if (!request) continue
		// Only listings published since the search was saved are news to its owner.
		const result = await searchEngine().search({ ...request, ids: documentIds, publishedSince: s.createdAt })
		if (result.hits.length > 0) total += await record(s, result.hits, { digest: false })
	}
	return total
}

const PERIOD_MS = { DAILY: 24 * 60 * 60_000, WEEKLY: 7 * 24 * 60 * 60_000 } as const

/** Daily and weekly digests that are due at `now`; returns how many hits were new. */
export async function runDigests(now = new Date()) {
	let total = 0
	for (const frequency of ['DAILY', 'WEEKLY'] as const) {
		const due = new Date(now.getTime() - PERIOD_MS[frequency])
		const saved = await prisma.savedSearch.findMany({
			where: { frequency, user: { disabledAt: null }, OR: [{ lastAlertAt: null }, { lastAlertAt: { lte: due } }] },
			select: { id: true, userId: true, name: true, query: true, channel: true, createdAt: true, lastAlertAt: true },
		})
		for (const s of saved) {
			const request = alertRequest(s)
			if (!request) {
				await prisma.savedSearch.update({ where: { id: s.id }, data: { lastAlertAt: now } })
				continue
			}
			try {
				const result = await searchEngine().search({ ...request, publishedSince: s.lastAlertAt ?? s.createdAt })
				total += await record(s, result.hits, { digest: true })
			} catch (error) {
				// One search failing (the engine is down) leaves it due for the next run; the rest go on.
				logger.warn({ err: error, savedSearchId: s.id }, 'saved-search digest failed')
			}
		}
	}
	return total
}
