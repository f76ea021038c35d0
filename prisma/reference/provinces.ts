/**
 * Provincial-level administrative units of Viet Nam, current and former.
 *
 * Legal sources:
 * - Nghị quyết 202/2025/QH15 (12 June 2025) on rearranging provincial-level units: 63 units become
 *   34; the new provincial governments operate from 1 July 2025. Each former province went whole
 *   into exactly one current unit (the `formerProvinces` mapping below).
 * - Quyết định 19/2025/QĐ-TTg (30 June 2025, in force 1 July 2025): the code list of administrative
 *   units. A merged unit takes the code of the former province that hosts its seat, not always the
 *   one whose name survived: Bắc Ninh is 24 (ex-Bắc Giang), Lào Cai 15 (ex-Yên Bái), Quảng Trị 44
 *   (ex-Quảng Bình), Gia Lai 52 (ex-Bình Định), Tây Ninh 80 (ex-Long An), Đồng Tháp 82 (ex-Tiền
 *   Giang), An Giang 91 (ex-Kiên Giang).
 * - Quyết định 124/2004/QĐ-TTg and its amendments: the two-digit codes of the 63 former provinces.
 * - Nghị quyết 175/2024/QH15: Huế became a centrally governed city on 1 January 2025 (so the former
 *   unit is "Huế"; older records say "Thừa Thiên Huế").
 * - Centrally governed cities created after 1 July 2025, same territory and code:
 *   Đồng Nai by Nghị quyết 30/2026/QH16 (from 30 April 2026), Quảng Ninh by Nghị quyết
 *   36/2026/QH16 (from 1 September 2026), Bắc Ninh by Nghị quyết 39/2026/QH16 (from 20 September
 *   2026). That makes 9 cities and 25 provinces as of this file.
 *
 * `region` is the socio-economic region ("vùng kinh tế - xã hội") used by matching ("same region")
 * and by statistics. The keys are ours and stable. The six regions are those of the national
 * master plan (Quy hoạch tổng thể quốc gia, Nghị quyết 81/2023/QH15) as regrouped for the 34 units
 * after its 2025-2026 adjustment: the old "Bắc Trung Bộ và duyên hải miền Trung" and "Tây Nguyên"
 * became "Bắc Trung Bộ" (Thanh Hóa to Huế) and "Nam Trung Bộ và Tây Nguyên" (Đà Nẵng to Lâm Đồng),
 * since the merged Gia Lai, Đắk Lắk and Lâm Đồng now reach the coast. That grouping is taken from
 * secondary reports, not yet from the adjusted plan's own text; if a unit's official region differs,
 * change its `region` in a new migration (the keys stay).
 */

export type ProvinceKind = 'CITY' | 'PROVINCE'

export const regions = {
	'northern-midlands-mountains': { nameVi: 'Trung du và miền núi phía Bắc', nameEn: 'Northern Midlands and Mountains' },
	'red-river-delta': { nameVi: 'Đồng bằng sông Hồng', nameEn: 'Red River Delta' },
	'north-central-coast': { nameVi: 'Bắc Trung Bộ', nameEn: 'North Central Coast' },
	'south-central-coast-highlands': { nameVi: 'Nam Trung Bộ và Tây Nguyên', nameEn: 'South Central Coast and Central Highlands' },
	'southeast': { nameVi: 'Đông Nam Bộ', nameEn: 'Southeast' },
	'mekong-delta': { nameVi: 'Đồng bằng sông Cửu Long', nameEn: 'Mekong River Delta' },
} as const satisfies Record<string, { nameVi: string, nameEn: string }>

export type RegionKey = keyof typeof regions

export type ProvinceRecord = {
	readonly code: string
	readonly nameVi: string
	readonly nameEn: string
	readonly kind: ProvinceKind
	readonly region: RegionKey
}

export type FormerProvinceRecord = {
	readonly code: string
	readonly nameVi: string
	readonly provinceCode: string
}

/** The 34 units in force, in code order. */
export const provinces: ReadonlyArray<ProvinceRecord> = [
	{ code: '01', nameVi: 'Hà Nội', nameEn: 'Hanoi', kind: 'CITY', region: 'red-river-delta' },
	{ code: '04', nameVi: 'Cao Bằng', nameEn: 'Cao Bang', kind: 'PROVINCE', region: 'northern-midlands-mountains' },
	{ code: '08', nameVi: 'Tuyên Quang', nameEn: 'Tuyen Quang', kind: 'PROVINCE', region: 'northern-midlands-mountains' },
	{ code: '11', nameVi: 'Điện Biên', nameEn: 'Dien Bien', kind: 'PROVINCE', region: 'northern-midlands-mountains' },
	{ code: '12', nameVi: 'Lai Châu', nameEn: 'Lai Chau', kind: 'PROVINCE', region: 'northern-midlands-mountains' },
	{ code: '14', nameVi: 'Sơn La', nameEn: 'Son La', kind: 'PROVINCE', region: 'northern-midlands-mountains' },
	{ code: '15', nameVi: 'Lào Cai', nameEn: 'Lao Cai', kind: 'PROVINCE', region: 'northern-midlands-mountains' },
	{ code: '19', nameVi: 'Thái Nguyên', nameEn: 'Thai Nguyen', kind: 'PROVINCE', region: 'northern-midlands-mountains' },
	{ code: '20', nameVi: 'Lạng Sơn', nameEn: 'Lang Son', kind: 'PROVINCE', region: 'northern-midlands-mountains' },
	{ code: '22', nameVi: 'Quảng Ninh', nameEn: 'Quang Ninh', kind: 'CITY', region: 'red-river-delta' },
	{ code: '24', nameVi: 'Bắc Ninh', nameEn: 'Bac Ninh', kind: 'CITY', region: 'red-river-delta' },
	{ code: '25', nameVi: 'Phú Thọ', nameEn: 'Phu Tho', kind: 'PROVINCE', region: 'northern-midlands-mountains' },
	{ code: '31', nameVi: 'Hải Phòng', nameEn: 'Hai Phong', kind: 'CITY', region: 'red-river-delta' },
	{ code: '33', nameVi: 'Hưng Yên', nameEn: 'Hung Yen', kind: 'PROVINCE', region: 'red-river-delta' },
	{ code: '37', nameVi: 'Ninh Bình', nameEn: 'Ninh Binh', kind: 'PROVINCE', region: 'red-river-delta' },
	{ code: '38', nameVi: 'Thanh Hóa', nameEn: 'Thanh Hoa', kind: 'PROVINCE', region: 'north-central-coast' },
	{ code: '40', nameVi: 'Nghệ An', nameEn: 'Nghe An', kind: 'PROVINCE', region: 'north-central-coast' },
	{ code: '42', nameVi: 'Hà Tĩnh', nameEn: 'Ha Tinh', kind: 'PROVINCE', region: 'north-central-coast' },
	{ code: '44', nameVi: 'Quảng Trị', nameEn: 'Quang Tri', kind: 'PROVINCE', region: 'north-central-coast' },
	{ code: '46', nameVi: 'Huế', nameEn: 'Hue', kind: 'CITY', region: 'north-central-coast' },
	{ code: '48', nameVi: 'Đà Nẵng', nameEn: 'Da Nang', kind: 'CITY', region: 'south-central-coast-highlands' },
	{ code: '51', nameVi: 'Quảng Ngãi', nameEn: 'Quang Ngai', kind: 'PROVINCE', region: 'south-central-coast-highlands' },
	{ code: '52', nameVi: 'Gia Lai', nameEn: 'Gia Lai', kind: 'PROVINCE', region: 'south-central-coast-highlands' },
	{ code: '56', nameVi: 'Khánh Hòa', nameEn: 'Khanh Hoa', kind: 'PROVINCE', region: 'south-central-coast-highlands' },
	{ code: '66', nameVi: 'Đắk Lắk', nameEn: 'Dak Lak', kind: 'PROVINCE', region: 'south-central-coast-highlands' },
	{ code: '68', nameVi: 'Lâm Đồng', nameEn: 'Lam Dong', kind: 'PROVINCE', region: 'south-central-coast-highlands' },
	{ code: '75', nameVi: 'Đồng Nai', nameEn: 'Dong Nai', kind: 'CITY', region: 'southeast' },
	{ code: '79', nameVi: 'TP. Hồ Chí Minh', nameEn: 'Ho Chi Minh City', kind: 'CITY', region: 'southeast' },
	{ code: '80', nameVi: 'Tây Ninh', nameEn: 'Tay Ninh', kind: 'PROVINCE', region: 'southeast' },
	{ code: '82', nameVi: 'Đồng Tháp', nameEn: 'Dong Thap', kind: 'PROVINCE', region: 'mekong-delta' },
	{ code: '86', nameVi: 'Vĩnh Long', nameEn: 'Vinh Long', kind: 'PROVINCE', region: 'mekong-delta' },
	{ code: '91', nameVi: 'An Giang', nameEn: 'An Giang', kind: 'PROVINCE', region: 'mekong-delta' },
	{ code: '92', nameVi: 'Cần Thơ', nameEn: 'Can Tho', kind: 'CITY', region: 'mekong-delta' },
	{ code: '96', nameVi: 'Cà Mau', nameEn: 'Ca Mau', kind: 'PROVINCE', region: 'mekong-delta' },
]

/**
 * The 63 units in force until 30 June 2025, by their former code, each with the current unit it
 * went into. The 34 names that survived appear here too, mapped to the unit of the same name,
 * though not always under the same code (former Bắc Ninh is 27, current Bắc Ninh is 24).
 */
export const formerProvinces: ReadonlyArray<FormerProvinceRecord> = [
	{ code: '01', nameVi: 'Hà Nội', provinceCode: '01' },
	{ code: '02', nameVi: 'Hà Giang', provinceCode: '08' },
	{ code: '04', nameVi: 'Cao Bằng', provinceCode: '04' },
	{ code: '06', nameVi: 'Bắc Kạn', provinceCode: '19' },
	{ code: '08', nameVi: 'Tuyên Quang', provinceCode: '08' },
	{ code: '10', nameVi: 'Lào Cai', provinceCode: '15' },
	{ code: '11', nameVi: 'Điện Biên', provinceCode: '11' },
	{ code: '12', nameVi: 'Lai Châu', provinceCode: '12' },
	{ code: '14', nameVi: 'Sơn La', provinceCode: '14' },
	{ code: '15', nameVi: 'Yên Bái', provinceCode: '15' },
	{ code: '17', nameVi: 'Hòa Bình', provinceCode: '25' },
	{ code: '19', nameVi: 'Thái Nguyên', provinceCode: '19' },
	{ code: '20', nameVi: 'Lạng Sơn', provinceCode: '20' },
	{ code: '22', nameVi: 'Quảng Ninh', provinceCode: '22' },
	{ code: '24', nameVi: 'Bắc Giang', provinceCode: '24' },
	{ code: '25', nameVi: 'Phú Thọ', provinceCode: '25' },
	{ code: '26', nameVi: 'Vĩnh Phúc', provinceCode: '25' },
	{ code: '27', nameVi: 'Bắc Ninh', provinceCode: '24' },
	{ code: '30', nameVi: 'Hải Dương', provinceCode: '31' },
	{ code: '31', nameVi: 'Hải Phòng', provinceCode: '31' },
	{ code: '33', nameVi: 'Hưng Yên', provinceCode: '33' },
	{ code: '34', nameVi: 'Thái Bình', provinceCode: '33' },
	{ code: '35', nameVi: 'Hà Nam', provinceCode: '37' },
	{ code: '36', nameVi: 'Nam Định', provinceCode: '37' },
	{ code: '37', nameVi: 'Ninh Bình', provinceCode: '37' },
	{ code: '38', nameVi: 'Thanh Hóa', provinceCode: '38' },
	{ code: '40', nameVi: 'Nghệ An', provinceCode: '40' },
	{ code: '42', nameVi: 'Hà Tĩnh', provinceCode: '42' },
	{ code: '44', nameVi: 'Quảng Bình', provinceCode: '44' },
	{ code: '45', nameVi: 'Quảng Trị', provinceCode: '44' },
	{ code: '46', nameVi: 'Huế', provinceCode: '46' },
	{ code: '48', nameVi: 'Đà Nẵng', provinceCode: '48' },
	{ code: '49', nameVi: 'Quảng Nam', provinceCode: '48' },
	{ code: '51', nameVi: 'Quảng Ngãi', provinceCode: '51' },
	{ code: '52', nameVi: 'Bình Định', provinceCode: '52' },
	{ code: '54', nameVi: 'Phú Yên', provinceCode: '66' },
	{ code: '56', nameVi: 'Khánh Hòa', provinceCode: '56' },
	{ code: '58', nameVi: 'Ninh Thuận', provinceCode: '56' },
	{ code: '60', nameVi: 'Bình Thuận', provinceCode: '68' },
	{ code: '62', nameVi: 'Kon Tum', provinceCode: '51' },
	{ code: '64', nameVi: 'Gia Lai', provinceCode: '52' },
	{ code: '66', nameVi: 'Đắk Lắk', provinceCode: '66' },
	{ code: '67', nameVi: 'Đắk Nông', provinceCode: '68' },
	{ code: '68', nameVi: 'Lâm Đồng', provinceCode: '68' },
	{ code: '70', nameVi: 'Bình Phước', provinceCode: '75' },
	{ code: '72', nameVi: 'Tây Ninh', provinceCode: '80' },
	{ code: '74', nameVi: 'Bình Dương', provinceCode: '79' },
	{ code: '75', nameVi: 'Đồng Nai', provinceCode: '75' },
	{ code: '77', nameVi: 'Bà Rịa - Vũng Tàu', provinceCode: '79' },
	{ code: '79', nameVi: 'TP. Hồ Chí Minh', provinceCode: '79' },
	{ code: '80', nameVi: 'Long An', provinceCode: '80' },
	{ code: '82', nameVi: 'Tiền Giang', provinceCode: '82' },
	{ code: '83', nameVi: 'Bến Tre', provinceCode: '86' },
	{ code: '84', nameVi: 'Trà Vinh', provinceCode: '86' },
	{ code: '86', nameVi: 'Vĩnh Long', provinceCode: '86' },
	{ code: '87', nameVi: 'Đồng Tháp', provinceCode: '82' },
	{ code: '89', nameVi: 'An Giang', provinceCode: '91' },
	{ code: '91', nameVi: 'Kiên Giang', provinceCode: '91' },
	{ code: '92', nameVi: 'Cần Thơ', provinceCode: '92' },
	{ code: '93', nameVi: 'Hậu Giang', provinceCode: '92' },
	{ code: '94', nameVi: 'Sóc Trăng', provinceCode: '92' },
	{ code: '95', nameVi: 'Bạc Liêu', provinceCode: '96' },
	{ code: '96', nameVi: 'Cà Mau', provinceCode: '96' },
]
