import { describe, expect, test } from 'vitest'
import { fieldSimilarity, meetsHardRequirements, scoreSignals } from './signals'

describe('scoreSignals', () => {
	test('only what the query asks about is scored', () => {
		expect(scoreSignals({}, { trl: 9, price: 1 })).toEqual({})
		expect(Object.keys(scoreSignals({ minTrl: 5 }, { trl: 9 }))).toEqual(['trl'])
	})

	test('TRL: met is 1, falling to 0 three levels short; unstated is 0.5', () => {
		expect(scoreSignals({ minTrl: 6 }, { trl: 7 }).trl).toBe(1)
		expect(scoreSignals({ minTrl: 6 }, { trl: 5 }).trl).toBeCloseTo(2 / 3, 12)
		expect(scoreSignals({ minTrl: 6 }, { trl: 2 }).trl).toBe(0)
		expect(scoreSignals({ minTrl: 6 }, {}).trl).toBe(0.5)
	})

	test('price within budget is 1, above it the budget share', () => {
		expect(scoreSignals({ budget: 100 }, { price: 80 }).price).toBe(1)
		expect(scoreSignals({ budget: 100 }, { price: 400 }).price).toBe(0.25)
	})

	test('region: same province over same region over elsewhere', () => {
		const req = { provinceCode: '79', region: 'south' }
		const same = scoreSignals(req, { provinceCode: '79', region: 'south' }).region!
		const near = scoreSignals(req, { provinceCode: '80', region: 'south' }).region!
		const far = scoreSignals(req, { provinceCode: '01', region: 'north' }).region!
		expect(same).toBeGreaterThan(near)
		expect(near).toBeGreaterThan(far)
	})

	test('evidence grows with backing task results; recency halves in a year', () => {
		expect(scoreSignals({ evidence: true }, { evidence: 0 }).evidence).toBe(0)
		expect(scoreSignals({ evidence: true }, { evidence: 3 }).evidence!).toBeGreaterThan(scoreSignals({ evidence: true }, { evidence: 1 }).evidence!)
		const now = Date.UTC(2026, 0, 1)
		expect(scoreSignals({ now }, { publishedAt: now - 365 * 86_400_000 }).recency).toBeCloseTo(0.5, 12)
	})
})

describe('field codes', () => {
	test('closeness in the code tree', () => {
		expect(fieldSimilarity(['40401'], ['40401'])).toBe(1)
		expect(fieldSimilarity(['40401'], ['40402'])).toBeCloseTo(4 / 5, 12)
		expect(fieldSimilarity(['4'], ['40401'])).toBeCloseTo(1 / 5, 12)
		expect(fieldSimilarity(['1'], ['40401'])).toBe(0)
	})
})

describe('meetsHardRequirements', () => {
	test('a hard requirement filters what fails it, never what is unstated', () => {
		const req = { minTrl: 6, budget: 100, fieldCodes: ['404'], hard: { minTrl: true, budget: true, fieldCodes: true } }
		expect(meetsHardRequirements(req, { trl: 7, price: 90, fieldCodes: ['40401'] })).toBe(true)
		expect(meetsHardRequirements(req, { trl: 5 })).toBe(false)
		expect(meetsHardRequirements(req, { price: 101 })).toBe(false)
		expect(meetsHardRequirements(req, { fieldCodes: ['1'] })).toBe(false)
		expect(meetsHardRequirements(req, {})).toBe(true)
		expect(meetsHardRequirements({ minTrl: 6 }, { trl: 1 })).toBe(true)
	})
})
