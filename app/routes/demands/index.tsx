import type { Route } from './+types/index'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ListingListPage } from '~/components/listings/listing-list-page'
import { listingListLoader } from '~/listings/list.server'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'listings.demands.title')

export function loader(args: Route.LoaderArgs) {
	return listingListLoader('demand', args)
}

export default function DemandsPage() {
	return <ListingListPage />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
