/**
 * Demo registered task results and the expert directory: a deterministic generator and the seed step
 * that writes its rows.
 *
 * The generator is pure (no database, no clock, no Math.random): the same seed gives the same records,
 * field by field. It writes records the way an operator's import file would carry them (column keys of
 * app/imports/columns.ts, Vietnamese words for levels and statuses, former province names in older
 * records, dates in both ISO and Vietnamese order, "PGS.TS. Name" prefixes), so the seed step sends
 * every one through the import's row readers and plan/apply models and a row they refuse is a seed bug.
 *
 * Everything here is invented: host organisations that are not demo organisations, people, task
 * numbers, registration numbers and results describe no real task. Managing agencies and national
 * programme codes follow the real naming (Bộ KH&CN, KC.07/16-20…) so the records read as registered
 * ones do. E-mail addresses use the reserved `.example` domain.
 */
import type { Cell } from '../../app/imports/cells.ts'
import { readExpertRow, type ExpertRow } from '../../app/imports/expert-row.ts'
import { organisationIndex, type OrganisationIndex } from '../../app/imports/issues.ts'
import { readTaskResultRow, type TaskResultRow } from '../../app/imports/task-result-row.ts'
import { applyExpertPlans, planExperts } from '../../app/models/expert.server.ts'
import type { ProductKind } from '../../app/models/task-result-schema.ts'
import { applyTaskResultPlans, planTaskResults } from '../../app/models/task-result.server.ts'
import type { Prisma } from '../../app/utils/db.server.ts'
import { foldVietnamese, resolveProvince } from '../../app/utils/provinces.ts'
import { formerProvinces } from '../reference/provinces.ts'
import { scienceFields } from '../reference/science-fields.ts'
import { demoOrganisations, demoUsers, type DemoOrganisationType } from './demo-data.ts'
import { Random } from './demo-listings.ts'

/** How much the demo seed generates. */
export const DEMO_RESEARCH = { taskResults: 300, offerLinks: 60, seed: 'cau-noi-demo' } as const

// Taken inside the seed transaction, like the listings' lock.
const RESEARCH_LOCK_KEY = 72707371

// ─── Text helpers ────────────────────────────────────────────────────────────

const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1)

/** `{name}` by variable, `{a|b}` by choice, `{12-40}` by a whole number in range. */
function fill(rng: Random, template: string, vars: Record<string, string> = {}): string {
	return template
		.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole)
		.replace(/\{([^{}]+)\}/g, (whole, body: string) => {
			if (body.includes('|')) return rng.pick(body.split('|'))
			const range = /^(\d+)-(\d+)$/.exec(body)
			if (!range) return whole
			const n = rng.int(Number(range[1]), Number(range[2]))
			// Thousands are rounded and written with dots, as Vietnamese texts do ("1.250").
			return n >= 1000 ? String(Math.round(n / 10) * 10).replace(/\B(?=(\d{3})+(?!\d))/g, '.') : String(n)
		})
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

// ─── Catalogue ───────────────────────────────────────────────────────────────

type Topic = {
	/** Title variants; may contain {target} and {place} ("tỉnh Bình Định"). */
	titles: readonly string[]
	targets: readonly string[]
	/** What the task aims at, completing "Nhiệm vụ nhằm …"; may contain {target} and ranges. */
	aim: string
	/** Result sentences with ranges; one or two are used. */
	results: readonly string[]
	products: ReadonlyArray<readonly [ProductKind, string]>
	keywords: readonly string[]
	/** Short Vietnamese subject for publication titles. */
	subject: string
	/** English subject for international publications. */
	en: string
}

type Ministry = { name: string; code: (rng: Random, year: number, n: number, abbr: string) => string }

type ResearchDomain = {
	/** Level-3 (or level-2) codes of Decision 12/2008/QĐ-BKHCN, the first ones most typical. */
	fields: readonly string[]
	/** National programmes the domain's tasks run under. */
	programmes: readonly string[]
	ministry: Ministry
	keywords: readonly string[]
	methods: readonly string[]
	/** Former province names where provincial tasks of the domain are typical. */
	places: readonly string[]
	venues: { vi: readonly string[]; en: readonly string[] }
	topics: readonly Topic[]
}

const MARD: Ministry = { name: 'Bộ Nông nghiệp và Phát triển nông thôn', code: (_r, y, n) => `BNN-${y}-${pad(n, 2)}` }
const MOH: Ministry = { name: 'Bộ Y tế', code: (_r, y, n) => `ĐTCB.BYT-${pad(n, 2)}/${y}` }
const MOIT: Ministry = { name: 'Bộ Công Thương', code: (_r, y, n) => `${pad(n, 3)}.${y}.ĐT.BCT` }
const MONRE: Ministry = { name: 'Bộ Tài nguyên và Môi trường', code: (_r, y, n) => `TNMT.${y}.${pad(n, 2)}.${pad((n * 7) % 40 + 1, 2)}` }
const MIC: Ministry = { name: 'Bộ Thông tin và Truyền thông', code: (_r, y, n) => `ĐT.${pad(n, 3)}/${String(y).slice(2)}-BTTTT` }
const MOC: Ministry = { name: 'Bộ Xây dựng', code: (_r, y, n) => `RD ${pad(n, 2)}-${String(y).slice(2)}` }
const MOST: Ministry = { name: 'Bộ Khoa học và Công nghệ', code: (_r, y, n) => `ĐTCB.KHCN-${pad(n, 2)}/${String(y).slice(2)}` }
const MOET: Ministry = { name: 'Bộ Giáo dục và Đào tạo', code: (_r, y, n, abbr) => `B${y}-${abbr}-${pad(n, 2)}` }

const VN_AGRI = ['Tạp chí Khoa học Nông nghiệp Việt Nam', 'Tạp chí Nông nghiệp và Phát triển nông thôn', 'Tạp chí Khoa học và Công nghệ Nông nghiệp Việt Nam', 'Tạp chí Khoa học Trường Đại học Cần Thơ']
const VN_GENERAL = ['Tạp chí Khoa học và Công nghệ Việt Nam', 'Vietnam Journal of Science and Technology']
const VN_TECH = ['Tạp chí Cơ khí Việt Nam', 'Tạp chí Khoa học và Công nghệ - Đại học Đà Nẵng', 'Tạp chí Khoa học và Công nghệ Đại học Thái Nguyên', 'Tạp chí Tự động hóa ngày nay']
const VN_MED = ['Tạp chí Y học Việt Nam', 'Tạp chí Y Dược học', 'Tạp chí Nghiên cứu Y học']
const VN_PHARMA = ['Tạp chí Dược học', 'Tạp chí Dược liệu', 'Tạp chí Nghiên cứu Dược và Thông tin thuốc']
const VN_CHEM = ['Tạp chí Hóa học', 'Tạp chí Xúc tác và Hấp phụ Việt Nam', 'Tạp chí Phân tích Hóa, Lý và Sinh học']
const VN_ENV = ['Tạp chí Khí tượng Thủy văn', 'Tạp chí Tài nguyên và Môi trường', 'Tạp chí Khoa học Kỹ thuật Thủy lợi và Môi trường']

const DOMAINS = {
	'rice-crops': {
		fields: ['40103', '40601', '40106', '40101', '40102', '40604'],
		programmes: ['KC.07', 'KC.04'],
		ministry: MARD,
		keywords: ['cây lương thực', 'giống cây trồng', 'canh tác bền vững', 'thích ứng biến đổi khí hậu'],
		methods: [
			'Nhóm thực hiện lai tạo, chọn lọc phả hệ kết hợp chỉ thị phân tử và đánh giá dòng qua {3-6} vụ tại các điểm khảo nghiệm.',
			'Các thí nghiệm đồng ruộng được bố trí theo khối ngẫu nhiên đầy đủ, {3-4} lần nhắc lại, trên {2-4} vùng sinh thái.',
			'Nhiệm vụ kết hợp điều tra nông hộ, thí nghiệm chậu vại và mô hình trình diễn quy mô {5-30} ha.',
		],
		places: ['An Giang', 'Kiên Giang', 'Hậu Giang', 'Sóc Trăng', 'Long An', 'Tiền Giang', 'Thái Bình', 'Nam Định', 'Quảng Nam', 'Bình Định'],
		venues: { vi: VN_AGRI, en: ['Rice Science', 'Field Crops Research', 'Plant Breeding', 'Agronomy'] },
		topics: [
			{
				titles: ['Nghiên cứu chọn tạo giống {target} chịu mặn, ngắn ngày cho vùng ven biển', 'Chọn tạo và phát triển giống {target} chống chịu mặn phục vụ sản xuất tại {place}'],
				targets: ['lúa thuần', 'lúa chất lượng cao', 'lúa nếp'],
				aim: 'chọn tạo được giống {target} chịu mặn {3-4}‰, thời gian sinh trưởng dưới {95-105} ngày, năng suất tương đương giống đối chứng',
				results: ['Đã chọn được {2-4} dòng triển vọng, trong đó dòng tốt nhất đạt năng suất {55-68} tạ/ha trong điều kiện nhiễm mặn {3-5}‰.', 'Giống mới được công nhận sản xuất thử và mở rộng trên {150-900} ha.'],
				products: [['VARIETY', 'Giống {target} chịu mặn được công nhận sản xuất thử'], ['PROCESS', 'Quy trình canh tác giống mới trên đất nhiễm mặn']],
				keywords: ['chịu mặn', 'chọn tạo giống', 'lúa', 'chỉ thị phân tử'],
				subject: 'chọn tạo giống {target} chịu mặn',
				en: 'salt-tolerant rice lines selected with molecular markers',
			},
			{
				titles: ['Ứng dụng chỉ thị phân tử trong chọn tạo giống {target} kháng bệnh đạo ôn', 'Phát triển giống {target} kháng rầy nâu và đạo ôn bằng chọn lọc nhờ chỉ thị phân tử'],
				targets: ['lúa thuần', 'lúa lai hai dòng', 'lúa thơm'],
				aim: 'tích hợp các gen kháng bệnh đạo ôn và rầy nâu vào nền di truyền giống {target} chủ lực',
				results: ['Đã quy tụ {2-3} gen kháng vào {3-6} dòng ưu tú, tỷ lệ nhiễm bệnh giảm {40-70}% so với giống gốc.', 'Tập đoàn {60-180} mẫu giống được đánh giá kiểu gen và lưu giữ.'],
				products: [['VARIETY', 'Dòng {target} mang gen kháng đạo ôn và rầy nâu'], ['PROCESS', 'Quy trình chọn lọc nhờ chỉ thị phân tử (MAS)']],
				keywords: ['đạo ôn', 'rầy nâu', 'MAS', 'gen kháng'],
				subject: 'quy tụ gen kháng đạo ôn trên {target}',
				en: 'marker-assisted pyramiding of blast resistance genes',
			},
			{
				titles: ['Nghiên cứu quy trình canh tác {target} giảm phát thải khí nhà kính', 'Xây dựng mô hình canh tác {target} tiết kiệm nước, giảm phát thải tại {place}'],
				targets: ['lúa', 'lúa - tôm', 'lúa - màu'],
				aim: 'giảm {20-35}% lượng nước tưới và phát thải khí mê-tan trong canh tác {target} mà không giảm năng suất',
				results: ['Mô hình tưới ướt khô xen kẽ giảm {25-40}% lượng nước và {20-45}% phát thải CH4, lợi nhuận tăng {8-20}%.', 'Đã tập huấn cho {120-600} lượt nông dân và cán bộ khuyến nông.'],
				products: [['PROCESS', 'Quy trình canh tác {target} giảm phát thải'], ['REPORT', 'Bộ hệ số phát thải cho vùng nghiên cứu']],
				keywords: ['giảm phát thải', 'tưới ướt khô xen kẽ', 'AWD', 'nông nghiệp carbon thấp'],
				subject: 'canh tác {target} giảm phát thải',
				en: 'alternate wetting and drying irrigation and methane emissions',
			},
			{
				titles: ['Nghiên cứu sản xuất chế phẩm vi sinh {target} cho cây trồng', 'Hoàn thiện công nghệ sản xuất và ứng dụng chế phẩm {target} tại {place}'],
				targets: ['cố định đạm', 'phân giải lân', 'đối kháng nấm bệnh'],
				aim: 'tạo chế phẩm vi sinh {target} có mật độ tế bào trên {8-9}.10^8 CFU/g, bảo quản được {6-12} tháng',
				results: ['Chế phẩm giúp giảm {15-30}% lượng phân đạm hóa học, năng suất tăng {5-12}%.', 'Đã sản xuất thử {2-20} tấn chế phẩm trên dây chuyền pilot.'],
				products: [['MATERIAL', 'Chế phẩm vi sinh {target}'], ['PROCESS', 'Quy trình sản xuất chế phẩm quy mô pilot']],
				keywords: ['chế phẩm vi sinh', 'phân bón sinh học', 'vi khuẩn vùng rễ'],
				subject: 'chế phẩm vi sinh {target}',
				en: 'plant growth-promoting rhizobacteria formulations',
			},
			{
				titles: ['Nghiên cứu chọn tạo giống {target} năng suất cao cho vùng trung du và miền núi', 'Tuyển chọn và phát triển giống {target} phù hợp với điều kiện {place}'],
				targets: ['ngô lai', 'đậu tương', 'khoai lang', 'lạc'],
				aim: 'tuyển chọn {1-3} giống {target} năng suất cao hơn giống đại trà {10-25}%, chống chịu hạn và sâu bệnh chính',
				results: ['Giống triển vọng đạt năng suất cao hơn đối chứng {12-28}%, được công nhận lưu hành đặc cách.', 'Mô hình trình diễn {10-60} ha cho lãi thuần tăng {10-30}%.'],
				products: [['VARIETY', 'Giống {target} được công nhận lưu hành'], ['PROCESS', 'Quy trình thâm canh giống {target}']],
				keywords: ['giống mới', 'chịu hạn', 'miền núi'],
				subject: 'tuyển chọn giống {target}',
				en: 'yield stability of improved upland crop varieties',
			},
		],
	},
	'fruit-postharvest': {
		fields: ['40104', '40107', '21101', '40106'],
		programmes: ['KC.07'],
		ministry: MARD,
		keywords: ['cây ăn quả', 'sau thu hoạch', 'bảo quản', 'xuất khẩu'],
		methods: [
			'Các công thức bảo quản được đánh giá theo chỉ tiêu hao hụt khối lượng, độ cứng, hàm lượng chất khô hòa tan và cảm quan.',
			'Nhiệm vụ khảo sát chuỗi giá trị tại {3-6} vùng trồng, sau đó thử nghiệm quy trình tại cơ sở đóng gói.',
			'Thiết bị và quy trình được chạy thử với {3-12} tấn nguyên liệu tại doanh nghiệp đối ứng.',
		],
		places: ['Tiền Giang', 'Bến Tre', 'Vĩnh Long', 'Đồng Tháp', 'Sơn La', 'Bắc Giang', 'Hưng Yên', 'Bình Thuận', 'Long An'],
		venues: { vi: VN_AGRI, en: ['Postharvest Biology and Technology', 'Food Chemistry', 'Scientia Horticulturae'] },
		topics: [
			{
				titles: ['Nghiên cứu công nghệ bảo quản {target} tươi phục vụ xuất khẩu', 'Hoàn thiện quy trình bảo quản {target} bằng màng bao ăn được'],
				targets: ['xoài cát Hòa Lộc', 'thanh long ruột đỏ', 'bưởi da xanh', 'vải thiều', 'nhãn'],
				aim: 'kéo dài thời gian bảo quản {target} lên {25-40} ngày, tỷ lệ hư hỏng dưới {3-6}%',
				results: ['Công thức màng bao chitosan kết hợp bảo quản lạnh giữ được chất lượng {target} sau {25-40} ngày.', 'Quy trình đã áp dụng cho {2-6} lô hàng xuất khẩu bằng đường biển.'],
				products: [['PROCESS', 'Quy trình bảo quản {target} tươi'], ['MATERIAL', 'Chế phẩm màng bao ăn được']],
				keywords: ['màng bao', 'bảo quản lạnh', 'chitosan', 'chuỗi lạnh'],
				subject: 'bảo quản {target} tươi',
				en: 'edible coatings extending shelf life of tropical fruit',
			},
			{
				titles: ['Nghiên cứu quy trình canh tác {target} theo hướng VietGAP tại {place}', 'Xây dựng mô hình sản xuất {target} an toàn gắn với tiêu thụ tại {place}'],
				targets: ['bưởi', 'cam sành', 'sầu riêng', 'mít Thái', 'chuối già Nam Mỹ'],
				aim: 'xây dựng quy trình canh tác {target} đạt chứng nhận VietGAP, nâng tỷ lệ quả loại 1 lên trên {60-80}%',
				results: ['Mô hình {5-40} ha đạt chứng nhận VietGAP, năng suất tăng {10-25}%, chi phí thuốc bảo vệ thực vật giảm {20-40}%.', 'Đã liên kết tiêu thụ với {1-4} doanh nghiệp thu mua.'],
				products: [['PROCESS', 'Quy trình canh tác {target} theo VietGAP'], ['PROTOTYPE', 'Mô hình sản xuất {target} an toàn']],
				keywords: ['VietGAP', 'cây có múi', 'truy xuất nguồn gốc'],
				subject: 'canh tác {target} theo VietGAP',
				en: 'good agricultural practice adoption in fruit orchards',
			},
			{
				titles: ['Nghiên cứu chế tạo hệ thống sấy {target} bằng bơm nhiệt', 'Thiết kế, chế tạo thiết bị sấy lạnh {target} quy mô hợp tác xã'],
				targets: ['xoài', 'mít', 'chuối', 'long nhãn', 'khoai lang tím'],
				aim: 'chế tạo thiết bị sấy {target} năng suất {200-800} kg nguyên liệu/mẻ, tiêu hao năng lượng thấp hơn sấy truyền thống {30-50}%',
				results: ['Thiết bị sấy bơm nhiệt giữ được màu và vitamin C của {target}, độ ẩm sản phẩm {12-18}%.', 'Đã chuyển giao {1-5} hệ thống cho hợp tác xã.'],
				products: [['EQUIPMENT', 'Hệ thống sấy bơm nhiệt cho {target}'], ['PROCESS', 'Quy trình sấy {target}']],
				keywords: ['sấy bơm nhiệt', 'sấy lạnh', 'tiết kiệm năng lượng'],
				subject: 'sấy {target} bằng bơm nhiệt',
				en: 'heat-pump drying of tropical fruit',
			},
			{
				titles: ['Nghiên cứu quy trình quản lý tổng hợp bệnh {target} trên cây có múi', 'Phát triển bộ kit chẩn đoán nhanh bệnh {target} trên cây ăn quả'],
				targets: ['vàng lá thối rễ', 'vàng lá gân xanh', 'thán thư', 'chổi rồng'],
				aim: 'phát hiện sớm và giảm thiệt hại do bệnh {target} xuống dưới {5-12}% diện tích',
				results: ['Bộ kit phát hiện tác nhân gây bệnh {target} trong {20-45} phút với độ nhạy trên {90-98}%.', 'Quy trình quản lý tổng hợp giảm tỷ lệ cây bệnh {30-60}% sau {1-2} năm.'],
				products: [['MATERIAL', 'Bộ kit chẩn đoán nhanh bệnh {target}'], ['PROCESS', 'Quy trình quản lý tổng hợp bệnh {target}']],
				keywords: ['chẩn đoán nhanh', 'LAMP', 'bảo vệ thực vật', 'cây có múi'],
				subject: 'phát hiện sớm bệnh {target}',
				en: 'rapid LAMP detection of citrus pathogens',
			},
		],
	},
	'industrial-crops': {
		fields: ['40105', '40106', '40102', '40604'],
		programmes: ['KC.07'],
		ministry: MARD,
		keywords: ['cây công nghiệp', 'Tây Nguyên', 'canh tác bền vững'],
		methods: [
			'Thí nghiệm được bố trí trên vườn kinh doanh của nông hộ tại {3-5} huyện, theo dõi liên tục {2-3} năm.',
			'Nhóm nghiên cứu phân lập, tuyển chọn chủng vi sinh vật từ {40-160} mẫu đất vùng rễ và đánh giá trong nhà lưới trước khi thử ngoài đồng.',
		],
		places: ['Đắk Nông', 'Kon Tum', 'Gia Lai', 'Lâm Đồng', 'Bình Phước', 'Sơn La', 'Đắk Lắk', 'Phú Yên'],
		venues: { vi: VN_AGRI, en: ['Agronomy for Sustainable Development', 'Biological Control', 'Plant and Soil'] },
		topics: [
			{
				titles: ['Nghiên cứu chọn tạo giống {target} năng suất cao, chất lượng tốt cho Tây Nguyên', 'Tuyển chọn dòng {target} ưu tú và nhân giống vô tính phục vụ tái canh'],
				targets: ['cà phê vối', 'cà phê chè', 'ca cao', 'điều'],
				aim: 'tuyển chọn dòng {target} năng suất trên {4-6} tấn nhân/ha, kháng bệnh gỉ sắt',
				results: ['Đã tuyển chọn {3-6} dòng vô tính ưu tú, năng suất trung bình {4-6} tấn/ha, tỷ lệ hạt loại 1 trên {70-85}%.', 'Vườn nhân chồi {1-5} ha cung cấp cây giống cho chương trình tái canh.'],
				products: [['VARIETY', 'Dòng vô tính {target} được công nhận'], ['PROCESS', 'Quy trình nhân giống ghép {target}']],
				keywords: ['tái canh', 'nhân giống vô tính', 'cà phê'],
				subject: 'tuyển chọn dòng {target} ưu tú',
				en: 'clonal selection of Robusta coffee for replanting',
			},
			{
				titles: ['Nghiên cứu chế phẩm Trichoderma phòng trừ bệnh {target} trên hồ tiêu', 'Ứng dụng biện pháp sinh học quản lý bệnh {target} trên cây hồ tiêu tại {place}'],
				targets: ['chết nhanh', 'chết chậm', 'tuyến trùng rễ'],
				aim: 'giảm tỷ lệ cây hồ tiêu bị bệnh {target} dưới {3-8}% bằng chế phẩm sinh học',
				results: ['Chế phẩm Trichoderma kết hợp nấm rễ cộng sinh giảm tỷ lệ cây bệnh {40-70}% so với đối chứng.', 'Đã áp dụng trên {50-400} ha hồ tiêu của {2-8} hợp tác xã.'],
				products: [['MATERIAL', 'Chế phẩm Trichoderma đa chủng'], ['PROCESS', 'Quy trình quản lý tổng hợp bệnh {target} trên hồ tiêu']],
				keywords: ['Trichoderma', 'hồ tiêu', 'phòng trừ sinh học', 'Phytophthora'],
				subject: 'phòng trừ bệnh {target} trên hồ tiêu',
				en: 'Trichoderma biocontrol of Phytophthora foot rot in black pepper',
			},
			{
				titles: ['Xây dựng quy trình tưới và bón phân tiết kiệm cho {target}', 'Ứng dụng tưới nhỏ giọt kết hợp bón phân cho {target} tại {place}'],
				targets: ['cà phê vối', 'hồ tiêu', 'sầu riêng', 'chè'],
				aim: 'giảm {25-40}% lượng nước tưới và {15-30}% lượng phân bón cho {target}',
				results: ['Hệ thống tưới nhỏ giọt kết hợp bón phân giảm {30-45}% lượng nước, năng suất tăng {8-18}%.', 'Đã xây dựng {3-12} mô hình trình diễn.'],
				products: [['PROCESS', 'Quy trình tưới và bón phân cho {target}'], ['EQUIPMENT', 'Bộ điều khiển tưới theo độ ẩm đất']],
				keywords: ['tưới nhỏ giọt', 'fertigation', 'tiết kiệm nước'],
				subject: 'tưới nhỏ giọt kết hợp bón phân cho {target}',
				en: 'drip fertigation for perennial crops in the Central Highlands',
			},
			{
				titles: ['Nghiên cứu chế biến sâu {target} nâng cao giá trị gia tăng', 'Hoàn thiện công nghệ lên men và chế biến {target} đặc sản'],
				targets: ['cà phê', 'hạt ca cao', 'chè Shan tuyết', 'hạt điều'],
				aim: 'làm chủ công nghệ lên men và rang {target}, nâng giá bán thêm {20-60}%',
				results: ['Quy trình lên men có kiểm soát cho sản phẩm {target} đạt điểm cảm quan trên {80-86}.', 'Đã chuyển giao cho {1-4} doanh nghiệp chế biến.'],
				products: [['PROCESS', 'Quy trình lên men và chế biến {target}'], ['STANDARD', 'Tiêu chuẩn cơ sở sản phẩm {target}']],
				keywords: ['lên men', 'chế biến sâu', 'đặc sản'],
				subject: 'lên men và chế biến {target}',
				en: 'controlled fermentation and flavour development',
			},
		],
	},
	'livestock-vet': {
		fields: ['40202', '40204', '40306', '40304', '40307'],
		programmes: ['KC.07', 'KC.04'],
		ministry: MARD,
		keywords: ['chăn nuôi', 'thú y', 'an toàn sinh học'],
		methods: [
			'Thí nghiệm được tiến hành trên {120-600} con tại {2-4} trang trại, chia lô ngẫu nhiên, theo dõi {3-9} tháng.',
			'Nhóm thực hiện phân lập chủng, giải trình tự gen và đánh giá độc lực trên động vật thí nghiệm trước khi thử nghiệm thực địa.',
		],
		places: ['Thái Bình', 'Bắc Giang', 'Hà Nam', 'Hòa Bình', 'Nghệ An', 'Bình Định', 'Bình Dương', 'Đồng Nai'],
		venues: { vi: ['Tạp chí Khoa học Kỹ thuật Thú y', 'Tạp chí Khoa học Công nghệ Chăn nuôi', ...VN_AGRI.slice(0, 2)], en: ['Animals', 'Veterinary Microbiology', 'Tropical Animal Health and Production'] },
		topics: [
			{
				titles: ['Nghiên cứu chọn lọc, nhân giống {target} năng suất cao', 'Bảo tồn và phát triển giống {target} bản địa tại {place}'],
				targets: ['lợn Móng Cái', 'gà Đông Tảo', 'bò lai hướng thịt', 'dê Bách Thảo', 'gà H\'Mông'],
				aim: 'chọn lọc đàn hạt nhân {target} và nâng khả năng sinh trưởng thêm {8-20}%',
				results: ['Đàn hạt nhân {80-400} con đạt tăng khối lượng cao hơn đàn ban đầu {8-18}%.', 'Đã cung cấp {500-3000} con giống cho nông hộ.'],
				products: [['VARIETY', 'Đàn giống hạt nhân {target}'], ['PROCESS', 'Quy trình chăn nuôi {target}']],
				keywords: ['giống bản địa', 'chọn lọc', 'nhân giống'],
				subject: 'chọn lọc giống {target}',
				en: 'selection response in indigenous livestock breeds',
			},
			{
				titles: ['Nghiên cứu sản xuất vắc xin phòng bệnh {target}', 'Phát triển bộ sinh phẩm chẩn đoán nhanh bệnh {target} trên vật nuôi'],
				targets: ['dịch tả lợn châu Phi', 'cúm gia cầm', 'viêm da nổi cục ở bò', 'tai xanh ở lợn'],
				aim: 'tạo sản phẩm phòng hoặc chẩn đoán bệnh {target} từ chủng phân lập trong nước',
				results: ['Sản phẩm đạt độ an toàn và hiệu lực bảo hộ trên {80-95}% ở động vật thí nghiệm.', 'Bộ sinh phẩm cho kết quả trong {30-90} phút, phù hợp với xét nghiệm tại trạm thú y huyện.'],
				products: [['MATERIAL', 'Sinh phẩm phòng và chẩn đoán bệnh {target}'], ['PROCESS', 'Quy trình sản xuất sinh phẩm quy mô phòng thí nghiệm']],
				keywords: ['vắc xin', 'chẩn đoán', 'dịch bệnh', 'thú y'],
				subject: 'phòng và chẩn đoán bệnh {target}',
				en: 'diagnostics and vaccines for transboundary animal diseases',
			},
			{
				titles: ['Nghiên cứu sản xuất thức ăn chăn nuôi từ {target}', 'Ứng dụng công nghệ lên men {target} làm thức ăn cho gia súc'],
				targets: ['phụ phẩm cà phê', 'thân cây ngô', 'bã sắn', 'phụ phẩm chế biến thủy sản'],
				aim: 'tận dụng {target} làm thức ăn chăn nuôi, giảm chi phí thức ăn {10-25}%',
				results: ['Khẩu phần có {10-30}% {target} lên men cho tăng trọng tương đương, chi phí giảm {10-22}%.', 'Đã sản xuất thử {20-200} tấn thức ăn.'],
				products: [['PROCESS', 'Quy trình lên men {target} làm thức ăn'], ['MATERIAL', 'Thức ăn hỗn hợp có phối trộn {target}']],
				keywords: ['phụ phẩm nông nghiệp', 'lên men', 'thức ăn chăn nuôi'],
				subject: 'thức ăn chăn nuôi từ {target}',
				en: 'fermented agricultural by-products in ruminant diets',
			},
			{
				titles: ['Xây dựng mô hình chăn nuôi {target} an toàn sinh học gắn với xử lý chất thải', 'Ứng dụng đệm lót sinh học trong chăn nuôi {target} tại {place}'],
				targets: ['lợn', 'gà thả vườn', 'bò sữa'],
				aim: 'giảm ô nhiễm mùi và chất thải trong chăn nuôi {target} quy mô nông hộ',
				results: ['Mô hình đệm lót sinh học giảm {40-70}% khí NH3, tỷ lệ nuôi sống trên {92-97}%.', 'Đã nhân rộng cho {20-150} hộ chăn nuôi.'],
				products: [['PROCESS', 'Quy trình chăn nuôi {target} trên đệm lót sinh học'], ['PROTOTYPE', 'Mô hình chăn nuôi an toàn sinh học']],
				keywords: ['đệm lót sinh học', 'an toàn sinh học', 'chất thải chăn nuôi'],
				subject: 'chăn nuôi {target} trên đệm lót sinh học',
				en: 'deep-litter systems and ammonia emissions',
			},
		],
	},
	aquaculture: {
		fields: ['40504', '40502', '40503', '40501', '10613'],
		programmes: ['KC.07', 'KC.09', 'KC.04'],
		ministry: MARD,
		keywords: ['thủy sản', 'nuôi trồng thủy sản', 'an toàn sinh học', 'con giống'],
		methods: [
			'Thí nghiệm được thực hiện trong bể composite {2-10} m³ và ao đất {500-3000} m², mỗi nghiệm thức {3-4} lần lặp.',
			'Nhóm thực hiện theo dõi các chỉ tiêu môi trường nước, tốc độ tăng trưởng và tỷ lệ sống qua {2-4} đợt sản xuất.',
			'Mẫu bệnh phẩm được thu tại {10-40} ao nuôi, phân tích bằng PCR, mô bệnh học và giải trình tự gen.',
		],
		places: ['Bến Tre', 'Sóc Trăng', 'Bạc Liêu', 'Kiên Giang', 'Trà Vinh', 'Phú Yên', 'Ninh Thuận', 'Quảng Ninh', 'Cà Mau', 'Khánh Hòa'],
		venues: { vi: ['Tạp chí Khoa học Công nghệ Thủy sản', ...VN_AGRI.slice(0, 2), 'Tạp chí Khoa học Trường Đại học Cần Thơ'], en: ['Aquaculture', 'Fish & Shellfish Immunology', 'Aquaculture Research', 'Journal of Fish Diseases'] },
		topics: [
			{
				titles: ['Nghiên cứu công nghệ sản xuất giống nhân tạo {target}', 'Hoàn thiện quy trình sản xuất giống {target} quy mô hàng hóa'],
				targets: ['cá chim vây vàng', 'tôm hùm bông', 'hải sâm cát', 'cá mú trân châu', 'ốc hương'],
				aim: 'làm chủ quy trình sản xuất giống {target}, tỷ lệ sống từ ấu trùng đến con giống đạt trên {8-25}%',
				results: ['Đã sản xuất {50-600} nghìn con giống {target}, tỷ lệ sống giai đoạn ương đạt {10-30}%.', 'Quy trình được chuyển giao cho {1-4} trại giống.'],
				products: [['PROCESS', 'Quy trình sản xuất giống nhân tạo {target}'], ['VARIETY', 'Đàn {target} bố mẹ thuần dưỡng']],
				keywords: ['sản xuất giống', 'ương nuôi', 'ấu trùng', 'nuôi biển'],
				subject: 'sản xuất giống nhân tạo {target}',
				en: 'larval rearing and hatchery production of marine species',
			},
			{
				titles: ['Nghiên cứu công nghệ nuôi {target} thương phẩm trong hệ thống tuần hoàn', 'Ứng dụng công nghệ biofloc trong nuôi {target} thâm canh tại {place}'],
				targets: ['tôm thẻ chân trắng', 'tôm sú', 'cá chẽm', 'cá rô phi'],
				aim: 'nuôi {target} năng suất trên {8-25} tấn/ha/vụ, giảm {50-80}% lượng nước thay',
				results: ['Mô hình đạt năng suất {10-30} tấn/ha, hệ số thức ăn {1-2}, tỷ lệ sống {70-88}%.', 'Lượng nước thay giảm {60-85}% so với nuôi truyền thống.'],
				products: [['PROCESS', 'Quy trình nuôi {target} thâm canh ít thay nước'], ['PROTOTYPE', 'Mô hình nuôi tuần hoàn quy mô {500-2000} m²']],
				keywords: ['RAS', 'biofloc', 'nuôi thâm canh', 'tiết kiệm nước'],
				subject: 'nuôi {target} trong hệ thống tuần hoàn',
				en: 'recirculating and biofloc systems for shrimp farming',
			},
			{
				titles: ['Nghiên cứu phát hiện sớm và phòng bệnh {target} trên tôm nuôi', 'Phát triển chế phẩm thảo dược phòng bệnh {target} cho thủy sản'],
				targets: ['vi bào tử trùng EHP', 'hoại tử gan tụy cấp (AHPND)', 'đốm trắng', 'gan thận mủ trên cá tra'],
				aim: 'phát hiện sớm và giảm thiệt hại do bệnh {target} trong nuôi thương phẩm',
				results: ['Phương pháp LAMP phát hiện tác nhân gây bệnh {target} ở mật độ {10-100} bản sao/phản ứng.', 'Chế phẩm thảo dược giảm tỷ lệ chết {30-60}% trong thử nghiệm cảm nhiễm.'],
				products: [['MATERIAL', 'Bộ kit phát hiện nhanh bệnh {target}'], ['MATERIAL', 'Chế phẩm thảo dược phòng bệnh {target}']],
				keywords: ['bệnh thủy sản', 'EHP', 'AHPND', 'LAMP', 'thảo dược'],
				subject: 'phòng bệnh {target}',
				en: 'early detection of shrimp pathogens',
			},
			{
				titles: ['Nghiên cứu sản xuất thức ăn công nghiệp cho {target}', 'Thay thế bột cá bằng protein thực vật trong thức ăn cho {target}'],
				targets: ['tôm hùm bông', 'cá chim vây vàng', 'cá lóc', 'cá tra'],
				aim: 'thay thế {20-50}% bột cá trong thức ăn cho {target} mà không giảm tăng trưởng',
				results: ['Thức ăn viên có {20-45}% protein thực vật cho tăng trưởng tương đương, hệ số thức ăn giảm {5-15}%.', 'Đã sản xuất thử {5-60} tấn thức ăn tại nhà máy đối ứng.'],
				products: [['MATERIAL', 'Thức ăn viên công nghiệp cho {target}'], ['PROCESS', 'Công thức và quy trình ép viên']],
				keywords: ['thức ăn thủy sản', 'bột cá', 'protein thực vật'],
				subject: 'thức ăn công nghiệp cho {target}',
				en: 'fishmeal replacement in aquafeeds',
			},
			{
				titles: ['Nghiên cứu chế tạo lồng nuôi {target} chịu sóng gió cho vùng biển hở', 'Ứng dụng lồng HDPE nuôi {target} tại vùng biển {place}'],
				targets: ['cá biển', 'cá bớp', 'tôm hùm'],
				aim: 'chế tạo hệ thống lồng HDPE nuôi {target} chịu được sóng gió cấp {9-11}',
				results: ['Hệ lồng thể tích {500-2500} m³ vận hành an toàn qua {1-3} mùa mưa bão.', 'Năng suất đạt {15-35} kg/m³.'],
				products: [['EQUIPMENT', 'Hệ thống lồng HDPE nuôi {target}'], ['REPORT', 'Bộ bản vẽ thiết kế lồng nuôi']],
				keywords: ['lồng HDPE', 'nuôi biển xa bờ', 'kinh tế biển'],
				subject: 'lồng HDPE nuôi {target}',
				en: 'offshore HDPE cage design for open-sea farming',
			},
		],
	},
	'forestry-herbs': {
		fields: ['40405', '40401', '40406', '30403', '10615'],
		programmes: ['KC.07', 'KC.08'],
		ministry: MARD,
		keywords: ['lâm nghiệp', 'dược liệu', 'nuôi cấy mô', 'bảo tồn'],
		methods: [
			'Nhóm thực hiện điều tra phân bố tại {3-8} xã vùng cao, thu thập mẫu và nhân giống trong phòng thí nghiệm nuôi cấy mô.',
			'Các mô hình trồng dưới tán rừng được theo dõi {2-3} năm về tỷ lệ sống, sinh trưởng và hàm lượng hoạt chất.',
		],
		places: ['Hà Giang', 'Lào Cai', 'Yên Bái', 'Lai Châu', 'Kon Tum', 'Quảng Nam', 'Bắc Kạn', 'Cao Bằng', 'Lâm Đồng'],
		venues: { vi: ['Tạp chí Khoa học Lâm nghiệp', ...VN_PHARMA.slice(1, 2), VN_AGRI[0]!], en: ['Industrial Crops and Products', 'Forest Ecology and Management', 'Plant Cell, Tissue and Organ Culture'] },
		topics: [
			{
				titles: ['Nghiên cứu nhân giống in vitro và trồng {target} dưới tán rừng', 'Bảo tồn và phát triển cây {target} tại {place}'],
				targets: ['sâm Ngọc Linh', 'lan kim tuyến', 'đương quy', 'tam thất', 'bảy lá một hoa'],
				aim: 'nhân giống {target} bằng nuôi cấy mô với hệ số nhân trên {3-6} lần/chu kỳ và xây dựng mô hình trồng dưới tán rừng',
				results: ['Đã tạo {5-40} nghìn cây giống {target}, tỷ lệ sống ngoài vườn ươm đạt {75-92}%.', 'Mô hình trồng dưới tán rừng {1-10} ha có tỷ lệ sống trên {70-90}% sau {2-3} năm.'],
				products: [['PROCESS', 'Quy trình nhân giống in vitro {target}'], ['PROTOTYPE', 'Mô hình trồng {target} dưới tán rừng']],
				keywords: ['nuôi cấy mô', 'dược liệu quý', 'trồng dưới tán rừng'],
				subject: 'nhân giống in vitro {target}',
				en: 'micropropagation of rare medicinal plants',
			},
			{
				titles: ['Tuyển chọn giống {target} sinh trưởng nhanh cho trồng rừng gỗ lớn', 'Nghiên cứu kỹ thuật thâm canh rừng trồng {target} tại {place}'],
				targets: ['keo lai', 'bạch đàn lai', 'thông caribê', 'lát hoa'],
				aim: 'tuyển chọn dòng {target} có năng suất trên {20-30} m³/ha/năm cho trồng rừng gỗ lớn',
				results: ['Đã tuyển chọn {3-8} dòng {target} năng suất vượt đối chứng {15-35}%.', 'Khảo nghiệm được xây dựng trên {5-30} ha.'],
				products: [['VARIETY', 'Dòng {target} được công nhận giống tiến bộ kỹ thuật'], ['PROCESS', 'Hướng dẫn kỹ thuật trồng rừng gỗ lớn']],
				keywords: ['rừng trồng', 'gỗ lớn', 'giống cây rừng'],
				subject: 'tuyển chọn giống {target}',
				en: 'clonal forestry trials for sawlog plantations',
			},
			{
				titles: ['Nghiên cứu phục hồi rừng {target} bị suy thoái', 'Xây dựng mô hình phục hồi hệ sinh thái rừng {target} tại {place}'],
				targets: ['phòng hộ đầu nguồn', 'tự nhiên nghèo kiệt', 'đặc dụng'],
				aim: 'phục hồi rừng {target} bằng tổ hợp loài cây bản địa phù hợp',
				results: ['Mô hình {5-60} ha có tỷ lệ sống {70-90}%, độ che phủ tăng {15-35}% sau {2-3} năm.', 'Đã đề xuất danh mục {6-15} loài cây phù hợp.'],
				products: [['PROCESS', 'Hướng dẫn kỹ thuật phục hồi rừng {target}'], ['REPORT', 'Bản đồ hiện trạng rừng vùng nghiên cứu']],
				keywords: ['phục hồi rừng', 'cây bản địa', 'đa dạng sinh học'],
				subject: 'phục hồi rừng {target}',
				en: 'restoration of degraded coastal forests',
			},
		],
	},
	pharma: {
		fields: ['30403', '30404', '30401', '20403', '30231'],
		programmes: ['KC.10'],
		ministry: MOH,
		keywords: ['dược liệu', 'chiết xuất', 'thực phẩm bảo vệ sức khỏe', 'GMP'],
		methods: [
			'Cao chiết được chuẩn hóa theo hàm lượng hoạt chất bằng HPLC; độc tính cấp và bán trường diễn được đánh giá trên chuột nhắt và thỏ.',
			'Nhiệm vụ tối ưu hóa quy trình chiết theo thiết kế thí nghiệm bề mặt đáp ứng rồi nâng quy mô lên {10-50} kg nguyên liệu/mẻ.',
		],
		places: ['Lâm Đồng', 'Hưng Yên', 'Hà Giang', 'Lào Cai', 'Nghệ An', 'Kon Tum', 'Quảng Nam'],
		venues: { vi: [...VN_PHARMA, VN_MED[0]!], en: ['Journal of Ethnopharmacology', 'Phytomedicine', 'Molecules', 'Natural Product Research'] },
		topics: [
			{
				titles: ['Nghiên cứu quy trình chiết xuất cao chuẩn hóa từ {target}', 'Hoàn thiện công nghệ chiết xuất và tinh chế hoạt chất từ {target}'],
				targets: ['đinh lăng', 'atiso', 'đẳng sâm', 'cà gai leo', 'nghệ vàng'],
				aim: 'xây dựng quy trình chiết cao {target} đạt hàm lượng hoạt chất ổn định, hiệu suất chiết trên {70-88}%',
				results: ['Quy trình ở quy mô {10-50} kg/mẻ cho cao khô đạt tiêu chuẩn cơ sở, hàm lượng hoạt chất chính {2-8}%.', 'Đã xây dựng tiêu chuẩn cơ sở và đánh giá độ ổn định {6-24} tháng.'],
				products: [['PROCESS', 'Quy trình chiết xuất cao chuẩn hóa {target}'], ['STANDARD', 'Tiêu chuẩn cơ sở cao khô {target}']],
				keywords: ['chiết xuất', 'cao chuẩn hóa', 'HPLC'],
				subject: 'chiết xuất cao chuẩn hóa từ {target}',
				en: 'standardised extracts and marker compounds',
			},
			{
				titles: ['Nghiên cứu bào chế viên nang giải phóng kéo dài hỗ trợ điều trị {target}', 'Phát triển sản phẩm hỗ trợ điều trị {target} từ dược liệu'],
				targets: ['bệnh gan nhiễm mỡ', 'đái tháo đường típ 2', 'mất ngủ', 'viêm khớp'],
				aim: 'bào chế sản phẩm hỗ trợ điều trị {target} từ cao dược liệu chuẩn hóa và đánh giá tác dụng trên mô hình thực nghiệm',
				results: ['Sản phẩm đạt tiêu chuẩn cơ sở, độ ổn định {12-24} tháng ở điều kiện thường.', 'Trên mô hình thực nghiệm, sản phẩm cải thiện chỉ số nghiên cứu {20-45}% so với lô chứng bệnh.'],
				products: [['PROTOTYPE', 'Sản phẩm viên nang hỗ trợ điều trị {target}'], ['PROCESS', 'Quy trình bào chế quy mô {5-20} nghìn viên/lô']],
				keywords: ['bào chế', 'viên nang', 'dược lý thực nghiệm'],
				subject: 'sản phẩm hỗ trợ điều trị {target} từ dược liệu',
				en: 'herbal formulations evaluated in preclinical models',
			},
			{
				titles: ['Xây dựng vùng trồng {target} đạt tiêu chuẩn GACP-WHO', 'Nghiên cứu kỹ thuật canh tác {target} theo GACP tại {place}'],
				targets: ['đương quy', 'actiso', 'ba kích', 'xuyên tâm liên'],
				aim: 'xây dựng vùng trồng {target} đạt GACP-WHO quy mô {10-40} ha',
				results: ['Vùng trồng đạt hàm lượng hoạt chất theo Dược điển Việt Nam, năng suất dược liệu khô {2-5} tấn/ha.', 'Đã ký hợp đồng bao tiêu với {1-3} doanh nghiệp dược.'],
				products: [['PROCESS', 'Quy trình canh tác {target} theo GACP-WHO'], ['PROTOTYPE', 'Vùng trồng dược liệu mẫu']],
				keywords: ['GACP-WHO', 'vùng trồng dược liệu', 'Dược điển Việt Nam'],
				subject: 'canh tác {target} theo GACP',
				en: 'good agricultural and collection practice for medicinal herbs',
			},
			{
				titles: ['Nghiên cứu tổng hợp {target} làm nguyên liệu thuốc trong nước', 'Hoàn thiện quy trình tổng hợp hóa dược {target} quy mô pilot'],
				targets: ['artesunat', 'oseltamivir', 'paracetamol', 'metformin'],
				aim: 'làm chủ quy trình tổng hợp {target} đạt tiêu chuẩn dược điển ở quy mô {5-20} kg/mẻ',
				results: ['Hiệu suất toàn quy trình đạt {45-72}%, tạp chất đạt giới hạn dược điển.', 'Đã sản xuất {3-5} lô thử nghiệm quy mô pilot.'],
				products: [['PROCESS', 'Quy trình tổng hợp {target}'], ['MATERIAL', 'Nguyên liệu {target} đạt dược điển']],
				keywords: ['hóa dược', 'nguyên liệu làm thuốc', 'tổng hợp hữu cơ'],
				subject: 'tổng hợp {target}',
				en: 'process chemistry of active pharmaceutical ingredients',
			},
		],
	},
	biomedicine: {
		fields: ['30501', '30503', '30221', '30308', '20605', '20601'],
		programmes: ['KC.10', 'KC.04'],
		ministry: MOH,
		keywords: ['y sinh học', 'chẩn đoán', 'sinh học phân tử', 'bệnh viện'],
		methods: [
			'Nghiên cứu mô tả cắt ngang và can thiệp trên {120-800} bệnh nhân tại {2-5} bệnh viện.',
			'Sinh phẩm được đánh giá trên {200-1200} mẫu lâm sàng, so sánh với phương pháp tham chiếu.',
		],
		places: ['Thừa Thiên Huế', 'Nghệ An', 'Thái Bình', 'Cần Thơ', 'Hà Nội', 'Đà Nẵng', 'Khánh Hòa'],
		venues: { vi: VN_MED, en: ['BMC Infectious Diseases', 'Scientific Reports', 'PLOS ONE', 'Diagnostics'] },
		topics: [
			{
				titles: ['Nghiên cứu phát triển bộ sinh phẩm real-time PCR phát hiện {target}', 'Phát triển xét nghiệm nhanh phát hiện {target} tại tuyến y tế cơ sở'],
				targets: ['vi khuẩn lao kháng thuốc', 'virus sốt xuất huyết Dengue', 'HPV nguy cơ cao', 'virus viêm gan B'],
				aim: 'phát triển bộ sinh phẩm phát hiện {target} có độ nhạy và độ đặc hiệu trên {92-98}%',
				results: ['Bộ sinh phẩm đạt độ nhạy {92-99}% và độ đặc hiệu {95-99}% trên {200-900} mẫu lâm sàng.', 'Giá thành bằng khoảng {30-60}% sản phẩm nhập khẩu.'],
				products: [['MATERIAL', 'Bộ sinh phẩm phát hiện {target}'], ['PROCESS', 'Quy trình sản xuất sinh phẩm quy mô {500-5000} test/lô']],
				keywords: ['real-time PCR', 'sinh phẩm chẩn đoán', 'xét nghiệm nhanh'],
				subject: 'phát hiện {target} bằng sinh học phân tử',
				en: 'molecular diagnostics for infectious diseases',
			},
			{
				titles: ['Nghiên cứu ứng dụng kỹ thuật {target} trong điều trị ung thư', 'Đánh giá hiệu quả {target} trong điều trị một số bệnh ung thư'],
				targets: ['giải trình tự gen thế hệ mới', 'xạ trị điều biến liều', 'liệu pháp miễn dịch', 'phẫu thuật nội soi robot'],
				aim: 'ứng dụng {target} vào điều trị, nâng tỷ lệ đáp ứng và chất lượng sống của người bệnh',
				results: ['Tỷ lệ đáp ứng điều trị đạt {55-80}%, thời gian nằm viện giảm {1-4} ngày.', 'Đã xây dựng {1-3} quy trình kỹ thuật được Bộ Y tế phê duyệt.'],
				products: [['PROCESS', 'Quy trình kỹ thuật {target}'], ['TRAINING', 'Đào tạo {2-6} bác sĩ chuyên khoa']],
				keywords: ['ung thư', 'điều trị đích', 'y học chính xác'],
				subject: 'ứng dụng {target} trong điều trị ung thư',
				en: 'precision oncology in Vietnamese hospitals',
			},
			{
				titles: ['Thiết kế, chế tạo thiết bị {target} cho bệnh viện tuyến tỉnh', 'Nghiên cứu chế tạo {target} sản xuất trong nước'],
				targets: ['máy thở không xâm nhập', 'máy theo dõi bệnh nhân đa thông số', 'hệ thống oxy cao áp', 'máy lọc máu liên tục'],
				aim: 'chế tạo {target} đạt tiêu chuẩn an toàn điện y tế, giá thành thấp hơn thiết bị nhập khẩu {30-50}%',
				results: ['Thiết bị đạt thử nghiệm an toàn theo IEC 60601 và được dùng thử tại {1-4} bệnh viện.', 'Đã sản xuất {3-20} thiết bị mẫu.'],
				products: [['EQUIPMENT', '{target} mẫu'], ['STANDARD', 'Hồ sơ kỹ thuật và tiêu chuẩn cơ sở thiết bị']],
				keywords: ['thiết bị y tế', 'IEC 60601', 'sản xuất trong nước'],
				subject: 'chế tạo {target}',
				en: 'low-cost medical devices for provincial hospitals',
			},
			{
				titles: ['Nghiên cứu dịch tễ học và yếu tố nguy cơ {target} tại {place}', 'Xây dựng mô hình dự phòng {target} dựa vào cộng đồng'],
				targets: ['đái tháo đường', 'tăng huyết áp', 'sốt xuất huyết', 'suy dinh dưỡng thấp còi ở trẻ em'],
				aim: 'xác định tỷ lệ hiện mắc và yếu tố nguy cơ {target}, đề xuất mô hình dự phòng phù hợp',
				results: ['Tỷ lệ hiện mắc {target} là {5-25}%; mô hình can thiệp giảm {10-30}% các yếu tố nguy cơ sau {12-24} tháng.', 'Đã chuyển giao mô hình cho {2-8} trạm y tế xã.'],
				products: [['REPORT', 'Báo cáo dịch tễ học {target}'], ['PROCESS', 'Hướng dẫn dự phòng {target} tại cộng đồng']],
				keywords: ['dịch tễ học', 'y tế dự phòng', 'cộng đồng'],
				subject: 'dịch tễ học {target}',
				en: 'community-based prevention of non-communicable diseases',
			},
		],
	},
	'food-processing': {
		fields: ['21101', '21102', '20901', '30304'],
		programmes: ['KC.07', 'KC.04'],
		ministry: MOIT,
		keywords: ['chế biến thực phẩm', 'an toàn thực phẩm', 'giá trị gia tăng'],
		methods: [
			'Các thông số công nghệ được tối ưu hóa theo phương pháp bề mặt đáp ứng, sau đó sản xuất thử tại cơ sở đối ứng.',
			'Sản phẩm được phân tích thành phần dinh dưỡng, vi sinh và đánh giá cảm quan trên {40-120} người thử.',
		],
		places: ['Đồng Tháp', 'Tiền Giang', 'Cà Mau', 'Bạc Liêu', 'Bình Định', 'Hải Dương', 'Nam Định', 'Sóc Trăng'],
		venues: { vi: ['Tạp chí Dinh dưỡng và Thực phẩm', 'Tạp chí Công Thương', VN_GENERAL[0]!], en: ['Food Chemistry', 'LWT - Food Science and Technology', 'Journal of Food Engineering'] },
		topics: [
			{
				titles: ['Nghiên cứu công nghệ sản xuất {target} từ nguyên liệu địa phương', 'Hoàn thiện quy trình sản xuất {target} quy mô công nghiệp'],
				targets: ['trà túi lọc lá sen', 'bột trái cây sấy phun', 'nước mắm giảm muối', 'nước giải khát lên men từ trái cây'],
				aim: 'sản xuất {target} đạt tiêu chuẩn an toàn thực phẩm, thời hạn sử dụng trên {6-18} tháng',
				results: ['Sản phẩm {target} được đánh giá cảm quan mức khá trở lên, đạt chỉ tiêu vi sinh theo quy chuẩn.', 'Đã sản xuất thử {1-20} tấn sản phẩm và đưa ra thị trường.'],
				products: [['PROCESS', 'Quy trình sản xuất {target}'], ['STANDARD', 'Tiêu chuẩn cơ sở sản phẩm {target}']],
				keywords: ['chế biến sâu', 'sản phẩm OCOP', 'nông sản địa phương'],
				subject: 'sản xuất {target}',
				en: 'processing of local agricultural raw materials',
			},
			{
				titles: ['Nghiên cứu thu nhận {target} từ phụ phẩm chế biến thủy sản', 'Ứng dụng enzym thu hồi {target} từ phụ phẩm cá tra và tôm'],
				targets: ['collagen', 'chitosan', 'dầu cá giàu omega-3', 'bột đạm thủy phân'],
				aim: 'thu nhận {target} từ phụ phẩm với hiệu suất trên {15-40}%, làm nguyên liệu cho thực phẩm và mỹ phẩm',
				results: ['Quy trình thủy phân bằng enzym cho {target} có độ tinh khiết trên {85-95}%.', 'Quy mô pilot {100-500} kg nguyên liệu/mẻ.'],
				products: [['PROCESS', 'Quy trình thu nhận {target}'], ['MATERIAL', '{target} thành phẩm']],
				keywords: ['phụ phẩm thủy sản', 'thủy phân enzym', 'kinh tế tuần hoàn'],
				subject: 'thu nhận {target} từ phụ phẩm',
				en: 'enzymatic valorisation of seafood by-products',
			},
			{
				titles: ['Nghiên cứu ứng dụng vi khuẩn lactic trong sản xuất {target}', 'Phát triển chủng khởi động cho sản xuất {target} an toàn'],
				targets: ['nem chua', 'dưa cải muối', 'tương bần', 'rượu vang trái cây'],
				aim: 'tuyển chọn chủng vi sinh khởi động giúp sản xuất {target} ổn định, rút ngắn thời gian lên men {20-40}%',
				results: ['Đã tuyển chọn {2-5} chủng có hoạt tính tốt, sản phẩm {target} đạt chỉ tiêu an toàn và ổn định giữa các mẻ.', 'Quy trình được áp dụng tại {1-6} cơ sở sản xuất.'],
				products: [['MATERIAL', 'Chủng khởi động lên men {target}'], ['PROCESS', 'Quy trình lên men {target}']],
				keywords: ['vi khuẩn lactic', 'lên men truyền thống', 'probiotic'],
				subject: 'lên men {target} bằng chủng khởi động',
				en: 'lactic acid bacteria starters for traditional fermented foods',
			},
		],
	},
	materials: {
		fields: ['20515', '20511', '20512', '21001', '20508', '10405'],
		programmes: ['KC.02'],
		ministry: MOIT,
		keywords: ['vật liệu tiên tiến', 'vật liệu nano', 'công nghệ pilot'],
		methods: [
			'Vật liệu được tổng hợp bằng phương pháp sol-gel và thủy nhiệt, đặc trưng bằng XRD, SEM, TEM và BET.',
			'Nhóm thực hiện thiết kế thí nghiệm, tối ưu thành phần và nâng quy mô từ phòng thí nghiệm lên dây chuyền pilot {1-10} kg/ngày.',
		],
		places: ['Bắc Ninh', 'Vĩnh Phúc', 'Thái Nguyên', 'Hải Dương', 'Bình Dương', 'Bà Rịa - Vũng Tàu'],
		venues: { vi: [...VN_CHEM, VN_GENERAL[1]!], en: ['Journal of Power Sources', 'Materials Letters', 'Ceramics International', 'Advances in Natural Sciences: Nanoscience and Nanotechnology'] },
		topics: [
			{
				titles: ['Nghiên cứu chế tạo vật liệu điện cực {target} cho pin lưu trữ', 'Phát triển vật liệu {target} quy mô pilot cho pin ion liti'],
				targets: ['LiFePO4', 'NMC giàu niken', 'cacbon cứng từ vỏ trấu', 'natri-ion'],
				aim: 'chế tạo vật liệu {target} có dung lượng trên {140-320} mAh/g, giữ trên {80-92}% dung lượng sau {300-1000} chu kỳ',
				results: ['Vật liệu đạt dung lượng {150-300} mAh/g, quy mô {1-5} kg/mẻ.', 'Đã chế tạo {10-100} cell pin mẫu để đánh giá.'],
				products: [['MATERIAL', 'Vật liệu điện cực {target}'], ['PROCESS', 'Quy trình tổng hợp quy mô pilot'], ['PATENT', 'Đơn đăng ký sáng chế về phương pháp chế tạo']],
				keywords: ['pin lithium-ion', 'lưu trữ năng lượng', 'vật liệu điện cực'],
				subject: 'vật liệu điện cực {target}',
				en: 'cathode and anode materials for lithium-ion batteries',
			},
			{
				titles: ['Nghiên cứu chế tạo lớp phủ nano {target}', 'Ứng dụng vật liệu nano trong chế tạo lớp phủ {target}'],
				targets: ['chống bám bẩn cho tấm pin mặt trời', 'chống ăn mòn cho kết cấu thép ven biển', 'kháng khuẩn cho bề mặt y tế', 'tự làm sạch cho kính xây dựng'],
				aim: 'chế tạo lớp phủ {target} bền trên {2-5} năm trong điều kiện khí hậu nhiệt đới',
				results: ['Lớp phủ đạt góc tiếp xúc nước trên {110-150}°, độ bền mài mòn đạt yêu cầu sau {500-2000} chu kỳ.', 'Đã thử nghiệm trên {100-2000} m² bề mặt thực tế.'],
				products: [['MATERIAL', 'Lớp phủ nano {target}'], ['PROCESS', 'Quy trình chế tạo và thi công lớp phủ']],
				keywords: ['lớp phủ nano', 'TiO2', 'SiO2', 'siêu kỵ nước'],
				subject: 'lớp phủ nano {target}',
				en: 'superhydrophobic nanocoatings in tropical climates',
			},
			{
				titles: ['Nghiên cứu chế tạo vật liệu composite {target}', 'Phát triển vật liệu composite nền polyme gia cường {target}'],
				targets: ['sợi tre', 'sợi đay', 'sợi thủy tinh tái chế', 'graphene'],
				aim: 'chế tạo composite gia cường {target} có độ bền kéo cao hơn vật liệu nền {30-80}%',
				results: ['Composite đạt độ bền kéo {60-180} MPa, khối lượng riêng thấp hơn vật liệu truyền thống {15-30}%.', 'Đã sản xuất thử {200-3000} sản phẩm mẫu.'],
				products: [['MATERIAL', 'Vật liệu composite gia cường {target}'], ['PROTOTYPE', 'Sản phẩm mẫu từ composite']],
				keywords: ['composite', 'vật liệu sinh học', 'polyme'],
				subject: 'composite gia cường {target}',
				en: 'natural-fibre reinforced polymer composites',
			},
			{
				titles: ['Nghiên cứu chế tạo vật liệu hấp phụ {target} xử lý nước', 'Tổng hợp vật liệu khung hữu cơ - kim loại (MOF) {target}'],
				targets: ['asen', 'kim loại nặng', 'kháng sinh tồn dư', 'thuốc nhuộm'],
				aim: 'tổng hợp vật liệu hấp phụ {target} có dung lượng hấp phụ cao, tái sử dụng trên {5-10} chu kỳ',
				results: ['Vật liệu đạt dung lượng hấp phụ {40-250} mg/g, hiệu suất loại bỏ trên {90-98}%.', 'Đã chế tạo {5-50} kg vật liệu để thử nghiệm cột lọc.'],
				products: [['MATERIAL', 'Vật liệu hấp phụ {target}'], ['PROCESS', 'Quy trình tổng hợp vật liệu']],
				keywords: ['vật liệu hấp phụ', 'MOF', 'xử lý nước'],
				subject: 'vật liệu hấp phụ {target}',
				en: 'metal-organic frameworks for water remediation',
			},
		],
	},
	construction: {
		fields: ['20507', '20102', '20105', '20510'],
		programmes: ['KC.02'],
		ministry: MOC,
		keywords: ['vật liệu xây dựng', 'xây dựng xanh', 'tận dụng phế thải'],
		methods: [
			'Các cấp phối được thử nghiệm cường độ, độ hút nước, độ co ngót và độ bền môi trường theo tiêu chuẩn TCVN.',
			'Nhiệm vụ sản xuất thử trên dây chuyền công nghiệp với {50-500} m³ sản phẩm và theo dõi công trình thử nghiệm {12-24} tháng.',
		],
		places: ['Thanh Hóa', 'Quảng Ninh', 'Hải Dương', 'Ninh Bình', 'Hà Nam', 'Bình Dương', 'Đồng Nai'],
		venues: { vi: ['Tạp chí Khoa học Công nghệ Xây dựng', 'Tạp chí Vật liệu và Xây dựng', 'Tạp chí Xây dựng'], en: ['Construction and Building Materials', 'Cement and Concrete Composites', 'Journal of Building Engineering'] },
		topics: [
			{
				titles: ['Nghiên cứu sử dụng {target} sản xuất gạch không nung', 'Ứng dụng {target} trong sản xuất bê tông geopolymer'],
				targets: ['tro bay nhiệt điện', 'xỉ lò cao', 'bùn thải đỏ', 'phế thải xây dựng'],
				aim: 'thay thế {20-60}% xi măng bằng {target} trong sản xuất vật liệu xây dựng',
				results: ['Sản phẩm đạt mác {75-200}, độ hút nước dưới {8-12}%, giá thành giảm {10-25}%.', 'Đã sản xuất thử {1-5} triệu viên tại nhà máy đối ứng.'],
				products: [['PROCESS', 'Công nghệ sản xuất vật liệu từ {target}'], ['STANDARD', 'Chỉ dẫn kỹ thuật sử dụng {target}']],
				keywords: ['geopolymer', 'gạch không nung', 'tro xỉ', 'kinh tế tuần hoàn'],
				subject: 'sử dụng {target} trong vật liệu xây dựng',
				en: 'geopolymer binders from industrial by-products',
			},
			{
				titles: ['Nghiên cứu giải pháp {target} cho công trình ven biển', 'Phát triển bê tông {target} cho vùng khí hậu biển'],
				targets: ['chống xâm thực', 'cốt sợi phi kim', 'tự lèn cường độ cao'],
				aim: 'nâng tuổi thọ kết cấu bê tông ven biển lên trên {50-100} năm bằng giải pháp {target}',
				results: ['Bê tông đạt cường độ {50-90} MPa, hệ số khuếch tán clorua giảm {30-60}%.', 'Đã áp dụng cho {1-4} công trình thử nghiệm.'],
				products: [['MATERIAL', 'Cấp phối bê tông {target}'], ['STANDARD', 'Chỉ dẫn thiết kế và thi công']],
				keywords: ['bê tông', 'xâm thực biển', 'độ bền kết cấu'],
				subject: 'bê tông {target} vùng ven biển',
				en: 'durability of marine concrete structures',
			},
		],
	},
	energy: {
		fields: ['20703', '20313', '20201', '10306'],
		programmes: ['KC.05'],
		ministry: MOIT,
		keywords: ['năng lượng tái tạo', 'hiệu quả năng lượng', 'điện mặt trời'],
		methods: [
			'Hệ thống được mô phỏng trên phần mềm chuyên dụng, sau đó lắp đặt thử nghiệm và đo đạc liên tục {6-18} tháng.',
			'Nhóm thực hiện thu thập số liệu vận hành của {2-6} nhà máy, xây dựng mô hình và kiểm chứng với dữ liệu thực tế.',
		],
		places: ['Ninh Thuận', 'Bình Thuận', 'Gia Lai', 'Đắk Lắk', 'Quảng Trị', 'Bạc Liêu', 'Trà Vinh', 'Sóc Trăng'],
		venues: { vi: ['Tạp chí Năng lượng Việt Nam', 'Tạp chí Công Thương', VN_TECH[1]!], en: ['Energy Reports', 'Renewable Energy', 'Applied Energy', 'Energies'] },
		topics: [
			{
				titles: ['Nghiên cứu hệ thống quản lý năng lượng cho {target}', 'Phát triển bộ điều khiển và hệ thống quản lý pin lưu trữ cho {target}'],
				targets: ['nhà máy điện mặt trời', 'lưới điện siêu nhỏ trên đảo', 'trạm sạc xe điện', 'hộ gia đình có điện mái nhà'],
				aim: 'tối ưu vận hành {target} kết hợp pin lưu trữ, giảm {10-30}% điện năng cắt giảm',
				results: ['Hệ thống quản lý năng lượng giảm {10-25}% điện năng bị cắt giảm và {8-20}% chi phí vận hành.', 'Đã vận hành thử nghiệm tại {1-3} địa điểm.'],
				products: [['SOFTWARE', 'Phần mềm quản lý năng lượng cho {target}'], ['EQUIPMENT', 'Bộ điều khiển pin lưu trữ mẫu']],
				keywords: ['EMS', 'BESS', 'pin lưu trữ', 'lưới điện thông minh'],
				subject: 'quản lý năng lượng cho {target}',
				en: 'energy management of battery storage systems',
			},
			{
				titles: ['Nghiên cứu dự báo công suất {target} ngắn hạn bằng học máy', 'Xây dựng mô hình dự báo công suất {target} phục vụ điều độ hệ thống điện'],
				targets: ['điện gió', 'điện mặt trời', 'thủy điện nhỏ'],
				aim: 'dự báo công suất {target} trước {1-72} giờ với sai số dưới {6-12}%',
				results: ['Mô hình đạt sai số trung bình {5-11}% với dữ liệu {1-3} năm của nhà máy thử nghiệm.', 'Phần mềm đã được nhà máy đối ứng sử dụng.'],
				products: [['SOFTWARE', 'Phần mềm dự báo công suất {target}'], ['REPORT', 'Bộ dữ liệu khí tượng và công suất']],
				keywords: ['dự báo công suất', 'học máy', 'điều độ hệ thống điện'],
				subject: 'dự báo công suất {target}',
				en: 'short-term renewable power forecasting with machine learning',
			},
			{
				titles: ['Nghiên cứu thiết kế, chế tạo {target}', 'Ứng dụng {target} cho vùng nông thôn và hải đảo'],
				targets: ['lò khí hóa sinh khối trấu', 'hệ thống biogas composite', 'tua bin gió cỡ nhỏ', 'máy nước nóng năng lượng mặt trời'],
				aim: 'chế tạo {target} sử dụng vật tư trong nước, hiệu suất trên {60-85}%',
				results: ['Thiết bị đạt hiệu suất {60-85}%, thời gian hoàn vốn {2-5} năm.', 'Đã lắp đặt {5-60} hệ thống tại cơ sở sản xuất.'],
				products: [['EQUIPMENT', '{target}'], ['PROCESS', 'Quy trình lắp đặt và vận hành']],
				keywords: ['sinh khối', 'năng lượng nông thôn', 'khí hóa'],
				subject: 'chế tạo {target}',
				en: 'small-scale renewable energy systems for rural areas',
			},
			{
				titles: ['Nghiên cứu robot {target} cho nhà máy điện mặt trời', 'Thiết kế hệ thống {target} tự động cho trang trại điện mặt trời'],
				targets: ['vệ sinh tấm pin không dùng nước', 'kiểm tra nhiệt tấm pin bằng UAV'],
				aim: 'tự động hóa {target}, tăng sản lượng điện {3-8}%',
				results: ['Robot vận hành {1-3} MWp mỗi ngày, sản lượng tăng {3-7}% so với vệ sinh định kỳ thủ công.', 'Đã chế tạo {2-6} robot mẫu.'],
				products: [['EQUIPMENT', 'Robot {target}'], ['SOFTWARE', 'Phần mềm giám sát đội robot']],
				keywords: ['robot', 'điện mặt trời', 'vận hành bảo dưỡng'],
				subject: 'robot {target}',
				en: 'robotic cleaning and inspection of PV arrays',
			},
		],
	},
	'it-iot': {
		fields: ['10201', '20204', '20203', '10202', '20206', '20207'],
		programmes: ['KC.01'],
		ministry: MIC,
		keywords: ['công nghệ thông tin', 'IoT', 'trí tuệ nhân tạo', 'chuyển đổi số'],
		methods: [
			'Nhóm thực hiện thu thập và gán nhãn bộ dữ liệu {5-80} nghìn mẫu, huấn luyện và so sánh các mô hình học sâu.',
			'Hệ thống được thiết kế theo kiến trúc vi dịch vụ, thử nghiệm với {50-2000} người dùng và {10-500} thiết bị.',
		],
		places: ['Hà Nội', 'Đà Nẵng', 'TP. Hồ Chí Minh', 'Thừa Thiên Huế', 'Bắc Ninh', 'Cần Thơ'],
		venues: { vi: ['Tạp chí Khoa học và Công nghệ Thông tin và Truyền thông', 'Chuyên san Các công trình nghiên cứu, phát triển và ứng dụng CNTT-TT', VN_TECH[1]!], en: ['IEEE Access', 'Sensors', 'Computers and Electronics in Agriculture', 'Journal of Information and Telecommunication'] },
		topics: [
			{
				titles: ['Nghiên cứu phát triển hệ thống {target} xử lý tiếng Việt', 'Xây dựng nền tảng {target} tiếng Việt cho dịch vụ công'],
				targets: ['nhận dạng tiếng nói', 'trợ lý ảo', 'tóm tắt văn bản', 'chuyển giọng nói thành văn bản'],
				aim: 'xây dựng hệ thống {target} tiếng Việt đạt độ chính xác trên {88-96}% cho các phương ngữ chính',
				results: ['Hệ thống đạt tỷ lệ lỗi từ {5-12}% trên bộ dữ liệu kiểm thử {20-200} giờ.', 'Đã triển khai thử nghiệm tại {1-5} cơ quan.'],
				products: [['SOFTWARE', 'Hệ thống {target} tiếng Việt'], ['OTHER', 'Bộ dữ liệu tiếng Việt đã gán nhãn']],
				keywords: ['xử lý ngôn ngữ tự nhiên', 'tiếng Việt', 'học sâu'],
				subject: '{target} tiếng Việt',
				en: 'Vietnamese speech and language processing',
			},
			{
				titles: ['Nghiên cứu thiết kế hệ thống IoT giám sát {target}', 'Phát triển giải pháp IoT và nền tảng dữ liệu giám sát {target}'],
				targets: ['nhiệt độ chuỗi lạnh', 'chất lượng nước ao nuôi', 'độ ẩm đất vườn cây', 'rung động máy công nghiệp'],
				aim: 'giám sát {target} theo thời gian thực, cảnh báo sớm qua ứng dụng di động',
				results: ['Thiết bị đo hoạt động ổn định {6-18} tháng, độ trễ cảnh báo dưới {5-60} giây.', 'Đã lắp đặt {30-400} nút cảm biến tại cơ sở thử nghiệm.'],
				products: [['EQUIPMENT', 'Thiết bị IoT giám sát {target}'], ['SOFTWARE', 'Nền tảng dữ liệu và ứng dụng di động']],
				keywords: ['IoT', 'cảm biến', 'LoRaWAN', 'giám sát thời gian thực'],
				subject: 'IoT giám sát {target}',
				en: 'low-power IoT monitoring with LoRaWAN',
			},
			{
				titles: ['Nghiên cứu ứng dụng thị giác máy tính {target}', 'Phát triển hệ thống trí tuệ nhân tạo {target}'],
				targets: ['kiểm tra lỗi bo mạch điện tử', 'phân loại nông sản', 'đếm và giám sát giao thông', 'phát hiện sâu bệnh trên lá'],
				aim: 'ứng dụng học sâu để {target} với độ chính xác trên {90-98}%',
				results: ['Mô hình đạt độ chính xác {91-98}%, tốc độ xử lý {10-60} khung hình/giây trên thiết bị biên.', 'Đã tích hợp vào {1-4} dây chuyền hoặc hệ thống thực tế.'],
				products: [['SOFTWARE', 'Phần mềm {target} bằng học sâu'], ['OTHER', 'Bộ dữ liệu ảnh đã gán nhãn']],
				keywords: ['thị giác máy tính', 'học sâu', 'AI biên'],
				subject: 'thị giác máy tính {target}',
				en: 'deep learning for visual inspection',
			},
			{
				titles: ['Xây dựng cơ sở dữ liệu và hệ thống thông tin {target}', 'Nghiên cứu giải pháp chuyển đổi số {target}'],
				targets: ['quản lý vùng trồng', 'truy xuất nguồn gốc nông sản', 'quản lý nhiệm vụ KH&CN cấp tỉnh', 'quản lý tài nguyên nước'],
				aim: 'xây dựng hệ thống thông tin {target} kết nối dữ liệu giữa các cấp',
				results: ['Cơ sở dữ liệu gồm {5-80} nghìn bản ghi, kết nối với {2-6} hệ thống liên quan.', 'Hệ thống đã vận hành chính thức tại đơn vị đặt hàng.'],
				products: [['SOFTWARE', 'Hệ thống thông tin {target}'], ['REPORT', 'Bộ tiêu chí và quy chế vận hành dữ liệu']],
				keywords: ['cơ sở dữ liệu', 'chuyển đổi số', 'GIS'],
				subject: 'hệ thống thông tin {target}',
				en: 'information systems for public sector data sharing',
			},
		],
	},
	mechanical: {
		fields: ['20302', '20305', '20202', '20311', '20203', '20307'],
		programmes: ['KC.03'],
		ministry: MOIT,
		keywords: ['cơ khí chế tạo', 'tự động hóa', 'nội địa hóa'],
		methods: [
			'Thiết bị được thiết kế trên phần mềm CAD/CAE, mô phỏng động lực học và bền trước khi chế tạo mẫu.',
			'Mẫu thiết bị được chạy thử tại cơ sở sản xuất {3-12} tháng và hiệu chỉnh theo góp ý của người vận hành.',
		],
		places: ['Hải Phòng', 'Bắc Giang', 'Vĩnh Phúc', 'Hải Dương', 'Thái Nguyên', 'Bình Dương', 'Long An', 'Quảng Nam'],
		venues: { vi: [...VN_TECH, VN_GENERAL[0]!], en: ['The International Journal of Advanced Manufacturing Technology', 'Machines', 'Robotics and Computer-Integrated Manufacturing'] },
		topics: [
			{
				titles: ['Nghiên cứu thiết kế, chế tạo robot {target}', 'Phát triển hệ thống robot {target} cho công nghiệp hỗ trợ'],
				targets: ['hàn ống thép', 'gắp xếp sản phẩm', 'phun sơn', 'tự hành vận chuyển trong kho'],
				aim: 'chế tạo robot {target} với tỷ lệ nội địa hóa trên {50-75}%',
				results: ['Robot đạt độ lặp lại vị trí ±{1-5} mm, năng suất cao hơn thao tác thủ công {2-4} lần.', 'Đã chuyển giao {1-5} hệ thống cho doanh nghiệp.'],
				products: [['EQUIPMENT', 'Robot {target}'], ['SOFTWARE', 'Phần mềm điều khiển robot']],
				keywords: ['robot công nghiệp', 'tự động hóa', 'nội địa hóa'],
				subject: 'robot {target}',
				en: 'industrial robots designed and built in Vietnam',
			},
			{
				titles: ['Nghiên cứu thiết kế, chế tạo máy {target}', 'Cơ giới hóa khâu {target} trong sản xuất nông nghiệp'],
				targets: ['thu hoạch mía', 'gieo sạ lúa theo hàng', 'bóc vỏ cà phê tươi', 'phun thuốc bằng thiết bị bay không người lái'],
				aim: 'chế tạo máy {target} năng suất cao hơn lao động thủ công {5-20} lần',
				results: ['Máy đạt năng suất {0-2},{1-9} ha/giờ, tỷ lệ tổn thất dưới {2-5}%.', 'Đã sản xuất loạt nhỏ {5-30} máy.'],
				products: [['EQUIPMENT', 'Máy {target}'], ['REPORT', 'Bộ hồ sơ thiết kế và công nghệ chế tạo']],
				keywords: ['cơ giới hóa nông nghiệp', 'máy nông nghiệp'],
				subject: 'máy {target}',
				en: 'agricultural mechanisation for smallholders',
			},
			{
				titles: ['Nghiên cứu hệ thống giám sát tình trạng {target} phục vụ bảo trì dự đoán', 'Ứng dụng phân tích rung động giám sát {target}'],
				targets: ['máy CNC', 'cần trục cảng biển', 'hộp số tua bin gió', 'băng tải nhà máy xi măng'],
				aim: 'phát hiện sớm hư hỏng {target} trước {1-4} tuần, giảm {20-40}% thời gian dừng máy',
				results: ['Hệ thống phát hiện đúng {85-96}% các sự cố thử nghiệm, thời gian dừng máy giảm {20-35}%.', 'Đã lắp đặt cho {5-40} thiết bị tại {1-3} nhà máy.'],
				products: [['EQUIPMENT', 'Bộ thu thập và phân tích rung động'], ['SOFTWARE', 'Phần mềm bảo trì dự đoán cho {target}']],
				keywords: ['bảo trì dự đoán', 'rung động', 'công nghiệp 4.0'],
				subject: 'giám sát tình trạng {target}',
				en: 'vibration-based predictive maintenance',
			},
			{
				titles: ['Nghiên cứu công nghệ chế tạo {target} bằng luyện kim bột', 'Làm chủ công nghệ chế tạo {target} thay thế hàng nhập khẩu'],
				targets: ['bạc tự bôi trơn', 'bánh răng xe máy', 'chi tiết chịu mài mòn cho máy khai khoáng', 'khuôn dập chính xác'],
				aim: 'chế tạo {target} đạt độ bền tương đương hàng nhập khẩu, giá thành thấp hơn {20-40}%',
				results: ['Chi tiết đạt độ cứng {35-60} HRC, tuổi thọ bằng {90-110}% hàng nhập khẩu.', 'Đã sản xuất {500-20000} chi tiết cho doanh nghiệp đối ứng.'],
				products: [['PROCESS', 'Công nghệ chế tạo {target}'], ['PROTOTYPE', 'Lô sản phẩm {target} mẫu']],
				keywords: ['luyện kim bột', 'gia công chính xác', 'công nghiệp hỗ trợ'],
				subject: 'chế tạo {target}',
				en: 'powder metallurgy parts for local industry',
			},
		],
	},
	environment: {
		fields: ['20701', '20802', '10509', '10513', '20801'],
		programmes: ['KC.08'],
		ministry: MONRE,
		keywords: ['môi trường', 'xử lý nước thải', 'quan trắc'],
		methods: [
			'Hệ thống pilot công suất {5-50} m³/ngày được vận hành {6-12} tháng, lấy mẫu định kỳ và phân tích theo QCVN.',
			'Nhóm thực hiện khảo sát hiện trạng tại {10-60} cơ sở, xây dựng mô hình lan truyền và đề xuất giải pháp.',
		],
		places: ['Quảng Nam', 'Quảng Ngãi', 'Bình Định', 'Hải Dương', 'Bắc Ninh', 'Đồng Nai', 'Bình Dương', 'Sóc Trăng', 'Kiên Giang'],
		venues: { vi: [...VN_ENV, VN_GENERAL[0]!], en: ['Journal of Cleaner Production', 'Chemosphere', 'Science of the Total Environment', 'Environmental Technology & Innovation'] },
		topics: [
			{
				titles: ['Nghiên cứu công nghệ xử lý nước thải {target}', 'Hoàn thiện hệ thống xử lý nước thải {target} bằng giá thể sinh học MBBR'],
				targets: ['chế biến thủy sản', 'làng nghề dệt nhuộm', 'chăn nuôi lợn', 'chế biến tinh bột sắn', 'bệnh viện tuyến huyện'],
				aim: 'xử lý nước thải {target} đạt QCVN cột A, chi phí vận hành thấp hơn công nghệ hiện có {20-40}%',
				results: ['Hệ thống pilot đạt hiệu suất xử lý COD {85-95}%, amoni {80-95}%.', 'Đã áp dụng cho {1-6} cơ sở với tổng công suất {50-800} m³/ngày.'],
				products: [['PROCESS', 'Công nghệ xử lý nước thải {target}'], ['EQUIPMENT', 'Hệ thống pilot xử lý nước thải']],
				keywords: ['MBBR', 'xử lý nước thải', 'QCVN'],
				subject: 'xử lý nước thải {target}',
				en: 'moving bed biofilm reactors for industrial wastewater',
			},
			{
				titles: ['Nghiên cứu giải pháp cấp nước sạch cho {target}', 'Ứng dụng thiết bị lọc nước lợ bằng năng lượng mặt trời cho {target}'],
				targets: ['vùng ven biển nhiễm mặn', 'hải đảo', 'vùng núi đá vôi', 'trường học vùng sâu'],
				aim: 'cung cấp nước đạt quy chuẩn ăn uống cho {target} với chi phí dưới {5-15} nghìn đồng/m³',
				results: ['Thiết bị công suất {1-10} m³/ngày đạt quy chuẩn nước ăn uống, vận hành ổn định {6-18} tháng.', 'Đã lắp đặt {3-40} thiết bị phục vụ khoảng {500-6000} người dân.'],
				products: [['EQUIPMENT', 'Thiết bị cấp nước sạch cho {target}'], ['PROCESS', 'Hướng dẫn vận hành và bảo dưỡng']],
				keywords: ['nước sạch', 'xâm nhập mặn', 'thẩm thấu ngược'],
				subject: 'cấp nước sạch cho {target}',
				en: 'solar-powered desalination for coastal communities',
			},
			{
				titles: ['Nghiên cứu xử lý {target} thành phân bón hữu cơ', 'Ứng dụng chế phẩm vi sinh xử lý {target} tại {place}'],
				targets: ['rơm rạ sau thu hoạch', 'chất thải rắn sinh hoạt hữu cơ', 'bùn thải ao nuôi', 'vỏ cà phê'],
				aim: 'xử lý {target} thành phân bón hữu cơ trong {20-45} ngày, giảm đốt bỏ và chôn lấp',
				results: ['Quy trình ủ rút ngắn thời gian xử lý {30-50}%, sản phẩm đạt tiêu chuẩn phân bón hữu cơ.', 'Đã xử lý {100-3000} tấn {target} tại mô hình.'],
				products: [['PROCESS', 'Quy trình xử lý {target}'], ['MATERIAL', 'Chế phẩm vi sinh xử lý {target}']],
				keywords: ['phân hữu cơ', 'ủ compost', 'chế phẩm vi sinh', 'kinh tế tuần hoàn'],
				subject: 'xử lý {target} thành phân hữu cơ',
				en: 'microbial composting of agricultural residues',
			},
			{
				titles: ['Xây dựng hệ thống quan trắc {target} tự động', 'Nghiên cứu mô hình cảnh báo ô nhiễm {target}'],
				targets: ['chất lượng không khí đô thị', 'chất lượng nước sông', 'nước thải khu công nghiệp'],
				aim: 'quan trắc {target} liên tục và công bố dữ liệu cho cộng đồng',
				results: ['Mạng lưới {5-30} trạm quan trắc truyền dữ liệu mỗi {5-15} phút, độ sẵn sàng trên {92-99}%.', 'Mô hình cảnh báo dự báo trước {12-72} giờ.'],
				products: [['EQUIPMENT', 'Trạm quan trắc {target}'], ['SOFTWARE', 'Phần mềm cảnh báo và công bố dữ liệu']],
				keywords: ['quan trắc tự động', 'cảnh báo ô nhiễm', 'dữ liệu mở'],
				subject: 'quan trắc {target}',
				en: 'low-cost sensor networks for environmental monitoring',
			},
		],
	},
	'marine-climate': {
		fields: ['10512', '10511', '20708', '10513', '10614'],
		programmes: ['KC.09', 'KC.08'],
		ministry: MONRE,
		keywords: ['biển và hải đảo', 'biến đổi khí hậu', 'thiên tai'],
		methods: [
			'Nhóm thực hiện {2-5} chuyến khảo sát thực địa, đo đạc thủy động lực và xây dựng mô hình số trị.',
			'Dữ liệu viễn thám {10-30} năm được kết hợp với số liệu quan trắc để đánh giá xu thế biến động.',
		],
		places: ['Quảng Ngãi', 'Bình Định', 'Phú Yên', 'Quảng Bình', 'Cà Mau', 'Bạc Liêu', 'Trà Vinh', 'Quảng Ninh', 'Khánh Hòa'],
		venues: { vi: [...VN_ENV.slice(0, 2), 'Tạp chí Khoa học và Công nghệ Biển'], en: ['Ocean & Coastal Management', 'Estuarine, Coastal and Shelf Science', 'Natural Hazards'] },
		topics: [
			{
				titles: ['Nghiên cứu giải pháp chống {target} vùng ven biển', 'Đánh giá và đề xuất giải pháp ứng phó {target} tại {place}'],
				targets: ['xói lở bờ biển', 'xâm nhập mặn', 'sạt lở bờ sông', 'ngập lụt đô thị ven biển'],
				aim: 'đánh giá diễn biến {target} và đề xuất giải pháp công trình, phi công trình phù hợp',
				results: ['Đã xây dựng bản đồ nguy cơ {target} tỷ lệ 1:{10-50}.000 và đề xuất {3-8} giải pháp ưu tiên.', 'Giải pháp thử nghiệm giảm tốc độ xói lở {30-70}% tại đoạn bờ nghiên cứu.'],
				products: [['REPORT', 'Bản đồ nguy cơ {target}'], ['PROCESS', 'Hướng dẫn kỹ thuật giải pháp ứng phó']],
				keywords: ['xói lở', 'xâm nhập mặn', 'thích ứng biến đổi khí hậu'],
				subject: 'ứng phó {target}',
				en: 'coastal erosion and adaptation measures',
			},
			{
				titles: ['Điều tra, đánh giá nguồn lợi {target} và đề xuất giải pháp bảo tồn', 'Nghiên cứu phục hồi hệ sinh thái {target} tại {place}'],
				targets: ['rạn san hô', 'thảm cỏ biển', 'rừng ngập mặn', 'khu bảo tồn biển'],
				aim: 'đánh giá hiện trạng và phục hồi hệ sinh thái {target}',
				results: ['Đã ghi nhận {80-400} loài, diện tích {target} suy giảm {10-40}% trong {10-20} năm.', 'Mô hình phục hồi {1-10} ha có tỷ lệ sống trên {60-85}%.'],
				products: [['REPORT', 'Báo cáo hiện trạng hệ sinh thái {target}'], ['PROCESS', 'Quy trình phục hồi {target}']],
				keywords: ['đa dạng sinh học biển', 'bảo tồn', 'phục hồi sinh thái'],
				subject: 'hệ sinh thái {target}',
				en: 'status and restoration of tropical coastal ecosystems',
			},
		],
	},
	social: {
		fields: ['50202', '50201', '50602', '50703', '50802'],
		programmes: ['KX.01', 'KX.04', 'KX.06'],
		ministry: MOST,
		keywords: ['chính sách', 'kinh tế', 'khoa học xã hội'],
		methods: [
			'Nghiên cứu kết hợp khảo sát bảng hỏi {300-2000} phiếu, phỏng vấn sâu và phân tích chính sách so sánh.',
			'Nhóm thực hiện tổ chức {3-8} hội thảo tham vấn với cơ quan quản lý, doanh nghiệp và chuyên gia.',
		],
		places: ['Hà Nội', 'Đà Nẵng', 'TP. Hồ Chí Minh', 'Nghệ An', 'Thừa Thiên Huế'],
		venues: { vi: ['Tạp chí Nghiên cứu Kinh tế', 'Tạp chí Kinh tế và Dự báo', 'Tạp chí Chính sách và Quản lý KH&CN'], en: ['Science and Public Policy', 'Journal of Asian Economics', 'Technological Forecasting and Social Change'] },
		topics: [
			{
				titles: ['Nghiên cứu cơ chế, chính sách thúc đẩy {target}', 'Giải pháp phát triển {target} ở Việt Nam giai đoạn mới'],
				targets: ['thị trường khoa học và công nghệ', 'doanh nghiệp khoa học và công nghệ', 'hệ sinh thái khởi nghiệp đổi mới sáng tạo', 'chuyển giao công nghệ từ viện, trường'],
				aim: 'đánh giá thực trạng và đề xuất cơ chế, chính sách thúc đẩy {target}',
				results: ['Đã đề xuất {5-12} nhóm giải pháp, trong đó {2-4} kiến nghị được tiếp thu khi sửa đổi văn bản quy phạm pháp luật.', 'Bộ cơ sở dữ liệu khảo sát {300-1500} tổ chức được bàn giao cho cơ quan quản lý.'],
				products: [['REPORT', 'Báo cáo kiến nghị chính sách về {target}'], ['PUBLICATION', 'Sách chuyên khảo về {target}']],
				keywords: ['chính sách KH&CN', 'thị trường công nghệ', 'đổi mới sáng tạo'],
				subject: 'chính sách thúc đẩy {target}',
				en: 'technology market policy in emerging economies',
			},
			{
				titles: ['Nghiên cứu mô hình {target} cho nông thôn mới', 'Đánh giá tác động của {target} đến sinh kế người dân tại {place}'],
				targets: ['hợp tác xã kiểu mới', 'du lịch cộng đồng', 'liên kết chuỗi giá trị nông sản'],
				aim: 'đánh giá hiệu quả {target} và đề xuất mô hình nhân rộng',
				results: ['Thu nhập của hộ tham gia {target} cao hơn {15-40}% so với hộ không tham gia.', 'Mô hình đề xuất được địa phương áp dụng tại {2-6} xã.'],
				products: [['REPORT', 'Báo cáo đánh giá tác động {target}'], ['PROCESS', 'Sổ tay hướng dẫn mô hình {target}']],
				keywords: ['nông thôn mới', 'sinh kế', 'kinh tế hợp tác'],
				subject: '{target} và sinh kế nông thôn',
				en: 'rural livelihoods and cooperative models',
			},
		],
	},
} satisfies Record<string, ResearchDomain>

export type ResearchDomainKey = keyof typeof DOMAINS
export const RESEARCH_DOMAIN_KEYS = Object.keys(DOMAINS) as ResearchDomainKey[]

// ─── Host organisations ──────────────────────────────────────────────────────

type HostKind = 'institute' | 'university' | 'centre' | 'enterprise'

type Host = {
	/** Slug of the demo organisation it is, or null for a host that is not on the platform. */
	key: string | null
	name: string
	/** Another way records write the name (the short name), found by the import's organisation lookup too. */
	shortName?: string
	kind: HostKind
	/** The province as its records write it: the former name where the province has since merged. */
	province: string
	domains: readonly ResearchDomainKey[]
	/** Letters used in ministerial and grassroots task codes. */
	abbr: string
	emailDomain: string
	/** How many task results it hosts, and how many experts (besides demo users) work there. */
	tasks: number
	experts: number
}

type DemoHostSpec = Pick<Host, 'kind' | 'province' | 'domains' | 'abbr' | 'tasks' | 'experts'>

/** Demo organisations as hosts of registered tasks. Hương Giang's older records still say "Thừa Thiên Huế". */
const DEMO_HOSTS: Readonly<Record<string, DemoHostSpec>> = {
	'vien-cnsh-nong-nghiep-phuong-nam': { kind: 'institute', province: 'Cần Thơ', domains: ['rice-crops', 'fruit-postharvest'], abbr: 'CNSHPN', tasks: 12, experts: 4 },
	'vien-cong-nghe-nuoi-bien-nam-trung-bo': { kind: 'institute', province: 'Khánh Hòa', domains: ['aquaculture', 'marine-climate'], abbr: 'NBNTB', tasks: 12, experts: 4 },
	'vien-vat-lieu-nang-luong-moi': { kind: 'institute', province: 'Hà Nội', domains: ['materials', 'energy', 'construction'], abbr: 'IMNE', tasks: 12, experts: 4 },
	'vien-co-khi-tu-dong-hoa-duyen-hai': { kind: 'institute', province: 'Hải Phòng', domains: ['mechanical', 'it-iot'], abbr: 'CKDH', tasks: 11, experts: 4 },
	'vien-duoc-lieu-lam-vien': { kind: 'institute', province: 'Lâm Đồng', domains: ['pharma', 'forestry-herbs'], abbr: 'DLLV', tasks: 12, experts: 3 },
	'vien-ky-thuat-moi-truong-mien-trung': { kind: 'institute', province: 'Đà Nẵng', domains: ['environment', 'energy', 'marine-climate'], abbr: 'KTMT', tasks: 11, experts: 4 },
	'dai-hoc-ky-thuat-cong-nghiep-trung-du': { kind: 'university', province: 'Thái Nguyên', domains: ['mechanical', 'materials', 'it-iot'], abbr: 'KTD', tasks: 11, experts: 3 },
	'dai-hoc-nong-nghiep-cao-nguyen': { kind: 'university', province: 'Đắk Lắk', domains: ['industrial-crops', 'livestock-vet', 'fruit-postharvest'], abbr: 'NCN', tasks: 11, experts: 4 },
	'dai-hoc-khoa-hoc-ung-dung-huong-giang': { kind: 'university', province: 'Thừa Thiên Huế', domains: ['biomedicine', 'pharma', 'food-processing', 'it-iot'], abbr: 'HGU', tasks: 11, experts: 4 },
	'dai-hoc-cong-nghe-ky-thuat-dong-nam-bo': { kind: 'university', province: 'TP. Hồ Chí Minh', domains: ['it-iot', 'mechanical', 'biomedicine'], abbr: 'DNB', tasks: 11, experts: 4 },
	'co-khi-truong-thinh-phat': { kind: 'enterprise', province: 'Bắc Ninh', domains: ['mechanical'], abbr: 'TTP', tasks: 3, experts: 0 },
	'thuy-san-sao-bien-ca-mau': { kind: 'enterprise', province: 'Cà Mau', domains: ['aquaculture'], abbr: 'SBCM', tasks: 2, experts: 0 },
	'nong-san-thap-muoi': { kind: 'enterprise', province: 'Đồng Tháp', domains: ['food-processing', 'fruit-postharvest'], abbr: 'TMF', tasks: 2, experts: 0 },
	'duoc-thao-moc-pho-hien': { kind: 'enterprise', province: 'Hưng Yên', domains: ['pharma'], abbr: 'DPH', tasks: 2, experts: 0 },
	'nang-luong-cao-nguyen-gio': { kind: 'enterprise', province: 'Gia Lai', domains: ['energy'], abbr: 'CNG', tasks: 2, experts: 0 },
}

/** Hosts that are not on the platform (invented), mostly in provinces that merged in 2025, named as their records name them. */
const OTHER_HOSTS: ReadonlyArray<Omit<Host, 'key' | 'emailDomain'>> = [
	{ name: 'Viện Nghiên cứu Lúa Tây Sông Hậu', kind: 'institute', province: 'Kiên Giang', domains: ['rice-crops'], abbr: 'LTSH', tasks: 8, experts: 3 },
	{ name: 'Viện Khoa học Nông nghiệp Duyên hải Nam Trung Bộ', kind: 'institute', province: 'Bình Định', domains: ['rice-crops', 'livestock-vet', 'fruit-postharvest'], abbr: 'NNDH', tasks: 8, experts: 3 },
	{ name: 'Trung tâm Nghiên cứu Giống Thủy sản Cửu Long', kind: 'centre', province: 'Bến Tre', domains: ['aquaculture'], abbr: 'GTSCL', tasks: 7, experts: 2 },
	{ name: 'Trung tâm Nghiên cứu Cây đặc sản Cao nguyên Đá', kind: 'centre', province: 'Hà Giang', domains: ['forestry-herbs', 'fruit-postharvest'], abbr: 'CDSCN', tasks: 6, experts: 2 },
	{ name: 'Viện Công nghệ Thông tin và Truyền thông Hồng Hà', kind: 'institute', province: 'Hà Nội', domains: ['it-iot', 'social'], abbr: 'CNTTHH', tasks: 8, experts: 3 },
	{ name: 'Trường Đại học Bách khoa Sông Hàn', kind: 'university', province: 'Đà Nẵng', domains: ['mechanical', 'energy', 'it-iot'], abbr: 'BKSH', tasks: 8, experts: 3 },
	{ name: 'Trường Đại học Y Dược Sông Lam', kind: 'university', province: 'Nghệ An', domains: ['biomedicine', 'pharma'], abbr: 'YDSL', tasks: 7, experts: 3 },
	{ name: 'Trung tâm Y sinh học Ứng dụng Phú Xuân', kind: 'centre', province: 'Thừa Thiên Huế', domains: ['biomedicine'], abbr: 'YSPX', tasks: 6, experts: 2 },
	{ name: 'Viện Năng lượng Tái tạo Duyên hải Phan Rang', kind: 'institute', province: 'Ninh Thuận', domains: ['energy', 'environment'], abbr: 'NLPR', tasks: 7, experts: 3 },
	{ name: 'Viện Vật liệu Polymer và Composite Nam Bộ', kind: 'institute', province: 'Bình Dương', domains: ['materials', 'construction'], abbr: 'PCNB', tasks: 7, experts: 3 },
	{ name: 'Viện Cơ điện Nông nghiệp và Sau thu hoạch Tiền Giang', kind: 'institute', province: 'Tiền Giang', domains: ['fruit-postharvest', 'mechanical', 'food-processing'], abbr: 'CĐNN', tasks: 7, experts: 3 },
	{ name: 'Trung tâm Kỹ thuật và Ứng dụng Công nghệ Tam Kỳ', kind: 'centre', province: 'Quảng Nam', domains: ['environment', 'rice-crops', 'livestock-vet'], abbr: 'KTTK', tasks: 7, experts: 2 },
	{ name: 'Viện Sinh thái và Tài nguyên Sinh vật Hoàng Liên', kind: 'institute', province: 'Lào Cai', domains: ['forestry-herbs', 'environment'], abbr: 'STHL', tasks: 7, experts: 3 },
	{ name: 'Trường Đại học Thủy sản Vân Phong', kind: 'university', province: 'Khánh Hòa', domains: ['aquaculture', 'food-processing'], abbr: 'TSVP', tasks: 7, experts: 3 },
	{ name: 'Viện Môi trường Biển Hạ Long', kind: 'institute', province: 'Quảng Ninh', domains: ['marine-climate', 'environment'], abbr: 'MTBHL', tasks: 6, experts: 2 },
	{ name: 'Viện Kinh tế và Chính sách KH&CN Thăng Long', kind: 'institute', province: 'Hà Nội', domains: ['social'], abbr: 'KTCS', tasks: 6, experts: 3 },
	{ name: 'Trung tâm Giống Nông nghiệp Đồng Châu', kind: 'centre', province: 'Thái Bình', domains: ['rice-crops', 'livestock-vet'], abbr: 'GNĐC', tasks: 6, experts: 2 },
	{ name: 'Viện Chăn nuôi và Thú y Tam Đảo', kind: 'institute', province: 'Vĩnh Phúc', domains: ['livestock-vet'], abbr: 'CNTĐ', tasks: 7, experts: 3 },
	{ name: 'Trường Đại học Công nghệ Thực phẩm Cửu Long', kind: 'university', province: 'Vĩnh Long', domains: ['food-processing', 'fruit-postharvest'], abbr: 'CNTPCL', tasks: 7, experts: 3 },
	{ name: 'Viện Khoa học Thủy lợi và Môi trường Sông Hồng', kind: 'institute', province: 'Nam Định', domains: ['environment', 'marine-climate', 'rice-crops'], abbr: 'TLSH', tasks: 6, experts: 2 },
	{ name: 'Viện Kỹ thuật Hóa học và Hóa dầu Vũng Tàu', kind: 'institute', province: 'Bà Rịa - Vũng Tàu', domains: ['materials', 'energy'], abbr: 'HHDVT', tasks: 6, experts: 2 },
	{ name: 'Trung tâm Nghiên cứu Cây công nghiệp Gia Nghĩa', kind: 'centre', province: 'Đắk Nông', domains: ['industrial-crops'], abbr: 'CCNGN', tasks: 6, experts: 2 },
	{ name: 'Trường Cao đẳng Cơ điện Xương Giang', kind: 'university', province: 'Bắc Giang', domains: ['mechanical', 'energy'], abbr: 'CĐXG', tasks: 5, experts: 2 },
	{ name: 'Trung tâm Công nghệ Sinh học Tuy Hòa', kind: 'centre', province: 'Phú Yên', domains: ['aquaculture', 'rice-crops', 'industrial-crops'], abbr: 'CNSHTH', tasks: 6, experts: 2 },
	{ name: 'Công ty Cổ phần Giống Cây trồng Miền Tây Xanh', kind: 'enterprise', province: 'Long An', domains: ['rice-crops'], abbr: 'MTX', tasks: 4, experts: 1 },
	{ name: 'Trạm Nghiên cứu Dược liệu Núi Ngọc', kind: 'centre', province: 'Kon Tum', domains: ['forestry-herbs', 'pharma'], abbr: 'DLNN', tasks: 5, experts: 2 },
]

const asciiFold = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]+/g, '')

function researchHosts(): Host[] {
	const demo = Object.entries(DEMO_HOSTS).map(([key, spec]): Host => {
		const org = demoOrganisations.find((o) => o.key === key)
		if (!org) throw new Error(`demo research host ${key} is not a demo organisation`)
		const emailDomain = org.website ? new URL(org.website).hostname : `${asciiFold(spec.abbr)}.example`
		return { key, name: org.name, ...(org.shortName ? { shortName: org.shortName } : {}), emailDomain, ...spec }
	})
	const others = OTHER_HOSTS.map((h): Host => ({ ...h, key: null, emailDomain: `${asciiFold(h.abbr)}.example` }))
	return [...demo, ...others]
}

// ─── People ──────────────────────────────────────────────────────────────────

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương', 'Lương', 'Mai', 'Tạ', 'Cao', 'Đoàn', 'Lại', 'Kiều', 'Quách', 'Vương', 'Hà', 'Lưu', 'Thái', 'Nông', 'Khuất']
const MALE_MIDDLE = ['Văn', 'Minh', 'Quốc', 'Thanh', 'Đức', 'Hữu', 'Công', 'Xuân', 'Ngọc', 'Anh', 'Trọng', 'Quang', 'Đình', 'Tiến', 'Bá', 'Mạnh']
const FEMALE_MIDDLE = ['Thị', 'Thị Thu', 'Thị Minh', 'Ngọc', 'Thị Thanh', 'Thị Hồng', 'Thùy', 'Kim', 'Thị Kim', 'Mỹ', 'Thị Lan', 'Bích']
const MALE_GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hiếu', 'Hoàng', 'Hùng', 'Huy', 'Khánh', 'Kiên', 'Long', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Sơn', 'Tài', 'Thành', 'Thịnh', 'Toàn', 'Tuấn', 'Việt', 'Hưng', 'Lâm', 'Hậu', 'Chiến', 'Định', 'Giang', 'Khôi', 'Lực', 'Nhân', 'Quyết', 'Tiến']
const FEMALE_GIVEN = ['Anh', 'Châu', 'Diệp', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hoa', 'Hương', 'Huyền', 'Lan', 'Liên', 'Loan', 'Mai', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phượng', 'Quyên', 'Thảo', 'Thủy', 'Trinh', 'Uyên', 'Vân', 'Yến', 'Xuân', 'Hiền', 'Duyên']

type Title = 'GS' | 'PGS'
type DegreeWord = 'TSKH' | 'TS' | 'ThS' | 'KS' | 'CN' | 'DS'

type Person = {
	name: string
	female: boolean
	title: Title | null
	degree: DegreeWord | null
	/** Index into the hosts, or null for an independent expert. */
	host: number | null
	email: string | null
	demoUser: boolean
	/** Role in each task result, by task index. */
	tasks: Array<{ task: number; role: 'PRINCIPAL_INVESTIGATOR' | 'SECRETARY' | 'MEMBER' }>
}

/** "PGS.TS.", "TS.", "ThS."… as written before a name. */
function prefixOf(p: Pick<Person, 'title' | 'degree'>) {
	const parts = [p.title, p.degree].filter(Boolean)
	return parts.length > 0 ? `${parts.join('.')}.` : ''
}

const withPrefix = (p: Pick<Person, 'title' | 'degree' | 'name'>) => [prefixOf(p), p.name].filter(Boolean).join(' ')

function newName(rng: Random, taken: Set<string>, female: boolean) {
	for (let attempt = 0; ; attempt++) {
		const name = `${rng.pick(FAMILY)} ${rng.pick(female ? FEMALE_MIDDLE : MALE_MIDDLE)} ${rng.pick(female ? FEMALE_GIVEN : MALE_GIVEN)}`
		if (!taken.has(name) || attempt > 50) {
			taken.add(name)
			return name
		}
	}
}

/** Titles and degrees by kind of workplace: institutes and universities have more doctors. */
function titleAndDegree(rng: Random, kind: HostKind | 'independent'): { title: Title | null; degree: DegreeWord | null } {
	const doctorShare = { institute: 0.7, university: 0.75, centre: 0.35, enterprise: 0.2, independent: 0.9 }[kind]
	if (!rng.chance(doctorShare)) return { title: null, degree: rng.weighted<DegreeWord>([['ThS', 5], ['KS', kind === 'enterprise' || kind === 'centre' ? 4 : 2], ['CN', 1]]) }
	const title = rng.weighted<Title | null>([['GS', 0.1], ['PGS', 0.35], [null, 0.55]])
	return { title, degree: rng.chance(title === 'GS' ? 0.3 : 0.03) ? 'TSKH' : 'TS' }
}

function parseDemoTitle(title: string | undefined): { title: Title | null; degree: DegreeWord | null } {
	const words = (title ?? '').split('.').filter(Boolean)
	const t = words.find((w): w is Title => w === 'GS' || w === 'PGS') ?? null
	const d = words.find((w): w is DegreeWord => ['TSKH', 'TS', 'ThS', 'KS', 'CN', 'DS'].includes(w)) ?? null
	return { title: t, degree: d }
}

function emailFor(name: string, domain: string, taken: Set<string>) {
	const words = name.split(' ')
	const base = `${asciiFold(words[words.length - 1]!)}.${asciiFold(words[0]!)}`
	for (let n = 1; ; n++) {
		const email = `${base}${n === 1 ? '' : n}@${domain}`
		if (!taken.has(email)) {
			taken.add(email)
			return email
		}
	}
}

// ─── Places, codes and words ─────────────────────────────────────────────────

const CITIES = new Set(['Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế'])

/** "tỉnh Bình Định", "thành phố Đà Nẵng", "Thành phố Hồ Chí Minh". */
function placeLabel(province: string) {
	if (province === 'TP. Hồ Chí Minh') return 'Thành phố Hồ Chí Minh'
	return CITIES.has(province) ? `thành phố ${province}` : `tỉnh ${province}`
}

/** "Bình Định" -> "BĐ", "Bà Rịa - Vũng Tàu" -> "BRVT", "TP. Hồ Chí Minh" -> "HCM". */
function provinceInitials(province: string) {
	return province
		.replace(/^TP\.\s*/, '')
		.split(/[\s-]+/)
		.filter(Boolean)
		.map((w) => w.charAt(0).toLocaleUpperCase('vi'))
		.join('')
}

/** How records write a province: mostly the bare name, sometimes with its "Tỉnh"/"TP." prefix. */
function writtenProvince(rng: Random, province: string) {
	if (!rng.chance(0.2) || province.startsWith('TP.')) return province
	return CITIES.has(province) ? `TP. ${province}` : `Tỉnh ${province}`
}

const LEVEL_WORDS = {
	NATIONAL: ['Cấp quốc gia', 'Quốc gia', 'Nhà nước', 'NATIONAL'],
	MINISTERIAL: ['Cấp bộ', 'Bộ', 'MINISTERIAL'],
	PROVINCIAL: ['Cấp tỉnh', 'Tỉnh', 'PROVINCIAL'],
	GRASSROOTS: ['Cấp cơ sở', 'Cơ sở', 'GRASSROOTS'],
} as const
type Level = keyof typeof LEVEL_WORDS

const STATUS_WORDS = {
	NOT_APPLIED: ['Chưa ứng dụng'],
	PILOT: ['Đang thử nghiệm', 'Thử nghiệm'],
	APPLIED: ['Đã ứng dụng', 'Ứng dụng'],
	COMMERCIALISED: ['Đã thương mại hóa'],
	TRANSFERRED: ['Đã chuyển giao', 'Chuyển giao'],
} as const
type Status = keyof typeof STATUS_WORDS

const PRODUCT_LABELS: Record<ProductKind, string> = {
	PROCESS: 'Quy trình',
	EQUIPMENT: 'Thiết bị',
	MATERIAL: 'Vật liệu',
	VARIETY: 'Giống',
	SOFTWARE: 'Phần mềm',
	PROTOTYPE: 'Mô hình',
	STANDARD: 'Tiêu chuẩn',
	PATENT: 'Sáng chế',
	PUBLICATION: 'Bài báo',
	REPORT: 'Báo cáo',
	TRAINING: 'Đào tạo',
	OTHER: 'Khác',
}

const LEVELS_BY_KIND: Record<HostKind, ReadonlyArray<readonly [Level, number]>> = {
	institute: [['NATIONAL', 3], ['MINISTERIAL', 3], ['PROVINCIAL', 3], ['GRASSROOTS', 1]],
	university: [['NATIONAL', 2], ['MINISTERIAL', 3], ['PROVINCIAL', 3], ['GRASSROOTS', 2.5]],
	centre: [['MINISTERIAL', 1], ['PROVINCIAL', 4], ['GRASSROOTS', 3]],
	enterprise: [['NATIONAL', 0.5], ['PROVINCIAL', 4], ['GRASSROOTS', 0.5]],
}

/** National programme periods: [suffix, first year, last year], with weights. */
const PERIODS: ReadonlyArray<readonly [readonly [string, number, number], number]> = [
	[['06-10', 2006, 2010], 1],
	[['11-15', 2011, 2015], 3],
	[['16-20', 2016, 2020], 4],
	[['21-30', 2021, 2030], 2],
]

const APPLICATION_SENTENCES: Record<Status, readonly string[]> = {
	NOT_APPLIED: ['Kết quả đang được hoàn thiện để tìm đối tác ứng dụng.', 'Nhóm nghiên cứu kiến nghị tiếp tục đầu tư để nâng mức sẵn sàng của công nghệ trước khi chuyển giao.'],
	PILOT: ['Kết quả đang được sản xuất thử nghiệm tại cơ sở đối ứng để hoàn thiện trước khi nhân rộng.', 'Mô hình thử nghiệm đã được địa phương đánh giá cao và đề nghị mở rộng.'],
	APPLIED: ['Kết quả đã được ứng dụng tại {1-8} cơ sở sản xuất và đơn vị quản lý.', 'Quy trình đã được đưa vào hướng dẫn kỹ thuật của ngành tại địa phương.'],
	COMMERCIALISED: ['Sản phẩm đã được thương mại hóa, doanh thu năm đầu đạt khoảng {1-15} tỷ đồng.', 'Đơn vị chủ trì đã thành lập nhóm sản xuất và đưa sản phẩm ra thị trường.'],
	TRANSFERRED: ['Công nghệ đã được chuyển giao cho {1-4} doanh nghiệp theo hợp đồng chuyển giao quyền sử dụng.', 'Kết quả đã được chuyển giao kèm đào tạo vận hành cho đơn vị tiếp nhận.'],
}

const POSITIONS = {
	institute: { senior: ['Phó Viện trưởng', 'Trưởng phòng thí nghiệm trọng điểm', 'nghiên cứu viên cao cấp'], doctor: ['Trưởng phòng nghiên cứu', 'nghiên cứu viên chính'], other: ['nghiên cứu viên', 'kỹ sư nghiên cứu'] },
	university: { senior: ['Trưởng khoa', 'Phó Hiệu trưởng', 'giảng viên cao cấp'], doctor: ['Trưởng bộ môn', 'giảng viên chính'], other: ['giảng viên', 'nghiên cứu viên phòng thí nghiệm'] },
	centre: { senior: ['Giám đốc Trung tâm'], doctor: ['Phó Giám đốc Trung tâm', 'Trưởng phòng kỹ thuật'], other: ['kỹ thuật viên chính', 'cán bộ kỹ thuật'] },
	enterprise: { senior: ['Giám đốc kỹ thuật'], doctor: ['Giám đốc nghiên cứu và phát triển'], other: ['Trưởng phòng kỹ thuật', 'kỹ sư trưởng'] },
} as const

// ─── Generation ──────────────────────────────────────────────────────────────

export type GeneratedTaskResult = {
	/** As an import file row: column keys of app/imports/columns.ts. */
	record: Record<string, Cell>
	/** Registration number, else task code: how experts refer to it. */
	ref: string
	/** Slug of the host when it is a demo organisation. */
	host: string | null
	domain: ResearchDomainKey
	/** The province as the record writes it (a former name in many), or null when it names none. */
	province: string | null
	/** Meant to back an offer of its host on the floor. */
	offerCandidate: boolean
}

export type GeneratedExpert = {
	record: Record<string, Cell>
	/** Slug of the workplace when it is a demo organisation. */
	organisation: string | null
	/** E-mail of the demo account this expert is, when it is one. */
	demoUser: string | null
}

type Registration = { task: number; iso: string; vietnamese: string | null; province: string }

export type GeneratedResearch = { taskResults: GeneratedTaskResult[]; experts: GeneratedExpert[] }

const fieldNames = new Map<string, string>()

/**
 * About 300 registered task results and 120-odd experts. Task results are hosted by the demo
 * institutes, universities and a few enterprises (by name, so the import links them) and by
 * invented institutes not on the platform; their principal investigators and many members are
 * experts, who list them under "tasks".
 */
export function generateResearch(options: { seed?: string | number; taskResults?: number } = {}): GeneratedResearch {
	const seed = options.seed ?? DEMO_RESEARCH.seed
	const total = options.taskResults ?? DEMO_RESEARCH.taskResults
	const rng = new Random(`${seed}:research`)
	const hosts = researchHosts()
	const names = new Set(demoUsers.map((u) => u.name))
	const emails = new Set(demoUsers.map((u) => u.email))

	// People: the demo accounts of research organisations and titled staff of enterprises, then invented staff.
	const people: Person[] = []
	hosts.forEach((host, index) => {
		if (!host.key) return
		for (const user of demoUsers) {
			const first = user.memberships.find((m) => (m.status ?? 'ACTIVE') === 'ACTIVE')
			if (first?.organisation !== host.key) continue
			if (host.kind === 'enterprise' && !user.title) continue
			people.push({ name: user.name, female: / Thị /.test(` ${user.name} `), ...parseDemoTitle(user.title), host: index, email: user.email, demoUser: true, tasks: [] })
		}
	})
	hosts.forEach((host, index) => {
		for (let i = 0; i < host.experts; i++) {
			const female = rng.chance(0.45)
			const name = newName(rng, names, female)
			const email = rng.chance(0.55) ? emailFor(name, host.emailDomain, emails) : null
			people.push({ name, female, ...titleAndDegree(rng, host.kind), host: index, email, demoUser: false, tasks: [] })
		}
	})
	const independent = demoUsers.find((u) => u.memberships.length === 0 && u.title)
	if (independent) people.push({ name: independent.name, female: false, ...parseDemoTitle(independent.title), host: null, email: independent.email, demoUser: true, tasks: [] })
	for (let i = 0; i < 2; i++) {
		const female = rng.chance(0.4)
		const name = newName(rng, names, female)
		people.push({ name, female, ...titleAndDegree(rng, 'independent'), host: null, email: rng.chance(0.5) ? emailFor(name, 'chuyengia.example', emails) : null, demoUser: false, tasks: [] })
	}
	const staffOf = (host: number) => people.filter((p) => p.host === host)
	const independents = people.filter((p) => p.host === null)

	// Which host each task result belongs to: the quotas, topped up or cut to the total, in random order.
	let plan = hosts.flatMap((h, index) => Array.from({ length: h.tasks }, () => index))
	while (plan.length < total) plan.push(rng.weighted(hosts.map((h, index) => [index, h.key ? 0 : 1] as const)))
	plan = rng.shuffle(plan).slice(0, total)

	const codes = new Set<string>()
	const titles = new Set<string>()
	const counters = new Map<string, number>()
	const next = (key: string, start: () => number, step = 1) => {
		const n = (counters.get(key) ?? start() - step) + step
		counters.set(key, n)
		return n
	}
	const unique = (make: () => string) => {
		for (let attempt = 0; attempt < 100; attempt++) {
			const code = make()
			const key = asciiFold(code)
			if (!codes.has(key)) {
				codes.add(key)
				return code
			}
		}
		throw new Error('generateResearch: no free task code')
	}
	const registrations: Registration[] = []

	const taskResults: GeneratedTaskResult[] = plan.map((hostIndex, taskIndex) => {
		const host = hosts[hostIndex]!
		const domainKey = rng.weighted(host.domains.map((d, i) => [d, host.domains.length - i + 1] as const))
		const domain: ResearchDomain = DOMAINS[domainKey]
		const level = rng.weighted(LEVELS_BY_KIND[host.kind])

		// Years and code.
		let startYear: number
		let endYear: number
		let taskCode: string
		let managingAgency: string
		if (level === 'NATIONAL') {
			managingAgency = rng.chance(0.8) ? 'Bộ Khoa học và Công nghệ' : 'Bộ KH&CN'
			if (rng.chance(0.72)) {
				const [suffix, from, to] = rng.weighted(PERIODS)
				startYear = rng.int(Math.max(2008, from), Math.min(to, 2023))
				endYear = Math.min(startYear + rng.int(1, 3), 2025)
				const programme = rng.pick(domain.programmes)
				taskCode = unique(() => `${programme}.${pad(next(`${programme}/${suffix}`, () => rng.int(1, 12), rng.int(1, 3)), 2)}/${suffix}`)
			} else {
				startYear = rng.int(2008, 2023)
				endYear = Math.min(startYear + rng.int(1, 3), 2025)
				const yy = String(startYear).slice(2)
				taskCode = rng.chance(0.7)
					? unique(() => `ĐTĐL.CN-${pad(next(`ĐTĐL/${yy}`, () => rng.int(1, 30), rng.int(1, 4)), 2)}/${yy}`)
					: unique(() => `NĐT.${pad(next(`NĐT/${yy}`, () => rng.int(1, 60), rng.int(1, 5)), 2)}.${rng.pick(['KR', 'JPN', 'RU', 'IT', 'BY', 'HU'])}/${yy}`)
			}
		} else if (level === 'MINISTERIAL') {
			startYear = rng.int(2008, 2023)
			endYear = Math.min(startYear + rng.int(1, 2), 2025)
			const ministry = host.kind === 'university' && rng.chance(0.7) ? MOET : domain.ministry
			managingAgency = ministry.name
			taskCode = unique(() => ministry.code(rng, startYear, next(`${ministry.name}/${startYear}`, () => rng.int(1, 25), rng.int(1, 3)), host.abbr))
		} else if (level === 'PROVINCIAL') {
			startYear = rng.int(2008, 2023)
			endYear = Math.min(startYear + rng.int(1, 2), 2025)
			managingAgency = '' // from the province, below
			taskCode = '' // likewise
		} else {
			startYear = rng.int(2010, 2024)
			endYear = Math.min(startYear + rng.int(0, 1), 2025)
			managingAgency = host.name
			taskCode = unique(() => {
				const n = pad(next(`CS/${host.abbr}/${startYear}`, () => rng.int(1, 15), rng.int(1, 3)), 2)
				if (host.kind === 'university') return `T${startYear}-${host.abbr}-${n}`
				return rng.chance(0.5) ? `CS.${startYear}.${n}` : `ĐTCS-${host.abbr}-${n}/${startYear}`
			})
		}

		// Province: the host's, or for provincial tasks often the province that ordered it.
		let province: string | null = host.province
		if (level === 'PROVINCIAL') {
			const elsewhere = host.key ? 0.5 : 0.15
			if (rng.chance(elsewhere)) province = rng.pick(domain.places)
		} else if (rng.chance(level === 'GRASSROOTS' ? 0.3 : 0.15)) {
			province = null
		}
		if (level === 'PROVINCIAL') {
			const where = placeLabel(province!)
			managingAgency = rng.chance(0.7) ? `Sở Khoa học và Công nghệ ${where}` : rng.chance(0.5) ? `Sở KH&CN ${where}` : `Ủy ban nhân dân ${where}`
			const initials = provinceInitials(province!)
			taskCode = unique(() => {
				const n = pad(next(`P/${initials}/${startYear}`, () => rng.int(1, 20), rng.int(1, 3)), 2)
				const format = rng.int(0, 2)
				if (format === 0) return `ĐTKHCN-${n}/${startYear}-${initials}`
				if (format === 1) return `${n}/${startYear}/HĐ-KHCN.${initials}`
				return `ĐT.${startYear}.${n}/KHCN-${initials}`
			})
		}

		// Title.
		let title = ''
		let topic = rng.pick(domain.topics)
		let target = rng.pick(topic.targets)
		for (let attempt = 0; attempt < 8; attempt++) {
			topic = rng.pick(domain.topics)
			target = rng.pick(topic.targets)
			const patterns = province ? topic.titles : topic.titles.filter((t) => !t.includes('{place}'))
			title = upperFirst(fill(rng, rng.pick(patterns.length > 0 ? patterns : topic.titles), { target, place: placeLabel(province ?? host.province) }))
			if (!titles.has(title)) break
		}
		if (titles.has(title)) title = `${title} (giai đoạn ${rng.int(2, 3)})`
		titles.add(title)

		// People.
		const staff = staffOf(hostIndex)
		const pool = staff.length > 0 ? staff : people.filter((p) => p.host !== null && hosts[p.host]!.domains.includes(domainKey))
		const leastBusy = Math.min(...pool.map((p) => p.tasks.filter((t) => t.role === 'PRINCIPAL_INVESTIGATOR').length))
		const pi = rng.pick(pool.filter((p) => p.tasks.filter((t) => t.role === 'PRINCIPAL_INVESTIGATOR').length <= leastBusy + (rng.chance(0.3) ? 1 : 0)))
		pi.tasks.push({ task: taskIndex, role: 'PRINCIPAL_INVESTIGATOR' })
		const colleagues = rng.sample(pool.filter((p) => p !== pi), rng.int(1, 3))
		const partners = people.filter((p) => p.host !== null && p.host !== hostIndex && p.host !== pi.host && hosts[p.host]!.domains.includes(domainKey))
		if (partners.length > 0 && rng.chance(0.3)) colleagues.push(rng.pick(partners))
		if (rng.chance(0.08) && independents.length > 0) colleagues.push(rng.pick(independents))
		const members: string[] = []
		colleagues.forEach((p, i) => {
			p.tasks.push({ task: taskIndex, role: i === 0 && rng.chance(0.4) ? 'SECRETARY' : 'MEMBER' })
			members.push(withPrefix(p))
		})
		for (let i = rng.int(0, 3); i > 0; i--) {
			const female = rng.chance(0.5)
			const name = `${rng.pick(FAMILY)} ${rng.pick(female ? FEMALE_MIDDLE : MALE_MIDDLE)} ${rng.pick(female ? FEMALE_GIVEN : MALE_GIVEN)}`
			if (names.has(name)) continue
			members.push(rng.weighted([[`ThS. ${name}`, 3], [`KS. ${name}`, 2], [`CN. ${name}`, 1], [name, 2]]))
		}

		// Status, and whether the result backs an offer of its demo host.
		const researchHost = host.key !== null && (host.kind === 'institute' || host.kind === 'university')
		const offerCandidate = researchHost && rng.chance(0.65)
		const status: Status = offerCandidate
			? rng.weighted([['PILOT', 2], ['APPLIED', 3], ['TRANSFERRED', 3], ['COMMERCIALISED', 1.5]])
			: rng.weighted([['NOT_APPLIED', 3], ['PILOT', 2], ['APPLIED', 3], ['TRANSFERRED', 1], ['COMMERCIALISED', 0.5]])

		// Texts.
		const vars = { target, place: placeLabel(province ?? host.province) }
		const results = rng.sample(topic.results, rng.int(1, topic.results.length))
		const sentences = [`Nhiệm vụ nhằm ${fill(rng, topic.aim, vars)}.`, fill(rng, rng.pick(domain.methods), vars), ...results.map((r) => fill(rng, r, vars)), fill(rng, rng.pick(APPLICATION_SENTENCES[status]), vars)]
		const abstract = rng.chance(0.3) ? `${sentences.slice(0, 2).join(' ')}\n\n${sentences.slice(2).join(' ')}` : sentences.join(' ')
		const products: Array<readonly [ProductKind, string]> = topic.products.map(([kind, text]) => [kind, upperFirst(fill(rng, text, vars))] as const)
		products.push(['PUBLICATION', fill(rng, '{2-8} bài báo khoa học{, trong đó 1 bài trên tạp chí quốc tế|, trong đó 2 bài trên tạp chí quốc tế|}')])
		if (rng.chance(0.6)) products.push(['TRAINING', fill(rng, 'Đào tạo {1-3} thạc sĩ{, hỗ trợ đào tạo 1 nghiên cứu sinh|}')])
		if (rng.chance(0.15)) products.push(['PATENT', rng.pick(['Đơn đăng ký sáng chế đã được chấp nhận hợp lệ', 'Đơn đăng ký giải pháp hữu ích đã được chấp nhận hợp lệ', 'Bằng độc quyền giải pháp hữu ích'])])
		const asObjects = rng.chance(0.6)
		const keywords = dedupe([...rng.sample(topic.keywords, rng.int(2, 4)), ...rng.sample(domain.keywords, rng.int(1, 2)), ...(target.length <= 40 && rng.chance(0.5) ? [target] : [])], 8)
		const fieldCodes = dedupe([rng.chance(0.7) ? domain.fields[0]! : rng.pick(domain.fields), ...(rng.chance(0.5) ? [rng.pick(domain.fields)] : [])], 3)

		// Registration.
		// Registered (numbered below, in date order) for most; some were never registered.
		let registered: Registration | null = null
		if (rng.chance(0.86)) {
			const year = Math.min(endYear + (rng.chance(0.6) ? 1 : 0), 2025)
			const month = year === endYear ? rng.int(6, 12) : rng.int(1, 9)
			const day = rng.int(1, 28)
			registered = { task: taskIndex, iso: `${year}-${pad(month, 2)}-${pad(day, 2)}`, vietnamese: rng.chance(0.4) ? `${pad(day, 2)}/${pad(month, 2)}/${year}` : null, province: formerCode(host.province) }
			registrations.push(registered)
		}

		const record: Record<string, Cell> = {
			taskCode,
			title,
			level: rng.pick(LEVEL_WORDS[level]),
			managingAgency,
			hostName: hostName(rng, host),
			principalInvestigator: withPrefix(pi),
			members,
			startYear: rng.chance(0.5) ? startYear : String(startYear),
			endYear: rng.chance(0.5) ? endYear : String(endYear),
			fieldCodes: fieldCodes.map((code) => (rng.chance(0.15) ? `${code} - ${fieldName(code)}` : code)),
			keywords,
			abstract,
			products: asObjects ? products.map(([kind, description]) => ({ kind, description })) : products.map(([kind, description]) => `${PRODUCT_LABELS[kind]}: ${description}`),
			applicationStatus: rng.pick(STATUS_WORDS[status]),
		}
		if (province) record.province = writtenProvince(rng, province)
		return { record, ref: taskCode, host: host.key, domain: domainKey, province, offerCandidate }
	})

	// Registration numbers run in date order within a year: "2019-52-0123/KQNC" (year, province code, serial).
	registrations.sort((a, b) => a.iso.localeCompare(b.iso) || a.task - b.task)
	let serialYear = ''
	let serial = 0
	for (const r of registrations) {
		const year = r.iso.slice(0, 4)
		if (year !== serialYear) [serialYear, serial] = [year, rng.int(20, 200)]
		serial += rng.int(3, 40)
		const task = taskResults[r.task]!
		task.record.registrationNumber = `${year}-${r.province}-${pad(serial, 4)}/KQNC`
		task.record.registrationDate = r.vietnamese ?? r.iso
		task.ref = task.record.registrationNumber
	}

	const experts = people.map((person): GeneratedExpert => expertRecord(rng, person, hosts, taskResults))
	return { taskResults, experts }
}

function dedupe(items: readonly string[], max: number) {
	const seen = new Set<string>()
	return items.filter((item) => {
		const key = item.toLocaleLowerCase('vi')
		if (seen.has(key)) return false
		seen.add(key)
		return true
	}).slice(0, max)
}

function fieldName(code: string) {
	if (fieldNames.size === 0) for (const f of scienceFields) fieldNames.set(f.code, f.nameVi)
	const name = fieldNames.get(code)
	if (!name) throw new Error(`demo research: unknown field ${code}`)
	return name
}

/** The two-digit code of a province as it was when the result was registered (former codes before July 2025). */
function formerCode(province: string) {
	const former = formerProvinces.find((p) => p.nameVi === province || (province === 'Thừa Thiên Huế' && p.nameVi === 'Huế'))
	if (former) return former.code
	const current = resolveProvince(province)
	if (!current) throw new Error(`demo research: unknown province ${province}`)
	return current.code
}

/** Mostly the registered name; sometimes the short name or the name in lower case, as files do. */
function hostName(rng: Random, host: Host) {
	if (host.shortName && rng.chance(0.1)) return host.shortName
	if (rng.chance(0.08)) return upperFirst(host.name.toLocaleLowerCase('vi'))
	return host.name
}

function expertRecord(rng: Random, person: Person, hosts: readonly Host[], tasks: readonly GeneratedTaskResult[]): GeneratedExpert {
	const host = person.host === null ? null : hosts[person.host]!
	const mine = person.tasks.map((t) => ({ ...t, result: tasks[t.task]! }))
	const domains = dedupe([...mine.map((t) => t.result.domain), ...(host?.domains ?? ['materials', 'environment'])], 3) as ResearchDomainKey[]
	const main: ResearchDomain = DOMAINS[domains[0]!]

	const record: Record<string, Cell> = {}
	// Title and degree: in front of the name, or in their own columns ("Học hàm", "Học vị").
	const prefixable = person.degree !== 'TSKH' && person.degree !== 'DS'
	if (prefixable && rng.chance(0.5)) record.fullName = withPrefix(person)
	else {
		record.fullName = person.name
		if (person.title) record.academicTitle = person.title === 'GS' ? rng.pick(['GS', 'Giáo sư']) : rng.pick(['PGS', 'Phó giáo sư'])
		if (person.degree) {
			const words: Record<DegreeWord, readonly string[]> = { TSKH: ['TSKH', 'Tiến sĩ khoa học'], TS: ['TS', 'Tiến sĩ'], ThS: ['ThS', 'Thạc sĩ'], KS: ['KS', 'Kỹ sư'], CN: ['CN', 'Cử nhân'], DS: ['Dược sĩ'] }
			record.degree = rng.pick(words[person.degree])
		}
	}
	if (host) record.organisationName = host.name
	if (person.email) record.email = rng.chance(0.1) ? person.email.replace(/^./, (c) => c.toUpperCase()) : person.email
	if (host && (host.key === null ? rng.chance(0.75) : rng.chance(0.3))) record.province = writtenProvince(rng, host.province)

	const fieldCodes = dedupe([...mine.flatMap((t) => (t.result.record.fieldCodes as string[]).map((c) => c.split(' ')[0]!)), main.fields[0]!], 4)
	record.fieldCodes = fieldCodes
	const keywords = dedupe([...mine.flatMap((t) => t.result.record.keywords as string[]), ...main.keywords], rng.int(4, 10))
	record.keywords = keywords

	const led = mine.filter((t) => t.role === 'PRINCIPAL_INVESTIGATOR').length
	const joined = mine.length - led
	const kind = host?.kind ?? 'institute'
	const seniority = person.title ? 'senior' : person.degree === 'TS' || person.degree === 'TSKH' ? 'doctor' : 'other'
	const position = rng.pick(POSITIONS[kind][seniority])
	const pronoun = person.female ? 'Bà' : 'Ông'
	const bio = [
		host ? `${pronoun} là ${position} tại ${host.name}, công tác từ năm ${rng.int(1992, 2016)}.` : `${pronoun} là chuyên gia độc lập, nguyên ${rng.pick(['Phó Viện trưởng một viện nghiên cứu công lập', 'Trưởng khoa một trường đại học kỹ thuật', 'cán bộ quản lý KH&CN cấp bộ'])}.`,
		`Hướng nghiên cứu chính: ${keywords.slice(0, 3).join(', ')}.`,
		led > 0 ? `Đã chủ trì ${led} nhiệm vụ KH&CN${joined > 0 ? ` và tham gia ${joined} nhiệm vụ khác` : ''}.` : joined > 0 ? `Đã tham gia ${joined} nhiệm vụ KH&CN.` : '',
		rng.chance(0.4) || !host ? 'Thường xuyên tham gia hội đồng tư vấn tuyển chọn, thẩm định và đánh giá nghiệm thu nhiệm vụ KH&CN.' : '',
	]
	record.bio = bio.filter(Boolean).join(' ')

	// Publications: on the topics of the tasks, in Vietnamese journals and (for doctors) international ones.
	const count = rng.int(1, person.degree === 'TS' || person.degree === 'TSKH' ? 8 : 4)
	const written = new Set<string>()
	const publications: Array<{ title: string; year: number; venue: string }> = []
	for (let i = 0; i < count * 2 && publications.length < count; i++) {
		const domain: ResearchDomain = DOMAINS[rng.pick(domains)]
		const topic = mine.length > 0 && rng.chance(0.7) ? topicOf(rng.pick(mine).result, domain) : rng.pick(domain.topics)
		const subject = fill(rng, topic.subject, { target: rng.pick(topic.targets) })
		const international = rng.chance(person.degree === 'TS' || person.degree === 'TSKH' ? 0.35 : 0.1)
		const title = international
			? fill(rng, rng.pick(['{En}: optimisation and scale-up', 'Performance assessment of {en}', '{En} in Vietnam: a field study', 'A comparative study of {en}', 'Towards practical {en}']), { en: topic.en, En: upperFirst(topic.en) })
			: upperFirst(fill(rng, rng.pick(['Kết quả nghiên cứu {subject}', 'Ảnh hưởng của một số yếu tố kỹ thuật đến {subject}', 'Đánh giá hiệu quả {subject}', 'Nghiên cứu {subject} trong điều kiện Việt Nam', 'Một số kết quả bước đầu về {subject}']), { subject }))
		if (written.has(title)) continue
		written.add(title)
		publications.push({ title, year: rng.int(2008, 2025), venue: rng.pick(international ? domain.venues.en : domain.venues.vi) })
	}
	publications.sort((a, b) => b.year - a.year)
	const style = rng.int(0, 2)
	record.publications = publications.map((p) => (style === 0 ? p : style === 1 ? `${p.year} | ${p.title} | ${p.venue}` : `${p.title} (${p.year}). ${p.venue}`))

	// Task participation, by registration number or code, with the role in the forms files use.
	const roleWords = { PRINCIPAL_INVESTIGATOR: ['chủ nhiệm', 'Chủ nhiệm', 'PRINCIPAL_INVESTIGATOR'], SECRETARY: ['thư ký khoa học', 'thư ký'], MEMBER: ['thành viên', 'MEMBER'] } as const
	if (mine.length > 0) {
		record.tasks = mine.map((t) => {
			const role = rng.pick(roleWords[t.role])
			if (t.role === 'MEMBER' && rng.chance(0.3)) return t.result.ref
			return rng.chance(0.3) ? { ref: t.result.ref, role } : `${t.result.ref} (${role})`
		})
	}
	const demoUser = person.demoUser ? person.email : null
	return { record, organisation: host?.key ?? null, demoUser }
}

/** The topic a generated task result came from (by its title), or one of its domain. */
function topicOf(task: GeneratedTaskResult, domain: ResearchDomain): Topic {
	const mine: ResearchDomain = DOMAINS[task.domain]
	const title = String(task.record.title).toLocaleLowerCase('vi')
	return mine.topics.find((t) => t.targets.some((target) => title.includes(target.toLocaleLowerCase('vi')))) ?? domain.topics[0]!
}

// ─── Seeding ─────────────────────────────────────────────────────────────────

export type DemoResearchCounts = { taskResults: number; experts: number; offerLinks: number }

/** Reads generated records with the import's row reader; a refused record is a bug in this file. */
function readAll<G extends { record: Record<string, Cell> }, R>(
	items: readonly G[],
	read: (record: Record<string, Cell>) => { ok: true; row: R } | { ok: false; issues: unknown[]; key: string },
	what: string,
): R[] {
	return items.map((item) => {
		const result = read(item.record)
		if (!result.ok) throw new Error(`demo ${what} ${result.key} does not read: ${JSON.stringify(result.issues)}`)
		return result.row
	})
}

/** Reads the generated research with the import's readers against the given organisations. */
export function readResearch(generated: GeneratedResearch, organisations: OrganisationIndex): { taskResults: TaskResultRow[]; experts: ExpertRow[] } {
	return {
		taskResults: readAll(generated.taskResults, (r) => readTaskResultRow(r, organisations), 'task result'),
		experts: readAll(generated.experts, (r) => readExpertRow(r, organisations), 'expert'),
	}
}

function requireCreates(plans: ReadonlyArray<{ action: string; row: { key: string }; issues: unknown[] }>, what: string) {
	const wrong = plans.find((p) => p.action !== 'CREATE')
	if (wrong) throw new Error(`demo ${what} ${wrong.row.key}: planned ${wrong.action} on a database without any ${JSON.stringify(wrong.issues)}`)
}

/**
 * Writes the demo task results and experts through the import's readers and plan/apply models
 * (source SEED), then links some task results to published offers of their host in a shared field.
 * Only on a database that has no task result and no expert yet, so a second run (or a database an
 * operator has imported into) is left alone.
 */
export async function seedDemoResearch(tx: Prisma.TransactionClient, options: { seed?: string } = {}): Promise<DemoResearchCounts> {
	const seed = options.seed ?? DEMO_RESEARCH.seed
	await tx.$executeRaw`SELECT pg_advisory_xact_lock(${RESEARCH_LOCK_KEY})`
	if ((await tx.taskResult.findFirst({ select: { id: true } })) || (await tx.expert.findFirst({ select: { id: true } }))) return { taskResults: 0, experts: 0, offerLinks: 0 }

	const generated = generateResearch({ seed })
	const organisations = organisationIndex(await tx.organisation.findMany({ where: { verifiedAt: { not: null } }, select: { id: true, name: true, shortName: true, provinceCode: true } }))
	const rows = readResearch(generated, organisations)

	const taskPlans = await planTaskResults(tx, rows.taskResults)
	requireCreates(taskPlans, 'task result')
	const tasks = await applyTaskResultPlans(tx, taskPlans, { source: 'SEED' })
	// Experts name task results that must exist: planned only once those are written.
	const expertPlans = await planExperts(tx, rows.experts)
	requireCreates(expertPlans, 'expert')
	const experts = await applyExpertPlans(tx, expertPlans, { source: 'SEED' })

	const offerLinks = await linkOffers(tx, generated, rows.taskResults, seed)
	return { taskResults: tasks.create, experts: experts.create, offerLinks }
}

/**
 * Links up to DEMO_RESEARCH.offerLinks task results hosted by demo institutes and universities to
 * published offers of the same organisation, choosing the offer that shares the most field codes
 * (at least a level-2 one) and preferring offers not yet linked. Candidates marked by the generator
 * go first. Half of the links name a member of the organisation as the one who linked, the rest none
 * (made by an import).
 */
async function linkOffers(tx: Prisma.TransactionClient, generated: GeneratedResearch, rows: readonly TaskResultRow[], seed: string) {
	const rng = new Random(`${seed}:research-links`)
	const researchSlugs = demoOrganisations.filter((o) => (['RESEARCH_INSTITUTE', 'UNIVERSITY'] as DemoOrganisationType[]).includes(o.type)).map((o) => o.key)
	const orgs = await tx.organisation.findMany({ where: { slug: { in: researchSlugs } }, select: { id: true } })
	const orgIds = orgs.map((o) => o.id)
	const offers = await tx.offer.findMany({
		where: { organisationId: { in: orgIds }, status: 'PUBLISHED' },
		select: { id: true, organisationId: true, fieldPaths: true, createdById: true },
		orderBy: [{ createdAt: 'asc' }, { title: 'asc' }],
	})
	const stored = await tx.taskResult.findMany({ where: { hostOrganisationId: { in: orgIds } }, select: { id: true, registrationKey: true, taskCodeKey: true, hostOrganisationId: true, fieldPaths: true } })
	const byKey = new Map(stored.map((t) => [t.registrationKey ?? `code:${t.taskCodeKey}`, t]))
	const order = generated.taskResults.map((g, i) => ({ g, row: rows[i]! })).sort((a, b) => Number(b.g.offerCandidate) - Number(a.g.offerCandidate))

	const used = new Set<string>()
	const links: Prisma.OfferTaskResultCreateManyInput[] = []
	for (const { row } of order) {
		if (links.length >= DEMO_RESEARCH.offerLinks) break
		const task = byKey.get(row.registrationKey ?? `code:${row.taskCodeKey}`)
		if (!task?.hostOrganisationId) continue
		const paths = new Set(task.fieldPaths)
		let best: { offer: (typeof offers)[number]; score: number } | null = null
		for (const offer of offers) {
			if (offer.organisationId !== task.hostOrganisationId) continue
			const shared = offer.fieldPaths.filter((p) => paths.has(p))
			if (!shared.some((p) => p.length >= 3)) continue
			const score = shared.reduce((sum, p) => sum + p.length, 0) - (used.has(offer.id) ? 100 : 0)
			if (!best || score > best.score) best = { offer, score }
		}
		if (!best) continue
		used.add(best.offer.id)
		links.push({ offerId: best.offer.id, taskResultId: task.id, linkedById: rng.chance(0.5) ? best.offer.createdById : null })
	}
	if (links.length > 0) await tx.offerTaskResult.createMany({ data: links })
	return links.length
}
