import { expect, test } from 'vitest'
import { readSearchParams, searchQueryString, toSearchRequest } from './request'

test('reads every filter, drops bad values and names their parameters', () => {
	const { params, invalid } = readSearchParams(
		new URLSearchParams('q=nuoi+tom&type=offer&field=4&field=404&province=82,99&trl=7&trl=12&mode=LICENSING&mode=HACK&ip=NONE&price=lt100m&year=2026&sort=newest&page=2'),
	)
	expect(params).toMatchObject({ q: 'nuoi tom', type: 'offer', fields: ['4', '404'], provinces: ['82', '99'], trl: [7], modes: ['LICENSING'], ip: ['NONE'], prices: ['lt100m'], years: [2026], sort: 'newest', page: 2 })
	expect(invalid).toEqual(['trl', 'mode'])
	expect(readSearchParams(new URLSearchParams('type=x&sort=y&page=0')).invalid).toEqual(['type', 'sort', 'page'])
})

test('one search is one canonical query string, whatever the order it was written in', () => {
	const a = readSearchParams(new URLSearchParams('province=82&q=tom&field=404&field=4')).params
	const b = readSearchParams(new URLSearchParams('field=4&q=tom&province=82&field=404&page=3')).params
	expect(searchQueryString(a)).toBe(searchQueryString(b))
	expect(searchQueryString(a)).toBe('q=tom&field=4&field=404&province=82')
	expect(searchQueryString(b, { page: true })).toContain('page=3')
})

test('control characters are removed and the text is cut', () => {
	const { params } = readSearchParams(new URLSearchParams({ q: `a\u0000b${'x'.repeat(2000)}` }))
	expect(params.q.startsWith('a b')).toBe(true)
	expect(params.q.length).toBeLessThanOrEqual(300)
	expect(toSearchRequest(params).text).toBe(params.q)
})
