/**
 * Deterministic generator of technology offers and demands for the demo floor and the benchmarks.
 *
 * Pure: no database, no clock of its own (the caller passes `now`), no Math.random. The same
 * `seed`, `now`, counts and organisations give the same listings, field by field. Texts are
 * composed from per-domain Vietnamese templates; every number in them is drawn from a range
 * written next to it, every field code exists in prisma/reference/science-fields.ts and every
 * province in prisma/reference/provinces.ts. Everything here is invented: names, figures and
 * IP numbers describe no real technology or title.
 *
 * Rows reference organisations by slug and people by e-mail; prisma/seed/seed.ts (and the
 * benchmarks) map those to ids when inserting.
 */
import { addDays, addHours, addMinutes, addMonths } from 'date-fns'
import type { IpStatusValue, ListingStatusValue, TransferModeValue } from '../../app/models/listing-schema.ts'
import { resolveProvince } from '../../app/utils/provinces.ts'
import { provinces } from '../reference/provinces.ts'
import { demoOrganisations, demoUsers, type DemoOrganisationType } from './demo-data.ts'

// ─── Seeded randomness ───────────────────────────────────────────────────────

/** sfc32 seeded through a string hash (cyrb128): fast, well mixed, and the same on every platform. */
export class Random {
	private a: number
	private b: number
	private c: number
	private d: number

	constructor(seed: string | number) {
		const s = String(seed)
		let h1 = 1779033703
		let h2 = 3144134277
		let h3 = 1013904242
		let h4 = 2773480762
		for (let i = 0; i < s.length; i++) {
			const k = s.charCodeAt(i)
			h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
			h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
			h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
			h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
		}
		h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
		h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
		h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
		h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
		this.a = (h1 ^ h2 ^ h3 ^ h4) >>> 0
		this.b = (h2 ^ h1) >>> 0
		this.c = (h3 ^ h1) >>> 0
		this.d = (h4 ^ h1) >>> 0
		for (let i = 0; i < 12; i++) this.next()
	}

	/** Uniform in [0, 1). */
	next(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0
		this.d = (this.d + 1) | 0
		this.a = this.b ^ (this.b >>> 9)
		this.b = (this.c + (this.c << 3)) | 0
		this.c = (this.c << 21) | (this.c >>> 11)
		this.c = (this.c + t) | 0
		return (t >>> 0) / 4294967296
	}

	/** Integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1))
	}

	chance(p: number): boolean {
		return this.next() < p
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from an empty list')
		return items[Math.floor(this.next() * items.length)] as T
	}

	/** `n` distinct items in random order (all of them when there are fewer). */
	sample<T>(items: readonly T[], n: number): T[] {
		const out = [...items]
		const k = Math.min(out.length, Math.max(0, n))
		for (let i = 0; i < k; i++) {
			const j = i + Math.floor(this.next() * (out.length - i))
			;[out[i], out[j]] = [out[j] as T, out[i] as T]
		}
		out.length = k
		return out
	}

	shuffle<T>(items: readonly T[]): T[] {
		const out = [...items]
		for (let i = out.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1))
			;[out[i], out[j]] = [out[j] as T, out[i] as T]
		}
		return out
	}

	weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
		const total = entries.reduce((sum, [, w]) => sum + w, 0)
		let r = this.next() * total
		for (const [value, w] of entries) {
			r -= w
			if (r < 0) return value
		}
		return (entries[entries.length - 1] as readonly [T, number])[0]
	}
}

// ─── Text helpers ────────────────────────────────────────────────────────────

const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1)

const groupDigits = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')

/**
 * Fills a template: `{target}`, `{province}`, `{label}` by name; `{a|b|c}` by choice; `{12-40}` by a
 * whole number in range (four-digit years stay as they are, other numbers from 1,000 are rounded
 * and written with dots: "3.200").
 */
function fill(rng: Random, template: string, vars: Record<string, string> = {}): string {
	let out = template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole)
	out = out.replace(/\{([^{}]+)\}/g, (whole, body: string) => {
		if (body.includes('|')) return rng.pick(body.split('|'))
		const range = /^(\d+)-(\d+)$/.exec(body)
		if (!range) return whole
		const lo = Number(range[1])
		const hi = Number(range[2])
		const n = rng.int(lo, hi)
		if (lo >= 1900 && hi <= 2100) return String(n)
		if (hi >= 1000) {
			const step = hi >= 100_000 ? 10_000 : hi >= 10_000 ? 1000 : 100
			return groupDigits(Math.max(lo, Math.round(n / step) * step))
		}
		return String(n)
	})
	return out
}

// ─── Domains ─────────────────────────────────────────────────────────────────

export const DOMAIN_KEYS = [
	'aquaculture',
	'crop-biotech',
	'post-harvest',
	'food-processing',
	'renewable-energy',
	'materials',
	'mechanical',
	'electronics-iot',
	'environment',
	'medicinal',
	'construction-materials',
	'logistics',
	'digital-agriculture',
	'medical-devices',
] as const
export type DomainKey = (typeof DOMAIN_KEYS)[number]

type Tech = {
	/** Lower-case noun phrase; may contain {target}. */
	name: string
	targets: readonly string[]
	/** One clause describing the technology; may contain {target} and ranges. */
	detail: string
	keywords: readonly string[]
}

type Domain = {
	label: string
	/** Level-2 or level-3 codes of Decision 12/2008/QĐ-BKHCN, the first ones most typical. */
	fields: readonly string[]
	/** Codes of provinces where this activity concentrates. */
	provinces: readonly string[]
	/** Typical price or budget in million VND: [low, high] of a listing's lower bound. */
	price: readonly [number, number]
	ip: readonly IpStatusValue[]
	keywords: readonly string[]
	techs: readonly Tech[]
	benefits: readonly string[]
	specs: readonly string[]
	scope: readonly string[]
	// Demands (the needs themselves are in NEEDS)
	facilities: readonly string[]
	current: readonly string[]
	requirements: readonly string[]
}

const DOMAINS: Record<DomainKey, Domain> = {
	aquaculture: {
		label: 'nuôi trồng thủy sản',
		fields: ['40504', '40501', '40503', '40502', '405'],
		provinces: ['96', '91', '92', '82', '86', '56', '22', '42', '40', '51', '52'],
		price: [250, 3500],
		ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'UTILITY_SOLUTION', 'KNOW_HOW', 'KNOW_HOW', 'NONE'],
		keywords: ['thủy sản', 'nuôi trồng thủy sản', 'aquaculture', 'an toàn sinh học', 'VietGAP', 'ASC'],
		techs: [
			{
				name: 'hệ thống nuôi tuần hoàn RAS',
				targets: ['tôm thẻ chân trắng', 'cá chẽm', 'cá mú trân châu', 'lươn đồng', 'cá tầm'],
				detail: 'hệ thống nuôi tuần hoàn khép kín (RAS) gồm bể lắng, lọc cơ học, lọc sinh học giá thể di động và khử trùng UV, nuôi {target} mật độ cao với lượng nước thay dưới {3-8}% mỗi ngày',
				keywords: ['RAS', 'nuôi tuần hoàn', 'lọc sinh học'],
			},
			{
				name: 'chế phẩm vi sinh xử lý đáy ao nuôi {target}',
				targets: ['tôm thẻ chân trắng', 'tôm sú', 'cá tra', 'cá rô phi'],
				detail: 'chế phẩm chứa tổ hợp chủng Bacillus và vi khuẩn quang hợp tuyển chọn từ vùng nuôi ven biển, phân hủy bùn đáy, giảm khí NH3 và H2S trong ao nuôi {target}',
				keywords: ['chế phẩm vi sinh', 'Bacillus', 'xử lý đáy ao', 'probiotic'],
			},
			{
				name: 'thức ăn công nghiệp dạng viên chìm',
				targets: ['cá chim vây vàng', 'cá chẽm', 'tôm hùm bông', 'cá tra giống', 'cá rô phi'],
				detail: 'công thức và quy trình sản xuất thức ăn viên chìm cho {target}, thay thế {20-40}% bột cá bằng đạm thực vật lên men và bột ấu trùng ruồi lính đen',
				keywords: ['thức ăn thủy sản', 'dinh dưỡng thủy sản', 'ruồi lính đen'],
			},
			{
				name: 'bộ kit real-time PCR phát hiện nhanh bệnh trên {target}',
				targets: ['tôm thẻ chân trắng', 'tôm sú', 'tôm càng xanh'],
				detail: 'bộ kit real-time PCR phát hiện đồng thời virus đốm trắng (WSSV), vi bào tử trùng EHP và vi khuẩn gây hoại tử gan tụy cấp (AHPND) trong mẫu {target} giống, trả kết quả trong {60-90} phút',
				keywords: ['PCR', 'chẩn đoán bệnh thủy sản', 'EHP', 'đốm trắng'],
			},
			{
				name: 'quy trình sản xuất giống nhân tạo {target}',
				targets: ['cá chim vây vàng', 'hải sâm cát', 'cá chạch lấu', 'ốc hương', 'cá bống tượng'],
				detail: 'quy trình nuôi vỗ bố mẹ, kích thích sinh sản và ương ấu trùng {target} trong điều kiện nhân tạo, tỷ lệ sống đến giai đoạn con giống đạt {15-35}%',
				keywords: ['sản xuất giống', 'giống thủy sản', 'sinh sản nhân tạo'],
			},
			{
				name: 'hệ thống lồng nuôi HDPE chịu sóng gió',
				targets: ['cá chim vây vàng', 'cá mú', 'cá giò', 'tôm hùm bông'],
				detail: 'lồng tròn ống nhựa HDPE đường kính {15-30} m, neo đa điểm, chịu được sóng gió cấp {9-12}, dùng để nuôi {target} ở vùng biển hở',
				keywords: ['lồng HDPE', 'nuôi biển', 'nuôi biển xa bờ'],
			},
			{
				name: 'hệ thống IoT quan trắc môi trường ao nuôi {target}',
				targets: ['tôm thẻ chân trắng', 'tôm sú', 'cá tra', 'cá lóc'],
				detail: 'trạm cảm biến đo oxy hòa tan, pH, nhiệt độ và độ mặn theo thời gian thực, tự bật quạt nước khi oxy giảm dưới ngưỡng và cảnh báo qua điện thoại cho chủ ao nuôi {target}',
				keywords: ['IoT', 'quan trắc môi trường', 'oxy hòa tan'],
			},
		],
		benefits: [
			'giảm {20-45}% lượng nước thay so với ao đất truyền thống',
			'tỷ lệ sống tăng từ {50-62}% lên {78-92}%',
			'hệ số chuyển đổi thức ăn (FCR) giảm {8-18}%',
			'rút ngắn thời gian nuôi {10-25} ngày mỗi vụ',
			'giảm {30-60}% chi phí thuốc và hóa chất xử lý',
			'không dùng kháng sinh, đáp ứng yêu cầu truy xuất nguồn gốc của thị trường xuất khẩu',
			'năng suất đạt {20-45} tấn/ha/vụ trong điều kiện thử nghiệm',
		],
		specs: [
			'Quy mô thử nghiệm: {500-3000} m² mặt nước, {2-5} vụ liên tiếp',
			'Mật độ thả khuyến cáo: {120-350} con/m²',
			'Thời gian hoàn vốn ước tính: {18-36} tháng',
			'Tiêu chuẩn áp dụng: VietGAP, ASC',
			'Điện năng tiêu thụ giảm {10-25}% nhờ điều khiển quạt nước theo oxy hòa tan',
		],
		scope: [
			'Trang trại nuôi tôm công nghệ cao vùng ven biển',
			'Hợp tác xã chuyển từ ao đất sang ao lót bạt, ao nổi',
			'Doanh nghiệp sản xuất giống thủy sản',
			'Cơ sở nuôi cá lồng trên biển và hồ chứa',
			'Doanh nghiệp sản xuất thức ăn và chế phẩm cho thủy sản',
		],
		facilities: [
			'vùng nuôi tôm công nghệ cao {30-150} ha',
			'trại sản xuất giống công suất {200-800} triệu con giống/năm',
			'{20-60} lồng nuôi cá biển tại vùng vịnh',
			'nhà máy chế biến thủy sản công suất {20-80} tấn nguyên liệu/ngày',
		],
		current: [
			'Ao lót bạt HDPE, quạt nước chạy theo giờ cố định',
			'Đội ngũ kỹ thuật {4-12} người, đã qua đào tạo VietGAP',
			'Đã có điện ba pha và máy phát dự phòng',
			'Nhật ký ao nuôi ghi trên giấy, chưa số hóa',
			'Nước cấp lấy từ kênh chung, độ mặn dao động {5-25}‰',
		],
		requirements: [
			'Giải pháp đã chạy ở quy mô thương mại, có số liệu ít nhất hai vụ nuôi',
			'Vận hành được với đội ngũ kỹ thuật hiện có sau đào tạo ngắn hạn',
			'Chi phí vận hành tăng không quá {5-15}% so với hiện nay',
			'Vật tư, hóa chất đi kèm mua được trong nước',
		],
	},

	'crop-biotech': {
		label: 'công nghệ sinh học cây trồng',
		fields: ['40601', '40602', '40604', '40103', '40106', '406'],
		provinces: ['92', '82', '91', '01', '19', '68', '66', '38', '37', '86'],
		price: [200, 2500],
		ip: ['PLANT_VARIETY', 'PLANT_VARIETY', 'PATENT_GRANTED', 'PATENT_PENDING', 'UTILITY_SOLUTION', 'KNOW_HOW', 'KNOW_HOW'],
		keywords: ['công nghệ sinh học', 'giống cây trồng', 'nông nghiệp bền vững', 'biotech'],
		techs: [
			{
				name: 'giống lúa chịu mặn ngắn ngày',
				targets: ['vùng ven biển Đồng bằng sông Cửu Long', 'vùng đất nhiễm mặn {2-4}‰', 'vụ Hè Thu vùng ven biển'],
				detail: 'giống lúa chọn tạo bằng chỉ thị phân tử (MAS), chịu mặn {3-5}‰ ở giai đoạn mạ, thời gian sinh trưởng {90-105} ngày, năng suất {6-8} tấn/ha, phù hợp {target}',
				keywords: ['giống lúa', 'chịu mặn', 'chỉ thị phân tử', 'MAS'],
			},
			{
				name: 'quy trình nhân giống in vitro {target}',
				targets: ['chuối già Nam Mỹ', 'hoa lan hồ điệp', 'khoai tây sạch bệnh', 'dâu tây', 'mía', 'dứa MD2'],
				detail: 'quy trình nuôi cấy mô {target} từ đỉnh sinh trưởng, hệ số nhân {4-8} lần mỗi chu kỳ, cây con sạch virus, tỷ lệ sống ngoài vườn ươm trên {85-95}%',
				keywords: ['nuôi cấy mô', 'in vitro', 'cây giống sạch bệnh'],
			},
			{
				name: 'chế phẩm vi sinh cố định đạm và phân giải lân',
				targets: ['lúa', 'ngô', 'cà phê', 'hồ tiêu', 'cây có múi', 'mía'],
				detail: 'chế phẩm vi sinh đa chủng (Azotobacter, Bacillus, Trichoderma) dạng bột và dạng lỏng cho {target}, giảm {15-30}% lượng phân đạm hóa học mà vẫn giữ năng suất',
				keywords: ['phân bón vi sinh', 'cố định đạm', 'Trichoderma'],
			},
			{
				name: 'bộ kit LAMP chẩn đoán nhanh bệnh vàng lá gân xanh trên {target}',
				targets: ['cây có múi', 'bưởi da xanh', 'cam sành', 'quýt đường'],
				detail: 'bộ kit LAMP phát hiện vi khuẩn Candidatus Liberibacter asiaticus gây bệnh vàng lá gân xanh trên {target} ngay tại vườn, đọc kết quả bằng mắt thường sau {30-45} phút',
				keywords: ['LAMP', 'chẩn đoán bệnh cây', 'greening'],
			},
			{
				name: 'chế phẩm sinh học phòng trừ tuyến trùng và nấm hại rễ',
				targets: ['hồ tiêu', 'cà phê', 'chuối', 'thanh long', 'sầu riêng'],
				detail: 'chế phẩm chứa nấm đối kháng Trichoderma và Paecilomyces cùng dịch chiết thảo mộc, phòng trừ tuyến trùng và nấm Fusarium gây thối rễ trên {target}',
				keywords: ['thuốc BVTV sinh học', 'tuyến trùng', 'Fusarium'],
			},
			{
				name: 'giống ngô lai chịu hạn',
				targets: ['vùng trung du miền núi phía Bắc', 'Tây Nguyên', 'vùng đồi Thanh Hóa, Nghệ An'],
				detail: 'giống ngô lai đơn chịu hạn, năng suất {8-11} tấn/ha trong điều kiện nước trời, chống đổ tốt, thích hợp canh tác tại {target}',
				keywords: ['ngô lai', 'chịu hạn', 'giống cây trồng'],
			},
		],
		benefits: [
			'năng suất tăng {8-20}% so với giống đối chứng',
			'giảm {20-40}% lượng thuốc bảo vệ thực vật hóa học',
			'tỷ lệ cây sạch bệnh đạt trên {95-99}%',
			'giá thành cây giống thấp hơn {15-35}% so với hàng nhập khẩu',
			'đã được công nhận tiến bộ kỹ thuật năm {2021-2025}',
			'đất tơi xốp hơn, giảm hiện tượng chai cứng sau {2-3} vụ sử dụng',
		],
		specs: [
			'Quy mô khảo nghiệm: {3-12} điểm, {2-4} vụ',
			'Công suất phòng nuôi cấy: {2-9}00.000 cây/năm',
			'Hạn sử dụng chế phẩm: {6-18} tháng ở nhiệt độ thường',
			'Mật độ vi sinh hữu ích: ≥ 10⁸ CFU/g',
			'Thời gian sinh trưởng: {90-120} ngày',
		],
		scope: [
			'Doanh nghiệp và hợp tác xã sản xuất giống cây trồng',
			'Vùng trồng cây ăn quả tập trung có mã số vùng trồng',
			'Doanh nghiệp phân bón, thuốc bảo vệ thực vật sinh học',
			'Trung tâm khuyến nông và trạm giống cấp tỉnh',
		],
		facilities: [
			'vùng nguyên liệu liên kết {300-2000} ha',
			'vườn ươm cây giống công suất {1-5} triệu cây/năm',
			'nhà máy phân bón hữu cơ công suất {10-50} nghìn tấn/năm',
		],
		current: [
			'Liên kết với {200-1500} hộ nông dân theo hợp đồng bao tiêu',
			'Có phòng thí nghiệm vi sinh cơ bản nhưng chưa có dây chuyền lên men',
			'Đội ngũ kỹ sư nông học {3-10} người',
			'Đang áp dụng VietGAP trên khoảng {20-60}% diện tích',
		],
		requirements: [
			'Giống hoặc chế phẩm đã được công nhận, cấp phép lưu hành tại Việt Nam',
			'Có số liệu khảo nghiệm ít nhất hai vụ tại vùng sinh thái tương tự',
			'Chuyển giao quyền sử dụng có thời hạn, ưu tiên độc quyền theo vùng',
			'Hỗ trợ xây dựng quy trình canh tác đi kèm',
		],
	},

	'post-harvest': {
		label: 'bảo quản sau thu hoạch',
		fields: ['40107', '21101', '401'],
		provinces: ['82', '80', '66', '68', '14', '33', '52', '86', '25'],
		price: [200, 4000],
		ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'UTILITY_SOLUTION', 'UTILITY_SOLUTION', 'KNOW_HOW', 'KNOW_HOW', 'NONE'],
		keywords: ['sau thu hoạch', 'bảo quản nông sản', 'post-harvest', 'xuất khẩu nông sản'],
		techs: [
			{
				name: 'công nghệ bảo quản {target} bằng màng bao sinh học',
				targets: ['xoài cát Hòa Lộc', 'thanh long', 'bơ', 'sầu riêng', 'chuối', 'vải thiều'],
				detail: 'màng bao ăn được trên nền chitosan và tinh dầu thực vật, kéo dài thời gian bảo quản {target} lên {20-35} ngày ở {10-13} °C mà vẫn giữ màu sắc và độ chắc',
				keywords: ['màng bao chitosan', 'bảo quản trái cây', 'màng ăn được'],
			},
			{
				name: 'hệ thống sấy bơm nhiệt',
				targets: ['cà phê nhân', 'hồ tiêu', 'mít', 'xoài', 'hạt điều', 'dược liệu'],
				detail: 'máy sấy bơm nhiệt nhiệt độ thấp ({40-55} °C), điều khiển độ ẩm tự động, sấy {target} giữ được màu, mùi và hoạt chất, tiết kiệm {30-50}% điện năng so với sấy điện trở',
				keywords: ['sấy bơm nhiệt', 'tiết kiệm năng lượng', 'sấy nông sản'],
			},
			{
				name: 'kho bảo quản khí quyển kiểm soát (CA)',
				targets: ['khoai tây', 'cà rốt', 'hành tây', 'cam', 'bưởi'],
				detail: 'kho lạnh điều chỉnh nồng độ O2 và CO2 kết hợp khử ethylene, kéo dài thời gian bảo quản {target} lên {3-6} tháng với hao hụt dưới {3-6}%',
				keywords: ['kho CA', 'khí quyển kiểm soát', 'kho lạnh'],
			},
			{
				name: 'dây chuyền sơ chế, phân loại và đóng gói',
				targets: ['rau ăn lá', 'trái cây xuất khẩu', 'thanh long', 'chanh dây'],
				detail: 'dây chuyền rửa ozone, làm ráo, phân loại theo kích cỡ bằng camera và đóng gói {target}, công suất {1-5} tấn/giờ, đáp ứng yêu cầu kiểm dịch thực vật của thị trường khó tính',
				keywords: ['sơ chế', 'phân loại quang học', 'đóng gói'],
			},
			{
				name: 'công nghệ xử lý nước nóng diệt ruồi đục quả trên {target}',
				targets: ['xoài', 'thanh long', 'nhãn', 'vú sữa'],
				detail: 'quy trình xử lý nước nóng ({46-48} °C) kết hợp làm mát nhanh, diệt trứng và ấu trùng ruồi đục quả trên {target}, thay thế xử lý hóa chất trước khi xuất khẩu',
				keywords: ['xử lý nhiệt', 'kiểm dịch thực vật', 'xuất khẩu trái cây'],
			},
		],
		benefits: [
			'giảm tổn thất sau thu hoạch từ {20-30}% xuống dưới {5-9}%',
			'kéo dài thời gian bán hàng thêm {2-4} tuần',
			'tiết kiệm {25-45}% điện năng so với công nghệ đang phổ biến',
			'sản phẩm đạt yêu cầu dư lượng của thị trường EU và Nhật Bản',
			'giá bán tăng {10-25}% nhờ chất lượng đồng đều',
		],
		specs: [
			'Công suất: {2-20} tấn sản phẩm/mẻ',
			'Nhiệt độ vận hành: {2-15} °C, độ ẩm tương đối {85-95}%',
			'Thời gian hoàn vốn: {2-4} năm',
			'Vật liệu tiếp xúc thực phẩm bằng inox 304',
		],
		scope: [
			'Hợp tác xã và doanh nghiệp thu mua, xuất khẩu trái cây',
			'Nhà sơ chế rau quả cho siêu thị và bếp ăn công nghiệp',
			'Doanh nghiệp chế biến cà phê, hồ tiêu, hạt điều',
			'Vùng trồng cây ăn quả có mã số vùng trồng',
		],
		facilities: [
			'cơ sở thu mua và sơ chế {20-80} tấn trái cây/ngày',
			'xưởng sấy công suất {5-30} tấn nguyên liệu/ngày',
			'kho lạnh {500-3000} m²',
		],
		current: [
			'Kho lạnh cũ dùng môi chất R22, tiêu thụ điện lớn',
			'Phân loại và đóng gói thủ công với khoảng {20-60} lao động thời vụ',
			'Đã có mã số vùng trồng và mã số cơ sở đóng gói',
			'Lò sấy tĩnh đốt củi, mỗi mẻ {2-5} tấn',
		],
		requirements: [
			'Công nghệ đã áp dụng cho hàng xuất khẩu, có số liệu hao hụt thực tế',
			'Không dùng hóa chất ngoài danh mục được phép',
			'Thiết bị bảo trì được bằng linh kiện sẵn có trong nước',
			'Lắp đặt xong trước chính vụ thu hoạch tới',
		],
	},

	'food-processing': {
		label: 'chế biến thực phẩm',
		fields: ['21101', '21102', '20901', '211'],
		provinces: ['79', '75', '33', '01', '92', '40', '96', '31', '91'],
		price: [300, 6000],
		ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'UTILITY_SOLUTION', 'KNOW_HOW', 'KNOW_HOW', 'KNOW_HOW', 'NONE'],
		keywords: ['chế biến thực phẩm', 'an toàn thực phẩm', 'food processing', 'HACCP'],
		techs: [
			{
				name: 'công nghệ lên men {target}',
				targets: ['nước mắm ngắn ngày', 'giấm trái cây', 'rượu vang trái cây', 'trà lên men kombucha', 'tương đậu nành'],
				detail: 'quy trình lên men {target} bằng chủng vi sinh tuyển chọn và kiểm soát nhiệt độ, rút ngắn thời gian lên men {30-60}%, chất lượng ổn định giữa các mẻ',
				keywords: ['lên men', 'chủng vi sinh', 'enzyme'],
			},
			{
				name: 'công nghệ trích ly và cô đặc {target}',
				targets: ['nước ép trái cây', 'cà phê hòa tan', 'nước cốt dừa', 'chiết xuất trà xanh'],
				detail: 'hệ thống trích ly nhiệt độ thấp kết hợp cô đặc chân không và lọc màng, sản xuất {target} giữ được hương vị tự nhiên, hiệu suất thu hồi đạt {85-95}%',
				keywords: ['cô đặc chân không', 'lọc màng', 'trích ly'],
			},
			{
				name: 'quy trình sản xuất {target}',
				targets: ['collagen từ da cá tra', 'bột protein từ đầu tôm', 'chất xơ từ bã mía', 'pectin từ vỏ bưởi', 'chitosan từ vỏ tôm'],
				detail: 'quy trình thủy phân bằng enzyme và tinh sạch để sản xuất {target}, nâng giá trị phụ phẩm chế biến lên {5-15} lần',
				keywords: ['phụ phẩm', 'thủy phân enzyme', 'kinh tế tuần hoàn'],
			},
			{
				name: 'dây chuyền tiệt trùng UHT và rót vô trùng',
				targets: ['sữa hạt', 'nước giải khát', 'cháo dinh dưỡng', 'nước dừa'],
				detail: 'dây chuyền tiệt trùng UHT kết hợp rót vô trùng cho {target}, hạn sử dụng {6-12} tháng ở nhiệt độ thường mà không dùng chất bảo quản',
				keywords: ['UHT', 'rót vô trùng', 'bao bì vô trùng'],
			},
			{
				name: 'công nghệ sấy phun sản xuất bột {target}',
				targets: ['gấc', 'chanh dây', 'trà xanh', 'nghệ', 'sữa dừa'],
				detail: 'quy trình sấy phun với chất mang maltodextrin và vi bao, sản xuất bột {target} hòa tan nhanh, độ ẩm dưới {3-5}%, giữ được màu và hoạt chất',
				keywords: ['sấy phun', 'vi bao', 'thực phẩm chức năng'],
			},
		],
		benefits: [
			'hiệu suất thu hồi tăng {10-25}% so với quy trình hiện hành',
			'giảm {20-40}% năng lượng tiêu thụ cho mỗi tấn sản phẩm',
			'sản phẩm đạt chỉ tiêu vi sinh theo QCVN hiện hành',
			'không dùng phụ gia bảo quản tổng hợp',
			'tận dụng phụ phẩm, giảm chi phí xử lý chất thải',
		],
		specs: [
			'Công suất dây chuyền: {500-5000} lít/giờ',
			'Công suất thiết kế: {1-20} tấn nguyên liệu/ngày',
			'Hạn sử dụng sản phẩm: {6-18} tháng',
			'Đáp ứng yêu cầu HACCP và ISO 22000',
		],
		scope: [
			'Doanh nghiệp chế biến thực phẩm vừa và nhỏ',
			'Nhà máy chế biến thủy sản, nông sản có phụ phẩm lớn',
			'Cơ sở sản xuất đặc sản địa phương đạt chuẩn OCOP',
			'Doanh nghiệp đồ uống muốn đa dạng hóa sản phẩm',
		],
		facilities: [
			'nhà máy chế biến công suất {10-60} tấn nguyên liệu/ngày',
			'xưởng sản xuất đồ uống {2-10} triệu lít/năm',
			'cơ sở sản xuất đặc sản với {15-60} lao động',
		],
		current: [
			'Nhà xưởng đạt HACCP, có phòng kiểm nghiệm nội bộ',
			'Thiết bị cô đặc hở, gia nhiệt bằng lò hơi đốt than',
			'Đội ngũ kỹ thuật {3-8} người, có kỹ sư công nghệ thực phẩm',
			'Sản phẩm đã có thương hiệu và hệ thống phân phối trong nước',
		],
		requirements: [
			'Quy trình đã sản xuất thử ở quy mô pilot trở lên',
			'Chuyển giao đầy đủ công thức, thông số công nghệ và hồ sơ công bố sản phẩm',
			'Tận dụng được thiết bị hiện có ở mức tối đa',
			'Đối tác hỗ trợ đăng ký công bố sản phẩm',
		],
	},

	'renewable-energy': {
		label: 'năng lượng tái tạo',
		fields: ['20703', '20313', '20201', '202'],
		provinces: ['52', '66', '56', '68', '44', '80', '75', '42', '51', '92'],
		price: [800, 12000],
		ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'UTILITY_SOLUTION', 'INDUSTRIAL_DESIGN', 'KNOW_HOW', 'NONE'],
		keywords: ['năng lượng tái tạo', 'renewable energy', 'tiết kiệm năng lượng', 'giảm phát thải'],
		techs: [
			{
				name: 'hệ thống điện mặt trời áp mái kết hợp lưu trữ',
				targets: ['nhà xưởng', 'trang trại', 'trường học', 'bệnh viện tuyến huyện'],
				detail: 'hệ thống điện mặt trời áp mái công suất {50-500} kWp kết hợp pin lưu trữ lithium-ion và bộ quản lý năng lượng EMS, ưu tiên tự dùng cho {target}',
				keywords: ['điện mặt trời', 'lưu trữ năng lượng', 'EMS', 'BESS'],
			},
			{
				name: 'lò khí hóa sinh khối dùng {target}',
				targets: ['trấu', 'vỏ cà phê', 'mùn cưa', 'lõi ngô', 'vỏ hạt điều'],
				detail: 'lò khí hóa tầng cố định dùng {target} sinh khí tổng hợp để sấy hoặc phát điện, công suất nhiệt {200-1500} kW, lọc hắc ín nhiều cấp',
				keywords: ['khí hóa sinh khối', 'năng lượng sinh khối', 'syngas'],
			},
			{
				name: 'hầm biogas composite và máy phát điện biogas',
				targets: ['trang trại chăn nuôi lợn', 'trang trại bò sữa', 'lò giết mổ tập trung'],
				detail: 'hầm biogas composite lắp ghép thể tích {50-500} m³ kết hợp lọc H2S và máy phát điện biogas cho {target}, biến chất thải thành năng lượng',
				keywords: ['biogas', 'chất thải chăn nuôi', 'khí sinh học'],
			},
			{
				name: 'tua bin gió trục đứng công suất nhỏ',
				targets: ['đảo xa bờ', 'trạm viễn thông', 'khu nuôi trồng thủy sản ven biển'],
				detail: 'tua bin gió trục đứng {3-20} kW khởi động ở tốc độ gió {2-3} m/s, chịu bão cấp {10-12}, cấp điện độc lập cho {target}',
				keywords: ['điện gió', 'tua bin trục đứng', 'lưới điện độc lập'],
			},
			{
				name: 'bộ nghịch lưu hòa lưới giám sát từ xa',
				targets: ['hệ thống điện mặt trời áp mái', 'trạm bơm nông nghiệp', 'hộ kinh doanh'],
				detail: 'bộ nghịch lưu hòa lưới thiết kế trong nước, hiệu suất {96-98}%, tích hợp giám sát từ xa qua 4G cho {target}',
				keywords: ['inverter', 'nghịch lưu', 'hòa lưới'],
			},
			{
				name: 'hệ thống bơm nước năng lượng mặt trời',
				targets: ['tưới cây ăn quả', 'tưới cà phê', 'cấp nước sinh hoạt vùng cao'],
				detail: 'bơm chìm một chiều kết hợp tấm pin mặt trời và bộ điều khiển MPPT, lưu lượng {5-40} m³/giờ, không cần lưới điện, dùng cho {target}',
				keywords: ['bơm năng lượng mặt trời', 'MPPT', 'tưới tiêu'],
			},
		],
		benefits: [
			'giảm {25-60}% chi phí điện hằng tháng',
			'giảm khoảng {100-900} tấn CO2 phát thải mỗi năm',
			'thời gian hoàn vốn {4-7} năm',
			'vận hành tự động, không cần người trực',
			'tỷ lệ nội địa hóa thiết bị trên {50-80}%',
		],
		specs: [
			'Công suất lắp đặt: {50-1000} kW',
			'Tuổi thọ thiết kế: {15-25} năm',
			'Hiệu suất chuyển đổi: {85-97}%',
			'Kết nối giám sát: 4G/Wi-Fi, dữ liệu lưu trên máy chủ trong nước',
		],
		scope: [
			'Doanh nghiệp sản xuất có phụ tải ban ngày lớn',
			'Trang trại chăn nuôi, chế biến nông sản',
			'Khu vực chưa có lưới điện hoặc lưới điện yếu',
			'Nhà đầu tư dự án năng lượng quy mô vừa',
		],
		facilities: [
			'nhà máy với phụ tải {1-8} MW',
			'trang trại quy mô {2-20} nghìn con lợn',
			'hệ thống điện mặt trời áp mái {200-2000} kWp đã vận hành',
		],
		current: [
			'Trạm biến áp riêng, hợp đồng mua điện ba giá',
			'Lò hơi đốt than công suất {2-10} tấn hơi/giờ',
			'Chưa có hệ thống đo đếm điện năng theo từng khu vực',
			'Mặt bằng mái nhà xưởng khoảng {5000-30000} m²',
		],
		requirements: [
			'Thiết bị có chứng nhận hợp chuẩn, hợp quy',
			'Đối tác có kinh nghiệm triển khai ít nhất {3-10} dự án tương tự',
			'Cam kết hiệu suất vận hành trong hợp đồng',
			'Hỗ trợ thủ tục đấu nối và nghiệm thu với điện lực',
		],
	},

	materials: {
		label: 'vật liệu tiên tiến',
		fields: ['20515', '21001', '20511', '20512', '20508', '205', '210'],
		provinces: ['01', '79', '19', '24', '31', '48', '75'],
		price: [400, 8000],
		ip: ['PATENT_GRANTED', 'PATENT_GRANTED', 'PATENT_PENDING', 'PATENT_PENDING', 'UTILITY_SOLUTION', 'KNOW_HOW'],
		keywords: ['vật liệu mới', 'vật liệu tiên tiến', 'advanced materials', 'nano'],
		techs: [
			{
				name: 'vật liệu điện cực pin natri-ion',
				targets: ['lưu trữ năng lượng tĩnh', 'xe điện hai bánh', 'trạm viễn thông'],
				detail: 'vật liệu cực âm carbon cứng từ vỏ trấu và cực dương oxit lớp, dung lượng riêng {280-330} mAh/g, phù hợp pin cho {target}',
				keywords: ['pin natri-ion', 'vật liệu điện cực', 'carbon cứng'],
			},
			{
				name: 'lớp phủ nano chống bám bẩn',
				targets: ['tấm pin mặt trời', 'kính xây dựng', 'vỏ tàu thuyền'],
				detail: 'lớp phủ nano SiO2-TiO2 siêu kỵ nước, tự làm sạch, dùng cho {target}, độ bền ngoài trời trên {3-5} năm',
				keywords: ['lớp phủ nano', 'siêu kỵ nước', 'tự làm sạch'],
			},
			{
				name: 'vật liệu composite sợi tự nhiên',
				targets: ['tấm ốp nội thất ô tô', 'vỏ thuyền composite', 'pallet chịu lực'],
				detail: 'composite nền nhựa tái chế gia cường sợi đay, sợi dừa hoặc sợi tre đã xử lý bề mặt, dùng sản xuất {target}, nhẹ hơn {15-30}% so với vật liệu truyền thống',
				keywords: ['composite', 'sợi tự nhiên', 'nhựa tái chế'],
			},
			{
				name: 'quy trình sản xuất graphene oxit',
				targets: ['sơn chống ăn mòn', 'màng lọc nước', 'mực in dẫn điện'],
				detail: 'quy trình sản xuất graphene oxit quy mô {1-10} kg/mẻ từ than chì trong nước, dùng làm phụ gia cho {target}',
				keywords: ['graphene', 'vật liệu nano', 'phụ gia'],
			},
			{
				name: 'nhựa sinh học phân hủy từ tinh bột sắn',
				targets: ['túi đựng hàng', 'màng phủ nông nghiệp', 'bao bì thực phẩm'],
				detail: 'hạt nhựa sinh học trên nền tinh bột sắn và PBAT, phân hủy sinh học trong {6-12} tháng ở điều kiện ủ compost, thổi màng được trên máy thông thường để làm {target}',
				keywords: ['nhựa sinh học', 'phân hủy sinh học', 'bao bì xanh'],
			},
			{
				name: 'sơn chống ăn mòn gốc nước',
				targets: ['kết cấu thép ven biển', 'bồn chứa hóa chất', 'cầu cảng'],
				detail: 'hệ sơn epoxy gốc nước pha phụ gia nano kẽm, chịu phun muối trên {1000-3000} giờ, hàm lượng VOC thấp, dùng cho {target}',
				keywords: ['sơn chống ăn mòn', 'sơn gốc nước', 'VOC thấp'],
			},
		],
		benefits: [
			'giá thành thấp hơn {20-45}% so với vật liệu nhập khẩu cùng tính năng',
			'nguyên liệu chính có sẵn trong nước',
			'độ bền tăng {1-3} lần so với vật liệu đang dùng',
			'giảm phát thải và chất thải nguy hại trong quá trình sản xuất',
			'đã thử nghiệm đạt các chỉ tiêu theo tiêu chuẩn ASTM tương ứng',
		],
		specs: [
			'Quy mô pilot: {50-500} kg/ngày',
			'Độ tinh khiết sản phẩm: ≥ {95-99}%',
			'Kích thước hạt: {20-200} nm',
			'Thời gian thử nghiệm lão hóa: {1000-5000} giờ',
		],
		scope: [
			'Doanh nghiệp sản xuất sơn, nhựa, bao bì',
			'Nhà sản xuất pin và thiết bị lưu trữ năng lượng',
			'Doanh nghiệp công nghiệp hỗ trợ ngành ô tô, đóng tàu',
			'Nhà đầu tư muốn góp vốn thương mại hóa vật liệu mới',
		],
		facilities: [
			'nhà máy sản xuất bao bì {5-30} nghìn tấn/năm',
			'xưởng sơn phủ kết cấu thép {10-50} nghìn m²/năm',
			'dây chuyền ép phun {10-40} máy',
		],
		current: [
			'Phòng thí nghiệm có máy đo cơ lý cơ bản',
			'Dây chuyền thổi màng và ép phun đang chạy {60-85}% công suất',
			'Đội ngũ R&D {2-6} người',
		],
		requirements: [
			'Vật liệu đạt tiêu chuẩn quốc tế tương ứng, có kết quả thử nghiệm độc lập',
			'Sản xuất được trên thiết bị hiện có với cải tạo nhỏ',
			'Đối tác cùng hoàn thiện sản phẩm theo đặt hàng (hợp đồng R&D)',
		],
	},

	mechanical: {
		label: 'cơ khí và tự động hóa',
		fields: ['20302', '20305', '20203', '20202', '20301', '20311', '203'],
		provinces: ['31', '24', '01', '19', '79', '75', '38', '48', '33'],
		price: [300, 9000],
		ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'UTILITY_SOLUTION', 'UTILITY_SOLUTION', 'INDUSTRIAL_DESIGN', 'KNOW_HOW', 'NONE'],
		keywords: ['cơ khí chế tạo', 'tự động hóa', 'automation', 'nội địa hóa'],
		techs: [
			{
				name: 'robot hàn tự động',
				targets: ['ống thép đường kính lớn', 'kết cấu thép nhà xưởng', 'vỏ tàu', 'khung xe tải'],
				detail: 'robot hàn {4-6} trục với cảm biến dò đường hàn bằng laser, hàn {target} đạt tiêu chuẩn AWS D1.1, năng suất gấp {2-4} lần hàn thủ công',
				keywords: ['robot hàn', 'hàn tự động', 'robot công nghiệp'],
			},
			{
				name: 'thiết bị cơ giới hóa khâu {target}',
				targets: ['gieo sạ lúa', 'thu hoạch mía', 'bóc vỏ hạt điều', 'sơ chế cà phê tươi', 'thu hoạch lạc'],
				detail: 'thiết bị {target} thiết kế theo điều kiện sản xuất nhỏ và vừa ở Việt Nam, tỷ lệ nội địa hóa trên {60-85}%, giá bằng khoảng {40-60}% máy nhập khẩu cùng tính năng',
				keywords: ['cơ giới hóa nông nghiệp', 'máy nông nghiệp', 'cơ khí nông nghiệp'],
			},
			{
				name: 'dây chuyền phân loại bằng thị giác máy',
				targets: ['linh kiện cơ khí', 'hạt cà phê', 'gạo xuất khẩu', 'hạt điều nhân'],
				detail: 'hệ thống camera công nghiệp và thuật toán học sâu phát hiện lỗi, phân loại {target} với độ chính xác {96-99}%, tích hợp được với băng tải và PLC sẵn có',
				keywords: ['thị giác máy', 'machine vision', 'AI', 'phân loại tự động'],
			},
			{
				name: 'hệ thống giám sát rung động và bảo trì dự đoán',
				targets: ['cần trục cảng', 'máy nghiền', 'quạt công nghiệp', 'bơm ly tâm'],
				detail: 'cảm biến rung không dây và phần mềm phân tích phổ phát hiện sớm hư hỏng ổ bi, lệch trục của {target}, cảnh báo trước {2-6} tuần',
				keywords: ['bảo trì dự đoán', 'predictive maintenance', 'giám sát rung động'],
			},
			{
				name: 'máy CNC {target}',
				targets: ['cắt plasma', 'phay gỗ', 'cắt laser fiber', 'chấn tôn'],
				detail: 'máy CNC {target} khổ làm việc đến {2-6} m, bộ điều khiển và phần mềm CAM có giao diện tiếng Việt, chi phí đầu tư bằng {40-60}% thiết bị nhập khẩu',
				keywords: ['CNC', 'CAD/CAM', 'gia công cơ khí'],
			},
			{
				name: 'hệ thống điều khiển SCADA cho {target}',
				targets: ['trạm bơm thủy lợi', 'nhà máy nước', 'dây chuyền xi măng'],
				detail: 'hệ thống SCADA và PLC điều khiển, giám sát {target} từ trung tâm, lưu trữ dữ liệu vận hành và cảnh báo sự cố qua tin nhắn',
				keywords: ['SCADA', 'PLC', 'điều khiển tự động'],
			},
		],
		benefits: [
			'năng suất tăng {30-150}% so với làm thủ công',
			'giảm {20-50}% nhân công trực tiếp',
			'tỷ lệ sản phẩm lỗi giảm xuống dưới {1-3}%',
			'phụ tùng thay thế sản xuất trong nước, bảo hành tại chỗ',
			'giá đầu tư thấp hơn {30-55}% so với thiết bị nhập khẩu',
		],
		specs: [
			'Công suất động cơ: {5-75} kW',
			'Độ chính xác lặp lại: ±0,0{1-5} mm',
			'Điện áp: 380 V, 3 pha',
			'Bộ điều khiển PLC, màn hình HMI tiếng Việt',
			'Năng suất: {200-2000} sản phẩm/giờ',
		],
		scope: [
			'Doanh nghiệp cơ khí, kết cấu thép, đóng tàu',
			'Nhà máy chế biến nông sản cần cơ giới hóa',
			'Khu công nghiệp, nhà máy có thiết bị quay công suất lớn',
			'Hợp tác xã nông nghiệp, tổ dịch vụ cơ giới',
		],
		facilities: [
			'xưởng cơ khí {3000-20000} m² với {50-300} công nhân',
			'dây chuyền sản xuất {2-6} ca/ngày',
			'nhà máy chế biến với {10-40} động cơ công suất lớn',
		],
		current: [
			'Thiết bị chủ yếu bán tự động, một số máy CNC đã qua sử dụng',
			'Có đội bảo trì {3-10} người',
			'Chưa có hệ thống thu thập dữ liệu sản xuất',
			'Nhà xưởng có cầu trục {5-20} tấn',
		],
		requirements: [
			'Thiết bị tích hợp được với PLC và phần mềm đang dùng',
			'Có dịch vụ bảo trì, phụ tùng trong nước',
			'Đào tạo vận hành và lập trình cho đội ngũ kỹ thuật',
			'Chạy thử và nghiệm thu tại nhà máy theo tiêu chí năng suất',
		],
	},

	'electronics-iot': {
		label: 'điện tử và IoT',
		fields: ['20201', '20204', '20207', '20206', '10201', '202'],
		provinces: ['01', '79', '48', '24', '31', '19', '33'],
		price: [150, 5000],
		ip: ['PATENT_PENDING', 'UTILITY_SOLUTION', 'INDUSTRIAL_DESIGN', 'KNOW_HOW', 'KNOW_HOW', 'NONE'],
		keywords: ['IoT', 'điện tử', 'chuyển đổi số', 'Internet vạn vật'],
		techs: [
			{
				name: 'công tơ điện tử kết nối NB-IoT',
				targets: ['khu công nghiệp', 'tòa nhà văn phòng', 'khu dân cư'],
				detail: 'công tơ điện tử ba pha kết nối NB-IoT, đọc chỉ số từ xa, phát hiện can thiệp trái phép và mất pha cho {target}',
				keywords: ['NB-IoT', 'công tơ thông minh', 'đo lường từ xa'],
			},
			{
				name: 'nền tảng IoT giám sát năng lượng nhà máy',
				targets: ['nhà máy dệt may', 'nhà máy chế biến thực phẩm', 'xưởng cơ khí', 'nhà máy bao bì'],
				detail: 'bộ thu thập dữ liệu và phần mềm đám mây giám sát điện, hơi, khí nén của {target} theo từng dây chuyền, phát hiện lãng phí và lập báo cáo kiểm toán năng lượng',
				keywords: ['IIoT', 'quản lý năng lượng', 'ISO 50001'],
			},
			{
				name: 'mô-đun cảm biến MEMS đo nghiêng và rung',
				targets: ['cảnh báo sạt lở', 'giám sát cầu', 'giám sát nhà cao tầng'],
				detail: 'mô-đun cảm biến MEMS đo nghiêng, gia tốc và rung, pin dùng {2-5} năm, truyền dữ liệu LoRa phục vụ {target}',
				keywords: ['MEMS', 'cảm biến', 'cảnh báo sớm'],
			},
			{
				name: 'thiết bị giám sát hành trình {target}',
				targets: ['tàu cá', 'xe tải', 'container lạnh'],
				detail: 'thiết bị định vị GNSS kết nối vệ tinh và 4G, giám sát hành trình {target}, cảnh báo khi vượt ranh giới hoặc mất tín hiệu quá {10-30} phút',
				keywords: ['GNSS', 'giám sát hành trình', '4G'],
			},
			{
				name: 'bộ điều khiển chiếu sáng thông minh LoRaWAN',
				targets: ['đèn đường đô thị', 'khu công nghiệp', 'khuôn viên trường đại học'],
				detail: 'bộ điều khiển gắn từng đèn, điều chỉnh độ sáng theo lịch và cảm biến, báo hỏng tự động, tiết kiệm {30-60}% điện chiếu sáng cho {target}',
				keywords: ['LoRaWAN', 'chiếu sáng thông minh', 'đô thị thông minh'],
			},
			{
				name: 'gateway công nghiệp kết nối PLC lên đám mây',
				targets: ['dây chuyền đóng gói', 'trạm xử lý nước', 'lò hơi công nghiệp'],
				detail: 'gateway đọc dữ liệu Modbus, OPC UA từ PLC và gửi lên đám mây qua MQTT, có bộ đệm khi mất mạng, áp dụng cho {target}',
				keywords: ['Modbus', 'MQTT', 'OPC UA'],
			},
		],
		benefits: [
			'giảm {10-30}% chi phí vận hành nhờ phát hiện sớm bất thường',
			'thiết kế phần cứng và phần mềm trong nước, làm chủ mã nguồn',
			'lắp đặt không cần dừng sản xuất',
			'dữ liệu lưu tại máy chủ đặt ở Việt Nam',
			'giá thành bằng {40-60}% giải pháp nhập khẩu tương đương',
		],
		specs: [
			'Chuẩn kết nối: {NB-IoT|LoRaWAN|4G LTE|Wi-Fi}, Modbus RTU/TCP',
			'Nguồn cấp: {12|24} VDC, công suất tiêu thụ dưới {2-5} W',
			'Cấp bảo vệ vỏ: IP{65|66|67}',
			'Nhiệt độ làm việc: -10 đến {60-70} °C',
		],
		scope: [
			'Nhà máy sản xuất, khu công nghiệp',
			'Công ty điện lực, cấp nước, quản lý đô thị',
			'Doanh nghiệp vận tải, logistics',
			'Cơ quan quản lý cần dữ liệu quan trắc thời gian thực',
		],
		facilities: [
			'nhà máy {2-5} xưởng sản xuất',
			'mạng lưới {100-800} điểm đo phân tán',
			'đội xe {30-200} chiếc',
		],
		current: [
			'Hệ thống ERP đang dùng, chưa kết nối dữ liệu sản xuất',
			'Mạng Wi-Fi phủ văn phòng, chưa phủ xưởng',
			'Có kỹ sư điện, tự động hóa {2-6} người',
		],
		requirements: [
			'Giao thức mở, dữ liệu xuất được sang hệ thống khác',
			'Thiết bị có chứng nhận hợp quy viễn thông',
			'Bảo mật: mã hóa đường truyền, phân quyền người dùng',
			'Bảo hành tối thiểu {12-36} tháng, hỗ trợ trong {4-24} giờ',
		],
	},

	environment: {
		label: 'môi trường và xử lý nước',
		fields: ['20701', '20801', '20802', '20799', '207', '208'],
		provinces: ['48', '01', '79', '75', '22', '92', '46', '24', '31', '96'],
		price: [300, 7000],
		ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'UTILITY_SOLUTION', 'UTILITY_SOLUTION', 'KNOW_HOW', 'NONE'],
		keywords: ['môi trường', 'xử lý nước thải', 'wastewater', 'kinh tế tuần hoàn'],
		techs: [
			{
				name: 'hệ thống xử lý nước thải {target} bằng công nghệ MBBR',
				targets: ['chế biến thủy sản', 'sơ chế mủ cao su', 'lò giết mổ', 'làng nghề chế biến tinh bột', 'chăn nuôi lợn'],
				detail: 'công nghệ sinh học giá thể di động (MBBR) kết hợp keo tụ và lọc áp lực, xử lý nước thải {target} đạt QCVN cột A, diện tích xây dựng giảm {30-50}% so với bể hiếu khí truyền thống',
				keywords: ['MBBR', 'xử lý nước thải', 'QCVN'],
			},
			{
				name: 'thiết bị lọc nước uống cho vùng nhiễm mặn, nhiễm phèn',
				targets: ['trường học vùng ven biển', 'trạm y tế xã', 'khu dân cư nông thôn'],
				detail: 'thiết bị lọc thẩm thấu ngược (RO) chạy bằng năng lượng mặt trời, công suất {500-5000} lít/giờ, cấp nước uống đạt QCVN cho {target}',
				keywords: ['RO', 'nước sạch', 'nhiễm mặn'],
			},
			{
				name: 'công nghệ ủ compost nhanh {target}',
				targets: ['rác thải sinh hoạt hữu cơ', 'phụ phẩm nông nghiệp', 'bùn thải nhà máy bia', 'phân chuồng'],
				detail: 'quy trình ủ hiếu khí cưỡng bức có bổ sung chế phẩm vi sinh, rút ngắn thời gian ủ {target} còn {18-30} ngày, sản phẩm đạt tiêu chuẩn phân bón hữu cơ',
				keywords: ['compost', 'chất thải hữu cơ', 'phân hữu cơ'],
			},
			{
				name: 'trạm quan trắc chất lượng nước tự động',
				targets: ['sông, hồ chứa', 'kênh thủy lợi', 'nước thải khu công nghiệp', 'vùng nuôi thủy sản'],
				detail: 'trạm quan trắc tự động đo pH, DO, COD, TSS, amoni và độ mặn, truyền dữ liệu liên tục về cơ quan quản lý, áp dụng cho {target}',
				keywords: ['quan trắc tự động', 'chất lượng nước', 'IoT'],
			},
			{
				name: 'hệ thống xử lý khí thải {target}',
				targets: ['lò hơi đốt than', 'lò hơi đốt sinh khối', 'lò đốt chất thải công nghiệp'],
				detail: 'hệ thống lọc bụi túi vải kết hợp tháp hấp thụ ướt, xử lý bụi và SO2 từ {target}, khí thải đạt quy chuẩn kỹ thuật quốc gia hiện hành',
				keywords: ['xử lý khí thải', 'lọc bụi', 'SO2'],
			},
			{
				name: 'chế phẩm vi sinh xử lý {target}',
				targets: ['dầu mỡ trong nước thải nhà hàng', 'mùi hôi bãi rác', 'nước thải dệt nhuộm'],
				detail: 'chế phẩm tổ hợp chủng vi sinh bản địa có khả năng phân hủy {target}, dạng bột dễ bảo quản, liều dùng {2-10} g/m³',
				keywords: ['vi sinh xử lý môi trường', 'bioremediation', 'khử mùi'],
			},
		],
		benefits: [
			'chi phí vận hành giảm {20-45}% so với công nghệ đang dùng',
			'nước sau xử lý đạt quy chuẩn xả thải cột A',
			'giảm {30-60}% lượng bùn thải phát sinh',
			'vận hành đơn giản, tự động hóa phần lớn các khâu',
			'tái sử dụng được {30-70}% nước sau xử lý',
		],
		specs: [
			'Công suất xử lý: {20-2000} m³/ngày đêm',
			'Điện năng tiêu thụ: {1-3} kWh/m³ nước thải',
			'Diện tích lắp đặt: {50-800} m²',
			'Thời gian lắp đặt và chạy thử: {6-16} tuần',
		],
		scope: [
			'Nhà máy chế biến nông sản, thủy sản, thực phẩm',
			'Khu công nghiệp, cụm công nghiệp, làng nghề',
			'Địa phương cần cấp nước sạch nông thôn',
			'Đơn vị quản lý chất thải rắn đô thị',
		],
		facilities: [
			'hệ thống xử lý nước thải công suất {200-3000} m³/ngày đêm',
			'nhà máy phát sinh {5-50} tấn chất thải rắn/ngày',
			'lò hơi {2-15} tấn hơi/giờ',
		],
		current: [
			'Bể hiếu khí truyền thống, sục khí bằng máy thổi khí đời cũ',
			'Có quan trắc định kỳ theo quý, chưa có trạm tự động',
			'Diện tích trống còn khoảng {200-1500} m²',
			'Nhân viên vận hành {1-4} người',
		],
		requirements: [
			'Cải tạo trên nền công trình hiện có, hạn chế dừng sản xuất',
			'Cam kết chất lượng nước đầu ra bằng hợp đồng',
			'Chi phí vận hành minh bạch, tính trên mỗi m³',
			'Hỗ trợ hồ sơ môi trường và nghiệm thu với cơ quan quản lý',
		],
	},

	medicinal: {
		label: 'dược liệu và dược phẩm',
		fields: ['30403', '20403', '40105', '30401', '30404', '304'],
		provinces: ['68', '15', '33', '01', '46', '51', '14', '04', '11', '12', '08'],
		price: [300, 6000],
		ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'PATENT_PENDING', 'UTILITY_SOLUTION', 'PLANT_VARIETY', 'KNOW_HOW', 'KNOW_HOW'],
		keywords: ['dược liệu', 'dược phẩm', 'thực phẩm bảo vệ sức khỏe', 'herbal'],
		techs: [
			{
				name: 'quy trình chiết xuất cao chuẩn hóa {target}',
				targets: ['đinh lăng', 'đương quy', 'atiso', 'nghệ vàng', 'cà gai leo', 'giảo cổ lam', 'diệp hạ châu'],
				detail: 'quy trình chiết xuất và tinh chế cao {target} chuẩn hóa theo hàm lượng hoạt chất chính, đạt yêu cầu nguyên liệu cho nhà máy GMP',
				keywords: ['chiết xuất dược liệu', 'cao chuẩn hóa', 'GMP'],
			},
			{
				name: 'quy trình trồng {target} đạt GACP-WHO',
				targets: ['đương quy', 'ba kích', 'đinh lăng', 'kim tiền thảo', 'actiso', 'xuyên khung'],
				detail: 'quy trình trồng, thu hái và sơ chế {target} theo nguyên tắc GACP-WHO, năng suất dược liệu khô {2-5} tấn/ha, hàm lượng hoạt chất đạt Dược điển Việt Nam',
				keywords: ['GACP-WHO', 'trồng dược liệu', 'Dược điển Việt Nam'],
			},
			{
				name: 'công nghệ bào chế viên nang từ cao {target}',
				targets: ['cà gai leo', 'giảo cổ lam', 'nghệ vàng', 'trinh nữ hoàng cung', 'xạ đen'],
				detail: 'công thức và quy trình bào chế viên nang cứng từ cao {target}, độ ổn định {24-36} tháng, đã đánh giá độc tính cấp và bán trường diễn',
				keywords: ['bào chế', 'viên nang', 'độ ổn định'],
			},
			{
				name: 'công nghệ nano curcumin tan trong nước',
				targets: ['thực phẩm bảo vệ sức khỏe', 'mỹ phẩm', 'thức ăn chăn nuôi'],
				detail: 'quy trình tạo hệ nano curcumin tan trong nước, kích thước hạt {50-150} nm, sinh khả dụng cao hơn {5-20} lần curcumin thô, dùng cho {target}',
				keywords: ['nano curcumin', 'sinh khả dụng', 'nghệ vàng'],
			},
			{
				name: 'quy trình nhân giống in vitro {target}',
				targets: ['sâm Ngọc Linh', 'lan kim tuyến', 'ba kích tím', 'sâm Lai Châu'],
				detail: 'quy trình nhân giống {target} bằng nuôi cấy mô, cây con đồng đều và sạch bệnh, tỷ lệ sống khi ra vườn trên {80-92}%',
				keywords: ['nuôi cấy mô', 'giống dược liệu', 'bảo tồn nguồn gen'],
			},
			{
				name: 'thiết bị chưng cất tinh dầu {target}',
				targets: ['quế', 'hồi', 'tràm', 'sả chanh', 'vỏ bưởi'],
				detail: 'thiết bị chưng cất tinh dầu {target} bằng hơi nước quy mô {200-1000} kg nguyên liệu/mẻ, thu hồi tinh dầu cao hơn {15-30}% so với nồi chưng truyền thống',
				keywords: ['tinh dầu', 'chưng cất', 'hương liệu'],
			},
		],
		benefits: [
			'hàm lượng hoạt chất ổn định giữa các lô, sai lệch dưới {5-10}%',
			'hiệu suất chiết tăng {15-35}% so với phương pháp ngâm truyền thống',
			'dung môi được thu hồi và tái sử dụng trên {85-95}%',
			'nguồn nguyên liệu trong nước, truy xuất được đến vùng trồng',
			'đã có kết quả đánh giá tác dụng trên mô hình thực nghiệm',
		],
		specs: [
			'Quy mô sản xuất thử: {50-500} kg nguyên liệu/mẻ',
			'Dung môi chiết: ethanol {50-90}%',
			'Tiêu chuẩn chất lượng: theo Dược điển Việt Nam V',
			'Độ ẩm cao khô: dưới {5-8}%',
		],
		scope: [
			'Nhà máy sản xuất thuốc từ dược liệu đạt GMP',
			'Doanh nghiệp thực phẩm bảo vệ sức khỏe, mỹ phẩm',
			'Hợp tác xã trồng dược liệu vùng núi phía Bắc và Tây Nguyên',
			'Doanh nghiệp chế biến tinh dầu, hương liệu',
		],
		facilities: [
			'nhà máy GMP với dây chuyền viên nang, viên nén',
			'vùng trồng dược liệu liên kết {50-400} ha',
			'xưởng chiết xuất công suất {1-10} tấn nguyên liệu/ngày',
		],
		current: [
			'Nhà máy đạt GMP-WHO, có phòng kiểm nghiệm với HPLC',
			'Thiết bị chiết ngâm kiệt và cô cách thủy',
			'Đội ngũ dược sĩ {3-12} người',
		],
		requirements: [
			'Quy trình có hồ sơ thẩm định và dữ liệu độ ổn định',
			'Chuyển giao phương pháp kiểm nghiệm đi kèm',
			'Đối tác hỗ trợ hồ sơ đăng ký lưu hành',
			'Ưu tiên chuyển giao độc quyền trong {3-5} năm',
		],
	},

	'construction-materials': {
		label: 'vật liệu xây dựng',
		fields: ['20507', '20102', '20510', '201'],
		provinces: ['38', '37', '31', '22', '75', '25', '80', '40', '51'],
		price: [500, 10000],
		ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'UTILITY_SOLUTION', 'UTILITY_SOLUTION', 'KNOW_HOW', 'NONE'],
		keywords: ['vật liệu xây dựng', 'vật liệu xanh', 'xây dựng bền vững', 'giảm phát thải'],
		techs: [
			{
				name: 'công nghệ sản xuất gạch không nung từ {target}',
				targets: ['tro xỉ nhiệt điện', 'bùn thải nạo vét', 'đá mạt', 'xỉ thép'],
				detail: 'công nghệ ép rung sản xuất gạch không nung cốt liệu {target}, cường độ nén đạt mác M{75|100|150}, độ hút nước dưới {8-12}%',
				keywords: ['gạch không nung', 'tro xỉ', 'tái chế chất thải'],
			},
			{
				name: 'dây chuyền bê tông khí chưng áp AAC',
				targets: ['nhà cao tầng', 'nhà xưởng', 'nhà ở xã hội'],
				detail: 'dây chuyền bê tông khí chưng áp (AAC) sử dụng tro bay thay {30-60}% cát, khối lượng thể tích {500|600|700} kg/m³, phù hợp tường bao che cho {target}',
				keywords: ['bê tông nhẹ', 'AAC', 'tro bay'],
			},
			{
				name: 'phụ gia khoáng hoạt tính cho {target}',
				targets: ['xi măng', 'bê tông đầm lăn', 'bê tông cường độ cao'],
				detail: 'phụ gia khoáng từ tro trấu và xỉ lò cao nghiền mịn, thay thế {15-35}% clinker, giảm phát thải CO2 khi sản xuất {target}',
				keywords: ['phụ gia khoáng', 'xi măng', 'clinker'],
			},
			{
				name: 'tấm cách nhiệt từ sợi tự nhiên',
				targets: ['mái nhà xưởng', 'nhà ở nông thôn', 'kho lạnh'],
				detail: 'tấm cách nhiệt ép từ xơ dừa và sợi tre có chất chống cháy, hệ số dẫn nhiệt 0,0{35-45} W/m·K, dùng cho {target}',
				keywords: ['cách nhiệt', 'vật liệu sinh thái', 'tiết kiệm năng lượng'],
			},
			{
				name: 'bê tông chịu mặn cho công trình ven biển',
				targets: ['kè biển', 'cầu cảng', 'nhà ở ven biển', 'công trình thủy lợi'],
				detail: 'cấp phối bê tông dùng phụ gia silica fume và chất ức chế ăn mòn cốt thép, tuổi thọ thiết kế trên {50-100} năm trong môi trường biển, áp dụng cho {target}',
				keywords: ['bê tông chịu mặn', 'chống ăn mòn', 'công trình biển'],
			},
			{
				name: 'công nghệ in 3D bê tông',
				targets: ['nhà ở xã hội', 'kết cấu cảnh quan', 'nhà tạm phòng chống thiên tai'],
				detail: 'máy in 3D bê tông dạng cổng trục khổ {6-12} m và cấp phối vữa in từ vật liệu trong nước, thi công tường cho {target} nhanh gấp {2-4} lần xây truyền thống',
				keywords: ['in 3D bê tông', '3D printing', 'xây dựng thông minh'],
			},
		],
		benefits: [
			'giá thành thấp hơn {10-25}% so với vật liệu truyền thống',
			'tận dụng {30-70}% nguyên liệu là chất thải công nghiệp',
			'giảm khoảng {15-35}% phát thải CO2 so với sản phẩm cùng loại',
			'sản phẩm đạt tiêu chuẩn TCVN tương ứng',
			'nhẹ hơn, giảm tải trọng kết cấu và chi phí móng',
		],
		specs: [
			'Công suất dây chuyền: {5-50} triệu viên quy tiêu chuẩn/năm',
			'Công suất: {50-300} nghìn m³/năm',
			'Cường độ nén: {3-60} MPa tùy cấp phối',
			'Diện tích nhà xưởng cần có: {2000-15000} m²',
		],
		scope: [
			'Nhà máy vật liệu xây dựng, xi măng, bê tông thương phẩm',
			'Nhà máy nhiệt điện, luyện thép có tro xỉ cần tiêu thụ',
			'Chủ đầu tư công trình ven biển, nhà ở xã hội',
			'Doanh nghiệp xây dựng muốn giảm phát thải',
		],
		facilities: [
			'bãi chứa tro xỉ {200-900} nghìn tấn',
			'nhà máy gạch công suất {20-80} triệu viên/năm',
			'trạm trộn bê tông {60-240} m³/giờ',
		],
		current: [
			'Dây chuyền gạch nung tuynel công suất {20-60} triệu viên/năm',
			'Có phòng thí nghiệm vật liệu hợp chuẩn LAS-XD',
			'Nguồn tro xỉ ổn định từ nhà máy lân cận',
		],
		requirements: [
			'Sản phẩm đạt TCVN và được chấp nhận trong thiết kế công trình',
			'Tận dụng tối đa mặt bằng và thiết bị hiện có',
			'Đối tác hỗ trợ chứng nhận hợp quy sản phẩm',
		],
	},

	logistics: {
		label: 'logistics và chuỗi lạnh',
		fields: ['20104', '20299', '10202', '40107'],
		provinces: ['75', '79', '31', '92', '48', '33', '24', '20', '15', '80'],
		price: [200, 6000],
		ip: ['PATENT_PENDING', 'UTILITY_SOLUTION', 'INDUSTRIAL_DESIGN', 'KNOW_HOW', 'KNOW_HOW', 'NONE', 'NONE'],
		keywords: ['logistics', 'chuỗi cung ứng', 'cold chain', 'chuỗi lạnh'],
		techs: [
			{
				name: 'container lạnh dùng năng lượng mặt trời',
				targets: ['rau quả', 'thủy sản', 'vắc xin thú y', 'hoa cắt cành'],
				detail: 'container lạnh {10|20|40} feet gắn pin mặt trời và khối tích lạnh vật liệu chuyển pha (PCM), giữ {2-8} °C trong {24-72} giờ khi mất điện, dùng để gom {target} tại vùng sản xuất',
				keywords: ['chuỗi lạnh', 'PCM', 'container lạnh'],
			},
			{
				name: 'phần mềm quản lý kho WMS',
				targets: ['kho lạnh', 'trung tâm phân phối', 'kho ngoại quan', 'kho thương mại điện tử'],
				detail: 'hệ thống quản lý kho (WMS) dùng mã vạch và RFID, tối ưu vị trí lưu trữ và tuyến lấy hàng cho {target}, tích hợp được với các ERP phổ biến',
				keywords: ['WMS', 'RFID', 'quản lý kho'],
			},
			{
				name: 'thiết bị ghi nhiệt độ chuỗi lạnh',
				targets: ['xe tải lạnh', 'kho lạnh', 'container xuất khẩu'],
				detail: 'thiết bị ghi nhiệt độ và độ ẩm gửi dữ liệu qua 4G và BLE, cảnh báo tức thời khi vượt ngưỡng, lưu hồ sơ nhiệt độ phục vụ truy xuất cho {target}',
				keywords: ['giám sát nhiệt độ', 'data logger', 'truy xuất nguồn gốc'],
			},
			{
				name: 'phần mềm tối ưu tuyến giao hàng',
				targets: ['phân phối hàng tiêu dùng', 'giao hàng thương mại điện tử', 'thu gom nông sản'],
				detail: 'phần mềm tối ưu lộ trình và xếp tải nhiều điểm, tính đến khung giờ cấm tải ở đô thị, giảm {10-25}% quãng đường chạy rỗng cho {target}',
				keywords: ['tối ưu lộ trình', 'VRP', 'vận tải'],
			},
			{
				name: 'kho lạnh lắp ghép panel PU tiết kiệm năng lượng',
				targets: ['hợp tác xã nông nghiệp', 'chợ đầu mối', 'cảng cá'],
				detail: 'kho lạnh lắp ghép panel PU dày {100|125|150} mm, máy nén biến tần và xả đá thông minh, dung tích {50-500} tấn, lắp đặt trong {3-6} tuần cho {target}',
				keywords: ['kho lạnh', 'panel PU', 'biến tần'],
			},
		],
		benefits: [
			'giảm {15-35}% hao hụt hàng hóa trong vận chuyển',
			'tiết kiệm {20-40}% điện năng cho làm lạnh',
			'giảm {10-25}% chi phí vận tải nhờ tối ưu lộ trình',
			'hồ sơ nhiệt độ đầy đủ đáp ứng yêu cầu nhà nhập khẩu',
			'thời gian xử lý đơn hàng rút ngắn {30-50}%',
		],
		specs: [
			'Dải nhiệt độ: -25 đến {8-15} °C',
			'Dung tích: {20-500} tấn hàng',
			'Kết nối: 4G, BLE, API REST cho hệ thống khác',
			'Thời gian lưu dữ liệu: {12-36} tháng',
		],
		scope: [
			'Doanh nghiệp logistics, vận tải lạnh',
			'Hợp tác xã, doanh nghiệp thu mua nông sản, thủy sản',
			'Chuỗi bán lẻ, thương mại điện tử',
			'Cảng cá, chợ đầu mối, trung tâm phân phối',
		],
		facilities: [
			'đội xe lạnh {20-120} chiếc',
			'kho lạnh {2000-15000} pallet',
			'trung tâm phân phối {5000-30000} m²',
		],
		current: [
			'Phần mềm kế toán và bảng tính để quản lý kho',
			'Xe lạnh có thiết bị giám sát hành trình theo quy định nhưng không đo nhiệt độ',
			'Kho lạnh xây dựng năm {2008-2016}, máy nén đời cũ',
		],
		requirements: [
			'Dữ liệu xem được theo thời gian thực trên web và điện thoại',
			'Tích hợp với phần mềm quản lý đang dùng qua API',
			'Triển khai theo giai đoạn, thử nghiệm trên {5-20} xe trước',
		],
	},

	'digital-agriculture': {
		label: 'nông nghiệp số',
		fields: ['10201', '20704', '40101', '40102', '10202'],
		provinces: ['82', '91', '68', '66', '52', '14', '01', '92', '08', '86'],
		price: [150, 2500],
		ip: ['PATENT_PENDING', 'UTILITY_SOLUTION', 'KNOW_HOW', 'KNOW_HOW', 'NONE', 'NONE'],
		keywords: ['nông nghiệp số', 'nông nghiệp thông minh', 'smart farming', 'chuyển đổi số'],
		techs: [
			{
				name: 'hệ thống tưới thông minh theo độ ẩm đất',
				targets: ['cà phê', 'sầu riêng', 'hồ tiêu', 'rau trong nhà màng', 'thanh long'],
				detail: 'cảm biến độ ẩm đất không dây và bộ điều khiển van tưới tự động theo lịch và dự báo thời tiết, tiết kiệm {25-45}% nước tưới cho {target}',
				keywords: ['tưới thông minh', 'IoT', 'tiết kiệm nước'],
			},
			{
				name: 'ứng dụng AI nhận diện sâu bệnh trên {target}',
				targets: ['lúa', 'sầu riêng', 'cà phê', 'cây có múi'],
				detail: 'ứng dụng di động nhận diện {20-60} loại sâu bệnh trên {target} qua ảnh chụp, độ chính xác trên {85-95}%, kèm khuyến cáo xử lý theo danh mục thuốc được phép',
				keywords: ['AI', 'nhận diện sâu bệnh', 'ứng dụng di động'],
			},
			{
				name: 'bản đồ số {target} từ ảnh viễn thám',
				targets: ['vùng trồng lúa', 'vùng nguyên liệu mía', 'vùng trồng cà phê', 'vùng trồng cây ăn quả'],
				detail: 'quy trình xử lý ảnh vệ tinh Sentinel-2 và ảnh UAV để lập bản đồ {target}, ước tính năng suất và cảnh báo sớm hạn hán',
				keywords: ['viễn thám', 'GIS', 'bản đồ số'],
			},
			{
				name: 'phần mềm nhật ký canh tác điện tử và truy xuất nguồn gốc',
				targets: ['hợp tác xã rau an toàn', 'vùng trồng có mã số', 'chuỗi liên kết lúa gạo'],
				detail: 'ứng dụng ghi nhật ký canh tác trên điện thoại, tự lập hồ sơ VietGAP và tem QR truy xuất theo từng lô cho {target}',
				keywords: ['truy xuất nguồn gốc', 'QR code', 'nhật ký điện tử'],
			},
			{
				name: 'UAV phun thuốc và gieo hạt theo bản đồ số',
				targets: ['lúa', 'mía', 'cây ăn quả', 'ngô'],
				detail: 'máy bay không người lái dung tích {10-40} lít bay theo bản đồ số, giảm {20-30}% lượng thuốc và tránh phơi nhiễm cho người phun trên {target}',
				keywords: ['drone', 'UAV', 'phun thuốc'],
			},
			{
				name: 'mô hình dự báo {target} theo dữ liệu thời tiết',
				targets: ['rầy nâu hại lúa', 'bệnh đạo ôn', 'sâu đục quả sầu riêng'],
				detail: 'mô hình học máy kết hợp dữ liệu trạm khí tượng và bẫy đèn, dự báo nguy cơ {target} trước {7-14} ngày, gửi cảnh báo qua tin nhắn cho nông dân',
				keywords: ['dự báo dịch hại', 'machine learning', 'khí tượng nông nghiệp'],
			},
		],
		benefits: [
			'tiết kiệm {20-40}% nước tưới và phân bón',
			'giảm {15-30}% chi phí thuốc bảo vệ thực vật',
			'nông dân dùng được sau {1-2} buổi hướng dẫn',
			'dữ liệu vùng trồng cập nhật hằng tuần',
			'đáp ứng yêu cầu truy xuất nguồn gốc của thị trường xuất khẩu',
		],
		specs: [
			'Độ phân giải ảnh: {3-10} m (vệ tinh), {2-5} cm (UAV)',
			'Số loại sâu bệnh nhận diện: {20-60}',
			'Pin cảm biến: {1-3} năm',
			'Giao diện tiếng Việt, dùng được khi mạng yếu',
		],
		scope: [
			'Hợp tác xã, doanh nghiệp có vùng nguyên liệu liên kết',
			'Cơ quan chuyên môn nông nghiệp cấp tỉnh, xã',
			'Trang trại cây ăn quả, cà phê, hồ tiêu quy mô vừa',
			'Doanh nghiệp xuất khẩu nông sản cần mã số vùng trồng',
		],
		facilities: [
			'vùng nguyên liệu {200-3000} ha với {300-2000} hộ liên kết',
			'trang trại {30-300} ha cây lâu năm',
			'hợp tác xã {50-400} thành viên',
		],
		current: [
			'Cán bộ kỹ thuật theo dõi vùng trồng bằng sổ tay',
			'Phần lớn hộ liên kết dùng điện thoại thông minh',
			'Đã có mã số vùng trồng cho khoảng {20-70}% diện tích',
		],
		requirements: [
			'Ứng dụng đơn giản, tiếng Việt, dùng được khi mạng yếu',
			'Dữ liệu thuộc quyền sở hữu của doanh nghiệp',
			'Kết nối được với hệ thống truy xuất của cơ quan quản lý',
		],
	},

	'medical-devices': {
		label: 'thiết bị y tế',
		fields: ['20601', '20605', '30504', '30212', '206'],
		provinces: ['01', '79', '46', '48', '92', '19'],
		price: [500, 15000],
		ip: ['PATENT_GRANTED', 'PATENT_PENDING', 'PATENT_PENDING', 'UTILITY_SOLUTION', 'INDUSTRIAL_DESIGN', 'KNOW_HOW'],
		keywords: ['thiết bị y tế', 'medical device', 'y tế cơ sở', 'chẩn đoán'],
		techs: [
			{
				name: 'máy theo dõi bệnh nhân đa thông số',
				targets: ['trạm y tế xã', 'bệnh viện tuyến huyện', 'phòng khám đa khoa'],
				detail: 'monitor đo điện tim, SpO2, huyết áp không xâm lấn và nhiệt độ, truyền dữ liệu về trạm trung tâm, giá thành bằng khoảng {30-50}% sản phẩm nhập khẩu, phù hợp {target}',
				keywords: ['monitor bệnh nhân', 'SpO2', 'điện tim'],
			},
			{
				name: 'phần mềm AI hỗ trợ đọc ảnh X-quang ngực',
				targets: ['bệnh viện tuyến tỉnh', 'trung tâm y tế huyện', 'chương trình sàng lọc lao'],
				detail: 'phần mềm học sâu phát hiện {10-20} dấu hiệu bất thường trên ảnh X-quang ngực, hỗ trợ bác sĩ sàng lọc lao và viêm phổi tại {target}',
				keywords: ['AI', 'chẩn đoán hình ảnh', 'X-quang'],
			},
			{
				name: 'vật liệu ghép xương hydroxyapatite',
				targets: ['chấn thương chỉnh hình', 'nha khoa', 'phẫu thuật hàm mặt'],
				detail: 'vật liệu hydroxyapatite xốp tổng hợp từ vỏ sò, điều chỉnh được kích thước lỗ xốp {100-500} µm, dùng làm vật liệu ghép xương trong {target}',
				keywords: ['hydroxyapatite', 'vật liệu sinh học', 'ghép xương'],
			},
			{
				name: 'bộ kit xét nghiệm nhanh {target}',
				targets: ['sốt xuất huyết NS1', 'viêm gan B', 'tay chân miệng', 'cúm A/B'],
				detail: 'bộ kit sắc ký miễn dịch phát hiện nhanh {target} từ máu toàn phần hoặc dịch ngoáy, cho kết quả trong {10-20} phút, độ nhạy trên {92-98}%',
				keywords: ['test nhanh', 'sắc ký miễn dịch', 'xét nghiệm tại chỗ'],
			},
			{
				name: 'máy thở không xâm nhập CPAP/BiPAP',
				targets: ['khoa hồi sức', 'điều trị tại nhà', 'bệnh viện dã chiến'],
				detail: 'máy thở không xâm nhập điều khiển áp lực, có chế độ CPAP và BiPAP, linh kiện chính sản xuất trong nước, phù hợp {target}',
				keywords: ['máy thở', 'CPAP', 'hồi sức'],
			},
			{
				name: 'thiết bị tiệt khuẩn plasma nhiệt độ thấp',
				targets: ['phòng mổ', 'khoa kiểm soát nhiễm khuẩn', 'phòng khám nha khoa'],
				detail: 'thiết bị tiệt khuẩn bằng plasma hydrogen peroxide ở {45-55} °C cho dụng cụ không chịu nhiệt, chu trình {30-60} phút, dùng cho {target}',
				keywords: ['tiệt khuẩn', 'plasma', 'kiểm soát nhiễm khuẩn'],
			},
		],
		benefits: [
			'giá thành bằng {30-60}% thiết bị nhập khẩu cùng tính năng',
			'bảo trì, sửa chữa trong nước, thời gian phản hồi dưới {24-72} giờ',
			'đã thử nghiệm lâm sàng hoặc đánh giá tại {2-6} bệnh viện',
			'giao diện tiếng Việt, đào tạo sử dụng nhanh',
			'đáp ứng yêu cầu phân loại trang thiết bị y tế hiện hành',
		],
		specs: [
			'Phân loại trang thiết bị y tế: loại {B|C}',
			'Tiêu chuẩn áp dụng: ISO 13485, IEC 60601',
			'Nguồn điện: 220 V, pin dự phòng {2-6} giờ',
			'Độ nhạy {90-98}%, độ đặc hiệu {92-99}% trên bộ dữ liệu đánh giá',
		],
		scope: [
			'Bệnh viện tuyến tỉnh, tuyến huyện và trạm y tế xã',
			'Doanh nghiệp sản xuất, phân phối trang thiết bị y tế',
			'Phòng khám tư nhân, phòng khám nha khoa',
			'Chương trình y tế dự phòng, sàng lọc cộng đồng',
		],
		facilities: [
			'nhà máy sản xuất trang thiết bị y tế đạt ISO 13485',
			'hệ thống {5-40} phòng khám',
			'mạng lưới phân phối tới {100-600} cơ sở y tế',
		],
		current: [
			'Nhà xưởng đạt ISO 13485, có phòng sạch cấp {7|8}',
			'Đội ngũ kỹ sư y sinh {3-10} người',
			'Hệ thống PACS đã triển khai tại {2-8} cơ sở',
		],
		requirements: [
			'Công nghệ đủ hồ sơ để đăng ký lưu hành trang thiết bị y tế',
			'Có dữ liệu đánh giá lâm sàng hoặc hiệu năng',
			'Chuyển giao quy trình sản xuất và kiểm soát chất lượng',
		],
	},
}

// ─── Demand needs ────────────────────────────────────────────────────────────

/** What an enterprise asks for, the problem behind it and the outcomes it expects; {ranges} filled per listing. */
type Need = { need: string; problem: string; outcomes: readonly string[] }

const NEEDS: Record<DomainKey, readonly Need[]> = {
	aquaculture: [
		{
			need: 'giải pháp xử lý nước thải và bùn đáy ao nuôi tôm',
			problem: 'Bùn đáy và nước thải sau mỗi vụ chưa được xử lý, địa phương đã nhắc nhở vì ảnh hưởng đến kênh cấp nước chung.',
			outcomes: ['Nước thải ao nuôi được xử lý trước khi xả ra kênh', 'Bùn đáy được thu gom, tái sử dụng làm phân bón hoặc chôn lấp đúng quy định'],
		},
		{
			need: 'hệ thống quan trắc tự động cho {40-200} ao nuôi',
			problem: 'Việc đo oxy, pH vẫn làm thủ công hai lần mỗi ngày nên không phát hiện kịp sự cố ban đêm; vụ trước mất {2-6} ao vì thiếu oxy.',
			outcomes: ['Oxy, pH, nhiệt độ của từng ao được đo liên tục và cảnh báo qua điện thoại', 'Quạt nước tự bật khi oxy hòa tan xuống dưới ngưỡng cài đặt'],
		},
		{
			need: 'quy trình nuôi tôm ít thay nước, không kháng sinh',
			problem: 'Dịch bệnh đốm trắng và hoại tử gan tụy khiến tỷ lệ vụ nuôi thành công chỉ khoảng {45-65}%, trong khi khách hàng nhập khẩu yêu cầu không dùng kháng sinh.',
			outcomes: ['Tỷ lệ vụ nuôi thành công đạt trên {75-90}%', 'Giảm ít nhất {20-40}% lượng nước thay', 'Sản phẩm đạt chứng nhận ASC hoặc tương đương'],
		},
		{
			need: 'công nghệ sản xuất thức ăn cho cá biển giai đoạn giống',
			problem: 'Thức ăn nhập khẩu cho giai đoạn giống có giá cao, thường xuyên thiếu hàng và chiếm khoảng {35-50}% chi phí ương.',
			outcomes: ['Tự sản xuất được thức ăn giống với giá thấp hơn ít nhất {15-30}%', 'Tỷ lệ sống giai đoạn ương không thấp hơn khi dùng thức ăn nhập khẩu'],
		},
		{
			need: 'bộ xét nghiệm nhanh bệnh tôm tại trại',
			problem: 'Mẫu tôm giống phải gửi lên phòng xét nghiệm ở tỉnh, chờ {1-3} ngày mới có kết quả nên thường thả giống trước khi biết kết quả.',
			outcomes: ['Kết quả xét nghiệm WSSV, EHP, AHPND có ngay tại trại trong vòng hai giờ', 'Kỹ thuật viên của trại tự thực hiện được sau đào tạo'],
		},
	],
	'crop-biotech': [
		{
			need: 'giống cây trồng chịu hạn, chịu mặn cho vùng nguyên liệu',
			problem: 'Năng suất vùng nguyên liệu giảm {10-25}% trong hai vụ gần đây do hạn mặn kéo dài.',
			outcomes: ['Năng suất vùng nguyên liệu phục hồi và tăng tối thiểu {10-20}%', 'Giống được công nhận lưu hành tại vùng sinh thái của doanh nghiệp'],
		},
		{
			need: 'quy trình nuôi cấy mô quy mô công nghiệp',
			problem: 'Cây giống mua từ nhiều nguồn, tỷ lệ nhiễm bệnh cao và không đồng đều giữa các lô.',
			outcomes: ['Tự sản xuất được cây giống sạch bệnh với giá thành thấp hơn hiện nay', 'Phòng nuôi cấy đạt công suất {3-9}00.000 cây/năm'],
		},
		{
			need: 'chế phẩm vi sinh thay thế một phần phân bón hóa học',
			problem: 'Chi phí phân bón hóa học tăng mạnh, đất bị chai cứng và giảm độ phì sau nhiều năm thâm canh.',
			outcomes: ['Giảm ít nhất {20-30}% lượng phân bón hóa học mà không giảm năng suất', 'Chế phẩm sản xuất được tại nhà máy phân bón hữu cơ của doanh nghiệp'],
		},
		{
			need: 'giải pháp phòng trừ bệnh vàng lá trên vườn cây có múi',
			problem: 'Bệnh vàng lá gân xanh lan nhanh, nông dân liên kết phải nhổ bỏ khoảng {5-15}% diện tích mỗi năm.',
			outcomes: ['Phát hiện sớm cây bệnh ngay tại vườn', 'Tỷ lệ cây bệnh mới giảm ít nhất {40-60}% sau hai năm'],
		},
		{
			need: 'chế phẩm sinh học phòng trừ bệnh hại rễ trên cây lâu năm',
			problem: 'Bệnh thối rễ do nấm và tuyến trùng làm chết khoảng {3-10}% số cây mỗi năm; thuốc hóa học không còn hiệu quả và bị hạn chế dư lượng.',
			outcomes: ['Tỷ lệ cây chết do bệnh rễ giảm xuống dưới {1-2}%', 'Không phát hiện dư lượng thuốc hóa học trong sản phẩm xuất khẩu'],
		},
	],
	'post-harvest': [
		{
			need: 'công nghệ bảo quản trái cây tươi cho xuất khẩu đường biển',
			problem: 'Thời gian vận chuyển đường biển {25-40} ngày vượt quá khả năng bảo quản bằng kho lạnh thông thường nên phải xuất bằng đường hàng không, chi phí cao.',
			outcomes: ['Trái cây giữ chất lượng thương phẩm sau {30-45} ngày vận chuyển', 'Chi phí logistics mỗi tấn giảm ít nhất {30-50}%'],
		},
		{
			need: 'hệ thống sấy tiết kiệm năng lượng cho nông sản',
			problem: 'Lò sấy đốt củi cho sản phẩm không đồng đều và bị khách hàng phản ánh về mùi khói.',
			outcomes: ['Sản phẩm sấy đồng đều, không nhiễm mùi khói', 'Chi phí năng lượng cho mỗi tấn sản phẩm giảm {20-40}%'],
		},
		{
			need: 'kho lạnh bảo quản rau củ quy mô {200-1000} tấn',
			problem: 'Vào chính vụ giá giảm mạnh nhưng doanh nghiệp không có kho để trữ hàng, hao hụt khoảng {15-30}%.',
			outcomes: ['Bảo quản rau củ được {2-4} tháng với hao hụt dưới {3-6}%', 'Chủ động điều tiết lượng hàng bán ra theo giá thị trường'],
		},
		{
			need: 'dây chuyền sơ chế, đóng gói đạt chuẩn xuất khẩu',
			problem: 'Phân loại và đóng gói thủ công không đồng đều, đã có lô hàng bị nhà nhập khẩu trả về vì sai quy cách.',
			outcomes: ['Sản phẩm phân loại đồng đều theo kích cỡ và ngoại quan', 'Năng suất sơ chế tăng gấp {2-3} lần với số lao động hiện có'],
		},
		{
			need: 'giải pháp xử lý kiểm dịch thay thế hóa chất cho trái cây',
			problem: 'Đã có lô hàng bị cảnh báo vì dư lượng hóa chất xử lý sau thu hoạch.',
			outcomes: ['Đáp ứng yêu cầu kiểm dịch thực vật mà không dùng hóa chất', 'Không còn lô hàng bị cảnh báo dư lượng'],
		},
	],
	'food-processing': [
		{
			need: 'công nghệ tận dụng phụ phẩm chế biến thủy sản',
			problem: 'Phụ phẩm chiếm khoảng {30-50}% khối lượng nguyên liệu và hiện chỉ bán làm thức ăn chăn nuôi giá thấp.',
			outcomes: ['Ra mắt ít nhất {1-3} dòng sản phẩm giá trị gia tăng từ phụ phẩm', 'Doanh thu từ phụ phẩm tăng ít nhất {3-5} lần'],
		},
		{
			need: 'quy trình kéo dài hạn sử dụng cho sản phẩm OCOP',
			problem: 'Sản phẩm chỉ bảo quản được {5-15} ngày nên khó đưa vào chuỗi siêu thị và sàn thương mại điện tử.',
			outcomes: ['Hạn sử dụng đạt tối thiểu {6-12} tháng mà không dùng chất bảo quản tổng hợp', 'Giữ được hương vị đặc trưng của sản phẩm'],
		},
		{
			need: 'dây chuyền sản xuất bột trái cây sấy phun',
			problem: 'Trái cây dạt, trái không đạt chuẩn xuất khẩu chiếm {15-25}% sản lượng thu mua và đang bị bán rẻ.',
			outcomes: ['Sản xuất được bột trái cây hòa tan giữ màu và mùi tự nhiên', 'Tận dụng toàn bộ trái không đạt chuẩn xuất khẩu'],
		},
		{
			need: 'công nghệ lên men rút ngắn thời gian sản xuất',
			problem: 'Quy trình lên men truyền thống kéo dài {6-12} tháng, chiếm nhiều diện tích và chất lượng không ổn định giữa các mẻ.',
			outcomes: ['Thời gian lên men rút ngắn ít nhất {30-50}%', 'Chất lượng ổn định, đạt chỉ tiêu an toàn thực phẩm ở mọi mẻ'],
		},
		{
			need: 'giải pháp giảm đường cho đồ uống trái cây',
			problem: 'Các chuỗi bán lẻ và khách hàng ngày càng đòi hỏi đồ uống ít đường, trong khi sản phẩm hiện tại có hàm lượng đường {8-12}%.',
			outcomes: ['Giảm ít nhất {30-50}% lượng đường mà vẫn giữ vị ngon', 'Giá thành tăng không quá {5-10}%'],
		},
	],
	'renewable-energy': [
		{
			need: 'giải pháp lưu trữ năng lượng cho hệ thống điện mặt trời hiện có',
			problem: 'Điện mặt trời áp mái bị giới hạn phát lên lưới nên phần lớn sản lượng buổi trưa bị lãng phí.',
			outcomes: ['Tận dụng được ít nhất {80-95}% sản lượng điện mặt trời', 'Giảm chi phí mua điện giờ cao điểm'],
		},
		{
			need: 'công nghệ phát điện từ phụ phẩm sinh khối',
			problem: 'Phụ phẩm {20-150} tấn mỗi ngày hiện phải thuê xử lý, vừa tốn chi phí vừa gây mùi.',
			outcomes: ['Phụ phẩm được dùng làm nhiên liệu thay cho than', 'Giảm ít nhất {15-30}% chi phí năng lượng hằng năm'],
		},
		{
			need: 'hệ thống quản lý năng lượng cho nhà máy',
			problem: 'Chi phí điện chiếm khoảng {8-20}% giá thành sản phẩm nhưng chưa có số liệu tiêu thụ theo từng khu vực.',
			outcomes: ['Có số liệu điện năng theo thời gian thực cho từng dây chuyền', 'Giảm ít nhất {8-15}% điện năng tiêu thụ sau một năm'],
		},
		{
			need: 'công nghệ xử lý chất thải chăn nuôi thành năng lượng',
			problem: 'Chất thải chăn nuôi gây mùi, khu dân cư phản ánh và cơ quan môi trường đã kiểm tra.',
			outcomes: ['Chất thải được xử lý, không còn phản ánh về mùi', 'Điện từ biogas đáp ứng ít nhất {30-60}% nhu cầu của trang trại'],
		},
		{
			need: 'giải pháp giảm phát thải và báo cáo khí nhà kính',
			problem: 'Khách hàng quốc tế yêu cầu báo cáo phát thải khí nhà kính và lộ trình giảm phát thải từ năm tới.',
			outcomes: ['Có số liệu phát thải để báo cáo khách hàng và kiểm kê khí nhà kính', 'Giảm ít nhất {10-25}% phát thải trong {2-3} năm'],
		},
	],
	materials: [
		{
			need: 'vật liệu thay thế nhựa nguồn gốc dầu mỏ cho bao bì',
			problem: 'Khách hàng xuất khẩu đòi hỏi bao bì phân hủy sinh học hoặc tái chế được từ năm tới.',
			outcomes: ['Bao bì mới đạt yêu cầu phân hủy sinh học của thị trường đích', 'Chạy được trên dây chuyền thổi màng hiện có'],
		},
		{
			need: 'lớp phủ chống ăn mòn cho kết cấu thép',
			problem: 'Kết cấu thép bị ăn mòn nhanh, phải sơn lại sau {2-4} năm.',
			outcomes: ['Chu kỳ bảo dưỡng kéo dài lên ít nhất {8-12} năm', 'Lớp phủ thi công được bằng thiết bị phun hiện có'],
		},
		{
			need: 'vật liệu composite nhẹ cho sản phẩm xuất khẩu',
			problem: 'Sản phẩm nặng làm tăng chi phí vận chuyển và không đạt yêu cầu tiết kiệm năng lượng của khách hàng.',
			outcomes: ['Khối lượng sản phẩm giảm ít nhất {15-30}%', 'Độ bền cơ học đạt yêu cầu của khách hàng'],
		},
		{
			need: 'công nghệ tái chế nhựa thành vật liệu kỹ thuật',
			problem: 'Nhựa phế liệu trong sản xuất khoảng {50-300} tấn mỗi năm đang bán rẻ cho cơ sở thu gom.',
			outcomes: ['Tái sử dụng ít nhất {50-80}% nhựa phế liệu', 'Vật liệu tái chế đạt chỉ tiêu cơ lý cho sản phẩm kỹ thuật'],
		},
	],
	mechanical: [
		{
			need: 'robot hàn cho dây chuyền kết cấu thép',
			problem: 'Thiếu thợ hàn tay nghề cao, chất lượng mối hàn không đồng đều và tỷ lệ phải sửa lại khoảng {5-12}%.',
			outcomes: ['Năng suất khâu hàn tăng ít nhất {30-60}%', 'Tỷ lệ mối hàn phải sửa lại giảm xuống dưới {1-3}%'],
		},
		{
			need: 'hệ thống kiểm tra chất lượng tự động bằng camera',
			problem: 'Kiểm tra chất lượng bằng mắt thường, bỏ sót lỗi và bị khách hàng khiếu nại.',
			outcomes: ['Phát hiện được ít nhất {95-99}% sản phẩm lỗi', 'Lưu ảnh từng sản phẩm để truy vết khi có khiếu nại'],
		},
		{
			need: 'giải pháp tự động hóa khâu đóng gói cuối dây chuyền',
			problem: 'Chi phí nhân công tăng {8-15}% mỗi năm trong khi khâu đóng gói vẫn cần {10-30} lao động mỗi ca.',
			outcomes: ['Giảm ít nhất {50-70}% lao động ở khâu đóng gói', 'Tốc độ đóng gói theo kịp dây chuyền chính'],
		},
		{
			need: 'thiết bị cơ giới hóa thu hoạch phù hợp ruộng nhỏ',
			problem: 'Thiếu lao động thời vụ, chi phí thu hoạch thủ công tăng và thường trễ thời vụ.',
			outcomes: ['Cơ giới hóa được ít nhất {60-80}% diện tích thu hoạch', 'Máy vận hành được trên ruộng nhỏ, bờ thửa hẹp'],
		},
		{
			need: 'hệ thống bảo trì dự đoán cho thiết bị quay',
			problem: 'Dừng máy đột xuất {3-10} lần mỗi năm, mỗi lần thiệt hại hàng trăm triệu đồng.',
			outcomes: ['Giảm thời gian dừng máy đột xuất ít nhất {50-70}%', 'Kế hoạch bảo trì lập theo tình trạng thiết bị thay vì theo lịch'],
		},
	],
	'electronics-iot': [
		{
			need: 'hệ thống giám sát năng lượng theo thời gian thực',
			problem: 'Số liệu điện, hơi, khí nén ghi tay cuối ca, không phát hiện kịp lãng phí và không đủ dữ liệu cho kiểm toán năng lượng bắt buộc.',
			outcomes: ['Dữ liệu năng lượng cập nhật theo thời gian thực trên bảng điều khiển', 'Giảm ít nhất {10-20}% chi phí năng lượng'],
		},
		{
			need: 'thiết bị IoT đo lường cho {50-500} điểm đo phân tán',
			problem: 'Nhân viên phải đi đọc số liệu tại từng điểm đo, mỗi vòng mất {2-5} ngày và thường sai sót.',
			outcomes: ['Toàn bộ điểm đo gửi số liệu tự động mỗi {5-15} phút', 'Cảnh báo ngay khi số liệu bất thường hoặc mất kết nối'],
		},
		{
			need: 'giải pháp kết nối máy móc cũ vào hệ thống quản lý sản xuất',
			problem: 'Máy móc của nhiều hãng, nhiều đời khác nhau, không có giao thức chung nên chưa đo được hiệu suất thiết bị (OEE).',
			outcomes: ['Thu thập được dữ liệu của ít nhất {80-95}% số máy', 'Báo cáo OEE tự động theo ca, ngày, tháng'],
		},
		{
			need: 'dịch vụ thiết kế và sản xuất bo mạch điều khiển theo đặt hàng',
			problem: 'Bo mạch điều khiển đang nhập khẩu, giá cao, thời gian giao hàng {8-16} tuần và khó tùy biến theo sản phẩm.',
			outcomes: ['Bo mạch thiết kế riêng, sản xuất được trong nước', 'Giá thành giảm ít nhất {20-40}% so với hàng nhập khẩu'],
		},
	],
	environment: [
		{
			need: 'giải pháp nâng cấp hệ thống xử lý nước thải đạt cột A',
			problem: 'Hệ thống xử lý hiện tại quá tải khoảng {20-50}% sau khi mở rộng sản xuất, có lúc vượt chỉ tiêu amoni và tổng nitơ.',
			outcomes: ['Nước thải đầu ra ổn định đạt cột A', 'Công suất xử lý tăng ít nhất {30-60}% trên mặt bằng hiện có'],
		},
		{
			need: 'công nghệ xử lý bùn thải và chất thải rắn hữu cơ',
			problem: 'Chi phí thuê xử lý bùn thải và chất thải rắn tăng {15-40}% mỗi năm.',
			outcomes: ['Giảm ít nhất {30-50}% khối lượng chất thải phải thuê xử lý', 'Sản phẩm sau xử lý dùng được làm phân bón hữu cơ'],
		},
		{
			need: 'giải pháp tái sử dụng nước thải sau xử lý',
			problem: 'Nguồn nước cấp ngày càng thiếu vào mùa khô, giá nước sạch cho sản xuất tăng liên tục.',
			outcomes: ['Tái sử dụng ít nhất {30-60}% nước thải sau xử lý cho vệ sinh, làm mát', 'Giảm tương ứng lượng nước cấp phải mua'],
		},
		{
			need: 'hệ thống quan trắc nước thải tự động, liên tục',
			problem: 'Doanh nghiệp thuộc diện phải quan trắc tự động, liên tục và truyền số liệu về cơ quan quản lý nhưng chưa có trạm.',
			outcomes: ['Trạm quan trắc đạt yêu cầu kỹ thuật và kết nối với cơ quan quản lý', 'Cảnh báo sớm khi chỉ tiêu đầu ra có xu hướng vượt ngưỡng'],
		},
		{
			need: 'công nghệ khử mùi cho khu xử lý chất thải',
			problem: 'Khu dân cư lân cận phản ánh về mùi hôi vào mùa nắng nóng.',
			outcomes: ['Không còn phản ánh về mùi từ khu dân cư', 'Nồng độ H2S và NH3 tại ranh giới nhà máy đạt quy chuẩn'],
		},
	],
	medicinal: [
		{
			need: 'quy trình chiết xuất cao dược liệu chuẩn hóa hoạt chất',
			problem: 'Hàm lượng hoạt chất của nguyên liệu thu mua dao động lớn, thành phẩm khó đạt tiêu chuẩn đã đăng ký.',
			outcomes: ['Cao dược liệu đạt hàm lượng hoạt chất đồng đều giữa các lô', 'Có phương pháp kiểm nghiệm định lượng hoạt chất đi kèm'],
		},
		{
			need: 'công nghệ bào chế dạng thuốc mới (viên sủi, viên ngậm, gel) từ dược liệu',
			problem: 'Sản phẩm hiện có dạng bào chế truyền thống, khó cạnh tranh với hàng nhập khẩu.',
			outcomes: ['Sản phẩm mới đạt tiêu chuẩn cơ sở và được cấp phép lưu hành', 'Độ ổn định tối thiểu {24-36} tháng'],
		},
		{
			need: 'vùng nguyên liệu dược liệu đạt GACP-WHO',
			problem: 'Phần lớn nguyên liệu phải nhập khẩu hoặc thu mua trôi nổi, giá biến động mạnh và khó truy xuất.',
			outcomes: ['Vùng trồng đạt GACP-WHO trong {2-3} năm', 'Giảm ít nhất {20-40}% nguyên liệu nhập khẩu'],
		},
		{
			need: 'công nghệ nâng sinh khả dụng của hoạt chất',
			problem: 'Hoạt chất chính khó tan, sinh khả dụng thấp nên liều dùng lớn, khách hàng phản hồi về hiệu quả.',
			outcomes: ['Sinh khả dụng tăng ít nhất {3-10} lần so với dạng hiện tại', 'Giảm liều dùng hằng ngày'],
		},
		{
			need: 'quy trình kiểm nghiệm và tiêu chuẩn cơ sở cho sản phẩm dược liệu',
			problem: 'Hồ sơ đăng ký sản phẩm bị yêu cầu bổ sung dữ liệu kiểm nghiệm và độ ổn định.',
			outcomes: ['Bộ tiêu chuẩn cơ sở và phương pháp kiểm nghiệm được thẩm định', 'Hồ sơ đăng ký được chấp thuận'],
		},
	],
	'construction-materials': [
		{
			need: 'công nghệ tiêu thụ tro xỉ làm vật liệu xây dựng',
			problem: 'Lượng tro xỉ tồn chứa ngày càng lớn, chi phí quản lý bãi chứa cao và bị yêu cầu giảm tồn chứa.',
			outcomes: ['Tiêu thụ ít nhất {50-200} nghìn tấn tro xỉ mỗi năm', 'Sản phẩm đạt chứng nhận hợp quy'],
		},
		{
			need: 'dây chuyền gạch không nung tự động hóa cao',
			problem: 'Quy định hạn chế gạch nung buộc nhà máy phải chuyển đổi công nghệ trong {2-3} năm tới.',
			outcomes: ['Dây chuyền mới vận hành ổn định trong {6-12} tháng', 'Giá thành gạch không cao hơn gạch nung hiện nay'],
		},
		{
			need: 'cấp phối bê tông bền trong môi trường biển',
			problem: 'Công trình ven biển xuống cấp sau {10-20} năm do cốt thép bị ăn mòn.',
			outcomes: ['Tuổi thọ thiết kế công trình trên {50-100} năm', 'Cấp phối dùng vật liệu sẵn có tại địa phương'],
		},
		{
			need: 'vật liệu cách nhiệt giá rẻ cho nhà xưởng',
			problem: 'Nhiệt độ trong nhà xưởng mùa hè vượt {35-40} °C, chi phí làm mát lớn.',
			outcomes: ['Giảm nhiệt độ trong nhà xưởng ít nhất {3-6} °C', 'Vật liệu đạt yêu cầu phòng cháy'],
		},
	],
	logistics: [
		{
			need: 'hệ thống giám sát nhiệt độ cho đội xe lạnh',
			problem: 'Hàng bị khiếu nại do đứt gãy nhiệt độ nhưng không có dữ liệu để xác định khâu gây lỗi.',
			outcomes: ['Có hồ sơ nhiệt độ cho từng lô hàng', 'Cảnh báo ngay cho tài xế và điều phối khi nhiệt độ vượt ngưỡng'],
		},
		{
			need: 'giải pháp kho lạnh tại vùng sản xuất',
			problem: 'Tỷ lệ hao hụt rau quả từ ruộng đến kho trung tâm khoảng {10-20}% do không có điểm làm lạnh sơ bộ.',
			outcomes: ['Hao hụt trong khâu gom hàng giảm xuống dưới {3-6}%', 'Điểm làm lạnh vận hành được khi lưới điện không ổn định'],
		},
		{
			need: 'phần mềm quản lý kho và điều phối vận tải',
			problem: 'Điều phối xe làm thủ công, xe chạy rỗng chiều về chiếm {30-45}% quãng đường.',
			outcomes: ['Giảm ít nhất {10-20}% chi phí vận tải', 'Thời gian xử lý đơn hàng rút ngắn {30-50}%'],
		},
		{
			need: 'giải pháp truy xuất nguồn gốc xuyên suốt chuỗi lạnh',
			problem: 'Nhà nhập khẩu yêu cầu truy xuất từng lô hàng từ vùng trồng đến cảng kèm hồ sơ nhiệt độ.',
			outcomes: ['Mỗi lô hàng có mã truy xuất và hồ sơ nhiệt độ đầy đủ', 'Kết nối được với hệ thống của đối tác nhập khẩu'],
		},
	],
	'digital-agriculture': [
		{
			need: 'phần mềm quản lý vùng nguyên liệu và truy xuất nguồn gốc',
			problem: 'Không nắm được tiến độ mùa vụ và sản lượng dự kiến của từng hộ liên kết; nhà nhập khẩu yêu cầu nhật ký canh tác điện tử.',
			outcomes: ['Toàn bộ hộ liên kết ghi nhật ký điện tử sau {6-12} tháng', 'Mỗi lô hàng có tem truy xuất đến hộ sản xuất'],
		},
		{
			need: 'hệ thống tưới tự động cho {50-500} ha cây lâu năm',
			problem: 'Hạn hán làm thiếu nước tưới trong {2-4} tháng mùa khô, tưới thủ công tốn nhân công và lãng phí nước.',
			outcomes: ['Tiết kiệm ít nhất {20-40}% nước tưới', 'Lịch tưới điều chỉnh tự động theo độ ẩm đất và thời tiết'],
		},
		{
			need: 'giải pháp dự báo năng suất vùng nguyên liệu',
			problem: 'Sản lượng thu mua thực tế thường lệch {20-35}% so với kế hoạch, gây khó cho ký hợp đồng xuất khẩu.',
			outcomes: ['Dự báo sản lượng sai lệch dưới {10-15}%', 'Cập nhật dự báo hằng tháng trong mùa vụ'],
		},
		{
			need: 'dịch vụ UAV phun thuốc cho vùng lúa liên kết',
			problem: 'Thiếu lao động phun thuốc, chi phí thuê nhân công tăng mạnh và nông dân bị phơi nhiễm thuốc.',
			outcomes: ['Giảm ít nhất {15-25}% lượng thuốc bảo vệ thực vật', 'Phun kịp thời vụ trên toàn bộ diện tích liên kết'],
		},
	],
	'medical-devices': [
		{
			need: 'thiết bị theo dõi bệnh nhân cho tuyến y tế cơ sở',
			problem: 'Phụ thuộc hoàn toàn vào thiết bị nhập khẩu, thời gian chờ linh kiện thay thế {4-12} tuần.',
			outcomes: ['Sản phẩm được cấp số lưu hành trong {12-24} tháng', 'Giá bán thấp hơn ít nhất {30-50}% hàng nhập khẩu'],
		},
		{
			need: 'phần mềm hỗ trợ chẩn đoán hình ảnh',
			problem: 'Tuyến cơ sở thiếu bác sĩ chẩn đoán hình ảnh, ảnh phải gửi lên tuyến trên và chờ kết quả {1-3} ngày.',
			outcomes: ['Kết quả sàng lọc sơ bộ có trong vài phút sau khi chụp', 'Tích hợp với hệ thống PACS đang dùng'],
		},
		{
			need: 'công nghệ sản xuất bộ kit xét nghiệm nhanh',
			problem: 'Giá sinh phẩm nhập khẩu cao và biến động, khó trúng thầu ở các cơ sở y tế công lập.',
			outcomes: ['Tự sản xuất được bộ kit đạt độ nhạy trên {90-95}%', 'Giá thành thấp hơn ít nhất {30-50}% hàng nhập khẩu'],
		},
		{
			need: 'vật liệu y sinh sản xuất trong nước',
			problem: 'Vật liệu cấy ghép đang nhập khẩu hoàn toàn, giá cao so với khả năng chi trả của người bệnh.',
			outcomes: ['Vật liệu đạt tiêu chuẩn ISO 10993 về tương hợp sinh học', 'Tự chủ sản xuất trong nước'],
		},
	],
}

const PROBLEM_TAILS = [
	'Doanh nghiệp đã thử một số giải pháp trên thị trường nhưng chưa đạt hiệu quả như mong muốn.',
	'Đây là hạng mục ưu tiên trong kế hoạch đầu tư năm tới của doanh nghiệp.',
	'Ban lãnh đạo đã bố trí vốn đối ứng và sẵn sàng hợp tác với viện, trường.',
	'Doanh nghiệp có thể bố trí mặt bằng và nhân lực để thử nghiệm tại chỗ.',
]

// ─── Shared phrases ──────────────────────────────────────────────────────────

const OFFER_TITLE_PATTERNS_WITH_TARGET = ['{Name} cho {target}', '{Name} dùng cho {target}', 'Chuyển giao {name} cho {target}', '{Name} áp dụng cho {target}']
const OFFER_TITLE_PATTERNS = ['{Name}', '{Name} {qualifier}', 'Chuyển giao {name}', '{Name}: {qualifier}']
const QUALIFIERS = ['quy mô công nghiệp', 'quy mô hợp tác xã', 'sản xuất trong nước', 'tiết kiệm năng lượng', 'giải pháp trọn gói', 'thế hệ mới', 'chi phí thấp']

const ORIGINS = [
	'Công nghệ là kết quả của nhiệm vụ KH&CN cấp {quốc gia|bộ|tỉnh} nghiệm thu năm {2018-2025}.',
	'Đã ứng dụng thử nghiệm tại {2-9} cơ sở sản xuất ở {province} và các tỉnh lân cận.',
	'Nhóm nghiên cứu có hơn {5-20} năm kinh nghiệm trong lĩnh vực {label}.',
	'Công nghệ được hoàn thiện qua {2-5} năm hợp tác với doanh nghiệp trong nước.',
	'Phù hợp với doanh nghiệp vừa và nhỏ, hợp tác xã muốn nâng cấp công nghệ.',
	'Kết quả đã được đánh giá bởi hội đồng khoa học và công bố trên tạp chí chuyên ngành.',
]

const PACKAGE_ITEMS: Partial<Record<TransferModeValue, readonly string[]>> = {
	ASSIGNMENT: ['Chuyển nhượng toàn bộ quyền sở hữu văn bằng và hồ sơ kỹ thuật'],
	LICENSING: ['Quyền sử dụng công nghệ {độc quyền|không độc quyền} trong {3-10} năm', 'Hồ sơ thiết kế, quy trình công nghệ và hướng dẫn vận hành'],
	CAPITAL_CONTRIBUTION: ['Góp vốn bằng công nghệ vào doanh nghiệp thương mại hóa, tỷ lệ thỏa thuận'],
	INVESTMENT_PROJECT: ['Chuyển giao trong khuôn khổ dự án đầu tư của đối tác'],
	CONSULTING: ['Tư vấn lựa chọn thiết bị, bố trí mặt bằng và thủ tục pháp lý'],
	TRAINING: ['Đào tạo {2-8} cán bộ kỹ thuật trong {1-4} tuần tại cơ sở của bên nhận'],
	RD_CONTRACT: ['Hoàn thiện, điều chỉnh công nghệ theo điều kiện của bên nhận qua hợp đồng nghiên cứu'],
	EQUIPMENT_SALE: ['Cung cấp, lắp đặt thiết bị chính và phụ tùng thay thế trong {1-2} năm đầu'],
}

const SUPPORT_ITEMS = ['Hỗ trợ kỹ thuật {6-24} tháng sau chuyển giao', 'Chạy thử và nghiệm thu tại cơ sở của bên nhận', 'Bảo hành thiết bị {12-24} tháng']

const CONFIDENTIAL_ITEMS = [
	'Công thức phối trộn và thông số nhiệt độ, thời gian của từng công đoạn',
	'Bản vẽ chế tạo chi tiết ({12-60} bản vẽ) và danh mục vật tư',
	'Số liệu thử nghiệm đầy đủ của {3-8} đợt sản xuất thử',
	'Mã nguồn phần mềm điều khiển và tài liệu kiến trúc hệ thống',
	'Danh sách nhà cung cấp nguyên liệu, linh kiện đã thẩm định',
	'Kết quả phân tích chi phí - lợi ích tại cơ sở áp dụng đầu tiên',
	'Bộ tiêu chuẩn cơ sở và phương pháp kiểm nghiệm nội bộ',
]

const DEMAND_TITLE_PATTERNS = ['Cần {need}', 'Tìm {need}', 'Tìm đối tác cung cấp {need}', 'Đặt hàng {need}', 'Nhu cầu {need} tại {province}']

const DEMAND_OPENINGS = [
	'Doanh nghiệp đang vận hành {facility} tại {province}.',
	'Công ty có {facility} đặt tại {province} và đang lên kế hoạch mở rộng trong {1-3} năm tới.',
	'Chúng tôi quản lý {facility} ở {province}.',
]

const GENERIC_REQUIREMENTS = [
	'Đối tác có khả năng hỗ trợ kỹ thuật trực tiếp tại {province}',
	'Chuyển giao trọn gói, đào tạo đội ngũ vận hành và bảo hành tối thiểu {12-24} tháng',
	'Tổng chi phí nằm trong ngân sách đã duyệt, thanh toán theo tiến độ nghiệm thu',
]

const GENERIC_OUTCOMES = [
	'Đội ngũ của doanh nghiệp tự vận hành được sau {1-3} tháng đào tạo',
	'Có hồ sơ kỹ thuật đầy đủ để mở rộng sang cơ sở khác',
	'Hiệu quả được xác nhận bằng số liệu đo sau {3-6} tháng vận hành',
]

const RETURN_REASONS = {
	offer: [
		'Đề nghị bổ sung số văn bằng bảo hộ và tình trạng hiệu lực của bằng.',
		'Phần mô tả chưa nêu quy mô thử nghiệm và kết quả đo kiểm; đề nghị bổ sung số liệu cụ thể.',
		'Mức giá chưa rõ đã gồm chi phí đào tạo và hỗ trợ kỹ thuật hay chưa; đề nghị ghi rõ trong mô tả.',
		'Tiêu đề mang tính quảng cáo; đề nghị nêu đúng tên công nghệ và đối tượng áp dụng.',
		'Lĩnh vực KH&CN đã chọn chưa phù hợp với nội dung công nghệ; đề nghị chọn lại mã lĩnh vực cấp 3.',
		'Mức độ sẵn sàng công nghệ (TRL) chưa khớp với mô tả "đã thương mại hóa"; đề nghị kiểm tra lại.',
	],
	demand: [
		'Mô tả vấn đề còn chung chung; đề nghị bổ sung công suất, quy mô nhà máy hiện tại.',
		'Đề nghị nêu ngân sách dự kiến hoặc chọn không công bố ngân sách.',
		'Kết quả mong muốn cần có chỉ tiêu đo được để bên cung ứng đánh giá khả năng đáp ứng.',
		'Nội dung trùng với một nhu cầu khác của doanh nghiệp đang đăng; đề nghị gộp lại.',
		'Thời hạn mong muốn quá ngắn so với phạm vi công việc; đề nghị xem lại.',
	],
} as const

const SUMMARY_UPDATES = [
	'Bổ sung: công nghệ đã được áp dụng thêm tại {2-5} cơ sở ở {province} trong năm qua.',
	'Bổ sung: đã có kết quả đánh giá độc lập của phòng thử nghiệm đạt ISO/IEC 17025.',
	'Bổ sung: hỗ trợ kỹ thuật miễn phí {6-12} tháng cho bên nhận chuyển giao đầu tiên.',
]

const SUMMARY_EXTRA = [
	'Bên nhận được đào tạo và hỗ trợ kỹ thuật đến khi vận hành ổn định.',
	'Có thể điều chỉnh theo quy mô và điều kiện cụ thể của bên nhận.',
	'Sẵn sàng trình diễn tại cơ sở thử nghiệm cho đối tác quan tâm.',
	'Hồ sơ kỹ thuật bằng tiếng Việt, có bản tiếng Anh khi cần.',
]

// ─── Types ───────────────────────────────────────────────────────────────────

export type ListingOrganisation = {
	/** The organisation's slug. */
	key: string
	type: DemoOrganisationType
	/** Current (two-digit) province code. */
	provinceCode: string
	/** The domains it works in; derived from `fields` when absent. */
	domains?: readonly DomainKey[]
	/** Level-2 field codes, used when `domains` is absent. */
	fields?: readonly string[]
	/** E-mails of its ACTIVE members, the first being the usual contact. */
	members: readonly string[]
}

type Common = {
	organisation: string
	createdBy: string
	contactUser: string
	reviewedBy: string | null
	status: ListingStatusValue
	domain: DomainKey
	title: string
	fieldCodes: string[]
	fieldPaths: string[]
	keywords: string[]
	transferModes: TransferModeValue[]
	provinceCode: string | null
	pendingChanges: Record<string, unknown> | null
	pendingSince: Date | null
	returnReason: string | null
	submittedAt: Date | null
	publishedAt: Date | null
	expiresAt: Date | null
	expiryNotifiedAt: Date | null
	archivedAt: Date | null
	viewCount: number
	version: number
	createdAt: Date
	updatedAt: Date
}

export type GeneratedOffer = Common & {
	summary: string
	description: string
	confidential: string
	trl: number | null
	ipStatus: IpStatusValue
	ipNumbers: string
	priceMin: bigint | null
	priceMax: bigint | null
	priceNegotiable: boolean
}

export type GeneratedDemand = Common & {
	problem: string
	desiredOutcome: string
	minTrl: number | null
	budgetMin: bigint | null
	budgetMax: bigint | null
	budgetUndisclosed: boolean
	deadline: Date | null
}

export type GenerateOptions = {
	count: { offers: number; demands: number }
	seed: string | number
	organisations: readonly ListingOrganisation[]
	/** The moment the floor is generated for; dates are spread before it. Defaults to the current time. */
	now?: Date
	/** E-mails of operators recorded as reviewers of published and returned listings. */
	reviewers?: readonly string[]
}

export const LISTING_LIFETIME_MONTHS = 12
/** Shares of each status; PUBLISHED takes the rest. SUBMITTED is small: the review queue stays readable. */
export const STATUS_SHARES: Readonly<Record<Exclude<ListingStatusValue, 'PUBLISHED'>, number>> = {
	DRAFT: 0.05,
	SUBMITTED: 0.016,
	RETURNED: 0.03,
	ARCHIVED: 0.03,
	EXPIRED: 0.04,
}
/** Share of offers that are PUBLISHED with edits waiting for review. */
export const PENDING_SHARE = 0.01

// ─── Generation ──────────────────────────────────────────────────────────────

/** A field code with its ancestors, the same rule as fieldPaths() in app/models/listing.server.ts. */
function ancestorPaths(codes: readonly string[]) {
	const out = new Set<string>()
	for (const code of codes) {
		out.add(code.slice(0, 1))
		if (code.length >= 3) out.add(code.slice(0, 3))
		if (code.length >= 5) out.add(code.slice(0, 5))
	}
	return [...out].sort()
}

const provinceName = new Map(provinces.map((p) => [p.code, p.nameVi]))

function domainsOf(org: ListingOrganisation): readonly DomainKey[] {
	if (org.domains && org.domains.length > 0) return org.domains
	const fields = new Set(org.fields ?? [])
	const matched = DOMAIN_KEYS.filter((key) => DOMAINS[key].fields.some((code) => fields.has(code.slice(0, 3))))
	return matched.length > 0 ? matched : DOMAIN_KEYS
}

/** Exact counts per status for `n` listings, in random order. */
function statusPlan(rng: Random, n: number, pendingShare: number) {
	const plan: Array<{ status: ListingStatusValue; pending: boolean }> = []
	let rest = n
	for (const [status, share] of Object.entries(STATUS_SHARES) as Array<[ListingStatusValue, number]>) {
		const k = Math.min(rest, Math.round(n * share))
		for (let i = 0; i < k; i++) plan.push({ status, pending: false })
		rest -= k
	}
	const pending = Math.min(rest, pendingShare > 0 && n >= 50 ? Math.max(1, Math.round(n * pendingShare)) : 0)
	for (let i = 0; i < rest; i++) plan.push({ status: 'PUBLISHED', pending: i < pending })
	return rng.shuffle(plan)
}

/** A round amount in VND: two significant digits, at least 10 million. */
function roundMoney(vnd: number) {
	const magnitude = 10 ** Math.max(7, Math.floor(Math.log10(vnd)) - 1)
	return Math.max(10_000_000, Math.round(vnd / magnitude) * magnitude)
}

function logUniform(rng: Random, lo: number, hi: number) {
	return Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo)))
}

/** A date at 00:00 in Vietnam (UTC+7), as the forms store dates. */
function vietnamMidnight(at: Date) {
	const day = new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)
	return new Date(`${day}T00:00:00+07:00`)
}

function dedupeKeywords(words: readonly string[], max: number) {
	const seen = new Set<string>()
	const out: string[] = []
	for (const w of words) {
		const key = w.toLocaleLowerCase('vi')
		if (seen.has(key)) continue
		seen.add(key)
		out.push(w)
		if (out.length >= max) break
	}
	return out
}

function chooseFields(rng: Random, domain: Domain) {
	const primary = domain.fields.slice(0, Math.max(2, domain.fields.length - 1))
	const first = rng.chance(0.75) ? rng.pick(primary) : rng.pick(domain.fields)
	const codes = [first]
	if (rng.chance(0.35)) {
		const second = rng.pick(domain.fields)
		// A code and its own ancestor add nothing; keep distinct, unrelated codes.
		if (second !== first && !first.startsWith(second) && !second.startsWith(first)) codes.push(second)
	}
	return codes
}

function chooseProvince(rng: Random, org: ListingOrganisation, domain: Domain) {
	if (provinceName.has(org.provinceCode) && rng.chance(0.65)) return org.provinceCode
	return rng.chance(0.8) ? rng.pick(domain.provinces) : rng.pick(provinces).code
}

function pickOrganisation(rng: Random, orgs: readonly ListingOrganisation[], weights: Partial<Record<DemoOrganisationType, number>>) {
	return rng.weighted(orgs.map((o) => [o, weights[o.type] ?? 0] as const))
}

function pickTech(rng: Random, domain: Domain) {
	const tech = rng.pick(domain.techs)
	return { tech, target: rng.pick(tech.targets) }
}

type Timeline = Pick<Common, 'createdAt' | 'updatedAt' | 'submittedAt' | 'publishedAt' | 'expiresAt' | 'expiryNotifiedAt' | 'archivedAt'>

function timeline(rng: Random, status: ListingStatusValue, now: Date): Timeline {
	const minutes = (lo: number, hi: number) => rng.int(lo, hi)
	// Published within the last 11 months (more of them recently), so none is due for its expiry reminder.
	const recentPublication = () => {
		const span = now.getTime() - addMonths(now, -11).getTime() - 3 * 86_400_000
		return new Date(now.getTime() - Math.floor(rng.next() ** 1.4 * span) - minutes(60, 600) * 60_000)
	}
	const before = (at: Date, loMin: number, hiMin: number) => addMinutes(at, -minutes(loMin, hiMin))
	const none = { submittedAt: null, publishedAt: null, expiresAt: null, expiryNotifiedAt: null, archivedAt: null }
	switch (status) {
		case 'DRAFT': {
			const createdAt = addMinutes(now, -minutes(60, 60 * 24 * 60))
			return { ...none, createdAt, updatedAt: addMinutes(createdAt, minutes(5, Math.max(6, Math.floor((now.getTime() - createdAt.getTime()) / 60_000)))) }
		}
		case 'SUBMITTED': {
			const submittedAt = addMinutes(now, -minutes(30, 60 * 24 * 9))
			const createdAt = before(submittedAt, 60, 60 * 24 * 20)
			return { ...none, createdAt, submittedAt, updatedAt: submittedAt }
		}
		case 'RETURNED': {
			const submittedAt = addMinutes(now, -minutes(60 * 24 * 2, 60 * 24 * 30))
			const createdAt = before(submittedAt, 60, 60 * 24 * 20)
			return { ...none, createdAt, submittedAt, updatedAt: addMinutes(submittedAt, minutes(60, 60 * 24 * 2)) }
		}
		case 'PUBLISHED': {
			const publishedAt = recentPublication()
			const submittedAt = before(publishedAt, 120, 60 * 24 * 5)
			const createdAt = before(submittedAt, 60, 60 * 24 * 20)
			return { ...none, createdAt, submittedAt, publishedAt, expiresAt: addMonths(publishedAt, LISTING_LIFETIME_MONTHS), updatedAt: publishedAt }
		}
		case 'ARCHIVED': {
			const publishedAt = recentPublication()
			const submittedAt = before(publishedAt, 120, 60 * 24 * 5)
			const createdAt = before(submittedAt, 60, 60 * 24 * 20)
			const archivedAt = new Date(publishedAt.getTime() + Math.floor(rng.next() * (now.getTime() - publishedAt.getTime())))
			return { ...none, createdAt, submittedAt, publishedAt, expiresAt: addMonths(publishedAt, LISTING_LIFETIME_MONTHS), archivedAt, updatedAt: archivedAt }
		}
		case 'EXPIRED': {
			const publishedAt = addMinutes(addMonths(now, -LISTING_LIFETIME_MONTHS), -minutes(60 * 24, 60 * 24 * 75))
			const submittedAt = before(publishedAt, 120, 60 * 24 * 5)
			const createdAt = before(submittedAt, 60, 60 * 24 * 20)
			const expiresAt = addMonths(publishedAt, LISTING_LIFETIME_MONTHS)
			const expiryNotifiedAt = addDays(expiresAt, -30)
			return { ...none, createdAt, submittedAt, publishedAt, expiresAt, expiryNotifiedAt, updatedAt: addHours(expiresAt, rng.int(1, 23)) }
		}
	}
}

function versionFor(rng: Random, status: ListingStatusValue) {
	const base = { DRAFT: 1, SUBMITTED: 2, RETURNED: 3, PUBLISHED: 3, ARCHIVED: 4, EXPIRED: 4 }[status]
	return base + rng.int(0, 4)
}

function viewsFor(rng: Random, t: Timeline, now: Date) {
	if (!t.publishedAt) return 0
	const days = Math.max(1, (Math.min(now.getTime(), (t.archivedAt ?? t.expiresAt ?? now).getTime()) - t.publishedAt.getTime()) / 86_400_000)
	return Math.floor(days * logUniform(rng, 0.2, 6))
}

function transferModesFor(rng: Random, kind: 'offer' | 'demand', domainKey: DomainKey): TransferModeValue[] {
	const equipment = ['mechanical', 'electronics-iot', 'renewable-energy', 'medical-devices', 'logistics', 'post-harvest', 'environment'].includes(domainKey)
	const odds: ReadonlyArray<readonly [TransferModeValue, number]> =
		kind === 'offer'
			? [
					['ASSIGNMENT', 0.2],
					['LICENSING', 0.6],
					['CAPITAL_CONTRIBUTION', 0.12],
					['INVESTMENT_PROJECT', 0.08],
					['CONSULTING', 0.3],
					['TRAINING', 0.45],
					['RD_CONTRACT', 0.25],
					['EQUIPMENT_SALE', equipment ? 0.45 : 0.08],
				]
			: [
					['ASSIGNMENT', 0.2],
					['LICENSING', 0.45],
					['CAPITAL_CONTRIBUTION', 0.04],
					['INVESTMENT_PROJECT', 0.1],
					['CONSULTING', 0.2],
					['TRAINING', 0.3],
					['RD_CONTRACT', 0.3],
					['EQUIPMENT_SALE', equipment ? 0.5 : 0.1],
				]
	const chosen = new Set(odds.filter(([, p]) => rng.chance(p)).map(([m]) => m))
	if (chosen.size === 0) chosen.add(kind === 'offer' ? 'LICENSING' : rng.pick(['LICENSING', 'EQUIPMENT_SALE', 'RD_CONTRACT'] as const))
	// Four at most, in the enum's order, as the form would send them.
	const order = odds.map(([m]) => m)
	return order.filter((m) => chosen.has(m)).slice(0, 4)
}

function ipNumbersFor(rng: Random, status: IpStatusValue) {
	const patent = () => `1-00${rng.int(15000, 42999)}`
	switch (status) {
		case 'PATENT_GRANTED':
			return rng.chance(0.25) ? `${patent()}, ${patent()}` : patent()
		case 'PATENT_PENDING':
			return `1-${rng.int(2021, 2025)}-${String(rng.int(100, 9999)).padStart(5, '0')}`
		case 'UTILITY_SOLUTION':
			return `2-000${rng.int(1000, 3999)}`
		case 'INDUSTRIAL_DESIGN':
			return `3-00${rng.int(20000, 45999)}`
		case 'PLANT_VARIETY':
			return `${rng.int(20, 420)}.VN.${rng.int(2016, 2025)}`
		default:
			return ''
	}
}

function trimSentences(sentences: string[], max: number) {
	const out = [...sentences]
	while (out.length > 1 && out.join(' ').length > max) out.pop()
	const text = out.join(' ')
	return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}

function offerTexts(rng: Random, domain: Domain, provinceCode: string | null) {
	const vars = { province: provinceName.get(provinceCode ?? '') ?? 'nhiều địa phương', label: domain.label }
	const { tech, target } = pickTech(rng, domain)
	const filledTarget = fill(rng, target, vars)
	const v = { ...vars, target: filledTarget }
	const name = fill(rng, tech.name, v)
	const patterns = tech.name.includes('{target}') ? OFFER_TITLE_PATTERNS : OFFER_TITLE_PATTERNS_WITH_TARGET
	const title = fill(rng, rng.pick(patterns), { ...v, Name: upperFirst(name), name, qualifier: rng.pick(QUALIFIERS) })
	const detail = fill(rng, tech.detail, v)
	const benefits = rng.sample(domain.benefits, 3).map((b) => fill(rng, b, v))
	const origins = rng.sample(ORIGINS, 2).map((o) => fill(rng, o, v))
	const summary = trimSentences(
		[`${upperFirst(detail)}.`, `Điểm nổi bật: ${benefits[0]}, ${benefits[1]}.`, origins[0] as string, ...(rng.chance(0.4) ? [rng.pick(SUMMARY_EXTRA)] : [])],
		600,
	)
	const keywords = dedupeKeywords([...rng.sample(tech.keywords, rng.int(2, 3)), ...rng.sample(domain.keywords, rng.int(1, 3)), ...(rng.chance(0.4) ? [filledTarget] : [])], 8)
	return { tech, target: filledTarget, vars: v, title, detail, benefits, origins, summary, keywords }
}

function offerDescription(rng: Random, domain: Domain, t: ReturnType<typeof offerTexts>, modes: readonly TransferModeValue[]) {
	const specs = rng.sample(domain.specs, rng.int(2, 4)).map((s) => `- ${fill(rng, s, t.vars)}`)
	const scope = rng.sample(domain.scope, rng.int(2, 3)).map((s) => `- ${s}`)
	const packageItems = [...modes.flatMap((m) => PACKAGE_ITEMS[m] ?? []), ...rng.sample(SUPPORT_ITEMS, rng.int(1, 2))].slice(0, 6).map((s, i) => `${i + 1}. ${fill(rng, s, t.vars)}`)
	return [
		`${upperFirst(t.detail)}. ${t.origins.join(' ')}`,
		'### Ưu điểm nổi bật',
		t.benefits.map((b) => `- ${upperFirst(b)}`).join('\n'),
		'### Thông số chính',
		specs.join('\n'),
		'### Phạm vi áp dụng',
		scope.join('\n'),
		'### Nội dung chuyển giao',
		packageItems.join('\n'),
	].join('\n\n')
}

function confidentialSection(rng: Random, vars: Record<string, string>) {
	const items = rng.sample(CONFIDENTIAL_ITEMS, rng.int(2, 4)).map((s) => `- ${fill(rng, s, vars)}`)
	return `**Chỉ cung cấp cho đối tác đã ký thỏa thuận bảo mật (NDA):**\n\n${items.join('\n')}`
}

function offerPrice(rng: Random, domain: Domain, trl: number) {
	const [lo, hi] = domain.price
	const base = logUniform(rng, lo, hi) * 1_000_000 * (0.6 + (trl - 3) * 0.12)
	const min = roundMoney(Math.min(Math.max(base, 150_000_000), 15_000_000_000))
	const max = roundMoney(Math.min(min * (1.3 + rng.next() * 1.7), 15_000_000_000))
	const mode = rng.weighted([
		['range', 50],
		['from', 15],
		['negotiable', 20],
		['negotiable-range', 15],
	] as const)
	switch (mode) {
		case 'range':
			return { priceMin: BigInt(min), priceMax: BigInt(Math.max(max, min)), priceNegotiable: false }
		case 'from':
			return { priceMin: BigInt(min), priceMax: null, priceNegotiable: false }
		case 'negotiable':
			return { priceMin: null, priceMax: null, priceNegotiable: true }
		case 'negotiable-range':
			return { priceMin: BigInt(min), priceMax: BigInt(Math.max(max, min)), priceNegotiable: true }
	}
}

function demandBudget(rng: Random, domain: Domain) {
	const [lo, hi] = domain.price
	const min = roundMoney(Math.min(Math.max(logUniform(rng, lo, hi) * 1_000_000, 150_000_000), 15_000_000_000))
	const max = roundMoney(Math.min(min * (1.4 + rng.next() * 1.6), 15_000_000_000))
	const mode = rng.weighted([
		['range', 55],
		['upTo', 15],
		['from', 10],
		['undisclosed', 20],
	] as const)
	switch (mode) {
		case 'range':
			return { budgetMin: BigInt(min), budgetMax: BigInt(Math.max(max, min)), budgetUndisclosed: false }
		case 'upTo':
			return { budgetMin: null, budgetMax: BigInt(max), budgetUndisclosed: false }
		case 'from':
			return { budgetMin: BigInt(min), budgetMax: null, budgetUndisclosed: false }
		case 'undisclosed':
			return { budgetMin: null, budgetMax: null, budgetUndisclosed: true }
	}
}

function offerTrl(rng: Random, type: DemoOrganisationType) {
	const weights: Record<number, number> = type === 'ENTERPRISE' ? { 3: 0, 4: 1, 5: 2, 6: 3, 7: 5, 8: 5, 9: 4 } : { 3: 2, 4: 4, 5: 6, 6: 6, 7: 5, 8: 3, 9: 1 }
	return rng.weighted(Object.entries(weights).map(([k, w]) => [Number(k), w] as const))
}

function pendingEdit(rng: Random, offer: GeneratedOffer, domain: Domain): Record<string, unknown> {
	const big = (n: number) => ({ $bigint: String(n) })
	const kind = rng.pick(['price', 'ip', 'summary', 'title'] as const)
	if (kind === 'ip' && offer.ipStatus === 'PATENT_PENDING') {
		return { ipStatus: 'PATENT_GRANTED', ipNumbers: `1-00${rng.int(38000, 44999)}` }
	}
	if (kind === 'summary') {
		const note = fill(rng, rng.pick(SUMMARY_UPDATES), { province: provinceName.get(offer.provinceCode ?? '') ?? 'nhiều địa phương', label: domain.label })
		const summary = `${offer.summary} ${note}`
		if (summary.length <= 600) return { summary }
	}
	if (kind === 'title' && offer.title.length <= 180) return { title: `${offer.title} (phiên bản ${rng.int(2, 4)}.0)` }
	// A new price: at least 10% up or down, so the rounded amount really differs.
	const min = offer.priceMin === null ? roundMoney(logUniform(rng, domain.price[0], domain.price[1]) * 1_000_000) : Number(offer.priceMin)
	let newMin = roundMoney(min * rng.pick([0.8, 0.85, 0.9, 1.1, 1.15, 1.2, 1.3]))
	if (offer.priceMin !== null && newMin === min) newMin = roundMoney(min * 1.5)
	return { priceMin: big(newMin), priceMax: big(roundMoney(newMin * (1.3 + rng.next()))), priceNegotiable: false }
}

function member(rng: Random, org: ListingOrganisation) {
	const createdBy = rng.chance(0.7) ? (org.members[0] as string) : rng.pick(org.members)
	const contactUser = rng.chance(0.8) ? createdBy : rng.pick(org.members)
	return { createdBy, contactUser }
}

function offerFor(rng: Random, org: ListingOrganisation, plan: { status: ListingStatusValue; pending: boolean }, now: Date, reviewers: readonly string[]): GeneratedOffer {
	const domainKey = rng.pick(domainsOf(org))
	const domain = DOMAINS[domainKey]
	const provinceCode = chooseProvince(rng, org, domain)
	const t = offerTexts(rng, domain, provinceCode)
	const trl = offerTrl(rng, org.type)
	const ipStatus = rng.pick(domain.ip)
	const transferModes = transferModesFor(rng, 'offer', domainKey)
	const times = timeline(rng, plan.status, now)
	const reviewed = ['PUBLISHED', 'RETURNED', 'ARCHIVED', 'EXPIRED'].includes(plan.status)
	const offer: GeneratedOffer = {
		...member(rng, org),
		organisation: org.key,
		reviewedBy: reviewed && reviewers.length > 0 ? rng.pick(reviewers) : null,
		status: plan.status,
		domain: domainKey,
		title: t.title,
		summary: t.summary,
		description: offerDescription(rng, domain, t, transferModes),
		confidential: rng.chance(0.4) ? confidentialSection(rng, t.vars) : '',
		fieldCodes: chooseFields(rng, domain),
		fieldPaths: [],
		keywords: t.keywords,
		trl,
		ipStatus,
		ipNumbers: ipNumbersFor(rng, ipStatus),
		transferModes,
		...offerPrice(rng, domain, trl),
		provinceCode,
		pendingChanges: null,
		pendingSince: null,
		returnReason: plan.status === 'RETURNED' ? rng.pick(RETURN_REASONS.offer) : null,
		...times,
		viewCount: viewsFor(rng, times, now),
		version: versionFor(rng, plan.status),
	}
	if (plan.status === 'DRAFT') incompleteOffer(rng, offer)
	offer.fieldPaths = ancestorPaths(offer.fieldCodes)
	if (plan.pending) {
		offer.pendingChanges = pendingEdit(rng, offer, domain)
		offer.pendingSince = addMinutes(now, -rng.int(30, 60 * 24 * 6))
		offer.updatedAt = offer.pendingSince
		offer.version += 1
	}
	return offer
}

/** Drafts are work in progress: some parts are still missing. */
function incompleteOffer(rng: Random, o: GeneratedOffer) {
	if (rng.chance(0.4)) o.description = ''
	if (rng.chance(0.3)) o.summary = ''
	if (rng.chance(0.3)) {
		o.priceMin = null
		o.priceMax = null
		o.priceNegotiable = false
	}
	if (rng.chance(0.3)) o.trl = null
	if (rng.chance(0.2)) o.transferModes = []
	if (rng.chance(0.15)) o.fieldCodes = []
	if (rng.chance(0.5)) o.confidential = ''
}

function demandFor(rng: Random, org: ListingOrganisation, plan: { status: ListingStatusValue }, now: Date, reviewers: readonly string[]): GeneratedDemand {
	const domainKey = rng.pick(domainsOf(org))
	const domain = DOMAINS[domainKey]
	const provinceCode = chooseProvince(rng, org, domain)
	const vars = { province: provinceName.get(provinceCode) ?? 'địa phương', label: domain.label }
	const chosen = rng.pick(NEEDS[domainKey])
	const need = fill(rng, chosen.need, vars)
	const title = upperFirst(fill(rng, rng.pick(DEMAND_TITLE_PATTERNS), { ...vars, need }))
	const facility = fill(rng, rng.pick(domain.facilities), vars)
	const current = rng.sample(domain.current, rng.int(2, 3)).map((c) => `- ${fill(rng, c, vars)}`)
	const requirements = [...rng.sample(domain.requirements, rng.int(2, 3)), ...rng.sample(GENERIC_REQUIREMENTS, 1)].map((r) => `- ${fill(rng, r, vars)}`)
	const problem = [
		[fill(rng, rng.pick(DEMAND_OPENINGS), { ...vars, facility }), fill(rng, chosen.problem, vars), ...(rng.chance(0.5) ? [rng.pick(PROBLEM_TAILS)] : [])].join(' '),
		'**Hiện trạng**',
		current.join('\n'),
		'**Yêu cầu đối với giải pháp**',
		requirements.join('\n'),
	].join('\n\n')
	const outcomes = [...chosen.outcomes, ...rng.sample(GENERIC_OUTCOMES, 1)].map((o) => `- ${fill(rng, o, vars)}`)
	const desiredOutcome = `Kết quả mong muốn khi triển khai ${need}:\n\n${outcomes.join('\n')}`
	const times = timeline(rng, plan.status, now)
	const reviewed = ['PUBLISHED', 'RETURNED', 'ARCHIVED', 'EXPIRED'].includes(plan.status)
	// A deadline lies after the moment it was last checked: submission, or now for what is live.
	const anchor = plan.status === 'PUBLISHED' || plan.status === 'DRAFT' ? now : (times.submittedAt ?? now)
	const fieldCodes = chooseFields(rng, domain)
	const demand: GeneratedDemand = {
		...member(rng, org),
		organisation: org.key,
		reviewedBy: reviewed && reviewers.length > 0 ? rng.pick(reviewers) : null,
		status: plan.status,
		domain: domainKey,
		title,
		problem,
		desiredOutcome,
		fieldCodes,
		fieldPaths: [],
		keywords: dedupeKeywords([...rng.sample(domain.keywords, rng.int(2, 3)), ...rng.sample(techKeywords(domainKey), rng.int(2, 4))], 8),
		minTrl: rng.chance(0.15) ? null : rng.weighted([[5, 2], [6, 4], [7, 5], [8, 3], [9, 1]] as const),
		...demandBudget(rng, domain),
		deadline: rng.chance(0.7) ? vietnamMidnight(addDays(anchor, rng.int(45, 420))) : null,
		transferModes: transferModesFor(rng, 'demand', domainKey),
		provinceCode,
		pendingChanges: null,
		pendingSince: null,
		returnReason: plan.status === 'RETURNED' ? rng.pick(RETURN_REASONS.demand) : null,
		...times,
		viewCount: viewsFor(rng, times, now),
		version: versionFor(rng, plan.status),
	}
	if (plan.status === 'DRAFT') {
		if (rng.chance(0.3)) demand.desiredOutcome = ''
		if (rng.chance(0.2)) {
			demand.budgetMin = null
			demand.budgetMax = null
			demand.budgetUndisclosed = false
		}
		if (rng.chance(0.2)) demand.transferModes = []
	}
	demand.fieldPaths = ancestorPaths(demand.fieldCodes)
	return demand
}

const techKeywordCache = new Map<DomainKey, string[]>()
function techKeywords(key: DomainKey) {
	let words = techKeywordCache.get(key)
	if (!words) techKeywordCache.set(key, (words = DOMAINS[key].techs.flatMap((t) => t.keywords)))
	return words
}

const OFFER_OWNERS: Partial<Record<DemoOrganisationType, number>> = { RESEARCH_INSTITUTE: 3, UNIVERSITY: 2.5, ENTERPRISE: 0.5 }
const DEMAND_OWNERS: Partial<Record<DemoOrganisationType, number>> = { ENTERPRISE: 1 }

/**
 * Offers by research institutes, universities and some enterprises; demands by enterprises.
 * Mostly PUBLISHED (published within the last 11 months, expiring 12 months after), with a few
 * drafts, submissions waiting for review, returned, archived and expired listings, and about 1%
 * of offers published with edits waiting for review.
 */
export function generateListings(options: GenerateOptions): { offers: GeneratedOffer[]; demands: GeneratedDemand[] } {
	const now = options.now ?? new Date()
	const reviewers = options.reviewers ?? []
	const withMembers = options.organisations.filter((o) => o.members.length > 0 && provinceName.has(o.provinceCode))
	const offerOwners = withMembers.filter((o) => (OFFER_OWNERS[o.type] ?? 0) > 0)
	const demandOwners = withMembers.filter((o) => (DEMAND_OWNERS[o.type] ?? 0) > 0)
	if (options.count.offers > 0 && offerOwners.length === 0) throw new Error('generateListings: no institute, university or enterprise with active members to own offers')
	if (options.count.demands > 0 && demandOwners.length === 0) throw new Error('generateListings: no enterprise with active members to own demands')
	// Separate streams: adding demands does not change the offers of the same seed.
	const offerRng = new Random(`${options.seed}:offers`)
	const demandRng = new Random(`${options.seed}:demands`)
	const offers = statusPlan(offerRng, options.count.offers, PENDING_SHARE).map((plan) =>
		offerFor(offerRng, pickOrganisation(offerRng, offerOwners, OFFER_OWNERS), plan, now, reviewers),
	)
	const demands = statusPlan(demandRng, options.count.demands, 0).map((plan) => demandFor(demandRng, pickOrganisation(demandRng, demandOwners, DEMAND_OWNERS), plan, now, reviewers))
	return { offers, demands }
}

// ─── Organisations ───────────────────────────────────────────────────────────

/** The domains each demo organisation works in (its description says so). */
const DEMO_DOMAINS: Readonly<Record<string, readonly DomainKey[]>> = {
	'vien-cnsh-nong-nghiep-phuong-nam': ['crop-biotech', 'post-harvest', 'digital-agriculture'],
	'vien-cong-nghe-nuoi-bien-nam-trung-bo': ['aquaculture', 'environment'],
	'vien-vat-lieu-nang-luong-moi': ['materials', 'renewable-energy', 'construction-materials'],
	'vien-co-khi-tu-dong-hoa-duyen-hai': ['mechanical', 'electronics-iot', 'logistics'],
	'vien-duoc-lieu-lam-vien': ['medicinal', 'crop-biotech'],
	'vien-ky-thuat-moi-truong-mien-trung': ['environment', 'renewable-energy', 'construction-materials'],
	'dai-hoc-ky-thuat-cong-nghiep-trung-du': ['mechanical', 'electronics-iot', 'materials'],
	'dai-hoc-nong-nghiep-cao-nguyen': ['crop-biotech', 'post-harvest', 'digital-agriculture', 'food-processing'],
	'dai-hoc-khoa-hoc-ung-dung-huong-giang': ['medical-devices', 'medicinal', 'food-processing'],
	'dai-hoc-cong-nghe-ky-thuat-dong-nam-bo': ['electronics-iot', 'digital-agriculture', 'mechanical', 'medical-devices', 'logistics'],
	'co-khi-truong-thinh-phat': ['mechanical', 'electronics-iot', 'materials'],
	'thuy-san-sao-bien-ca-mau': ['aquaculture', 'food-processing', 'environment', 'logistics'],
	'nong-san-thap-muoi': ['post-harvest', 'food-processing', 'digital-agriculture', 'crop-biotech'],
	'duoc-thao-moc-pho-hien': ['medicinal', 'food-processing'],
	'nang-luong-cao-nguyen-gio': ['renewable-energy', 'electronics-iot'],
	'dien-tu-nexora-viet-nam': ['electronics-iot', 'medical-devices', 'mechanical'],
	'vat-lieu-xay-dung-thanh-binh': ['construction-materials', 'environment', 'materials'],
	'kho-van-lanh-phuong-nam-xanh': ['logistics', 'electronics-iot', 'post-harvest'],
}

/** The demo organisations (prisma/seed/demo-data.ts) as listing owners, with their active members. */
export function demoListingOrganisations(): ListingOrganisation[] {
	return demoOrganisations.map((org) => {
		const province = resolveProvince(org.province)
		if (!province) throw new Error(`demo organisation ${org.key}: unknown province ${org.province}`)
		// Owners and admins first: they are the ones who usually post.
		const rank = { OWNER: 0, ADMIN: 1, MEMBER: 2 } as const
		const members = demoUsers
			.flatMap((u) => u.memberships.filter((m) => m.organisation === org.key && (m.status ?? 'ACTIVE') === 'ACTIVE').map((m) => ({ email: u.email, rank: rank[m.role] })))
			.sort((a, b) => a.rank - b.rank)
			.map((m) => m.email)
		return { key: org.key, type: org.type, provinceCode: province.code, domains: DEMO_DOMAINS[org.key], fields: org.fields, members }
	})
}

/** E-mails of the demo operators, recorded as reviewers. */
export function demoReviewers(): string[] {
	return demoUsers.filter((u) => u.roles.includes('OPERATOR')).map((u) => u.email)
}

export type SyntheticOrganisation = ListingOrganisation & {
	name: string
	verified: boolean
	users: Array<{ email: string; name: string }>
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý']
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Quốc', 'Thanh', 'Ngọc', 'Đức', 'Hữu', 'Thu', 'Bảo']
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Nga', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trung', 'Tuấn', 'Vy', 'Yến']
const COMPANY_WORDS = ['Phát Đạt', 'Hưng Thịnh', 'Tân Tiến', 'Sao Việt', 'Đại Dương', 'Trường An', 'Minh Phú', 'Thành Công', 'Hòa Bình', 'Bình Minh', 'Kim Long', 'Phương Đông']
const DOMAIN_TITLE: Record<DomainKey, string> = {
	aquaculture: 'Thủy sản',
	'crop-biotech': 'Công nghệ Sinh học Nông nghiệp',
	'post-harvest': 'Cơ điện Nông nghiệp và Sau thu hoạch',
	'food-processing': 'Công nghệ Thực phẩm',
	'renewable-energy': 'Năng lượng Tái tạo',
	materials: 'Vật liệu Mới',
	mechanical: 'Cơ khí Chế tạo',
	'electronics-iot': 'Điện tử và Viễn thông',
	environment: 'Kỹ thuật Môi trường',
	medicinal: 'Dược liệu',
	'construction-materials': 'Vật liệu Xây dựng',
	logistics: 'Logistics',
	'digital-agriculture': 'Nông nghiệp Số',
	'medical-devices': 'Thiết bị Y tế',
}

/**
 * Invented organisations with members, for load tests: a quarter institutes, a sixth universities,
 * the rest enterprises, spread over the 34 provinces. E-mails use the reserved .example domain.
 */
export function syntheticOrganisations(options: { count: number; seed: string | number }): SyntheticOrganisation[] {
	const rng = new Random(`${options.seed}:organisations`)
	const out: SyntheticOrganisation[] = []
	for (let i = 0; i < options.count; i++) {
		const type = rng.weighted([
			['RESEARCH_INSTITUTE', 25],
			['UNIVERSITY', 15],
			['ENTERPRISE', 60],
		] as const)
		const domains = rng.sample(DOMAIN_KEYS, rng.int(1, 3))
		const province = rng.pick(provinces)
		const main = DOMAIN_TITLE[domains[0] as DomainKey]
		const name =
			type === 'RESEARCH_INSTITUTE'
				? `Viện Nghiên cứu ${main} ${province.nameVi}`
				: type === 'UNIVERSITY'
					? `Trường Đại học ${rng.pick(['Kỹ thuật', 'Công nghệ', 'Nông Lâm', 'Bách khoa'])} ${province.nameVi}`
					: `Công ty ${rng.pick(['TNHH', 'Cổ phần'])} ${main} ${rng.pick(COMPANY_WORDS)}`
		const key = `bench-org-${String(i + 1).padStart(5, '0')}`
		const users = Array.from({ length: rng.int(1, 3) }, (_, j) => ({
			email: `user${j + 1}@${key}.example`,
			name: `${rng.pick(FAMILY)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`,
		}))
		out.push({ key, type, provinceCode: province.code, domains, members: users.map((u) => u.email), name: `${name} ${i + 1}`, verified: rng.chance(0.8), users })
	}
	return out
}
