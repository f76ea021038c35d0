// What the Stripe SDK sends when a buyer starts paying a milestone, recorded by a local server
// standing in for api.stripe.com (no Stripe mock server can be installed here; see
// ../shared/STACK-NOTES.md). The price comes from the milestone on the server, in whole đồng.
import { afterAll, beforeEach, describe, expect, test } from 'vitest'
import { startPayment } from '~/models/payment.server'
import { availableProviders } from '~/payments/providers.server'
import { checkoutSessionParams, STRIPE_MAX_VND, stripeCanTake, stripeClient, stripeProvider } from '~/payments/stripe.server'
import { useTestDatabase } from '../db'
import { agreedDeal, configureStripe, startStripeRecorder, TEST_SECRET_KEY } from './fixtures'

const { prisma } = await useTestDatabase()
const recorder = await startStripeRecorder()
configureStripe({ apiHost: recorder.url })
afterAll(() => recorder.close())
beforeEach(() => {
	recorder.requests.length = 0
})

type Deal = Awaited<ReturnType<typeof agreedDeal>>

function start(deal: Deal, options: { milestone?: number; locale?: 'vi' | 'en'; payerEmail?: string | null } = {}) {
	return startPayment(deal.buyer, {
		dealId: deal.dealId,
		milestoneId: deal.milestones[options.milestone ?? 0]!.id,
		provider: 'STRIPE',
		successUrl: `http://localhost/deals/${deal.dealId}?stripe=success`,
		cancelUrl: `http://localhost/deals/${deal.dealId}?stripe=cancel`,
		locale: options.locale ?? 'vi',
		payerEmail: options.payerEmail,
	})
}

describe('the Checkout Session request', () => {
	test('a 65,000 ₫ milestone is sent as unit_amount 65000 in VND, with our ids in the metadata and an idempotency key per payment', async () => {
		const deal = await agreedDeal(['65000', '35000'])
		const started = await start(deal, { payerEmail: deal.buyerEmail })
		expect(started.error).toBeNull()
		const payment = await prisma.payment.findUniqueOrThrow({ where: { id: started.paymentId } })
		expect(payment).toMatchObject({ provider: 'STRIPE', status: 'PENDING', amount: 65000n, milestoneId: deal.milestones[0]!.id })

		const [request, ...more] = recorder.sessionRequests()
		expect(more).toHaveLength(0)
		expect(request!.method).toBe('POST')
		expect(request!.path).toBe('/v1/checkout/sessions')
		expect(request!.headers['content-type']).toContain('application/x-www-form-urlencoded')
		expect(request!.headers.authorization).toBe(`Bearer ${TEST_SECRET_KEY}`)
		expect(request!.headers['idempotency-key']).toBe(`checkout:${payment.id}`)
		expect(request!.headers['stripe-version']).toMatch(/^\d{4}-\d{2}-\d{2}/)

		const form = Object.fromEntries(request!.form)
		expect(form).toEqual({
			mode: 'payment',
			'line_items[0][quantity]': '1',
			'line_items[0][price_data][currency]': 'vnd',
			'line_items[0][price_data][unit_amount]': '65000',
			'line_items[0][price_data][product_data][name]': `${deal.deal.code} · Đợt 1`,
			client_reference_id: payment.id,
			'metadata[paymentId]': payment.id,
			'metadata[dealId]': deal.dealId,
			'metadata[milestoneId]': deal.milestones[0]!.id,
			'metadata[reference]': payment.reference,
			'payment_intent_data[metadata][paymentId]': payment.id,
			'payment_intent_data[metadata][dealId]': deal.dealId,
			'payment_intent_data[metadata][milestoneId]': deal.milestones[0]!.id,
			'payment_intent_data[metadata][reference]': payment.reference,
			locale: 'vi',
			success_url: `http://localhost/deals/${deal.dealId}?stripe=success`,
			cancel_url: `http://localhost/deals/${deal.dealId}?stripe=cancel`,
			customer_email: deal.buyerEmail,
		})

		// The session's id and page are kept on the payment: the webhook finds it, the page links to it.
		expect(started.instructions).toEqual({ kind: 'redirect', url: expect.stringMatching(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/), providerRef: expect.stringMatching(/^cs_test_/) })
		const stored = await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })
		expect(stored.providerRef).toBe(started.instructions!.kind === 'redirect' ? started.instructions!.providerRef : null)
		expect(stored.checkoutUrl).toBe(started.instructions!.kind === 'redirect' ? started.instructions!.url : null)
	})

	test('the English page is asked for in English, and no e-mail is sent when none is known', async () => {
		const deal = await agreedDeal()
		await start(deal, { milestone: 1, locale: 'en' })
		const form = recorder.sessionRequests()[0]!.form
		expect(form.get('locale')).toBe('en')
		expect(form.has('customer_email')).toBe(false)
		expect(form.get('line_items[0][price_data][unit_amount]')).toBe('65000')
	})

	test('the amount cannot come from the client: startPayment takes none and charges the milestone', async () => {
		const deal = await agreedDeal(['120000', '10000'])
		const started = await startPayment(deal.buyer, {
			dealId: deal.dealId,
			milestoneId: deal.milestones[0]!.id,
			provider: 'STRIPE',
			successUrl: 'http://localhost/ok',
			cancelUrl: 'http://localhost/cancel',
			locale: 'vi',
			// @ts-expect-error: there is no amount to pass; a form field named so is never read.
			amount: 1,
		})
		expect(started.error).toBeNull()
		expect(recorder.sessionRequests()[0]!.form.get('line_items[0][price_data][unit_amount]')).toBe('120000')
		expect((await prisma.payment.findUniqueOrThrow({ where: { id: started.paymentId } })).amount).toBe(120000n)
	})

	test('starting twice reuses the pending payment and its stored session: no second request to Stripe', async () => {
		const deal = await agreedDeal()
		const first = await start(deal)
		const second = await start(deal)
		expect(second.paymentId).toBe(first.paymentId)
		expect(second.instructions).toEqual(first.instructions)
		expect(recorder.sessionRequests()).toHaveLength(1)
		expect(await prisma.payment.count({ where: { milestoneId: deal.milestones[0]!.id } })).toBe(1)
	})

	test('after Stripe refused once, trying again sends the same idempotency key and the very same parameters', async () => {
		const deal = await agreedDeal()
		recorder.failNext({ status: 400, body: { error: { type: 'invalid_request_error', message: 'Test refusal' } } })
		const failed = await start(deal)
		expect(failed).toMatchObject({ instructions: null, error: 'deals.payments.errors.providerFailed' })
		expect((await prisma.payment.findUniqueOrThrow({ where: { id: failed.paymentId } })).checkoutUrl).toBeNull()
		const retried = await start(deal)
		expect(retried.paymentId).toBe(failed.paymentId)
		expect(retried.error).toBeNull()
		const [a, b] = recorder.sessionRequests()
		expect(b!.headers['idempotency-key']).toBe(a!.headers['idempotency-key'])
		// Stripe refuses a reused key with other parameters, so nothing in them may depend on the time of the attempt.
		expect(b!.body).toBe(a!.body)
	})

	test('a dropped connection and a 503 are retried by the SDK with the same key, giving one session', async () => {
		const deal = await agreedDeal()
		recorder.failNext('hang-up', { status: 503, body: { error: { type: 'api_error', message: 'Try again' } } })
		const started = await start(deal)
		expect(started.error).toBeNull()
		const sent = recorder.sessionRequests()
		expect(sent).toHaveLength(3)
		expect(new Set(sent.map((r) => r.headers['idempotency-key']))).toEqual(new Set([`checkout:${started.paymentId}`]))
	})
})

describe('limits and configuration', () => {
	const base = {
		paymentId: 'cpay',
		dealId: 'cdeal',
		dealCode: 'GD-2026-TEST',
		milestoneId: 'cms',
		milestoneTitle: 'Đợt 1',
		reference: 'CNABCDEFGH',
		successUrl: 'http://localhost/ok',
		cancelUrl: 'http://localhost/cancel',
		locale: 'vi' as const,
	}

	test("amounts Stripe cannot take in one VND charge are refused before any request (its 8-digit cap, JavaScript's safe integers, zero)", async () => {
		expect(checkoutSessionParams({ ...base, amount: STRIPE_MAX_VND }).line_items?.[0]?.price_data?.unit_amount).toBe(99_999_999)
		expect(() => checkoutSessionParams({ ...base, amount: STRIPE_MAX_VND + 1n })).toThrow(/cannot take/)
		expect(() => checkoutSessionParams({ ...base, amount: 2n ** 60n })).toThrow(/cannot take/)
		expect(() => checkoutSessionParams({ ...base, amount: 0n })).toThrow(/cannot take/)
		expect(stripeCanTake(65_000n)).toBe(true)
		expect(stripeCanTake(1_000_000_000n)).toBe(false)
		await expect(stripeProvider.start({ ...base, amount: 1_000_000_000n })).rejects.toThrow(/cannot take/)
		expect(recorder.sessionRequests()).toHaveLength(0)
	})

	test('Stripe is offered only with a secret key; the client is made once per key and host', () => {
		const client = stripeClient()
		expect(stripeClient()).toBe(client)
		expect(availableProviders()).toContain('STRIPE')
		configureStripe({ apiHost: recorder.url, secretKey: null })
		try {
			expect(stripeProvider.available()).toBe(false)
			expect(availableProviders()).not.toContain('STRIPE')
			expect(() => stripeClient()).toThrow(/STRIPE_SECRET_KEY/)
		} finally {
			configureStripe({ apiHost: recorder.url })
		}
		configureStripe({ apiHost: recorder.url, secretKey: 'sk_test_another_key_0000' })
		try {
			expect(stripeClient()).not.toBe(client)
		} finally {
			configureStripe({ apiHost: recorder.url })
		}
	})
})
