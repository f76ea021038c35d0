import type { Route } from './+types/stripe'
import { applyPaymentEvent } from '~/models/payment.server'
import { parseStripeWebhook, StripeWebhookError } from '~/payments/stripe.server'
import { logger } from '~/utils/logger.server'

// Stripe's webhook endpoint (configure it in the Stripe dashboard as APP_URL + /webhooks/stripe).
// The signature is checked over the raw body before anything is parsed; each event is recorded once
// and applied forward only, so Stripe's retries and out-of-order deliveries are harmless.
// Stripe sends no Origin or Sec-Fetch-Site header, so the CSRF guard lets it through, and there is
// no session to read. A database failure throws (500) and Stripe delivers the event again later.

const MESSAGES = {
	bad_signature: 'Chữ ký webhook không hợp lệ. / Invalid webhook signature.',
	not_configured: 'Chưa cấu hình webhook Stripe. / Stripe webhooks are not configured.',
	method_not_allowed: 'Chỉ nhận POST. / Only POST is accepted.',
} as const

function failure(status: number, code: keyof typeof MESSAGES, headers?: HeadersInit) {
	return Response.json({ error: { code, message: MESSAGES[code] } }, { status, headers })
}

export async function action({ request }: Route.ActionArgs) {
	if (request.method !== 'POST') return failure(405, 'method_not_allowed', { Allow: 'POST' })
	const rawBody = await request.text()
	let events
	try {
		events = parseStripeWebhook(rawBody, request.headers.get('stripe-signature'))
	} catch (error) {
		if (!(error instanceof StripeWebhookError)) throw error
		if (error.code === 'notConfigured') {
			logger.error('Stripe webhook received but STRIPE_WEBHOOK_SECRET is not set')
			return failure(503, 'not_configured')
		}
		logger.warn({ reason: error.message }, 'Stripe webhook with a bad signature refused')
		return failure(400, 'bad_signature')
	}
	const outcomes = []
	for (const event of events) {
		const { outcome, paymentId } = await applyPaymentEvent(event)
		outcomes.push({ eventId: event.eventId, type: event.type, outcome, paymentId })
	}
	return Response.json({ received: true, outcomes })
}

export function loader() {
	return failure(405, 'method_not_allowed', { Allow: 'POST' })
}
