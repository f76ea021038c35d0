import type { Route } from './+types/edit'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ListingEditorPage } from '~/components/listings/listing-editor'
import { listingEditAction, listingEditLoader } from '~/listings/edit.server'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'listings.offers.editTitle')

export function loader(args: Route.LoaderArgs) {
	return listingEditLoader('offer', args)
}

export function action(args: Route.ActionArgs) {
	return listingEditAction('offer', args)
}

export default function EditOfferPage() {
	return <ListingEditorPage />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
