import type { Route } from './+types/search'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { SearchPage } from '~/components/search/search-page'
import { searchPageAction, searchPageLoader } from '~/search/page.server'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'search.page.title')

export function loader(args: Route.LoaderArgs) {
	return searchPageLoader(args)
}

export function action(args: Route.ActionArgs) {
	return searchPageAction(args)
}

export default function SearchRoute() {
	return <SearchPage />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
