// The JSON API of deals, their milestones and payments (/api/v1/deals/...). Rules stay in the deal
// and payment models; this module translates between HTTP and them. Someone else's deal answers 404
// (its existence is not theirs to learn), exactly as on the pages, and the offer's confidential
// section is in an answer only when the deal page would show it.
import { z } from 'zod'
import { DEAL_STAGES, type DealAction } from '~/deals/pipeline'
import { dealListSelect, dealPage, paymentPage, type DealPageData } from '~/deals/page.server'
import { OutcomeSchema, TermsSchema } from '~/deals/terms-schema'
import type { Prisma } from '~/generated/prisma/client'
import {
	acceptNda,
	assignBroker,
	cancelDeal,
	CANCEL_REASON_MAX,
	claimDeal,
	closeDeal,
	confirmTransfer,
	DealError,
	dealRoles,
	openNda,
	proposeTerms,
	recordOutcome,
	signTerms,
	startDeal,
	type DealActor,
} from '~/models/deal.server'
import { confirmBankTransfer, startPayment } from '~/models/payment.server'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { consume } from '~/utils/rate-limit.server'
import { msg } from '~/utils/validation'
import { requireApiPrincipal, requireApiUser } from './auth.server'
import { ApiError, notFound } from './errors.server'
import { apiRoute } from './handler.server'
import { jsonSafe, vietnamDate, writer } from './listings.server'
import { paged, readPage } from './pagination.server'
import { apiJson } from './responses.server'
import { parseQuery, readJsonObject, validate } from './validation.server'

// ─── Requests ─────────────────────────────────────────────────────────────────

const id = z.string({ error: msg('validation.required') }).min(1, msg('validation.required')).max(64, msg('validation.invalid'))
const message = z.string({ error: msg('validation.invalid') }).max(4000, msg('validation.tooLong', { max: 4000 })).default('')

export const DealStartSchema = z.discriminatedUnion(
	'from',
	[
		z.strictObject({ from: z.literal('offer'), offerId: id, organisationId: id.describe('The buyer organisation (yours).'), message }),
		z.strictObject({ from: z.literal('demand'), demandId: id, organisationId: id.describe('The seller organisation (yours).'), offerId: id.nullish().describe('One of your published offers that answers the demand.'), message }),
		z.strictObject({ from: z.literal('match'), matchId: id, message }),
	],
	{ error: msg('deals.errors.startFrom') },
)

// Percentages travel as numbers in JSON; the terms schema reads them as the form's text.
export const DealTermsSchema = z.preprocess(
	(v) => (v && typeof v === 'object' && typeof (v as { commissionPercent?: unknown }).commissionPercent === 'number' ? { ...v, commissionPercent: String((v as { commissionPercent: number }).commissionPercent) } : v),
	TermsSchema,
)

const version = z.number({ error: msg('api.errors.notPositiveInteger') }).int(msg('api.errors.notPositiveInteger')).min(1, msg('api.errors.notPositiveInteger'))

type Step = { body: z.ZodType; run: (actor: DealActor, dealId: string, body: never) => Promise<unknown> }

/** An action of the pipeline: the body it takes and what it runs with it. */
const step = <S extends z.ZodType>(body: S, run: (actor: DealActor, dealId: string, body: z.output<S>) => Promise<unknown>): Step => ({ body, run: run as Step['run'] })

// Each action of the pipeline by its path segment.
const NoBody = z.strictObject({})
const ACTIONS = {
	'open-nda': step(NoBody, (actor, dealId) => openNda(actor, dealId)),
	'accept-nda': step(
		z.strictObject({ ndaVersion: version.describe('The NDA template version you read (GET the deal: nda.template.version).'), agree: z.literal(true, { error: msg('deals.errors.mustAgree') }) }),
		(actor, dealId, body) => acceptNda(actor, dealId, body.ndaVersion),
	),
	'propose-terms': step(DealTermsSchema, (actor, dealId, body) => proposeTerms(actor, dealId, body)),
	'sign-terms': step(z.strictObject({ version: version.describe('The agreement version you sign (agreement.version).') }), (actor, dealId, body) => signTerms(actor, dealId, body.version)),
	'confirm-transfer': step(NoBody, (actor, dealId) => confirmTransfer(actor, dealId)),
	close: step(NoBody, (actor, dealId) => closeDeal(actor, dealId)),
	cancel: step(
		z.strictObject({ reason: z.string({ error: msg('deals.errors.reasonRequired') }).trim().min(1, msg('deals.errors.reasonRequired')).max(CANCEL_REASON_MAX, msg('validation.tooLong', { max: CANCEL_REASON_MAX })) }),
		(actor, dealId, body) => cancelDeal(actor, dealId, body.reason),
	),
	'record-outcome': step(OutcomeSchema.strict(), (actor, dealId, body) => recordOutcome(actor, dealId, body)),
	'assign-broker': step(z.strictObject({ brokerId: id.nullable().describe('null removes the broker.') }), (actor, dealId, body) => assignBroker(actor, dealId, body.brokerId)),
	claim: step(NoBody, (actor, dealId) => claimDeal(actor, dealId)),
} satisfies Record<string, Step>

export type DealApiAction = keyof typeof ACTIONS
export const DEAL_API_ACTIONS = Object.keys(ACTIONS) as DealApiAction[]

// Actions that need a person signed in as themselves: a key never acts with platform roles anyway,
// but claiming and assigning are about a named broker and operator.
const PERSONAL: ReadonlySet<DealApiAction> = new Set(['assign-broker', 'claim'])

// The pipeline's action names, as the API spells them in `actions`.
const API_NAME: Record<DealAction, string> = {
	openNda: 'open-nda',
	acceptNda: 'accept-nda',
	proposeTerms: 'propose-terms',
	signTerms: 'sign-terms',
	payMilestone: 'pay',
	confirmTransfer: 'confirm-transfer',
	close: 'close',
	cancel: 'cancel',
	recordOutcome: 'record-outcome',
	assignBroker: 'assign-broker',
	claimBroker: 'claim',
	confirmBankTransfer: 'confirm-payment',
}

export const DealListQuery = z.object({ stage: z.enum(DEAL_STAGES, { error: msg('validation.choose') }).optional() })

export const PaymentStartSchema = z.strictObject({ provider: z.enum(['BANK_TRANSFER', 'STRIPE'], { error: msg('validation.choose') }).default('BANK_TRANSFER') })

export const PaymentConfirmSchema = z.strictObject({ bankRef: z.string().trim().max(100, msg('validation.tooLong', { max: 100 })).nullish().describe("The bank's transaction reference, for the record.") })

// ─── Answers ──────────────────────────────────────────────────────────────────

const orgRef = (o: { id: string; name: string; slug: string }) => ({ id: o.id, name: o.name, slug: o.slug })

type PaymentRow = DealPageData['deal']['payments'][number]

/** A payment with its split; the bank's account details are only in the instructions of a pending transfer. */
function paymentResource(p: PaymentRow) {
	return {
		id: p.id,
		milestoneId: p.milestoneId,
		provider: p.provider,
		status: p.status,
		amount: p.amount,
		platformFee: p.platformFee,
		brokerShare: p.brokerShare,
		sellerNet: p.sellerNet,
		reference: p.reference,
		providerRef: p.providerRef,
		checkoutUrl: p.status === 'PENDING' ? p.checkoutUrl : null,
		paidAt: p.paidAt,
		refundedAt: p.refundedAt,
		refundedAmount: p.refundedAmount,
		createdAt: p.createdAt,
	}
}

function milestoneResource(m: DealPageData['deal']['milestones'][number]) {
	return { id: m.id, position: m.position, title: m.title, amount: m.amount, dueDate: vietnamDate(m.dueDate), deliverable: m.deliverable, status: m.status, paidAt: m.paidAt, paidPaymentId: m.paidPaymentId }
}

function dealResource(page: DealPageData) {
	const { deal, roles, facts, actions, agreement, ndaTemplate, confidential } = page
	return jsonSafe({
		id: deal.id,
		code: deal.code,
		title: deal.title,
		stage: deal.stage,
		stageChangedAt: deal.stageChangedAt,
		version: deal.version,
		buyer: orgRef(deal.buyerOrg),
		seller: orgRef(deal.sellerOrg),
		broker: deal.broker ? { id: deal.broker.id, name: deal.broker.name } : null,
		offer: deal.offer,
		demand: deal.demand,
		matchId: deal.matchId,
		message: deal.message,
		yourRoles: roles,
		actions: actions.map((a) => API_NAME[a]),
		nda: {
			template: ndaTemplate ? { version: ndaTemplate.version, titleVi: ndaTemplate.titleVi, titleEn: ndaTemplate.titleEn, bodyVi: ndaTemplate.bodyVi, bodyEn: ndaTemplate.bodyEn } : null,
			buyerAccepted: facts.ndaAccepted.buyer,
			sellerAccepted: facts.ndaAccepted.seller,
			acceptances: deal.ndas.map((n) => ({ organisationId: n.organisationId, templateVersion: n.templateVersion, acceptedAt: n.acceptedAt, by: n.user?.name ?? null })),
		},
		// Absent, not null, until the deal page would show it: a client cannot mistake it for "none".
		...(confidential !== null ? { confidential } : {}),
		agreement: agreement
			? {
					version: agreement.version,
					transferMode: agreement.transferMode,
					priceVnd: agreement.priceVnd,
					commissionKind: agreement.commissionKind,
					commissionBps: agreement.commissionBps,
					commissionFixed: agreement.commissionFixed,
					platformFeeBps: agreement.platformFeeBps,
					terms: agreement.terms,
					milestones: agreement.proposedMilestones,
					buyerSignedAt: agreement.buyerSignedAt,
					sellerSignedAt: agreement.sellerSignedAt,
					createdAt: agreement.createdAt,
				}
			: null,
		milestones: deal.milestones.map(milestoneResource),
		payments: deal.payments.map(paymentResource),
		outcome: deal.outcomeValue !== null || deal.outcomeMode ? { offPlatform: deal.offPlatform, value: deal.outcomeValue, mode: deal.outcomeMode, date: deal.outcomeDate } : null,
		cancelReason: deal.cancelReason,
		timeline: deal.events.map((e) => ({ id: e.id, kind: e.kind, fromStage: e.fromStage, toStage: e.toStage, data: e.data, at: e.createdAt, by: e.actor?.name ?? null })),
		createdAt: deal.createdAt,
		closedAt: deal.closedAt,
	})
}

const listSelect = { ...dealListSelect, createdAt: true } as const satisfies Prisma.DealSelect

// ─── Helpers ──────────────────────────────────────────────────────────────────

// Stable machine codes for refusals a client may want to tell apart.
const DEAL_CODES: Record<string, string> = {
	'deals.errors.alreadyOpen': 'deal_already_open',
	'deals.errors.wrongStage': 'invalid_transition',
	'deals.errors.finished': 'deal_finished',
	'deals.errors.termsChanged': 'version_conflict',
	'deals.errors.ndaOutdated': 'version_conflict',
	'deals.payments.errors.alreadyPaid': 'already_paid',
}
const STATUS_CODES: Record<number, string> = { 400: 'bad_request', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 502: 'provider_failed' }

/** A deal model refusal as an API error; an open deal that already exists is named in Location. */
function fromDealError(error: DealError): ApiError {
	const headers: Record<string, string> = error.key === 'deals.errors.alreadyOpen' && error.dealId ? { Location: `/api/v1/deals/${error.dealId}` } : {}
	return new ApiError(error.status, DEAL_CODES[error.key] ?? STATUS_CODES[error.status] ?? 'bad_request', error.key, { headers })
}

async function run<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work()
	} catch (error) {
		if (error instanceof DealError) throw fromDealError(error)
		throw error
	}
}

function pathId(value: string | undefined) {
	if (!value || value.length > 64) throw notFound('deals.errors.notFound')
	return value
}

async function dealActor(request: Request, { personal = false } = {}): Promise<DealActor> {
	const principal = personal ? await requireApiUser(request) : await requireApiPrincipal(request)
	return writer(principal)
}

async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
	return validate(schema, (await readJsonObject(request, { optional: true })) ?? {})
}

async function dealOrThrow(actor: DealActor, dealId: string) {
	const page = await dealPage(actor, dealId)
	if (!page) throw notFound('deals.errors.notFound')
	return page
}

const dealAnswer = (page: DealPageData, status = 200, headers: Record<string, string> = {}) => apiJson({ data: dealResource(page) }, { status, headers: { ...headers, ETag: `"${page.deal.version}"` } })

// ─── Resources ────────────────────────────────────────────────────────────────

/** /deals: the caller's deals (GET), a new one from an offer, demand or match (POST). */
export const dealCollectionApi = apiRoute({
	GET: async ({ request, url }) => {
		const actor = await dealActor(request)
		const { stage } = await parseQuery(url, DealListQuery)
		const page = readPage(url)
		const orgIds = actor.memberships.map((m) => m.organisation.id)
		const where: Prisma.DealWhereInput = { OR: [{ buyerOrgId: { in: orgIds } }, { sellerOrgId: { in: orgIds } }, { brokerId: actor.id }], ...(stage ? { stage } : {}) }
		const [total, rows] = await Promise.all([
			prisma.deal.count({ where }),
			prisma.deal.findMany({ where, select: listSelect, orderBy: [{ stageChangedAt: 'desc' }, { id: 'asc' }], skip: page.skip, take: page.take }),
		])
		const items = rows.map((d) => jsonSafe({ ...d, buyer: orgRef(d.buyerOrg), seller: orgRef(d.sellerOrg), buyerOrg: undefined, sellerOrg: undefined, yourRoles: dealRoles(actor, { buyerOrgId: d.buyerOrg.id, sellerOrgId: d.sellerOrg.id, brokerId: d.broker?.id ?? null }) }))
		return apiJson(paged(url, items, total, page))
	},

	POST: async ({ request, url }) => {
		const actor = await dealActor(request)
		await consume('writeUser', actor.id)
		const body = await readBody(request, DealStartSchema)
		const input =
			body.from === 'offer'
				? { from: 'offer' as const, offerId: body.offerId, organisationId: body.organisationId, message: body.message }
				: body.from === 'demand'
					? { from: 'demand' as const, demandId: body.demandId, organisationId: body.organisationId, offerId: body.offerId ?? null, message: body.message }
					: { from: 'match' as const, matchId: body.matchId, message: body.message }
		const { id: dealId } = await run(() => startDeal(actor, input))
		return dealAnswer(await dealOrThrow(actor, dealId), 201, { Location: `${url.pathname.replace(/\/+$/, '')}/${dealId}` })
	},
})

/** /deals/:id: one deal with its timeline, agreement, milestones and payments. */
export const dealItemApi = apiRoute<{ id: string }>({
	GET: async ({ request, params }) => dealAnswer(await dealOrThrow(await dealActor(request), pathId(params.id))),
})

/** /deals/:id/:action: one step of the pipeline (POST); answers the deal as it now stands. */
export const dealActionApi = apiRoute<{ id: string; action: string }>({
	POST: async ({ request, params, url }) => {
		const name = params.action as DealApiAction
		if (!Object.hasOwn(ACTIONS, name)) throw notFound('api.errors.routeNotFound', { path: url.pathname })
		const dealId = pathId(params.id)
		const actor = await dealActor(request, { personal: PERSONAL.has(name) })
		await consume('writeUser', actor.id)
		const action = ACTIONS[name]
		const body = await readBody(request, action.body)
		await run(() => action.run(actor, dealId, body as never))
		return dealAnswer(await dealOrThrow(actor, dealId))
	},
})

/** /deals/:id/milestones: the signed milestones and where each stands. */
export const dealMilestonesApi = apiRoute<{ id: string }>({
	GET: async ({ request, params }) => {
		const page = await dealOrThrow(await dealActor(request), pathId(params.id))
		return apiJson({ data: jsonSafe(page.deal.milestones.map(milestoneResource)) })
	},
})

/** /deals/:id/milestones/:milestoneId/payments: the buyer starts paying a milestone (POST). */
export const milestonePaymentsApi = apiRoute<{ id: string; milestoneId: string }>({
	POST: async ({ request, params, locale }) => {
		const dealId = pathId(params.id)
		const actor = await dealActor(request)
		await consume('writeUser', actor.id)
		const { provider } = await readBody(request, PaymentStartSchema)
		const origin = getEnv().APP_URL ?? new URL(request.url).origin
		const email = await prisma.user.findUnique({ where: { id: actor.id }, select: { email: true } })
		const started = await run(() =>
			startPayment(actor, {
				dealId,
				milestoneId: pathId(params.milestoneId),
				provider,
				successUrl: `${origin}/deals/${dealId}?done=stripeReturned`,
				cancelUrl: `${origin}/deals/${dealId}?done=stripeCancelled`,
				locale,
				payerEmail: email?.email ?? null,
			}),
		)
		if (started.error || !started.instructions) throw new ApiError(502, 'provider_failed', started.error ?? 'deals.payments.errors.providerFailed')
		return paymentAnswer(actor, dealId, started.paymentId, 201)
	},
})

/** /deals/:id/payments: every payment of the deal, newest first, with its split. */
export const dealPaymentsApi = apiRoute<{ id: string }>({
	GET: async ({ request, params }) => {
		const page = await dealOrThrow(await dealActor(request), pathId(params.id))
		return apiJson({ data: jsonSafe(page.deal.payments.map(paymentResource)) })
	},
})

async function paymentAnswer(actor: DealActor, dealId: string, paymentId: string, status = 200) {
	const found = await paymentPage(actor, dealId, paymentId)
	if (!found) throw notFound('deals.payments.errors.notFound')
	const instructions =
		found.payment.provider === 'STRIPE' && found.payment.status === 'PENDING' && found.payment.checkoutUrl
			? { kind: 'redirect', url: found.payment.checkoutUrl }
			: found.bank
				? { kind: 'bank-transfer', payload: found.bank.payload, bankBin: found.bank.bankBin, accountNumber: found.bank.accountNumber, accountName: found.bank.accountName, reference: found.payment.reference, demo: found.bank.demo }
				: null
	return apiJson({ data: jsonSafe({ ...paymentResource(found.payment), milestone: found.payment.milestone, dealCode: found.payment.deal.code, instructions }) }, { status })
}

/** /deals/:id/payments/:paymentId: one payment and, while it is a pending transfer, how to pay it. */
export const dealPaymentApi = apiRoute<{ id: string; paymentId: string }>({
	GET: async ({ request, params }) => paymentAnswer(await dealActor(request), pathId(params.id), pathId(params.paymentId)),
})

/** /deals/:id/payments/:paymentId/confirm: an operator confirms a bank transfer arrived (POST). */
export const paymentConfirmApi = apiRoute<{ id: string; paymentId: string }>({
	POST: async ({ request, params }) => {
		const dealId = pathId(params.id)
		const paymentId = pathId(params.paymentId)
		const actor = await dealActor(request, { personal: true })
		await consume('writeUser', actor.id)
		const { bankRef } = await readBody(request, PaymentConfirmSchema)
		// The payment must belong to the deal in the path; someone else's answers 404 like a missing one.
		const payment = await prisma.payment.findFirst({ where: { id: paymentId, dealId }, select: { id: true } })
		if (!payment) throw notFound('deals.payments.errors.notFound')
		await run(() => confirmBankTransfer(actor, paymentId, bankRef ?? null))
		return paymentAnswer(actor, dealId, paymentId)
	},
})
