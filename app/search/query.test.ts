import { describe, expect, test } from 'vitest'
import { applyCorrections, buildSynonymIndex, correctableWords, expandSynonyms, MAX_CLAUSES, parseQuery, toAnyTsquery, toTsquery } from './query'

describe('parseQuery', () => {
	test('words become clauses; the last one is a prefix unless the query ends with a space', () => {
		expect(toTsquery(parseQuery('cong nghe nuoi tom'))).toBe("'cong' & 'nghe' & 'nuoi' & 'tom':*")
		expect(toTsquery(parseQuery('cong nghe nuoi tom '))).toBe("'cong' & 'nghe' & 'nuoi' & 'tom'")
		// Ranking candidates: any word, phrases broken up, each word once.
		expect(toAnyTsquery(parseQuery('"nuôi tôm" tôm hùm'))).toBe("'nuoi' | 'tom' | 'tôm' | 'hùm':*")
	})

	test('a word typed with diacritics matches exactly; phrases match folded', () => {
		expect(toTsquery(parseQuery('tiên tiến '))).toBe("'tiên' & 'tiến'")
		expect(toTsquery(parseQuery('"nuôi tôm" sạch'))).toBe("('nuoi' <-> 'tom') & 'sạch':*")
		// Typographic quotes work like straight ones.
		expect(toTsquery(parseQuery('“xử lý nước”'))).toBe("('xu' <-> 'ly' <-> 'nuoc')")
	})

	test('operators of tsquery, SQL and Meilisearch are only separators', () => {
		for (const hostile of ["tom:* & !nuoi | (", "' OR 1=1; --", 'kind = OFFER AND price > 0', '\\\'"\\']) {
			const q = toTsquery(parseQuery(hostile))
			// Lexemes are letters and digits in quotes; nothing else can appear but our operators.
			expect(q.replace(/'[\p{L}\p{N}]+'(:\*)?/gu, '').replace(/[&|()<>\- ]/g, '')).toBe('')
		}
		expect(parseQuery('!!! ??? ...').clauses).toEqual([])
	})

	test('long input is cut', () => {
		expect(parseQuery('từ '.repeat(5000)).clauses.length).toBe(MAX_CLAUSES)
		expect(parseQuery('x'.repeat(10_000)).text.length).toBeLessThanOrEqual(300)
	})
})

describe('synonyms and corrections', () => {
	const index = buildSynonymIndex([
		['thủy sản', 'aquaculture', 'nuôi trồng thủy sản'],
		['Internet vạn vật', 'IoT'],
	])

	test('a run of words that is a synonym term becomes one clause of alternatives; the longest term wins', () => {
		expect(toTsquery(expandSynonyms(parseQuery('nuoi trong thuy san '), index))).toBe("(('nuoi' <-> 'trong' <-> 'thuy' <-> 'san') | ('thuy' <-> 'san') | 'aquaculture')")
		expect(toTsquery(expandSynonyms(parseQuery('cam bien IoT '), index))).toBe("'cam' & 'bien' & ('iot' | ('internet' <-> 'van' <-> 'vat'))")
	})

	test('the last word is expanded once whole, and still matches as a prefix', () => {
		expect(toTsquery(expandSynonyms(parseQuery('iot'), index))).toBe("('iot':* | ('internet' <-> 'van' <-> 'vat'))")
		expect(toTsquery(expandSynonyms(parseQuery('io'), index))).toBe("'io':*")
	})

	test('corrections add near words as alternatives and report the corrected text', () => {
		const q = parseQuery('nanocelulose bã mía ')
		expect(correctableWords(q)).toEqual([{ word: 'nanocelulose', prefix: false }])
		expect(correctableWords(parseQuery('bã nanocelulose'))).toEqual([{ word: 'nanocelulose', prefix: true }])
		const { query, correctedText } = applyCorrections(q, new Map([['nanocelulose', ['nanocellulose']]]))
		expect(toTsquery(query)).toBe("('nanocelulose' | 'nanocellulose') & 'bã' & 'mía'")
		expect(correctedText).toBe('nanocellulose bã mía')
		expect(applyCorrections(q, new Map()).correctedText).toBeNull()
	})
})
