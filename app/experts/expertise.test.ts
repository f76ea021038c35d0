import { describe, expect, test } from 'vitest'
import { expertiseSummary, type ExpertiseTask } from './expertise'

const task = (overrides: Partial<ExpertiseTask>): ExpertiseTask => ({ role: 'MEMBER', startYear: 2020, endYear: 2022, fieldCodes: [], keywords: [], ...overrides })
const empty = { fieldCodes: [], keywords: [], tasks: [], publications: [] }

describe('expertiseSummary', () => {
	test('an expert with nothing gets an empty summary, not NaN', () => {
		expect(expertiseSummary(empty, { year: 2026 })).toEqual({ fields: [], keywords: [] })
		const blank = expertiseSummary({ ...empty, tasks: [task({})], publications: [{ title: '', year: null }] }, { year: 2026 })
		expect(blank).toEqual({ fields: [], keywords: [] })
	})

	test('field shares add up to one and every number is finite', () => {
		const s = expertiseSummary(
			{ fieldCodes: ['405'], keywords: ['nuôi tôm'], tasks: [task({ fieldCodes: ['40501', '20201'], keywords: ['RAS'] })], publications: [{ title: 'Nuôi tôm trong hệ thống RAS', year: 2021 }] },
			{ year: 2026, topFields: 10 },
		)
		expect(s.fields.reduce((a, f) => a + f.share, 0)).toBeCloseTo(1)
		for (const n of [...s.fields.map((f) => f.share), ...s.keywords.map((k) => k.weight)]) expect(Number.isFinite(n)).toBe(true)
		// Level-3 codes are summarised at level 2.
		expect(s.fields.map((f) => f.code).sort()).toEqual(['202', '405'])
		expect(s.keywords[0]!.weight).toBe(1)
	})

	test('a task led counts more than one joined as a member, all else equal', () => {
		const s = expertiseSummary(
			{ ...empty, tasks: [task({ role: 'PRINCIPAL_INVESTIGATOR', fieldCodes: ['405'], keywords: ['thủy sản'] }), task({ role: 'MEMBER', fieldCodes: ['202'], keywords: ['IoT'] })] },
			{ year: 2026 },
		)
		expect(s.fields.map((f) => f.code)).toEqual(['405', '202'])
		expect(s.fields[0]!.share).toBeCloseTo(0.75)
		expect(s.keywords.map((k) => k.keyword)).toEqual(['thủy sản', 'IoT'])
	})

	test('a recent task counts more than an old one in the same role', () => {
		const s = expertiseSummary({ ...empty, tasks: [task({ endYear: 2004, fieldCodes: ['101'] }), task({ endYear: 2024, fieldCodes: ['301'] })] }, { year: 2026 })
		expect(s.fields.map((f) => f.code)).toEqual(['301', '101'])
		expect(s.fields[0]!.share).toBeGreaterThan(0.7)
	})

	test('keywords found in publication titles count for them, compared without marks or case', () => {
		const s = expertiseSummary(
			{ ...empty, keywords: ['Cảm biến', 'Nuôi tôm'], publications: [{ title: 'Mạng CẢM BIẾN không dây cho ao nuôi', year: 2025 }, { title: 'cam bien do oxy hoa tan', year: 2024 }] },
			{ year: 2026 },
		)
		expect(s.keywords[0]).toEqual({ keyword: 'Cảm biến', weight: 1 })
		expect(s.keywords[1]!.keyword).toBe('Nuôi tôm')
		expect(s.keywords[1]!.weight).toBeLessThan(1)
		// A keyword is matched as whole words: "tôm" is not found in "tomato".
		const t = expertiseSummary({ ...empty, keywords: ['tôm', 'lúa'], publications: [{ title: 'Tomato yield', year: 2025 }] }, { year: 2026 })
		expect(t.keywords.map((k) => k.weight)).toEqual([1, 1])
	})

	test('one keyword written two ways is one entry, named as first written', () => {
		const s = expertiseSummary({ ...empty, keywords: ['Thủy sản'], tasks: [task({ keywords: ['thuy san', 'THỦY SẢN'] })] }, { year: 2026 })
		expect(s.keywords).toEqual([{ keyword: 'Thủy sản', weight: 1 }])
	})

	test('keeps the top entries only', () => {
		const keywords = Array.from({ length: 20 }, (_, i) => `từ khóa ${i}`)
		const s = expertiseSummary({ ...empty, keywords, fieldCodes: ['1', '2', '3', '4', '5', '6'] }, { year: 2026, topKeywords: 3, topFields: 2 })
		expect(s.keywords).toHaveLength(3)
		expect(s.fields).toHaveLength(2)
	})
})
