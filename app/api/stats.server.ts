// GET /api/v1/stats: the public statistics (the figures of /stats) as data, for national and
// provincial statistical systems: the same tables, notes and filters as the page.
import { buildFigure, buildFigures, PUBLIC_FIGURES } from '~/stats/figures.server'
import { parseStatsFilters } from '~/stats/filters'
import { isFigureId } from '~/stats/table'
import { getApiPrincipal } from './auth.server'
import { notFound } from './errors.server'
import { apiRoute } from './handler.server'
import { revalidatedJson, spendPublicRead } from './responses.server'

export function statsApi() {
	return apiRoute({
		GET: async ({ request, url, locale }) => {
			await spendPublicRead(request, await getApiPrincipal(request))
			const filters = parseStatsFilters(url.searchParams)
			const figure = url.searchParams.get('figure')
			let tables
			if (figure) {
				if (!isFigureId(figure) || !PUBLIC_FIGURES.includes(figure)) throw notFound('stats.errors.badFigure', { figure: figure.slice(0, 40) })
				const table = await buildFigure(figure, filters, locale)
				if (!table) throw notFound('stats.errors.badFigure', { figure })
				tables = [table]
			} else {
				tables = await buildFigures('public', filters, locale)
			}
			const data = tables.map(({ chart: _chart, ...table }) => table)
			return revalidatedJson(request, { data, meta: { filters, locale } }, { shared: true, init: { headers: { 'Content-Language': locale } } })
		},
	})
}
