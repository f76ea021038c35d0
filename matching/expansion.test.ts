import { describe, expect, test } from 'vitest'
import { compileGroups, feedbackTerms, groupExpansions } from './expansion'

describe('term groups', () => {
	const groups = compileGroups([
		['nuôi tôm', 'shrimp farming'],
		['Internet vạn vật', 'IoT'],
	])

	test('a member in the text asks for the others, as index terms', () => {
		expect(groupExpansions('hệ thống IoT cho trang trại', groups)).toEqual([['internet', 'van', 'vat', 'internet van', 'van vat']])
		expect(groupExpansions('Shrimp farming in ponds', groups)).toEqual([['nuoi', 'tom', 'nuoi tom']])
	})

	test('a member matches as a whole run of words, with or without diacritics', () => {
		expect(groupExpansions('nuoi ca, tom hum', groups)).toEqual([])
		expect(groupExpansions('ky thuat nuoi tom', groups)).toEqual([['shrimp', 'farm', 'shrimp farm']])
	})

	test('a member the text already has is not added again', () => {
		expect(groupExpansions('IoT, Internet vạn vật', groups)).toEqual([])
	})
})

describe('feedbackTerms', () => {
	test('words the best matches share, not already asked, weighted by their mass', () => {
		const terms = feedbackTerms(
			[
				{ score: 2, words: [['tom', 0.5], ['ao', 0.3], ['oxy', 0.2]] },
				{ score: 1, words: [['tom', 0.5], ['oxy', 0.5]] },
			],
			new Map([['tom', 1]]),
			() => 1,
			{ docs: 2, terms: 2, weight: 0.5 },
		)
		expect([...terms.keys()]).toEqual(['oxy', 'ao'])
		expect(terms.get('oxy')).toBe(0.5)
		expect(terms.get('ao')!).toBeLessThan(0.5)
	})
})
