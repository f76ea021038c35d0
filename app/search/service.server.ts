// What pages and the API call: the engine's search and suggestions, plus S&T field suggestions
// from the reference tables, with engine failures turned into a clear 503 instead of a 500.
import type { AppLocale } from '~/locales'
import { listScienceFields } from '~/models/reference.server'
import { logger } from '~/utils/logger.server'
import { foldDiacritics, normalizeText } from '../../matching'
import { searchEngine } from './engine.server'
import type { SearchRequest, SearchResponse, Suggestion } from './types'

/** The search engine could not answer (Meilisearch down, say): pages show it, the API sends 503. */
export class SearchUnavailableError extends Error {
	readonly status = 503
	constructor(cause: unknown) {
		super('search unavailable', { cause })
	}
}

export async function runSearch(request: SearchRequest): Promise<SearchResponse> {
	try {
		return await searchEngine().search(request)
	} catch (error) {
		logger.error({ err: error }, 'search failed')
		throw new SearchUnavailableError(error)
	}
}

export const SUGGEST_LIMIT = 8

/** As-you-type suggestions: up to three S&T fields whose name contains the text, then documents. */
export async function suggest(text: string, locale: AppLocale, limit = SUGGEST_LIMIT): Promise<Suggestion[]> {
	const clean = normalizeText(text.slice(0, 100))
	if (clean.length < 2) return []
	const folded = foldDiacritics(clean)
	// A field is found by its name in either language and shown in the reader's.
	const [vi, en] = await Promise.all([listScienceFields('vi'), listScienceFields('en')])
	const shown = locale === 'vi' ? vi : en
	const fields = shown
		.filter((f, i) => foldDiacritics(vi[i]!.name).includes(folded) || foldDiacritics(en[i]!.name).includes(folded))
		.slice(0, 3)
		.map((f): Suggestion => ({ kind: 'field', code: f.code, name: f.name }))
	let documents: Suggestion[] = []
	try {
		documents = await searchEngine().suggest(clean, limit - fields.length)
	} catch (error) {
		logger.error({ err: error }, 'suggest failed')
		throw new SearchUnavailableError(error)
	}
	return [...fields, ...documents]
}
