// Large import files made on the fly, for the memory test and the import benchmark: rows are
// generated one at a time, so the generator itself holds no file in memory.
import { TASK_RESULT_COLUMNS } from './columns'

const TOPICS = ['nuôi tôm thẻ chân trắng', 'vật liệu nano bạc', 'cảm biến IoT đo độ mặn', 'giống lúa chịu mặn', 'pin mặt trời màng mỏng', 'xử lý nước thải dệt nhuộm', 'vắc xin cúm gia cầm', 'máy sấy nông sản bằng bơm nhiệt']
const HOSTS = ['Viện Nghiên cứu Nuôi trồng Thủy sản II', 'Viện Hóa học', 'Trường Đại học Cần Thơ', 'Viện Lúa Đồng bằng sông Cửu Long', 'Trường Đại học Bách khoa Hà Nội']
const PROVINCES = ['Hà Nội', 'Cần Thơ', 'Sóc Trăng', 'Bình Định', 'TP. Hồ Chí Minh', 'Thừa Thiên Huế']
const FIELDS = ['40501', '20401', '20205', '40101', '20701', '30201']

const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)

/** Row `i` of the generated task results, keyed by column. Every row is valid and has a unique registration number. */
export function sampleTaskResult(i: number): Record<string, string> {
	const topic = TOPICS[i % TOPICS.length]!
	const start = 2011 + (i % 10)
	return {
		taskCode: `ĐT.${String(i % 97).padStart(2, '0')}-${i}/${start}`,
		title: `Nghiên cứu ứng dụng ${topic} (đợt ${i})`,
		level: ['Cấp quốc gia', 'Cấp bộ', 'Cấp tỉnh', 'Cấp cơ sở'][i % 4]!,
		managingAgency: 'Bộ Khoa học và Công nghệ',
		hostName: HOSTS[i % HOSTS.length]!,
		province: PROVINCES[i % PROVINCES.length]!,
		principalInvestigator: `TS. Nguyễn Văn ${i}`,
		members: `Trần Thị ${i}; Lê Văn ${i + 1}`,
		startYear: String(start),
		endYear: String(start + 2),
		fieldCodes: FIELDS[i % FIELDS.length]!,
		keywords: `${topic}; ứng dụng; đợt ${i % 50}`,
		abstract: `Nhiệm vụ nghiên cứu ${topic}, xây dựng quy trình và mô hình trình diễn tại địa phương. `.repeat(8).trim(),
		products: `Quy trình: Quy trình ${topic}\nBáo cáo: Báo cáo tổng kết`,
		applicationStatus: ['Chưa ứng dụng', 'Thử nghiệm', 'Đã ứng dụng', 'Đã chuyển giao'][i % 4]!,
		registrationNumber: `${start + 2}-24-${String(i).padStart(6, '0')}/KQNC`,
		registrationDate: `${start + 3}-0${1 + (i % 9)}-1${i % 10}`,
	}
}

/** A CSV of `rows` task results with Vietnamese headers, as chunks of about 64 kB. */
export async function* sampleTaskResultCsv(rows: number): AsyncGenerator<Buffer> {
	let chunk = `${TASK_RESULT_COLUMNS.map((c) => c.vi).join(',')}\n`
	for (let i = 0; i < rows; i++) {
		const row = sampleTaskResult(i)
		chunk += `${TASK_RESULT_COLUMNS.map((c) => quote(row[c.key] ?? '')).join(',')}\n`
		if (chunk.length > 64_000) {
			yield Buffer.from(chunk)
			chunk = ''
		}
	}
	if (chunk) yield Buffer.from(chunk)
}
