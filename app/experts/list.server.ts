import type { RouterContextProvider } from 'react-router'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { fieldNames, listProvinces, listScienceFields } from '~/models/reference.server'
import { exportQuery } from '~/task-results/list.server'
import { getUser, hasRole } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { listExperts, parseExpertFilters } from './query.server'

/** Data for /experts: one page of the directory under the URL's filters. */
export async function expertListLoader({ request, context }: { request: Request; context: Readonly<RouterContextProvider> }) {
	const locale = getLocale(context) as AppLocale
	const search = new URL(request.url).searchParams
	const filters = parseExpertFilters(search)
	const [result, provinces, fields, organisation, user] = await Promise.all([
		listExperts(filters),
		listProvinces(locale),
		listScienceFields(locale),
		filters.organisation ? prisma.organisation.findUnique({ where: { id: filters.organisation }, select: { id: true, slug: true, name: true } }) : null,
		getUser(request),
	])
	return {
		locale,
		filters,
		...result,
		provinces,
		fieldOptions: fields.filter((f) => f.level <= 2),
		fieldNames: await fieldNames(
			result.items.flatMap((i) => i.fieldCodes),
			locale,
		),
		organisation,
		exportQuery: exportQuery(search),
		/** Operators' exports carry e-mails; the page says so. */
		exportsEmails: hasRole(user, 'OPERATOR', 'ADMIN'),
	}
}

export type ExpertListData = Awaited<ReturnType<typeof expertListLoader>>
