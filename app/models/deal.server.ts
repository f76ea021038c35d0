import { automaticNext, isFinal, refusal, type DealAction, type DealFacts, type DealRole, type DealStage } from '~/deals/pipeline'
import { storeMilestones, readMilestones, type Terms } from '~/deals/terms-schema'
import type { PlatformRole, Prisma, TransferMode } from '~/generated/prisma/client'
import { CommissionError, splitPayment } from '~/payments/commission'
import { noteDealStage, syncDealRoom } from '~/models/chat.server'
import { notify, type NotificationKind } from '~/models/notification.server'
import { hasRole } from '~/utils/auth.server'
import { getEnv } from '~/utils/env.server'
import { randomBytes } from 'node:crypto'
import { inTransaction, type Tx, type Unit } from '~/utils/transaction.server'

// Every write to a deal goes through here: each locks the deal's row, checks the pipeline's rules for
// the person's role on the deal, writes the change and its timeline event, and notifies the parties,
// all in one transaction.

export class DealError extends Error {
	constructor(
		readonly key: string,
		readonly status = 400,
		readonly dealId?: string,
		/** The file's line a statement error is about. */
		readonly line?: number,
	) {
		super(key)
		this.name = 'DealError'
	}
}

/** Who is acting: the session user with their active memberships and platform roles. */
export type DealActor = {
	id: string
	roles: PlatformRole[]
	memberships: ReadonlyArray<{ organisation: { id: string } }>
}

type DealSides = { buyerOrgId: string; sellerOrgId: string; brokerId: string | null }

/** How the actor stands to the deal; [] means it is none of their business (a 404). */
export function dealRoles(actor: DealActor, deal: DealSides): DealRole[] {
	const roles: DealRole[] = []
	const orgs = new Set(actor.memberships.map((m) => m.organisation.id))
	if (orgs.has(deal.buyerOrgId)) roles.push('buyer')
	if (orgs.has(deal.sellerOrgId)) roles.push('seller')
	if (deal.brokerId === actor.id) roles.push('broker')
	if (hasRole(actor, 'OPERATOR', 'ADMIN')) roles.push('operator')
	return roles
}

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ' // no 0/O, 1/I: codes are read aloud and retyped

function dealCode(now = new Date()) {
	const bytes = randomBytes(6)
	return `GD-${now.getUTCFullYear()}-${[...bytes].map((b) => CODE_ALPHABET[b % 32]).join('')}`
}

const lockedSelect = {
	id: true,
	code: true,
	title: true,
	stage: true,
	buyerOrgId: true,
	sellerOrgId: true,
	brokerId: true,
	createdById: true,
	offerId: true,
	demandId: true,
	version: true,
	offer: { select: { contactUserId: true, createdById: true } },
	demand: { select: { contactUserId: true, createdById: true } },
} as const satisfies Prisma.DealSelect

type LockedDeal = Prisma.DealGetPayload<{ select: typeof lockedSelect }>

/** Locks the deal for the rest of the transaction, so two moves never both pass the same check. */
async function lockDeal(tx: Tx, dealId: string): Promise<LockedDeal> {
	const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Deal" WHERE id = ${dealId} FOR UPDATE`
	if (locked.length === 0) throw new DealError('deals.errors.notFound', 404)
	return tx.deal.findUniqueOrThrow({ where: { id: dealId }, select: lockedSelect })
}

/** The facts the pipeline's rules read, as of now inside the transaction. */
export async function dealFacts(tx: Tx, deal: Pick<LockedDeal, 'id' | 'stage' | 'buyerOrgId' | 'sellerOrgId' | 'brokerId'>): Promise<DealFacts> {
	const [ndas, milestones, received] = await Promise.all([
		tx.ndaAcceptance.findMany({ where: { dealId: deal.id }, select: { organisationId: true } }),
		tx.dealMilestone.groupBy({ by: ['status'], where: { dealId: deal.id }, _count: { _all: true } }),
		tx.payment.count({ where: { dealId: deal.id, status: { in: ['PAID', 'REFUNDED'] } } }),
	])
	const accepted = new Set(ndas.map((n) => n.organisationId))
	const total = milestones.reduce((s, m) => s + m._count._all, 0)
	const paid = milestones.find((m) => m.status === 'PAID')?._count._all ?? 0
	return {
		stage: deal.stage,
		ndaAccepted: { buyer: accepted.has(deal.buyerOrgId), seller: accepted.has(deal.sellerOrgId) },
		milestones: { total, paid },
		everPaid: received > 0,
		hasBroker: Boolean(deal.brokerId),
	}
}

/** Locks the deal and checks the actor may take the action now; returns what the write needs. */
async function authorise(tx: Tx, actor: DealActor, dealId: string, action: DealAction) {
	const deal = await lockDeal(tx, dealId)
	const roles = dealRoles(actor, deal)
	// Someone else's deal is "not found", not "forbidden": its existence is not theirs to learn.
	if (roles.length === 0 && !(action === 'claimBroker' && hasRole(actor, 'BROKER', 'ADMIN'))) throw new DealError('deals.errors.notFound', 404)
	const facts = await dealFacts(tx, deal)
	const refused = refusal(action, roles, facts)
	if (refused) throw new DealError(refused, refused === 'deals.errors.notYourMove' ? 403 : 409)
	return { deal, roles, facts }
}

/** Everyone a change is told to: both organisations' owners and admins, the listings' contacts, the deal's starter and broker. */
async function recipients(tx: Tx, deal: LockedDeal, exceptUserId: string | null) {
	const managers = await tx.membership.findMany({
		where: { organisationId: { in: [deal.buyerOrgId, deal.sellerOrgId] }, status: 'ACTIVE', role: { in: ['OWNER', 'ADMIN'] } },
		select: { userId: true },
	})
	const ids = new Set<string>(managers.map((m) => m.userId))
	for (const id of [deal.createdById, deal.brokerId, deal.offer?.contactUserId ?? deal.offer?.createdById, deal.demand?.contactUserId ?? deal.demand?.createdById]) if (id) ids.add(id)
	if (exceptUserId) ids.delete(exceptUserId)
	return [...ids]
}

async function tellParties(unit: Unit, deal: LockedDeal, actorId: string | null, kind: NotificationKind, params: Record<string, string | number> = {}) {
	for (const userId of await recipients(unit.tx, deal, actorId)) {
		await notify(unit, { userId, kind, params: { code: deal.code, title: deal.title, ...params }, link: `/deals/${deal.id}` })
	}
}

async function recordEvent(tx: Tx, dealId: string, actorId: string | null, kind: string, data: Prisma.InputJsonObject = {}, stages?: { from: DealStage; to: DealStage }) {
	await tx.dealEvent.create({ data: { dealId, actorId, kind, data, fromStage: stages?.from, toStage: stages?.to } })
}

/** Moves the deal to a stage, with its event and notifications; the caller has checked the rule. */
async function moveStage(unit: Unit, deal: LockedDeal, to: DealStage, actorId: string | null, data: Prisma.InputJsonObject = {}, extra: Prisma.DealUpdateInput = {}) {
	const now = new Date()
	await unit.tx.deal.update({
		where: { id: deal.id },
		data: {
			...extra,
			stage: to,
			stageChangedAt: now,
			version: { increment: 1 },
			// A finished deal frees its pair of sides to start another on the same listing.
			...(isFinal(to) ? { openKey: null, closedAt: now } : {}),
		},
	})
	await recordEvent(unit.tx, deal.id, actorId, 'stage', data, { from: deal.stage, to })
	await tellParties(unit, deal, actorId, 'deal.stage', { stage: to })
	await noteDealStage(unit, deal.id, to)
	deal.stage = to
}

/** Applies the moves the platform makes by itself (NDA accepted by both, first milestone paid). */
export async function advanceAutomatically(unit: Unit, dealId: string) {
	const deal = await lockDeal(unit.tx, dealId)
	for (;;) {
		const next = automaticNext(await dealFacts(unit.tx, deal))
		if (!next) return deal.stage
		await moveStage(unit, deal, next, null, { automatic: true })
	}
}

// ─── Starting a deal ──────────────────────────────────────────────────────────

export type StartInput =
	| { from: 'offer'; offerId: string; organisationId: string; message: string }
	| { from: 'demand'; demandId: string; organisationId: string; offerId?: string | null; message: string }
	| { from: 'match'; matchId: string; message: string }

/**
 * An expression of interest opens a deal between the two organisations. Asking twice returns the
 * open deal (DealError 'deals.errors.alreadyOpen' with its id) instead of a second one.
 */
export async function startDeal(actor: DealActor, input: StartInput): Promise<{ id: string }> {
	const mine = new Set(actor.memberships.map((m) => m.organisation.id))
	return inTransaction(async (unit) => {
		const { tx } = unit
		let offerId: string | null = null
		let demandId: string | null = null
		let matchId: string | null = null
		let buyerOrgId: string
		let sellerOrgId: string
		let brokerId: string | null = null
		let title: string
		const published = { status: 'PUBLISHED' as const }
		if (input.from === 'offer') {
			const offer = await tx.offer.findFirst({ where: { id: input.offerId, ...published }, select: { id: true, title: true, organisationId: true } })
			if (!offer) throw new DealError('deals.errors.listingNotFound', 404)
			if (!mine.has(input.organisationId)) throw new DealError('deals.errors.notMember', 403)
			offerId = offer.id
			buyerOrgId = input.organisationId
			sellerOrgId = offer.organisationId
			title = offer.title
		} else if (input.from === 'demand') {
			const demand = await tx.demand.findFirst({ where: { id: input.demandId, ...published }, select: { id: true, title: true, organisationId: true } })
			if (!demand) throw new DealError('deals.errors.listingNotFound', 404)
			if (!mine.has(input.organisationId)) throw new DealError('deals.errors.notMember', 403)
			demandId = demand.id
			buyerOrgId = demand.organisationId
			sellerOrgId = input.organisationId
			title = demand.title
			if (input.offerId) {
				// The responder may name the offer that answers the demand: one of its own, published.
				const offer = await tx.offer.findFirst({ where: { id: input.offerId, organisationId: sellerOrgId, ...published }, select: { id: true } })
				if (!offer) throw new DealError('deals.errors.offerNotYours', 400)
				offerId = offer.id
			}
		} else {
			const match = await tx.match.findUnique({
				where: { id: input.matchId },
				select: {
					id: true,
					kind: true,
					brokerId: true,
					components: true,
					offer: { select: { id: true, title: true, organisationId: true, status: true } },
					demand: { select: { id: true, title: true, organisationId: true, status: true } },
				},
			})
			if (!match || match.kind !== 'OFFER_DEMAND' || !match.offer || !match.demand) throw new DealError('deals.errors.listingNotFound', 404)
			const isBroker = match.brokerId === actor.id
			const side = mine.has(match.demand.organisationId) ? match.demand.organisationId : mine.has(match.offer.organisationId) ? match.offer.organisationId : null
			if (!side && !isBroker) throw new DealError('deals.errors.listingNotFound', 404)
			if (match.offer.status !== 'PUBLISHED' || match.demand.status !== 'PUBLISHED') throw new DealError('deals.errors.listingNotFound', 404)
			matchId = match.id
			offerId = match.offer.id
			demandId = match.demand.id
			buyerOrgId = match.demand.organisationId
			sellerOrgId = match.offer.organisationId
			brokerId = match.brokerId
			title = match.offer.title
			if (side) {
				// Interest through a match is also the strongest feedback the matcher learns from.
				const data = { userId: actor.id, interestedAt: new Date(), verdict: 'RELEVANT' as const, reason: null, note: '', components: match.components ?? [] }
				await tx.matchFeedback.upsert({ where: { matchId_organisationId: { matchId: match.id, organisationId: side } }, create: { matchId: match.id, organisationId: side, ...data }, update: data })
			}
		}
		if (buyerOrgId === sellerOrgId) throw new DealError('deals.errors.sameOrganisation', 400)
		const openKey = `${offerId ?? '-'}|${demandId ?? '-'}|${buyerOrgId}|${sellerOrgId}`
		const existing = await tx.deal.findUnique({ where: { openKey }, select: { id: true } })
		if (existing) throw new DealError('deals.errors.alreadyOpen', 409, existing.id)
		const deal = await tx.deal.create({
			data: { code: dealCode(), title, offerId, demandId, matchId, buyerOrgId, sellerOrgId, brokerId, createdById: actor.id, message: input.message.trim().slice(0, 4000), openKey },
			select: lockedSelect,
		})
		await recordEvent(tx, deal.id, actor.id, 'created', { from: input.from })
		await tellParties(unit, deal, actor.id, 'deal.started')
		return { id: deal.id }
	}).catch((error: unknown) => {
		// Two clicks racing past the check meet the unique open key: the second gets the first's deal.
		if (error && typeof error === 'object' && 'code' in error && error.code === 'P2002') throw new DealError('deals.errors.alreadyOpen', 409)
		throw error
	})
}

// ─── Moving through the pipeline ──────────────────────────────────────────────

/** The seller side (or broker) takes up the enquiry: the NDA is now to be accepted. */
export async function openNda(actor: DealActor, dealId: string) {
	return inTransaction(async (unit) => {
		const { deal } = await authorise(unit.tx, actor, dealId, 'openNda')
		await moveStage(unit, deal, 'NDA', actor.id)
	})
}

/** The newest NDA text; a deal's acceptances record which version each side accepted. */
export async function currentNdaTemplate(tx: Tx) {
	const template = await tx.ndaTemplate.findFirst({ orderBy: { version: 'desc' } })
	if (!template) throw new DealError('deals.errors.noNdaTemplate', 409)
	return template
}

/**
 * The actor accepts the NDA for their side (buyer or seller organisation). When both sides have,
 * the deal moves to negotiation and the buyer's members may read the offer's confidential section.
 */
export async function acceptNda(actor: DealActor, dealId: string, templateVersion: number) {
	return inTransaction(async (unit) => {
		const { tx } = unit
		const { deal, roles, facts } = await authorise(tx, actor, dealId, 'acceptNda')
		// Someone who belongs to both organisations accepts for the side that has not yet.
		const side = roles.includes('buyer') && !facts.ndaAccepted.buyer ? 'buyer' : roles.includes('seller') && !facts.ndaAccepted.seller ? 'seller' : null
		if (!side) throw new DealError('deals.errors.ndaAlreadyAccepted', 409)
		const template = await currentNdaTemplate(tx)
		// The person must have read the version that is current: a newer one published meanwhile is shown again.
		if (template.version !== templateVersion) throw new DealError('deals.errors.ndaOutdated', 409)
		const organisationId = side === 'buyer' ? deal.buyerOrgId : deal.sellerOrgId
		await tx.ndaAcceptance.create({ data: { dealId, organisationId, userId: actor.id, templateId: template.id, templateVersion: template.version } })
		await tx.deal.update({ where: { id: dealId }, data: { version: { increment: 1 } } })
		await recordEvent(tx, dealId, actor.id, 'nda.accepted', { side, version: template.version })
		await tellParties(unit, deal, actor.id, 'deal.nda-accepted', { side })
		await advanceAutomatically(unit, dealId)
	})
}

/** Fees above a milestone's amount would leave the seller a negative net: refused when terms are drafted. */
function checkCommissionFits(terms: Terms, platformFeeBps: number) {
	let before = 0n
	for (const m of terms.milestones) {
		try {
			splitPayment({
				amount: m.amount,
				platformFeeBps,
				broker:
					terms.commissionKind === 'PERCENT' && terms.commissionPercent !== undefined
						? { kind: 'PERCENT', bps: terms.commissionPercent }
						: terms.commissionKind === 'FIXED' && terms.commissionFixed !== undefined
							? { kind: 'FIXED', total: terms.commissionFixed, agreementTotal: terms.price, paidSoFar: before }
							: null,
			})
		} catch (error) {
			if (error instanceof CommissionError) throw new DealError('deals.errors.commissionTooHigh', 400)
			throw error
		}
		before += m.amount
	}
}

/** Proposes terms: a new version, replacing an unsigned earlier one. Signatures start afresh. */
export async function proposeTerms(actor: DealActor, dealId: string, terms: Terms) {
	return inTransaction(async (unit) => {
		const { tx } = unit
		const { deal } = await authorise(tx, actor, dealId, 'proposeTerms')
		const platformFeeBps = getEnv().PLATFORM_FEE_BPS
		checkCommissionFits(terms, platformFeeBps)
		const last = await tx.dealAgreement.findFirst({ where: { dealId }, orderBy: { version: 'desc' }, select: { version: true } })
		const version = (last?.version ?? 0) + 1
		await tx.dealAgreement.updateMany({ where: { dealId, supersededAt: null }, data: { supersededAt: new Date() } })
		await tx.dealAgreement.create({
			data: {
				dealId,
				version,
				transferMode: terms.transferMode as TransferMode,
				priceVnd: terms.price,
				commissionKind: terms.commissionKind === 'NONE' ? null : terms.commissionKind,
				commissionBps: terms.commissionKind === 'PERCENT' ? (terms.commissionPercent ?? null) : null,
				commissionFixed: terms.commissionKind === 'FIXED' ? (terms.commissionFixed ?? null) : null,
				platformFeeBps,
				terms: terms.terms,
				milestones: storeMilestones(terms),
				proposedById: actor.id,
			},
		})
		await tx.deal.update({ where: { id: dealId }, data: { version: { increment: 1 } } })
		await recordEvent(tx, dealId, actor.id, 'agreement.proposed', { version, price: terms.price.toString(), milestones: terms.milestones.length })
		await tellParties(unit, deal, actor.id, 'deal.terms-proposed', { version })
		return { version }
	})
}

/**
 * Signs the named version for the actor's side. The version must be the latest: terms changed
 * since the person read them are not signed. Both signatures make it the agreement: milestones
 * become rows and the deal moves to AGREEMENT.
 */
export async function signTerms(actor: DealActor, dealId: string, version: number) {
	return inTransaction(async (unit) => {
		const { tx } = unit
		const { deal, roles } = await authorise(tx, actor, dealId, 'signTerms')
		const agreement = await tx.dealAgreement.findFirst({ where: { dealId, supersededAt: null }, orderBy: { version: 'desc' } })
		if (!agreement) throw new DealError('deals.errors.noTerms', 409)
		if (agreement.version !== version) throw new DealError('deals.errors.termsChanged', 409)
		const side = roles.includes('buyer') && !agreement.buyerSignedAt ? 'buyer' : roles.includes('seller') && !agreement.sellerSignedAt ? 'seller' : null
		if (!side) throw new DealError('deals.errors.alreadySigned', 409)
		const now = new Date()
		const signed = await tx.dealAgreement.update({
			where: { id: agreement.id },
			data: side === 'buyer' ? { buyerSignedAt: now, buyerSignedById: actor.id } : { sellerSignedAt: now, sellerSignedById: actor.id },
		})
		await tx.deal.update({ where: { id: dealId }, data: { version: { increment: 1 } } })
		await recordEvent(tx, dealId, actor.id, 'agreement.signed', { side, version })
		if (!(signed.buyerSignedAt && signed.sellerSignedAt)) {
			await tellParties(unit, deal, actor.id, 'deal.terms-signed', { version })
			return { agreed: false }
		}
		const milestones = readMilestones(signed.milestones)
		await tx.dealMilestone.createMany({
			data: milestones.map((m, position) => ({
				dealId,
				agreementId: signed.id,
				position,
				title: m.title,
				amount: BigInt(m.amount),
				dueDate: m.dueDate ? new Date(`${m.dueDate}T00:00:00+07:00`) : null,
				deliverable: m.deliverable,
			})),
		})
		await moveStage(unit, deal, 'AGREEMENT', actor.id, { version }, { outcomeValue: signed.priceVnd, outcomeMode: signed.transferMode })
		return { agreed: true }
	})
}

/** The buyer (or an operator) confirms the technology was delivered. */
export async function confirmTransfer(actor: DealActor, dealId: string) {
	return inTransaction(async (unit) => {
		const { deal } = await authorise(unit.tx, actor, dealId, 'confirmTransfer')
		await moveStage(unit, deal, 'TRANSFERRED', actor.id)
	})
}

/** Closes a transferred deal whose milestones are all paid. */
export async function closeDeal(actor: DealActor, dealId: string) {
	return inTransaction(async (unit) => {
		const { deal } = await authorise(unit.tx, actor, dealId, 'close')
		await moveStage(unit, deal, 'CLOSED', actor.id, {}, { outcomeDate: new Date() })
	})
}

export const CANCEL_REASON_MAX = 1000

/** Cancels an open deal at any stage; the reason is required and shown on the timeline. */
export async function cancelDeal(actor: DealActor, dealId: string, reason: string) {
	const text = reason.normalize('NFC').trim()
	if (text.length < 3) throw new DealError('deals.errors.reasonRequired', 400)
	if (text.length > CANCEL_REASON_MAX) throw new DealError('deals.errors.tooLong', 400)
	return inTransaction(async (unit) => {
		const { deal } = await authorise(unit.tx, actor, dealId, 'cancel')
		// Pending payments of a cancelled deal can no longer be made.
		await unit.tx.payment.updateMany({ where: { dealId, status: 'PENDING' }, data: { status: 'CANCELLED' } })
		await moveStage(unit, deal, 'CANCELLED', actor.id, { reason: text }, { cancelReason: text })
	})
}

export type Outcome = { value: bigint; mode: TransferMode; date: Date }

/** Records that the deal closed outside the platform, so the exchange's statistics count it. */
export async function recordOutcome(actor: DealActor, dealId: string, outcome: Outcome) {
	if (outcome.value < 0n) throw new DealError('deals.errors.amount', 400)
	if (outcome.date.getTime() > Date.now() + 24 * 3600_000) throw new DealError('deals.errors.futureDate', 400)
	return inTransaction(async (unit) => {
		const { deal } = await authorise(unit.tx, actor, dealId, 'recordOutcome')
		await unit.tx.payment.updateMany({ where: { dealId, status: 'PENDING' }, data: { status: 'CANCELLED' } })
		await recordEvent(unit.tx, dealId, actor.id, 'outcome.recorded', { value: outcome.value.toString(), mode: outcome.mode, date: outcome.date.toISOString() })
		await moveStage(unit, deal, 'CLOSED', actor.id, { offPlatform: true }, { offPlatform: true, outcomeValue: outcome.value, outcomeMode: outcome.mode, outcomeDate: outcome.date })
	})
}

// ─── Brokers ──────────────────────────────────────────────────────────────────

/** An operator puts a broker (a user with the BROKER role) on the deal, or takes one off (null). */
export async function assignBroker(actor: DealActor, dealId: string, brokerId: string | null) {
	return inTransaction(async (unit) => {
		const { tx } = unit
		const { deal } = await authorise(tx, actor, dealId, 'assignBroker')
		if (brokerId) {
			const broker = await tx.user.findFirst({ where: { id: brokerId, disabledAt: null, roles: { hasSome: ['BROKER'] } }, select: { id: true, name: true } })
			if (!broker) throw new DealError('deals.errors.notABroker', 400)
		}
		await tx.deal.update({ where: { id: dealId }, data: { brokerId, version: { increment: 1 } } })
		await recordEvent(tx, dealId, actor.id, 'broker.assigned', { brokerId })
		deal.brokerId = brokerId
		await tellParties(unit, deal, actor.id, 'deal.broker')
		await syncOpenRoom(unit, dealId)
	})
}

/** A broker takes an open deal that has none. */
export async function claimDeal(actor: DealActor, dealId: string) {
	if (!hasRole(actor, 'BROKER', 'ADMIN')) throw new DealError('deals.errors.notABroker', 403)
	return inTransaction(async (unit) => {
		const { tx } = unit
		const { deal } = await authorise(tx, actor, dealId, 'claimBroker')
		await tx.deal.update({ where: { id: dealId }, data: { brokerId: actor.id, version: { increment: 1 } } })
		await recordEvent(tx, dealId, actor.id, 'broker.claimed', { brokerId: actor.id })
		deal.brokerId = actor.id
		await tellParties(unit, deal, actor.id, 'deal.broker')
		await syncOpenRoom(unit, dealId)
	})
}

/** A new broker joins the deal's room (and a replaced one leaves it), if the room exists yet. */
async function syncOpenRoom(unit: Unit, dealId: string) {
	if (await unit.tx.chatRoom.findUnique({ where: { dealId }, select: { id: true } })) await syncDealRoom(unit, dealId)
}

// ─── For payments ─────────────────────────────────────────────────────────────

/** Locks the deal and checks the actor may take a payment action; for app/models/payment.server.ts. */
export async function authoriseDealAction(tx: Tx, actor: DealActor, dealId: string, action: DealAction) {
	return authorise(tx, actor, dealId, action)
}

/** Records a payment's effect on the deal: an event, the parties told, and the automatic moves. */
export async function notePayment(unit: Unit, dealId: string, kind: 'payment.started' | 'payment.paid' | 'payment.failed' | 'payment.expired' | 'payment.refunded', data: Prisma.InputJsonObject, actorId: string | null) {
	const deal = await lockDeal(unit.tx, dealId)
	await recordEvent(unit.tx, dealId, actorId, kind, data)
	if (kind !== 'payment.started') await tellParties(unit, deal, actorId, 'deal.payment', { status: kind.slice('payment.'.length), amount: String(data.amount ?? '') })
	// A refund also proves a payment was received (everPaid), whatever order the events came in.
	if (kind === 'payment.paid' || kind === 'payment.refunded') await advanceAutomatically(unit, dealId)
}
