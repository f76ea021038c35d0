// The triggers that fill the webhook outbox, through the app's own write paths: the operator's
// review form, the models, the bulk API (as national databases push) and the deal pipeline; and
// the fan-out's audience rules (deal events to the two sides only, public filters, rollbacks).
import { RouterContextProvider } from 'react-router'
import { describe, expect, test, afterEach } from 'vitest'
import { openNda, startDeal } from '~/models/deal.server'
import { createOffer, submitOffer } from '~/models/offer.server'
import * as reviewItem from '~/routes/operator/review-item'
import * as taskResultsBulk from '~/routes/api/task-results-bulk'
import { useTestDatabase } from '../../tests/db'
import { actorFor, completeOffer, createOwner, createUser, makeRequest, signIn } from '../../tests/factories'
import { exchange, publishedDemand, publishedOffer } from '../../tests/search/helpers'
import { fanOutEvents } from './relay.server'
import { createWebhook } from './subscriptions.server'

const { prisma } = await useTestDatabase()

afterEach(async () => {
	await prisma.webhookSubscription.deleteMany()
	await prisma.webhookEvent.deleteMany()
})

const CONFIDENTIAL = 'Công thức men vi sinh: chủng Bacillus CN-07, ủ 42,5 °C trong 36 giờ'

async function subscribe(events: string[], extra: { fieldCodes?: string[]; provinceCode?: string | null; organisationId?: string; userId?: string } = {}) {
	const owner = extra.organisationId ? { user: { id: extra.userId! }, organisation: { id: extra.organisationId } } : await createOwner()
	const { webhook } = await createWebhook(owner.user.id, owner.organisation.id, {
		url: 'http://127.0.0.1:9/hook',
		description: '',
		events,
		fieldCodes: extra.fieldCodes ?? [],
		provinceCode: extra.provinceCode ?? null,
	})
	return webhook
}

const eventsOf = (type: string) => prisma.webhookEvent.findMany({ where: { type }, orderBy: { createdAt: 'asc' } })
const deliveredTo = async (webhookId: string) => (await prisma.webhookDelivery.findMany({ where: { subscriptionId: webhookId }, select: { eventId: true } })).map((d) => d.eventId)

describe('listing.published', () => {
	test('an operator approving an offer by the review form writes one event with the public data only', async () => {
		const hook = await subscribe(['listing.published'])
		const x = await exchange()
		const { id } = await createOffer(x.actor, x.organisationId, completeOffer({ confidential: CONFIDENTIAL, fieldCodes: ['405'], provinceCode: '96' }))
		await submitOffer(x.actor, id)
		expect(await eventsOf('listing.published')).toEqual([])

		const { cookie } = await signIn(x.operator.id)
		const request = makeRequest(`/operator/review/offer/${id}`, { cookie, form: { intent: 'approve' } })
		const response = await reviewItem.action({ request, params: { kind: 'offer', id }, context: new RouterContextProvider() } as never)
		expect((response as Response).status).toBe(302)

		const [event, ...more] = await eventsOf('listing.published')
		expect(more).toEqual([])
		expect(event!.payload).toMatchObject({
			id,
			kind: 'offer',
			title: completeOffer().title,
			fieldCodes: ['405'],
			province: { code: '96' },
			organisation: { id: x.organisationId },
			url: `/offers/${id}`,
			apiUrl: `/api/v1/offers/${id}`,
		})
		expect(JSON.stringify(event!.payload)).not.toContain('Bacillus')
		expect(event!.payload).not.toHaveProperty('confidential')
		expect(event!.fieldPaths).toEqual(expect.arrayContaining(['4', '405']))
		expect(event!.organisationIds).toEqual([])

		await fanOutEvents()
		expect(await deliveredTo(hook.id)).toEqual([event!.id])
	})

	test('drafts, submissions and edits of a published listing are not events; each publication of a demand is', async () => {
		await subscribe(['listing.published'])
		const x = await exchange()
		const { id } = await createOffer(x.actor, x.organisationId, completeOffer())
		await submitOffer(x.actor, id)
		expect(await eventsOf('listing.published')).toHaveLength(0)
		const demandId = await publishedDemand(x)
		expect((await eventsOf('listing.published')).map((e) => (e.payload as { id: string; kind: string }).kind)).toEqual(['demand'])
		// A title change on the published row, straight in the table, is not a publication.
		await prisma.demand.update({ where: { id: demandId }, data: { title: 'Cần công nghệ xử lý nước thải (bản sửa)' } })
		expect(await eventsOf('listing.published')).toHaveLength(1)
		// Archived, then published again: a second publication.
		await prisma.demand.update({ where: { id: demandId }, data: { status: 'ARCHIVED' } })
		await prisma.demand.update({ where: { id: demandId }, data: { status: 'PUBLISHED' } })
		expect(await eventsOf('listing.published')).toHaveLength(2)
	})

	test('with no subscription asking for it, nothing is written', async () => {
		await subscribe(['taskResult.added'])
		await publishedOffer(await exchange())
		expect(await prisma.webhookEvent.count()).toBe(0)
	})

	test("public events pass each subscription's field and province filters", async () => {
		const anyField = await subscribe(['listing.published'])
		const broadField = await subscribe(['listing.published'], { fieldCodes: ['4'] })
		const otherField = await subscribe(['listing.published'], { fieldCodes: ['1'] })
		const sameProvince = await subscribe(['listing.published'], { provinceCode: '96' })
		const otherProvince = await subscribe(['listing.published'], { provinceCode: '01' })
		await publishedOffer(await exchange(), { fieldCodes: ['405'], provinceCode: '96' })
		await fanOutEvents()
		const [event] = await eventsOf('listing.published')
		expect(await deliveredTo(anyField.id)).toEqual([event!.id])
		expect(await deliveredTo(broadField.id)).toEqual([event!.id])
		expect(await deliveredTo(sameProvince.id)).toEqual([event!.id])
		expect(await deliveredTo(otherField.id)).toEqual([])
		expect(await deliveredTo(otherProvince.id)).toEqual([])
	})

	test('a write that rolls back leaves no event', async () => {
		await subscribe(['listing.published'])
		const x = await exchange()
		const { id } = await createOffer(x.actor, x.organisationId, completeOffer())
		await expect(
			prisma.$transaction(async (tx) => {
				await tx.offer.update({ where: { id }, data: { status: 'PUBLISHED', publishedAt: new Date() } })
				expect(await tx.webhookEvent.count()).toBe(1)
				throw new Error('rolled back')
			}),
		).rejects.toThrow('rolled back')
		expect(await prisma.webhookEvent.count()).toBe(0)
	})
})

describe('taskResult.added', () => {
	test('a bulk push of task results writes one event per new result, and none for an unchanged re-send', async () => {
		const hook = await subscribe(['taskResult.added'])
		const operator = await createUser({ roles: ['MEMBER', 'OPERATOR'] })
		const { cookie } = await signIn(operator.id)
		const item = (n: number) => ({
			taskCode: `KC.08.${n}/21-25`,
			title: `Nghiên cứu chế phẩm sinh học xử lý rơm rạ số ${n}`,
			level: 'NATIONAL',
			hostName: 'Viện Môi trường Nông nghiệp',
			province: '01',
			fieldCodes: ['405'],
			registrationNumber: `2024-10-${n}/KQNC`,
		})
		const push = async (items: unknown[]) => {
			const request = new Request('http://localhost/api/v1/task-results/bulk', { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: JSON.stringify({ items }) })
			const response = await taskResultsBulk.action({ request, params: {}, context: new RouterContextProvider() } as never)
			expect(response.status).toBe(200)
		}
		await push([item(1), item(2)])
		const events = await eventsOf('taskResult.added')
		expect(events).toHaveLength(2)
		const titles = events.map((e) => (e.payload as { title: string }).title).sort()
		expect(titles).toEqual([item(1).title, item(2).title])
		expect(events[0]!.payload).toMatchObject({ level: 'NATIONAL', province: { code: '01' }, url: expect.stringMatching(/^\/task-results\//) })

		await push([item(1), item(2)])
		expect(await eventsOf('taskResult.added')).toHaveLength(2)
		await fanOutEvents()
		expect((await deliveredTo(hook.id)).sort()).toEqual(events.map((e) => e.id).sort())
	})
})

describe('deal.stageChanged', () => {
	test("a stage change is an event delivered to the buyer's and the seller's subscriptions only", async () => {
		const sellerSide = await exchange()
		const offerId = await publishedOffer(sellerSide, { confidential: CONFIDENTIAL })
		const buyerOwner = await createOwner({ type: 'ENTERPRISE' })
		const buyer = await actorFor(buyerOwner.user.id)
		const buyerHook = await subscribe(['deal.stageChanged'], { organisationId: buyerOwner.organisation.id, userId: buyerOwner.user.id })
		const sellerHook = await subscribe(['deal.stageChanged', 'listing.published'], { organisationId: sellerSide.organisationId, userId: sellerSide.owner.user.id })
		const outsiderHook = await subscribe(['deal.stageChanged', 'listing.published', 'taskResult.added'])

		const { id: dealId } = await startDeal(buyer, { from: 'offer', offerId, organisationId: buyerOwner.organisation.id, message: 'Chúng tôi quan tâm' })
		// Opening a deal is not a stage change.
		expect(await eventsOf('deal.stageChanged')).toEqual([])
		await openNda(sellerSide.actor, dealId)

		const [event, ...more] = await eventsOf('deal.stageChanged')
		expect(more).toEqual([])
		const deal = await prisma.deal.findUniqueOrThrow({ where: { id: dealId } })
		expect(event!.payload).toMatchObject({
			id: dealId,
			code: deal.code,
			title: deal.title,
			fromStage: 'INTEREST',
			toStage: 'NDA',
			at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
			buyer: { id: buyerOwner.organisation.id },
			seller: { id: sellerSide.organisationId },
			url: `/deals/${dealId}`,
		})
		expect(JSON.stringify(event!.payload)).not.toContain('Bacillus')
		expect(JSON.stringify(event!.payload)).not.toContain('Chúng tôi quan tâm')
		expect(event!.organisationIds.sort()).toEqual([buyerOwner.organisation.id, sellerSide.organisationId].sort())

		await fanOutEvents()
		expect(await deliveredTo(buyerHook.id)).toEqual([event!.id])
		expect(await deliveredTo(sellerHook.id)).toEqual([event!.id])
		expect(await deliveredTo(outsiderHook.id)).toEqual([])
	})

	test('a subscription created after an event does not receive it', async () => {
		const x = await exchange()
		const early = await subscribe(['listing.published'])
		await publishedOffer(x)
		const late = await subscribe(['listing.published'])
		await fanOutEvents()
		expect(await deliveredTo(early.id)).toHaveLength(1)
		expect(await deliveredTo(late.id)).toEqual([])
	})
})
