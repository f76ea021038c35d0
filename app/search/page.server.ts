// /search: one results page across types, everything in the URL (a GET form), so it works
// without JavaScript; signed-in users save the search from here.
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type RouterContextProvider } from 'react-router'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { fieldNames, listProvinces } from '~/models/reference.server'
import { findSavedSearch, saveSearch, SavedSearchError, SavedSearchSettingsSchema } from '~/models/saved-search.server'
import { getUser, requireUser } from '~/utils/auth.server'
import { consume } from '~/utils/rate-limit.server'
import { hasFilters, readSearchParams, searchQueryString, toSearchRequest, type SearchParams } from './request'
import { runSearch, SearchUnavailableError } from './service.server'
import type { SearchResponse } from './types'

type Args = { request: Request; context: Readonly<RouterContextProvider> }

const emptyResult = (p: SearchParams): SearchResponse => ({
	total: 0,
	approximate: false,
	page: p.page,
	perPage: 20,
	hits: [],
	facets: { type: [], field: [], province: [], trl: [], transferMode: [], ipStatus: [], price: [], year: [] },
	correctedText: null,
})

export async function searchPageLoader({ request, context }: Args) {
	const locale = getLocale(context) as AppLocale
	const url = new URL(request.url)
	const { params, invalid } = readSearchParams(url.searchParams)
	const user = await getUser(request)
	const query = searchQueryString(params)
	let result: SearchResponse
	let unavailable = false
	try {
		result = await runSearch(toSearchRequest(params))
	} catch (error) {
		if (!(error instanceof SearchUnavailableError)) throw error
		unavailable = true
		result = emptyResult(params)
	}
	const [provinces, names, saved] = await Promise.all([
		listProvinces(locale),
		fieldNames([...new Set([...result.facets.field.map((f) => f.value), ...params.fields, ...result.hits.flatMap((h) => h.fieldPaths)])], locale),
		user ? findSavedSearch(user.id, query) : null,
	])
	const pageData = {
		locale,
		params,
		invalid,
		query,
		filtered: hasFilters(params),
		result,
		pages: Math.min(500, Math.ceil(result.total / result.perPage)),
		unavailable,
		provinceNames: Object.fromEntries(provinces.map((p) => [p.code, p.name])),
		fieldNames: names,
		signedIn: Boolean(user),
		saved: saved ? { id: saved.id, name: saved.name, frequency: saved.frequency, channel: saved.channel } : null,
		savedNotice: url.searchParams.get('saved') === '1',
	}
	return unavailable ? data(pageData, { status: 503 }) : pageData
}

export type SearchPageData = Awaited<ReturnType<typeof searchPageLoader>> extends infer D ? (D extends { data: infer X } ? X : D) : never

/** Saves the search in the URL for the signed-in user, with the alert settings from the form. */
export async function searchPageAction({ request }: Args) {
	const user = await requireUser(request)
	await consume('writeUser', user.id)
	const url = new URL(request.url)
	const formData = await request.formData()
	const submission = parseWithZod(formData, { schema: SavedSearchSettingsSchema })
	// What the user typed comes back with any error, so nothing is lost.
	const values = Object.fromEntries(['name', 'frequency', 'channel'].map((k) => [k, String(formData.get(k) ?? '')]))
	if (submission.status !== 'success') return data({ result: submission.reply(), values, error: null }, { status: 400 })
	try {
		const saved = await saveSearch(user.id, url.search, submission.value)
		return redirect(`/search?${saved.query}${saved.query ? '&' : ''}saved=1`)
	} catch (error) {
		if (error instanceof SavedSearchError) return data({ result: submission.reply(), values, error: { key: error.key, params: error.params } }, { status: error.status })
		throw error
	}
}
