// A search's work is bounded (docs/decisions/009-search.md): above a few thousand matches the
// counts come from a sample and relevance ranks a window of candidates. These tests force both
// on a small index and check that the answers stay right.
import { useTestDatabase } from '../db'
import { createPostgresEngine } from '~/search/engines/postgres.server'
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
