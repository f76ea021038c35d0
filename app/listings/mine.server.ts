import { z } from 'zod'
import { LISTING_STATUSES, type ListingKind, type ListingStatusValue } from '~/models/listing-schema'
import { prisma } from '~/utils/db.server'

const StatusFilter = z.enum(LISTING_STATUSES).optional().catch(undefined)

const select = {
	id: true,
	title: true,
	status: true,
	pendingSince: true,
	pendingChanges: true,
	returnReason: true,
	publishedAt: true,
	expiresAt: true,
	viewCount: true,
	updatedAt: true,
	organisation: { select: { name: true, slug: true } },
} as const

/** The listings of the user's organisations, both kinds, newest change first, with counts per status for the tabs. */
export async function myListings(organisationIds: string[], search: URLSearchParams) {
	const status = StatusFilter.parse(search.get('status') ?? undefined)
	const where = { organisationId: { in: organisationIds }, ...(status ? { status } : {}) }
	const [offers, demands, offerCounts, demandCounts] = await Promise.all([
		prisma.offer.findMany({ where, select, orderBy: { updatedAt: 'desc' }, take: 200 }),
		prisma.demand.findMany({ where, select, orderBy: { updatedAt: 'desc' }, take: 200 }),
		prisma.offer.groupBy({ by: ['status'], where: { organisationId: { in: organisationIds } }, _count: true }),
		prisma.demand.groupBy({ by: ['status'], where: { organisationId: { in: organisationIds } }, _count: true }),
	])
	const counts = Object.fromEntries(LISTING_STATUSES.map((s) => [s, 0])) as Record<ListingStatusValue, number>
	for (const row of [...offerCounts, ...demandCounts]) counts[row.status] += row._count
	const items = [
		...offers.map((o) => ({ ...o, kind: 'offer' as ListingKind, pendingChanges: undefined, pending: pendingState(o) })),
		...demands.map((d) => ({ ...d, kind: 'demand' as ListingKind, pendingChanges: undefined, pending: pendingState(d) })),
	].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
	return { status: status ?? null, counts, items }
}

function pendingState(row: { pendingChanges: unknown; pendingSince: Date | null }) {
	return row.pendingChanges ? (row.pendingSince ? ('review' as const) : ('returned' as const)) : null
}
