import { expect, test } from 'vitest'
import { ndcg, recall, type Qrels } from './evaluate'

const qrels: Qrels = new Map([
	['q1', new Map([['a', 1], ['b', 0]])],
	['q2', new Map([['c', 2], ['d', 1]])],
	['q3', new Map([['e', 0]])],
])

test('nDCG as trec_eval computes it: judged queries only, graded gains, unjudged documents gain nothing', () => {
	const run = new Map([
		['q1', ['x', 'a']],
		['q2', ['c', 'd']],
	])
	const q1 = 1 / Math.log2(3)
	expect(ndcg(run, qrels, 10)).toBeCloseTo((q1 + 1) / 2, 12)
	// A judged query without results scores 0.
	expect(ndcg(new Map([['q2', ['d', 'c']]]), qrels, 10)).toBeCloseTo((0 + (1 + 3 / Math.log2(3)) / (3 + 1 / Math.log2(3))) / 2, 12)
	expect(ndcg(run, qrels, 1)).toBeCloseTo(0.5, 12)
})

test('recall at depth k', () => {
	const run = new Map([
		['q1', ['a']],
		['q2', ['x', 'd', 'c']],
	])
	expect(recall(run, qrels, 100)).toBe(1)
	expect(recall(run, qrels, 2)).toBeCloseTo((1 + 0.5) / 2, 12)
})
