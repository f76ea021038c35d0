import { DEAL_STAGES } from '~/deals/pipeline'
import { MAX_MILESTONES } from '~/deals/terms-schema'
import { TRANSFER_MODES } from '~/models/listing-schema'
import { DEAL_API_ACTIONS, DealListQuery, DealStartSchema, DealTermsSchema, PaymentConfirmSchema, PaymentStartSchema } from '../deals.server'
import { dataOf, defineCapability, errors, fromZod, jsonBody, jsonResponse, pageOf, pageParameters, pathParameter, queryFromZod, ref, security, type JsonSchema } from '../openapi-kit.server'

const string = { type: 'string' }
const nullableString = { type: ['string', 'null'] }
const dateTime = { type: 'string', format: 'date-time' }
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' }
const vnd = { type: 'integer', minimum: 0, description: 'VND, whole đồng (VND has no minor unit).' }
const orgRef: JsonSchema = { type: 'object', required: ['id', 'name', 'slug'], properties: { id: string, name: string, slug: string } }
const roles: JsonSchema = { type: 'array', items: { type: 'string', enum: ['buyer', 'seller', 'broker', 'operator'] }, description: 'How the caller stands to the deal.' }

const dealId = pathParameter('id', 'The deal id.')
const paymentId = pathParameter('paymentId', 'The payment id.')
const milestoneId = pathParameter('milestoneId', 'The milestone id (from the deal\'s `milestones`).')

const writeErrors = errors(400, 401, 403, 404, 409, 413, 415, 429)

const payment: JsonSchema = {
	type: 'object',
	required: ['id', 'milestoneId', 'provider', 'status', 'amount', 'platformFee', 'brokerShare', 'sellerNet', 'reference', 'createdAt'],
	properties: {
		id: string,
		milestoneId: string,
		provider: { type: 'string', enum: ['BANK_TRANSFER', 'STRIPE'] },
		status: { type: 'string', enum: ['PENDING', 'PAID', 'FAILED', 'EXPIRED', 'CANCELLED', 'REFUNDED'] },
		amount: vnd,
		platformFee: { ...vnd, description: "The exchange's commission out of the amount." },
		brokerShare: { ...vnd, description: "The broker's commission out of the amount." },
		sellerNet: { ...vnd, description: 'What the seller receives: amount − platform fee − broker share.' },
		reference: { ...string, description: 'The transfer reference the buyer writes in the bank transfer; reconciliation matches it.' },
		providerRef: { ...nullableString, description: 'Stripe Checkout Session id, or the bank transaction reference once confirmed.' },
		checkoutUrl: { ...nullableString, description: 'Stripe Checkout address while the payment is pending.' },
		paidAt: nullableDateTime,
		refundedAt: nullableDateTime,
		refundedAmount: vnd,
		createdAt: dateTime,
	},
}

const milestone: JsonSchema = {
	type: 'object',
	required: ['id', 'position', 'title', 'amount', 'dueDate', 'deliverable', 'status'],
	properties: {
		id: string,
		position: { type: 'integer' },
		title: string,
		amount: vnd,
		dueDate: { type: ['string', 'null'], format: 'date' },
		deliverable: string,
		status: { type: 'string', enum: ['DUE', 'PAID'] },
		paidAt: nullableDateTime,
		paidPaymentId: nullableString,
	},
}

const deal: JsonSchema = {
	type: 'object',
	required: ['id', 'code', 'title', 'stage', 'buyer', 'seller', 'yourRoles', 'actions', 'nda', 'agreement', 'milestones', 'payments', 'timeline'],
	properties: {
		id: string,
		code: { ...string, description: 'What parties quote on the phone and in transfers, e.g. GD-2026-4F7K2Q.' },
		title: string,
		stage: ref('DealStage'),
		stageChangedAt: dateTime,
		version: { type: 'integer' },
		buyer: orgRef,
		seller: orgRef,
		broker: { type: ['object', 'null'], properties: { id: string, name: string } },
		offer: { type: ['object', 'null'], properties: { id: string, title: string } },
		demand: { type: ['object', 'null'], properties: { id: string, title: string } },
		matchId: nullableString,
		message: { ...string, description: 'What the interested side wrote when it started the deal.' },
		yourRoles: roles,
		actions: { type: 'array', items: string, description: 'The steps the caller may take now (the action path segments, plus `pay` and `confirm-payment`).' },
		nda: {
			type: 'object',
			properties: {
				template: { type: ['object', 'null'], description: 'The NDA to accept, while the deal is at stage NDA.', properties: { version: { type: 'integer' }, titleVi: string, titleEn: string, bodyVi: string, bodyEn: string } },
				buyerAccepted: { type: 'boolean' },
				sellerAccepted: { type: 'boolean' },
				acceptances: { type: 'array', items: { type: 'object', properties: { organisationId: string, templateVersion: { type: 'integer' }, acceptedAt: dateTime, by: nullableString } } },
			},
		},
		confidential: { ...string, description: "The offer's confidential section (Markdown). Absent until both sides accepted the NDA, and always absent for anyone not on the buyer's or seller's side." },
		agreement: {
			type: ['object', 'null'],
			description: 'The current terms (the newest version not superseded).',
			properties: {
				version: { type: 'integer' },
				transferMode: { type: 'string', enum: [...TRANSFER_MODES] },
				priceVnd: vnd,
				commissionKind: { type: ['string', 'null'], enum: ['NONE', 'PERCENT', 'FIXED', null] },
				commissionBps: { type: ['integer', 'null'], description: 'PERCENT: hundredths of a per cent (250 = 2.5%).' },
				commissionFixed: { type: ['integer', 'null'] },
				platformFeeBps: { type: 'integer' },
				terms: string,
				milestones: { type: 'array', items: { type: 'object', properties: { title: string, amount: { ...string, description: 'VND as decimal text.' }, dueDate: nullableString, deliverable: string } } },
				buyerSignedAt: nullableDateTime,
				sellerSignedAt: nullableDateTime,
				createdAt: dateTime,
			},
		},
		milestones: { type: 'array', items: ref('DealMilestone'), description: 'Made when both sides signed.' },
		payments: { type: 'array', items: ref('Payment') },
		outcome: { type: ['object', 'null'], properties: { offPlatform: { type: 'boolean' }, value: { type: ['integer', 'null'] }, mode: nullableString, date: nullableDateTime } },
		cancelReason: nullableString,
		timeline: {
			type: 'array',
			items: { type: 'object', required: ['id', 'kind', 'at'], properties: { id: string, kind: string, fromStage: nullableString, toStage: nullableString, data: { type: 'object' }, at: dateTime, by: nullableString } },
		},
		createdAt: dateTime,
		closedAt: nullableDateTime,
	},
}

const dealSummary: JsonSchema = {
	type: 'object',
	required: ['id', 'code', 'title', 'stage', 'buyer', 'seller', 'yourRoles'],
	properties: { id: string, code: string, title: string, stage: ref('DealStage'), stageChangedAt: dateTime, offPlatform: { type: 'boolean' }, outcomeValue: { type: ['integer', 'null'], description: 'VND, as recorded when the deal closed.' }, createdAt: dateTime, buyer: orgRef, seller: orgRef, broker: { type: ['object', 'null'] }, yourRoles: roles },
}

const dealAnswer = (description: string) => jsonResponse(description, dataOf(ref('Deal')), { ETag: { description: 'The deal version.', schema: string } })

const ACTION_BODIES = [
	'open-nda, confirm-transfer, close, claim: no body (or `{}`).',
	'accept-nda: `{ "ndaVersion": 1, "agree": true }`.',
	`propose-terms: the DealTerms object (price equals the sum of at most ${MAX_MILESTONES} milestones).`,
	'sign-terms: `{ "version": <agreement.version> }` — the version you read; a newer one is 409 version_conflict.',
	'cancel: `{ "reason": "…" }`.',
	'record-outcome: `{ "value": 500000000, "mode": "LICENSING", "date": "2026-11-30" }` — a transfer closed off the platform.',
	'assign-broker (operators, signed in): `{ "brokerId": "…" | null }`.',
].join('\n\n')

export const dealsCapability = defineCapability({
	name: 'deals',
	tags: [{ name: 'Deals', description: 'From an expression of interest to a paid, recorded transfer: NDA, signed terms, milestones and payments (VietQR bank transfer or Stripe).' }],
	schemas: {
		DealStage: { type: 'string', enum: [...DEAL_STAGES] },
		Deal: deal,
		DealSummary: dealSummary,
		DealMilestone: milestone,
		Payment: payment,
		PaymentWithInstructions: {
			allOf: [
				ref('Payment'),
				{
					type: 'object',
					properties: {
						dealCode: string,
						milestone: { type: 'object', properties: { title: string, position: { type: 'integer' } } },
						instructions: {
							type: ['object', 'null'],
							description: 'How to pay while pending: a VietQR bank transfer (the EMVCo payload to show as a QR code, and the account as text) or a Stripe Checkout address.',
							oneOf: [
								{ type: 'object', properties: { kind: { const: 'bank-transfer' }, payload: string, bankBin: string, accountNumber: string, accountName: string, reference: string, demo: { type: 'boolean' } } },
								{ type: 'object', properties: { kind: { const: 'redirect' }, url: string } },
								{ type: 'null' },
							],
						},
					},
				},
			],
		},
		DealStart: fromZod(DealStartSchema),
		DealTerms: fromZod(DealTermsSchema),
		PaymentStart: fromZod(PaymentStartSchema),
		PaymentConfirm: fromZod(PaymentConfirmSchema),
	},
	paths: {
		'/deals': {
			get: {
				operationId: 'listDeals',
				summary: "The caller's deals, newest change first",
				description: "Deals where the caller's organisation is buyer or seller, or the caller is the broker. An API key sees its organisation's deals.",
				tags: ['Deals'],
				security: security.any,
				parameters: [...queryFromZod(DealListQuery), ...pageParameters],
				responses: { '200': jsonResponse('A page of deals.', pageOf(ref('DealSummary'))), ...errors(400, 401, 403) },
			},
			post: {
				operationId: 'startDeal',
				summary: 'Express interest: start a deal from an offer, a demand or a match',
				description: 'An open deal between the same sides on the same listing already exists: 409 deal_already_open, its address in Location.',
				tags: ['Deals'],
				security: security.any,
				requestBody: jsonBody(ref('DealStart')),
				responses: { '201': dealAnswer('The new deal, at stage INTEREST.'), ...writeErrors },
			},
		},
		'/deals/{id}': {
			parameters: [dealId],
			get: { operationId: 'getDeal', summary: 'One deal: parties, stage, NDA, terms, milestones, payments, timeline', tags: ['Deals'], security: security.any, responses: { '200': dealAnswer('The deal.'), ...errors(401, 403, 404) } },
		},
		'/deals/{id}/{action}': {
			parameters: [dealId, { name: 'action', in: 'path', required: true, description: 'The step.', schema: { type: 'string', enum: [...DEAL_API_ACTIONS] } }],
			post: {
				operationId: 'dealAction',
				summary: "A step of the deal's pipeline",
				description: `Stages: INTEREST → NDA → NEGOTIATION → AGREEMENT → PAYMENT → TRANSFERRED → CLOSED, or CANCELLED. Who may take which step is the deal's \`actions\`; a step not allowed now is 403 (not your move) or 409 (invalid_transition, deal_finished).\n\n${ACTION_BODIES}`,
				tags: ['Deals'],
				security: security.any,
				requestBody: { required: false, content: { 'application/json': { schema: { oneOf: [{ type: 'object' }, ref('DealTerms')] } } } },
				responses: { '200': dealAnswer('The deal after the step.'), ...writeErrors },
			},
		},
		'/deals/{id}/milestones': {
			parameters: [dealId],
			get: { operationId: 'listDealMilestones', summary: 'The signed milestones and where each stands', tags: ['Deals'], security: security.any, responses: { '200': jsonResponse('The milestones in order.', dataOf({ type: 'array', items: ref('DealMilestone') })), ...errors(401, 403, 404) } },
		},
		'/deals/{id}/milestones/{milestoneId}/payments': {
			parameters: [dealId, milestoneId],
			post: {
				operationId: 'payMilestone',
				summary: 'The buyer starts paying a milestone',
				description: 'The amount comes from the signed milestone, never from the request. A pending payment of the same milestone and provider is reused (same reference, same Checkout Session). The milestone is paid when the bank transfer is confirmed (an operator, or a reconciled statement) or when Stripe\'s signed webhook reports it.',
				tags: ['Deals'],
				security: security.any,
				requestBody: { ...jsonBody(ref('PaymentStart')), required: false },
				responses: { '201': jsonResponse('The payment and how to pay it.', dataOf(ref('PaymentWithInstructions'))), ...writeErrors, '502': jsonResponse('The payment provider did not answer (provider_failed); try again: the pending payment is reused.', ref('Error')) },
			},
		},
		'/deals/{id}/payments': {
			parameters: [dealId],
			get: { operationId: 'listDealPayments', summary: "The deal's payments with the platform's and the broker's shares", tags: ['Deals'], security: security.any, responses: { '200': jsonResponse('Newest first.', dataOf({ type: 'array', items: ref('Payment') })), ...errors(401, 403, 404) } },
		},
		'/deals/{id}/payments/{paymentId}': {
			parameters: [dealId, paymentId],
			get: { operationId: 'getDealPayment', summary: 'One payment, and while pending how to pay it', tags: ['Deals'], security: security.any, responses: { '200': jsonResponse('The payment.', dataOf(ref('PaymentWithInstructions'))), ...errors(401, 403, 404) } },
		},
		'/deals/{id}/payments/{paymentId}/confirm': {
			parameters: [dealId, paymentId],
			post: {
				operationId: 'confirmDealPayment',
				summary: 'An operator confirms a bank transfer arrived',
				description: 'Operators signed in as themselves (API keys get 403). Confirming a payment already paid is 409 already_paid and changes nothing.',
				tags: ['Deals'],
				security: security.user,
				requestBody: { ...jsonBody(ref('PaymentConfirm')), required: false },
				responses: { '200': jsonResponse('The payment, now paid.', dataOf(ref('PaymentWithInstructions'))), ...writeErrors },
			},
		},
	},
})
