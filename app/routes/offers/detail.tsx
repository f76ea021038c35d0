import type { ShouldRevalidateFunctionArgs } from 'react-router'
import type { Route } from './+types/detail'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ListingDetailPage } from '~/components/listings/listing-detail-page'
import { listingDetailAction, listingDetailLoader } from '~/listings/detail.server'
import { listingMeta } from '~/listings/meta'

export const meta: Route.MetaFunction = ({ data }) => listingMeta(data)

export function loader(args: Route.LoaderArgs) {
	return listingDetailLoader('offer', args)
}

export function action(args: Route.ActionArgs) {
	return listingDetailAction('offer', args)
}

// Counting a view must not reload the page's data.
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
	return formData?.get('intent') === 'view' ? false : defaultShouldRevalidate
}

export default function OfferPage() {
	return <ListingDetailPage />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
