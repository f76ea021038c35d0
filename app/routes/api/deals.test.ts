// /api/v1/deals and its milestones and payments against a real database: a deal from interest to a
// confirmed bank transfer over HTTP, the confidential section absent before both NDAs, someone
// else's deal answering 404 everywhere, and bad bodies answered 4xx with translated messages.
import { RouterContextProvider } from 'react-router'
import { beforeAll, describe, expect, test } from 'vitest'
import type { ApiErrorBody } from '~/api/errors.server'
import { emvValue, parseEmv } from '~/payments/vietqr'
import { createApiKey } from '~/models/api-key.server'
import { createOwner, createUser, signIn } from '../../../tests/factories'
import { useTestDatabase } from '../../../tests/db'
import { exchange, publishedOffer } from '../../../tests/search/helpers'
import * as dealAction from './deal-action'
import * as dealMilestones from './deal-milestones'
import * as dealOne from './deal'
import * as dealPayment from './deal-payment'
import * as dealPayments from './deal-payments'
import * as dealList from './deals'
import * as milestonePayments from './milestone-payments'
import * as paymentConfirm from './payment-confirm'

const { prisma } = await useTestDatabase()

type Route = { loader: (args: never) => Promise<Response>; action: (args: never) => Promise<Response> }
type Who = { cookie?: string; key?: string; language?: string }
type Json = Record<string, unknown>

async function call(route: Route, path: string, params: Record<string, string>, options: Who & { method?: string; body?: unknown; raw?: string } = {}) {
	const method = options.method ?? 'GET'
	const headers = new Headers()
	if (options.cookie) headers.set('Cookie', options.cookie)
	if (options.key) headers.set('Authorization', `Bearer ${options.key}`)
	headers.set('Accept-Language', options.language ?? 'vi')
	const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
	if (body !== undefined) headers.set('Content-Type', 'application/json')
	const request = new Request(`http://localhost/api/v1${path}`, { method, headers, body })
	const args = { request, params, context: new RouterContextProvider() } as never
	const response = method === 'GET' ? await route.loader(args) : await route.action(args)
	const text = await response.text()
	return { status: response.status, headers: response.headers, json: (text ? JSON.parse(text) : null) as Json, text }
}

const api = {
	list: (who: Who, query = '') => call(dealList, `/deals${query}`, {}, who),
	start: (who: Who, body: unknown) => call(dealList, '/deals', {}, { ...who, method: 'POST', body }),
	get: (who: Who, id: string) => call(dealOne, `/deals/${id}`, { id }, who),
	act: (who: Who, id: string, action: string, body?: unknown) => call(dealAction, `/deals/${id}/${action}`, { id, action }, { ...who, method: 'POST', body }),
	milestones: (who: Who, id: string) => call(dealMilestones, `/deals/${id}/milestones`, { id }, who),
	pay: (who: Who, id: string, milestoneId: string, body?: unknown) =>
		call(milestonePayments, `/deals/${id}/milestones/${milestoneId}/payments`, { id, milestoneId }, { ...who, method: 'POST', body }),
	payments: (who: Who, id: string) => call(dealPayments, `/deals/${id}/payments`, { id }, who),
	payment: (who: Who, id: string, paymentId: string) => call(dealPayment, `/deals/${id}/payments/${paymentId}`, { id, paymentId }, who),
	confirm: (who: Who, id: string, paymentId: string, body?: unknown) => call(paymentConfirm, `/deals/${id}/payments/${paymentId}/confirm`, { id, paymentId }, { ...who, method: 'POST', body }),
}

const data = (r: { json: Json }) => r.json.data as Json
const error = (r: { json: Json }) => (r.json as unknown as ApiErrorBody).error

const SECRET = 'Quy trình lên men 38 °C, chủng Lactobacillus CN-12, 48 giờ'

let s: {
	offerId: string
	sellerSide: Awaited<ReturnType<typeof exchange>>
	seller: Who
	buyer: Who
	buyerOrgId: string
	outsider: Who
	operator: Who
	buyerKey: string
}

beforeAll(async () => {
	const sellerSide = await exchange()
	const offerId = await publishedOffer(sellerSide, { confidential: SECRET })
	const buyerOwner = await createOwner({ type: 'ENTERPRISE' })
	const outsiderOwner = await createOwner({ type: 'ENTERPRISE' })
	const operator = await createUser({ roles: ['MEMBER', 'OPERATOR'] })
	s = {
		offerId,
		sellerSide,
		seller: { cookie: (await signIn(sellerSide.owner.user.id)).cookie },
		buyer: { cookie: (await signIn(buyerOwner.user.id)).cookie },
		buyerOrgId: buyerOwner.organisation.id,
		outsider: { cookie: (await signIn(outsiderOwner.user.id)).cookie },
		operator: { cookie: (await signIn(operator.id)).cookie },
		buyerKey: (await createApiKey(buyerOwner.user.id, buyerOwner.organisation.id, 'ERP')).plainKey,
	}
})

/** A deal started by the buyer over the API, taken to NEGOTIATION with both NDAs accepted. */
async function negotiating() {
	const offerId = await publishedOffer(s.sellerSide, { confidential: SECRET })
	const started = await api.start(s.buyer, { from: 'offer', offerId, organisationId: s.buyerOrgId, message: 'Quan tâm' })
	expect(started.status).toBe(201)
	const id = data(started).id as string
	expect((await api.act(s.seller, id, 'open-nda')).status).toBe(200)
	for (const side of [s.buyer, s.seller]) expect((await api.act(side, id, 'accept-nda', { ndaVersion: 1, agree: true })).status).toBe(200)
	return id
}

describe('/api/v1/deals', () => {
	test('interest to a paid first milestone: NDA opens the confidential section, terms signed, bank transfer confirmed by an operator', async () => {
		const started = await api.start(s.buyer, { from: 'offer', offerId: s.offerId, organisationId: s.buyerOrgId, message: 'Chúng tôi muốn nhận chuyển giao.' })
		expect(started.status).toBe(201)
		const deal = data(started)
		const id = deal.id as string
		expect(started.headers.get('Location')).toBe(`/api/v1/deals/${id}`)
		expect(deal).toMatchObject({ stage: 'INTEREST', yourRoles: ['buyer'], seller: { id: expect.any(String) }, buyer: { id: s.buyerOrgId } })
		expect(deal).not.toHaveProperty('confidential')

		// Asking twice names the open deal.
		const again = await api.start(s.buyer, { from: 'offer', offerId: s.offerId, organisationId: s.buyerOrgId })
		expect(again.status).toBe(409)
		expect(error(again).code).toBe('deal_already_open')
		expect(again.headers.get('Location')).toBe(`/api/v1/deals/${id}`)

		// Only the seller side opens the NDA.
		const early = await api.act(s.buyer, id, 'open-nda')
		expect(early.status).toBe(403)
		const nda = data(await api.act(s.seller, id, 'open-nda'))
		expect(nda.stage).toBe('NDA')
		expect(nda.nda).toMatchObject({ template: { version: 1 }, buyerAccepted: false, sellerAccepted: false })
		expect(data(await api.get(s.buyer, id)).actions).toContain('accept-nda')

		// Accepting needs the tick; one side alone does not open the confidential section.
		const unticked = await api.act(s.buyer, id, 'accept-nda', { ndaVersion: 1 })
		expect(unticked.status).toBe(400)
		expect(error(unticked).fields?.agree?.[0]).toMatch(/đánh dấu/)
		expect(data(await api.act(s.buyer, id, 'accept-nda', { ndaVersion: 1, agree: true })).nda).toMatchObject({ buyerAccepted: true, sellerAccepted: false })
		const halfway = await api.get(s.buyer, id)
		expect(data(halfway)).not.toHaveProperty('confidential')
		expect(halfway.text).not.toContain(SECRET)
		const both = data(await api.act(s.seller, id, 'accept-nda', { ndaVersion: 1, agree: true }))
		expect(both.stage).toBe('NEGOTIATION')
		expect(data(await api.get(s.buyer, id)).confidential).toBe(SECRET)

		// Terms as JSON numbers; the milestones must add up to the price.
		const wrongSum = await api.act(s.seller, id, 'propose-terms', { transferMode: 'LICENSING', price: 300_000_000, milestones: [{ title: 'Đợt 1', amount: 100_000_000 }] })
		expect(wrongSum.status).toBe(400)
		expect(Object.keys(error(wrongSum).fields ?? {})).toContain('milestones')
		const proposed = await api.act(s.seller, id, 'propose-terms', {
			transferMode: 'LICENSING',
			price: 300_000_000,
			commissionKind: 'PERCENT',
			commissionPercent: 2.5,
			milestones: [
				{ title: 'Ký hợp đồng', amount: 100_000_000, dueDate: '2027-01-15', deliverable: 'Hồ sơ kỹ thuật' },
				{ title: 'Nghiệm thu', amount: 200_000_000 },
			],
		})
		expect(proposed.status).toBe(200)
		const agreement = data(proposed).agreement as Json
		expect(agreement).toMatchObject({ version: 1, priceVnd: 300_000_000, commissionKind: 'PERCENT', commissionBps: 250 })

		// Signing an old version is refused; the current one by both sides makes the milestones.
		expect(error(await api.act(s.buyer, id, 'sign-terms', { version: 7 })).code).toBe('version_conflict')
		expect((await api.act(s.buyer, id, 'sign-terms', { version: 1 })).status).toBe(200)
		const signed = data(await api.act(s.seller, id, 'sign-terms', { version: 1 }))
		expect(signed.stage).toBe('AGREEMENT')
		const milestones = data(await api.milestones(s.seller, id)) as unknown as Json[]
		expect(milestones.map((m) => [m.title, m.amount, m.status, m.dueDate])).toEqual([
			['Ký hợp đồng', 100_000_000, 'DUE', '2027-01-15'],
			['Nghiệm thu', 200_000_000, 'DUE', null],
		])

		// Only the buyer pays; the amount is the milestone's, whatever the body says.
		expect((await api.pay(s.seller, id, milestones[0]!.id as string)).status).toBe(403)
		const tampered = await api.pay(s.buyer, id, milestones[0]!.id as string, { provider: 'BANK_TRANSFER', amount: 1 })
		expect(tampered.status).toBe(400)
		expect(Object.keys(error(tampered).fields ?? {})).toEqual(['amount'])
		const paying = await api.pay(s.buyer, id, milestones[0]!.id as string, { provider: 'BANK_TRANSFER' })
		expect(paying.status).toBe(201)
		const payment = data(paying)
		expect(payment).toMatchObject({ status: 'PENDING', amount: 100_000_000, provider: 'BANK_TRANSFER' })
		expect(Number(payment.platformFee) + Number(payment.brokerShare) + Number(payment.sellerNet)).toBe(100_000_000)
		const instructions = payment.instructions as Json
		expect(instructions.kind).toBe('bank-transfer')
		const emv = parseEmv(instructions.payload as string).fields
		expect(emvValue(emv, '54')).toBe('100000000')
		expect(emvValue(emv, '62.08')).toContain(payment.reference as string)
		// Asking again reuses the pending payment.
		expect(data(await api.pay(s.buyer, id, milestones[0]!.id as string)).id).toBe(payment.id)

		// The buyer cannot confirm their own transfer; an operator can, once.
		const self = await api.confirm(s.buyer, id, payment.id as string)
		expect(self.status).toBe(403)
		const keyConfirm = await api.confirm({ key: s.buyerKey }, id, payment.id as string)
		expect(keyConfirm.status).toBe(403)
		const confirmed = await api.confirm(s.operator, id, payment.id as string, { bankRef: 'FT26340123' })
		expect(confirmed.status).toBe(200)
		expect(data(confirmed)).toMatchObject({ status: 'PAID', instructions: null })
		const twice = await api.confirm(s.operator, id, payment.id as string)
		expect([twice.status, error(twice).code]).toEqual([409, 'already_paid'])
		const after = data(await api.get(s.buyer, id))
		expect(after.stage).toBe('PAYMENT')
		expect((after.milestones as Json[]).map((m) => m.status)).toEqual(['PAID', 'DUE'])
		expect((after.timeline as Json[]).map((e) => e.kind)).toContain('payment.paid')
		const paid = await prisma.dealMilestone.count({ where: { dealId: id, status: 'PAID' } })
		expect(paid).toBe(1)
		expect((data(await api.payments(s.seller, id)) as unknown as Json[]).map((p) => p.status)).toEqual(['PAID'])

		// The buyer organisation's API key reads the deal and lists it.
		const keyRead = await api.get({ key: s.buyerKey }, id)
		expect(keyRead.status).toBe(200)
		expect(data(keyRead).confidential).toBe(SECRET)
		const listed = await api.list({ key: s.buyerKey }, '?stage=PAYMENT')
		expect((listed.json.data as Json[]).map((d) => d.id)).toContain(id)
		expect(listed.json.meta).toMatchObject({ page: 1 })
	})

	test("someone else's deal is 404 on every path, without credentials 401", async () => {
		const id = await negotiating()
		const milestone = 'x'
		for (const attempt of [
			api.get(s.outsider, id),
			api.act(s.outsider, id, 'cancel', { reason: 'Không phù hợp' }),
			api.act(s.outsider, id, 'propose-terms', { transferMode: 'LICENSING', price: 0 }),
			api.milestones(s.outsider, id),
			api.pay(s.outsider, id, milestone),
			api.payments(s.outsider, id),
			api.payment(s.outsider, id, 'p'),
		]) {
			const r = await attempt
			expect(r.status).toBe(404)
			expect(r.text).not.toContain(SECRET)
		}
		expect((await api.get({}, id)).status).toBe(401)
		expect((await api.list(s.outsider)).json.data).toEqual([])
		// The outsider's deals list never shows it, and the stage filter is checked.
		const badStage = await api.list(s.buyer, '?stage=WON')
		expect(badStage.status).toBe(400)
		expect(Object.keys(error(badStage).fields ?? {})).toEqual(['stage'])
	})

	test('bad bodies and unknown steps are 4xx with translated messages, never 500', async () => {
		const id = await negotiating()
		const cases: Array<[Promise<{ status: number; json: Json }>, number]> = [
			[api.act(s.buyer, id, 'fly'), 404],
			[api.act(s.buyer, id, 'cancel', {}), 400],
			[api.act(s.buyer, id, 'cancel', { reason: 'x'.repeat(5000) }), 400],
			[call(dealAction, `/deals/${id}/cancel`, { id, action: 'cancel' }, { ...s.buyer, method: 'POST', raw: '{"reason":' }), 400],
			[api.act(s.buyer, id, 'propose-terms', { transferMode: 'TELEPORT', price: -1 }), 400],
			[api.act(s.buyer, id, 'propose-terms', { transferMode: 'LICENSING', price: '1e9', milestones: 'many' }), 400],
			[api.act(s.buyer, id, 'sign-terms', { version: '1; DROP TABLE "Deal"' }), 400],
			[api.act(s.buyer, id, 'record-outcome', { value: 10, mode: 'LICENSING', date: '2026-13-45' }), 400],
			[api.act(s.buyer, id, 'open-nda', { __proto__: { admin: true }, extra: 1 }), 400],
			[api.start(s.buyer, { from: 'nowhere' }), 400],
			[api.start(s.buyer, { from: 'offer', offerId: 'nope', organisationId: s.buyerOrgId }), 404],
			[api.start(s.buyer, { from: 'offer', offerId: s.offerId, organisationId: 'not-mine' }), 403],
			[api.act(s.buyer, id, 'confirm-transfer'), 409],
			[api.act(s.buyer, id, 'claim'), 403],
		]
		for (const [attempt, status] of cases) {
			const r = await attempt
			expect(r.status, JSON.stringify(r.json)).toBe(status)
			// Translated, never a bare i18n key.
			for (const text of [error(r).message, ...Object.values(error(r).fields ?? {}).flat()]) expect(text).not.toMatch(/^[\w]+(\.[\w]+)+$/)
		}
		const english = await api.act({ ...s.buyer, language: 'en' }, id, 'cancel', {})
		expect(error(english).fields?.reason?.[0]).toMatch(/reason/i)
		// Nothing above moved the deal.
		expect(data(await api.get(s.buyer, id)).stage).toBe('NEGOTIATION')
	})

	test("a milestone or payment of another deal is not reachable through this deal's path", async () => {
		const agreed = async () => {
			const id = await negotiating()
			await api.act(s.seller, id, 'propose-terms', { transferMode: 'LICENSING', price: 5_000_000, milestones: [{ title: 'Một đợt', amount: 5_000_000 }] })
			for (const side of [s.buyer, s.seller]) expect((await api.act(side, id, 'sign-terms', { version: 1 })).status).toBe(200)
			const [milestone] = data(await api.milestones(s.buyer, id)) as unknown as Json[]
			return { id, milestoneId: milestone!.id as string }
		}
		const a = await agreed()
		const b = await agreed()
		const paymentA = data(await api.pay(s.buyer, a.id, a.milestoneId)).id as string
		expect((await api.pay(s.buyer, b.id, a.milestoneId)).status).toBe(404)
		expect((await api.payment(s.buyer, b.id, paymentA)).status).toBe(404)
		expect((await api.confirm(s.operator, b.id, paymentA)).status).toBe(404)
		expect(await prisma.payment.count({ where: { dealId: b.id } })).toBe(0)
		expect((await prisma.payment.findUniqueOrThrow({ where: { id: paymentA } })).status).toBe('PENDING')
	})
})
