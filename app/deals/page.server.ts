import { availableActions, confidentialOpen, OPEN_STAGES, type DealStage } from '~/deals/pipeline'
import { readMilestones } from '~/deals/terms-schema'
import type { Prisma } from '~/generated/prisma/client'
import { currentNdaTemplate, dealFacts, dealRoles, type DealActor } from '~/models/deal.server'
import { bankInstructions } from '~/models/payment.server'
import { qrSvg } from '~/payments/qr-image.server'
import { availableProviders } from '~/payments/providers.server'
import { hasRole } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'

// What the deal pages read. Every read starts from the person's role on the deal: a deal that is
// not theirs does not exist for them, and the offer's confidential section is read only when the
// NDA is accepted by both sides and the reader is on the buyer's side (or the seller's own).

/** On a published listing's page: the viewer's open deal about it, or whether they may start one. */
export async function dealEntry(user: DealActor, kind: 'offer' | 'demand', listingId: string) {
	const orgIds = user.memberships.map((m) => m.organisation.id)
	if (orgIds.length === 0) return null
	const open = await prisma.deal.findFirst({
		where: { [kind === 'offer' ? 'offerId' : 'demandId']: listingId, stage: { in: [...OPEN_STAGES] }, OR: [{ buyerOrgId: { in: orgIds } }, { sellerOrgId: { in: orgIds } }] },
		select: { id: true },
		orderBy: { createdAt: 'desc' },
	})
	return { canStart: !open, openDealId: open?.id ?? null }
}

/** A deal as lists show it. */
export const dealListSelect = {
	id: true,
	code: true,
	title: true,
	stage: true,
	stageChangedAt: true,
	offPlatform: true,
	outcomeValue: true,
	buyerOrg: { select: { id: true, name: true, slug: true } },
	sellerOrg: { select: { id: true, name: true, slug: true } },
	broker: { select: { id: true, name: true } },
} as const satisfies Prisma.DealSelect

/** The deals of the user's organisations (and those they broker), newest change first, by stage. */
export async function listMyDeals(user: DealActor, stage: DealStage | null) {
	const orgIds = user.memberships.map((m) => m.organisation.id)
	const where: Prisma.DealWhereInput = { OR: [{ buyerOrgId: { in: orgIds } }, { sellerOrgId: { in: orgIds } }, { brokerId: user.id }], ...(stage ? { stage } : {}) }
	const [items, counts] = await Promise.all([
		prisma.deal.findMany({ where, select: dealListSelect, orderBy: { stageChangedAt: 'desc' }, take: 200 }),
		prisma.deal.groupBy({ by: ['stage'], where: { OR: where.OR }, _count: { _all: true } }),
	])
	return { items, counts: Object.fromEntries(counts.map((c) => [c.stage, c._count._all])) as Partial<Record<DealStage, number>> }
}

/**
 * The board for brokers and operators: open deals by stage. A broker sees the deals they broker
 * and the unassigned ones they may claim; an operator sees every open deal.
 */
export async function dealBoard(user: DealActor) {
	const operator = hasRole(user, 'OPERATOR', 'ADMIN')
	const where: Prisma.DealWhereInput = { stage: { in: [...OPEN_STAGES] }, ...(operator ? {} : { OR: [{ brokerId: user.id }, { brokerId: null }] }) }
	const items = await prisma.deal.findMany({ where, select: dealListSelect, orderBy: { stageChangedAt: 'desc' }, take: 500 })
	return OPEN_STAGES.map((stage) => ({ stage, items: items.filter((d) => d.stage === stage) }))
}

/** Everything the deal page shows, or null when the deal is not the user's to see. */
export async function dealPage(user: DealActor, dealId: string) {
	const deal = await prisma.deal.findUnique({
		where: { id: dealId },
		select: {
			...dealListSelect,
			message: true,
			cancelReason: true,
			outcomeMode: true,
			outcomeDate: true,
			createdAt: true,
			closedAt: true,
			brokerId: true,
			buyerOrgId: true,
			sellerOrgId: true,
			version: true,
			matchId: true,
			buyerOrg: { select: { id: true, name: true, slug: true, taxCode: true, address: true } },
			sellerOrg: { select: { id: true, name: true, slug: true, taxCode: true, address: true } },
			offer: { select: { id: true, title: true, confidential: true, organisationId: true } },
			demand: { select: { id: true, title: true } },
			events: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, fromStage: true, toStage: true, data: true, createdAt: true, actor: { select: { name: true } } } },
			ndas: { select: { organisationId: true, templateVersion: true, acceptedAt: true, user: { select: { name: true } } } },
			agreements: { orderBy: { version: 'desc' } },
			milestones: { orderBy: { position: 'asc' } },
			payments: { orderBy: { createdAt: 'desc' } },
		},
	})
	if (!deal) return null
	const roles = dealRoles(user, deal)
	const isBrokerUser = hasRole(user, 'BROKER', 'ADMIN')
	// A broker may look at an unassigned open deal to decide whether to claim it.
	const mayLook = roles.length > 0 || (isBrokerUser && !deal.brokerId && (OPEN_STAGES as readonly string[]).includes(deal.stage))
	if (!mayLook) return null
	const facts = await dealFacts(prisma, deal)
	const actions = availableActions(roles, facts).filter((a) => a !== 'claimBroker' || isBrokerUser)
	const template = facts.stage === 'NDA' ? await currentNdaTemplate(prisma) : null
	const sellerSide = roles.includes('seller') || roles.includes('operator')
	const showConfidential = Boolean(deal.offer?.confidential) && (sellerSide || (roles.includes('buyer') && confidentialOpen(facts.ndaAccepted, deal.stage)))
	const current = deal.agreements.find((a) => !a.supersededAt) ?? null
	const pendingBank = deal.payments.find((p) => p.provider === 'BANK_TRANSFER' && p.status === 'PENDING') ?? null
	return {
		deal: { ...deal, offer: deal.offer ? { id: deal.offer.id, title: deal.offer.title } : null },
		roles,
		facts,
		actions,
		ndaTemplate: template,
		confidential: showConfidential ? deal.offer!.confidential : null,
		agreement: current ? { ...current, proposedMilestones: readMilestones(current.milestones) } : null,
		history: deal.agreements.filter((a) => a !== current).map((a) => ({ version: a.version, createdAt: a.createdAt, priceVnd: a.priceVnd })),
		providers: availableProviders(),
		pendingBank,
	}
}

export type DealPageData = NonNullable<Awaited<ReturnType<typeof dealPage>>>

/** The payment page: how to pay a pending payment (QR and text), or its state. */
export async function paymentPage(user: DealActor, dealId: string, paymentId: string) {
	const payment = await prisma.payment.findFirst({
		where: { id: paymentId, dealId },
		include: { milestone: { select: { title: true, position: true, dueDate: true, deliverable: true } }, deal: { select: { id: true, code: true, title: true, buyerOrgId: true, sellerOrgId: true, brokerId: true } } },
	})
	if (!payment) return null
	const roles = dealRoles(user, payment.deal)
	if (roles.length === 0) return null
	let bank: { payload: string; svg: string; bankBin: string; accountNumber: string; accountName: string; demo: boolean } | null = null
	if (payment.provider === 'BANK_TRANSFER' && payment.status === 'PENDING') {
		const instructions = await bankInstructions(payment, payment.deal, payment.milestone.title)
		if (instructions?.kind === 'bank-transfer') bank = { ...instructions, svg: await qrSvg(instructions.payload) }
	}
	return { payment, roles, bank }
}

/** Users an operator can put on a deal as its broker. */
export function listBrokers() {
	return prisma.user.findMany({ where: { disabledAt: null, roles: { hasSome: ['BROKER'] } }, select: { id: true, name: true }, orderBy: { name: 'asc' }, take: 500 })
}

/**
 * What the "start a deal" page needs: the listing's title and link, the user's organisations that
 * may take the other side, their published offers (answering a demand), and any open deal already.
 */
export async function startContext(user: DealActor, from: { from: 'offer' | 'demand' | 'match'; id: string }) {
	const orgIds = user.memberships.map((m) => m.organisation.id)
	const orgs = await prisma.organisation.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true }, orderBy: { name: 'asc' } })
	if (from.from === 'match') {
		const match = await prisma.match.findUnique({
			where: { id: from.id },
			select: { kind: true, brokerId: true, offer: { select: { id: true, title: true, status: true, organisation: { select: { id: true, name: true } } } }, demand: { select: { id: true, title: true, status: true, organisation: { select: { id: true, name: true } } } } },
		})
		if (!match || match.kind !== 'OFFER_DEMAND' || !match.offer || !match.demand || match.offer.status !== 'PUBLISHED' || match.demand.status !== 'PUBLISHED') return null
		const mine = orgIds.includes(match.offer.organisation.id) || orgIds.includes(match.demand.organisation.id) || match.brokerId === user.id
		if (!mine) return null
		const open = await prisma.deal.findFirst({ where: { openKey: `${match.offer.id}|${match.demand.id}|${match.demand.organisation.id}|${match.offer.organisation.id}` }, select: { id: true } })
		return { title: match.offer.title, link: `/offers/${match.offer.id}`, organisations: [], offers: [], sides: { buyer: match.demand.organisation.name, seller: match.offer.organisation.name }, openDealId: open?.id ?? null }
	}
	const listing =
		from.from === 'offer'
			? await prisma.offer.findFirst({ where: { id: from.id, status: 'PUBLISHED' }, select: { id: true, title: true, organisationId: true } })
			: await prisma.demand.findFirst({ where: { id: from.id, status: 'PUBLISHED' }, select: { id: true, title: true, organisationId: true } })
	if (!listing) return null
	const organisations = orgs.filter((o) => o.id !== listing.organisationId)
	const offers = from.from === 'demand' && organisations.length > 0 ? await prisma.offer.findMany({ where: { organisationId: { in: organisations.map((o) => o.id) }, status: 'PUBLISHED' }, select: { id: true, title: true }, orderBy: { publishedAt: 'desc' }, take: 100 }) : []
	const entry = await dealEntry(user, from.from, listing.id)
	return { title: listing.title, link: `/${from.from}s/${listing.id}`, organisations, offers, sides: null, openDealId: entry?.openDealId ?? null }
}

/** The operators' payments desk: bank transfers to confirm, statement lines to review, recent statements. */
export async function paymentsDesk() {
	const [pending, review, statements] = await Promise.all([
		prisma.payment.findMany({
			where: { provider: 'BANK_TRANSFER', status: 'PENDING' },
			orderBy: { createdAt: 'asc' },
			take: 200,
			select: { id: true, reference: true, amount: true, createdAt: true, deal: { select: { id: true, code: true, title: true, buyerOrg: { select: { name: true } } } }, milestone: { select: { title: true } } },
		}),
		prisma.bankStatementLine.findMany({ where: { resolvedAt: null, outcome: { not: 'EXACT' } }, orderBy: [{ createdAt: 'desc' }, { lineNo: 'asc' }], take: 200 }),
		prisma.bankStatement.findMany({ orderBy: { createdAt: 'desc' }, take: 10, select: { id: true, fileName: true, summary: true, createdAt: true, uploadedBy: { select: { name: true } } } }),
	])
	return { pending, review, statements }
}
