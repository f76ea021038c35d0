import type { Route } from './+types/index'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ExpertListPage } from '~/components/research/expert-list-page'
import { expertListLoader } from '~/experts/list.server'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'experts.list.title')

export function loader(args: Route.LoaderArgs) {
	return expertListLoader(args)
}

export default function ExpertsPage() {
	return <ExpertListPage />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
