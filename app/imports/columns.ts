// The documented column sets of task-result and expert files (docs/imports/README.md shows them
// too). Isomorphic: the import reader maps headers with them, the help page lists them and the
// exports write them, so an exported file imports back unchanged.
import { foldVietnamese } from '~/utils/provinces'

export type ImportKindValue = 'TASK_RESULTS' | 'EXPERTS'

export type Column = {
	/** The field it fills; also the key in JSON files and API bodies. */
	key: string
	/** Header written in Vietnamese files and exports. */
	vi: string
	/** Header written in English files and exports. */
	en: string
	/** Other headers people use for it. */
	aliases?: string[]
	required?: boolean
	/** How the cell is read: one value, a list (";" or new lines), or one item per line. */
	shape: 'text' | 'list' | 'lines'
}

export const TASK_RESULT_COLUMNS: readonly Column[] = [
	{ key: 'taskCode', vi: 'Mã số nhiệm vụ', en: 'Task code', aliases: ['Mã nhiệm vụ', 'Mã số', 'Code'], required: true, shape: 'text' },
	{ key: 'title', vi: 'Tên nhiệm vụ', en: 'Title', aliases: ['Tên đề tài', 'Tên kết quả', 'Task title'], required: true, shape: 'text' },
	{ key: 'level', vi: 'Cấp quản lý', en: 'Level', aliases: ['Cấp nhiệm vụ', 'Cấp'], required: true, shape: 'text' },
	{ key: 'managingAgency', vi: 'Cơ quan quản lý', en: 'Managing agency', aliases: ['Cơ quan chủ quản'], shape: 'text' },
	{ key: 'hostName', vi: 'Tổ chức chủ trì', en: 'Host organisation', aliases: ['Cơ quan chủ trì', 'Đơn vị chủ trì', 'Host organization', 'Host'], required: true, shape: 'text' },
	{ key: 'province', vi: 'Tỉnh/thành phố', en: 'Province', aliases: ['Tỉnh', 'Tỉnh thành', 'Địa phương', 'Province code'], shape: 'text' },
	{ key: 'principalInvestigator', vi: 'Chủ nhiệm nhiệm vụ', en: 'Principal investigator', aliases: ['Chủ nhiệm', 'Chủ nhiệm đề tài', 'PI'], shape: 'text' },
	{ key: 'members', vi: 'Thành viên', en: 'Members', aliases: ['Thành viên thực hiện', 'Cán bộ tham gia', 'Team'], shape: 'list' },
	{ key: 'startYear', vi: 'Năm bắt đầu', en: 'Start year', aliases: ['Bắt đầu', 'Start'], shape: 'text' },
	{ key: 'endYear', vi: 'Năm kết thúc', en: 'End year', aliases: ['Kết thúc', 'End'], shape: 'text' },
	{ key: 'fieldCodes', vi: 'Lĩnh vực', en: 'Fields', aliases: ['Mã lĩnh vực', 'Lĩnh vực KH&CN', 'Field codes', 'S&T fields'], shape: 'list' },
	{ key: 'keywords', vi: 'Từ khóa', en: 'Keywords', aliases: ['Từ khoá'], shape: 'list' },
	{ key: 'abstract', vi: 'Tóm tắt', en: 'Abstract', aliases: ['Tóm tắt kết quả', 'Summary'], shape: 'text' },
	{ key: 'products', vi: 'Sản phẩm', en: 'Products', aliases: ['Sản phẩm chính', 'Outputs'], shape: 'lines' },
	{ key: 'applicationStatus', vi: 'Tình trạng ứng dụng', en: 'Application status', aliases: ['Ứng dụng', 'Tình hình ứng dụng', 'Status'], shape: 'text' },
	{ key: 'registrationNumber', vi: 'Số đăng ký', en: 'Registration number', aliases: ['Số giấy chứng nhận đăng ký', 'Số chứng nhận', 'Registration no'], shape: 'text' },
	{ key: 'registrationDate', vi: 'Ngày đăng ký', en: 'Registration date', aliases: ['Ngày cấp', 'Registered on'], shape: 'text' },
]

export const EXPERT_COLUMNS: readonly Column[] = [
	{ key: 'fullName', vi: 'Họ và tên', en: 'Full name', aliases: ['Họ tên', 'Tên chuyên gia', 'Name'], required: true, shape: 'text' },
	{ key: 'academicTitle', vi: 'Học hàm', en: 'Academic title', aliases: ['Học hàm, học vị', 'Học hàm học vị', 'Title'], shape: 'text' },
	{ key: 'degree', vi: 'Học vị', en: 'Degree', shape: 'text' },
	{ key: 'organisationName', vi: 'Cơ quan công tác', en: 'Organisation', aliases: ['Đơn vị công tác', 'Nơi công tác', 'Organization', 'Affiliation'], shape: 'text' },
	{ key: 'province', vi: 'Tỉnh/thành phố', en: 'Province', aliases: ['Tỉnh', 'Tỉnh thành', 'Địa phương', 'Province code'], shape: 'text' },
	{ key: 'email', vi: 'Thư điện tử', en: 'E-mail', aliases: ['Email', 'E-mail liên hệ'], shape: 'text' },
	{ key: 'fieldCodes', vi: 'Lĩnh vực', en: 'Fields', aliases: ['Mã lĩnh vực', 'Lĩnh vực chuyên môn', 'Field codes', 'S&T fields'], shape: 'list' },
	{ key: 'keywords', vi: 'Từ khóa', en: 'Keywords', aliases: ['Từ khoá', 'Hướng nghiên cứu', 'Expertise'], shape: 'list' },
	{ key: 'bio', vi: 'Giới thiệu', en: 'Bio', aliases: ['Tiểu sử', 'Giới thiệu ngắn', 'Biography'], shape: 'text' },
	{ key: 'publications', vi: 'Công trình công bố', en: 'Publications', aliases: ['Công bố', 'Bài báo'], shape: 'lines' },
	{ key: 'tasks', vi: 'Nhiệm vụ tham gia', en: 'Task participation', aliases: ['Nhiệm vụ KH&CN', 'Tasks'], shape: 'list' },
]

export function columnsOf(kind: ImportKindValue) {
	return kind === 'TASK_RESULTS' ? TASK_RESULT_COLUMNS : EXPERT_COLUMNS
}

/** How a header is compared: folded, punctuation and spaces dropped ("Mã số nhiệm vụ", "ma so nhiem vu", "MaSoNhiemVu" meet). */
export function headerKey(header: string) {
	return foldVietnamese(header).replace(/[^a-z0-9]+/g, '')
}

const indexes = new Map<ImportKindValue, Map<string, Column>>()

function indexOf(kind: ImportKindValue) {
	let index = indexes.get(kind)
	if (!index) {
		index = new Map()
		for (const column of columnsOf(kind)) {
			for (const name of [column.key, column.vi, column.en, ...(column.aliases ?? [])]) index.set(headerKey(name), column)
		}
		indexes.set(kind, index)
	}
	return index
}

export type HeaderMap = {
	/** For each position of the header row, the column it fills (null: ignored). */
	columns: Array<Column | null>
	/** Headers not in the column set; their cells are ignored. */
	unknown: string[]
	/** Required columns the file lacks. */
	missing: Column[]
	/** Columns named twice ("Tên nhiệm vụ" and "Title"). */
	duplicated: Column[]
}

/** Maps a file's header row to the column set. */
export function mapHeaders(kind: ImportKindValue, headers: readonly string[]): HeaderMap {
	const index = indexOf(kind)
	const seen = new Set<string>()
	const duplicated: Column[] = []
	const unknown: string[] = []
	const columns = headers.map((header) => {
		const trimmed = header.normalize('NFC').trim()
		if (!trimmed) return null
		const column = index.get(headerKey(trimmed)) ?? null
		if (!column) {
			unknown.push(trimmed)
			return null
		}
		if (seen.has(column.key)) {
			duplicated.push(column)
			return null
		}
		seen.add(column.key)
		return column
	})
	const missing = columnsOf(kind).filter((c) => c.required && !seen.has(c.key))
	return { columns, unknown, missing, duplicated }
}
