import { describe, expect, test } from 'vitest'
import { accentedPairs, analyze, displayTerm, foldWord, termKind } from './analyze'
import { lightStem } from './stem'

describe('analyze', () => {
	test('folded words, exact accented forms and adjacent pairs', () => {
		const { terms } = analyze('Nuôi tôm')
		expect(terms).toEqual(['nuoi', 'tom', '=nuôi', '=tôm', 'nuoi tom'])
		expect(terms.map(termKind)).toEqual(['word', 'word', 'exact', 'exact', 'pair'])
		expect(displayTerm('=tôm')).toBe('tôm')
	})

	test('text without diacritics gives the same folded words and pairs, but no exact forms', () => {
		const accented = analyze('Công nghệ nuôi tôm').terms
		const plain = analyze('cong nghe nuoi tom').terms
		expect(plain).toEqual(accented.filter((t) => termKind(t) !== 'exact'))
	})

	test('NFD input is read as NFC', () => {
		expect(analyze('Công nghệ'.normalize('NFD')).terms).toEqual(analyze('Công nghệ'.normalize('NFC')).terms)
	})

	test('stopwords are not terms, but a pair with one content word is kept', () => {
		const { terms } = analyze('the membranes of the cell')
		expect(terms).toContain('membran')
		expect(terms).toContain('cell')
		expect(terms).not.toContain('the')
		expect(terms).not.toContain('of the')
		expect(analyze('của và các').terms.filter((t) => termKind(t) === 'word')).toEqual([])
	})

	test('options turn pairs and exact forms off', () => {
		expect(analyze('nuôi tôm', { pairs: false, exact: false }).terms).toEqual(['nuoi', 'tom'])
	})

	test('accented pairs are the pairs with a Vietnamese syllable in them', () => {
		expect([...accentedPairs('hệ thống IoT giám sát')]).toEqual(['he thong', 'thong iot', 'iot giam', 'giam sat'])
		expect(accentedPairs('smart sensor network').size).toBe(0)
	})

	test('foldWord folds an accented word and stems an English one', () => {
		expect(foldWord('nước')).toBe('nuoc')
		expect(foldWord('filtering')).toBe(foldWord('filter'))
	})
})

describe('lightStem', () => {
	test.each([
		['membranes', 'membrane'],
		['filtering', 'filtered'],
		['studies', 'study'],
		['produced', 'produce'],
		['boxes', 'box'],
	])('%s and %s meet', (a, b) => expect(lightStem(a)).toBe(lightStem(b)))

	test('leaves short, non-ASCII and -ss/-us/-is words alone', () => {
		expect(lightStem('gas')).toBe('gas')
		expect(lightStem('glass')).toBe('glass')
		expect(lightStem('virus')).toBe('virus')
		expect(lightStem('analysis')).toBe('analysis')
		expect(lightStem('nuoi')).toBe('nuoi')
		expect(lightStem('université')).toBe('université')
	})

	test('does not conflate university and universe', () => {
		expect(lightStem('university')).not.toBe(lightStem('universe'))
	})
})
