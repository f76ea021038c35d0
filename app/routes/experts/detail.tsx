import type { Route } from './+types/detail'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ExpertClaimNotice, ExpertClaimPanel } from '~/components/research/expert-claim-panel'
import { ExpertDetailPage } from '~/components/research/expert-detail-page'
import { expertDetailLoader } from '~/experts/detail.server'
import { claimPanelFor } from '~/models/expert-claim.server'
import { getUser } from '~/utils/auth.server'

export const meta: Route.MetaFunction = ({ data }) => [
	{ title: data ? `${data.expert.fullName} · Cầu Nối` : 'Cầu Nối' },
	{ name: 'description', content: data?.expert.bio.slice(0, 160) ?? '' },
]

export async function loader(args: Route.LoaderArgs) {
	const [page, user] = await Promise.all([expertDetailLoader(args), getUser(args.request)])
	// The claim panel (expert-claim.server.ts): claim, edit, release, and the outcome of the last of these.
	return { ...page, claimPanel: await claimPanelFor(page.expert, user, new URL(args.request.url)) }
}

export default function ExpertPage({ loaderData }: Route.ComponentProps) {
	const { claimPanel, expert } = loaderData
	return (
		<>
			{claimPanel ? <ExpertClaimNotice panel={claimPanel} /> : null}
			<ExpertDetailPage />
			{claimPanel ? <ExpertClaimPanel expertId={expert.id} panel={claimPanel} /> : null}
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
