// Isomorphic: imports, the API, the pages and the seed describe task results with these.

export const TASK_LEVELS = ['NATIONAL', 'MINISTERIAL', 'PROVINCIAL', 'GRASSROOTS'] as const
export type TaskLevelValue = (typeof TASK_LEVELS)[number]

export const APPLICATION_STATUSES = ['NOT_APPLIED', 'PILOT', 'APPLIED', 'COMMERCIALISED', 'TRANSFERRED'] as const
export type ApplicationStatusValue = (typeof APPLICATION_STATUSES)[number]

/**
 * Kinds of products a registered result declares. Circular 14/2014 groups them as type I (samples,
 * materials, equipment, breeds), type II (processes, methods, standards, software, designs, maps) and
 * type III (publications, reports, patents and trained people).
 */
export const PRODUCT_KINDS = [
	'PROCESS',
	'EQUIPMENT',
	'MATERIAL',
	'VARIETY',
	'SOFTWARE',
	'PROTOTYPE',
	'STANDARD',
	'PATENT',
	'PUBLICATION',
	'REPORT',
	'TRAINING',
	'OTHER',
] as const
export type ProductKind = (typeof PRODUCT_KINDS)[number]

export type TaskProduct = { kind: ProductKind; description: string }

export const TASK_RESULT_LIMITS = {
	taskCode: { min: 2, max: 60 },
	title: { min: 5, max: 500 },
	line: 300,
	abstract: 20_000,
	members: 50,
	keywords: { max: 20, each: 60 },
	fields: 8,
	products: 30,
	productText: 1000,
	registrationNumber: 60,
	/** Earliest plausible year of a registered task. */
	firstYear: 1945,
} as const

/** A task result as stored: the normalised values every import, API call and seed agree on. */
export type TaskResultValues = {
	taskCode: string
	title: string
	level: TaskLevelValue
	managingAgency: string
	hostName: string
	provinceCode: string | null
	principalInvestigator: string
	members: string[]
	startYear: number | null
	endYear: number | null
	fieldCodes: string[]
	keywords: string[]
	abstract: string
	products: TaskProduct[]
	applicationStatus: ApplicationStatusValue
	registrationNumber: string | null
	/** YYYY-MM-DD */
	registrationDate: string | null
}

export type ParsedTaskCode =
	/** A programme task: "KC.01.05/16-20" is task 05 of programme KC.01 in the period 2016-2020. */
	| { kind: 'programme'; code: string; programme: string; number: string; periodStart: number; periodEnd: number }
	/** Anything else that looks like a code: independent national tasks ("ĐTĐL.CN-01/20"), provincial and grassroots codes. */
	| { kind: 'free'; code: string }

// Programme letters (KC, KX, KHCN-TN, NVQG…) and numbers, then the task number, then "/yy-yy".
const PROGRAMME_CODE = /^([A-ZĐ][A-ZĐ0-9-]*(?:\.[A-ZĐ0-9-]+)*)\.(\d{1,3})\/(\d{2})-(\d{2})$/u
const FREE_CODE = /^[\p{L}\p{N}][\p{L}\p{N} .,/_()&:+-]*$/u

/** A task code as people write it: NFC, upper case, dashes unified, no spaces around separators. */
export function normaliseTaskCode(input: string) {
	return input
		.normalize('NFC')
		.replace(/[\u2010-\u2015\u2212]/g, '-')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/\s*([./:-])\s*/g, '$1')
		.toLocaleUpperCase('vi')
}

/** The lookup key of a task code or registration number: folded, without spaces or punctuation differences. */
export function codeKey(input: string) {
	return normaliseTaskCode(input)
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/Đ/g, 'D')
		.replace(/[\s_]/g, '')
}

/** Reads a task code; null when it cannot be a code at all (empty, control characters, stray symbols). */
export function parseTaskCode(input: string): ParsedTaskCode | null {
	const code = normaliseTaskCode(input)
	if (code.length < TASK_RESULT_LIMITS.taskCode.min || code.length > TASK_RESULT_LIMITS.taskCode.max) return null
	const programme = PROGRAMME_CODE.exec(code)
	if (programme) {
		const [, prog, number, from, to] = programme as unknown as [string, string, string, string, string]
		const start = 2000 + Number(from)
		const end = 2000 + Number(to)
		// "91-95" is the 1990s; a period runs forwards.
		const periodStart = start > new Date().getFullYear() + 5 ? start - 100 : start
		const periodEnd = end < periodStart ? end + 100 : end > new Date().getFullYear() + 10 ? end - 100 : end
		return { kind: 'programme', code, programme: prog, number, periodStart, periodEnd }
	}
	return FREE_CODE.test(code) ? { kind: 'free', code } : null
}
