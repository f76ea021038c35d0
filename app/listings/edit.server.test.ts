import { RouterContextProvider } from 'react-router'
import { describe, expect, test } from 'vitest'
import { listingEditAction, listingEditLoader, listingNewAction } from '~/listings/edit.server'
import { createOffer } from '~/models/offer.server'
import { actorFor, completeOffer, createOwner, makeRequest, signIn } from '../../tests/factories'
import { useTestDatabase } from '../../tests/db'

const { prisma } = await useTestDatabase()

// The i18n middleware is not run here; an empty context makes getLocale fall back, so give it one.
function context() {
	return new RouterContextProvider()
}

async function outcome(promise: Promise<unknown>) {
	try {
		const value = await promise
		if (value instanceof Response) return { status: value.status, location: value.headers.get('Location'), body: null as unknown }
		const v = value as { type?: string; data?: unknown; init?: { status?: number } }
		if (v?.type === 'DataWithResponseInit') return { status: v.init?.status ?? 200, location: null, body: v.data }
		return { status: 200, location: null, body: value }
	} catch (thrown) {
		if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get('Location'), body: null }
		const v = thrown as { type?: string; init?: { status?: number } }
		if (v?.type === 'DataWithResponseInit') return { status: v.init?.status ?? 500, location: null, body: null }
		throw thrown
	}
}

async function owner() {
	const { user, organisation } = await createOwner()
	const { cookie } = await signIn(user.id)
	return { user, organisation, cookie, actor: await actorFor(user.id) }
}

describe('the step editor', () => {
	test('saving one step keeps what the other steps hold', async () => {
		const { organisation, cookie, actor } = await owner()
		const { id } = await createOffer(actor, organisation.id, completeOffer())
		const { version } = await prisma.offer.findUniqueOrThrow({ where: { id } })
		const res = await outcome(
			listingEditAction('offer', {
				request: makeRequest(`/offers/${id}/edit?step=commercial`, { cookie, form: { version: String(version), transferModes: ['ASSIGNMENT'], priceMin: '2.000.000.000', priceMax: '' } }),
				params: { id },
				context: context(),
			}),
		)
		expect(res.status).toBe(302)
		expect(res.location).toBe(`/offers/${id}/edit?step=attachments`)
		const row = await prisma.offer.findUniqueOrThrow({ where: { id } })
		expect(row).toMatchObject({ title: completeOffer().title, trl: 7, transferModes: ['ASSIGNMENT'], priceMin: 2_000_000_000n, priceMax: null, priceNegotiable: false })
		expect(row.description).toBe(completeOffer().description)
	})

	test('a bad value answers 400 with the typed values and the field error; nothing is saved', async () => {
		const { organisation, cookie, actor } = await owner()
		const { id } = await createOffer(actor, organisation.id, completeOffer())
		const before = await prisma.offer.findUniqueOrThrow({ where: { id } })
		const res = await outcome(
			listingEditAction('offer', {
				request: makeRequest(`/offers/${id}/edit?step=basics`, {
					cookie,
					form: { version: String(before.version), title: 'Tên mới rất hay', summary: 'x'.repeat(700), description: 'Mô tả mới', keywords: 'a, b', fieldCodes: ['405'], provinceCode: '96' },
				}),
				params: { id },
				context: context(),
			}),
		)
		expect(res.status).toBe(400)
		const result = (res.body as { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }).result
		expect(result.error.summary).toEqual(['validation.tooLong|{"max":600}'])
		expect(result.initialValue).toMatchObject({ title: 'Tên mới rất hay', description: 'Mô tả mới', keywords: 'a, b' })
		expect((await prisma.offer.findUniqueOrThrow({ where: { id } })).title).toBe(before.title)
	})

	test('another organisation gets 404 on the editor and its posts change nothing', async () => {
		const a = await owner()
		const b = await owner()
		const { id } = await createOffer(b.actor, b.organisation.id, completeOffer())
		expect((await outcome(listingEditLoader('offer', { request: makeRequest(`/offers/${id}/edit`, { cookie: a.cookie }), params: { id }, context: context() }))).status).toBe(404)
		const res = await outcome(
			listingEditAction('offer', { request: makeRequest(`/offers/${id}/edit?step=basics`, { cookie: a.cookie, form: { title: 'Bị sửa trộm', fieldCodes: ['405'] } }), params: { id }, context: context() }),
		)
		expect(res.status).toBe(404)
		expect((await prisma.offer.findUniqueOrThrow({ where: { id } })).title).toBe(completeOffer().title)
	})

	test('the first step creates a draft only for an organisation the user belongs to', async () => {
		const a = await owner()
		const b = await owner()
		const form = { title: 'Máy sấy nông sản năng lượng mặt trời', fieldCodes: ['203'], keywords: 'sấy' }
		const refused = await outcome(listingNewAction('offer', { request: makeRequest('/offers/new', { cookie: a.cookie, form: { ...form, organisationId: b.organisation.id } }), params: {}, context: context() }))
		expect(refused.status).toBe(400)
		expect(await prisma.offer.count({ where: { organisationId: b.organisation.id } })).toBe(0)
		const created = await outcome(listingNewAction('offer', { request: makeRequest('/offers/new', { cookie: a.cookie, form: { ...form, organisationId: a.organisation.id } }), params: {}, context: context() }))
		expect(created.status).toBe(302)
		expect(created.location).toMatch(/^\/offers\/\w+\/edit\?step=technical$/)
	})
})
