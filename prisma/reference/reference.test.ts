import { describe, expect, it } from 'vitest'
import { buildReferenceSql, sqlString } from '../../scripts/reference-sql.ts'
import { formerProvinces, provinces, regions } from './provinces.ts'
import { scienceFields } from './science-fields.ts'

const currentByCode = new Map(provinces.map(province => [province.code, province]))
const currentByName = new Map(provinces.map(province => [province.nameVi, province]))
const formerByName = new Map(formerProvinces.map(former => [former.nameVi, former]))

function duplicates(values: ReadonlyArray<string>) {
	return values.filter((value, index) => values.indexOf(value) !== index)
}

describe('provinces', () => {
	it('has the 34 current units and the 63 former ones', () => {
		expect(provinces).toHaveLength(34)
		expect(formerProvinces).toHaveLength(63)
	})

	it('lists exactly the 34 names of Nghị quyết 202/2025/QH15', () => {
		expect(provinces.map(province => province.nameVi).sort()).toEqual([
			'An Giang', 'Bắc Ninh', 'Cà Mau', 'Cao Bằng', 'Cần Thơ', 'Đà Nẵng', 'Đắk Lắk', 'Điện Biên',
			'Đồng Nai', 'Đồng Tháp', 'Gia Lai', 'Hà Nội', 'Hà Tĩnh', 'Hải Phòng', 'Huế', 'Hưng Yên',
			'Khánh Hòa', 'Lai Châu', 'Lâm Đồng', 'Lạng Sơn', 'Lào Cai', 'Nghệ An', 'Ninh Bình', 'Phú Thọ',
			'Quảng Ngãi', 'Quảng Ninh', 'Quảng Trị', 'Sơn La', 'Tây Ninh', 'Thái Nguyên', 'Thanh Hóa',
			'TP. Hồ Chí Minh', 'Tuyên Quang', 'Vĩnh Long',
		].sort())
	})

	it('has the six cities of 2025 plus Đồng Nai, Quảng Ninh and Bắc Ninh (2026) as cities', () => {
		const cities = provinces.filter(province => province.kind === 'CITY').map(province => province.nameVi)
		expect(cities.sort()).toEqual(
			['Hà Nội', 'Huế', 'Hải Phòng', 'Đà Nẵng', 'TP. Hồ Chí Minh', 'Cần Thơ', 'Đồng Nai', 'Quảng Ninh', 'Bắc Ninh'].sort(),
		)
		expect(provinces.filter(province => province.kind === 'PROVINCE')).toHaveLength(25)
	})

	it('uses unique two-digit codes and unique names', () => {
		for (const list of [provinces, formerProvinces]) {
			for (const { code } of list) expect(code).toMatch(/^\d{2}$/)
			expect(duplicates(list.map(item => item.code))).toEqual([])
			expect(duplicates(list.map(item => item.nameVi))).toEqual([])
		}
		expect(duplicates(provinces.map(province => province.nameEn))).toEqual([])
	})

	it('maps every former province to an existing current one', () => {
		for (const former of formerProvinces) {
			expect(currentByCode.has(former.provinceCode), `${former.nameVi} -> ${former.provinceCode}`).toBe(true)
		}
	})

	it('has every current unit as the target of the former unit of the same name', () => {
		for (const province of provinces) {
			expect(formerByName.get(province.nameVi)?.provinceCode, province.nameVi).toBe(province.code)
		}
	})

	it('gives each current unit the former code of one of its parts (Quyết định 19/2025/QĐ-TTg)', () => {
		for (const province of provinces) {
			const parts = formerProvinces.filter(former => former.provinceCode === province.code)
			expect(parts.map(former => former.code), province.nameVi).toContain(province.code)
		}
	})

	it('reads any code the same whether taken as current or as former', () => {
		for (const former of formerProvinces) {
			if (currentByCode.has(former.code)) expect(former.provinceCode, former.code).toBe(former.code)
		}
	})

	it('merges the former provinces as Nghị quyết 202/2025/QH15 says', () => {
		// Written out independently of provinces.ts, by names, so a mistyped code there shows up here.
		const merges: Record<string, ReadonlyArray<string>> = {
			'Tuyên Quang': ['Tuyên Quang', 'Hà Giang'],
			'Lào Cai': ['Lào Cai', 'Yên Bái'],
			'Thái Nguyên': ['Thái Nguyên', 'Bắc Kạn'],
			'Phú Thọ': ['Phú Thọ', 'Vĩnh Phúc', 'Hòa Bình'],
			'Bắc Ninh': ['Bắc Ninh', 'Bắc Giang'],
			'Hưng Yên': ['Hưng Yên', 'Thái Bình'],
			'Hải Phòng': ['Hải Phòng', 'Hải Dương'],
			'Ninh Bình': ['Ninh Bình', 'Hà Nam', 'Nam Định'],
			'Quảng Trị': ['Quảng Trị', 'Quảng Bình'],
			'Đà Nẵng': ['Đà Nẵng', 'Quảng Nam'],
			'Quảng Ngãi': ['Quảng Ngãi', 'Kon Tum'],
			'Gia Lai': ['Gia Lai', 'Bình Định'],
			'Khánh Hòa': ['Khánh Hòa', 'Ninh Thuận'],
			'Lâm Đồng': ['Lâm Đồng', 'Đắk Nông', 'Bình Thuận'],
			'Đắk Lắk': ['Đắk Lắk', 'Phú Yên'],
			'TP. Hồ Chí Minh': ['TP. Hồ Chí Minh', 'Bình Dương', 'Bà Rịa - Vũng Tàu'],
			'Đồng Nai': ['Đồng Nai', 'Bình Phước'],
			'Tây Ninh': ['Tây Ninh', 'Long An'],
			'Cần Thơ': ['Cần Thơ', 'Sóc Trăng', 'Hậu Giang'],
			'Vĩnh Long': ['Vĩnh Long', 'Bến Tre', 'Trà Vinh'],
			'Đồng Tháp': ['Đồng Tháp', 'Tiền Giang'],
			'Cà Mau': ['Cà Mau', 'Bạc Liêu'],
			'An Giang': ['An Giang', 'Kiên Giang'],
		}
		for (const province of provinces) {
			const expected = merges[province.nameVi] ?? [province.nameVi]
			const actual = formerProvinces.filter(former => former.provinceCode === province.code).map(former => former.nameVi)
			expect(actual.sort(), province.nameVi).toEqual([...expected].sort())
		}
	})

	it('holds the examples of DOMAIN.md and the brief', () => {
		const targetOf = (name: string) => currentByCode.get(formerByName.get(name)?.provinceCode ?? '')?.nameVi
		expect(targetOf('Hà Giang')).toBe('Tuyên Quang')
		expect(targetOf('Bình Dương')).toBe('TP. Hồ Chí Minh')
		expect(targetOf('Quảng Nam')).toBe('Đà Nẵng')
		expect(targetOf('Kiên Giang')).toBe('An Giang')
		expect(currentByName.get('Hà Nội')?.code).toBe('01')
		expect(currentByName.get('TP. Hồ Chí Minh')?.code).toBe('79')
		expect(currentByName.get('Đà Nẵng')?.code).toBe('48')
	})

	it('uses the official 2025 codes where the seat moved to another former province', () => {
		expect(currentByName.get('Bắc Ninh')?.code).toBe('24')
		expect(currentByName.get('Lào Cai')?.code).toBe('15')
		expect(currentByName.get('Quảng Trị')?.code).toBe('44')
		expect(currentByName.get('Gia Lai')?.code).toBe('52')
		expect(currentByName.get('Tây Ninh')?.code).toBe('80')
		expect(currentByName.get('Đồng Tháp')?.code).toBe('82')
		expect(currentByName.get('An Giang')?.code).toBe('91')
	})

	it('puts every unit in a defined region and leaves no region empty', () => {
		const counts = new Map<string, number>()
		for (const province of provinces) {
			expect(Object.keys(regions)).toContain(province.region)
			counts.set(province.region, (counts.get(province.region) ?? 0) + 1)
		}
		expect(Object.fromEntries(counts)).toEqual({
			'northern-midlands-mountains': 9,
			'red-river-delta': 6,
			'north-central-coast': 5,
			'south-central-coast-highlands': 6,
			'southeast': 3,
			'mekong-delta': 5,
		})
		for (const key of Object.keys(regions)) expect(key).toMatch(/^[a-z]+(-[a-z]+)*$/)
	})

	it('writes every name in NFC and English names in ASCII', () => {
		const names = [
			...provinces.flatMap(province => [province.nameVi, province.nameEn]),
			...formerProvinces.map(former => former.nameVi),
			...Object.values(regions).flatMap(region => [region.nameVi, region.nameEn]),
		]
		for (const name of names) {
			expect(name.normalize('NFC'), name).toBe(name)
			expect(name.trim(), name).toBe(name)
		}
		for (const province of provinces) expect(province.nameEn).toMatch(/^[\x20-\x7e]+$/)
	})
})

describe('science fields', () => {
	const byCode = new Map(scienceFields.map(field => [field.code, field]))
	const atLevel = (level: number) => scienceFields.filter(field => field.level === level)

	it('has the six level-1 fields of Quyết định 12/2008/QĐ-BKHCN', () => {
		expect(atLevel(1).map(field => [field.code, field.nameVi])).toEqual([
			['1', 'Khoa học tự nhiên'],
			['2', 'Khoa học kỹ thuật và công nghệ'],
			['3', 'Khoa học y, dược'],
			['4', 'Khoa học nông nghiệp'],
			['5', 'Khoa học xã hội'],
			['6', 'Khoa học nhân văn'],
		])
	})

	it('has all the level-2 fields', () => {
		expect(atLevel(2).map(field => field.code)).toEqual([
			'101', '102', '103', '104', '105', '106', '199',
			'201', '202', '203', '204', '205', '206', '207', '208', '209', '210', '211', '299',
			'301', '302', '303', '304', '305', '399',
			'401', '402', '403', '404', '405', '406', '499',
			'501', '502', '503', '504', '505', '506', '507', '508', '599',
			'601', '602', '603', '604', '699',
		])
		expect(byCode.get('101')?.nameVi).toBe('Toán học và thống kê')
		expect(byCode.get('202')?.nameVi).toBe('Kỹ thuật điện, kỹ thuật điện tử, kỹ thuật thông tin')
		expect(byCode.get('405')?.nameVi).toBe('Thủy sản')
	})

	it('gives level 3 where the product matches most: engineering, agriculture, medicine, natural sciences', () => {
		for (const parent of ['101', '102', '103', '104', '105', '106', '201', '202', '203', '204', '205', '206', '207', '208', '209', '210', '211', '301', '302', '303', '304', '305', '401', '402', '403', '404', '405', '406']) {
			expect(scienceFields.some(field => field.parentCode === parent), parent).toBe(true)
		}
		expect(byCode.get('20201')?.nameVi).toBe('Kỹ thuật điện và điện tử')
		expect(byCode.get('40504')?.nameVi).toBe('Nuôi trồng thủy sản')
	})

	it('uses code formats by level and starts every code with its parent code', () => {
		const formats = { 1: /^[1-6]$/, 2: /^[1-6]\d{2}$/, 3: /^[1-6]\d{4}$/ } as const
		for (const field of scienceFields) {
			expect(field.code, field.code).toMatch(formats[field.level])
			if (field.level === 1) {
				expect(field.parentCode).toBeNull()
				continue
			}
			const parent = byCode.get(field.parentCode ?? '')
			expect(parent, field.code).toBeDefined()
			expect(parent?.level, field.code).toBe(field.level - 1)
			expect(field.code.startsWith(parent?.code ?? '?'), field.code).toBe(true)
		}
	})

	it('lists parents before their children', () => {
		const seen = new Set<string>()
		for (const field of scienceFields) {
			if (field.parentCode) expect(seen.has(field.parentCode), field.code).toBe(true)
			seen.add(field.code)
		}
	})

	it('has no duplicate codes, nor duplicate Vietnamese names at a level', () => {
		expect(duplicates(scienceFields.map(field => field.code))).toEqual([])
		for (const level of [1, 2, 3]) expect(duplicates(atLevel(level).map(field => field.nameVi))).toEqual([])
	})

	it('writes every name in NFC, trimmed, and English names in ASCII', () => {
		for (const field of scienceFields) {
			for (const name of [field.nameVi, field.nameEn]) {
				expect(name.normalize('NFC'), field.code).toBe(name)
				expect(name.trim(), field.code).toBe(name)
				expect(name, field.code).not.toMatch(/\s{2}/)
			}
			expect(field.nameEn, field.code).toMatch(/^[\x20-\x7e]+$/)
		}
	})

	it('keeps "other" groups on 99', () => {
		for (const field of scienceFields) {
			if (/ khác$/.test(field.nameVi) && field.level > 1) expect(field.code, field.nameVi).toMatch(/99$/)
		}
	})
})

describe('reference SQL', () => {
	const sql = buildReferenceSql()

	it('quotes strings for PostgreSQL', () => {
		expect(sqlString("O'Brien")).toBe("'O''Brien'")
		expect(sqlString('a\\b')).toBe("'a\\b'")
		expect(() => sqlString('a\0b')).toThrow()
	})

	it('says it is generated, and by what', () => {
		expect(sql.split('\n').slice(0, 6).join('\n')).toMatch(/GENERATED by scripts\/reference-sql\.ts/)
	})

	it('upserts every row, sets updatedAt, and loads parents before children', () => {
		for (const field of scienceFields) expect(sql).toContain(`(${sqlString(field.code)}, `)
		for (const province of provinces) expect(sql).toContain(`(${sqlString(province.code)}, ${sqlString(province.nameVi)}`)
		expect(sql.match(/ON CONFLICT \("code"\) DO UPDATE/g)).toHaveLength(5)
		expect(sql.match(/INSERT INTO/g)).toHaveLength(5)
		expect(sql.match(/"updatedAt" = now\(\)/g)).toHaveLength(5)
		const at = (needle: string) => sql.indexOf(needle)
		expect(at("('1', NULL, 1")).toBeLessThan(at("('101', '1', 2"))
		expect(at("('101', '1', 2")).toBeLessThan(at("('10101', '101', 3"))
		expect(at('INSERT INTO "Province"')).toBeLessThan(at('INSERT INTO "FormerProvince"'))
	})

	it('is the same every time it is built', () => {
		expect(buildReferenceSql()).toBe(sql)
	})
})
