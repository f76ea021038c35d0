import { describe, expect, test } from 'vitest'
import { cellDate, cellList, cellText, cellYear } from './cells'

describe('cells', () => {
	test('text is NFC with invisible characters dropped and spaces collapsed; multi-line text keeps its lines', () => {
		expect(cellText('  Hà\u00a0Nội \u200b  Việt Nam '.normalize('NFD'))).toBe('Hà Nội Việt Nam')
		expect(cellText('Dòng một  \r\n\r\n\r\n  Dòng   hai', true)).toBe('Dòng một\n\nDòng hai')
		expect(cellText(2019)).toBe('2019')
		expect(cellText(new Date(Date.UTC(2021, 2, 15)))).toBe('2021-03-15')
	})

	test('the apostrophe our CSV exports put before formula-like cells is dropped; other apostrophes stay', () => {
		expect(cellText("'=Tên bắt đầu bằng dấu bằng")).toBe('=Tên bắt đầu bằng dấu bằng')
		expect(cellText("'-Vật liệu mới")).toBe('-Vật liệu mới')
		expect(cellText("'-5 độ")).toBe("'-5 độ")
		expect(cellText("'Nhiệm vụ' trong ngoặc")).toBe("'Nhiệm vụ' trong ngoặc")
	})

	test('lists split at semicolons or line breaks, at commas only when there are neither; repeats dropped ignoring case', () => {
		expect(cellList('nuôi tôm; Nuôi tôm ;nhà màng\ntuần hoàn')).toEqual(['nuôi tôm', 'nhà màng', 'tuần hoàn'])
		expect(cellList('IoT, độ mặn, iot')).toEqual(['IoT', 'độ mặn'])
		expect(cellList(['a', ' b ', ''])).toEqual(['a', 'b'])
	})

	test('years and dates in the forms spreadsheets and people write them; impossible days are invalid', () => {
		expect(cellYear('2019')).toBe(2019)
		expect(cellYear('2019.0')).toBe(2019)
		expect(cellYear('')).toBeNull()
		expect(cellYear('hai nghìn')).toBeNaN()
		expect(cellDate('15/03/2021')).toBe('2021-03-15')
		expect(cellDate('2021-3-5')).toBe('2021-03-05')
		expect(cellDate(44270)).toBe('2021-03-15')
		expect(cellDate('31/02/2020')).toBe('invalid')
		expect(cellDate('')).toBeNull()
	})
})
