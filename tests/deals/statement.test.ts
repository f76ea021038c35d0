// Reconciling the receiving account's statement against pending bank transfers: exact lines
// confirm once, everything else waits for an operator, and the same file twice pays nothing twice.
import { describe, expect, test } from 'vitest'
import { cancelDeal, DealError } from '~/models/deal.server'
import { applyPaymentEvent, importBankStatement, startPayment } from '~/models/payment.server'
import * as dealRoute from '~/routes/deals/detail'
import { useTestDatabase } from '../db'
import { actorFor, createUser, localeContext, outcome, signIn } from '../factories'
import { agreedDeal } from '../payments/fixtures'

const { prisma } = await useTestDatabase()

async function bankPayment(deal: Awaited<ReturnType<typeof agreedDeal>>, index: number) {
	const started = await startPayment(deal.buyer, { dealId: deal.dealId, milestoneId: deal.milestones[index]!.id, provider: 'BANK_TRANSFER', successUrl: 'http://x/', cancelUrl: 'http://x/', locale: 'vi' })
	return prisma.payment.findUniqueOrThrow({ where: { id: started.paymentId } })
}

describe('bank statement reconciliation', () => {
	test('exact, partial, duplicate and unknown lines; the same statement twice confirms nothing twice', async () => {
		const deal = await agreedDeal(['65000', '80000'])
		const first = await bankPayment(deal, 0)
		const second = await bankPayment(deal, 1)
		const operator = await actorFor((await createUser({ roles: ['MEMBER', 'OPERATOR'] })).id)
		const csv = [
			'\uFEFFNgày giao dịch;Số tiền ghi có;Nội dung giao dịch;Số tham chiếu',
			`01/12/2026;65.000;CT ${first.reference} thanh toan dot 1;FT001`,
			`01/12/2026;70.000;${second.reference} dot 2;FT002`,
			`02/12/2026;65.000;${first.reference} chuyen lai;FT003`,
			'02/12/2026;1.000.000;Tien hang thang 11;FT004',
		].join('\n')
		const result = await importBankStatement(operator, 'sao-ke.csv', new TextEncoder().encode(csv))
		expect(result.summary).toMatchObject({ exact: 1, partial: 1, duplicate: 1, unknown: 1 })
		expect(result.confirmed).toBe(1)
		expect(await prisma.payment.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: 'PAID', confirmedById: operator.id })
		expect((await prisma.payment.findUniqueOrThrow({ where: { id: second.id } })).status).toBe('PENDING')
		expect((await prisma.deal.findUniqueOrThrow({ where: { id: deal.dealId } })).stage).toBe('PAYMENT')
		const review = await prisma.bankStatementLine.findMany({ where: { statementId: result.id, resolvedAt: null }, orderBy: { lineNo: 'asc' } })
		expect(review.map((l) => [l.outcome, l.difference])).toEqual([
			['PARTIAL', -10000n],
			['DUPLICATE', null],
			['UNKNOWN', null],
		])

		const again = await importBankStatement(operator, 'sao-ke.csv', new TextEncoder().encode(csv))
		expect(again.confirmed).toBe(0)
		expect(again.summary.exact).toBe(0)
		expect(await prisma.dealMilestone.count({ where: { dealId: deal.dealId, status: 'PAID' } })).toBe(1)
		expect(await prisma.paymentEvent.count({ where: { paymentId: first.id, type: 'paid' } })).toBe(1)
	})

	test('money that arrives for a cancelled deal is recorded for refund and settles nothing', async () => {
		const deal = await agreedDeal(['65000'])
		const payment = await bankPayment(deal, 0)
		await cancelDeal(deal.buyer, deal.dealId, 'Đổi kế hoạch đầu tư')
		expect((await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe('CANCELLED')
		const late = await applyPaymentEvent({ provider: 'BANK_TRANSFER', eventId: `paid:${payment.id}`, type: 'paid', paymentId: payment.id, providerRef: null, amount: 65000n, occurredAt: new Date() })
		expect(late.outcome).toBe('refundDue')
		expect((await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe('PAID')
		expect((await prisma.dealMilestone.findUniqueOrThrow({ where: { id: deal.milestones[0]!.id } })).status).toBe('DUE')
		expect((await prisma.deal.findUniqueOrThrow({ where: { id: deal.dealId } })).stage).toBe('CANCELLED')
	})

	test('a file that is not a statement is refused with the reason; only operators may upload', async () => {
		const operator = await actorFor((await createUser({ roles: ['MEMBER', 'OPERATOR'] })).id)
		await expect(importBankStatement(operator, 'x.csv', new TextEncoder().encode('a,b\n1,2'))).rejects.toSatisfy((e: unknown) => e instanceof DealError && e.key === 'deals.statement.errors.noHeader' && e.status === 400)
		const member = await actorFor((await createUser()).id)
		await expect(importBankStatement(member, 'x.csv', new TextEncoder().encode('x'))).rejects.toSatisfy((e: unknown) => e instanceof DealError && e.status === 403)
	})
})

describe('the deal page action', () => {
	async function post(dealId: string, userId: string, fields: Record<string, string>) {
		const { cookie } = await signIn(userId)
		const request = new Request(`http://localhost/deals/${dealId}`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) })
		return outcome(dealRoute.action({ request, params: { id: dealId }, context: await localeContext(request) } as never))
	}

	test('bad input is a 4xx with what was typed kept; a stranger gets 404; a refused move says why', async () => {
		const deal = await agreedDeal(['65000'])
		const buyerUser = deal.buyer.id
		const strangerId = (await createUser()).id
		expect((await post(deal.dealId, buyerUser, { intent: 'teleport' })).status).toBe(400)
		const refused = await post(deal.dealId, deal.seller.id, { intent: 'openNda' })
		expect(refused.status).toBe(409)
		expect((refused.body as { error: string }).error).toBe('deals.errors.wrongStage')
		expect((await post(deal.dealId, strangerId, { intent: 'cancel', reason: 'tôi muốn hủy' })).status).toBe(404)
		const bad = await post(deal.dealId, buyerUser, { intent: 'recordOutcome', value: 'nhiều tiền', mode: 'LICENSING', date: '2026-12-01' })
		expect(bad.status).toBe(400)
		const body = bad.body as { fieldErrors: Record<string, string[]>; values: Record<string, string> }
		expect(body.fieldErrors.value).toEqual(['deals.errors.amount'])
		expect(body.values.value).toBe('nhiều tiền')
		const paid = await post(deal.dealId, buyerUser, { intent: 'pay', milestoneId: deal.milestones[0]!.id, provider: 'BANK_TRANSFER' })
		expect(paid.status).toBe(302)
		expect(paid.location).toMatch(new RegExp(`^/deals/${deal.dealId}/payments/`))
	})
})
