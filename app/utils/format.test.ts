import { expect, test } from 'vitest'
import { formatDate, formatDateTime, formatNumber, formatRelative, formatVnd } from '~/utils/format'

test('VND has no minor unit and follows each language', () => {
	expect(formatVnd(1_500_000_000, 'vi')).toBe('1.500.000.000 ₫')
	expect(formatVnd(65_000, 'vi')).toBe('65.000 ₫')
	expect(formatVnd(1_500_000_000, 'en')).toBe('₫1,500,000,000')
	expect(formatVnd(0, 'vi')).toBe('0 ₫')
})

test('dates read the Vietnamese way in vi and the British way in en', () => {
	const d = new Date('2026-11-23T07:05:00Z') // 14:05 in Hà Nội
	expect(formatDate(d, 'vi')).toBe('23/11/2026')
	expect(formatDate(d, 'en')).toBe('23 Nov 2026')
	expect(formatDateTime(d, 'vi')).toBe('23/11/2026 14:05')
	expect(formatNumber(12345.5, 'vi')).toBe('12.345,5')
	expect(formatRelative(Date.now() - 3 * 60_000, 'vi')).toBe('3 phút trước')
	expect(formatRelative(Date.now() - 3 * 60_000, 'en')).toBe('3 minutes ago')
})
