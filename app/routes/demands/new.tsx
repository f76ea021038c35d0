import type { Route } from './+types/new'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ListingNewPage } from '~/components/listings/listing-editor'
import { listingNewAction, listingNewLoader } from '~/listings/edit.server'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'listings.demands.newTitle')

export function loader(args: Route.LoaderArgs) {
	return listingNewLoader('demand', args)
}

export function action(args: Route.ActionArgs) {
	return listingNewAction('demand', args)
}

export default function NewDemandPage() {
	return <ListingNewPage />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
