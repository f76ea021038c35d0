import { randomBytes } from 'node:crypto'
import type { Prisma } from '~/generated/prisma/client'
import { authoriseDealAction, DealError, notePayment, type DealActor } from '~/models/deal.server'
import { BankStatementError, parseBankStatement, reconcileStatement } from '~/payments/bank-statement'
import { splitPayment } from '~/payments/commission'
import { STATUS_RANK, type PaymentInstructions, type ProviderEvent, type ProviderName } from '~/payments/provider'
import { paymentProvider } from '~/payments/providers.server'
import { stripeCanTake } from '~/payments/stripe.server'
import { hasRole } from '~/utils/auth.server'
import { logger } from '~/utils/logger.server'
import { inTransaction, type Tx } from '~/utils/transaction.server'

// Payments of deal milestones: started by the buyer through one provider, settled only by provider
// events (a Stripe webhook, an operator's confirmation of a bank transfer, a reconciled statement),
// each recorded once and applied moving forward only.

const REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

/** "CN" and 8 characters banks keep intact in a transfer's description (no spaces, no accents). */
export function transferReference() {
	return `CN${[...randomBytes(8)].map((b) => REF_ALPHABET[b % 32]).join('')}`
}

/** The shares of one milestone's payment under the signed agreement's commission. */
async function sharesFor(tx: Tx, milestone: { id: string; agreementId: string; amount: bigint; position: number }) {
	const agreement = await tx.dealAgreement.findUniqueOrThrow({
		where: { id: milestone.agreementId },
		select: { commissionKind: true, commissionBps: true, commissionFixed: true, platformFeeBps: true, milestoneRows: { select: { amount: true, position: true }, orderBy: { position: 'asc' } } },
	})
	const rows = agreement.milestoneRows
	const agreementTotal = rows.reduce((sum, m) => sum + m.amount, 0n)
	// A fixed commission is earned through the agreement in milestone order, whatever order they are
	// paid in, so each milestone's share is the same on every attempt and the shares add up to it.
	const before = rows.filter((m) => m.position < milestone.position).reduce((sum, m) => sum + m.amount, 0n)
	return splitPayment({
		amount: milestone.amount,
		platformFeeBps: agreement.platformFeeBps,
		broker:
			agreement.commissionKind === 'PERCENT' && agreement.commissionBps != null
				? { kind: 'PERCENT', bps: agreement.commissionBps }
				: agreement.commissionKind === 'FIXED' && agreement.commissionFixed != null && agreementTotal > 0n
					? { kind: 'FIXED', total: agreement.commissionFixed, agreementTotal, paidSoFar: before }
					: null,
	})
}

export type StartedPayment = { paymentId: string; instructions: PaymentInstructions | null; error: string | null }

/**
 * The buyer starts paying a milestone through a provider. A pending payment of the same milestone
 * and provider is reused (its reference and Stripe session stay the same), so clicking twice never
 * makes two payments to settle.
 */
export async function startPayment(
	actor: DealActor,
	input: { dealId: string; milestoneId: string; provider: ProviderName; successUrl: string; cancelUrl: string; locale: 'vi' | 'en'; payerEmail?: string | null },
): Promise<StartedPayment> {
	const provider = paymentProvider(input.provider)
	if (!provider) throw new DealError('deals.payments.errors.providerUnavailable', 400)
	const payment = await inTransaction(async (unit) => {
		const { tx } = unit
		const { deal } = await authoriseDealAction(tx, actor, input.dealId, 'payMilestone')
		const milestone = await tx.dealMilestone.findFirst({ where: { id: input.milestoneId, dealId: deal.id } })
		if (!milestone) throw new DealError('deals.payments.errors.milestoneNotFound', 404)
		if (milestone.status === 'PAID') throw new DealError('deals.payments.errors.alreadyPaid', 409)
		// Refused before a payment row exists: a pending payment Stripe can never take would be reused on every click.
		if (input.provider === 'STRIPE' && !stripeCanTake(milestone.amount)) throw new DealError('deals.payments.errors.stripeAmountTooLarge', 400)
		const pending = await tx.payment.findFirst({ where: { milestoneId: milestone.id, provider: input.provider, status: 'PENDING' }, orderBy: { createdAt: 'desc' } })
		if (pending) return { ...pending, deal, milestone }
		const shares = await sharesFor(tx, milestone)
		const created = await tx.payment.create({
			data: {
				dealId: deal.id,
				milestoneId: milestone.id,
				provider: input.provider,
				amount: milestone.amount,
				platformFee: shares.platformFee,
				brokerShare: shares.brokerShare,
				sellerNet: shares.sellerNet,
				reference: transferReference(),
				createdById: actor.id,
			},
		})
		await notePayment(unit, deal.id, 'payment.started', { paymentId: created.id, milestone: milestone.title, amount: milestone.amount.toString(), provider: input.provider, reference: created.reference }, actor.id)
		return { ...created, deal, milestone }
	})
	if (payment.provider === 'STRIPE' && payment.checkoutUrl) {
		return { paymentId: payment.id, instructions: { kind: 'redirect', url: payment.checkoutUrl, providerRef: payment.providerRef ?? '' }, error: null }
	}
	try {
		// The provider is called outside the transaction: no row stays locked while Stripe answers.
		const instructions = await provider.start({
			paymentId: payment.id,
			dealId: payment.dealId,
			dealCode: payment.deal.code,
			milestoneId: payment.milestoneId,
			milestoneTitle: payment.milestone.title,
			amount: payment.amount,
			reference: payment.reference,
			successUrl: input.successUrl,
			cancelUrl: input.cancelUrl,
			locale: input.locale,
			payerEmail: input.payerEmail,
		})
		if (instructions.kind === 'redirect') {
			await prismaUpdateCheckout(payment.id, instructions.providerRef, instructions.url)
		}
		return { paymentId: payment.id, instructions, error: null }
	} catch (error) {
		logger.error({ err: error, paymentId: payment.id }, 'payment provider failed to start a payment')
		// The payment stays pending: trying again reuses it, and Stripe's idempotency key returns the same session.
		return { paymentId: payment.id, instructions: null, error: 'deals.payments.errors.providerFailed' }
	}
}

async function prismaUpdateCheckout(paymentId: string, providerRef: string, checkoutUrl: string) {
	await inTransaction(({ tx }) => tx.payment.update({ where: { id: paymentId }, data: { providerRef, checkoutUrl } }))
}

/** The instructions of a pending bank transfer, rebuilt from the payment (nothing is stored at the bank). */
export async function bankInstructions(payment: { id: string; dealId: string; milestoneId: string; amount: bigint; reference: string }, deal: { code: string }, milestoneTitle: string) {
	const provider = paymentProvider('BANK_TRANSFER')
	if (!provider) return null
	return provider.start({
		paymentId: payment.id,
		dealId: payment.dealId,
		dealCode: deal.code,
		milestoneId: payment.milestoneId,
		milestoneTitle,
		amount: payment.amount,
		reference: payment.reference,
		successUrl: '',
		cancelUrl: '',
		locale: 'vi',
	})
}

export type EventOutcome = 'applied' | 'duplicate' | 'ignored' | 'unknown' | 'amountMismatch' | 'duplicatePayment' | 'refundDue'

const TARGET = { paid: 'PAID', failed: 'FAILED', expired: 'EXPIRED', refunded: 'REFUNDED' } as const

/**
 * Records a provider event once (by provider and event id) and applies it: states only move
 * forward, so any order of delivery and any number of retries end in the same state, and a
 * milestone is never paid twice. `actorId` is the operator who confirmed a bank transfer.
 */
export async function applyPaymentEvent(event: ProviderEvent, actorId: string | null = null): Promise<{ outcome: EventOutcome; paymentId: string | null }> {
	return inTransaction(async (unit) => {
		const { tx } = unit
		const found = event.paymentId
			? await tx.payment.findUnique({ where: { id: event.paymentId }, select: { id: true } })
			: event.providerRef
				? await tx.payment.findUnique({ where: { provider_providerRef: { provider: event.provider, providerRef: event.providerRef } }, select: { id: true } })
				: null
		const payload = { type: event.type, amount: event.amount?.toString() ?? null, providerRef: event.providerRef, occurredAt: event.occurredAt.toISOString() } satisfies Prisma.InputJsonObject
		const inserted = await tx.paymentEvent.createMany({
			data: [{ provider: event.provider, eventId: event.eventId, type: event.type, paymentId: found?.id ?? null, outcome: found ? 'applied' : 'unknown', payload }],
			skipDuplicates: true,
		})
		if (inserted.count === 0) return { outcome: 'duplicate', paymentId: found?.id ?? null }
		if (!found) {
			logger.warn({ eventId: event.eventId, provider: event.provider }, 'payment event for no known payment')
			return { outcome: 'unknown', paymentId: null }
		}
		const outcome = await applyToPayment(unit, found.id, event, actorId)
		if (outcome !== 'applied') await tx.paymentEvent.update({ where: { provider_eventId: { provider: event.provider, eventId: event.eventId } }, data: { outcome } })
		return { outcome, paymentId: found.id }
	})
}

async function applyToPayment(unit: Parameters<Parameters<typeof inTransaction>[0]>[0], paymentId: string, event: ProviderEvent, actorId: string | null): Promise<EventOutcome> {
	const { tx } = unit
	// The deal first, then the payment: the order every deal write takes (cancelling locks the deal,
	// then its payments), so the two never wait on each other.
	await tx.$queryRaw`SELECT d.id FROM "Deal" d JOIN "Payment" p ON p."dealId" = d.id WHERE p.id = ${paymentId} FOR UPDATE OF d`
	await tx.$queryRaw`SELECT id FROM "Payment" WHERE id = ${paymentId} FOR UPDATE`
	const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { milestone: { select: { id: true, status: true, title: true } } } })
	const target = TARGET[event.type]
	const base = { paymentId, milestone: payment.milestone.title, amount: payment.amount.toString(), provider: payment.provider, reference: payment.reference }

	if (event.type === 'refunded') {
		const refunded = event.amount ?? payment.amount
		if (payment.status === 'CANCELLED') return 'ignored'
		if (payment.status === 'REFUNDED' && refunded <= payment.refundedAmount) return 'ignored'
		const full = refunded >= payment.amount
		const wasPaid = payment.status === 'PAID' || payment.status === 'REFUNDED'
		await tx.payment.update({ where: { id: paymentId }, data: { status: 'REFUNDED', refundedAmount: refunded, refundedAt: event.occurredAt, paidAt: payment.paidAt ?? event.occurredAt } })
		if (!wasPaid && !full) {
			// A refund proves the money arrived; its 'paid' event, still to come or lost, will now rank
			// below REFUNDED and be ignored, so settle the milestone as it would have (once only).
			await tx.dealMilestone.updateMany({ where: { id: payment.milestone.id, status: 'DUE' }, data: { status: 'PAID', paidAt: event.occurredAt, paidPaymentId: paymentId } })
		}
		// A full refund reopens the milestone this payment had settled (even after an earlier partial refund): it is due again.
		if (full) {
			await tx.dealMilestone.updateMany({ where: { id: payment.milestone.id, status: 'PAID', paidPaymentId: paymentId }, data: { status: 'DUE', paidAt: null, paidPaymentId: null } })
		}
		await notePayment(unit, payment.dealId, 'payment.refunded', { ...base, refunded: refunded.toString() }, actorId)
		return 'applied'
	}

	if (STATUS_RANK[target] <= STATUS_RANK[payment.status]) return 'ignored'
	if (target === 'PAID') {
		if (event.amount != null && event.amount !== payment.amount) return 'amountMismatch'
		await tx.payment.update({ where: { id: paymentId }, data: { status: 'PAID', paidAt: event.occurredAt, confirmedById: actorId, ...(event.provider === 'STRIPE' && event.providerRef && !payment.providerRef ? { providerRef: event.providerRef } : {}) } })
		// Money that arrives for a deal already cancelled or closed is recorded, and settles nothing: it is to be refunded.
		const { stage } = await tx.deal.findUniqueOrThrow({ where: { id: payment.dealId }, select: { stage: true } })
		if (stage === 'CANCELLED' || stage === 'CLOSED') {
			await notePayment(unit, payment.dealId, 'payment.paid', { ...base, refundDue: true }, actorId)
			return 'refundDue'
		}
		// Only one payment settles a milestone; a second one paid (two tabs, two methods) is recorded for refund.
		const settled = await tx.dealMilestone.updateMany({ where: { id: payment.milestone.id, status: 'DUE' }, data: { status: 'PAID', paidAt: event.occurredAt, paidPaymentId: paymentId } })
		await notePayment(unit, payment.dealId, 'payment.paid', { ...base, duplicate: settled.count === 0 }, actorId)
		return settled.count === 0 ? 'duplicatePayment' : 'applied'
	}
	await tx.payment.update({ where: { id: paymentId }, data: { status: target } })
	await notePayment(unit, payment.dealId, target === 'FAILED' ? 'payment.failed' : 'payment.expired', base, actorId)
	return 'applied'
}

/** An operator confirms that a bank transfer arrived on the platform's account. */
export async function confirmBankTransfer(actor: DealActor, paymentId: string, bankRef: string | null) {
	if (!hasRole(actor, 'OPERATOR', 'ADMIN')) throw new DealError('deals.errors.notYourMove', 403)
	const payment = await inTransaction(({ tx }) => tx.payment.findUnique({ where: { id: paymentId }, select: { id: true, provider: true, status: true, amount: true } }))
	if (!payment || payment.provider !== 'BANK_TRANSFER') throw new DealError('deals.payments.errors.notFound', 404)
	if (payment.status !== 'PENDING') throw new DealError(payment.status === 'PAID' ? 'deals.payments.errors.alreadyPaid' : 'deals.payments.errors.notPending', 409)
	// One event id per payment, whichever way the transfer is confirmed (by hand or by a statement).
	return applyPaymentEvent({ provider: 'BANK_TRANSFER', eventId: `paid:${paymentId}`, type: 'paid', paymentId, providerRef: bankRef?.trim() || null, amount: payment.amount, occurredAt: new Date() }, actor.id)
}

// ─── Bank statements ──────────────────────────────────────────────────────────

const OUTCOME = { exact: 'EXACT', partial: 'PARTIAL', duplicate: 'DUPLICATE', inactive: 'INACTIVE', unknown: 'UNKNOWN' } as const

/**
 * An operator uploads the platform account's statement (CSV): lines whose reference and amount match
 * a pending bank transfer confirm it; partial, duplicate, inactive and unknown lines are kept for
 * review. Uploading the same statement again confirms nothing twice (those lines come back as duplicates).
 */
export async function importBankStatement(actor: DealActor, fileName: string, content: Uint8Array) {
	if (!hasRole(actor, 'OPERATOR', 'ADMIN')) throw new DealError('deals.errors.notYourMove', 403)
	let lines
	try {
		lines = parseBankStatement(content)
	} catch (error) {
		if (error instanceof BankStatementError) throw new DealError(`deals.statement.errors.${error.code}`, 400, undefined, error.line ?? undefined)
		throw error
	}
	// Candidate references: tokens as written, and with the spaces and dashes some banks insert removed.
	const candidates = new Set<string>()
	for (const line of lines) {
		const upper = line.description.toUpperCase()
		for (const text of [upper, upper.replace(/[\s-]+/g, '')]) for (const m of text.matchAll(/CN[0-9A-Z]{8}/g)) candidates.add(m[0])
	}
	const payments = candidates.size
		? await inTransaction(({ tx }) => tx.payment.findMany({ where: { provider: 'BANK_TRANSFER', reference: { in: [...candidates] } }, select: { id: true, reference: true, amount: true, status: true } }))
		: []
	const result = reconcileStatement(lines, payments)
	const statement = await inTransaction(async ({ tx }) => {
		const created = await tx.bankStatement.create({ data: { fileName: fileName.slice(0, 200), uploadedById: actor.id, summary: result.summary } })
		await tx.bankStatementLine.createMany({
			data: result.lines.map((l) => ({
				statementId: created.id,
				lineNo: l.lineNo,
				date: l.date ? new Date(`${l.date}T00:00:00+07:00`) : null,
				amount: l.amount,
				description: l.description.slice(0, 1000),
				bankRef: l.bankReference?.slice(0, 100) ?? null,
				reference: l.reference,
				paymentId: l.paymentId,
				outcome: OUTCOME[l.outcome],
				difference: l.difference,
				// Exact lines need nothing more from a person.
				resolvedAt: l.outcome === 'exact' ? new Date() : null,
			})),
		})
		return created
	})
	let confirmed = 0
	for (const line of result.lines) {
		if (line.outcome !== 'exact' || !line.paymentId) continue
		const applied = await applyPaymentEvent(
			{ provider: 'BANK_TRANSFER', eventId: `paid:${line.paymentId}`, type: 'paid', paymentId: line.paymentId, providerRef: null, amount: line.amount, occurredAt: line.date ? new Date(`${line.date}T12:00:00+07:00`) : new Date() },
			actor.id,
		)
		if (applied.outcome === 'applied') confirmed++
	}
	return { id: statement.id, summary: result.summary, confirmed }
}

/** An operator marks a statement line listed for review as dealt with (refunded, matched by hand…). */
export async function resolveStatementLine(actor: DealActor, lineId: string) {
	if (!hasRole(actor, 'OPERATOR', 'ADMIN')) throw new DealError('deals.errors.notYourMove', 403)
	await inTransaction(({ tx }) => tx.bankStatementLine.updateMany({ where: { id: lineId, resolvedAt: null }, data: { resolvedAt: new Date(), resolvedById: actor.id } }))
}
