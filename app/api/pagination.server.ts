import { z } from 'zod'
import { msg } from '~/utils/validation'
import { ApiError, validationFailed, type FieldErrors } from './errors.server'

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

// ---------------------------------------------------------------------------------------------
// Cursor (keyset) pages for the public lists. A cursor is the sort key and the id of the last item
// handed out; the next page is what comes after it in the list's order
// (`WHERE (key, id) after (…)`), so an insert before or after it never shifts the rest the way an
// OFFSET does. The order always ends in the id, so every position is unique.
// ---------------------------------------------------------------------------------------------

/** How a key's value travels in a cursor (JSON) and comes back to a typed Prisma value. */
export type CursorKeyType = 'date' | 'int' | 'bigint' | 'string'

/**
 * One column of a list's order. `nulls` is set exactly when the column can be null, and says where
 * nulls sort (it is written into ORDER BY too, so the order and the cursor agree); leave it out for
 * NOT NULL columns.
 */
export type SortKey = { field: string; dir: 'asc' | 'desc'; type: CursorKeyType; nulls?: 'first' | 'last' }

/** A list order that cursors can page: its keys, the last of which is the id. */
export type KeysetOrder = readonly SortKey[]

type Where = Record<string, unknown>

/** The Prisma orderBy of a keyset order. */
export function keysetOrderBy(order: KeysetOrder): Where[] {
	return order.map((key) => ({ [key.field]: key.nulls ? { sort: key.dir, nulls: key.nulls } : key.dir }))
}

/**
 * The Prisma where-clause of "strictly after this position" in the order: for keys (a, b, id),
 * a beyond, or a equal and (b beyond, or b equal and id beyond), with nulls where the order puts them.
 * Expanded into ORs rather than a row comparison because the directions may differ per key.
 */
export function keysetAfter(order: KeysetOrder, values: readonly unknown[]): Where {
	const after = (i: number): Where => {
		const key = order[i]!
		const value = values[i]
		const beyond = { [key.field]: { [key.dir === 'asc' ? 'gt' : 'lt']: value } }
		if (i === order.length - 1) return beyond
		const rest = after(i + 1)
		if (value === null) {
			// Ties among nulls go on to the next key; non-null values come after them only when nulls sort first.
			const tie = { AND: [{ [key.field]: null }, rest] }
			return key.nulls === 'first' ? { OR: [tie, { [key.field]: { not: null } }] } : tie
		}
		const or: Where[] = [beyond, { AND: [{ [key.field]: value }, rest] }]
		if (key.nulls === 'last') or.push({ [key.field]: null })
		return { OR: or }
	}
	const first = order[0]!
	const where = after(0)
	// A plain bound on the leading key as well, which an index on it can start from (the OR alone it cannot).
	if (values[0] !== null && first.nulls !== 'last') {
		return { AND: [{ [first.field]: { [first.dir === 'asc' ? 'gte' : 'lte']: values[0] } }, where] }
	}
	return where
}

const MAX_CURSOR_LENGTH = 2048
const MAX_KEY_TEXT = 1000
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/

function encodeValue(type: CursorKeyType, value: unknown): string | number | null {
	if (value === null || value === undefined) return null
	if (type === 'date') return (value as Date).toISOString()
	if (type === 'bigint') return String(value)
	return value as string | number
}

function decodeValue(key: SortKey, value: unknown): { ok: true; value: unknown } | { ok: false } {
	if (value === null) return key.nulls ? { ok: true, value: null } : { ok: false }
	switch (key.type) {
		case 'date': {
			if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return { ok: false }
			const date = new Date(value)
			return Number.isNaN(date.getTime()) ? { ok: false } : { ok: true, value: date }
		}
		case 'int':
			return typeof value === 'number' && Number.isSafeInteger(value) ? { ok: true, value } : { ok: false }
		case 'bigint':
			return typeof value === 'string' && /^-?\d{1,19}$/.test(value) ? { ok: true, value: BigInt(value) } : { ok: false }
		case 'string':
			return typeof value === 'string' && value.length <= MAX_KEY_TEXT && !value.includes('\u0000') ? { ok: true, value } : { ok: false }
	}
}

/** The cursor of the position of `row` (which must carry every key field) in a list's order. */
export function encodeCursor(scope: string, order: KeysetOrder, row: Record<string, unknown>): string {
	const keys = order.map((key) => encodeValue(key.type, row[key.field]))
	return Buffer.from(JSON.stringify({ s: scope, k: keys }), 'utf8').toString('base64url')
}

export const badCursor = () => new ApiError(400, 'invalid_cursor', 'api.lists.badCursor', { fields: { cursor: [msg('api.lists.badCursor')] } })

export const foreignCursor = () => new ApiError(400, 'invalid_cursor', 'api.lists.foreignCursor', { fields: { cursor: [msg('api.lists.foreignCursor')] } })

/**
 * The typed key values of a cursor, checked against the list and order it is used with: anything
 * that does not decode to exactly the keys of this order is a 400, never a database error, and a
 * cursor of another list or another sort (`scope`) is refused rather than read as a position in this one.
 */
export function decodeCursor(scope: string, order: KeysetOrder, raw: string): unknown[] {
	if (raw.length > MAX_CURSOR_LENGTH || !/^[\w-]+$/.test(raw)) throw badCursor()
	let parsed: unknown
	try {
		parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
	} catch {
		throw badCursor()
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw badCursor()
	const { s, k } = parsed as { s?: unknown; k?: unknown }
	if (typeof s !== 'string' || !Array.isArray(k)) throw badCursor()
	if (s !== scope) throw foreignCursor()
	if (k.length !== order.length) throw badCursor()
	return order.map((key, i) => {
		const decoded = decodeValue(key, k[i])
		if (!decoded.ok) throw badCursor()
		return decoded.value
	})
}

/** How a public list request pages: by cursor (the default) or by page number (the older way). */
export type ListPaging =
	| { mode: 'cursor'; limit: number; after: unknown[] | null }
	| ({ mode: 'offset' } & PageRequest)

/**
 * Reads `cursor`/`limit` or `page`/`pageSize`. Cursor pages are the default; `page`, or `pageSize`
 * without `limit` or `cursor`, asks for numbered pages as the API gave them before cursors (so
 * existing clients keep their answers). `order` null: the sort can only be paged by number (its
 * key changes while people read, so a cursor on it would skip or repeat items).
 */
export function readListPaging(url: URL, scope: string, order: KeysetOrder | null): ListPaging {
	const has = (name: string) => (url.searchParams.get(name) ?? '').trim() !== ''
	const cursor = has('cursor') ? url.searchParams.get('cursor')!.trim() : null
	if (cursor !== null && has('page')) throw new ApiError(400, 'invalid_cursor', 'api.lists.cursorWithPage', { fields: { cursor: [msg('api.lists.cursorWithPage')] } })
	if (cursor !== null && !order) throw new ApiError(400, 'invalid_cursor', 'api.lists.offsetOnly', { fields: { cursor: [msg('api.lists.offsetOnly')] } })
	const offset = !order || has('page') || (cursor === null && has('pageSize') && !has('limit'))
	if (offset) {
		const sized = new URL(url)
		// `limit` is understood in either mode: it sizes a numbered page too when pageSize is absent.
		if (!has('pageSize') && has('limit')) sized.searchParams.set('pageSize', url.searchParams.get('limit')!)
		return { mode: 'offset', ...readPage(sized) }
	}
	const name = has('limit') ? 'limit' : 'pageSize'
	const sized = new URL(url.origin)
	if (has(name)) sized.searchParams.set('pageSize', url.searchParams.get(name)!)
	const { pageSize } = readPageSizeAs(sized, name)
	return { mode: 'cursor', limit: pageSize, after: cursor === null ? null : decodeCursor(scope, order, cursor) }
}

// readPage names `pageSize` in its errors; a bad `limit` is reported under its own name.
function readPageSizeAs(url: URL, name: string) {
	try {
		return readPage(url)
	} catch (error) {
		if (error instanceof ApiError && error.fields?.pageSize) throw validationFailed({ [name]: error.fields.pageSize })
		throw error
	}
}

export type CursorPage<T> = {
	data: T[]
	meta: { limit: number; hasMore: boolean; nextCursor: string | null }
	links: { self: string; first: string; next: string | null }
}

/**
 * A cursor page from the rows read with `take: limit + 1` (the extra row only says there is more).
 * `links.next` is this request with the next cursor, every filter kept.
 */
export function cursorPaged<R extends Record<string, unknown>, T>(
	url: URL,
	rows: R[],
	{ limit, scope, order, shape }: { limit: number; scope: string; order: KeysetOrder; shape: (row: R) => T },
): CursorPage<T> {
	const page = rows.slice(0, limit)
	const hasMore = rows.length > limit
	const nextCursor = hasMore ? encodeCursor(scope, order, page.at(-1)!) : null
	const link = (cursor: string | null) => {
		const next = new URL(url)
		next.searchParams.delete('page')
		next.searchParams.delete('pageSize')
		next.searchParams.delete('cursor')
		next.searchParams.set('limit', String(limit))
		if (cursor) next.searchParams.set('cursor', cursor)
		return `${next.pathname}${next.search}`
	}
	return {
		data: page.map(shape),
		meta: { limit, hasMore, nextCursor },
		links: { self: `${url.pathname}${url.search}`, first: link(null), next: nextCursor ? link(nextCursor) : null },
	}
}

/**
 * `?updatedSince=`: only what changed at or after this instant (an ISO 8601 date-time with a zone).
 * A cheap filter for a client that refreshes a copy now and then; to mirror every change and
 * removal in order, GET /changes is the tool.
 */
export const updatedSinceQuery = z.iso
	.datetime({ offset: true, error: msg('api.lists.updatedSince') })
	.transform((value) => new Date(value))
	.describe('Only items changed at or after this instant (ISO 8601 with a zone, e.g. 2026-01-31T00:00:00Z).')
