import type { Route } from './+types/edit'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ListingEditorPage } from '~/components/listings/listing-editor'
import { listingEditAction, listingEditLoader } from '~/listings/edit.server'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'listings.demands.editTitle')

export function loader(args: Route.LoaderArgs) {
	return listingEditLoader('demand', args)
}

export function action(args: Route.ActionArgs) {
	return listingEditAction('demand', args)
}

export default function EditDemandPage() {
	return <ListingEditorPage />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
