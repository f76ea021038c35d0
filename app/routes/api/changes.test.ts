// GET /api/v1/changes against a real database: a mirror that replays the feed from the start, or
// follows it page by page while data changes, holds exactly the public data the item endpoints
// serve; a change written before another but committed after it is not skipped; compaction keeps
// replays exact; bad cursors and limits are translated 400s.
import pg from 'pg'
import { RouterContextProvider } from 'react-router'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { ApiErrorBody } from '~/api/errors.server'
import { resources } from '~/locales'
import { compactChanges } from '~/models/public-change.server'
import { useTestDatabase } from '../../../tests/db'
import { createOrganisation } from '../../../tests/factories'
import * as changes from './changes'
import * as demandOne from './demand'
import * as expertOne from './expert'
import * as offerOne from './offer'
import * as taskResultOne from './task-result'

const { prisma, url: databaseUrl } = await useTestDatabase()

type Route = { loader: (args: never) => Promise<Response> }
type Entry = { cursor: string; type: string; id: string; action: 'upsert' | 'delete'; changedAt: string; resource: Record<string, unknown> | null }
type Page = { data: Entry[]; meta: { cursor: string | null; hasMore: boolean; limit: number }; links: { next: string } }

async function get(route: Route, path: string, params: Record<string, string> = {}, language = 'vi') {
	const request = new Request(`http://localhost/api/v1${path}`, { headers: { 'Accept-Language': language } })
	const response = await route.loader({ request, params, context: new RouterContextProvider() } as never)
	return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

/** A mirror as another database would keep one: entities by type and id, fed from a cursor on. */
class Mirror {
	readonly entities = new Map<string, Record<string, unknown>>()
	cursor: string | null = null
	pages = 0

	async follow(limit = 3) {
		for (;;) {
			const query = new URLSearchParams({ limit: String(limit), ...(this.cursor ? { since: this.cursor } : {}) })
			const { status, json } = await get(changes, `/changes?${query}`)
			expect(status).toBe(200)
			const page = json as unknown as Page
			this.pages++
			for (const entry of page.data) {
				const key = `${entry.type}:${entry.id}`
				if (entry.action === 'upsert') this.entities.set(key, entry.resource!)
				else this.entities.delete(key)
			}
			this.cursor = page.meta.cursor
			if (!page.meta.hasMore) return
		}
	}
}

const strip = (resource: Record<string, unknown>) => {
	const { viewCount: _views, updatedAt: _touched, ...rest } = resource
	return rest
}

/** The public data as the item endpoints serve it, without counters and touch times. */
async function publicData() {
	const expected = new Map<string, Record<string, unknown>>()
	const [offers, demands, taskResults, experts] = await Promise.all([
		prisma.offer.findMany({ where: { status: 'PUBLISHED' }, select: { id: true } }),
		prisma.demand.findMany({ where: { status: 'PUBLISHED' }, select: { id: true } }),
		prisma.taskResult.findMany({ select: { id: true } }),
		prisma.expert.findMany({ select: { id: true } }),
	])
	const load = async (type: string, route: Route, path: string, id: string) => {
		const { status, json } = await get(route, `${path}/${id}`, { id })
		expect(status).toBe(200)
		expected.set(`${type}:${id}`, strip(json.data as Record<string, unknown>))
	}
	await Promise.all([
		...offers.map((o) => load('offer', offerOne, '/offers', o.id)),
		...demands.map((d) => load('demand', demandOne, '/demands', d.id)),
		...taskResults.map((t) => load('taskResult', taskResultOne, '/task-results', t.id)),
		...experts.map((e) => load('expert', expertOne, '/experts', e.id)),
	])
	return expected
}

function expectMirrorOf(mirror: Mirror, expected: Map<string, Record<string, unknown>>) {
	expect([...mirror.entities.keys()].sort()).toEqual([...expected.keys()].sort())
	for (const [key, resource] of expected) expect(mirror.entities.get(key), key).toEqual(resource)
}

let tag = 0
const publishedOffer = (organisationId: string, title: string) =>
	prisma.offer.create({ data: { organisationId, title, status: 'PUBLISHED', publishedAt: new Date(), summary: `Tóm tắt ${title}`, fieldCodes: ['20201'], fieldPaths: ['2', '202', '20201'] }, select: { id: true } })

async function taskResult(title: string, hostOrganisationId: string | null) {
	tag++
	return prisma.taskResult.create({ data: { taskCode: `KC.${tag}/26`, taskCodeKey: `kc${tag}26`, title, level: 'NATIONAL', hostName: 'Viện Thử nghiệm', hostOrganisationId, source: 'API' }, select: { id: true } })
}

describe('the public change feed', () => {
	let organisationId = ''
	const follower = new Mirror()

	beforeAll(async () => {
		;({ id: organisationId } = await createOrganisation({ name: 'Viện Công nghệ Thủy sản' }))
	})

	test('a mirror replaying from the start, and one that followed all along, hold exactly the public data', async () => {
		const [a, b, c] = [await publishedOffer(organisationId, 'Công nghệ nuôi tôm tuần hoàn'), await publishedOffer(organisationId, 'Máy sấy nông sản'), await publishedOffer(organisationId, 'Cảm biến độ mặn')]
		await prisma.offer.create({ data: { organisationId, title: 'Bản nháp không công khai', status: 'DRAFT' } })
		const demand = await prisma.demand.create({ data: { organisationId, title: 'Cần công nghệ xử lý nước thải', status: 'PUBLISHED', publishedAt: new Date() }, select: { id: true } })
		const t1 = await taskResult('Nghiên cứu nuôi tôm siêu thâm canh', organisationId)
		const t2 = await taskResult('Vật liệu nano cho nông nghiệp', null)
		const expert = await prisma.expert.create({
			data: { fullName: 'Nguyễn Văn An', identityKey: `nguyen van an|${tag}`, source: 'API', organisationId, publications: { create: [{ title: 'Tôm thẻ chân trắng', source: 'API' }] } },
			select: { id: true },
		})
		await prisma.expertTask.create({ data: { expertId: expert.id, taskResultId: t1.id, role: 'PRINCIPAL_INVESTIGATOR' } })
		await prisma.offerTaskResult.create({ data: { offerId: a.id, taskResultId: t1.id } })

		await follower.follow()
		expectMirrorOf(follower, await publicData())

		// Every kind of change, including ones that reach a resource through another entity.
		await prisma.organisation.update({ where: { id: organisationId }, data: { name: 'Viện Công nghệ Thủy sản Miền Nam' } })
		await prisma.offer.update({ where: { id: b.id }, data: { status: 'ARCHIVED', archivedAt: new Date() } })
		await prisma.offer.update({ where: { id: c.id }, data: { title: 'Cảm biến độ mặn không dây', version: { increment: 1 } } })
		await prisma.expert.update({ where: { id: expert.id }, data: { fullName: 'PGS. Nguyễn Văn An' } })
		await prisma.expertPublication.create({ data: { expertId: expert.id, title: 'Nuôi tôm tuần hoàn', source: 'API' } })
		await prisma.taskResult.update({ where: { id: t1.id }, data: { title: 'Nghiên cứu nuôi tôm siêu thâm canh (giai đoạn 2)' } })
		await prisma.taskResult.delete({ where: { id: t2.id } })
		await prisma.demand.delete({ where: { id: demand.id } })

		await follower.follow()
		const expected = await publicData()
		expectMirrorOf(follower, expected)
		// The embedded copies moved too: the task result shows the expert's new name and the offer's new organisation name.
		const embedded = follower.entities.get(`taskResult:${t1.id}`) as { experts: Array<{ fullName: string }>; offers: Array<{ organisation: { name: string } }> }
		expect(embedded.experts[0]!.fullName).toBe('PGS. Nguyễn Văn An')
		expect(embedded.offers[0]!.organisation.name).toBe('Viện Công nghệ Thủy sản Miền Nam')

		const fresh = new Mirror()
		await fresh.follow(4)
		expect(fresh.pages).toBeGreaterThan(2)
		expectMirrorOf(fresh, expected)
	})

	test('page views and saves that change nothing public add no change', async () => {
		const before = await prisma.publicChange.count()
		const offer = await prisma.offer.findFirstOrThrow({ where: { status: 'PUBLISHED' }, select: { id: true } })
		await prisma.offer.updateMany({ where: { id: offer.id }, data: { viewCount: { increment: 1 } } })
		await prisma.offer.create({ data: { organisationId, title: 'Một bản nháp nữa', status: 'DRAFT' } })
		expect(await prisma.publicChange.count()).toBe(before)
		await follower.follow()
		expectMirrorOf(follower, await publicData())
	})

	describe('a change written first but committed last', () => {
		const client = new pg.Client({ connectionString: databaseUrl })
		beforeAll(() => client.connect())
		afterAll(() => client.end())

		test('is held back until it commits, then served before the later one: no cursor skips it', async () => {
			await follower.follow()
			const cursor = follower.cursor
			await client.query('BEGIN')
			// This transaction takes its id (and its change row's id) before the other one.
			const { rows } = await client.query<{ id: string }>(
				`INSERT INTO "Offer" (id, "organisationId", title, status, "publishedAt", "updatedAt") VALUES ('late-offer', $1, 'Ghi trước, xác nhận sau', 'PUBLISHED', now(), now()) RETURNING id`,
				[organisationId],
			)
			expect(rows[0]!.id).toBe('late-offer')
			const early = await publishedOffer(organisationId, 'Ghi sau, xác nhận trước')

			// The later transaction has committed, but serving it now would move cursors past the open one.
			await follower.follow()
			expect(follower.cursor).toBe(cursor)
			expect(follower.entities.has(`offer:${early.id}`)).toBe(false)

			await client.query('COMMIT')
			const { json } = await get(changes, `/changes?since=${cursor}`)
			const ids = (json as unknown as Page).data.map((e) => e.id)
			expect(ids).toEqual(['late-offer', early.id])
			await follower.follow()
			expectMirrorOf(follower, await publicData())
		})
	})

	test('compaction keeps only what replays need: a replay from the start is still exact', async () => {
		const offer = await publishedOffer(organisationId, 'Sửa nhiều lần')
		for (let i = 1; i <= 3; i++) await prisma.offer.update({ where: { id: offer.id }, data: { summary: `Lần sửa ${i}` } })
		const before = await prisma.publicChange.count({ where: { entityId: offer.id } })
		expect(before).toBe(4)
		const removed = await compactChanges()
		expect(removed).toBeGreaterThanOrEqual(3)
		expect(await prisma.publicChange.count({ where: { entityId: offer.id } })).toBe(1)
		const replay = new Mirror()
		await replay.follow(5)
		expectMirrorOf(replay, await publicData())
		// The follower's cursor is still good after compaction.
		await follower.follow()
		expectMirrorOf(follower, await publicData())
	})

	test('bad cursors and limits are 400s naming the parameter, in the caller’s language; a large limit is lowered', async () => {
		for (const [language, messages] of [['vi', resources.vi.translation], ['en', resources.en.translation]] as const) {
			const { status, json } = await get(changes, `/changes?since=${encodeURIComponent("1' OR 1=1 --")}`, {}, language)
			expect(status).toBe(400)
			expect((json as unknown as ApiErrorBody).error.fields?.since).toEqual([messages.api.changes.badCursor])
		}
		expect((await get(changes, '/changes?limit=0')).status).toBe(400)
		expect((await get(changes, '/changes?limit=abc')).status).toBe(400)
		expect((await get(changes, `/changes?since=${'9'.repeat(30)}-1`)).status).toBe(400)
		const { status, json } = await get(changes, '/changes?limit=100000')
		expect(status).toBe(200)
		expect((json as unknown as Page).meta.limit).toBe(500)
	})
})

describe('the budget without credentials', () => {
	test('an address without a key gets 429 with Retry-After once its budget is spent; a key is not limited by it', async () => {
		const { LIMITS } = await import('~/utils/rate-limit.server')
		const { createApiKey } = await import('~/models/api-key.server')
		const { createOwner } = await import('../../../tests/factories')
		const address = { 'X-Client-IP': '203.0.113.9' }
		const call = (headers: Record<string, string>) =>
			changes.loader({ request: new Request('http://localhost/api/v1/changes?limit=1', { headers }), params: {}, context: new RouterContextProvider() } as never)
		let last = 200
		for (let i = 0; i <= LIMITS.changesIp.points && last === 200; i++) last = (await call(address)).status
		expect(last).toBe(429)
		const refused = await call(address)
		expect(refused.status).toBe(429)
		expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0)
		const { organisation, user } = await createOwner()
		const { plainKey } = await createApiKey(user.id, organisation.id, 'mirror')
		expect((await call({ ...address, Authorization: `Bearer ${plainKey}` })).status).toBe(200)
	})
})
