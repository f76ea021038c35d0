// One task result as a file row or an API item: read, cleaned and checked field by field. Pure.
import {
	APPLICATION_STATUSES,
	codeKey,
	parseTaskCode,
	PRODUCT_KINDS,
	TASK_LEVELS,
	TASK_RESULT_LIMITS as L,
	type ApplicationStatusValue,
	type ProductKind,
	type TaskLevelValue,
	type TaskProduct,
	type TaskResultValues,
} from '~/models/task-result-schema'
import { foldVietnamese } from '~/utils/provinces'
import { cellDate, cellLines, cellList, cellText, cellYear, type Cell } from './cells'
import { Issues, type OrganisationIndex, type RowIssue } from './issues'
import { readFieldCodes, readKeywords, readProvince, readText } from './read-fields'

export type TaskResultRow = {
	/** Only the fields the source carried: on an update, the others keep their stored values. */
	values: Partial<TaskResultValues>
	/** Set when the source carried the host organisation's name: the platform organisation it names, or null. */
	hostOrganisationId?: string | null
	/** The host organisation's province, used for a new record that names no province. */
	hostProvinceCode?: string
	registrationKey: string | null
	taskCodeKey: string
	/** What the report shows for the row. */
	key: string
	label: string
}

export type RowResult<T> = { ok: true; row: T } | { ok: false; issues: RowIssue[]; key: string; label: string }

const LEVEL_WORDS: Record<string, TaskLevelValue> = {
	'quoc gia': 'NATIONAL',
	'cap quoc gia': 'NATIONAL',
	'nha nuoc': 'NATIONAL',
	'cap nha nuoc': 'NATIONAL',
	national: 'NATIONAL',
	bo: 'MINISTERIAL',
	'cap bo': 'MINISTERIAL',
	'bo nganh': 'MINISTERIAL',
	'cap bo nganh': 'MINISTERIAL',
	ministerial: 'MINISTERIAL',
	ministry: 'MINISTERIAL',
	tinh: 'PROVINCIAL',
	'cap tinh': 'PROVINCIAL',
	'tinh thanh pho': 'PROVINCIAL',
	provincial: 'PROVINCIAL',
	province: 'PROVINCIAL',
	'co so': 'GRASSROOTS',
	'cap co so': 'GRASSROOTS',
	grassroots: 'GRASSROOTS',
	institutional: 'GRASSROOTS',
}

const STATUS_WORDS: Record<string, ApplicationStatusValue> = {
	'chua ung dung': 'NOT_APPLIED',
	chua: 'NOT_APPLIED',
	'not applied': 'NOT_APPLIED',
	none: 'NOT_APPLIED',
	'thu nghiem': 'PILOT',
	'dang thu nghiem': 'PILOT',
	'ung dung thu': 'PILOT',
	'ung dung thu nghiem': 'PILOT',
	pilot: 'PILOT',
	'da ung dung': 'APPLIED',
	'ung dung': 'APPLIED',
	'dang ung dung': 'APPLIED',
	applied: 'APPLIED',
	'in use': 'APPLIED',
	'thuong mai hoa': 'COMMERCIALISED',
	'da thuong mai hoa': 'COMMERCIALISED',
	commercialised: 'COMMERCIALISED',
	commercialized: 'COMMERCIALISED',
	'chuyen giao': 'TRANSFERRED',
	'da chuyen giao': 'TRANSFERRED',
	transferred: 'TRANSFERRED',
}

const PRODUCT_WORDS: Array<[RegExp, ProductKind]> = [
	[/^(quy trinh|cong nghe|process|technology)/, 'PROCESS'],
	[/^(thiet bi|may|he thong|day chuyen|equipment|machine|device|system)/, 'EQUIPMENT'],
	[/^(vat lieu|che pham|hoa chat|material|compound|product)/, 'MATERIAL'],
	[/^(giong|dong|variety|breed|strain|cultivar)/, 'VARIETY'],
	[/^(phan mem|ung dung|co so du lieu|software|app|database)/, 'SOFTWARE'],
	[/^(mau|mo hinh|san pham mau|prototype|model|pilot)/, 'PROTOTYPE'],
	[/^(tieu chuan|quy chuan|quy pham|standard|guideline)/, 'STANDARD'],
	[/^(sang che|bang sang che|giai phap huu ich|patent|utility)/, 'PATENT'],
	[/^(bai bao|sach|chuyen khao|cong bo|publication|paper|article|book)/, 'PUBLICATION'],
	[/^(bao cao|ban do|ban ve|so do|report|map|drawing)/, 'REPORT'],
	[/^(dao tao|thac si|tien si|training|thesis)/, 'TRAINING'],
	[/^(khac|other)/, 'OTHER'],
]

function enumWord<T extends string>(cell: Cell, words: Record<string, T>, values: readonly T[]): T | 'invalid' | null {
	const text = cellText(cell)
	if (!text) return null
	if ((values as readonly string[]).includes(text.toUpperCase())) return text.toUpperCase() as T
	const key = foldVietnamese(text).replace(/[^a-z0-9]+/g, ' ').trim()
	return words[key] ?? 'invalid'
}

function productKind(label: string): ProductKind | null {
	const upper = label.trim().toUpperCase()
	if ((PRODUCT_KINDS as readonly string[]).includes(upper)) return upper as ProductKind
	const key = foldVietnamese(label).replace(/[^a-z0-9]+/g, ' ').trim()
	return PRODUCT_WORDS.find(([re]) => re.test(key))?.[1] ?? null
}

/** "Quy trình: Quy trình nuôi tôm…" or { kind, description }; a line without a known kind is OTHER. */
function readProducts(cell: Cell, issues: Issues): TaskProduct[] {
	const out: TaskProduct[] = []
	for (const item of cellLines(cell)) {
		let kind: ProductKind | null = null
		let description: string
		if (typeof item === 'object') {
			kind = productKind(cellText(item.kind as Cell)) ?? 'OTHER'
			description = cellText(item.description as Cell)
		} else {
			const colon = /^([^:]{2,40}):\s*(.+)$/.exec(item)
			kind = colon ? productKind(colon[1]!) : null
			description = kind && colon ? colon[2]!.trim() : item
		}
		if (!description) continue
		if (description.length > L.productText) {
			issues.add('products', 'tooLong', { max: L.productText })
			continue
		}
		out.push({ kind: kind ?? 'OTHER', description })
	}
	if (out.length > L.products) issues.add('products', 'tooManyItems', { max: L.products })
	return out
}

/** Reads one task result. `raw` holds only the fields the source has (columns of the file, keys of the JSON item). */
export function readTaskResultRow(raw: Record<string, Cell>, organisations: OrganisationIndex, now = new Date()): RowResult<TaskResultRow> {
	const issues = new Issues()
	const has = (key: string) => Object.hasOwn(raw, key)
	const values: Partial<TaskResultValues> = {}
	const maxYear = now.getFullYear() + 10

	const codeText = cellText(raw.taskCode)
	const code = codeText ? parseTaskCode(codeText) : null
	if (!codeText) issues.add('taskCode', 'required')
	else if (!code) issues.add('taskCode', 'taskCode', { value: codeText.slice(0, 80) })
	else values.taskCode = code.code

	const title = readText(raw, 'title', issues, { required: true, min: L.title.min, max: L.title.max })
	if (title !== undefined) values.title = title

	const level = enumWord(raw.level, LEVEL_WORDS, TASK_LEVELS)
	if (level === null) issues.add('level', 'required')
	else if (level === 'invalid') issues.add('level', 'level', { value: cellText(raw.level).slice(0, 80) })
	else values.level = level

	for (const key of ['managingAgency', 'principalInvestigator'] as const) {
		const text = readText(raw, key, issues, { max: L.line })
		if (text !== undefined) values[key] = text
	}
	let hostOrganisationId: string | null | undefined
	let hostProvinceCode: string | undefined
	const host = readText(raw, 'hostName', issues, { required: true, min: 2, max: L.line })
	if (host !== undefined) {
		values.hostName = host
		const found = organisations.find(host)
		hostOrganisationId = found?.id ?? null
		hostProvinceCode = found?.provinceCode
	}

	if (has('province')) values.provinceCode = readProvince(raw.province, issues)

	if (has('members')) {
		const members = cellList(raw.members)
		if (members.length > L.members) issues.add('members', 'tooManyItems', { max: L.members })
		else if (members.some((m) => m.length > 120)) issues.add('members', 'tooLong', { max: 120 })
		else values.members = members
	}

	for (const key of ['startYear', 'endYear'] as const) {
		if (!has(key)) continue
		const year = cellYear(raw[key])
		if (year === null) values[key] = null
		else if (Number.isNaN(year)) issues.add(key, 'year', { value: cellText(raw[key]).slice(0, 20) })
		else if (year < L.firstYear || year > maxYear) issues.add(key, 'yearRange', { min: L.firstYear, max: maxYear })
		else values[key] = year
	}
	if (values.startYear && values.endYear && values.startYear > values.endYear) {
		issues.add('endYear', 'yearOrder', { start: values.startYear, end: values.endYear })
	}
	// A programme's period bounds when its tasks may start (approval can come the year before).
	if (code?.kind === 'programme' && values.startYear && (values.startYear < code.periodStart - 1 || values.startYear > code.periodEnd)) {
		issues.add('startYear', 'codePeriod', { code: code.code, from: code.periodStart, to: code.periodEnd, year: values.startYear })
	}

	if (has('fieldCodes')) values.fieldCodes = readFieldCodes(raw.fieldCodes, issues, L.fields)
	if (has('keywords')) values.keywords = readKeywords(raw.keywords, issues, L.keywords)

	const abstract = readText(raw, 'abstract', issues, { max: L.abstract, multiline: true })
	if (abstract !== undefined) values.abstract = abstract

	if (has('products')) values.products = readProducts(raw.products, issues)

	if (has('applicationStatus')) {
		const status = enumWord(raw.applicationStatus, STATUS_WORDS, APPLICATION_STATUSES)
		if (status === 'invalid') issues.add('applicationStatus', 'status', { value: cellText(raw.applicationStatus).slice(0, 80) })
		else values.applicationStatus = status ?? 'NOT_APPLIED'
	}

	let registrationKey: string | null = null
	if (has('registrationNumber')) {
		const number = cellText(raw.registrationNumber).toLocaleUpperCase('vi')
		if (!number) values.registrationNumber = null
		else if (number.length > L.registrationNumber) issues.add('registrationNumber', 'tooLong', { max: L.registrationNumber })
		else if (!/^[\p{L}\p{N}][\p{L}\p{N} ./_()-]*$/u.test(number)) issues.add('registrationNumber', 'registrationNumber', { value: number.slice(0, 80) })
		else {
			values.registrationNumber = number
			registrationKey = codeKey(number)
		}
	}
	if (has('registrationDate')) {
		const date = cellDate(raw.registrationDate)
		if (date === 'invalid') issues.add('registrationDate', 'date', { value: cellText(raw.registrationDate).slice(0, 30) })
		else if (date && (date > now.toISOString().slice(0, 10) || Number(date.slice(0, 4)) < L.firstYear)) issues.add('registrationDate', 'dateRange', { value: date })
		else values.registrationDate = date
	}

	const key = values.registrationNumber ?? values.taskCode ?? codeText.slice(0, 80)
	const label = values.title ?? cellText(raw.title).slice(0, 200)
	if (!issues.empty || !values.taskCode) return { ok: false, issues: issues.list, key, label }
	return {
		ok: true,
		row: { values, hostOrganisationId, hostProvinceCode, registrationKey, taskCodeKey: codeKey(values.taskCode), key, label },
	}
}
