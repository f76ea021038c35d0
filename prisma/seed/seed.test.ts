import { describe, expect, test } from 'vitest'
import { listDemands } from '~/models/demand.server'
import { pendingColumns } from '~/models/listing.server'
import { parseListingFilters } from '~/models/listing-query.server'
import { listOffers } from '~/models/offer.server'
import { useTestDatabase } from '../../tests/db'
import { demoOrganisations, demoUsers } from './demo-data'
import { DEMO_RESEARCH, generateResearch } from './demo-research'
import { DEMO_LISTINGS, newId, seedDemo } from './seed'

const { url, prisma } = await useTestDatabase()

async function snapshot() {
	const [organisations, users, offers, demands, events, taskResults, experts, publications, expertTasks, offerLinks] = await Promise.all([
		prisma.organisation.count(),
		prisma.user.count(),
		prisma.offer.count(),
		prisma.demand.count(),
		prisma.listingEvent.count(),
		prisma.taskResult.count(),
		prisma.expert.count(),
		prisma.expertPublication.count(),
		prisma.expertTask.count(),
		prisma.offerTaskResult.count(),
	])
	return { organisations, users, offers, demands, events, taskResults, experts, publications, expertTasks, offerLinks }
}

describe('seedDemo', () => {
	test('on a fresh database creates organisations, users, the listing floor, task results and experts; a second run creates nothing', async () => {
		const first = await seedDemo(url)
		const research = generateResearch()
		expect(first.created).toEqual({
			organisations: demoOrganisations.length,
			users: demoUsers.length,
			offers: DEMO_LISTINGS.offers,
			demands: DEMO_LISTINGS.demands,
			taskResults: DEMO_RESEARCH.taskResults,
			experts: research.experts.length,
			offerLinks: DEMO_RESEARCH.offerLinks,
		})

		const after = await snapshot()
		expect(after).toMatchObject({ offers: DEMO_LISTINGS.offers, demands: DEMO_LISTINGS.demands, taskResults: DEMO_RESEARCH.taskResults, experts: research.experts.length, offerLinks: DEMO_RESEARCH.offerLinks })
		const published = (await prisma.offer.count({ where: { status: 'PUBLISHED' } })) + (await prisma.demand.count({ where: { status: 'PUBLISHED' } }))
		expect(after.events).toBe(published)
		expect(await prisma.listingEvent.count({ where: { event: 'published', processedAt: null } })).toBe(published)

		// Posted and contacted by active members of the owning organisation.
		const strangers = await prisma.$queryRaw<Array<{ n: bigint }>>`
			SELECT count(*) AS n FROM (
				SELECT "organisationId", "createdById" AS u FROM "Offer" UNION ALL SELECT "organisationId", "contactUserId" FROM "Offer"
				UNION ALL SELECT "organisationId", "createdById" FROM "Demand" UNION ALL SELECT "organisationId", "contactUserId" FROM "Demand"
			) l
			WHERE NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."organisationId" = l."organisationId" AND m."userId" = l.u AND m.status = 'ACTIVE')`
		expect(Number(strangers[0]?.n)).toBe(0)

		// The operators' queue has about ten items.
		const queue = await prisma.offer.count({ where: { OR: [{ status: 'SUBMITTED' }, { status: 'PUBLISHED', pendingSince: { not: null } }] } }) + (await prisma.demand.count({ where: { status: 'SUBMITTED' } }))
		expect(queue).toBeGreaterThanOrEqual(8)
		expect(queue).toBeLessThanOrEqual(14)

		// Pending edits read back through the lifecycle's own decoder.
		const pending = await prisma.offer.findFirst({ where: { pendingChanges: { not: { equals: null } } }, select: { pendingChanges: true } })
		expect(Object.keys(pendingColumns(pending ?? { pendingChanges: null })).length).toBeGreaterThan(0)

		// The public lists show them, and the field filter finds narrow codes under a broad one.
		const list = await listOffers(parseListingFilters(new URLSearchParams()))
		expect(list.total).toBe(await prisma.offer.count({ where: { status: 'PUBLISHED' } }))
		expect(list.items).toHaveLength(20)
		const agriculture = await listOffers(parseListingFilters(new URLSearchParams({ field: '4', sort: 'price-asc' })))
		expect(agriculture.total).toBeGreaterThan(0)
		expect(agriculture.items.every((i) => i.fieldCodes.some((c) => c.startsWith('4')))).toBe(true)
		expect((await listDemands(parseListingFilters(new URLSearchParams()))).total).toBeGreaterThan(100)

		const second = await seedDemo(url)
		expect(second.created).toEqual({ organisations: 0, users: 0, offers: 0, demands: 0, taskResults: 0, experts: 0, offerLinks: 0 })
		expect(await snapshot()).toEqual(after)
	})
})

describe('newId', () => {
	test('looks like a cuid and does not repeat', () => {
		const ids = Array.from({ length: 1000 }, newId)
		for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/)
		expect(new Set(ids).size).toBe(ids.length)
	})
})
