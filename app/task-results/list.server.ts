import type { RouterContextProvider } from 'react-router'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { fieldNames, listProvinces, listScienceFields } from '~/models/reference.server'
import { prisma } from '~/utils/db.server'
import { listTaskResults, parseTaskResultFilters } from './query.server'

/** The search parameters of the list without its page: what the export links carry. */
export function exportQuery(search: URLSearchParams) {
	const params = new URLSearchParams([...search].filter(([key, value]) => key !== 'page' && key !== 'format' && value.trim() !== ''))
	return params.toString()
}

/** Data for /task-results: one page of registered task results under the URL's filters. */
export async function taskResultListLoader({ request, context }: { request: Request; context: Readonly<RouterContextProvider> }) {
	const locale = getLocale(context) as AppLocale
	const search = new URL(request.url).searchParams
	const filters = parseTaskResultFilters(search)
	const [result, provinces, fields, organisation] = await Promise.all([
		listTaskResults(filters),
		listProvinces(locale),
		listScienceFields(locale),
		filters.organisation ? prisma.organisation.findUnique({ where: { id: filters.organisation }, select: { id: true, slug: true, name: true } }) : null,
	])
	return {
		locale,
		filters,
		...result,
		provinces,
		// The filter offers the two upper levels; a level-2 field also finds its level-3 children.
		fieldOptions: fields.filter((f) => f.level <= 2),
		fieldNames: await fieldNames(
			result.items.flatMap((i) => i.fieldCodes),
			locale,
		),
		organisation,
		exportQuery: exportQuery(search),
	}
}

export type TaskResultListData = Awaited<ReturnType<typeof taskResultListLoader>>
