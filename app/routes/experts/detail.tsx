import type { Route } from './+types/detail'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ExpertDetailPage } from '~/components/research/expert-detail-page'
import { expertDetailLoader } from '~/experts/detail.server'

export const meta: Route.MetaFunction = ({ data }) => [
	{ title: data ? `${data.expert.fullName} · Cầu Nối` : 'Cầu Nối' },
	{ name: 'description', content: data?.expert.bio.slice(0, 160) ?? '' },
]

export function loader(args: Route.LoaderArgs) {
	return expertDetailLoader(args)
}

export default function ExpertPage() {
	return <ExpertDetailPage />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
