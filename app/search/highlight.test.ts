import { expect, test } from 'vitest'
import { highlight, plain, snippet } from './highlight'

test('marks matched words whatever their diacritics, joining adjacent ones', () => {
	expect(highlight('Công nghệ nuôi tôm thẻ', [{ folded: 'nuoi', prefix: false }, { folded: 'tom', prefix: false }])).toEqual([
		{ text: 'Công nghệ ', match: false },
		{ text: 'nuôi tôm', match: true },
		{ text: ' thẻ', match: false },
	])
	expect(highlight('Nanocellulose', [{ folded: 'nano', prefix: true }])).toEqual([{ text: 'Nanocellulose', match: true }])
})

test('never builds markup: HTML in the text stays text', () => {
	const runs = highlight('<script>alert(1)</script> tôm', [{ folded: 'tom', prefix: false }])
	expect(plain(runs)).toBe('<script>alert(1)</script> tôm')
	expect(runs.at(-1)).toEqual({ text: 'tôm', match: true })
})

test('a snippet is a window around the first match, cut at words', () => {
	const text = `${'mở đầu '.repeat(60)}hệ thống nuôi tôm tuần hoàn ${'kết thúc '.repeat(60)}`
	const s = snippet(text, [{ folded: 'tom', prefix: false }], 120)
	expect(plain(s).startsWith('… ')).toBe(true)
	expect(plain(s).endsWith(' …')).toBe(true)
	expect(s.some((r) => r.match && r.text === 'tôm')).toBe(true)
	expect(plain(s).length).toBeLessThan(140)
})
