import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import type { Route } from './+types/match'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { MatchWhy } from '~/components/matching/match-why'
import type { AppLocale } from '~/locales'
import { brokerAction } from '~/matching/broker-action.server'
import { brokerMatch } from '~/matching/page.server'
import { getLocale } from '~/middleware/i18next.server'
import { requireRole } from '~/utils/auth.server'
import { formatDate } from '~/utils/format'
import { invariantResponse } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'matching.broker.sideBySide')

const money = (v: bigint | null) => (v == null ? null : Number(v))

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const user = await requireRole(request, 'BROKER')
	const found = await brokerMatch(params.id)
	invariantResponse(found, 'matching.errors.notFound', { status: 404 })
	const { row } = found
	const done = new URL(request.url).searchParams.get('done')
	return {
		locale: getLocale(context) as AppLocale,
		done: done === 'claimed' || done === 'released' ? done : null,
		id: row.id,
		score: row.score,
		components: found.components,
		terms: found.terms,
		evidence: found.evidence,
		experts: found.experts,
		claim: row.broker ? { mine: row.broker.id === user.id, name: row.broker.name, at: row.claimedAt?.toISOString() ?? null } : null,
		demand: row.demand ? { ...row.demand, budgetMin: money(row.demand.budgetMin), budgetMax: money(row.demand.budgetMax) } : null,
		offer: row.offer ? { ...row.offer, priceMin: money(row.offer.priceMin), priceMax: money(row.offer.priceMax) } : null,
		taskResult: row.taskResult,
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	return brokerAction(request, params.id)
}

export default function BrokerMatchPage({ loaderData: d, actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const tk = t as unknown as (key: string, options?: Record<string, unknown>) => string
	const vnd = (n: number | null) => (n == null ? '—' : new Intl.NumberFormat(d.locale === 'vi' ? 'vi-VN' : 'en-GB').format(n) + ' ₫')
	return (
		<div className="page">
			<p>
				<Link to="/broker/matches">{t('matching.broker.back')}</Link>
			</p>
			<h1>{t('matching.broker.sideBySide')}</h1>
			<p className="match-score" data-testid="match-score">
				{t('matching.match.score', { score: Math.round(d.score * 100) })}
			</p>
			{d.done ? (
				<p className="notice notice--success" role="status">
					{t(d.done === 'claimed' ? 'matching.broker.claimedDone' : 'matching.broker.releasedDone')}
				</p>
			) : null}
			{actionData && 'error' in actionData ? (
				<p className="notice notice--error" role="alert">
					{tk(actionData.error)}
				</p>
			) : null}
			<Form method="post" className="actions-row">
				{d.claim ? <span className="muted">{d.claim.mine ? t('matching.broker.claimedByYou') : t('matching.broker.claimedBy', { name: d.claim.name, date: d.claim.at ? formatDate(d.claim.at, d.locale) : '' })}</span> : null}
				{!d.claim ? (
					<button type="submit" name="intent" value="claim" className="button">
						{t('matching.broker.claim')}
					</button>
				) : d.claim.mine ? (
					<button type="submit" name="intent" value="release" className="button button--ghost">
						{t('matching.broker.release')}
					</button>
				) : null}
			</Form>
			<div className="side-by-side" data-testid="side-by-side">
				{d.demand ? (
					<section className="card">
						<p className="muted">{t('matching.match.demand')}</p>
						<h2>
							<Link to={`/demands/${d.demand.id}`}>{d.demand.title}</Link>
						</h2>
						<p className="muted">{d.demand.organisation.name}</p>
						<p>{d.demand.problem}</p>
						<p>{d.demand.desiredOutcome}</p>
						<p className="muted">
							{d.demand.minTrl != null ? t('matching.broker.minTrl', { trl: d.demand.minTrl }) : null} · {t('matching.broker.budget')}:{' '}
							{d.demand.budgetUndisclosed ? t('matching.broker.undisclosed') : `${vnd(d.demand.budgetMin)} – ${vnd(d.demand.budgetMax)}`}
						</p>
					</section>
				) : null}
				{d.offer ? (
					<section className="card">
						<p className="muted">{t('matching.match.offer')}</p>
						<h2>
							<Link to={`/offers/${d.offer.id}`}>{d.offer.title}</Link>
						</h2>
						<p className="muted">{d.offer.organisation.name}</p>
						<p>{d.offer.summary}</p>
						<p className="muted">
							{d.offer.trl != null ? t('matching.broker.trl', { trl: d.offer.trl }) : null} · {t('matching.broker.price')}: {`${vnd(d.offer.priceMin)} – ${vnd(d.offer.priceMax)}`}
						</p>
					</section>
				) : null}
				{d.taskResult ? (
					<section className="card">
						<p className="muted">{t('matching.match.latent')}</p>
						<h2>
							<Link to={`/task-results/${d.taskResult.id}`}>{d.taskResult.title}</Link>
						</h2>
						<p className="muted">{t('matching.broker.host', { host: d.taskResult.hostOrganisation?.name ?? d.taskResult.hostName })}</p>
						<p className="muted">{t('matching.broker.taskCode', { code: d.taskResult.taskCode })}</p>
						<p>{d.taskResult.abstract}</p>
					</section>
				) : null}
			</div>
			<MatchWhy components={d.components} terms={d.terms} evidence={d.evidence} open />
			<h2>{t('matching.match.experts')}</h2>
			{d.experts.length === 0 ? <p className="muted">{t('matching.match.noExperts')}</p> : null}
			<ul>
				{d.experts.map((e) => (
					<li key={e.id}>
						<Link to={`/experts/${e.id}`}>{e.fullName}</Link>
						{e.organisationName ? <span className="muted"> · {e.organisationName}</span> : null}
						{e.availableForAppraisal ? <span className="badge">{t('matching.match.appraisal')}</span> : null}
					</li>
				))}
			</ul>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
