// GET /api/v1/search and /api/v1/suggest: the same search as the /search page, as JSON. Public,
// rate-limited per address (or per API key); parameters are checked strictly, so a typo is a 400.
import type { AppLocale } from '~/locales'
import { readSearchParams, toSearchRequest, PER_PAGE } from '~/search/request'
import { runSearch, SearchUnavailableError, suggest } from '~/search/service.server'
import { clientIp } from '~/utils/http.server'
import { consume } from '~/utils/rate-limit.server'
import { getApiPrincipal, principalKey } from './auth.server'
import { ApiError, validationFailed } from './errors.server'
import { apiRoute } from './handler.server'
import { resolveApiLocale } from './locale.server'
import { apiJson } from './responses.server'

async function limit(request: Request) {
	const principal = await getApiPrincipal(request)
	await consume('searchIp', principal ? principalKey(principal) : clientIp(request))
}

// The cause was logged by the search service.
const unavailable = () => new ApiError(503, 'unavailable', 'api.errors.searchUnavailable', { headers: { 'Retry-After': '30' } })

export function searchApi() {
	return apiRoute({
		GET: async ({ request }) => {
			await limit(request)
			const url = new URL(request.url)
			const { params, invalid } = readSearchParams(url.searchParams)
			const perPageText = url.searchParams.get('perPage')
			const perPage = perPageText === null ? PER_PAGE : Number(perPageText)
			const bad: string[] = [...invalid]
			if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) bad.push('perPage')
			if (bad.length > 0) throw validationFailed(Object.fromEntries(bad.map((name) => [name, ['validation.invalid']])))
			try {
				const result = await runSearch(toSearchRequest(params, perPage))
				return apiJson({
					data: result.hits,
					facets: result.facets,
					correctedText: result.correctedText,
					meta: { total: result.total, approximate: result.approximate, page: result.page, perPage: result.perPage, pages: Math.ceil(result.total / result.perPage) },
				})
			} catch (error) {
				if (error instanceof SearchUnavailableError) throw unavailable()
				throw error
			}
		},
	})
}

export function suggestApi() {
	return apiRoute({
		GET: async ({ request }) => {
			await limit(request)
			const url = new URL(request.url)
			const q = url.searchParams.get('q') ?? ''
			if (q.length > 100) throw validationFailed({ q: ['validation.invalid'] })
			const locale: AppLocale = await resolveApiLocale(request)
			try {
				return apiJson({ data: await suggest(q, locale) }, { headers: { 'Cache-Control': 'private, max-age=30' } })
			} catch (error) {
				if (error instanceof SearchUnavailableError) throw unavailable()
				throw error
			}
		},
	})
}
