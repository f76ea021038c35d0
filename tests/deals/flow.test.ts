// The deal pipeline against a real database: who may move which stage, staged confidentiality in
// every place the offer is read, terms and milestones, a bank transfer confirmed once, closing.
import { RouterContextProvider } from 'react-router'
import { describe, expect, test } from 'vitest'
import { dealPage } from '~/deals/page.server'
import { TermsSchema } from '~/deals/terms-schema'
import { acceptNda, cancelDeal, closeDeal, confirmTransfer, DealError, openNda, proposeTerms, recordOutcome, signTerms, startDeal } from '~/models/deal.server'
import { getOffer } from '~/models/offer.server'
import { confirmBankTransfer, startPayment } from '~/models/payment.server'
import * as offerApi from '~/routes/api/offer'
import { drainOutbox } from '~/search/relay.server'
import { useTestDatabase } from '../db'
import { actorFor, createOwner, signIn } from '../factories'
import { exchange, publishedOffer } from '../search/helpers'

const { prisma } = await useTestDatabase()

const SECRET = 'Nhiệt độ ủ 42,5 °C trong 36 giờ, chủng Bacillus CN-07'

async function setting() {
	const sellerSide = await exchange()
	const offerId = await publishedOffer(sellerSide, { confidential: SECRET })
	const buyerOwner = await createOwner({ type: 'ENTERPRISE' })
	const buyer = await actorFor(buyerOwner.user.id)
	const outsiderOwner = await createOwner({ type: 'ENTERPRISE' })
	const outsider = await actorFor(outsiderOwner.user.id)
	return { seller: sellerSide.actor, operator: sellerSide.operator, offerId, buyer, buyerOrgId: buyerOwner.organisation.id, buyerUserId: buyerOwner.user.id, outsider }
}

async function refused(p: Promise<unknown>, key: string) {
	await expect(p).rejects.toSatisfy((e: unknown) => e instanceof DealError && e.key === key)
}

async function apiOffer(offerId: string, userId: string) {
	const { cookie } = await signIn(userId)
	const request = new Request(`http://localhost/api/v1/offers/${offerId}`, { headers: { Cookie: cookie } })
	const response = await offerApi.loader({ request, params: { id: offerId }, context: new RouterContextProvider() } as never)
	return ((await response.json()) as { data: Record<string, unknown> }).data
}

const terms = (price: string, amounts: string[]) => TermsSchema.parse({ transferMode: 'LICENSING', price, commissionKind: 'PERCENT', commissionPercent: '5', milestones: amounts.map((amount, i) => ({ title: `Đợt ${i + 1}`, amount })) })

describe('deals', () => {
	test('interest to closed: stages, confidentiality, terms, a bank transfer confirmed once', async () => {
		const s = await setting()
		const { id } = await startDeal(s.buyer, { from: 'offer', offerId: s.offerId, organisationId: s.buyerOrgId, message: 'Quan tâm' })
		expect((await prisma.deal.findUniqueOrThrow({ where: { id } })).stage).toBe('INTEREST')
		// The seller side is told; asking again returns the open deal instead of a second one.
		expect(await prisma.notification.count({ where: { kind: 'deal.started', link: `/deals/${id}` } })).toBeGreaterThan(0)
		await expect(startDeal(s.buyer, { from: 'offer', offerId: s.offerId, organisationId: s.buyerOrgId, message: '' })).rejects.toMatchObject({ key: 'deals.errors.alreadyOpen', dealId: id })

		// Only the seller side (or broker, operator) takes up the enquiry.
		await refused(openNda(s.buyer, id), 'deals.errors.notYourMove')
		await refused(openNda(s.outsider, id), 'deals.errors.notFound')
		expect(await dealPage(s.outsider, id)).toBeNull()
		await openNda(s.seller, id)
		await refused(openNda(s.seller, id), 'deals.errors.wrongStage')

		// Before both NDAs: the confidential section is absent for the buyer everywhere.
		const closedView = async () => {
			expect((await getOffer(s.offerId, s.buyer))?.offer.confidential).toBe('')
			expect(await apiOffer(s.offerId, s.buyerUserId)).not.toHaveProperty('confidential')
			expect((await dealPage(s.buyer, id))?.confidential).toBeNull()
		}
		await closedView()
		await refused(acceptNda(s.buyer, id, 99), 'deals.errors.ndaOutdated')
		await acceptNda(s.buyer, id, 1)
		await refused(acceptNda(s.buyer, id, 1), 'deals.errors.ndaAlreadyAccepted')
		await closedView()
		expect((await prisma.deal.findUniqueOrThrow({ where: { id } })).stage).toBe('NDA')
		await acceptNda(s.seller, id, 1)
		// Both accepted: the platform moves the deal on, and the buyer reads the section.
		expect((await prisma.deal.findUniqueOrThrow({ where: { id } })).stage).toBe('NEGOTIATION')
		const acceptance = await prisma.ndaAcceptance.findFirstOrThrow({ where: { dealId: id, organisationId: s.buyerOrgId } })
		expect(acceptance).toMatchObject({ userId: s.buyer.id, templateVersion: 1 })
		expect((await getOffer(s.offerId, s.buyer))?.offer.confidential).toBe(SECRET)
		expect((await apiOffer(s.offerId, s.buyerUserId)).confidential).toBe(SECRET)
		expect((await dealPage(s.buyer, id))?.confidential).toBe(SECRET)
		// Never for an outsider, never in the search index, notifications or e-mails.
		expect((await getOffer(s.offerId, s.outsider))?.offer.confidential).toBe('')
		await drainOutbox()
		const leaks = await prisma.$queryRaw<Array<{ n: bigint }>>`
			SELECT (SELECT count(*) FROM "SearchDocument" WHERE body::text LIKE ${'%Bacillus%'} OR title LIKE ${'%Bacillus%'} OR summary LIKE ${'%Bacillus%'})
				+ (SELECT count(*) FROM "Notification" WHERE params::text LIKE ${'%Bacillus%'})
				+ (SELECT count(*) FROM "Job" WHERE payload::text LIKE ${'%Bacillus%'}) AS n`
		expect(Number(leaks[0]!.n)).toBe(0)

		// Terms: versions, signatures of the latest only, milestones made on both signatures.
		await refused(signTerms(s.buyer, id, 1), 'deals.errors.noTerms')
		await proposeTerms(s.seller, id, terms('130000', ['60000', '70000']))
		await proposeTerms(s.buyer, id, terms('130000', ['65000', '65000']))
		await refused(signTerms(s.buyer, id, 1), 'deals.errors.termsChanged')
		await signTerms(s.buyer, id, 2)
		await refused(signTerms(s.buyer, id, 2), 'deals.errors.alreadySigned')
		expect(await prisma.dealMilestone.count({ where: { dealId: id } })).toBe(0)
		await signTerms(s.seller, id, 2)
		const agreed = await prisma.deal.findUniqueOrThrow({ where: { id }, include: { milestones: { orderBy: { position: 'asc' } } } })
		expect(agreed.stage).toBe('AGREEMENT')
		expect(agreed.outcomeValue).toBe(130000n)
		expect(agreed.milestones.map((m) => m.amount)).toEqual([65000n, 65000n])

		// Paying: only the buyer; a second click reuses the pending payment and its reference.
		const [first, second] = agreed.milestones
		const pay = (actor: typeof s.buyer, milestoneId: string) =>
			startPayment(actor, { dealId: id, milestoneId, provider: 'BANK_TRANSFER', successUrl: 'http://x/ok', cancelUrl: 'http://x/no', locale: 'vi' })
		await refused(pay(s.seller, first!.id), 'deals.errors.notYourMove')
		const started = await pay(s.buyer, first!.id)
		expect(started.instructions?.kind).toBe('bank-transfer')
		expect((await pay(s.buyer, first!.id)).paymentId).toBe(started.paymentId)
		const payment = await prisma.payment.findUniqueOrThrow({ where: { id: started.paymentId } })
		// 2% platform fee (the default) and the agreed 5% commission, the rest to the seller.
		expect(payment).toMatchObject({ amount: 65000n, platformFee: 1300n, brokerShare: 3250n, sellerNet: 60450n, status: 'PENDING' })
		expect(payment.reference).toMatch(/^CN[0-9A-Z]{8}$/)
		if (started.instructions?.kind === 'bank-transfer') expect(started.instructions.payload).toContain(payment.reference)

		// Only an operator confirms; confirming twice pays the milestone once.
		await refused(confirmBankTransfer(s.buyer, payment.id, null), 'deals.errors.notYourMove')
		expect((await confirmBankTransfer(s.operator, payment.id, 'FT2634')).outcome).toBe('applied')
		await refused(confirmBankTransfer(s.operator, payment.id, null), 'deals.payments.errors.alreadyPaid')
		expect((await prisma.deal.findUniqueOrThrow({ where: { id } })).stage).toBe('PAYMENT')
		expect(await prisma.dealMilestone.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({ status: 'PAID', paidPaymentId: payment.id })

		// Transfer confirmed by the buyer; closing waits for the last milestone.
		await refused(confirmTransfer(s.seller, id), 'deals.errors.notYourMove')
		await confirmTransfer(s.buyer, id)
		await refused(closeDeal(s.seller, id), 'deals.errors.unpaidMilestones')
		const last = await pay(s.buyer, second!.id)
		await confirmBankTransfer(s.operator, last.paymentId, null)
		await closeDeal(s.seller, id)
		const closed = await prisma.deal.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { createdAt: 'asc' } } } })
		expect(closed).toMatchObject({ stage: 'CLOSED', openKey: null })
		expect(closed.closedAt).not.toBeNull()
		const stages = closed.events.filter((e) => e.kind === 'stage').map((e) => `${e.fromStage}>${e.toStage}`)
		expect(stages).toEqual(['INTEREST>NDA', 'NDA>NEGOTIATION', 'NEGOTIATION>AGREEMENT', 'AGREEMENT>PAYMENT', 'PAYMENT>TRANSFERRED', 'TRANSFERRED>CLOSED'])
		// Every change is attributed (the automatic moves to the platform: actor null).
		expect(closed.events.filter((e) => e.kind === 'stage' && e.actorId === null).map((e) => e.toStage)).toEqual(['NEGOTIATION', 'PAYMENT'])
		await refused(cancelDeal(s.buyer, id, 'quá muộn'), 'deals.errors.finished')
		// Closed, the pair of sides may start another deal on the same offer.
		await expect(startDeal(s.buyer, { from: 'offer', offerId: s.offerId, organisationId: s.buyerOrgId, message: '' })).resolves.toHaveProperty('id')
	})

	test('terms that do not add up, or fees above a milestone, are refused with their reason', async () => {
		expect(TermsSchema.safeParse({ transferMode: 'LICENSING', price: '100', milestones: [{ title: 'A', amount: '60' }] }).error?.issues[0]?.message).toBe('deals.errors.milestonesSum')
		expect(TermsSchema.safeParse({ transferMode: 'LICENSING', price: '1.500.000', milestones: [{ title: 'A', amount: '1 500 000' }] }).success).toBe(true)
		expect(TermsSchema.safeParse({ transferMode: 'X', price: '1', milestones: [] }).success).toBe(false)
		const s = await setting()
		const { id } = await startDeal(s.buyer, { from: 'offer', offerId: s.offerId, organisationId: s.buyerOrgId, message: '' })
		await openNda(s.seller, id)
		await acceptNda(s.buyer, id, 1)
		await acceptNda(s.seller, id, 1)
		const greedy = TermsSchema.parse({ transferMode: 'LICENSING', price: '1000', commissionKind: 'FIXED', commissionFixed: '1000', milestones: [{ title: 'A', amount: '1000' }] })
		await refused(proposeTerms(s.seller, id, greedy), 'deals.errors.commissionTooHigh')
		expect(await prisma.dealAgreement.count({ where: { dealId: id } })).toBe(0)
	})

	test('cancel needs a reason and closes access; an off-platform outcome is recorded', async () => {
		const s = await setting()
		const { id } = await startDeal(s.buyer, { from: 'offer', offerId: s.offerId, organisationId: s.buyerOrgId, message: '' })
		await openNda(s.seller, id)
		await acceptNda(s.buyer, id, 1)
		await acceptNda(s.seller, id, 1)
		expect((await getOffer(s.offerId, s.buyer))?.offer.confidential).toBe(SECRET)
		await refused(cancelDeal(s.buyer, id, '  '), 'deals.errors.reasonRequired')
		await refused(cancelDeal(s.outsider, id, 'không phù hợp'), 'deals.errors.notFound')
		await cancelDeal(s.buyer, id, 'Giá vượt ngân sách')
		expect(await prisma.deal.findUniqueOrThrow({ where: { id } })).toMatchObject({ stage: 'CANCELLED', cancelReason: 'Giá vượt ngân sách', openKey: null })
		expect((await getOffer(s.offerId, s.buyer))?.offer.confidential).toBe('')

		const again = await startDeal(s.buyer, { from: 'offer', offerId: s.offerId, organisationId: s.buyerOrgId, message: '' })
		await recordOutcome(s.seller, again.id, { value: 750_000_000n, mode: 'ASSIGNMENT', date: new Date('2026-11-20T05:00:00Z') })
		expect(await prisma.deal.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({ stage: 'CLOSED', offPlatform: true, outcomeValue: 750_000_000n, outcomeMode: 'ASSIGNMENT' })
		await refused(recordOutcome(s.seller, id, { value: 1n, mode: 'ASSIGNMENT', date: new Date() }), 'deals.errors.finished')
	})

	test('a deal cannot be opened with oneself or on an unpublished listing', async () => {
		const s = await setting()
		await refused(startDeal(s.seller, { from: 'offer', offerId: s.offerId, organisationId: s.seller.memberships[0]!.organisation.id, message: '' }), 'deals.errors.sameOrganisation')
		await refused(startDeal(s.buyer, { from: 'offer', offerId: 'nope', organisationId: s.buyerOrgId, message: '' }), 'deals.errors.listingNotFound')
		await refused(startDeal(s.buyer, { from: 'offer', offerId: s.offerId, organisationId: 'not-mine', message: '' }), 'deals.errors.notMember')
	})
})
