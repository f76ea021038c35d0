import type { Route } from './+types/detail'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { TaskResultDetailPage } from '~/components/research/task-result-detail-page'
import { taskResultDetailLoader } from '~/task-results/detail.server'

export const meta: Route.MetaFunction = ({ data }) => [
	{ title: data ? `${data.taskResult.title} · Cầu Nối` : 'Cầu Nối' },
	{ name: 'description', content: data?.taskResult.abstract.slice(0, 160) ?? '' },
]

export function loader(args: Route.LoaderArgs) {
	return taskResultDetailLoader(args)
}

export default function TaskResultPage() {
	return <TaskResultDetailPage />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
