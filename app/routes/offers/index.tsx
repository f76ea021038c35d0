import type { Route } from './+types/index'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ListingListPage } from '~/components/listings/listing-list-page'
import { listingListLoader } from '~/listings/list.server'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'listings.offers.title')

export function loader(args: Route.LoaderArgs) {
	return listingListLoader('offer', args)
}

export default function OffersPage() {
	return <ListingListPage />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
