import { useTranslation } from 'react-i18next'
import { Form } from 'react-router'
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
	const { t } = useTranslation()
	return (
		<>
			{claimPanel ? <ExpertClaimNotice panel={claimPanel} /> : null}
			<ExpertDetailPage />
			{/* A claimed profile has a person behind it to write to; an unclaimed one is only a record. */}
			{claimPanel?.claimed && claimPanel.signedIn && !claimPanel.isClaimant ? (
				<section className="card" data-testid="expert-message">
					<p className="muted">{t('chat.open.hint', { title: expert.fullName })}</p>
					<Form method="post" action="/messages/new" reloadDocument>
						<input type="hidden" name="context" value="expert" />
						<input type="hidden" name="contextId" value={expert.id} />
						<button type="submit" className="button">
							{t('chat.open.title', { name: expert.fullName })}
						</button>
					</Form>
				</section>
			) : null}
			{claimPanel ? <ExpertClaimPanel expertId={expert.id} panel={claimPanel} /> : null}
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
