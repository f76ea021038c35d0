import { describe, expect, it } from 'vitest'
import { formerProvinces, provinces } from '../../prisma/reference/provinces.ts'
import { foldVietnamese, resolveProvince } from './provinces.ts'

const nfd = (s: string) => s.normalize('NFD')

describe('foldVietnamese', () => {
	it('drops marks, folds đ, lower-cases and collapses spaces', () => {
		expect(foldVietnamese('Đắk  Lắk')).toBe('dak lak')
		expect(foldVietnamese('  Nuôi trồng\tTHỦY sản \n')).toBe('nuoi trong thuy san')
		expect(foldVietnamese('ĐỒNG THÁP')).toBe('dong thap')
	})

	it('treats NFC and NFD input alike', () => {
		const nfc = 'Khánh Hòa, Thừa Thiên Huế, Bạc Liêu'
		expect(nfd(nfc)).not.toBe(nfc)
		expect(foldVietnamese(nfd(nfc))).toBe(foldVietnamese(nfc))
		expect(foldVietnamese(nfc)).toBe('khanh hoa, thua thien hue, bac lieu')
	})

	it('makes both tone placements the same', () => {
		expect(foldVietnamese('Thanh Hoá')).toBe(foldVietnamese('Thanh Hóa'))
		expect(foldVietnamese('Thuỷ sản')).toBe(foldVietnamese('Thủy sản'))
	})
})

describe('resolveProvince', () => {
	const current = (code: string) => ({ code, nameVi: provinces.find(p => p.code === code)?.nameVi, former: false })
	const former = (code: string) => ({ code, nameVi: provinces.find(p => p.code === code)?.nameVi, former: true })

	it.each([
		['Hà Nội', '01'],
		['Ha Noi', '01'],
		['Hanoi', '01'],
		['HÀ NỘI', '01'],
		['Thành phố Hà Nội', '01'],
		['TP. Hà Nội', '01'],
		['  Hà   Nội  ', '01'],
		['HN', '01'],
		['TP. Hồ Chí Minh', '79'],
		['Thành phố Hồ Chí Minh', '79'],
		['TP.HCM', '79'],
		['Tp. HCM', '79'],
		['TP HCM', '79'],
		['TPHCM', '79'],
		['HCM', '79'],
		['hcmc', '79'],
		['Ho Chi Minh City', '79'],
		['Hồ Chí Minh', '79'],
		['Sài Gòn', '79'],
		['Saigon', '79'],
		['Huế', '46'],
		['Thành phố Huế', '46'],
		['Hue', '46'],
		['Đà Nẵng', '48'],
		['Da Nang', '48'],
		['Danang', '48'],
		['Hải Phòng', '31'],
		['Haiphong', '31'],
		['Cần Thơ', '92'],
		['Tỉnh Đắk Lắk', '66'],
		['Dak Lak', '66'],
		['Daklak', '66'],
		['Đăk Lăk', '66'],
		['tinh khanh hoa', '56'],
		['Khánh Hoà', '56'],
		['Thanh Hoá', '38'],
		['Bắc Ninh', '24'],
		['Bac Ninh Province', '24'],
		['Quảng Ninh', '22'],
		['Thành phố Quảng Ninh', '22'],
		['Đồng Nai', '75'],
		['Tây Ninh', '80'],
		['An Giang', '91'],
		['Cà Mau', '96'],
		['Hà Nội, Việt Nam', '01'],
	])('reads "%s" as current unit %s', (input, code) => {
		expect(resolveProvince(input)).toEqual(current(code))
	})

	it.each([
		['Hà Giang', '08'],
		['Tỉnh Hà Giang', '08'],
		['ha giang', '08'],
		['Bình Dương', '79'],
		['Binh Duong', '79'],
		['Bà Rịa - Vũng Tàu', '79'],
		['Bà Rịa–Vũng Tàu', '79'],
		['Ba Ria Vung Tau', '79'],
		['BRVT', '79'],
		['Quảng Nam', '48'],
		['Kiên Giang', '91'],
		['Thừa Thiên Huế', '46'],
		['Thừa Thiên - Huế', '46'],
		['TT Huế', '46'],
		['TT-Huế', '46'],
		['Yên Bái', '15'],
		['Bắc Kạn', '19'],
		['Bac Kan', '19'],
		['Vĩnh Phúc', '25'],
		['Hòa Bình', '25'],
		['Hoà Bình', '25'],
		['Bắc Giang', '24'],
		['Hải Dương', '31'],
		['Thái Bình', '33'],
		['Nam Định', '37'],
		['Hà Nam', '37'],
		['Quảng Bình', '44'],
		['Kon Tum', '51'],
		['Kontum', '51'],
		['Bình Định', '52'],
		['Phú Yên', '66'],
		['Ninh Thuận', '56'],
		['Đắk Nông', '68'],
		['Dak Nong', '68'],
		['Bình Thuận', '68'],
		['Bình Phước', '75'],
		['Long An', '80'],
		['Tiền Giang', '82'],
		['Bến Tre', '86'],
		['Trà Vinh', '86'],
		['Sóc Trăng', '92'],
		['Hậu Giang', '92'],
		['Bạc Liêu', '96'],
	])('reads former "%s" as current unit %s', (input, code) => {
		expect(resolveProvince(input)).toEqual(former(code))
	})

	it('accepts NFD input', () => {
		expect(resolveProvince(nfd('Thừa Thiên Huế'))).toEqual(former('46'))
		expect(resolveProvince(nfd('Đắk Lắk'))).toEqual(current('66'))
		expect(resolveProvince(nfd('Tỉnh Bà Rịa - Vũng Tàu'))).toEqual(former('79'))
		expect(resolveProvince(nfd('Thành phố Hồ Chí Minh'))).toEqual(current('79'))
	})

	it('resolves every current and former name of the reference lists', () => {
		for (const province of provinces) {
			expect(resolveProvince(province.nameVi), province.nameVi).toEqual(current(province.code))
			expect(resolveProvince(province.nameEn), province.nameEn).toEqual(current(province.code))
			expect(resolveProvince(foldVietnamese(province.nameVi)), province.nameVi).toEqual(current(province.code))
		}
		for (const unit of formerProvinces) {
			const resolved = resolveProvince(unit.nameVi)
			expect(resolved?.code, unit.nameVi).toBe(unit.provinceCode)
			expect(resolveProvince(nfd(unit.nameVi))?.code, unit.nameVi).toBe(unit.provinceCode)
		}
	})

	it('reads two-digit codes as current first, then former', () => {
		expect(resolveProvince('01')).toEqual(current('01'))
		expect(resolveProvince('1')).toEqual(current('01'))
		expect(resolveProvince(' 79 ')).toEqual(current('79'))
		expect(resolveProvince('24')).toEqual(current('24'))
		expect(resolveProvince('27')).toEqual(former('24'))
		expect(resolveProvince('02')).toEqual(former('08'))
		expect(resolveProvince('74')).toEqual(former('79'))
		expect(resolveProvince('45')).toEqual(former('44'))
		expect(resolveProvince('89')).toEqual(former('91'))
	})

	it.each([
		'',
		'   ',
		'TP.',
		'Tỉnh',
		'Hà',
		'Ninh',
		'Quảng',
		'Paris',
		'Vientiane',
		'Hà Tây',
		'Quận 1',
		'00',
		'03',
		'99',
		'100',
		'Hà Nội 2',
		'Bình',
	])('returns null for "%s"', input => {
		expect(resolveProvince(input)).toBeNull()
	})

	it('returns a fresh object each time', () => {
		const first = resolveProvince('Hà Nội')
		if (first) first.nameVi = 'changed'
		expect(resolveProvince('Hà Nội')?.nameVi).toBe('Hà Nội')
	})
})
