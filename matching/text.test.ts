import { describe, expect, test } from 'vitest'
import { foldDiacritics, hasDiacritics, normalizeText, syllableBigrams, words } from './text'

describe('Vietnamese text', () => {
	test('NFD and NFC give one form; case and spaces are tidied', () => {
		expect(normalizeText('  Công   NGHỆ '.normalize('NFD'))).toBe('công nghệ')
		expect(normalizeText('Công nghệ'.normalize('NFD'))).toBe(normalizeText('Công nghệ'.normalize('NFC')))
	})

	test('old and new tone placement (hòa/hoà, thủy/thuỷ, khỏe/khoẻ) become one word', () => {
		expect(normalizeText('hòa')).toBe(normalizeText('hoà'))
		expect(normalizeText('thủy sản')).toBe(normalizeText('thuỷ sản'))
		expect(normalizeText('khỏe')).toBe(normalizeText('khoẻ'))
		// A final consonant puts the tone on the second vowel in both conventions: unchanged.
		expect(normalizeText('hoàng')).toBe('hoàng')
		expect(normalizeText('quý')).toBe('quý')
	})

	test('folding drops diacritics and reads đ as d', () => {
		expect(foldDiacritics('Đường ống Ưu tiên')).toBe('duong ong uu tien')
		expect(hasDiacritics('tôm')).toBe(true)
		expect(hasDiacritics('tom')).toBe(false)
	})

	test('words split on anything but letters and digits', () => {
		expect(words('KC.01.05/16-20: IoT, COVID-19')).toEqual(['kc', '01', '05', '16', '20', 'iot', 'covid', '19'])
		expect(syllableBigrams(['cong', 'nghe', 'nuoi'])).toEqual(['cong nghe', 'nghe nuoi'])
	})
})
