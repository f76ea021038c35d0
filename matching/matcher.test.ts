import { describe, expect, test } from 'vitest'
import { createMatcher, type MatchDocument } from './matcher'
import { DEFAULT_WEIGHTS } from './model'

const offers: MatchDocument[] = [
	{ id: 'shrimp', title: 'Công nghệ nuôi tôm thẻ chân trắng tuần hoàn', keywords: ['nuôi tôm', 'thủy sản'], text: 'Hệ thống nuôi tôm mật độ cao, tái sử dụng nước, giảm dịch bệnh.' },
	{ id: 'water', title: 'Xử lý nước thải chế biến thủy sản', keywords: ['nước thải'], text: 'Công nghệ sinh học xử lý nước thải giàu đạm từ nhà máy chế biến.' },
	{ id: 'rice', title: 'Giống lúa chịu mặn ST', keywords: ['lúa', 'chịu mặn'], text: 'Giống lúa năng suất cao cho vùng đồng bằng sông Cửu Long nhiễm mặn.' },
	{ id: 'iot', title: 'Cảm biến IoT giám sát ao nuôi', keywords: ['IoT', 'cảm biến'], text: 'Đo oxy hòa tan, pH, nhiệt độ nước ao nuôi theo thời gian thực.' },
	{ id: 'battery', title: 'Lithium battery recycling', keywords: ['battery', 'recycling'], text: 'Hydrometallurgical recovery of cobalt and nickel from spent cells.' },
	{ id: 'fish', title: 'Chế biến cá tra xuất khẩu', keywords: ['cá tra'], text: 'Phi lê cá tra đông lạnh đạt chuẩn xuất khẩu.' },
	{ id: 'shift', title: 'Phần mềm xếp ca làm việc', keywords: ['ca làm việc'], text: 'Lập lịch ca kíp cho nhà máy.' },
]

function matcherWith(docs: readonly MatchDocument[] = offers) {
	const m = createMatcher()
	for (const d of docs) m.add('offer', d)
	return m
}

describe('text relevance', () => {
	test('a query without diacritics finds the accented listing first', () => {
		const [first] = matcherWith().rank('offer', { text: 'cong nghe nuoi tom' })
		expect(first!.id).toBe('shrimp')
	})

	test('the exact accented form is the stronger signal: "cá" prefers fish to shifts', () => {
		const ids = matcherWith().rank('offer', { text: 'cá' }).map((r) => r.id)
		expect(ids.indexOf('fish')).toBeLessThan(ids.indexOf('shift'))
	})

	test('a bilingual term group bridges the vocabularies, and says so', () => {
		const results = matcherWith().rank('offer', { text: 'shrimp farming' })
		expect(results[0]!.id).toBe('shrimp')
		const sources = new Set(results[0]!.explanation.terms.map((t) => t.source))
		expect(sources).toEqual(new Set(['synonym']))
	})

	test('an English query finds the English listing, stemmed', () => {
		expect(matcherWith().rank('offer', { text: 'recycle lithium batteries' })[0]!.id).toBe('battery')
	})

	test('the order does not depend on the order the candidates were added in', () => {
		const query = { text: 'xử lý nước ao nuôi tôm thủy sản' }
		const a = matcherWith().rank('offer', query)
		const b = matcherWith([...offers].reverse()).rank('offer', query)
		expect(b.map((r) => r.id)).toEqual(a.map((r) => r.id))
		b.forEach((r, i) => expect(r.score).toBeCloseTo(a[i]!.score, 12))
	})
})

describe('scores and explanations', () => {
	test('scores are in [0, 1], best first, and the contributions add up to the score', () => {
		const results = matcherWith().rank('offer', {
			text: 'nuôi tôm tuần hoàn tiết kiệm nước',
			requirements: { minTrl: 6, budget: 500_000_000, fieldCodes: ['40'], now: Date.UTC(2026, 0, 1) },
		})
		expect(results.length).toBeGreaterThan(0)
		for (const [i, r] of results.entries()) {
			expect(r.score).toBeGreaterThanOrEqual(0)
			expect(r.score).toBeLessThanOrEqual(1)
			if (i > 0) expect(results[i - 1]!.score).toBeGreaterThanOrEqual(r.score)
			const sum = r.explanation.components.reduce((s, c) => s + c.contribution, 0)
			expect(sum).toBeCloseTo(r.score, 12)
			expect(r.explanation.components.map((c) => c.name)).toContain('trl')
		}
	})

	test('matched terms name the fields they were found in, with shares adding to 1', () => {
		const [first] = matcherWith().rank('offer', { text: 'nuôi tôm' })
		const terms = first!.explanation.terms
		// Shown as the query wrote them, the folded and exact forms of a word merged into one entry.
		const tom = terms.find((t) => t.term === 'tôm')
		expect(tom?.fields.sort()).toEqual(['body', 'keywords', 'title'])
		expect(terms.map((t) => t.term)).toContain('nuôi tôm')
		expect(new Set(terms.map((t) => t.term)).size).toBe(terms.length)
		expect(terms.reduce((s, t) => s + t.share, 0)).toBeCloseTo(1, 9)
	})

	test('scores are comparable across queries: a near-copy scores high, a loose match low', () => {
		const m = matcherWith()
		const close = m.rank('offer', { title: 'Giống lúa chịu mặn', text: 'giống lúa năng suất cao cho vùng nhiễm mặn đồng bằng sông Cửu Long' })[0]!
		const loose = m.rank('offer', { title: 'Máy sấy nông sản', text: 'máy sấy lúa bằng năng lượng mặt trời cho hợp tác xã' }).find((r) => r.id === 'rice')!
		expect(close.id).toBe('rice')
		expect(close.score).toBeGreaterThan(0.8)
		expect(loose.score).toBeLessThan(0.5)
	})
})

describe('items', () => {
	const experts: MatchDocument[] = [
		{ id: 'a', title: 'TS. Nguyễn Văn A', text: 'Viện Nghiên cứu Nuôi trồng Thủy sản', items: [{ id: 'p1', title: 'Nuôi tôm tuần hoàn RAS', text: 'mật độ cao, tái sử dụng nước' }, { id: 'p2', title: 'Dịch bệnh trên tôm thẻ', text: 'đốm trắng, phòng bệnh' }] },
		{ id: 'b', title: 'TS. Trần Thị B', text: 'Viện Nghiên cứu Nuôi trồng Thủy sản', items: [{ id: 'q1', title: 'Nuôi tôm tuần hoàn RAS', text: 'mật độ cao, tái sử dụng nước' }] },
		{ id: 'c', title: 'PGS. Lê C', text: 'Đại học Bách khoa', items: [{ id: 'r1', title: 'Pin lithium', text: 'tái chế pin' }] },
	]

	test('each item is scored and the best aggregated: more matching work ranks higher, with the items as evidence', () => {
		const m = createMatcher()
		for (const e of experts) m.add('expert', e)
		const results = m.rank('expert', { text: 'nuôi tôm tuần hoàn phòng bệnh đốm trắng' })
		expect(results.map((r) => r.id)).toEqual(['a', 'b'])
		expect(results[0]!.explanation.evidence.map((e) => e.id)).toEqual(['p2', 'p1'])
		expect(results[0]!.explanation.evidence[0]!.score).toBeGreaterThan(0)
	})

	test('removing a candidate removes its items', () => {
		const m = createMatcher()
		for (const e of experts) m.add('expert', e)
		m.remove('expert', 'a')
		expect(m.rank('expert', { text: 'đốm trắng' })).toEqual([])
		expect(m.size('expert')).toBe(2)
	})
})

describe('structured signals and options', () => {
	const listings: MatchDocument[] = [
		{ id: 'mature', title: 'Nuôi tôm tuần hoàn', text: 'hệ thống nuôi tôm', attributes: { trl: 8, price: 400_000_000, transferModes: ['license'] } },
		{ id: 'early', title: 'Nuôi tôm tuần hoàn', text: 'hệ thống nuôi tôm', attributes: { trl: 3, price: 2_000_000_000, transferModes: ['sale'] } },
		{ id: 'unknown', title: 'Nuôi tôm tuần hoàn', text: 'hệ thống nuôi tôm' },
	]

	test('soft requirements score: the listing meeting TRL and budget ranks first, an unstated one in between', () => {
		const m = matcherWith(listings)
		const results = m.rank('offer', { text: 'nuôi tôm', requirements: { minTrl: 6, budget: 500_000_000 } })
		expect(results.map((r) => r.id)).toEqual(['mature', 'unknown', 'early'])
	})

	test('hard requirements filter, but never rule out what a listing does not state', () => {
		const m = matcherWith(listings)
		const ids = m.rank('offer', { text: 'nuôi tôm', requirements: { minTrl: 6, transferModes: ['license'], hard: { minTrl: true, transferModes: true } } }).map((r) => r.id)
		expect(ids.sort()).toEqual(['mature', 'unknown'])
	})

	test('top, only, exclude and minScore', () => {
		const m = matcherWith()
		const all = m.rank('offer', { text: 'nuôi tôm nước thải thủy sản cá tra' })
		expect(m.rank('offer', { text: 'nuôi tôm nước thải thủy sản cá tra' }, { top: 2 })).toEqual(all.slice(0, 2))
		expect(m.rank('offer', { text: 'nuôi tôm nước thải thủy sản cá tra' }, { only: ['fish', 'rice'] }).map((r) => r.id)).toEqual(['fish'])
		expect(m.rank('offer', { text: 'nuôi tôm nước thải thủy sản cá tra' }, { exclude: ['shrimp'] }).map((r) => r.id)).not.toContain('shrimp')
		const threshold = all[1]!.score
		expect(m.rank('offer', { text: 'nuôi tôm nước thải thủy sản cá tra' }, { minScore: threshold }).every((r) => r.score >= threshold)).toBe(true)
	})

	test('a pooled candidate is scored on its items even when many others hold better ones', () => {
		const m = createMatcher()
		const strong = { title: 'Nuôi tôm tuần hoàn, nuôi tôm tuần hoàn RAS', text: 'nuôi tôm tuần hoàn mật độ cao' }
		for (let i = 0; i < 1_500; i++) m.add('expert', { id: `e${i}`, title: '', text: 'chuyên gia', items: [strong] })
		const weak = { title: 'Nuôi tôm tuần hoàn', text: 'một chương trong sách về thủy sản, dinh dưỡng, giống và thị trường xuất khẩu' }
		m.add('expert', { id: 'last', title: '', text: 'chuyên gia', items: [weak] })
		// More items than the item search reads (depth x 4) score above the pooled candidate's.
		const [pooled] = m.rank('expert', { text: 'nuôi tôm tuần hoàn' }, { only: ['last'] })
		expect(pooled?.explanation.evidence.map((e) => e.title)).toEqual([weak.title])
		expect(pooled!.explanation.components.find((c) => c.name === 'text')!.value).toBeGreaterThan(0)
	})

	test('weights passed to rank replace the defaults', () => {
		const m = matcherWith(listings)
		const query = { text: 'nuôi tôm', requirements: { minTrl: 6 } }
		const textOnly = m.rank('offer', query, { weights: { ...DEFAULT_WEIGHTS, trl: 0 } })
		expect(textOnly.map((r) => r.explanation.components.map((c) => c.name))).toEqual([['text'], ['text'], ['text']])
	})

	test('replacing a candidate re-scores it by its new text', () => {
		const m = matcherWith()
		m.add('offer', { id: 'rice', title: 'Pin mặt trời', text: 'tấm pin quang điện' })
		expect(m.rank('offer', { text: 'giống lúa chịu mặn' }).map((r) => r.id)).not.toContain('rice')
		expect(m.size('offer')).toBe(offers.length)
	})
})

describe('plain BM25 baseline', () => {
	test('ranks by folded words of one field only', () => {
		const m = matcherWith()
		const results = m.rankBm25('offer', 'nuoi tom')
		expect(results[0]!.id).toBe('shrimp')
		expect(m.rankBm25('offer', 'shrimp farming')).toEqual([])
	})
})
