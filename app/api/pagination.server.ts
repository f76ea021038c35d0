import { msg } from '~/utils/validation'
import { validationFailed, type FieldErrors } from './errors.server'

export const DEFAULT_PAGE_SIZE = 20
export const MAX_PAGE_SIZE = 100
// Deep pages of an OFFSET query cost the database more than anyone reads; search will use cursors.
const MAX_PAGE = 10_000

export type PageRequest = { page: number; pageSize: number; skip: number; take: number }

export type PageMeta = { page: number; pageSize: number; total: number; pageCount: number }

export type Paged<T> = {
	data: T[]
	meta: PageMeta
	links: { self: string; first: string; prev: string | null; next: string | null; last: string }
}

/**
 * `?page` (from 1) and `?pageSize` from the query. A page size above `maxSize` is lowered to it
 * rather than refused; anything that is not a positive whole number is a 400 naming the parameter.
 */
export function readPage(request: Request | URL, { defaultSize = DEFAULT_PAGE_SIZE, maxSize = MAX_PAGE_SIZE } = {}): PageRequest {
	const url = request instanceof URL ? request : new URL(request.url)
	const fields: FieldErrors = {}
	const read = (name: string, fallback: number, max: number) => {
		const raw = url.searchParams.get(name)
		if (raw === null || raw.trim() === '') return fallback
		if (!/^\d{1,9}$/.test(raw.trim()) || Number(raw) < 1) {
			fields[name] = [msg('api.errors.notPositiveInteger')]
			return fallback
		}
		return Math.min(Number(raw), max)
	}
	const page = read('page', 1, MAX_PAGE)
	const pageSize = read('pageSize', defaultSize, maxSize)
	if (Object.keys(fields).length > 0) throw validationFailed(fields)
	return { page, pageSize, skip: (page - 1) * pageSize, take: pageSize }
}

/** One page of results with its position and links to its neighbours (same filters). */
export function paged<T>(request: Request | URL, items: T[], total: number, { page, pageSize }: PageRequest): Paged<T> {
	const url = request instanceof URL ? request : new URL(request.url)
	const pageCount = Math.max(1, Math.ceil(total / pageSize))
	const link = (n: number) => {
		const next = new URL(url)
		next.searchParams.set('page', String(n))
		next.searchParams.set('pageSize', String(pageSize))
		return `${next.pathname}${next.search}`
	}
	return {
		data: items,
		meta: { page, pageSize, total, pageCount },
		links: {
			self: link(page),
			first: link(1),
			prev: page > 1 ? link(Math.min(page - 1, pageCount)) : null,
			next: page < pageCount ? link(page + 1) : null,
			last: link(pageCount),
		},
	}
}
