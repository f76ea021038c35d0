import { describe, expect, test } from 'vitest'
import { combine, COMPONENTS, DEFAULT_WEIGHTS, learnWeights, pairwiseAccuracy, type FeedbackExample } from './model'

function random(seed: number) {
	let s = seed >>> 0
	return () => {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0
		return s / 2 ** 32
	}
}

/** Judged matches whose relevance depends on TRL and text, not on price. */
function examples(n: number, seed: number): FeedbackExample[] {
	const next = random(seed)
	return Array.from({ length: n }, () => {
		const values = { text: next(), trl: next(), price: next() }
		return { values, relevant: 0.3 * values.text + 0.7 * values.trl + 0.2 * (next() - 0.5) > 0.5 }
	})
}

describe('combine', () => {
	test('a weighted mean of the present components: in [0, 1], contributions add up to the score', () => {
		const { score, contributions } = combine({ text: 0.9, trl: 0.5 }, DEFAULT_WEIGHTS)
		const total = DEFAULT_WEIGHTS.text + DEFAULT_WEIGHTS.trl
		expect(score).toBeCloseTo((0.9 * DEFAULT_WEIGHTS.text + 0.5 * DEFAULT_WEIGHTS.trl) / total, 12)
		expect(contributions.map((c) => c.name)).toEqual(['text', 'trl'])
		expect(contributions.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(score, 12)
		expect(contributions.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 12)
	})

	test('an absent component takes no weight; nothing present scores 0', () => {
		expect(combine({ text: 0.7 }, DEFAULT_WEIGHTS).score).toBeCloseTo(0.7, 12)
		expect(combine({}, DEFAULT_WEIGHTS)).toEqual({ score: 0, contributions: [] })
	})
})

describe('learnWeights', () => {
	const train = examples(400, 1)
	const heldOut = examples(400, 2)

	test('is deterministic: the same examples give the same weights', () => {
		expect(learnWeights(train)).toEqual(learnWeights([...train]))
	})

	test('learns what feedback says: TRL gains weight, price loses it, and held-out order improves', () => {
		const learned = learnWeights(train)
		expect(learned.trl).toBeGreaterThan(DEFAULT_WEIGHTS.trl)
		expect(learned.trl).toBeGreaterThan(learned.price)
		expect(pairwiseAccuracy(learned, heldOut)).toBeGreaterThan(pairwiseAccuracy(DEFAULT_WEIGHTS, heldOut) + 0.05)
	})

	test('weights stay non-negative and sum to 1, so scores stay in [0, 1]', () => {
		const learned = learnWeights(train)
		for (const c of COMPONENTS) expect(learned[c]).toBeGreaterThanOrEqual(0)
		expect(COMPONENTS.reduce((s, c) => s + learned[c], 0)).toBeCloseTo(1, 12)
	})

	test('no feedback keeps the prior', () => {
		expect(learnWeights([])).toEqual(DEFAULT_WEIGHTS)
	})
})

describe('pairwiseAccuracy', () => {
	test('1 when every relevant match outscores every other, 0.5 without both kinds', () => {
		const judged: FeedbackExample[] = [
			{ values: { text: 0.9 }, relevant: true },
			{ values: { text: 0.2 }, relevant: false },
		]
		expect(pairwiseAccuracy(DEFAULT_WEIGHTS, judged)).toBe(1)
		expect(pairwiseAccuracy(DEFAULT_WEIGHTS, judged.slice(0, 1))).toBe(0.5)
	})
})
