import { getLocale } from '~/middleware/i18next.server'
import type { AppLocale } from '~/locales'
import { listDemands } from '~/models/demand.server'
import { parseListingFilters } from '~/models/listing-query.server'
import type { ListingKind } from '~/models/listing-schema'
import { listOffers } from '~/models/offer.server'
import { fieldNames, listProvinces, listScienceFields } from '~/models/reference.server'
import type { RouterContextProvider } from 'react-router'

/** Data for /offers and /demands: one page of published listings under the URL's filters. */
export async function listingListLoader(kind: ListingKind, { request, context }: { request: Request; context: Readonly<RouterContextProvider> }) {
	const locale = getLocale(context) as AppLocale
	const filters = parseListingFilters(new URL(request.url).searchParams)
	const [result, provinces, fields] = await Promise.all([
		kind === 'offer' ? listOffers(filters) : listDemands(filters),
		listProvinces(locale),
		listScienceFields(locale),
	])
	const names = await fieldNames(
		result.items.flatMap((i) => i.fieldCodes),
		locale,
	)
	return {
		kind,
		locale,
		filters,
		total: result.total,
		more: result.more,
		pages: result.pages,
		items: result.items,
		provinces,
		// The filter offers the two upper levels; a level-2 field also finds its level-3 children.
		fieldOptions: fields.filter((f) => f.level <= 2),
		fieldNames: names,
	}
}

export type ListingListData = Awaited<ReturnType<typeof listingListLoader>>
