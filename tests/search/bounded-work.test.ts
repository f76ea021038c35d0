// A search's work is bounded (docs/decisions/009-search.md): above a few thousand matches the
// counts come from a sample and relevance ranks a window of candidates. These tests force both
// on a small index and check that the answers stay right.
import { useTestDatabase } from '../db'
import { createPostgresEngine, estimateMatches } from '~/search/engines/postgres.server'
import type { SearchRequest } from '~/search/types'
import { synonymIndex } from '~/search/synonyms.server'
import { beforeAll, expect, test } from 'vitest'
import { doc } from './engine-contract'

const MANY = 600
const TITLED = ['t1', 't2', 't3', 't4', 't5']

beforeAll(async () => {
	await useTestDatabase()
	const docs = Array.from({ length: MANY }, (_, i) =>
		doc(i % 3 === 0 ? 'demand' : 'offer', {
			entityId: `m${i}`,
			title: `Thiết bị số ${i}`,
			body: `Hệ thống dùng màng lọc gốm cho nhà máy ${i}.`,
			provinceCode: i % 2 === 0 ? '01' : '79',
			// Newest first is m599 … m0: the titled ones below are the oldest.
			publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000),
		}),
	)
	const titled = TITLED.map((entityId, i) =>
		doc('offer', { entityId, title: `Màng lọc gốm thế hệ ${i}`, body: 'Chế tạo màng lọc.', provinceCode: '01', publishedAt: new Date(Date.UTC(2020, 0, 1 + i)) }),
	)
	await createPostgresEngine({ synonyms: synonymIndex }).index([...docs, ...titled])
})

test('above the exact limit the counts are estimates, marked as such, near the true counts', async () => {
	const exact = await createPostgresEngine({ synonyms: synonymIndex }).search({ text: 'màng lọc' })
	expect(exact.approximate).toBe(false)
	expect(exact.total).toBe(MANY + TITLED.length)
	expect(exact.facets.province.find((f) => f.value === '01')?.count).toBe(MANY / 2 + TITLED.length)

	const sampled = await createPostgresEngine({ synonyms: synonymIndex, exactCountLimit: 10, sampleTarget: 150 }).search({ text: 'màng lọc' })
	expect(sampled.approximate).toBe(true)
	// A quarter or so of the slices is read: the estimate is within a factor of two, not exact.
	expect(sampled.total).toBeGreaterThan(exact.total / 2)
	expect(sampled.total).toBeLessThan(exact.total * 2)
	const types = Object.fromEntries(sampled.facets.type.map((f) => [f.value, f.count]))
	expect(types.offer).toBeGreaterThan(types.demand ?? 0)
	// The hits themselves are never sampled.
	expect(sampled.hits.map((h) => h.entityId)).toEqual(exact.hits.map((h) => h.entityId))
})

test('the ranking window still puts title matches first, however old, and pages through the rest', async () => {
	const everyMatch = createPostgresEngine({ synonyms: synonymIndex })
	const windowed = createPostgresEngine({ synonyms: synonymIndex, windowFrom: 1, rankWindow: 20 })
	const full = await everyMatch.search({ text: 'màng lọc', perPage: 10 })
	const page1 = await windowed.search({ text: 'màng lọc', perPage: 10 })
	expect(page1.hits.slice(0, TITLED.length).map((h) => h.entityId).sort()).toEqual(TITLED)
	expect(page1.hits.map((h) => h.entityId)).toEqual(full.hits.map((h) => h.entityId))
	// Past the window, ties at zero go newest first, as without it.
	const deep = await windowed.search({ text: 'màng lọc', perPage: 10, page: 30 })
	const deepFull = await everyMatch.search({ text: 'màng lọc', perPage: 10, page: 30 })
	expect(deep.hits).toHaveLength(10)
	expect(deep.hits.map((h) => h.entityId)).toEqual(deepFull.hits.map((h) => h.entityId))
})

test('the window finds its title candidates through GIN or by walking the newest-first index, with the same results', async () => {
	const everyMatch = createPostgresEngine({ synonyms: synonymIndex })
	// Few title matches: the default finds them through GIN; walkTitledFrom 0 forces the walk.
	const viaGin = createPostgresEngine({ synonyms: synonymIndex, windowFrom: 1, rankWindow: 20 })
	const walked = createPostgresEngine({ synonyms: synonymIndex, windowFrom: 1, rankWindow: 20, walkTitledFrom: 0 })
	const requests: SearchRequest[] = [
		{ text: 'màng lọc', perPage: 10 },
		{ text: 'màng lọc', perPage: 10, page: 4 },
		{ text: 'màng lọc', perPage: 10, types: ['offer'] },
		{ text: 'màng lọc', perPage: 10, types: ['demand'] },
		{ text: 'màng lọc', perPage: 10, filters: { provinces: ['01'] } },
		{ text: 'màng lọc', perPage: 10, filters: { provinces: ['79'] } },
		{ text: '"màng lọc gốm"', perPage: 10 },
		{ text: 'mang loc gom', perPage: 10, page: 2 },
	]
	for (const request of requests) {
		const plans = await Promise.all(
			[viaGin, walked].map(async (engine) => {
				const s = await engine.statements(request)
				return s.hits(await estimateMatches(s.probe, s.indexed))
			}),
		)
		expect(plans.map((p) => [p.scan, p.titled !== null]), JSON.stringify(request)).toEqual([['walk', true], ['walk', false]])
		const [full, gin, walk] = await Promise.all([everyMatch.search(request), viaGin.search(request), walked.search(request)])
		const ranked = (r: typeof full) => r.hits.map((h) => [h.entityId, h.score])
		expect(ranked(gin), JSON.stringify(request)).toEqual(ranked(full))
		expect(ranked(walk), JSON.stringify(request)).toEqual(ranked(full))
		expect(gin.total).toBe(full.total)
	}
})

test('a phrase is checked word by word through GIN, then as a phrase, in hits, counts and the probe alike', async () => {
	for (const engine of [createPostgresEngine({ synonyms: synonymIndex }), createPostgresEngine({ synonyms: synonymIndex, windowFrom: 1, exactCountLimit: 10, sampleTarget: 150 })]) {
		const inOrder = await engine.search({ text: '"màng lọc gốm"', filters: { provinces: ['01'] } })
		expect(inOrder.total).toBeGreaterThan(0)
		expect(inOrder.hits.every((h) => h.provinceCode === '01')).toBe(true)
		// Every document has the three words, none in this order: the word step alone would match them all.
		const reversed = await engine.search({ text: '"gốm lọc màng"' })
		expect(reversed.total).toBe(0)
		expect(reversed.hits).toEqual([])
		expect(reversed.facets.type).toEqual([])
		const noFacets = await engine.search({ text: '"gốm lọc màng"', facets: false })
		expect(noFacets.total).toBe(0)
	}
	const exact = await createPostgresEngine({ synonyms: synonymIndex }).search({ text: '"màng lọc gốm"' })
	expect(exact.total).toBe(MANY + TITLED.length)
})

test('the columns that filters, facets and the window read are kept in the row, not in TOAST', async () => {
	const { prisma } = await useTestDatabase()
	const rows = await prisma.$queryRaw<Array<{ attname: string; attstorage: string }>>`
		SELECT attname, attstorage::text FROM pg_attribute WHERE attrelid = '"SearchDocument"'::regclass AND attnum > 0 AND NOT attisdropped`
	const storage = Object.fromEntries(rows.map((r) => [r.attname, r.attstorage]))
	for (const column of ['id', 'entityId', 'title', 'subtitle', 'keywords', 'fieldPaths', 'provinceCode', 'transferModes', 'ipStatus', 'version', 'head']) {
		expect(storage[column], column).toBe('m')
	}
	// The long ones still go out of line.
	expect(storage.body).toBe('x')
	expect(storage.summary).toBe('x')
})
