import { describe, expect, test } from 'vitest'
import { TextIndex, type Bm25Params } from './text-index'

const params: Bm25Params = { k1: 1.2, b: 0.75, fieldWeights: [2, 1] }

/** A small deterministic generator (no Math.random: a failing case must repeat). */
function random(seed: number) {
	let s = seed >>> 0
	return () => {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0
		return s / 2 ** 32
	}
}

const VOCABULARY = ['nuoi', 'tom', 'ca', 'nuoc', 'thai', 'xu', 'ly', 'sensor', 'iot', 'membrane', 'filter', 'lua', 'gao', 'pin']

function randomDoc(next: () => number): string[][] {
	const field = (n: number) => Array.from({ length: 1 + Math.floor(next() * n) }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]!)
	return [field(4), field(20)]
}

const query = new Map([
	['tom', 1],
	['nuoc', 1],
	['sensor', 0.5],
])

describe('TextIndex', () => {
	test('a term in the heavier field scores higher; a document without query terms is not returned', () => {
		const index = new TextIndex(2)
		index.add('title', [['tom'], ['lua', 'gao']])
		index.add('body', [['lua'], ['tom', 'gao']])
		index.add('none', [['lua'], ['gao']])
		const ids = index.search(new Map([['tom', 1]]), params, 10).map((s) => index.idOf(s.doc))
		expect(ids).toEqual(['title', 'body'])
	})

	test('adding and removing one at a time ranks as a fresh build of the survivors does, once compacted', () => {
		const next = random(42)
		const incremental = new TextIndex(2)
		const docs = new Map<string, string[][]>()
		for (let i = 0; i < 400; i++) {
			const id = `d${Math.floor(next() * 250)}`
			if (docs.has(id) && next() < 0.5) {
				incremental.remove(id)
				docs.delete(id)
			} else {
				const doc = randomDoc(next)
				incremental.add(id, doc)
				docs.set(id, doc)
			}
		}
		for (const id of [...docs.keys()].slice(0, Math.ceil(docs.size * 0.3))) {
			incremental.remove(id)
			docs.delete(id)
		}
		// Removed documents count in document frequencies until compaction (as in Lucene).
		incremental.compact()
		const fresh = new TextIndex(2)
		for (const [id, doc] of docs) fresh.add(id, doc)
		expect(incremental.size).toBe(docs.size)

		const scored = (index: TextIndex) => new Map(index.search(query, params, 1000).map((s) => [index.idOf(s.doc), s.score]))
		const a = scored(incremental)
		const b = scored(fresh)
		expect([...a.keys()].sort()).toEqual([...b.keys()].sort())
		for (const [id, score] of a) expect(score).toBeCloseTo(b.get(id)!, 9)
	})

	test('a removed document is never returned, and a replaced one is scored by its new text', () => {
		const index = new TextIndex(2)
		index.add('a', [['tom'], []])
		index.add('b', [['tom'], []])
		index.remove('a')
		expect(index.search(new Map([['tom', 1]]), params, 10).map((s) => index.idOf(s.doc))).toEqual(['b'])
		index.add('b', [['lua'], []])
		expect(index.search(new Map([['tom', 1]]), params, 10)).toEqual([])
		expect(index.numberOf('a')).toBeUndefined()
		expect(index.remove('a')).toBe(false)
	})

	test('`only` restricts the pool and `top` cuts the list, best first', () => {
		const next = random(7)
		const index = new TextIndex(2)
		for (let i = 0; i < 300; i++) index.add(`d${i}`, randomDoc(next))
		const all = index.search(query, params, 1000)
		const top5 = index.search(query, params, 5)
		expect(top5).toEqual(all.slice(0, 5))
		for (let i = 1; i < all.length; i++) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score)
		const pool = new Set(all.slice(10, 20).map((s) => s.doc))
		const restricted = index.search(query, params, 100, pool)
		expect(restricted.map((s) => s.doc)).toEqual(all.slice(10, 20).map((s) => s.doc))
	})

	test('termDetails tells the fields a term is in and its saturated frequency', () => {
		const index = new TextIndex(2)
		const n = index.add('a', [['tom'], ['tom', 'tom', 'lua']])
		const details = index.termDetails(n, ['tom', 'lua', 'pin'], params)
		expect(details.get('tom')!.fields).toEqual([0, 1])
		expect(details.get('lua')!.fields).toEqual([1])
		expect(details.has('pin')).toBe(false)
		expect(details.get('tom')!.score).toBeGreaterThan(details.get('lua')!.score)
		expect(details.get('tom')!.score).toBeLessThan(1)
	})
})
