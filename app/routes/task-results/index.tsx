import type { Route } from './+types/index'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { TaskResultListPage } from '~/components/research/task-result-list-page'
import { taskResultListLoader } from '~/task-results/list.server'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'taskResults.list.title')

export function loader(args: Route.LoaderArgs) {
	return taskResultListLoader(args)
}

export default function TaskResultsPage() {
	return <TaskResultListPage />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
