/**
 * Matching benchmark: the matcher of matching/ over a synthetic market of 100,000 offers, 20,000
 * demands, 100,000 task results and 10,000 experts (3–8 publications each), half Vietnamese, half
 * English, with attributes (field codes, TRL, price, transfer modes, provinces and regions,
 * evidence, publication dates), the same on every run for a seed. Pure TypeScript, no database.
 *
 *   node --expose-gc --import tsx bench/matching.ts [--seed S] [--sizes 10000,100000,1000000] [--max N] [--samples N] [--quick]
 *   node --expose-gc --import tsx bench/matching.ts --quick      (a smoke run at small sizes: about a minute)
 *
 * `--expose-gc` lets it collect garbage between phases, so the retained heap of each index can be
 * read; without it the memory figures include garbage. When Node's heap limit is below three
 * quarters of the machine's memory, it runs itself again with `--max-old-space-size` raised to
 * that (and says so): the indexes of the market do not fit in Node's default 4 GB heap.
 *
 * What is measured, in one process, one thing at a time:
 * 1. Build: each collection added document by document (`matcher.add`), in documents per second
 *    (generation not included), with the peak RSS and peak heapUsed sampled every 256 documents,
 *    and the heap each index retains after a collection.
 * 2. Ranking one demand (its title, keywords and text, with its requirements) against the offers,
 *    top 20, for `--samples` demands (300) drawn with the seed; the **baseline** is
 *    `matcher.rankBm25` top 20 over the same index for the same demands in the same run (plain
 *    BM25 of the same text: folded words, no pairs, expansion, signals or explanations). The two
 *    alternate per demand. The same demands are ranked against task results and experts.
 * 3. A new offer: `add` it, then rank it against the demands (top 20), for 100 new offers.
 * 4. A full rematch: every demand ranked against the offers, one after another. When the offer
 *    latency of step 2 says that would take over 5 minutes, a sample of 2,000 demands drawn with
 *    the seed is timed instead and the total extrapolated (the output says so).
 * 5. Scaling: offer indexes of 10,000, 100,000 and 1,000,000 documents (`--sizes`; each a prefix
 *    of the same offer stream; the market's own offer index serves for its size), the same sampled
 *    demands ranked with `rank` and `rankBm25` at each size, and p50/p95 over the smallest size's.
 *    A size is skipped when it exceeds `--max`, or when the heap the market's offer index retained
 *    per document says it would not fit in the heap limit (the projection is printed).
 *
 * Nothing here asserts a duration: compare ratios within a run (rank over BM25, each size over the
 * smallest), and absolute figures only on the same machine. See bench/README.md.
 */
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import v8 from 'node:v8'
import { createMatcher, type Attributes, type Matcher, type MatchDocument, type MatchQuery, type Requirements } from '../matching/index.ts'
import { provinces } from '../prisma/reference/provinces.ts'
import { generateListings, Random, syntheticOrganisations, type GeneratedDemand, type GeneratedOffer } from '../prisma/seed/demo-listings.ts'

// ─── Options ─────────────────────────────────────────────────────────────────

const argv = process.argv.slice(2)
function value(name: string): string | undefined {
	const at = argv.indexOf(name)
	if (at < 0) return undefined
	const v = argv[at + 1]
	if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`)
	return v
}
function whole(name: string, fallback: number): number {
	const v = value(name)
	if (v === undefined) return fallback
	const n = Number(v.replace(/_/g, ''))
	if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} needs a positive whole number`)
	return n
}

const QUICK = argv.includes('--quick')
const SEED = value('--seed') ?? 'bench-matching'
const MARKET = QUICK ? { offers: 10_000, demands: 2_000, taskResults: 10_000, experts: 1_000 } : { offers: 100_000, demands: 20_000, taskResults: 100_000, experts: 10_000 }
const SIZES = (value('--sizes') ?? (QUICK ? '1000,10000,30000' : '10000,100000,1000000'))
	.split(',')
	.map((s) => Number(s.trim().replace(/_/g, '')))
	.sort((a, b) => a - b)
if (SIZES.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error('--sizes needs positive whole numbers, comma-separated')
const MAX_SIZE = whole('--max', Number.MAX_SAFE_INTEGER)
const SAMPLES = whole('--samples', QUICK ? 50 : 300)
const NEW_LISTINGS = QUICK ? 20 : 100
const TOP = 20
const WARMUP = 10
/** A full rematch projected over this is timed on a sample and extrapolated. */
const REMATCH_BUDGET_MS = 5 * 60_000
const REMATCH_SAMPLE = QUICK ? 200 : 2_000
/** The moment the market is generated for: fixed, so every run builds the same data. */
const NOW = new Date('2026-12-01T00:00:00.000Z')
const CHUNK = 1_000

const log = (message: string) => console.log(`[bench] ${message}`)
const MiB = 2 ** 20

// ─── A heap big enough ───────────────────────────────────────────────────────

const wantHeapMiB = Math.floor((os.totalmem() / MiB) * 0.75)
const heapLimitMiB = () => v8.getHeapStatistics().heap_size_limit / MiB
if (!process.env.BENCH_MATCHING_CHILD && heapLimitMiB() < wantHeapMiB * 0.9) {
	log(`Node's heap limit is ${Math.round(heapLimitMiB())} MiB; running again with --max-old-space-size=${wantHeapMiB}`)
	const child = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${wantHeapMiB}`, fileURLToPath(import.meta.url), ...argv], {
		stdio: 'inherit',
		env: { ...process.env, BENCH_MATCHING_CHILD: '1' },
	})
	process.exit(child.status ?? 1)
}

// ─── Measuring ───────────────────────────────────────────────────────────────

const gc = (globalThis as { gc?: () => void }).gc
function collect() {
	gc?.()
	gc?.()
}

type Peak = { rss: number; heap: number }
const overall: Peak = { rss: 0, heap: 0 }
let phase: Peak = { rss: 0, heap: 0 }
function sampleMemory() {
	const m = process.memoryUsage()
	for (const p of [overall, phase]) {
		if (m.rss > p.rss) p.rss = m.rss
		if (m.heapUsed > p.heap) p.heap = m.heapUsed
	}
}
/** Starts a phase's peak; returns the heap after a collection. */
function startPhase(): number {
	collect()
	phase = { rss: 0, heap: 0 }
	sampleMemory()
	return process.memoryUsage().heapUsed
}

function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return Number.NaN
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}
type Stats = { n: number; p50: number; p95: number; mean: number }
function stats(values: readonly number[]): Stats {
	const sorted = [...values].sort((a, b) => a - b)
	return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), mean: sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1) }
}

const ms = (n: number) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(n >= 10 ? 1 : 2)) : '-')
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '-')
const count = (n: number) => n.toLocaleString('en-US')
const mib = (bytes: number) => `${Math.round(bytes / MiB).toLocaleString('en-US')} MiB`
const duration = (msValue: number) => (msValue >= 120_000 ? `${(msValue / 60_000).toFixed(1)} min` : `${(msValue / 1000).toFixed(1)} s`)

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], leftColumns = 1): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
	const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`
	const rule = `| ${widths.map((w, i) => (i < leftColumns ? `${'-'.repeat(w)}` : `${'-'.repeat(Math.max(1, w - 1))}:`)).join(' | ')} |`
	return [line(header), rule, ...rows.map(line)].join('\n')
}

// ─── The synthetic market ────────────────────────────────────────────────────
// Vietnamese offers and demands come from prisma/seed/demo-listings.ts (the demo floor's
// templates). English offers and demands, and task results and experts in both languages, are
// composed here from per-topic vocabularies: `{a|b}` picks one, `{lo-hi}` draws a whole number.

type Vocabulary = { subjects: readonly string[]; targets: readonly string[]; keywords: readonly string[]; benefits: readonly string[] }
type Topic = { fields: readonly string[]; en: Vocabulary; vi: Vocabulary }

const TOPICS: readonly Topic[] = [
	{
		fields: ['40504', '40501', '40503', '40502'],
		en: {
			subjects: ['recirculating aquaculture system', 'probiotic water treatment', 'automatic feeder with acoustic appetite sensing', 'specific-pathogen-free broodstock', 'biofloc shrimp farming'],
			targets: ['whiteleg shrimp', 'black tiger shrimp', 'pangasius', 'barramundi', 'mud crab'],
			keywords: ['aquaculture', 'shrimp farming', 'biosecurity', 'water quality', 'fisheries', 'feed conversion ratio'],
			benefits: ['survival above {80-95}% over the grow-out cycle', 'water exchange cut by {60-90}%', 'feed conversion ratio down to {1-2}.{1-4}'],
		},
		vi: {
			subjects: ['hệ thống nuôi tuần hoàn', 'chế phẩm vi sinh xử lý nước ao nuôi', 'quy trình nuôi tôm công nghệ biofloc', 'tôm bố mẹ sạch bệnh', 'thức ăn công nghiệp cho cá'],
			targets: ['tôm thẻ chân trắng', 'tôm sú', 'cá tra', 'cá chẽm', 'cua biển'],
			keywords: ['nuôi trồng thủy sản', 'nuôi tôm', 'an toàn sinh học', 'chất lượng nước', 'thủy sản', 'hệ số chuyển đổi thức ăn'],
			benefits: ['tỷ lệ sống trên {80-95}% cả vụ nuôi', 'giảm {60-90}% lượng nước thay', 'hệ số thức ăn còn {1-2},{1-4}'],
		},
	},
	{
		fields: ['40601', '40602', '40604', '40103', '40106'],
		en: {
			subjects: ['salt-tolerant rice variety', 'tissue culture propagation', 'microbial biofertilizer', 'biological control agent', 'marker-assisted breeding'],
			targets: ['rice', 'banana', 'coffee', 'durian', 'maize'],
			keywords: ['plant breeding', 'crop variety', 'biofertilizer', 'tissue culture', 'integrated pest management', 'soil health'],
			benefits: ['yield up by {8-25}% in field trials', 'chemical fertiliser use cut by {20-40}%', 'tolerance of salinity up to {4-8} ‰'],
		},
		vi: {
			subjects: ['giống lúa chịu mặn', 'nhân giống bằng nuôi cấy mô', 'phân bón vi sinh', 'chế phẩm sinh học phòng trừ sâu bệnh', 'chọn giống nhờ chỉ thị phân tử'],
			targets: ['lúa', 'chuối', 'cà phê', 'sầu riêng', 'ngô'],
			keywords: ['chọn tạo giống', 'giống cây trồng', 'phân bón vi sinh', 'nuôi cấy mô', 'quản lý dịch hại tổng hợp', 'sức khỏe đất'],
			benefits: ['năng suất tăng {8-25}% trong thử nghiệm đồng ruộng', 'giảm {20-40}% phân bón hóa học', 'chịu mặn đến {4-8}‰'],
		},
	},
	{
		fields: ['40107', '21101'],
		en: {
			subjects: ['heat pump dryer', 'edible coating that extends shelf life', 'controlled atmosphere cold storage', 'freeze drying line', 'ozone washing of fresh produce'],
			targets: ['mango', 'dragon fruit', 'longan', 'cashew', 'avocado'],
			keywords: ['post-harvest', 'cold chain', 'shelf life', 'drying', 'postharvest preservation', 'food safety'],
			benefits: ['shelf life extended to {20-45} days', 'post-harvest losses below {5-10}%', 'drying energy cut by {30-60}%'],
		},
		vi: {
			subjects: ['máy sấy bơm nhiệt', 'màng bao ăn được kéo dài thời gian bảo quản', 'kho lạnh khí quyển điều chỉnh', 'dây chuyền sấy thăng hoa', 'rửa nông sản bằng ozone'],
			targets: ['xoài', 'thanh long', 'nhãn', 'hạt điều', 'bơ'],
			keywords: ['bảo quản sau thu hoạch', 'chuỗi lạnh', 'thời gian bảo quản', 'sấy', 'an toàn thực phẩm', 'giảm tổn thất'],
			benefits: ['thời gian bảo quản đến {20-45} ngày', 'tổn thất sau thu hoạch dưới {5-10}%', 'giảm {30-60}% năng lượng sấy'],
		},
	},
	{
		fields: ['21101', '21102', '20901'],
		en: {
			subjects: ['fermentation process with selected starter cultures', 'enzymatic extraction of protein', 'spray drying of fruit powder', 'high-pressure processing', 'low-sugar functional beverage'],
			targets: ['fish sauce', 'soy milk', 'coconut', 'cocoa beans', 'instant noodles'],
			keywords: ['food processing', 'fermentation', 'HACCP', 'functional food', 'food safety', 'starter culture'],
			benefits: ['processing time cut by {30-70}%', 'yield of extract up {10-30}%', 'meets EU and Japanese import standards'],
		},
		vi: {
			subjects: ['quy trình lên men bằng chủng khởi động chọn lọc', 'chiết xuất protein bằng enzyme', 'sấy phun bột trái cây', 'chế biến áp suất cao', 'đồ uống chức năng ít đường'],
			targets: ['nước mắm', 'sữa đậu nành', 'dừa', 'hạt ca cao', 'mì ăn liền'],
			keywords: ['chế biến thực phẩm', 'lên men', 'thực phẩm chức năng', 'an toàn thực phẩm', 'chủng khởi động', 'HACCP'],
			benefits: ['rút ngắn {30-70}% thời gian chế biến', 'hiệu suất chiết tăng {10-30}%', 'đạt tiêu chuẩn xuất khẩu EU và Nhật Bản'],
		},
	},
	{
		fields: ['20703', '20313', '20201'],
		en: {
			subjects: ['rooftop solar system with battery storage', 'biomass gasifier', 'biogas digester', 'small wind turbine', 'energy management system'],
			targets: ['factories', 'pig farms', 'cold stores', 'islands', 'rice mills'],
			keywords: ['renewable energy', 'solar power', 'energy storage', 'biomass', 'energy efficiency', 'lithium battery'],
			benefits: ['electricity bill cut by {25-60}%', 'payback in {3-7} years', 'carbon emissions cut by {100-2000} tonnes a year'],
		},
		vi: {
			subjects: ['hệ thống điện mặt trời áp mái có lưu trữ', 'lò khí hóa sinh khối', 'hầm biogas', 'tua bin gió cỡ nhỏ', 'hệ thống quản lý năng lượng'],
			targets: ['nhà máy', 'trang trại lợn', 'kho lạnh', 'hải đảo', 'nhà máy xay xát'],
			keywords: ['năng lượng tái tạo', 'điện mặt trời', 'lưu trữ năng lượng', 'sinh khối', 'tiết kiệm năng lượng', 'pin lithium'],
			benefits: ['giảm {25-60}% tiền điện', 'hoàn vốn trong {3-7} năm', 'giảm {100-2000} tấn CO2 mỗi năm'],
		},
	},
	{
		fields: ['20515', '21001', '20511', '20512', '20508'],
		en: {
			subjects: ['anti-corrosion nano coating', 'fibre-reinforced composite', 'graphene-enhanced conductive ink', 'biodegradable packaging film', 'superhydrophobic surface treatment'],
			targets: ['steel bridges', 'boat hulls', 'electronics', 'food packaging', 'textiles'],
			keywords: ['advanced materials', 'nanotechnology', 'composite material', 'coatings', 'graphene', 'new materials'],
			benefits: ['service life {2-4} times longer', 'price {20-45}% below imports', 'salt spray resistance of {1000-4000} hours'],
		},
		vi: {
			subjects: ['lớp phủ nano chống ăn mòn', 'vật liệu composite cốt sợi', 'mực dẫn điện chứa graphene', 'màng bao bì phân hủy sinh học', 'xử lý bề mặt siêu kỵ nước'],
			targets: ['cầu thép', 'vỏ tàu', 'linh kiện điện tử', 'bao bì thực phẩm', 'vải dệt'],
			keywords: ['vật liệu tiên tiến', 'công nghệ nano', 'vật liệu composite', 'lớp phủ', 'graphene', 'vật liệu mới'],
			benefits: ['tuổi thọ gấp {2-4} lần', 'giá thấp hơn hàng nhập {20-45}%', 'chịu phun muối {1000-4000} giờ'],
		},
	},
	{
		fields: ['20302', '20305', '20203', '20202', '20301'],
		en: {
			subjects: ['six-axis robotic arm', 'machine vision inspection system', 'CNC machining centre', 'compact combine harvester', 'automated packaging line'],
			targets: ['welding', 'printed circuit boards', 'moulds', 'rice fields', 'bottling lines'],
			keywords: ['automation', 'robot', 'CNC', 'machine vision', 'precision engineering', 'smart factory'],
			benefits: ['labour cost cut by {30-70}%', 'repeatability of ±0.0{2-9} mm', 'price about {40-60}% of an imported machine'],
		},
		vi: {
			subjects: ['cánh tay rô bốt sáu bậc tự do', 'hệ thống kiểm tra bằng thị giác máy', 'trung tâm gia công CNC', 'máy gặt đập liên hợp cỡ nhỏ', 'dây chuyền đóng gói tự động'],
			targets: ['hàn', 'bo mạch in', 'khuôn mẫu', 'ruộng lúa', 'dây chuyền chiết rót'],
			keywords: ['tự động hóa', 'rô bốt', 'điều khiển số', 'thị giác máy tính', 'cơ khí chính xác', 'nhà máy thông minh'],
			benefits: ['giảm {30-70}% chi phí nhân công', 'độ lặp lại ±0,0{2-9} mm', 'giá bằng {40-60}% máy nhập khẩu'],
		},
	},
	{
		fields: ['20201', '20204', '20207', '20206', '10201'],
		en: {
			subjects: ['IoT monitoring platform', 'edge AI camera', 'LoRaWAN sensor network', 'digital twin of a production line', 'natural language processing for Vietnamese'],
			targets: ['greenhouses', 'water networks', 'traffic counting', 'industrial boilers', 'customer service'],
			keywords: ['IoT', 'Internet of Things', 'sensor', 'artificial intelligence', 'big data', 'computer vision'],
			benefits: ['alarms within {5-60} seconds', 'accuracy of {90-98}%', 'data from up to {10-500} sensors'],
		},
		vi: {
			subjects: ['nền tảng giám sát IoT', 'camera trí tuệ nhân tạo biên', 'mạng cảm biến LoRaWAN', 'bản sao số của dây chuyền sản xuất', 'xử lý ngôn ngữ tự nhiên tiếng Việt'],
			targets: ['nhà kính', 'mạng cấp nước', 'đếm phương tiện giao thông', 'lò hơi công nghiệp', 'chăm sóc khách hàng'],
			keywords: ['Internet vạn vật', 'cảm biến', 'trí tuệ nhân tạo', 'dữ liệu lớn', 'thị giác máy tính', 'chuyển đổi số'],
			benefits: ['cảnh báo trong {5-60} giây', 'độ chính xác {90-98}%', 'thu dữ liệu từ {10-500} cảm biến'],
		},
	},
	{
		fields: ['20701', '20801', '20802', '20799'],
		en: {
			subjects: ['membrane bioreactor for wastewater treatment', 'constructed wetland', 'solid waste sorting and composting', 'air quality monitoring station', 'desalination for rural water supply'],
			targets: ['industrial parks', 'craft villages', 'hospitals', 'seafood plants', 'coastal communes'],
			keywords: ['wastewater treatment', 'environmental monitoring', 'solid waste', 'recycling', 'clean water', 'circular economy'],
			benefits: ['effluent meeting QCVN 40:2011 column {1-2}', 'operating cost cut by {20-50}%', 'treating {50-5000} m³ a day'],
		},
		vi: {
			subjects: ['bể sinh học màng xử lý nước thải', 'bãi lọc trồng cây', 'phân loại và ủ phân rác thải rắn', 'trạm quan trắc chất lượng không khí', 'khử mặn cấp nước nông thôn'],
			targets: ['khu công nghiệp', 'làng nghề', 'bệnh viện', 'nhà máy chế biến thủy sản', 'xã ven biển'],
			keywords: ['xử lý nước thải', 'quan trắc môi trường', 'chất thải rắn', 'tái chế', 'nước sạch', 'kinh tế tuần hoàn'],
			benefits: ['nước thải đạt QCVN 40:2011 cột {1-2}', 'giảm {20-50}% chi phí vận hành', 'công suất {50-5000} m³ mỗi ngày'],
		},
	},
	{
		fields: ['30403', '20403', '40105', '30401'],
		en: {
			subjects: ['standardised herbal extract', 'GACP cultivation of medicinal plants', 'supercritical CO2 extraction', 'herbal dietary supplement', 'quality control by HPLC fingerprinting'],
			targets: ['ginseng', 'turmeric', 'gac fruit', 'artichoke', 'Gynostemma'],
			keywords: ['medicinal herbs', 'medicinal plants', 'dietary supplement', 'extraction', 'pharmaceuticals', 'GACP'],
			benefits: ['active compound content above {2-10}%', 'extraction yield up {15-40}%', 'stable for {12-36} months'],
		},
		vi: {
			subjects: ['cao dược liệu chuẩn hóa', 'trồng dược liệu theo GACP', 'chiết xuất bằng CO2 siêu tới hạn', 'thực phẩm bảo vệ sức khỏe từ thảo dược', 'kiểm nghiệm bằng dấu vân tay HPLC'],
			targets: ['sâm Ngọc Linh', 'nghệ', 'gấc', 'atiso', 'giảo cổ lam'],
			keywords: ['dược liệu', 'cây thuốc', 'thực phẩm chức năng', 'chiết xuất', 'dược phẩm', 'GACP'],
			benefits: ['hàm lượng hoạt chất trên {2-10}%', 'hiệu suất chiết tăng {15-40}%', 'ổn định {12-36} tháng'],
		},
	},
	{
		fields: ['20507', '20102', '20510'],
		en: {
			subjects: ['geopolymer concrete', 'unfired bricks from fly ash', 'lightweight aerated concrete', 'self-healing concrete', 'recycled aggregate'],
			targets: ['social housing', 'rural roads', 'sea dykes', 'precast plants', 'high-rise buildings'],
			keywords: ['construction materials', 'green building materials', 'fly ash', 'geopolymer', 'recycling', 'low carbon cement'],
			benefits: ['compressive strength of {30-60} MPa', 'CO2 emissions {50-80}% lower', 'uses {30-70}% industrial by-products'],
		},
		vi: {
			subjects: ['bê tông geopolymer', 'gạch không nung từ tro bay', 'bê tông khí chưng áp', 'bê tông tự phục hồi', 'cốt liệu tái chế'],
			targets: ['nhà ở xã hội', 'đường giao thông nông thôn', 'đê biển', 'nhà máy cấu kiện đúc sẵn', 'nhà cao tầng'],
			keywords: ['vật liệu xây dựng', 'vật liệu xanh', 'tro bay', 'geopolymer', 'tái chế', 'xi măng ít carbon'],
			benefits: ['cường độ nén {30-60} MPa', 'giảm {50-80}% phát thải CO2', 'dùng {30-70}% phụ phẩm công nghiệp'],
		},
	},
	{
		fields: ['20104', '20299', '10202', '40107'],
		en: {
			subjects: ['warehouse management software', 'route optimisation for delivery fleets', 'cold chain temperature logging', 'traceability with QR codes', 'RFID inventory tracking'],
			targets: ['cold stores', 'e-commerce', 'seafood exporters', 'agricultural cooperatives', 'retail chains'],
			keywords: ['logistics', 'cold chain', 'traceability', 'supply chain', 'RFID', 'warehouse management'],
			benefits: ['transport cost cut by {10-30}%', 'inventory accuracy above {95-99}%', 'full temperature records for importers'],
		},
		vi: {
			subjects: ['phần mềm quản lý kho', 'tối ưu lộ trình cho đội xe giao hàng', 'ghi nhiệt độ chuỗi lạnh', 'truy xuất nguồn gốc bằng mã QR', 'kiểm kê hàng bằng RFID'],
			targets: ['kho lạnh', 'thương mại điện tử', 'doanh nghiệp xuất khẩu thủy sản', 'hợp tác xã nông nghiệp', 'chuỗi bán lẻ'],
			keywords: ['logistics', 'chuỗi lạnh', 'truy xuất nguồn gốc', 'chuỗi cung ứng', 'RFID', 'quản lý kho'],
			benefits: ['giảm {10-30}% chi phí vận tải', 'độ chính xác tồn kho trên {95-99}%', 'hồ sơ nhiệt độ đầy đủ cho nhà nhập khẩu'],
		},
	},
	{
		fields: ['10201', '20704', '40101', '40102'],
		en: {
			subjects: ['drone spraying service', 'remote sensing crop monitoring', 'smart irrigation controller', 'farm management app', 'yield forecasting model'],
			targets: ['rice', 'coffee', 'sugarcane', 'fruit orchards', 'vegetable farms'],
			keywords: ['smart farming', 'high-tech agriculture', 'remote sensing', 'drone', 'precision agriculture', 'digital transformation'],
			benefits: ['water use cut by {20-50}%', 'spraying {10-30} hectares an hour', 'yield forecasts within {5-15}%'],
		},
		vi: {
			subjects: ['dịch vụ phun thuốc bằng máy bay không người lái', 'giám sát cây trồng bằng viễn thám', 'bộ điều khiển tưới thông minh', 'ứng dụng quản lý trang trại', 'mô hình dự báo năng suất'],
			targets: ['lúa', 'cà phê', 'mía', 'vườn cây ăn trái', 'trang trại rau'],
			keywords: ['nông nghiệp thông minh', 'nông nghiệp công nghệ cao', 'viễn thám', 'máy bay không người lái', 'nông nghiệp chính xác', 'chuyển đổi số'],
			benefits: ['giảm {20-50}% nước tưới', 'phun {10-30} ha mỗi giờ', 'dự báo năng suất sai số {5-15}%'],
		},
	},
	{
		fields: ['20601', '20605', '30504', '30212'],
		en: {
			subjects: ['rapid diagnostic test kit', 'portable ultrasound device', 'patient monitoring system', 'telemedicine platform', 'rehabilitation exoskeleton'],
			targets: ['district hospitals', 'dengue fever', 'tuberculosis', 'elderly care', 'commune health stations'],
			keywords: ['medical device', 'diagnostics', 'medical equipment', 'biosensor', 'telemedicine', 'point-of-care testing'],
			benefits: ['results in {10-30} minutes', 'sensitivity of {90-99}%', 'cost {30-70}% below imported devices'],
		},
		vi: {
			subjects: ['bộ kit chẩn đoán nhanh', 'máy siêu âm cầm tay', 'hệ thống theo dõi bệnh nhân', 'nền tảng khám chữa bệnh từ xa', 'khung xương ngoài hỗ trợ phục hồi chức năng'],
			targets: ['bệnh viện tuyến huyện', 'sốt xuất huyết', 'bệnh lao', 'chăm sóc người cao tuổi', 'trạm y tế xã'],
			keywords: ['thiết bị y tế', 'chẩn đoán', 'cảm biến sinh học', 'y tế từ xa', 'xét nghiệm tại chỗ', 'trang thiết bị y tế'],
			benefits: ['có kết quả sau {10-30} phút', 'độ nhạy {90-99}%', 'giá thấp hơn {30-70}% thiết bị nhập khẩu'],
		},
	},
]

const TRANSFER_MODES = ['ASSIGNMENT', 'LICENSING', 'CAPITAL_CONTRIBUTION', 'INVESTMENT_PROJECT', 'CONSULTING', 'TRAINING', 'RD_CONTRACT', 'EQUIPMENT_SALE'] as const
const provinceByCode = new Map(provinces.map((p) => [p.code, p]))

const EN = {
	offerTitles: ['{Subject} for {target}', '{Subject}: {qualifier}', 'Licensing: {subject} for {target}', 'Technology transfer of {subject}', '{Subject} {qualifier}'],
	qualifiers: ['at industrial scale', 'for cooperatives', 'made in Vietnam', 'with low energy use', 'turnkey solution', 'new generation'],
	offer: [
		'We offer {subject} for {target}, developed over {3-9} years by a team of {4-15} researchers.',
		'The technology was validated at {2-6} pilot sites in {province} under real operating conditions.',
		'Key advantages: {benefit}.',
		'It brings {benefit} compared with conventional practice.',
		'An accredited laboratory independently confirmed the key figures.',
		'More than {5-60} units are in operation at customers in {province} and neighbouring provinces.',
		'The transfer package includes design documents, process sheets, operating manuals and training of {2-8} engineers.',
		'Technical support is provided for {6-24} months after transfer, with commissioning and acceptance tests on site.',
		'The process can be adapted to the recipient’s raw materials and site after a short feasibility study.',
		'The price depends on scale, exclusivity and the scope of technical support.',
		'It is a result of a national science and technology programme, tested with partner enterprises.',
		'Main specifications: capacity of {100-5000} units a day, power of {2-90} kW, footprint of {20-300} m².',
		'Suitable for small and medium enterprises, cooperatives and provincial extension centres working on {target}.',
		'Reference sites can be visited by appointment, and operating data are available under a non-disclosure agreement.',
	],
	demandTitles: ['Seeking {subject} for {target}', 'Looking for {subject}', 'Partner wanted: {subject} for {target}', 'Request for {subject} in {province}'],
	demand: [
		'Our company operates {20-900} hectares and a processing plant in {province}, working on {target}.',
		'We are looking for {subject} to solve problems in our production of {target}.',
		'Losses have reached {10-45}% in the last {1-3} seasons and manual work no longer keeps up with orders.',
		'The solution should bring {benefit}.',
		'It must be proven at commercial scale in Vietnam or in the region and comply with Vietnamese standards.',
		'Total cost must stay within the approved budget, paid against milestones.',
		'Training of our staff and at least one year of technical support are required.',
		'We are open to licensing, a research contract or buying equipment, and can host site visits.',
		'Expected results: {benefit}, and our staff able to operate and maintain the solution on their own.',
		'A clear return on investment within {2-5} years is expected.',
	],
	taskTitles: ['Research on {subject} for {target}', 'Development and application of {subject} in {province}', 'Study of {subject} to improve {target}', 'Pilot production of {subject}'],
	task: [
		'This task studied {subject} for {target} over {2-4} years at {2-5} sites in {province}.',
		'The research team designed, built and tested a pilot model under field conditions.',
		'Results show {benefit}.',
		'The main product is a technical process approved at provincial level, with {1-4} articles in international journals.',
		'The model was transferred to {2-12} enterprises and cooperatives.',
		'The task trained {1-3} doctoral and {2-8} master students.',
		'A patent application was filed and a utility solution granted for the key equipment.',
		'Economic analysis indicates a payback of {1-5} years at commercial scale.',
	],
	publication: [
		'This paper reports {subject} applied to {target}.',
		'Experiments at {2-6} sites in {province} show {benefit}.',
		'We compare the approach with conventional practice and discuss limits at commercial scale.',
		'A statistical analysis of {30-400} samples confirms the effect.',
		'The method is simple enough for small enterprises and cooperatives to adopt.',
	],
	venues: ['Aquaculture Reports', 'Journal of Cleaner Production', 'Vietnam Journal of Science and Technology', 'Food Chemistry', 'Sensors', 'Renewable Energy', 'Materials Today', 'Scientific Reports'],
	positions: ['senior researcher', 'head of laboratory', 'associate professor', 'lecturer', 'research engineer', 'R&D director'],
	bio: [
		'{Name} works on {subject} for {target}, with {5-30} years of experience in research and technology transfer.',
		'She or he has led {1-8} national and provincial research tasks and advised enterprises in {province}.',
		'Main interests: {keywords}.',
		'Available for consulting, joint research contracts and training of engineers.',
	],
}

const VI = {
	taskTitles: ['Nghiên cứu {subject} cho {target}', 'Nghiên cứu ứng dụng {subject} tại {province}', 'Hoàn thiện công nghệ {subject} phục vụ {target}', 'Sản xuất thử nghiệm {subject}'],
	task: [
		'Nhiệm vụ nghiên cứu {subject} cho {target} trong {2-4} năm tại {2-5} điểm ở {province}.',
		'Nhóm nghiên cứu đã thiết kế, chế tạo và thử nghiệm mô hình thí điểm trong điều kiện sản xuất thực tế.',
		'Kết quả cho thấy {benefit}.',
		'Sản phẩm chính là quy trình kỹ thuật được công nhận cấp tỉnh, cùng {1-4} bài báo trên tạp chí quốc tế.',
		'Mô hình đã được chuyển giao cho {2-12} doanh nghiệp và hợp tác xã.',
		'Nhiệm vụ đã đào tạo {1-3} nghiên cứu sinh và {2-8} học viên cao học.',
		'Đã nộp đơn đăng ký sáng chế và được cấp bằng giải pháp hữu ích cho thiết bị chính.',
		'Phân tích kinh tế cho thấy thời gian hoàn vốn {1-5} năm ở quy mô thương mại.',
	],
	publication: [
		'Bài báo trình bày {subject} áp dụng cho {target}.',
		'Thí nghiệm tại {2-6} điểm ở {province} cho thấy {benefit}.',
		'Chúng tôi so sánh với phương pháp truyền thống và thảo luận giới hạn khi áp dụng ở quy mô thương mại.',
		'Phân tích thống kê {30-400} mẫu khẳng định hiệu quả.',
		'Phương pháp đủ đơn giản để doanh nghiệp nhỏ và hợp tác xã áp dụng.',
	],
	venues: ['Tạp chí Khoa học và Công nghệ Việt Nam', 'Tạp chí Nông nghiệp và Phát triển nông thôn', 'Tạp chí Khoa học Đại học Cần Thơ', 'Tạp chí Hóa học', 'Tạp chí Y Dược học'],
	positions: ['nghiên cứu viên chính', 'trưởng phòng thí nghiệm', 'phó giáo sư', 'giảng viên', 'kỹ sư nghiên cứu', 'giám đốc nghiên cứu và phát triển'],
	bio: [
		'{Name} nghiên cứu {subject} cho {target}, có {5-30} năm kinh nghiệm nghiên cứu và chuyển giao công nghệ.',
		'Đã chủ nhiệm {1-8} nhiệm vụ khoa học và công nghệ cấp quốc gia và cấp tỉnh, tư vấn cho doanh nghiệp tại {province}.',
		'Hướng nghiên cứu chính: {keywords}.',
		'Sẵn sàng tư vấn, hợp tác nghiên cứu theo hợp đồng và đào tạo kỹ sư.',
	],
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý']
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Quốc', 'Thanh', 'Ngọc', 'Đức', 'Hữu', 'Thu', 'Bảo']
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Nga', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trung', 'Tuấn', 'Vy', 'Yến']

const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1)

function fill(rng: Random, template: string, vars: Record<string, string>): string {
	return template
		.replace(/\{(\w+)\}/g, (all, name: string) => vars[name] ?? all)
		.replace(/\{([^{}]+)\}/g, (all, body: string) => {
			if (body.includes('|')) return rng.pick(body.split('|'))
			const range = /^(\d+)-(\d+)$/.exec(body)
			return range ? String(rng.int(Number(range[1]), Number(range[2]))) : all
		})
}

type Context = { topic: Topic; vocabulary: Vocabulary; vars: Record<string, string>; provinceCode: string }
function context(rng: Random, language: 'en' | 'vi'): Context {
	const topic = rng.pick(TOPICS)
	const vocabulary = topic[language]
	const province = rng.pick(provinces)
	const subject = rng.pick(vocabulary.subjects)
	const vars: Record<string, string> = {
		subject,
		Subject: upperFirst(subject),
		target: rng.pick(vocabulary.targets),
		province: language === 'en' ? province.nameEn : province.nameVi,
		qualifier: rng.pick(EN.qualifiers),
		keywords: rng.sample(vocabulary.keywords, 3).join(', '),
	}
	return { topic, vocabulary, vars, provinceCode: province.code }
}
/** `n` sentences of a pool in random order, each filled (a benefit drawn for each). */
function sentences(rng: Random, c: Context, pool: readonly string[], n: number): string {
	return rng
		.sample(pool, n)
		.map((s) => fill(rng, s, { ...c.vars, benefit: fill(rng, rng.pick(c.vocabulary.benefits), c.vars) }))
		.join(' ')
}
const fieldCodes = (rng: Random, topic: Topic) => rng.sample(topic.fields, rng.int(1, 2))
const transferModes = (rng: Random) => rng.sample(TRANSFER_MODES, rng.int(1, 3))
const region = (code: string | null | undefined) => (code ? (provinceByCode.get(code)?.region ?? null) : null)
const publishedWithin = (rng: Random, days: number) => NOW.getTime() - rng.int(0, days) * 86_400_000

/** A demand as the matcher's query, and the requirements it states. */
type Demand = { doc: MatchDocument; requirements: Requirements }

function demandRequirements(rng: Random, a: Attributes): Requirements {
	const hard = rng.chance(0.25) ? { minTrl: true, budget: true } : undefined
	return {
		fieldCodes: a.fieldCodes,
		minTrl: a.trl ?? null,
		budget: a.price ?? null,
		transferModes: a.transferModes,
		provinceCode: a.provinceCode ?? null,
		region: a.region ?? null,
		evidence: rng.chance(0.3),
		now: NOW.getTime(),
		...(hard ? { hard } : {}),
	}
}

const ORGANISATIONS = syntheticOrganisations({ count: 400, seed: SEED })

function vietnameseOffer(o: GeneratedOffer, id: string, rng: Random): MatchDocument {
	return {
		id,
		title: o.title,
		keywords: o.keywords,
		text: `${o.summary}\n\n${o.description}`,
		attributes: {
			fieldCodes: o.fieldCodes,
			trl: o.trl,
			price: o.priceMin === null ? null : Number(o.priceMin),
			transferModes: o.transferModes,
			provinceCode: o.provinceCode,
			region: region(o.provinceCode),
			evidence: rng.chance(0.3) ? rng.int(1, 4) : 0,
			publishedAt: (o.publishedAt ?? o.createdAt).getTime(),
		},
	}
}

function englishOffer(rng: Random, id: string): MatchDocument {
	const c = context(rng, 'en')
	const negotiable = rng.chance(0.2)
	return {
		id,
		title: fill(rng, rng.pick(EN.offerTitles), c.vars),
		keywords: rng.sample(c.vocabulary.keywords, rng.int(3, 5)),
		text: sentences(rng, c, EN.offer, rng.int(9, 14)),
		attributes: {
			fieldCodes: fieldCodes(rng, c.topic),
			trl: rng.chance(0.2) ? null : rng.int(3, 9),
			price: negotiable ? null : rng.int(2, 120) * 100_000_000,
			transferModes: transferModes(rng),
			provinceCode: c.provinceCode,
			region: region(c.provinceCode),
			evidence: rng.chance(0.3) ? rng.int(1, 4) : 0,
			publishedAt: publishedWithin(rng, 3 * 365),
		},
	}
}

function vietnameseDemand(d: GeneratedDemand, id: string, rng: Random): Demand {
	const attributes: Attributes = {
		fieldCodes: d.fieldCodes,
		trl: d.minTrl,
		price: d.budgetMax === null ? null : Number(d.budgetMax),
		transferModes: d.transferModes,
		provinceCode: d.provinceCode,
		region: region(d.provinceCode),
		publishedAt: (d.publishedAt ?? d.createdAt).getTime(),
	}
	return { doc: { id, title: d.title, keywords: d.keywords, text: `${d.problem}\n\n${d.desiredOutcome}`, attributes }, requirements: demandRequirements(rng, attributes) }
}

function englishDemand(rng: Random, id: string): Demand {
	const c = context(rng, 'en')
	const undisclosed = rng.chance(0.25)
	const attributes: Attributes = {
		fieldCodes: fieldCodes(rng, c.topic),
		trl: rng.chance(0.15) ? null : rng.int(5, 9),
		price: undisclosed ? null : rng.int(3, 150) * 100_000_000,
		transferModes: transferModes(rng),
		provinceCode: c.provinceCode,
		region: region(c.provinceCode),
		publishedAt: publishedWithin(rng, 365),
	}
	const doc = { id, title: fill(rng, rng.pick(EN.demandTitles), c.vars), keywords: rng.sample(c.vocabulary.keywords, rng.int(2, 4)), text: sentences(rng, c, EN.demand, rng.int(6, 10)), attributes }
	return { doc, requirements: demandRequirements(rng, attributes) }
}

function taskResult(rng: Random, id: string, language: 'en' | 'vi'): MatchDocument {
	const c = context(rng, language)
	const words = language === 'en' ? EN : VI
	return {
		id,
		title: fill(rng, rng.pick(words.taskTitles), c.vars),
		keywords: rng.sample(c.vocabulary.keywords, rng.int(3, 5)),
		text: sentences(rng, c, words.task, rng.int(5, 8)),
		attributes: { fieldCodes: fieldCodes(rng, c.topic), trl: rng.int(2, 7), provinceCode: c.provinceCode, region: region(c.provinceCode), publishedAt: publishedWithin(rng, 10 * 365) },
	}
}

function expert(rng: Random, id: string, language: 'en' | 'vi'): MatchDocument {
	const c = context(rng, language)
	const words = language === 'en' ? EN : VI
	const name = `${rng.pick(FAMILY)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`
	const degree = rng.pick(language === 'en' ? ['Dr', 'Assoc. Prof. Dr', 'Prof. Dr', 'MSc'] : ['TS.', 'PGS.TS.', 'GS.TS.', 'ThS.'])
	const vars = { ...c.vars, Name: `${degree} ${name}` }
	const items = Array.from({ length: rng.int(3, 8) }, (_, k) => {
		const p = context(rng, language)
		const topicVars = { ...p.vars, subject: rng.chance(0.6) ? c.vars.subject! : p.vars.subject!, target: rng.chance(0.6) ? c.vars.target! : p.vars.target! }
		const title = fill(rng, rng.pick(words.taskTitles), topicVars)
		const venue = rng.pick(words.venues)
		return { id: `${id}-p${k + 1}`, title, text: `${venue}, ${rng.int(2008, 2026)}. ${sentences(rng, { ...p, vars: topicVars }, words.publication, rng.int(3, 5))}` }
	})
	return {
		id,
		title: `${degree} ${name}, ${rng.pick(words.positions)}`,
		keywords: rng.sample(c.vocabulary.keywords, rng.int(3, 5)),
		text: sentences(rng, { ...c, vars }, words.bio, rng.int(3, 4)),
		items,
		attributes: { fieldCodes: fieldCodes(rng, c.topic), provinceCode: c.provinceCode, region: region(c.provinceCode), evidence: rng.int(0, 6) },
	}
}

/**
 * Offers in chunks of 1,000 (500 Vietnamese, 500 English, alternating), each chunk from its own
 * streams: the first n offers are the same whatever the total, so the scaling sizes are prefixes.
 */
function* offerChunks(total: number, stream = 'offers'): Generator<MatchDocument[]> {
	for (let chunk = 0, start = 0; start < total; chunk++, start += CHUNK) {
		const size = Math.min(CHUNK, total - start)
		const viCount = Math.ceil(size / 2)
		const vi = generateListings({ count: { offers: viCount, demands: 0 }, seed: `${SEED}:${stream}:${chunk}`, organisations: ORGANISATIONS, now: NOW }).offers
		const rng = new Random(`${SEED}:${stream}:${chunk}:en`)
		const out: MatchDocument[] = []
		for (let i = 0; i < size; i++) {
			const id = `${stream === 'offers' ? 'offer' : stream}-${start + i}`
			const v = i % 2 === 0 ? vi[i / 2] : undefined
			out.push(v ? vietnameseOffer(v, id, rng) : englishOffer(rng, id))
		}
		yield out
	}
}

function* demandChunks(total: number): Generator<Demand[]> {
	for (let chunk = 0, start = 0; start < total; chunk++, start += CHUNK) {
		const size = Math.min(CHUNK, total - start)
		const vi = generateListings({ count: { offers: 0, demands: Math.ceil(size / 2) }, seed: `${SEED}:demands:${chunk}`, organisations: ORGANISATIONS, now: NOW }).demands
		const rng = new Random(`${SEED}:demands:${chunk}:en`)
		const out: Demand[] = []
		for (let i = 0; i < size; i++) {
			const v = i % 2 === 0 ? vi[i / 2] : undefined
			out.push(v ? vietnameseDemand(v, `demand-${start + i}`, rng) : englishDemand(rng, `demand-${start + i}`))
		}
		yield out
	}
}

function* researchChunks(total: number, kind: 'task' | 'expert'): Generator<MatchDocument[]> {
	for (let chunk = 0, start = 0; start < total; chunk++, start += CHUNK) {
		const size = Math.min(CHUNK, total - start)
		const rng = new Random(`${SEED}:${kind}:${chunk}`)
		yield Array.from({ length: size }, (_, i) => (kind === 'task' ? taskResult : expert)(rng, `${kind}-${start + i}`, i % 2 === 0 ? 'vi' : 'en'))
	}
}

// ─── Phases ──────────────────────────────────────────────────────────────────

type Build = { collection: string; documents: number; items: number; addMs: number; generateMs: number; peak: Peak; retained: number }

/** Adds every document of the chunks to a collection, timing `add` only; memory sampled as it goes. */
function build<T>(matcher: Matcher, collection: string, chunks: Iterable<T[]>, toDoc: (t: T) => MatchDocument, keep?: T[]): Build {
	const before = startPhase()
	let addMs = 0
	let generateMs = 0
	let documents = 0
	let items = 0
	let lastLog = performance.now()
	const iterator = chunks[Symbol.iterator]()
	for (;;) {
		const g = performance.now()
		const next = iterator.next()
		generateMs += performance.now() - g
		if (next.done) break
		const t = performance.now()
		for (const x of next.value) {
			const doc = toDoc(x)
			matcher.add(collection, doc)
			items += doc.items?.length ?? 0
			if (++documents % 256 === 0) sampleMemory()
		}
		addMs += performance.now() - t
		if (keep) keep.push(...next.value)
		if (performance.now() - lastLog > 30_000) {
			lastLog = performance.now()
			log(`  ${collection}: ${count(documents)} added, ${Math.round(documents / (addMs / 1000))} documents/s, heap ${mib(process.memoryUsage().heapUsed)}`)
		}
	}
	sampleMemory()
	const peak = { ...phase }
	collect()
	const retained = process.memoryUsage().heapUsed - before
	const result = { collection, documents, items, addMs, generateMs, peak, retained }
	log(
		`built ${collection}: ${count(documents)} documents${items ? ` (${count(items)} items)` : ''} in ${duration(addMs)}, ${count(Math.round(documents / (addMs / 1000)))} documents/s ` +
			`(generation ${duration(generateMs)} not included); peak RSS ${mib(peak.rss)}, peak heap ${mib(peak.heap)}, retained ${mib(retained)} (${count(Math.round(retained / documents))} B/document)`,
	)
	return result
}

const asQuery = (d: MatchDocument): MatchQuery => ({ title: d.title, keywords: d.keywords, text: d.text })
const asText = (d: MatchDocument) => [d.title, ...(d.keywords ?? []), d.text].join(' . ')

type Latency = { label: string; rank: Stats; bm25: Stats; results: number; overlap: number }

/** Each demand ranked with `rank` and with `rankBm25` (alternating which goes first), after a warm-up. */
function latency(matcher: Matcher, collection: string, demands: readonly Demand[], label: string): Latency {
	startPhase()
	for (const d of demands.slice(0, WARMUP)) {
		matcher.rank(collection, { ...asQuery(d.doc), requirements: d.requirements }, { top: TOP })
		matcher.rankBm25(collection, asText(d.doc), { top: TOP })
	}
	const rank: number[] = []
	const bm25: number[] = []
	let results = 0
	let overlap = 0
	demands.forEach((d, i) => {
		const query = { ...asQuery(d.doc), requirements: d.requirements }
		const text = asText(d.doc)
		let ranked: string[] = []
		let plain: string[] = []
		const timeRank = () => {
			const t = performance.now()
			const r = matcher.rank(collection, query, { top: TOP })
			rank.push(performance.now() - t)
			ranked = r.map((x) => x.id)
		}
		const timeBm25 = () => {
			const t = performance.now()
			const r = matcher.rankBm25(collection, text, { top: TOP })
			bm25.push(performance.now() - t)
			plain = r.map((x) => x.id)
		}
		if (i % 2 === 0) {
			timeRank()
			timeBm25()
		} else {
			timeBm25()
			timeRank()
		}
		results += ranked.length
		const inPlain = new Set(plain)
		overlap += ranked.filter((id) => inPlain.has(id)).length / TOP
		if (i % 16 === 0) sampleMemory()
	})
	const n = demands.length || 1
	const out = { label, rank: stats(rank), bm25: stats(bm25), results: results / n, overlap: overlap / n }
	log(
		`${label}: rank p50 ${ms(out.rank.p50)} ms, p95 ${ms(out.rank.p95)} ms; rankBm25 p50 ${ms(out.bm25.p50)} ms, p95 ${ms(out.bm25.p95)} ms; p95 ratio ${ratio(out.rank.p95, out.bm25.p95)}` +
			` (${out.results.toFixed(1)} results a demand; ${Math.round(out.overlap * 100)}% of the top ${TOP} also in BM25's)`,
	)
	return out
}

// ─── Run ─────────────────────────────────────────────────────────────────────

const started = performance.now()
log(
	`seed ${SEED}; market ${count(MARKET.offers)} offers, ${count(MARKET.demands)} demands, ${count(MARKET.taskResults)} task results, ${count(MARKET.experts)} experts; ` +
		`sizes ${SIZES.map(count).join(', ')}${MAX_SIZE < Number.MAX_SAFE_INTEGER ? ` (max ${count(MAX_SIZE)})` : ''}; ${SAMPLES} sampled demands, top ${TOP}`,
)
log(
	`machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}; heap limit ${mib(v8.getHeapStatistics().heap_size_limit)}` +
		(gc ? '' : '; run with --expose-gc for retained-heap figures'),
)
if (os.totalmem() < 23 * 2 ** 30 && SIZES.some((n) => n >= 1_000_000)) log(`this machine has ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB: the largest sizes may be skipped (see the projection below)`)

let matcher: Matcher | null = createMatcher()
const builds: Build[] = []
const demands: Demand[] = []
builds.push(build(matcher, 'offer', offerChunks(MARKET.offers), (d) => d))
builds.push(build(matcher, 'demand', demandChunks(MARKET.demands), (d) => d.doc, demands))
builds.push(build(matcher, 'taskResult', researchChunks(MARKET.taskResults, 'task'), (d) => d))
builds.push(build(matcher, 'expert', researchChunks(MARKET.experts, 'expert'), (d) => d))
const offerBuild = builds[0]!

const sampleRng = new Random(`${SEED}:samples`)
const sampled = sampleRng.sample(demands, Math.min(SAMPLES, demands.length))

// 2. A demand against offers, task results and experts.
const offerLatency = latency(matcher, 'offer', sampled, `demand → ${count(MARKET.offers)} offers`)
const taskLatency = latency(matcher, 'taskResult', sampled, `demand → ${count(MARKET.taskResults)} task results`)
const expertLatency = latency(matcher, 'expert', sampled, `demand → ${count(MARKET.experts)} experts`)

// 3. A new offer: add it, then rank it against the demands (its field codes, modes and region as requirements).
startPhase()
const addTimes: number[] = []
const newRankTimes: number[] = []
const newBm25Times: number[] = []
{
	const fresh = [...offerChunks(NEW_LISTINGS + WARMUP, 'new-offer')].flat()
	fresh.forEach((doc, i) => {
		const a = doc.attributes ?? {}
		const requirements: Requirements = { fieldCodes: a.fieldCodes, transferModes: a.transferModes, provinceCode: a.provinceCode ?? null, region: a.region ?? null, now: NOW.getTime() }
		let t = performance.now()
		matcher!.add('offer', doc)
		const added = performance.now() - t
		t = performance.now()
		matcher!.rank('demand', { ...asQuery(doc), requirements }, { top: TOP })
		const ranked = performance.now() - t
		t = performance.now()
		matcher!.rankBm25('demand', asText(doc), { top: TOP })
		const bm25 = performance.now() - t
		if (i < WARMUP) return
		addTimes.push(added)
		newRankTimes.push(ranked)
		newBm25Times.push(bm25)
	})
	// Taken out again, so the offer index is the market's for what follows (removed documents stay in its postings until compaction, skipped: 0.1% here).
	for (const doc of fresh) matcher.remove('offer', doc.id)
}
const newAdd = stats(addTimes)
const newRank = stats(newRankTimes)
const newTotal = stats(addTimes.map((a, i) => a + newRankTimes[i]!))
const newBm25 = stats(newBm25Times)
log(`new offer: add p50 ${ms(newAdd.p50)} ms, p95 ${ms(newAdd.p95)} ms; rank against ${count(MARKET.demands)} demands p50 ${ms(newRank.p50)} ms, p95 ${ms(newRank.p95)} ms; add + rank p95 ${ms(newTotal.p95)} ms (rankBm25 p95 ${ms(newBm25.p95)} ms)`)

// 4. A full rematch of every demand against the offers.
startPhase()
const projected = offerLatency.rank.mean * demands.length
const rematchAll = projected <= REMATCH_BUDGET_MS
const rematchSet = rematchAll ? demands : new Random(`${SEED}:rematch`).sample(demands, Math.min(REMATCH_SAMPLE, demands.length))
log(
	rematchAll
		? `full rematch: all ${count(demands.length)} demands (projected ${duration(projected)})`
		: `full rematch: projected ${duration(projected)} from the sampled latency, over 5 min: timing a sample of ${count(rematchSet.length)} demands and extrapolating`,
)
const rematchStart = performance.now()
rematchSet.forEach((d, i) => {
	matcher!.rank('offer', { ...asQuery(d.doc), requirements: d.requirements }, { top: TOP })
	if (i % 64 === 0) sampleMemory()
})
const rematchMs = performance.now() - rematchStart
const rematchTotal = (rematchMs / rematchSet.length) * demands.length
log(
	`full rematch: ${count(rematchSet.length)} demands in ${duration(rematchMs)} (${ms(rematchMs / rematchSet.length)} ms each)` +
		(rematchAll ? '' : `; extrapolated to ${count(demands.length)} demands: ${duration(rematchTotal)}`),
)

// 5. Scaling over offer candidates.
type Scale = { size: number; build: Build | null; latency: Latency | null; skipped?: string }
const scales: Scale[] = []
const perOffer = offerBuild.retained / offerBuild.documents
const buildRate = offerBuild.documents / offerBuild.addMs
const marketAt = SIZES.includes(MARKET.offers) ? MARKET.offers : -1
if (marketAt > 0 && MARKET.offers <= MAX_SIZE) scales.push({ size: MARKET.offers, build: offerBuild, latency: offerLatency })
matcher = null
collect()
for (const size of SIZES) {
	if (size === marketAt && size <= MAX_SIZE) continue
	if (size > MAX_SIZE) {
		scales.push({ size, build: null, latency: null, skipped: `over --max ${count(MAX_SIZE)}` })
		log(`scaling ${count(size)}: skipped (over --max ${count(MAX_SIZE)})`)
		continue
	}
	const heapNeed = perOffer * size + process.memoryUsage().heapUsed
	const limit = v8.getHeapStatistics().heap_size_limit
	log(`scaling ${count(size)}: projected heap ${mib(heapNeed)} (${count(Math.round(perOffer))} B/offer at ${count(MARKET.offers)}), limit ${mib(limit)}; projected build ${duration(size / buildRate)}`)
	if (heapNeed > limit * 0.95 || heapNeed > os.totalmem() * 0.85) {
		const reason = `projected heap ${mib(heapNeed)} over the limit of ${mib(limit)}`
		scales.push({ size, build: null, latency: null, skipped: reason })
		log(`scaling ${count(size)}: skipped (${reason})`)
		continue
	}
	let m: Matcher | null = createMatcher()
	const b = build(m, 'offer', offerChunks(size), (d) => d)
	const l = latency(m, 'offer', sampled, `demand → ${count(size)} offers`)
	scales.push({ size, build: b, latency: l })
	m = null
	collect()
}
scales.sort((a, b) => a.size - b.size)

// ─── Tables ──────────────────────────────────────────────────────────────────

const totalMs = performance.now() - started
console.log(`\n## Matching benchmark (seed ${SEED}${QUICK ? ', --quick' : ''})\n`)
console.log(`${os.cpus().length} CPUs, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; total run time ${duration(totalMs)}; peak RSS ${mib(overall.rss)}, peak heap ${mib(overall.heap)}\n`)

console.log('### Build\n')
console.log(
	markdownTable(
		['collection', 'documents', 'items', 'build s', 'documents/s', 'peak RSS', 'peak heap', 'retained heap', 'B/document'],
		builds.map((b) => [
			b.collection,
			count(b.documents),
			count(b.items),
			(b.addMs / 1000).toFixed(1),
			count(Math.round(b.documents / (b.addMs / 1000))),
			mib(b.peak.rss),
			mib(b.peak.heap),
			gc ? mib(b.retained) : '-',
			gc ? count(Math.round(b.retained / b.documents)) : '-',
		]),
	),
)

console.log(`\n### Latency (ms; ${sampled.length} sampled demands, top ${TOP}; baseline rankBm25 over the same index, same run)\n`)
const latencyRow = (label: string, rank: Stats, bm25: Stats | null) => [label, String(rank.n), ms(rank.p50), ms(rank.p95), bm25 ? ms(bm25.p50) : '-', bm25 ? ms(bm25.p95) : '-', bm25 ? ratio(rank.p95, bm25.p95) : '-']
console.log(
	markdownTable(
		['what', 'n', 'rank p50', 'rank p95', 'BM25 p50', 'BM25 p95', 'rank p95 ÷ BM25 p95'],
		[
			latencyRow(offerLatency.label, offerLatency.rank, offerLatency.bm25),
			latencyRow(taskLatency.label, taskLatency.rank, taskLatency.bm25),
			latencyRow(expertLatency.label, expertLatency.rank, expertLatency.bm25),
			latencyRow('new offer: add', newAdd, null),
			latencyRow(`new offer: rank → ${count(MARKET.demands)} demands`, newRank, newBm25),
			latencyRow('new offer: add + rank', newTotal, newBm25),
		],
	),
)
console.log(
	`\nFull rematch (every demand → ${count(MARKET.offers)} offers, top ${TOP}, one at a time): ` +
		(rematchAll
			? `${count(demands.length)} demands in ${duration(rematchMs)} (${ms(rematchMs / demands.length)} ms each)`
			: `**extrapolated** from a sample of ${count(rematchSet.length)} demands timed in ${duration(rematchMs)} (${ms(rematchMs / rematchSet.length)} ms each): ${duration(rematchTotal)} for ${count(demands.length)}`),
)

const base = scales.find((s) => s.latency)
console.log(`\n### Scaling: demand → offers (ms; the same ${sampled.length} demands at each size; ratios over the ${base ? count(base.size) : '-'} row)\n`)
console.log(
	markdownTable(
		['offers', 'documents/s', 'retained heap', 'rank p50', 'rank p95', 'BM25 p50', 'BM25 p95', 'rank p95 ÷ BM25 p95', 'rank p50 ×', 'rank p95 ×', 'BM25 p95 ×'],
		scales.map((s) =>
			s.latency && s.build
				? [
						count(s.size),
						count(Math.round(s.build.documents / (s.build.addMs / 1000))),
						gc ? mib(s.build.retained) : '-',
						ms(s.latency.rank.p50),
						ms(s.latency.rank.p95),
						ms(s.latency.bm25.p50),
						ms(s.latency.bm25.p95),
						ratio(s.latency.rank.p95, s.latency.bm25.p95),
						ratio(s.latency.rank.p50, base!.latency!.rank.p50),
						ratio(s.latency.rank.p95, base!.latency!.rank.p95),
						ratio(s.latency.bm25.p95, base!.latency!.bm25.p95),
					]
				: [count(s.size), `skipped: ${s.skipped ?? ''}`, '', '', '', '', '', '', '', '', ''],
		),
	),
)
console.log(`\n${JSON.stringify({ seed: SEED, quick: QUICK, totalMs: Math.round(totalMs), builds, offerLatency, taskLatency, expertLatency, newAdd, newRank, newTotal, newBm25, rematch: { all: rematchAll, timed: rematchSet.length, ms: Math.round(rematchMs), totalMs: Math.round(rematchTotal) }, scales: scales.map((s) => ({ size: s.size, skipped: s.skipped, rank: s.latency?.rank, bm25: s.latency?.bm25, addMs: s.build?.addMs, retained: s.build?.retained })) })}`)
