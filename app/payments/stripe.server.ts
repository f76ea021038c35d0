import Stripe from 'stripe'
import type { PaymentProvider, PaymentStart, ProviderEvent } from '~/payments/provider'
import { getEnv } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'

// Stripe Checkout for milestone payments. Starting a payment creates a Checkout Session priced on
// the server from the milestone; only signed webhooks (routes/webhooks/stripe.ts) settle anything,
// never the success page the payer comes back to.

/**
 * The most Stripe accepts in one VND charge: amounts are capped at 8 digits of the smallest unit,
 * and VND is zero-decimal (99,999,999 ₫). Larger milestones are paid by bank transfer.
 */
export const STRIPE_MAX_VND = 99_999_999n

/** Whether Stripe can take this amount in one Checkout Session (the UI can offer Stripe only then). */
export function stripeCanTake(amount: bigint) {
	return amount > 0n && amount <= STRIPE_MAX_VND && amount <= BigInt(Number.MAX_SAFE_INTEGER)
}

let cached: { key: string; host: string | undefined; client: Stripe } | undefined

/** Where the SDK sends requests: Stripe itself, or the local recorder tests set in STRIPE_API_HOST. */
function apiHost(value: string | undefined): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
	if (!value) return {}
	const url = new URL(value)
	const protocol = url.protocol.replace(/:$/, '')
	if (protocol !== 'http' && protocol !== 'https') throw new Error(`STRIPE_API_HOST must be an http(s) URL, got ${value}`)
	return { host: url.hostname, port: url.port || (protocol === 'https' ? 443 : 80), protocol }
}

/** The Stripe client for the configured key (and test host), made once per key and host. */
export function stripeClient(): Stripe {
	const env = getEnv()
	const key = env.STRIPE_SECRET_KEY
	if (!key) throw new Error('STRIPE_SECRET_KEY is not set')
	const host = env.STRIPE_API_HOST
	if (cached?.key !== key || cached.host !== host) {
		// The SDK's pinned API version (its default) matches its types; retries reuse the idempotency key.
		cached = { key, host, client: new Stripe(key, { maxNetworkRetries: 2, ...apiHost(host) }) }
	}
	return cached.client
}

/** The Checkout Session parameters for one milestone payment; exported for the contract test's reading. */
export function checkoutSessionParams(p: PaymentStart): Stripe.Checkout.SessionCreateParams {
	if (!stripeCanTake(p.amount)) {
		throw new Error(`Stripe cannot take ${p.amount} VND in one payment (1 to ${STRIPE_MAX_VND} ₫)`)
	}
	const metadata = { paymentId: p.paymentId, dealId: p.dealId, milestoneId: p.milestoneId, reference: p.reference }
	return {
		mode: 'payment',
		line_items: [
			{
				quantity: 1,
				price_data: {
					currency: 'vnd',
					// VND is zero-decimal in Stripe: 65,000 ₫ is unit_amount 65000, not 6500000.
					unit_amount: Number(p.amount),
					product_data: { name: `${p.dealCode} · ${p.milestoneTitle}` },
				},
			},
		],
		client_reference_id: p.paymentId,
		metadata,
		// Set on the PaymentIntent too, so its charges (and so charge.refunded) name our payment.
		payment_intent_data: { metadata },
		locale: p.locale === 'vi' ? 'vi' : 'en',
		success_url: p.successUrl,
		cancel_url: p.cancelUrl,
		...(p.payerEmail ? { customer_email: p.payerEmail } : {}),
		// No explicit expires_at: Stripe's default is exactly 24 hours after creation, and leaving it
		// out keeps the parameters the same on every attempt for this payment. Stripe refuses a reused
		// idempotency key with different parameters, and "now + 24 h" would differ on every retry.
	}
}

/** Pays a milestone on a Stripe Checkout page, in VND. */
export const stripeProvider: PaymentProvider = {
	name: 'STRIPE',
	available: () => Boolean(getEnv().STRIPE_SECRET_KEY),
	async start(p) {
		const params = checkoutSessionParams(p)
		// One session per payment, however often the buyer clicks or the network retries.
		const session = await stripeClient().checkout.sessions.create(params, { idempotencyKey: `checkout:${p.paymentId}` })
		if (!session.url) throw new Error(`Stripe returned Checkout Session ${session.id} without a URL`)
		return { kind: 'redirect', url: session.url, providerRef: session.id }
	},
}

// ─── Webhooks ─────────────────────────────────────────────────────────────────

export class StripeWebhookError extends Error {
	constructor(
		readonly code: 'signature' | 'notConfigured',
		message: string,
	) {
		super(message)
		this.name = 'StripeWebhookError'
	}
}

/** What a paid event reports when the session was not in VND: it never equals a payment's amount, so it is recorded as a mismatch, not settled. */
const NOT_VND = -1n

/**
 * Verifies a webhook's signature over the raw body (Stripe's default tolerance of 300 s rejects
 * replays of old deliveries) and turns the event into what app/models/payment.server.ts applies.
 * Events we do not act on give [] and are acknowledged. Throws StripeWebhookError when the
 * signature is missing or wrong, or no webhook secret is configured.
 *
 * Sessions are matched by the paymentId in their metadata, else by their id (providerRef, stored
 * when the session was created): a session event never needs fetching again from Stripe. A refund
 * is matched by the charge's metadata, which the PaymentIntent gives its charges (we set
 * payment_intent_data.metadata); a charge without it is recorded as "unknown" for an operator
 * rather than looked up through the API inside the webhook.
 */
export function parseStripeWebhook(rawBody: string, signature: string | null): ProviderEvent[] {
	const secret = getEnv().STRIPE_WEBHOOK_SECRET
	if (!secret) throw new StripeWebhookError('notConfigured', 'STRIPE_WEBHOOK_SECRET is not set')
	if (!signature) throw new StripeWebhookError('signature', 'No Stripe-Signature header')
	let event: Stripe.Event
	try {
		event = Stripe.webhooks.constructEvent(rawBody, signature, secret)
	} catch (error) {
		// A wrong secret, a changed body, an old timestamp, or a body that is not an event at all.
		throw new StripeWebhookError('signature', error instanceof Error ? error.message : String(error))
	}
	return toProviderEvents(event)
}

function toProviderEvents(event: Stripe.Event): ProviderEvent[] {
	const base = { provider: 'STRIPE' as const, eventId: event.id, occurredAt: new Date(event.created * 1000) }
	const fromSession = (session: Stripe.Checkout.Session, type: ProviderEvent['type']): ProviderEvent => ({
		...base,
		type,
		paymentId: session.metadata?.paymentId || session.client_reference_id || null,
		providerRef: session.id,
		amount: type === 'paid' ? paidAmount(session) : null,
	})
	switch (event.type) {
		case 'checkout.session.completed':
			// 'unpaid': an asynchronous method (a bank debit) is still under way; async_payment_* follows.
			// 'no_payment_required' cannot happen for a priced payment-mode session.
			return event.data.object.payment_status === 'paid' ? [fromSession(event.data.object, 'paid')] : []
		case 'checkout.session.async_payment_succeeded':
			return [fromSession(event.data.object, 'paid')]
		case 'checkout.session.async_payment_failed':
			return [fromSession(event.data.object, 'failed')]
		case 'checkout.session.expired':
			return [fromSession(event.data.object, 'expired')]
		case 'charge.refunded': {
			const charge = event.data.object
			if (charge.currency !== 'vnd') logger.warn({ eventId: event.id, currency: charge.currency }, 'Stripe refund in a currency other than VND')
			return [{ ...base, type: 'refunded', paymentId: charge.metadata?.paymentId || null, providerRef: null, amount: BigInt(charge.amount_refunded) }]
		}
		default:
			return []
	}
}

function paidAmount(session: Stripe.Checkout.Session): bigint {
	if (session.currency !== 'vnd' || session.amount_total == null) {
		logger.warn({ sessionId: session.id, currency: session.currency }, 'Stripe session paid in a currency other than VND')
		return NOT_VND
	}
	return BigInt(session.amount_total)
}
