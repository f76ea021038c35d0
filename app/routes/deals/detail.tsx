import { useTranslation } from 'react-i18next'
import { Form, Link, useActionData } from 'react-router'
import type { Route } from './+types/detail'
import { DealActionsPanel } from '~/components/deals/deal-actions'
import { DealMilestones } from '~/components/deals/deal-milestones'
import { DealStageBar } from '~/components/deals/deal-stage-bar'
import { DealTimeline } from '~/components/deals/deal-timeline'
import { DealTerms } from '~/components/deals/deal-terms'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { dealChatEntry } from '~/chat/pages.server'
import { Markdown } from '~/components/markdown'
import type { DealActionData } from '~/deals/detail-action.server'
import { dealDetailAction } from '~/deals/detail-action.server'
import { dealPage, listBrokers } from '~/deals/page.server'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { requireUser } from '~/utils/auth.server'
import { formatDate } from '~/utils/format'
import { invariantResponse } from '~/utils/http.server'

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.deal.code} · ${data.deal.title} · Cầu Nối` : 'Cầu Nối' }]

const DONE = ['ndaOpened', 'ndaAccepted', 'termsProposed', 'termsSigned', 'transferred', 'closed', 'cancelled', 'outcomeRecorded', 'brokerAssigned', 'claimed', 'paymentConfirmed', 'stripeReturned', 'stripeCancelled', 'started', 'exists'] as const

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const page = await dealPage(user, params.id)
	invariantResponse(page, 'deals.errors.notFound', { status: 404 })
	const done = new URL(request.url).searchParams.get('done')
	return {
		...page,
		locale: getLocale(context) as AppLocale,
		done: (DONE as readonly string[]).includes(done ?? '') ? (done as (typeof DONE)[number]) : null,
		brokers: page.actions.includes('assignBroker') ? await listBrokers() : [],
		chat: await dealChatEntry(user.id, page.deal.id, page.roles),
	}
}

export async function action({ request, params, context }: Route.ActionArgs) {
	return dealDetailAction(request, params.id, getLocale(context) as AppLocale)
}

export default function DealPage({ loaderData: d }: Route.ComponentProps) {
	const { t } = useTranslation()
	const tk = t as unknown as (key: string, options?: Record<string, unknown>) => string
	const actionData = useActionData() as DealActionData | undefined
	const { deal } = d
	return (
		<article className="page" data-testid="deal">
			<p>
				<Link to="/deals">{t('deals.detail.back')}</Link>
			</p>
			<header className="page-head">
				<div>
					<p className="meta-line">
						<span className="badge" data-testid="deal-code">
							{deal.code}
						</span>
						<span className={`badge ${deal.stage === 'CANCELLED' ? 'badge--error' : deal.stage === 'CLOSED' ? 'badge--ok' : 'badge--warn'}`} data-testid="deal-stage">
							{t(`deals.stages.${deal.stage}`)}
						</span>
						{deal.offPlatform ? <span className="badge badge--muted">{t('deals.detail.offPlatform')}</span> : null}
					</p>
					<h1>{deal.title}</h1>
					<p className="muted">
						{t('deals.detail.startedOn', { date: formatDate(deal.createdAt, d.locale) })}
						{d.roles.length > 0 ? ` · ${t('deals.detail.youAre', { roles: d.roles.map((r) => t(`deals.roles.${r}`)).join(', ') })}` : null}
					</p>
				</div>
			</header>
			<DealStageBar stage={deal.stage} />
			{d.done ? (
				<p className="notice notice--success" role="status" data-testid="deal-done">
					{t(`deals.done.${d.done}`)}
				</p>
			) : null}
			{actionData?.error ? (
				<p className="notice notice--error" role="alert" data-testid="deal-error">
					{tk(actionData.error)}
				</p>
			) : null}
			{deal.stage === 'CANCELLED' && deal.cancelReason ? (
				<p className="notice">
					<strong>{t('deals.detail.cancelReason')}</strong> {deal.cancelReason}
				</p>
			) : null}

			<div className="detail-grid">
				<div className="stack">
					<DealActionsPanel data={d} actionData={actionData} />
					{d.confidential ? (
						<section className="card card--confidential" data-testid="deal-confidential">
							<h2>{t('deals.detail.confidential')}</h2>
							<p className="muted">{t('deals.detail.confidentialNote')}</p>
							<Markdown>{d.confidential}</Markdown>
						</section>
					) : deal.offer && d.roles.includes('buyer') ? (
						<section className="card">
							<h2>{t('deals.detail.confidential')}</h2>
							<p className="muted" data-testid="confidential-locked">
								{t('deals.detail.confidentialLocked')}
							</p>
						</section>
					) : null}
					<DealTerms data={d} />
					<DealMilestones data={d} />
					<DealTimeline events={deal.events} locale={d.locale} />
				</div>
				<aside className="stack">
					<section className="card">
						<h2>{t('deals.detail.parties')}</h2>
						<dl className="facts">
							<dt>{t('deals.roles.buyer')}</dt>
							<dd>
								<Link to={`/organisations/${deal.buyerOrg.slug}`}>{deal.buyerOrg.name}</Link>
								{d.facts.ndaAccepted.buyer ? <span className="badge badge--ok">{t('deals.detail.ndaAcceptedBadge')}</span> : null}
							</dd>
							<dt>{t('deals.roles.seller')}</dt>
							<dd>
								<Link to={`/organisations/${deal.sellerOrg.slug}`}>{deal.sellerOrg.name}</Link>
								{d.facts.ndaAccepted.seller ? <span className="badge badge--ok">{t('deals.detail.ndaAcceptedBadge')}</span> : null}
							</dd>
							<dt>{t('deals.roles.broker')}</dt>
							<dd data-testid="deal-broker">{deal.broker?.name ?? t('deals.detail.noBroker')}</dd>
						</dl>
					</section>
					<section className="card">
						<h2>{t('deals.detail.about')}</h2>
						<ul className="plain-list">
							{deal.offer ? (
								<li>
									{t('deals.detail.offer')}: <Link to={`/offers/${deal.offer.id}`}>{deal.offer.title}</Link>
								</li>
							) : null}
							{deal.demand ? (
								<li>
									{t('deals.detail.demand')}: <Link to={`/demands/${deal.demand.id}`}>{deal.demand.title}</Link>
								</li>
							) : null}
						</ul>
						{deal.message ? (
							<>
								<h3>{t('deals.detail.message')}</h3>
								<p className="prewrap">{deal.message}</p>
							</>
						) : null}
						{d.chat ? (
							<div className="deal-chat" data-testid="deal-chat">
								<p className="muted">{t('chat.open.dealHint')}</p>
								{d.chat.roomId ? (
									<Link to={`/messages/${d.chat.roomId}`} className="button" data-testid="deal-chat-open">
										{t('chat.open.deal')}
									</Link>
								) : (
									<Form method="post" action="/messages/new" reloadDocument>
										<input type="hidden" name="dealId" value={deal.id} />
										<button type="submit" className="button" data-testid="deal-chat-open">
											{t('chat.open.deal')}
										</button>
									</Form>
								)}
							</div>
						) : null}
					</section>
				</aside>
			</div>
		</article>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
