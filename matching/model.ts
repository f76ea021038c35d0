// The score model: a weighted mean of components in [0, 1], so a score is in [0, 1], reads as a
// percentage, and its explanation adds up (each contribution is weight x value over the weights
// present). Weights can be learned from feedback with a logistic model over the same components.
import { SIGNALS, type SignalName } from './signals'

export const COMPONENTS = ['text', ...SIGNALS] as const
export type ComponentName = (typeof COMPONENTS)[number]
export type Weights = Record<ComponentName, number>

export const DEFAULT_WEIGHTS: Weights = {
	text: 0.6,
	field: 0.1,
	trl: 0.08,
	price: 0.06,
	transferMode: 0.04,
	region: 0.03,
	evidence: 0.06,
	recency: 0.03,
}

export type Contribution = { name: ComponentName; value: number; weight: number; contribution: number }

/** The score of present components and what each contributed; contributions sum to the score. */
export function combine(values: Partial<Record<ComponentName, number>>, weights: Weights): { score: number; contributions: Contribution[] } {
	const present = COMPONENTS.filter((c) => values[c] !== undefined && weights[c] > 0)
	const total = present.reduce((s, c) => s + weights[c], 0)
	if (total === 0) return { score: 0, contributions: [] }
	const contributions = present.map((name) => {
		const value = values[name]!
		const weight = weights[name] / total
		return { name, value, weight, contribution: weight * value }
	})
	return { score: contributions.reduce((s, c) => s + c.contribution, 0), contributions }
}

/** One judged match: its component values and whether the user found it relevant. */
export type FeedbackExample = { values: Partial<Record<ComponentName, number>>; relevant: boolean }

export type LearnOptions = { iterations?: number; learningRate?: number; l2?: number; prior?: Weights }

/**
 * Fits a logistic model of relevance on the components (an absent one counts as its prior mean,
 * 0.5) by full-batch gradient descent from the prior: deterministic, the same examples give the
 * same weights. Negative coefficients are clipped to 0 and the rest scaled to sum to 1, which
 * keeps the ranking the model implies and the score in [0, 1].
 */
export function learnWeights(examples: readonly FeedbackExample[], options: LearnOptions = {}): Weights {
	const { iterations = 500, learningRate = 0.5, l2 = 0.01, prior = DEFAULT_WEIGHTS } = options
	if (examples.length === 0) return { ...prior }
	const x = examples.map((e) => COMPONENTS.map((c) => e.values[c] ?? 0.5))
	const y = examples.map((e) => (e.relevant ? 1 : 0))
	const w = COMPONENTS.map((c) => prior[c] * 4)
	let bias = 0
	for (let it = 0; it < iterations; it++) {
		const grad = new Array(w.length).fill(0)
		let gb = 0
		for (let i = 0; i < x.length; i++) {
			const z = bias + x[i]!.reduce((s, v, j) => s + v * w[j]!, 0)
			const err = 1 / (1 + Math.exp(-z)) - y[i]!
			gb += err
			for (let j = 0; j < w.length; j++) grad[j] += err * x[i]![j]!
		}
		for (let j = 0; j < w.length; j++) w[j] = w[j]! - learningRate * (grad[j] / x.length + l2 * (w[j]! - prior[COMPONENTS[j]!] * 4))
		bias -= (learningRate * gb) / x.length
	}
	const clipped = w.map((v) => Math.max(0, v))
	const sum = clipped.reduce((s, v) => s + v, 0)
	if (sum === 0) return { ...prior }
	return Object.fromEntries(COMPONENTS.map((c, j) => [c, clipped[j]! / sum])) as Weights
}

/**
 * How well weights order judged matches: the share of (relevant, not relevant) pairs the relevant
 * one wins, ties counting half (the AUC). 0.5 when there are no such pairs.
 */
export function pairwiseAccuracy(weights: Weights, examples: readonly FeedbackExample[]): number {
	const scores = examples.map((e) => ({ s: combine(e.values, weights).score, r: e.relevant }))
	const pos = scores.filter((s) => s.r)
	const neg = scores.filter((s) => !s.r)
	if (pos.length === 0 || neg.length === 0) return 0.5
	let wins = 0
	for (const p of pos) for (const n of neg) wins += p.s > n.s ? 1 : p.s === n.s ? 0.5 : 0
	return wins / (pos.length * neg.length)
}
