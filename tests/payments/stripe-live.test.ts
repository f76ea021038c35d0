// Against Stripe's test mode itself, when a test key is given (STRIPE_SECRET_KEY=sk_test_…, and no
// STRIPE_API_HOST): creates a real VND Checkout Session and expires it again. Without one it is
// skipped, and says so; it never runs with a live key.
import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { stripeClient, stripeProvider } from '~/payments/stripe.server'
import { resetEnvCache } from '~/utils/env.server'

const key = process.env.STRIPE_SECRET_KEY
const runs = Boolean(key?.startsWith('sk_test_')) && !process.env.STRIPE_API_HOST
const why = !key ? 'STRIPE_SECRET_KEY is not set' : !key.startsWith('sk_test_') ? 'STRIPE_SECRET_KEY is not a test key (sk_test_…); it never runs with a live key' : 'STRIPE_API_HOST points the SDK at a recorder'

if (runs) {
	describe('Stripe test mode', () => {
		test('creates a Checkout Session of 65,000 ₫ with our metadata, then expires it', async () => {
			resetEnvCache()
			const paymentId = `live_${randomBytes(6).toString('hex')}`
			const input = {
				paymentId,
				dealId: 'deal_live_test',
				dealCode: 'GD-TEST-LIVE',
				milestoneId: 'milestone_live_test',
				milestoneTitle: 'Đợt 1 – kiểm thử',
				amount: 65_000n,
				reference: 'CNLIVETEST',
				successUrl: 'https://example.com/success',
				cancelUrl: 'https://example.com/cancel',
				locale: 'vi' as const,
			}
			const started = await stripeProvider.start(input)
			expect(started).toMatchObject({ kind: 'redirect', url: expect.stringMatching(/^https:\/\/checkout\.stripe\.com\//), providerRef: expect.stringMatching(/^cs_test_/) })
			if (started.kind !== 'redirect') throw new Error('expected a redirect')
			const stripe = stripeClient()
			const session = await stripe.checkout.sessions.retrieve(started.providerRef)
			expect(session).toMatchObject({ mode: 'payment', currency: 'vnd', amount_total: 65000, client_reference_id: paymentId, locale: 'vi', metadata: { paymentId } })
			// About 24 hours from now: Stripe's default, which we rely on.
			expect(Math.abs(session.expires_at - (Date.now() / 1000 + 24 * 3600))).toBeLessThan(600)
			// The same payment asks again: the idempotency key returns the same session.
			const again = await stripeProvider.start(input)
			expect(again).toMatchObject({ providerRef: started.providerRef })
			await stripe.checkout.sessions.expire(started.providerRef)
		})
	})
} else {
	describe('Stripe test mode', () => {
		test.skip(`skipped: ${why} (set STRIPE_SECRET_KEY=sk_test_… and unset STRIPE_API_HOST to create a real Checkout Session)`, () => {})
	})
	console.info(`[payments] Stripe live test skipped: ${why}.`)
}
