import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import type { Route } from './+types/matches'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { brokerQueue } from '~/matching/page.server'
import { brokerAction } from '~/matching/broker-action.server'
import { requireRole } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'matching.broker.title')

export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireRole(request, 'BROKER')
	const mine = new URL(request.url).searchParams.get('mine') === '1'
	return { mine, items: await brokerQueue(user.id, { mine }) }
}

export async function action({ request }: Route.ActionArgs) {
	return brokerAction(request)
}

export default function BrokerQueuePage({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const tk = t as unknown as (key: string, options?: Record<string, unknown>) => string
	return (
		<div className="page">
			<h1>{t('matching.broker.title')}</h1>
			<p className="lead">{t('matching.broker.lead')}</p>
			<p className="actions-row">{loaderData.mine ? <Link to="/broker/matches">{t('matching.broker.allOpen')}</Link> : <Link to="/broker/matches?mine=1">{t('matching.broker.mine')}</Link>}</p>
			{actionData?.error ? (
				<p className="notice notice--error" role="alert">
					{tk(actionData.error)}
				</p>
			) : null}
			{loaderData.items.length === 0 ? <p className="empty">{t('matching.broker.none')}</p> : null}
			<ol className="stack" data-testid="broker-queue">
				{loaderData.items.map((m) => {
					const supply = m.kind === 'TASK_RESULT_DEMAND' ? { label: t('matching.match.latent'), title: m.other!.title, organisation: m.other!.organisation } : { label: t('matching.match.offer'), title: m.offer!.title, organisation: m.offer!.organisation }
					return (
						<li key={m.id} className="card match-card" data-testid="broker-match">
							<p className="match-card__head">
								<strong className="match-score">{t('matching.match.score', { score: Math.round(m.score * 100) })}</strong>
								{m.mineClaimed ? <span className="badge">{t('matching.broker.claimedByYou')}</span> : null}
							</p>
							<p>
								<span className="muted">{t('matching.match.demand')}:</span> {m.demand!.title} <span className="muted">{t('matching.match.by', { organisation: m.demand!.organisation })}</span>
							</p>
							<p>
								<span className="muted">{supply.label}:</span> {supply.title} <span className="muted">{t('matching.match.by', { organisation: supply.organisation })}</span>
							</p>
							<div className="actions-row">
								<Link to={`/broker/matches/${m.id}`}>{t('matching.broker.open')}</Link>
								{!m.mineClaimed ? (
									<Form method="post">
										<input type="hidden" name="matchId" value={m.id} />
										<button type="submit" name="intent" value="claim" className="button">
											{t('matching.broker.claim')}
										</button>
									</Form>
								) : null}
							</div>
						</li>
					)
				})}
			</ol>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
