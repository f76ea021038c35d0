// The public lists and records of /api/v1 (offers, demands, task results, experts) as open data,
// against a real database: cursor walks return every published item exactly once and in order,
// also while items are inserted between pages; bad and foreign cursors are translated 400s;
// ETags answer 304 until something changes; callers without credentials share a budget per
// address, which an API key or a session does not spend.
import { RouterContextProvider } from 'react-router'
import { beforeAll, describe, expect, test } from 'vitest'
import type { ApiErrorBody } from '~/api/errors.server'
import { resources } from '~/locales'
import { createApiKey } from '~/models/api-key.server'
import { consume, LIMITS } from '~/utils/rate-limit.server'
import { useTestDatabase } from '../../../tests/db'
import { createOwner, createUser, signIn } from '../../../tests/factories'
import * as demandOne from './demand'
import * as demandList from './demands'
import * as expertOne from './expert'
import * as expertList from './experts'
import * as offerOne from './offer'
import * as offerList from './offers'
import * as provinces from './reference-provinces'
import * as taskResultOne from './task-result'
import * as taskResultList from './task-results'

const { prisma } = await useTestDatabase()

const vi = resources.vi.translation
const en = resources.en.translation

type Route = { loader: (args: never) => Promise<Response> }
type Item = Record<string, unknown> & { id: string }
type Body = {
	data: Item[]
	meta: Record<string, unknown>
	links: { self: string; first?: string; next: string | null }
}

let address = 0
/** Each request comes from an address of its own unless it names one, so no test spends another's budget. */
const freshAddress = () => `192.0.2.${++address}`

type Options = { headers?: Record<string, string>; params?: Record<string, string>; ip?: string }

async function get(route: Route, path: string, { headers = {}, params = {}, ip }: Options = {}) {
	const url = path.startsWith('/api/v1') ? path : `/api/v1${path}`
	const request = new Request(`http://localhost${url}`, { headers: { 'X-Client-IP': ip ?? freshAddress(), ...headers } })
	const response = await route.loader({ request, params, context: new RouterContextProvider() } as never)
	const text = await response.text()
	return { status: response.status, headers: response.headers, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null }
}

const bodyOf = (json: Record<string, unknown> | null) => json as unknown as Body
const errorOf = (json: Record<string, unknown> | null) => (json as unknown as ApiErrorBody).error

/** Follows links.next from the first page to the last; the ids in the order served, and the number of pages. */
async function walk(route: Route, path: string, options: Options = {}) {
	const ids: string[] = []
	let next: string | null = path
	let pages = 0
	while (next) {
		const page = await get(route, next, options)
		expect(page.status, next).toBe(200)
		const body = bodyOf(page.json)
		ids.push(...body.data.map((item) => item.id))
		expect(body.meta.hasMore).toBe(body.links.next !== null)
		next = body.links.next
		pages++
		expect(pages).toBeLessThan(200)
	}
	return { ids, pages }
}

const base64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8').toString('base64url')

let organisationId = ''
const DAY = 24 * 60 * 60 * 1000
const at = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * DAY)

beforeAll(async () => {
	const { organisation } = await createOwner({ type: 'RESEARCH_INSTITUTE' })
	organisationId = organisation.id
	// Offers with ties on every key (same publication time, same price, missing prices) and one of
	// each unpublished state, which must never show.
	const offers = [
		{ title: 'Lọc nước mặn', publishedAt: at(5), priceMin: 300n, trl: 7, provinceCode: '79' },
		{ title: 'Lọc nước lợ', publishedAt: at(5), priceMin: 300n, trl: 7, provinceCode: '79' },
		{ title: 'Cảm biến độ mặn', publishedAt: at(5), priceMin: null, trl: 5, provinceCode: '92' },
		{ title: 'Giống lúa chịu mặn', publishedAt: at(3), priceMin: 100n, trl: 9, provinceCode: '92' },
		{ title: 'Phân bón vi sinh', publishedAt: at(8), priceMin: null, trl: 4, provinceCode: '01' },
		{ title: 'Máy sấy nông sản', publishedAt: at(1), priceMin: 900n, trl: 7, provinceCode: '79' },
		{ title: 'Thiết bị đo pH', publishedAt: at(8), priceMin: 300n, trl: 6, provinceCode: '01' },
	]
	for (const offer of offers) await prisma.offer.create({ data: { organisationId, status: 'PUBLISHED', ...offer } })
	for (const status of ['DRAFT', 'SUBMITTED', 'RETURNED', 'ARCHIVED'] as const) {
		await prisma.offer.create({ data: { organisationId, status, title: `Chưa công bố ${status}`, publishedAt: status === 'ARCHIVED' ? at(4) : null, priceMin: 300n, trl: 7 } })
		await prisma.demand.create({ data: { organisationId, status, title: `Nhu cầu chưa công bố ${status}`, publishedAt: status === 'ARCHIVED' ? at(4) : null } })
	}
	const demands = [
		{ title: 'Cần máy tách vỏ', publishedAt: at(2), budgetMin: 50n, minTrl: 6 },
		{ title: 'Cần quy trình ủ phân', publishedAt: at(2), budgetMin: null, minTrl: null },
		{ title: 'Cần cảm biến', publishedAt: at(6), budgetMin: 50n, minTrl: 8 },
		{ title: 'Cần giống tôm', publishedAt: at(4), budgetMin: 500n, minTrl: null },
		{ title: 'Cần kho lạnh', publishedAt: at(7), budgetMin: null, minTrl: 6 },
	]
	for (const demand of demands) await prisma.demand.create({ data: { organisationId, status: 'PUBLISHED', ...demand } })
	const taskResults: Array<{ title: string; endYear: number | null; level: 'NATIONAL' | 'PROVINCIAL' }> = [
		{ title: 'Nuôi tôm tuần hoàn', endYear: 2021, level: 'NATIONAL' },
		{ title: 'Cảm biến mặn', endYear: 2021, level: 'PROVINCIAL' },
		{ title: 'Chọn giống lúa', endYear: 2012, level: 'NATIONAL' },
		{ title: 'Bản đồ đất', endYear: null, level: 'NATIONAL' },
		{ title: 'Bản đồ đất', endYear: null, level: 'PROVINCIAL' },
		{ title: 'Vi sinh đất phèn', endYear: 2024, level: 'PROVINCIAL' },
	]
	let n = 0
	for (const t of taskResults) {
		n++
		await prisma.taskResult.create({ data: { ...t, taskCode: `KC.${n}/26`, taskCodeKey: `kc${n}26`, hostName: 'Viện Thử nghiệm', source: 'API' } })
	}
	const experts: Array<{ fullName: string; createdAt: Date }> = [
		{ fullName: 'Nguyễn Văn An', createdAt: at(1) },
		{ fullName: 'Nguyễn Văn An', createdAt: at(1) },
		{ fullName: 'Trần Thị Bình', createdAt: at(2) },
		{ fullName: 'Lê Văn Cường', createdAt: at(1) },
		{ fullName: 'Phạm Thu Dung', createdAt: at(3) },
	]
	for (const e of experts) await prisma.expert.create({ data: { ...e, identityKey: `${e.fullName}|${++n}`, email: `chuyen-gia-${n}@example.vn`, source: 'API' } })
})

// The expected orders, written out here with Prisma's own orderBy (not the API's key lists).
const published = { status: 'PUBLISHED' } as const
const newest = [{ publishedAt: 'desc' }, { id: 'desc' }] as const
const expected = {
	offers: {
		newest: () => prisma.offer.findMany({ where: published, orderBy: [...newest], select: { id: true } }),
		'price-asc': () => prisma.offer.findMany({ where: published, orderBy: [{ priceMin: { sort: 'asc', nulls: 'last' } }, ...newest], select: { id: true } }),
		'price-desc': () => prisma.offer.findMany({ where: published, orderBy: [{ priceMin: { sort: 'desc', nulls: 'last' } }, ...newest], select: { id: true } }),
		'trl-desc': () => prisma.offer.findMany({ where: published, orderBy: [{ trl: 'desc' }, ...newest], select: { id: true } }),
	},
	demands: {
		newest: () => prisma.demand.findMany({ where: published, orderBy: [...newest], select: { id: true } }),
		'price-asc': () => prisma.demand.findMany({ where: published, orderBy: [{ budgetMin: { sort: 'asc', nulls: 'last' } }, ...newest], select: { id: true } }),
		'price-desc': () => prisma.demand.findMany({ where: published, orderBy: [{ budgetMin: { sort: 'desc', nulls: 'last' } }, ...newest], select: { id: true } }),
		'trl-desc': () => prisma.demand.findMany({ where: published, orderBy: [{ minTrl: { sort: 'desc', nulls: 'last' } }, ...newest], select: { id: true } }),
	},
	'task-results': {
		newest: () => prisma.taskResult.findMany({ orderBy: [{ endYear: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }], select: { id: true } }),
		oldest: () => prisma.taskResult.findMany({ orderBy: [{ endYear: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }], select: { id: true } }),
		title: () => prisma.taskResult.findMany({ orderBy: [{ title: 'asc' }, { id: 'asc' }], select: { id: true } }),
	},
	experts: {
		name: () => prisma.expert.findMany({ orderBy: [{ fullName: 'asc' }, { id: 'asc' }], select: { id: true } }),
		newest: () => prisma.expert.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true } }),
	},
}

const lists = { offers: offerList, demands: demandList, 'task-results': taskResultList, experts: expertList }

describe('cursor pages', () => {
	test('walking every list by cursor, in every sort it pages by cursor, returns each item exactly once, in order', async () => {
		for (const [name, sorts] of Object.entries(expected)) {
			for (const [sort, query] of Object.entries(sorts)) {
				const want = (await query()).map((r) => r.id)
				for (const limit of [1, 2, 3]) {
					const { ids, pages } = await walk(lists[name as keyof typeof lists], `/${name}?sort=${sort}&limit=${limit}`)
					expect(ids, `${name} sort=${sort} limit=${limit}`).toEqual(want)
					expect(pages).toBe(Math.max(1, Math.ceil(want.length / limit)))
				}
			}
		}
	})

	test('a page says where the next one starts; filters travel in links.next; the default is a cursor page of 20', async () => {
		const first = await get(offerList, '/offers?province=79&limit=2')
		const body = bodyOf(first.json)
		expect(body.meta).toEqual({ limit: 2, hasMore: true, nextCursor: expect.any(String) })
		expect(body.links.next).toBe(`/api/v1/offers?province=79&limit=2&cursor=${body.meta.nextCursor}`)
		expect(body.links.first).toBe('/api/v1/offers?province=79&limit=2')
		const { ids } = await walk(offerList, '/offers?province=79&limit=2')
		const want = await prisma.offer.findMany({ where: { ...published, provinceCode: '79' }, orderBy: [...newest], select: { id: true } })
		expect(ids).toEqual(want.map((r) => r.id))

		const plain = bodyOf((await get(taskResultList, '/task-results')).json)
		expect(plain.meta).toEqual({ limit: 20, hasMore: false, nextCursor: null })
		expect(plain.links.next).toBeNull()
		expect(bodyOf((await get(taskResultList, '/task-results?limit=1000')).json).meta.limit).toBe(100)

		const national = await walk(taskResultList, '/task-results?level=NATIONAL&limit=1')
		expect(national.ids).toEqual((await prisma.taskResult.findMany({ where: { level: 'NATIONAL' }, orderBy: [{ endYear: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }], select: { id: true } })).map((r) => r.id))
	})

	test('items inserted between page reads neither repeat nor shift what was there', async () => {
		const before = (await expected.offers.newest()).map((r) => r.id)
		const first = bodyOf((await get(offerList, '/offers?limit=2')).json)
		const numbered = bodyOf((await get(offerList, '/offers?pageSize=2&page=1')).json)
		// One newer than everything (before the cursor: not in this walk), one older than everything (after it: at the end).
		await prisma.offer.create({ data: { organisationId, status: 'PUBLISHED', title: 'Mới đăng trong lúc đọc', publishedAt: at(30), trl: 5 } })
		const older = await prisma.offer.create({ data: { organisationId, status: 'PUBLISHED', title: 'Đăng lùi ngày', publishedAt: at(-30), trl: 5 } })
		const ids = first.data.map((item) => item.id)
		let next = first.links.next
		let inserted = false
		while (next) {
			const page = bodyOf((await get(offerList, next)).json)
			ids.push(...page.data.map((item) => item.id))
			if (!inserted) {
				// And one with the same publication time as items already read and still to come.
				await prisma.offer.create({ data: { organisationId, status: 'PUBLISHED', title: 'Cùng ngày đăng', publishedAt: at(5), trl: 5 } })
				inserted = true
			}
			next = page.links.next
		}
		expect(new Set(ids).size).toBe(ids.length)
		expect(ids.filter((id) => before.includes(id))).toEqual(before)
		expect(ids.at(-1)).toBe(older.id)
		// Numbered pages, by contrast, shift: the newer offer pushes an item already seen onto page 2.
		const pageTwo = bodyOf((await get(offerList, '/offers?pageSize=2&page=2')).json)
		expect(pageTwo.data[0]!.id).toBe(numbered.data[1]!.id)

		const results = (await expected['task-results'].newest()).map((r) => r.id)
		const head = bodyOf((await get(taskResultList, '/task-results?limit=2')).json)
		const late = await prisma.taskResult.create({ data: { title: 'Chưa kết thúc', endYear: null, level: 'GRASSROOTS', taskCode: 'KC.99/26', taskCodeKey: 'kc9926', hostName: 'Viện Thử nghiệm', source: 'API' } })
		const rest = await walk(taskResultList, head.links.next!)
		const walked = [...head.data.map((i) => i.id), ...rest.ids]
		expect(walked.filter((id) => results.includes(id))).toEqual(results)
		expect(walked.filter((id) => id === late.id)).toHaveLength(1)
	})

	test('unpublished offers and demands never appear, in any sort or paging, and their records are 404 without credentials', async () => {
		const hidden = await prisma.offer.findMany({ where: { status: { not: 'PUBLISHED' } }, select: { id: true } })
		const hiddenDemands = await prisma.demand.findMany({ where: { status: { not: 'PUBLISHED' } }, select: { id: true } })
		expect(hidden.length).toBeGreaterThanOrEqual(4)
		const seen = new Set<string>()
		for (const sort of ['newest', 'price-asc', 'price-desc', 'trl-desc']) {
			for (const id of (await walk(offerList, `/offers?sort=${sort}&limit=3`)).ids) seen.add(id)
			for (const id of (await walk(demandList, `/demands?sort=${sort}&limit=3`)).ids) seen.add(id)
		}
		for (const query of ['?sort=views', '?pageSize=100', '?page=1&sort=price-asc']) {
			for (const item of bodyOf((await get(offerList, `/offers${query}`)).json).data) seen.add(item.id)
			for (const item of bodyOf((await get(demandList, `/demands${query}`)).json).data) seen.add(item.id)
		}
		for (const { id } of [...hidden, ...hiddenDemands]) expect(seen.has(id)).toBe(false)
		for (const { id } of hidden) expect((await get(offerOne, `/offers/${id}`, { params: { id } })).status).toBe(404)
		for (const { id } of hiddenDemands) expect((await get(demandOne, `/demands/${id}`, { params: { id } })).status).toBe(404)
	})

	test('page and pageSize still give numbered pages; sort=views pages by number only', async () => {
		const numbered = bodyOf((await get(expertList, '/experts?pageSize=2')).json)
		expect(numbered.meta).toEqual({ page: 1, pageSize: 2, total: 5, pageCount: 3 })
		expect(numbered.links).toMatchObject({ next: '/api/v1/experts?pageSize=2&page=2', prev: null })
		const views = bodyOf((await get(offerList, '/offers?sort=views&limit=2')).json)
		expect(views.meta).toMatchObject({ page: 1, pageSize: 2 })
		expect(views.links.next).toBe('/api/v1/offers?sort=views&limit=2&page=2&pageSize=2')
	})

	test('updatedSince keeps what changed at or after the instant; a wrong one is a translated 400', async () => {
		const [recent] = await prisma.taskResult.findMany({ take: 1, orderBy: { id: 'asc' } })
		await prisma.$executeRaw`UPDATE "TaskResult" SET "updatedAt" = CASE WHEN id = ${recent!.id} THEN '2030-01-02T00:00:00Z'::timestamp ELSE '2029-12-31T00:00:00Z'::timestamp END`
		const { ids } = await walk(taskResultList, '/task-results?updatedSince=2030-01-01T07:00:00%2B07:00')
		expect(ids).toEqual([recent!.id])
		const wrong = await get(offerList, '/offers?updatedSince=yesterday', { headers: { 'Accept-Language': 'en' } })
		expect(wrong.status).toBe(400)
		expect(errorOf(wrong.json).fields).toEqual({ updatedSince: [en.api.lists.updatedSince] })
	})
})

describe('bad cursors', () => {
	test('a malformed, tampered or foreign cursor is a 400 with the reason in vi and en, never a 500', async () => {
		const offersCursor = bodyOf((await get(offerList, '/offers?limit=1')).json).meta.nextCursor as string
		const demandsCursor = bodyOf((await get(demandList, '/demands?limit=1')).json).meta.nextCursor as string
		const malformed = [
			'khong-phai-con-tro!',
			'12345-67890', // the change feed's cursor shape
			base64url('không phải JSON'),
			base64url([1, 2]),
			base64url({ s: 'offers:newest' }),
			base64url({ s: 'offers:newest', k: [123, 'x'] }),
			base64url({ s: 'offers:newest', k: ['2026-01-01T00:00:00.000Z'] }),
			base64url({ s: 'offers:newest', k: ['2026-02-30T99:00:00.000Z', 'x'] }),
			base64url({ s: 'offers:newest', k: [null, { $gt: '' }] }),
			'x'.repeat(5000),
		].map((cursor) => `cursor=${encodeURIComponent(cursor)}`)
		// A price that is not a whole number, in the sort it belongs to.
		malformed.push(`sort=price-asc&cursor=${base64url({ s: 'offers:price-asc', k: ['12.5', '2026-01-01T00:00:00.000Z', 'x'] })}`)
		for (const query of malformed) {
			for (const [language, texts] of [['vi', vi], ['en', en]] as const) {
				const response = await get(offerList, `/offers?${query}`, { headers: { 'Accept-Language': language } })
				expect(response.status, query).toBe(400)
				expect(errorOf(response.json), query).toEqual({ code: 'invalid_cursor', message: texts.api.lists.badCursor, fields: { cursor: [texts.api.lists.badCursor] } })
			}
		}
		const foreign: Array<[Route, string]> = [
			[offerList, `/offers?cursor=${demandsCursor}`],
			[demandList, `/demands?cursor=${offersCursor}`],
			[offerList, `/offers?sort=price-asc&cursor=${offersCursor}`],
			[taskResultList, `/task-results?cursor=${offersCursor}`],
		]
		for (const [route, path] of foreign) {
			for (const [language, texts] of [['vi', vi], ['en', en]] as const) {
				const response = await get(route, path, { headers: { 'Accept-Language': language } })
				expect(response.status, path).toBe(400)
				expect(errorOf(response.json).message).toBe(texts.api.lists.foreignCursor)
			}
		}
		const both = await get(offerList, `/offers?page=2&cursor=${offersCursor}`)
		expect(errorOf(both.json)).toMatchObject({ code: 'invalid_cursor', message: vi.api.lists.cursorWithPage })
		const views = await get(offerList, `/offers?sort=views&cursor=${offersCursor}`, { headers: { 'Accept-Language': 'en' } })
		expect(errorOf(views.json)).toMatchObject({ code: 'invalid_cursor', message: en.api.lists.offsetOnly })
		const zero = await get(offerList, '/offers?limit=0')
		expect(zero.status).toBe(400)
		expect(errorOf(zero.json).fields).toEqual({ limit: [vi.api.errors.notPositiveInteger] })
	})
})

describe('ETags', () => {
	test('every public list answers 304 to its own ETag, and 200 with a new one after a change', async () => {
		const cases: Array<[Route, string, () => Promise<unknown>]> = [
			[offerList, '/offers?limit=3', () => prisma.offer.updateMany({ where: published, data: { title: { set: 'Đã đổi tên' } } })],
			[demandList, '/demands?sort=price-asc', () => prisma.demand.create({ data: { organisationId, status: 'PUBLISHED', title: 'Nhu cầu mới', publishedAt: at(1), budgetMin: 1n } })],
			[taskResultList, '/task-results?sort=title&limit=2', () => prisma.taskResult.updateMany({ where: { title: 'Bản đồ đất' }, data: { title: 'Bản đồ đất (bản sửa)' } })],
			[expertList, '/experts', () => prisma.expert.updateMany({ where: { fullName: 'Phạm Thu Dung' }, data: { keywords: ['đất phèn'] } })],
			[offerList, '/offers?pageSize=2&page=1', () => prisma.offer.updateMany({ where: published, data: { viewCount: { increment: 1 } } })],
		]
		for (const [route, path, change] of cases) {
			const first = await get(route, path)
			expect(first.status, path).toBe(200)
			const etag = first.headers.get('ETag')!
			expect(etag, path).toMatch(/^W\/"[\w-]+"$/)
			expect(first.headers.get('Cache-Control')).toBe('public, max-age=0, must-revalidate')
			expect(first.headers.get('Vary')).toMatch(/Authorization/)
			const again = await get(route, path, { headers: { 'If-None-Match': etag } })
			expect(again.status, path).toBe(304)
			expect(again.text).toBe('')
			expect(again.headers.get('ETag')).toBe(etag)
			// A list of tags, and the strong form of the same tag, match too (weak comparison).
			expect((await get(route, path, { headers: { 'If-None-Match': `"other", ${etag.slice(2)}` } })).status).toBe(304)
			await change()
			const changed = await get(route, path, { headers: { 'If-None-Match': etag } })
			expect(changed.status, path).toBe(200)
			expect(changed.headers.get('ETag')).not.toBe(etag)
		}
	})

	test('every public record answers 304 to its own ETag, and 200 after a change; private when it depends on the caller', async () => {
		const offer = await prisma.offer.findFirstOrThrow({ where: published })
		const taskResult = await prisma.taskResult.findFirstOrThrow()
		const expert = await prisma.expert.findFirstOrThrow()
		const demand = await prisma.demand.findFirstOrThrow({ where: published })
		const cases: Array<[Route, string, string, () => Promise<unknown>]> = [
			[offerOne, '/offers', offer.id, () => prisma.offer.update({ where: { id: offer.id }, data: { viewCount: { increment: 1 } } })],
			[demandOne, '/demands', demand.id, () => prisma.demand.update({ where: { id: demand.id }, data: { title: 'Cần máy tách vỏ lạc' } })],
			[taskResultOne, '/task-results', taskResult.id, () => prisma.taskResult.update({ where: { id: taskResult.id }, data: { abstract: 'Tóm tắt mới' } })],
			[expertOne, '/experts', expert.id, () => prisma.expert.update({ where: { id: expert.id }, data: { bio: 'Tiểu sử mới' } })],
		]
		for (const [route, path, id, change] of cases) {
			const first = await get(route, `${path}/${id}`, { params: { id } })
			expect(first.status, path).toBe(200)
			const etag = first.headers.get('ETag')!
			expect(first.headers.get('Cache-Control')).toBe('public, max-age=0, must-revalidate')
			const again = await get(route, `${path}/${id}`, { params: { id }, headers: { 'If-None-Match': etag } })
			expect(again.status, path).toBe(304)
			expect(again.text).toBe('')
			await change()
			const changed = await get(route, `${path}/${id}`, { params: { id }, headers: { 'If-None-Match': etag } })
			expect(changed.status, path).toBe(200)
			expect(changed.headers.get('ETag')).not.toBe(etag)
		}
		// An offer's ETag still starts with its version (what If-Match checks).
		const version = (await prisma.offer.findUniqueOrThrow({ where: { id: offer.id } })).version
		expect((await get(offerOne, `/offers/${offer.id}`, { params: { id: offer.id } })).headers.get('ETag')).toMatch(new RegExp(`^"${version}\\.`))

		// Members see insider fields, operators see e-mails: their answers are theirs alone.
		const owner = await prisma.membership.findFirstOrThrow({ where: { organisationId }, select: { userId: true } })
		const member = await get(offerOne, `/offers/${offer.id}`, { params: { id: offer.id }, headers: { Cookie: (await signIn(owner.userId)).cookie } })
		expect(member.headers.get('Cache-Control')).toBe('private, max-age=0, must-revalidate')
		const operator = { Cookie: (await signIn((await createUser({ roles: ['MEMBER', 'OPERATOR'] })).id)).cookie }
		const emails = await get(expertList, '/experts', { headers: operator })
		expect(emails.headers.get('Cache-Control')).toBe('private, max-age=0, must-revalidate')
		expect(bodyOf(emails.json).data[0]).toHaveProperty('email')
		expect((await get(expertOne, `/experts/${expert.id}`, { params: { id: expert.id }, headers: operator })).headers.get('Cache-Control')).toMatch(/^private/)
		// The operator's copy and the public one differ, and so do their ETags.
		expect(emails.headers.get('ETag')).not.toBe((await get(expertList, '/experts')).headers.get('ETag'))
	})

	test('reference data keeps its day-long cache and answers 304 to its ETag', async () => {
		const first = await get(provinces, '/reference/provinces')
		expect(first.headers.get('Cache-Control')).toMatch(/^public, max-age=86400/)
		expect((await get(provinces, '/reference/provinces', { headers: { 'If-None-Match': first.headers.get('ETag')! } })).status).toBe(304)
	})
})

describe('the budget of public reads', () => {
	test('an address without credentials shares one budget across lists and records: then 429 with Retry-After, translated', async () => {
		const ip = '198.51.100.23'
		const taskResult = await prisma.taskResult.findFirstOrThrow()
		await consume('publicReadIp', ip, LIMITS.publicReadIp.points - 2)
		expect((await get(offerList, '/offers', { ip })).status).toBe(200)
		expect((await get(taskResultOne, `/task-results/${taskResult.id}`, { ip, params: { id: taskResult.id } })).status).toBe(200)
		for (const [language, texts] of [['vi', vi], ['en', en]] as const) {
			const refused = await get(expertList, '/experts', { ip, headers: { 'Accept-Language': language } })
			expect(refused.status).toBe(429)
			const seconds = Number(refused.headers.get('Retry-After'))
			expect(seconds).toBeGreaterThan(0)
			expect(seconds).toBeLessThanOrEqual(60)
			expect(errorOf(refused.json)).toEqual({ code: 'too_many_requests', message: texts.api.errors.tooManyRequests.replace('{{seconds}}', String(seconds)) })
			expect(refused.headers.get('Cache-Control')).toBe('no-store')
		}
		// A conditional request spends the budget too (the answer is computed to compare ETags).
		expect((await get(offerList, '/offers', { ip, headers: { 'If-None-Match': '*' } })).status).toBe(429)
		// Another address is not affected.
		expect((await get(offerList, '/offers')).status).toBe(200)
	})

	test('an API key on the same address has its own, larger budget; a session is not counted; a bad key is 401 first', async () => {
		const ip = '198.51.100.24'
		await consume('publicReadIp', ip, LIMITS.publicReadIp.points)
		expect((await get(demandList, '/demands', { ip })).status).toBe(429)

		const { user, organisation } = await createOwner()
		const key = await createApiKey(user.id, organisation.id, 'cổng dữ liệu tỉnh')
		const withKey = { ip, headers: { Authorization: `Bearer ${key.plainKey}` } }
		expect(LIMITS.publicReadKey.points).toBeGreaterThanOrEqual(50 * LIMITS.publicReadIp.points)
		for (let i = 0; i < 3; i++) expect((await get(demandList, '/demands', withKey)).status).toBe(200)
		expect((await get(demandList, '/demands?limit=1', withKey)).headers.get('Cache-Control')).toBe('public, max-age=0, must-revalidate')
		// Four spent above; the rest of the key's own budget here, then it is gone (the address's was already).
		await consume('publicReadKey', key.id, LIMITS.publicReadKey.points - 4)
		expect((await get(demandList, '/demands', withKey)).status).toBe(429)

		const session = { ip, headers: { Cookie: (await signIn(user.id)).cookie } }
		for (let i = 0; i < 3; i++) expect((await get(offerList, '/offers', session)).status).toBe(200)

		expect((await get(offerList, '/offers', { ip, headers: { Authorization: 'Bearer ck_khong-phai-khoa-that' } })).status).toBe(401)
	})
})
