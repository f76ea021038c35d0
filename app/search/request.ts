// /search URL parameters <-> a SearchRequest, shared by the page, the API and saved searches. The
// page drops what it cannot read (and says so); the API refuses it with a 400.
import { IP_STATUSES, TRANSFER_MODES } from '~/models/listing-schema'
import { MAX_QUERY_CHARS } from './query'
import { PRICE_BUCKET_KEYS, SEARCH_TYPES, SORTS, type PriceBucket, type SearchRequest, type SearchSort, type SearchType } from './types'

export const PER_PAGE = 20
/** Deeper pages are refused: nobody reads them and engines cap deep paging (Meilisearch: 10,000 hits). */
export const MAX_PAGE = 500
/** Values per filter parameter. */
export const MAX_VALUES = 20

export type SearchParams = {
	q: string
	type: SearchType | null
	fields: string[]
	provinces: string[]
	trl: number[]
	modes: string[]
	ip: string[]
	prices: PriceBucket[]
	years: number[]
	sort: SearchSort
	page: number
}

/** URL parameter names, in the order saved searches write them. */
export const PARAM_NAMES = ['q', 'type', 'field', 'province', 'trl', 'mode', 'ip', 'price', 'year', 'sort', 'page'] as const
export type ParamName = (typeof PARAM_NAMES)[number]

const isIn = <T extends string>(list: readonly T[]) => (v: string): v is T => (list as readonly string[]).includes(v)
const intIn = (lo: number, hi: number) => (v: string) => /^\d{1,4}$/.test(v) && Number(v) >= lo && Number(v) <= hi

/** Reads the parameters; `invalid` names every parameter that had a value it could not use. */
export function readSearchParams(search: URLSearchParams): { params: SearchParams; invalid: ParamName[] } {
	const invalid = new Set<ParamName>()
	const many = <T>(name: ParamName, ok: (v: string) => boolean, map: (v: string) => T): T[] => {
		const values = search.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '')
		const out: T[] = []
		for (const v of values) {
			if (ok(v) && out.length < MAX_VALUES) {
				const mapped = map(v)
				if (!out.includes(mapped)) out.push(mapped)
			} else invalid.add(name)
		}
		return out.sort()
	}
	const one = <T extends string>(name: ParamName, list: readonly T[], fallback: T | null) => {
		const v = search.get(name)?.trim()
		if (!v) return fallback
		if (isIn(list)(v)) return v
		invalid.add(name)
		return fallback
	}
	const rawQ = search.get('q') ?? ''
	if (rawQ.length > MAX_QUERY_CHARS * 4) invalid.add('q')
	const pageText = search.get('page')?.trim()
	let page = 1
	if (pageText) {
		if (intIn(1, MAX_PAGE)(pageText)) page = Number(pageText)
		else invalid.add('page')
	}
	const params: SearchParams = {
		q: rawQ.slice(0, MAX_QUERY_CHARS).replace(/[\u0000-\u001f\u007f]/g, ' ').trim(),
		type: one('type', SEARCH_TYPES, null),
		fields: many('field', (v) => /^\d{1,5}$/.test(v), String),
		provinces: many('province', (v) => /^\d{2}$/.test(v), String),
		trl: many('trl', intIn(1, 9), Number),
		modes: many('mode', isIn(TRANSFER_MODES), String),
		ip: many('ip', isIn(IP_STATUSES), String),
		prices: many('price', isIn(PRICE_BUCKET_KEYS), (v) => v as PriceBucket),
		years: many('year', intIn(1900, 2100), Number),
		sort: one('sort', SORTS, 'relevance') ?? 'relevance',
		page,
	}
	return { params, invalid: PARAM_NAMES.filter((n) => invalid.has(n)) }
}

export function toSearchRequest(p: SearchParams, perPage = PER_PAGE): SearchRequest {
	return {
		text: p.q,
		types: p.type ? [p.type] : [],
		filters: { fields: p.fields, provinces: p.provinces, trl: p.trl, transferModes: p.modes, ipStatuses: p.ip, prices: p.prices, years: p.years },
		sort: p.sort,
		page: p.page,
		perPage,
	}
}

/**
 * The parameters as a query string in one canonical order, without empty ones (and without the
 * page unless `page`): what links, tabs and saved searches carry, so one search is one string.
 */
export function searchQueryString(p: SearchParams, { page = false } = {}): string {
	const out = new URLSearchParams()
	if (p.q) out.set('q', p.q)
	if (p.type) out.set('type', p.type)
	for (const v of p.fields) out.append('field', v)
	for (const v of p.provinces) out.append('province', v)
	for (const v of p.trl) out.append('trl', String(v))
	for (const v of p.modes) out.append('mode', v)
	for (const v of p.ip) out.append('ip', v)
	for (const v of p.prices) out.append('price', v)
	for (const v of p.years) out.append('year', String(v))
	if (p.sort !== 'relevance') out.set('sort', p.sort)
	if (page && p.page > 1) out.set('page', String(p.page))
	return out.toString()
}

/** True when anything narrows the search besides its text. */
export function hasFilters(p: SearchParams) {
	return p.fields.length + p.provinces.length + p.trl.length + p.modes.length + p.ip.length + p.prices.length + p.years.length > 0
}
