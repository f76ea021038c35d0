// The Stripe webhook route against a real database, with events signed the way Stripe signs them:
// every event counts once, any order of delivery ends in the same state, and nothing unsigned or
// altered is recorded.
import type { AddressInfo } from 'node:net'
import express from 'express'
import { RouterContextProvider } from 'react-router'
import { afterAll, describe, expect, test } from 'vitest'
import { startPayment } from '~/models/payment.server'
import { parseStripeWebhook, StripeWebhookError } from '~/payments/stripe.server'
import * as stripeRoute from '~/routes/webhooks/stripe'
import { crossOriginGuard } from '~/utils/origin.server'
import { useTestDatabase } from '../db'
import {
	agreedDeal,
	chargeObject,
	configureStripe,
	sessionObject,
	signatureFor,
	startStripeRecorder,
	stripeEvent,
	webhookRequest,
	type PaymentRow,
} from './fixtures'

const { prisma } = await useTestDatabase()
const recorder = await startStripeRecorder()
configureStripe({ apiHost: recorder.url })
afterAll(() => recorder.close())

type Deal = Awaited<ReturnType<typeof agreedDeal>>
type Delivery = { status: number; body: { received?: boolean; outcomes?: Array<{ eventId: string; type: string; outcome: string; paymentId: string | null }>; error?: { code: string; message: string } } }

async function call(request: Request): Promise<Delivery> {
	const args = { request, params: {}, context: new RouterContextProvider() } as never
	const response = request.method === 'GET' ? await stripeRoute.loader() : await stripeRoute.action(args)
	return { status: response.status, body: (await response.json()) as Delivery['body'] }
}

/** Delivers an event as Stripe does: the JSON body, signed now with the endpoint's secret. */
function deliver(event: object, options: { secret?: string; timestamp?: number } = {}) {
	const payload = JSON.stringify(event)
	return call(webhookRequest(payload, signatureFor(payload, options)))
}

async function stripePayment(deal: Deal, milestone = 0): Promise<PaymentRow> {
	const started = await startPayment(deal.buyer, {
		dealId: deal.dealId,
		milestoneId: deal.milestones[milestone]!.id,
		provider: 'STRIPE',
		successUrl: `http://localhost/deals/${deal.dealId}?stripe=success`,
		cancelUrl: `http://localhost/deals/${deal.dealId}?stripe=cancel`,
		locale: 'vi',
	})
	expect(started.error).toBeNull()
	expect(started.instructions).toMatchObject({ kind: 'redirect' })
	return prisma.payment.findUniqueOrThrow({ where: { id: started.paymentId } })
}

/** What must not depend on the order events arrived in. */
async function state(dealId: string, paymentId: string) {
	const [payment, deal, milestones, paidEvents] = await Promise.all([
		prisma.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { status: true, refundedAmount: true, milestone: { select: { status: true, paidPaymentId: true } } } }),
		prisma.deal.findUniqueOrThrow({ where: { id: dealId }, select: { stage: true } }),
		prisma.dealMilestone.findMany({ where: { dealId }, select: { status: true } }),
		prisma.dealEvent.findMany({ where: { dealId, kind: 'payment.paid' }, select: { data: true } }),
	])
	return {
		payment: payment.status,
		refunded: payment.refundedAmount,
		milestone: payment.milestone.status,
		settledByThisPayment: payment.milestone.paidPaymentId === paymentId,
		stage: deal.stage,
		paidMilestones: milestones.filter((m) => m.status === 'PAID').length,
		// A milestone is settled by one payment event at most, however often the events came.
		settlements: paidEvents.filter((e) => (e.data as { duplicate?: boolean }).duplicate === false).length,
	}
}

function permutations<T>(items: readonly T[]): T[][] {
	if (items.length <= 1) return [items.slice()]
	return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]))
}

type EventMaker = (p: PaymentRow) => object
const completed: EventMaker = (p) => stripeEvent('checkout.session.completed', sessionObject(p))
const completedUnpaid: EventMaker = (p) => stripeEvent('checkout.session.completed', sessionObject(p, { payment_status: 'unpaid' }))
const asyncFailed: EventMaker = (p) => stripeEvent('checkout.session.async_payment_failed', sessionObject(p, { payment_status: 'unpaid' }))
const asyncSucceeded: EventMaker = (p) => stripeEvent('checkout.session.async_payment_succeeded', sessionObject(p))
const expired: EventMaker = (p) => stripeEvent('checkout.session.expired', sessionObject(p, { status: 'expired', payment_status: 'unpaid' }))
const refunded =
	(amount?: number): EventMaker =>
	(p) =>
		stripeEvent('charge.refunded', chargeObject(p, amount === undefined ? {} : { amount_refunded: amount, refunded: amount >= Number(p.amount) }))

/** Runs the events of one payment of a fresh deal in the given order, each delivered twice, then all once more (Stripe's later retries). */
async function run(makers: readonly EventMaker[]) {
	const deal = await agreedDeal()
	const payment = await stripePayment(deal)
	const events = makers.map((make) => make(payment))
	for (const event of events) {
		const first = await deliver(event)
		const again = await deliver(event)
		expect(first.status).toBe(200)
		expect(again.status).toBe(200)
		for (const o of again.body.outcomes ?? []) expect(o.outcome).toBe('duplicate')
	}
	for (const event of events) {
		const late = await deliver(event)
		for (const o of late.body.outcomes ?? []) expect(o.outcome).toBe('duplicate')
	}
	const { settlements, ...rest } = await state(deal.dealId, payment.id)
	expect(settlements).toBeLessThanOrEqual(1)
	return rest
}

type OrderFree = Omit<Awaited<ReturnType<typeof state>>, 'settlements'>

const SCENARIOS: Array<{ name: string; canonical: EventMaker[]; expected: OrderFree }> = [
	{
		name: 'paid, then fully refunded',
		canonical: [completed, refunded()],
		expected: { payment: 'REFUNDED', refunded: 65000n, milestone: 'DUE', settledByThisPayment: false, stage: 'PAYMENT', paidMilestones: 0 },
	},
	{
		name: 'paid, then an expiry of the same session',
		canonical: [completed, expired],
		expected: { payment: 'PAID', refunded: 0n, milestone: 'PAID', settledByThisPayment: true, stage: 'PAYMENT', paidMilestones: 1 },
	},
	{
		name: 'an asynchronous payment: pending, failed, then succeeded',
		canonical: [completedUnpaid, asyncFailed, asyncSucceeded],
		expected: { payment: 'PAID', refunded: 0n, milestone: 'PAID', settledByThisPayment: true, stage: 'PAYMENT', paidMilestones: 1 },
	},
	{
		name: 'paid, then refunded in part',
		canonical: [completed, refunded(20000)],
		expected: { payment: 'REFUNDED', refunded: 20000n, milestone: 'PAID', settledByThisPayment: true, stage: 'PAYMENT', paidMilestones: 1 },
	},
	{
		name: 'paid, refunded in part, then in full',
		canonical: [completed, refunded(20000), refunded(65000)],
		expected: { payment: 'REFUNDED', refunded: 65000n, milestone: 'DUE', settledByThisPayment: false, stage: 'PAYMENT', paidMilestones: 0 },
	},
]

describe('Stripe events in any order', () => {
	for (const scenario of SCENARIOS) {
		test(`${scenario.name}: every order of delivery, each event twice, ends as the canonical order does`, async () => {
			const canonical = await run(scenario.canonical)
			expect(canonical).toEqual(scenario.expected)
			for (const order of permutations(scenario.canonical).slice(1)) {
				const names = order.map((m) => scenario.canonical.indexOf(m)).join(',')
				expect({ order: names, ...(await run(order)) }).toEqual({ order: names, ...canonical })
			}
		})
	}
})

describe('settling milestones', () => {
	test('a paid session settles its milestone once, with the amount from the session; the deal moves to PAYMENT', async () => {
		const deal = await agreedDeal()
		expect(deal.deal.stage).toBe('AGREEMENT')
		const payment = await stripePayment(deal)
		const event = completed(payment)
		const first = await deliver(event)
		expect(first).toEqual({ status: 200, body: { received: true, outcomes: [{ eventId: (event as { id: string }).id, type: 'paid', outcome: 'applied', paymentId: payment.id }] } })
		expect(await state(deal.dealId, payment.id)).toMatchObject({ payment: 'PAID', milestone: 'PAID', stage: 'PAYMENT', paidMilestones: 1, settlements: 1 })
		const recorded = await prisma.paymentEvent.findMany({ where: { paymentId: payment.id } })
		expect(recorded).toHaveLength(1)
		expect(recorded[0]).toMatchObject({ provider: 'STRIPE', eventId: (event as { id: string }).id, type: 'paid', outcome: 'applied' })

		// The other milestone is paid by its own session.
		const second = await stripePayment(deal, 1)
		expect(second.providerRef).not.toBe(payment.providerRef)
		expect((await deliver(completed(second))).body.outcomes?.[0]?.outcome).toBe('applied')
		expect(await state(deal.dealId, second.id)).toMatchObject({ payment: 'PAID', milestone: 'PAID', paidMilestones: 2, settlements: 2 })
	})

	test('a second Checkout Session paid for the same milestone does not settle it again: recorded as duplicatePayment', async () => {
		const deal = await agreedDeal()
		const first = await stripePayment(deal)
		// Stripe said the first session expired, so the buyer got a new one...
		expect((await deliver(expired(first))).body.outcomes?.[0]?.outcome).toBe('applied')
		const second = await stripePayment(deal)
		expect(second.id).not.toBe(first.id)
		expect(second.providerRef).not.toBe(first.providerRef)
		// ...and both were paid in the end (the first by a late asynchronous success).
		expect((await deliver(completed(second))).body.outcomes?.[0]?.outcome).toBe('applied')
		expect((await deliver(asyncSucceeded(first))).body.outcomes?.[0]?.outcome).toBe('duplicatePayment')

		const milestone = await prisma.dealMilestone.findUniqueOrThrow({ where: { id: deal.milestones[0]!.id } })
		expect(milestone).toMatchObject({ status: 'PAID', paidPaymentId: second.id })
		expect((await prisma.payment.findUniqueOrThrow({ where: { id: first.id } })).status).toBe('PAID')
		expect(await prisma.paymentEvent.findMany({ where: { paymentId: first.id }, select: { outcome: true }, orderBy: { receivedAt: 'asc' } })).toEqual([{ outcome: 'applied' }, { outcome: 'duplicatePayment' }])
		const paidEvents = await prisma.dealEvent.findMany({ where: { dealId: deal.dealId, kind: 'payment.paid' }, select: { data: true } })
		expect(paidEvents.map((e) => (e.data as { duplicate: boolean }).duplicate).sort()).toEqual([false, true])
		expect(await prisma.dealMilestone.count({ where: { dealId: deal.dealId, status: 'PAID' } })).toBe(1)
	})

	test('a session event without our metadata is matched by its session id', async () => {
		const deal = await agreedDeal()
		const payment = await stripePayment(deal)
		const result = await deliver(completed({ ...payment, id: '' }))
		// sessionObject took '' for paymentId and client_reference_id: only the session id is left to match.
		expect(result.body.outcomes).toEqual([expect.objectContaining({ outcome: 'applied', paymentId: payment.id })])
	})

	test('a paid session whose amount or currency differs from the payment is recorded as a mismatch and settles nothing', async () => {
		const deal = await agreedDeal()
		const payment = await stripePayment(deal)
		expect((await deliver(stripeEvent('checkout.session.completed', sessionObject(payment, { amount_total: 1000 })))).body.outcomes?.[0]?.outcome).toBe('amountMismatch')
		expect((await deliver(stripeEvent('checkout.session.completed', sessionObject(payment, { currency: 'usd', amount_total: 65000 })))).body.outcomes?.[0]?.outcome).toBe('amountMismatch')
		expect(await state(deal.dealId, payment.id)).toMatchObject({ payment: 'PENDING', milestone: 'DUE', stage: 'AGREEMENT', paidMilestones: 0 })
	})

	test('a completed session still awaiting an asynchronous payment is acknowledged and changes nothing', async () => {
		const deal = await agreedDeal()
		const payment = await stripePayment(deal)
		expect(await deliver(completedUnpaid(payment))).toEqual({ status: 200, body: { received: true, outcomes: [] } })
		expect(await prisma.paymentEvent.count({ where: { paymentId: payment.id } })).toBe(0)
		expect((await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe('PENDING')
	})
})

describe('what the endpoint refuses or ignores', () => {
	test('a tampered body is refused with 400 and nothing is recorded', async () => {
		const deal = await agreedDeal()
		const payment = await stripePayment(deal)
		const genuine = JSON.stringify(stripeEvent('checkout.session.completed', sessionObject(payment, { amount_total: 1 })))
		const signature = signatureFor(genuine)
		const tampered = genuine.replace('"amount_total":1,', '"amount_total":65000,')
		expect(tampered).not.toBe(genuine)
		const before = await prisma.paymentEvent.count()
		const result = await call(webhookRequest(tampered, signature))
		expect(result).toEqual({ status: 400, body: { error: { code: 'bad_signature', message: 'Chữ ký webhook không hợp lệ. / Invalid webhook signature.' } } })
		expect(await prisma.paymentEvent.count()).toBe(before)
		expect(await state(deal.dealId, payment.id)).toMatchObject({ payment: 'PENDING', milestone: 'DUE', stage: 'AGREEMENT' })
	})

	test('a signature made ten minutes ago is refused (replayed delivery)', async () => {
		const deal = await agreedDeal()
		const payment = await stripePayment(deal)
		const result = await deliver(completed(payment), { timestamp: Math.floor(Date.now() / 1000) - 600 })
		expect(result.status).toBe(400)
		expect(result.body.error?.code).toBe('bad_signature')
		expect(await prisma.paymentEvent.count({ where: { paymentId: payment.id } })).toBe(0)
	})

	test('a signature made with another secret, or none at all, is refused', async () => {
		const deal = await agreedDeal()
		const payment = await stripePayment(deal)
		expect((await deliver(completed(payment), { secret: 'whsec_someone_else_0123456789' })).status).toBe(400)
		const payload = JSON.stringify(completed(payment))
		expect((await call(webhookRequest(payload, null))).body.error?.code).toBe('bad_signature')
		expect((await call(webhookRequest(payload, 't=123,v1=deadbeef'))).status).toBe(400)
		expect((await call(webhookRequest('not json', signatureFor('not json')))).status).toBe(400)
		expect(await prisma.paymentEvent.count({ where: { paymentId: payment.id } })).toBe(0)
		expect(() => parseStripeWebhook(payload, null)).toThrow(StripeWebhookError)
	})

	test('an event type we do not act on is acknowledged with 200 and not recorded', async () => {
		const before = await prisma.paymentEvent.count()
		const result = await deliver(stripeEvent('customer.created', { id: 'cus_test_1', object: 'customer' }))
		expect(result).toEqual({ status: 200, body: { received: true, outcomes: [] } })
		expect(await prisma.paymentEvent.count()).toBe(before)
	})

	test('an event for a payment we do not know is acknowledged with 200 and recorded as unknown', async () => {
		const event = stripeEvent('checkout.session.completed', {
			...sessionObject({ id: 'cnotapayment0000000000000', dealId: 'x', milestoneId: 'y', reference: 'CN00000000', amount: 65000n, providerRef: 'cs_test_not_ours' }),
		})
		const result = await deliver(event)
		expect(result).toEqual({ status: 200, body: { received: true, outcomes: [{ eventId: event.id, type: 'paid', outcome: 'unknown', paymentId: null }] } })
		expect(await prisma.paymentEvent.findUniqueOrThrow({ where: { provider_eventId: { provider: 'STRIPE', eventId: event.id } } })).toMatchObject({ paymentId: null, outcome: 'unknown', type: 'paid' })
		// Its retry is a duplicate, still 200, so Stripe stops retrying.
		expect((await deliver(event)).body.outcomes?.[0]?.outcome).toBe('duplicate')
	})

	test('without STRIPE_WEBHOOK_SECRET the endpoint answers 503, bilingually', async () => {
		configureStripe({ apiHost: recorder.url, webhookSecret: null })
		try {
			const result = await deliver(stripeEvent('customer.created', { id: 'cus_test_2', object: 'customer' }))
			expect(result.status).toBe(503)
			expect(result.body.error).toEqual({ code: 'not_configured', message: 'Chưa cấu hình webhook Stripe. / Stripe webhooks are not configured.' })
		} finally {
			configureStripe({ apiHost: recorder.url })
		}
	})

	test('GET is answered 405 with Allow: POST', async () => {
		const response = stripeRoute.loader()
		expect(response.status).toBe(405)
		expect(response.headers.get('Allow')).toBe('POST')
	})
})

describe('over HTTP, behind the CSRF guard', () => {
	test("Stripe's POST (no Origin, no Sec-Fetch-Site) passes the guard and its raw body verifies", async () => {
		// The server's order: the cross-origin guard, then the route; nothing parses bodies before it.
		const app = express()
		app.use(crossOriginGuard({ appUrl: 'https://caunoi.example' }))
		app.post('/webhooks/stripe', async (req, res, next) => {
			try {
				const chunks: Buffer[] = []
				for await (const chunk of req) chunks.push(chunk as Buffer)
				const headers = new Headers()
				for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
				const response = await stripeRoute.action({ request: new Request(`http://localhost${req.url}`, { method: 'POST', headers, body: Buffer.concat(chunks) }), params: {}, context: new RouterContextProvider() } as never)
				res.status(response.status).type('application/json').send(await response.text())
			} catch (error) {
				next(error)
			}
		})
		const server = app.listen(0, '127.0.0.1')
		await new Promise((resolve) => server.once('listening', resolve))
		try {
			const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
			const deal = await agreedDeal()
			const payment = await stripePayment(deal)
			// Vietnamese text in the body: the signature is over the exact bytes sent.
			const payload = JSON.stringify(stripeEvent('checkout.session.completed', sessionObject(payment, { custom_text: { submit: { message: 'Thanh toán đợt 1 – cảm ơn quý khách' } } })))
			const post = (body: string, signature: string) => fetch(`${base}/webhooks/stripe`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature }, body })
			const tampered = await post(payload.replace('cảm ơn', 'cam on'), signatureFor(payload))
			expect(tampered.status).toBe(400)
			const ok = await post(payload, signatureFor(payload))
			expect(ok.status).toBe(200)
			expect(await ok.json()).toMatchObject({ received: true, outcomes: [{ outcome: 'applied', paymentId: payment.id }] })
			// A browser on another site cannot post to it.
			const forged = await fetch(`${base}/webhooks/stripe`, { method: 'POST', headers: { Origin: 'https://evil.example', 'Stripe-Signature': signatureFor(payload) }, body: payload })
			expect(forged.status).toBe(403)
		} finally {
			server.close()
		}
	})
})
