// Shared by the Stripe tests: a deal signed up to AGREEMENT through the deal model, a local
// recorder standing in for api.stripe.com, and Stripe events signed like real deliveries.
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { TermsSchema } from '~/deals/terms-schema'
import { acceptNda, openNda, proposeTerms, signTerms, startDeal } from '~/models/deal.server'
import { prisma } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { actorFor, createOwner } from '../factories'
import { exchange, publishedOffer } from '../search/helpers'

export const TEST_SECRET_KEY = 'sk_test_recorder_0123456789'
export const TEST_WEBHOOK_SECRET = 'whsec_test_recorder_0123456789abcdef'

/** Points the app at the recorder (or clears Stripe's settings when `apiHost` is null). */
export function configureStripe(settings: { apiHost: string | null; secretKey?: string | null; webhookSecret?: string | null }) {
	const set = (name: string, value: string | null | undefined) => {
		if (value) process.env[name] = value
		else delete process.env[name]
	}
	set('STRIPE_API_HOST', settings.apiHost)
	set('STRIPE_SECRET_KEY', settings.secretKey === undefined ? TEST_SECRET_KEY : settings.secretKey)
	set('STRIPE_WEBHOOK_SECRET', settings.webhookSecret === undefined ? TEST_WEBHOOK_SECRET : settings.webhookSecret)
	resetEnvCache()
}

/**
 * A deal between a research institute (seller, with a published offer) and an enterprise (buyer),
 * taken through NDA and signed terms to AGREEMENT, with milestones of the given amounts (VND).
 */
export async function agreedDeal(amounts: readonly string[] = ['65000', '65000']) {
	const sellerSide = await exchange()
	const offerId = await publishedOffer(sellerSide)
	const buyerOwner = await createOwner({ type: 'ENTERPRISE' })
	const buyer = await actorFor(buyerOwner.user.id)
	const seller = sellerSide.actor
	const { id: dealId } = await startDeal(buyer, { from: 'offer', offerId, organisationId: buyerOwner.organisation.id, message: 'Chúng tôi muốn nhận chuyển giao.' })
	await openNda(seller, dealId)
	await acceptNda(buyer, dealId, 1)
	await acceptNda(seller, dealId, 1)
	const price = amounts.reduce((sum, a) => sum + BigInt(a), 0n).toString()
	const terms = TermsSchema.parse({ transferMode: 'LICENSING', price, milestones: amounts.map((amount, i) => ({ title: `Đợt ${i + 1}`, amount })) })
	const { version } = await proposeTerms(seller, dealId, terms)
	await signTerms(buyer, dealId, version)
	await signTerms(seller, dealId, version)
	const deal = await prisma.deal.findUniqueOrThrow({ where: { id: dealId }, select: { id: true, code: true, stage: true } })
	const milestones = await prisma.dealMilestone.findMany({ where: { dealId }, orderBy: { position: 'asc' } })
	return { deal, dealId, buyer, buyerEmail: buyerOwner.user.email, seller, milestones }
}

export type RecordedRequest = { method: string; path: string; headers: http.IncomingHttpHeaders; body: string; form: URLSearchParams }

type Reply = { status: number; body: unknown; headers?: Record<string, string> } | 'hang-up'

/**
 * A local HTTP server answering like api.stripe.com for POST /v1/checkout/sessions, recording
 * every request. Like Stripe, it replays the first answer to a reused Idempotency-Key. `failNext`
 * queues answers given before the normal ones (an error, a dropped connection).
 */
export async function startStripeRecorder() {
	const requests: RecordedRequest[] = []
	const byKey = new Map<string, { status: number; body: unknown }>()
	const queued: Reply[] = []
	let sessions = 0
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = []
		req.on('data', (c: Buffer) => chunks.push(c))
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8')
			const path = req.url ?? '/'
			requests.push({ method: req.method ?? '', path, headers: req.headers, body, form: new URLSearchParams(body) })
			const next = queued.shift()
			if (next === 'hang-up') {
				req.socket.destroy()
				return
			}
			const key = req.headers['idempotency-key']
			const replay = typeof key === 'string' ? byKey.get(key) : undefined
			const answer = next ?? replay ?? answerFor(req.method ?? '', path, new URLSearchParams(body))
			if (!next && typeof key === 'string' && !replay) byKey.set(key, answer)
			res.writeHead(answer.status, { 'Content-Type': 'application/json', 'Request-Id': `req_${randomBytes(6).toString('hex')}`, ...next?.headers })
			res.end(JSON.stringify(answer.body))
		})
	})
	function answerFor(method: string, path: string, form: URLSearchParams) {
		if (method !== 'POST' || path !== '/v1/checkout/sessions') {
			return { status: 404, body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` } } }
		}
		sessions += 1
		const id = `cs_test_${sessions}${randomBytes(8).toString('hex')}`
		const metadata = Object.fromEntries([...form].filter(([k]) => k.startsWith('metadata[')).map(([k, v]) => [k.slice('metadata['.length, -1), v]))
		return {
			status: 200,
			body: {
				id,
				object: 'checkout.session',
				mode: 'payment',
				status: 'open',
				payment_status: 'unpaid',
				currency: form.get('line_items[0][price_data][currency]'),
				amount_total: Number(form.get('line_items[0][price_data][unit_amount]')),
				client_reference_id: form.get('client_reference_id'),
				metadata,
				livemode: false,
				url: `https://checkout.stripe.com/c/pay/${id}`,
			},
		}
	}
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const { port } = server.address() as AddressInfo
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		sessionRequests: () => requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions'),
		failNext: (...replies: Reply[]) => queued.push(...replies),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections()
				server.close(() => resolve())
			}),
	}
}

export type StripeRecorder = Awaited<ReturnType<typeof startStripeRecorder>>

// ─── Events as Stripe sends them ──────────────────────────────────────────────

let eventCounter = 0

/** A Stripe event envelope around an object (the fields our code and the SDK read, and a few more). */
export function stripeEvent(type: string, object: Record<string, unknown>, options: { id?: string; created?: number } = {}) {
	eventCounter += 1
	return {
		id: options.id ?? `evt_test_${eventCounter}_${randomBytes(6).toString('hex')}`,
		object: 'event',
		api_version: '2026-11-18.endive',
		created: options.created ?? Math.floor(Date.now() / 1000),
		livemode: false,
		pending_webhooks: 1,
		request: { id: null, idempotency_key: null },
		type,
		data: { object },
	}
}

export type PaymentRow = { id: string; dealId: string; milestoneId: string; reference: string; amount: bigint; providerRef: string | null }

/** The Checkout Session object of our payment, as a webhook carries it. */
export function sessionObject(payment: PaymentRow, overrides: Record<string, unknown> = {}) {
	return {
		id: payment.providerRef,
		object: 'checkout.session',
		mode: 'payment',
		status: 'complete',
		payment_status: 'paid',
		currency: 'vnd',
		amount_total: Number(payment.amount),
		client_reference_id: payment.id,
		metadata: { paymentId: payment.id, dealId: payment.dealId, milestoneId: payment.milestoneId, reference: payment.reference },
		payment_intent: `pi_test_${payment.id}`,
		livemode: false,
		...overrides,
	}
}

/** The charge of our payment's PaymentIntent, which carries the intent's metadata. */
export function chargeObject(payment: PaymentRow, overrides: Record<string, unknown> = {}) {
	return {
		id: `ch_test_${payment.id}`,
		object: 'charge',
		amount: Number(payment.amount),
		amount_captured: Number(payment.amount),
		amount_refunded: Number(payment.amount),
		refunded: true,
		currency: 'vnd',
		paid: true,
		status: 'succeeded',
		payment_intent: `pi_test_${payment.id}`,
		metadata: { paymentId: payment.id, dealId: payment.dealId, milestoneId: payment.milestoneId, reference: payment.reference },
		livemode: false,
		...overrides,
	}
}

/** The Stripe-Signature header Stripe would send for this exact body. */
export function signatureFor(payload: string, options: { secret?: string; timestamp?: number } = {}) {
	return Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? TEST_WEBHOOK_SECRET, timestamp: options.timestamp })
}

/** A webhook delivery to /webhooks/stripe as Stripe makes it: POST, JSON, signed, no Origin, no cookie. */
export function webhookRequest(payload: string, signature: string | null, method = 'POST') {
	const headers = new Headers({ 'Content-Type': 'application/json; charset=utf-8', 'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' })
	if (signature !== null) headers.set('Stripe-Signature', signature)
	return new Request('http://localhost/webhooks/stripe', { method, headers, body: method === 'GET' ? undefined : payload })
}
