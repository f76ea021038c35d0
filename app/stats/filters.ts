/**
 * The filters of the statistics pages, downloads and API: a period of whole months, the bucket the
 * time series use, a province and an S&T field. Shared by server and client (the filter form).
 */
import { z } from 'zod'

export const BUCKETS = ['month', 'quarter', 'year'] as const
export type Bucket = (typeof BUCKETS)[number]

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/
/** Ten years of months is the longest series a page draws. */
export const MAX_MONTHS = 120

const optional = <T extends z.ZodTypeAny>(schema: T) => schema.optional().catch(undefined)

// A URL anyone can edit: values that do not parse are dropped, never answered with an error page.
const StatsFiltersSchema = z.object({
	from: optional(z.string().regex(MONTH)),
	to: optional(z.string().regex(MONTH)),
	bucket: optional(z.enum(BUCKETS)),
	province: optional(z.string().regex(/^\d{2}$/)),
	field: optional(z.string().regex(/^\d{1,5}$/)),
})

export type StatsFilters = {
	/** First month of the period, "YYYY-MM". */
	from: string
	/** Last month of the period, included. */
	to: string
	bucket: Bucket
	province?: string
	field?: string
}

export function monthKey(date: Date) {
	// Periods are Vietnamese calendar months.
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' }).formatToParts(date)
	const get = (type: string) => parts.find((p) => p.type === type)!.value
	return `${get('year')}-${get('month')}`
}

export function addMonths(month: string, n: number) {
	const [y, m] = month.split('-').map(Number) as [number, number]
	const index = y * 12 + (m - 1) + n
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

export function monthsBetween(from: string, to: string) {
	const [fy, fm] = from.split('-').map(Number) as [number, number]
	const [ty, tm] = to.split('-').map(Number) as [number, number]
	return ty * 12 + tm - (fy * 12 + fm) + 1
}

/**
 * The filters in a URL. Defaults: the last 12 months to this one, by month (by quarter beyond two
 * years, by year beyond five); a reversed period is read the right way round, one too long is cut
 * to its last MAX_MONTHS months.
 */
export function parseStatsFilters(search: URLSearchParams, now = new Date()): StatsFilters {
	const raw = StatsFiltersSchema.parse(Object.fromEntries([...search].filter(([, value]) => value.trim() !== '')))
	let to = raw.to ?? monthKey(now)
	let from = raw.from ?? addMonths(to, -11)
	if (from > to) [from, to] = [to, from]
	if (monthsBetween(from, to) > MAX_MONTHS) from = addMonths(to, -(MAX_MONTHS - 1))
	const months = monthsBetween(from, to)
	const bucket = raw.bucket ?? (months > 60 ? 'year' : months > 24 ? 'quarter' : 'month')
	return { from, to, bucket, ...(raw.province ? { province: raw.province } : {}), ...(raw.field ? { field: raw.field } : {}) }
}

/** The filters as a query string, for links and downloads ("" for none). */
export function statsQuery(filters: Partial<StatsFilters>, extra: Record<string, string> = {}) {
	const params = new URLSearchParams()
	for (const key of ['from', 'to', 'bucket', 'province', 'field'] as const) {
		const value = filters[key]
		if (value) params.set(key, value)
	}
	for (const [key, value] of Object.entries(extra)) params.set(key, value)
	const text = params.toString()
	return text ? `?${text}` : ''
}

/** The period buckets from `from` to `to` as their labels: "2026-03", "2026-Q1", "2026". */
export function periodLabels(filters: Pick<StatsFilters, 'from' | 'to' | 'bucket'>) {
	const labels: string[] = []
	for (let month = filters.from; month <= filters.to; month = addMonths(month, 1)) {
		const label = periodOf(month, filters.bucket)
		if (labels.at(-1) !== label) labels.push(label)
	}
	return labels
}

/** The bucket label of a month. */
export function periodOf(month: string, bucket: Bucket) {
	const [y, m] = month.split('-').map(Number) as [number, number]
	if (bucket === 'year') return String(y)
	if (bucket === 'quarter') return `${y}-Q${Math.ceil(m / 3)}`
	return month
}
