// /api/v1/organisations, /organisations/:id and /organisations/:id/members against a real database.
import { RouterContextProvider } from 'react-router'
import { describe, expect, test } from 'vitest'
import type { ApiErrorBody } from '~/api/errors.server'
import { resources } from '~/locales'
import { createApiKey } from '~/models/api-key.server'
import { addMember, createOrganisation, createOwner, createUser, signIn } from '../../../tests/factories'
import { useTestDatabase } from '../../../tests/db'
import * as members from './organisation-members'
import * as one from './organisation'
import * as list from './organisations'

process.env.SESSION_SECRET ??= 'api-organisations-test-session-secret-0123456789'

const { prisma } = await useTestDatabase()

type Route = { loader: (args: never) => Promise<Response>; action: (args: never) => Promise<Response> }

/** Calls a route module the way React Router would for this method. */
async function call(
	route: Route,
	path: string,
	options: { method?: string; params?: Record<string, string>; cookie?: string; key?: string; body?: unknown; raw?: string; language?: string } = {},
) {
	const method = options.method ?? 'GET'
	const headers = new Headers()
	if (options.cookie) headers.set('Cookie', options.cookie)
	if (options.key) headers.set('Authorization', `Bearer ${options.key}`)
	if (options.language) headers.set('Accept-Language', options.language)
	const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
	if (body !== undefined) headers.set('Content-Type', 'application/json')
	const request = new Request(`http://localhost/api/v1${path}`, { method, headers, body })
	const args = { request, params: options.params ?? {}, context: new RouterContextProvider() } as never
	const response = method === 'GET' || method === 'HEAD' ? await route.loader(args) : await route.action(args)
	const text = await response.text()
	return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : null }
}

const errorOf = (json: Record<string, unknown> | null) => (json as ApiErrorBody).error

describe('GET /organisations', () => {
	test('lists public data with filters, diacritic-insensitive search and pages', async () => {
		const hue = await createOrganisation({ name: 'Đại học Huế Kiểm Thử', type: 'UNIVERSITY', provinceCode: '46', verified: true })
		await createOrganisation({ name: 'Công ty Thủy sản Kiểm Thử', type: 'ENTERPRISE', provinceCode: '46' })
		await createOrganisation({ name: 'Viện Nông nghiệp Kiểm Thử', type: 'RESEARCH_INSTITUTE', provinceCode: '01' })

		const byProvince = await call(list, '/organisations?province=46&q=kiem thu')
		expect(byProvince.status).toBe(200)
		expect((byProvince.json!.data as Array<{ name: string }>).map((o) => o.name).sort()).toEqual(['Công ty Thủy sản Kiểm Thử', 'Đại học Huế Kiểm Thử'])

		const search = await call(list, '/organisations?q=dai%20hoc%20HUE&verified=true')
		expect(search.json!.data).toEqual([
			expect.objectContaining({ id: hue.id, slug: hue.slug, verified: true, type: 'UNIVERSITY', province: expect.objectContaining({ code: '46' }) }),
		])
		expect(Object.keys((search.json!.data as object[])[0]!)).not.toContain('verifiedById')

		const paging = await call(list, '/organisations?q=kiểm thử&pageSize=2&page=2')
		expect(paging.json!.meta).toEqual({ page: 2, pageSize: 2, total: 3, pageCount: 2 })
		expect((paging.json!.data as unknown[]).length).toBe(1)

		const wrong = await call(list, '/organisations?type=CASTLE&verified=maybe', { language: 'en' })
		expect(wrong.status).toBe(400)
		expect(Object.keys(errorOf(wrong.json).fields!).sort()).toEqual(['type', 'verified'])
	})
})

describe('POST /organisations', () => {
	test('creates an organisation owned by the signed-in person', async () => {
		const user = await createUser()
		const { cookie } = await signIn(user.id)
		const response = await call(list, '/organisations', {
			method: 'POST',
			cookie,
			body: { name: 'Viện Công nghệ Sinh học Thử', type: 'RESEARCH_INSTITUTE', provinceCode: '79', website: 'https://vien.example.vn' },
		})
		expect(response.status).toBe(201)
		const created = response.json!.data as { id: string; slug: string; verified: boolean }
		expect(created).toMatchObject({ name: 'Viện Công nghệ Sinh học Thử', verified: false })
		expect(response.headers.get('Location')).toBe(`/api/v1/organisations/${created.id}`)
		expect(await prisma.membership.findFirst({ where: { organisationId: created.id, userId: user.id } })).toMatchObject({ role: 'OWNER' })
	})

	test('validation errors list fields with messages in Vietnamese by default and in English on request', async () => {
		const user = await createUser()
		const { cookie } = await signIn(user.id)
		const body = { name: 'X', type: 'CASTLE', provinceCode: '99', email: 'khong-phai-email', color: 'red' }
		const vi = await call(list, '/organisations', { method: 'POST', cookie, body })
		expect(vi.status).toBe(400)
		expect(errorOf(vi.json)).toEqual({
			code: 'validation_failed',
			message: resources.vi.translation.api.errors.validation,
			fields: {
				name: ['Cần ít nhất 2 ký tự'],
				type: [resources.vi.translation.validation.choose],
				email: [resources.vi.translation.validation.email],
				color: [resources.vi.translation.api.errors.unknownField],
			},
		})
		// The province is checked against the database once the shape is right.
		const en = await call(list, '/organisations', {
			method: 'POST',
			cookie,
			language: 'en-GB,en;q=0.9,vi;q=0.5',
			body: { name: 'Viện Thử', type: 'AGENCY', provinceCode: '99' },
		})
		expect(en.status).toBe(400)
		expect(errorOf(en.json).fields).toEqual({ provinceCode: [resources.en.translation.api.errors.unknownProvince] })
		expect(en.headers.get('Content-Language')).toBe('en')
	})

	test('needs a signed-in person: none is 401, an API key is 403', async () => {
		const { user, organisation } = await createOwner()
		const key = await createApiKey(user.id, organisation.id, 'ERP')
		const body = { name: 'Viện Thử', type: 'AGENCY', provinceCode: '01' }
		const anonymous = await call(list, '/organisations', { method: 'POST', body })
		expect(anonymous.status).toBe(401)
		expect(anonymous.headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
		expect((await call(list, '/organisations', { method: 'POST', body, key: key.plainKey })).status).toBe(403)
	})

	test('malformed JSON gets a 400 JSON answer, not a 500', async () => {
		const user = await createUser()
		const { cookie } = await signIn(user.id)
		const response = await call(list, '/organisations', { method: 'POST', cookie, raw: '{"name": "Viện' })
		expect(response.status).toBe(400)
		expect(errorOf(response.json).code).toBe('invalid_json')
	})
})

describe('/organisations/:id', () => {
	test('reads by id or slug; an unknown one is a JSON 404', async () => {
		const organisation = await createOrganisation({ name: 'Trường Đại học Thử' })
		for (const id of [organisation.id, organisation.slug]) {
			const response = await call(one, `/organisations/${id}`, { params: { id } })
			expect(response.status).toBe(200)
			expect(response.json!.data).toMatchObject({ id: organisation.id, name: 'Trường Đại học Thử' })
		}
		const missing = await call(one, '/organisations/khong-co', { params: { id: 'khong-co' }, language: 'en' })
		expect(missing.status).toBe(404)
		expect(errorOf(missing.json)).toEqual({ code: 'not_found', message: resources.en.translation.api.errors.organisationUnknown })
	})

	test('its owner changes only the fields sent; its own key may too, another key or a member may not', async () => {
		const { user: owner, organisation } = await createOwner({ taxCode: '0101234567' })
		const member = await createUser()
		await addMember(member.id, organisation.id, 'MEMBER')
		const other = await createOwner()
		const ownKey = await createApiKey(owner.id, organisation.id, 'ERP')
		const otherKey = await createApiKey(other.user.id, other.organisation.id, 'ERP')
		const params = { id: organisation.id }
		const path = `/organisations/${organisation.id}`

		const ownerPatch = await call(one, path, { method: 'PATCH', params, cookie: (await signIn(owner.id)).cookie, body: { website: 'https://moi.example.vn' } })
		expect(ownerPatch.status).toBe(200)
		expect(ownerPatch.json!.data).toMatchObject({ website: 'https://moi.example.vn', taxCode: '0101234567', name: organisation.name })

		const keyPatch = await call(one, path, { method: 'PATCH', params, key: ownKey.plainKey, body: { phone: null, description: 'Giới thiệu mới' } })
		expect(keyPatch.status).toBe(200)
		expect(keyPatch.json!.data).toMatchObject({ description: 'Giới thiệu mới', website: 'https://moi.example.vn' })
		expect(await prisma.auditLog.count({ where: { entityId: organisation.id, action: 'organisation.update', actorId: owner.id } })).toBe(2)

		expect((await call(one, path, { method: 'PATCH', params, key: otherKey.plainKey, body: { description: 'x' } })).status).toBe(403)
		expect((await call(one, path, { method: 'PATCH', params, cookie: (await signIn(member.id)).cookie, body: { description: 'x' } })).status).toBe(403)
		expect((await prisma.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).description).toBe('Giới thiệu mới')
	})

	test("a tax code held by another organisation is a field error", async () => {
		await createOrganisation({ taxCode: '0309876543' })
		const { user, organisation } = await createOwner()
		const response = await call(one, `/organisations/${organisation.id}`, {
			method: 'PATCH',
			params: { id: organisation.id },
			cookie: (await signIn(user.id)).cookie,
			body: { taxCode: '0309876543' },
		})
		expect(response.status).toBe(400)
		expect(errorOf(response.json).fields).toEqual({ taxCode: [resources.vi.translation.validation.taxCodeTaken] })
	})
})

describe('/organisations/:id/members', () => {
	test("a member of A cannot read or manage B's members, signed in or with A's key", async () => {
		const a = await createOwner()
		const b = await createOwner()
		const aMember = await createUser()
		await addMember(aMember.id, a.organisation.id, 'MEMBER')
		const aKey = await createApiKey(a.user.id, a.organisation.id, 'ERP')
		const bTarget = await createUser()
		const bMembership = await addMember(bTarget.id, b.organisation.id, 'MEMBER')
		const params = { id: b.organisation.id }
		const path = `/organisations/${b.organisation.id}/members`

		for (const credentials of [{ cookie: (await signIn(aMember.id)).cookie }, { cookie: (await signIn(a.user.id)).cookie }, { key: aKey.plainKey }]) {
			const read = await call(members, path, { params, ...credentials })
			expect(read.status).toBe(403)
			expect(errorOf(read.json).code).toBe('forbidden')
			expect((await call(members, path, { method: 'POST', params, ...credentials, body: { email: aMember.email } })).status).toBe(403)
			expect((await call(members, path, { method: 'PATCH', params, ...credentials, body: { membershipId: bMembership.id, role: 'ADMIN' } })).status).toBe(403)
			expect((await call(members, `${path}?membershipId=${bMembership.id}`, { method: 'DELETE', params, ...credentials })).status).toBe(403)
		}
		expect(await prisma.membership.findUniqueOrThrow({ where: { id: bMembership.id } })).toMatchObject({ role: 'MEMBER', status: 'ACTIVE' })
		expect(await prisma.membership.count({ where: { organisationId: b.organisation.id } })).toBe(2)
	})

	test('members read the active members; managers and keys also see join requests', async () => {
		const { user: owner, organisation } = await createOwner()
		const member = await createUser()
		await addMember(member.id, organisation.id, 'MEMBER')
		const applicant = await createUser()
		await addMember(applicant.id, organisation.id, 'MEMBER', 'PENDING')
		const key = await createApiKey(owner.id, organisation.id, 'ERP')
		const params = { id: organisation.slug }
		const path = `/organisations/${organisation.slug}/members`

		const asMember = await call(members, path, { params, cookie: (await signIn(member.id)).cookie })
		expect(asMember.status).toBe(200)
		expect((asMember.json!.data as Array<{ status: string }>).map((m) => m.status)).toEqual(['ACTIVE', 'ACTIVE'])
		expect((await call(members, `${path}?status=PENDING`, { params, cookie: (await signIn(member.id)).cookie })).status).toBe(403)

		const asKey = await call(members, path, { params, key: key.plainKey })
		expect(asKey.status).toBe(200)
		expect(asKey.json!.meta).toMatchObject({ total: 3 })
		expect(asKey.json!.data).toContainEqual(expect.objectContaining({ status: 'PENDING', user: expect.objectContaining({ email: applicant.email }) }))

		expect((await call(members, path, { params })).status).toBe(401)
	})

	test('owners add by e-mail, change roles and remove, with membershipId in the body or the query', async () => {
		const { user: owner, organisation } = await createOwner()
		const newcomer = await createUser()
		const cookie = (await signIn(owner.id)).cookie
		const params = { id: organisation.id }
		const path = `/organisations/${organisation.id}/members`

		const added = await call(members, path, { method: 'POST', params, cookie, body: { email: newcomer.email.toUpperCase() } })
		expect(added.status).toBe(201)
		const membership = added.json!.data as { id: string; role: string }
		expect(membership).toMatchObject({ role: 'MEMBER', status: 'ACTIVE', user: { id: newcomer.id } })

		const again = await call(members, path, { method: 'POST', params, cookie, body: { email: newcomer.email } })
		expect(again.status).toBe(409)

		const unknown = await call(members, path, { method: 'POST', params, cookie, body: { email: 'khong-ai@kiemthu.example' }, language: 'en' })
		expect(unknown.status).toBe(404)
		expect(errorOf(unknown.json).message).toBe(resources.en.translation.organisations.errors.noSuchUser)

		const promoted = await call(members, `${path}?membershipId=${membership.id}`, { method: 'PATCH', params, cookie, body: { role: 'ADMIN' } })
		expect(promoted.status).toBe(200)
		expect(promoted.json!.data).toMatchObject({ id: membership.id, role: 'ADMIN' })

		const missingId = await call(members, path, { method: 'PATCH', params, cookie, body: { role: 'MEMBER' } })
		expect(missingId.status).toBe(400)
		expect(Object.keys(errorOf(missingId.json).fields!)).toEqual(['membershipId'])

		const removed = await call(members, path, { method: 'DELETE', params, cookie, body: { membershipId: membership.id } })
		expect(removed.status).toBe(204)
		expect(await prisma.membership.findUnique({ where: { id: membership.id } })).toBeNull()

		const lastOwner = await prisma.membership.findFirstOrThrow({ where: { organisationId: organisation.id, userId: owner.id } })
		const refused = await call(members, `${path}?membershipId=${lastOwner.id}`, { method: 'DELETE', params, cookie })
		expect(refused.status).toBe(409)
	})
})
