import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/detail'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { OrganisationResearch } from '~/components/research/organisation-research'
import { BADGE_MIN_ENQUIRIES, BADGE_SHARE, organisationSignals } from '~/stats/signals.server'
import { organisationResearch } from '~/task-results/organisation.server'
import { answerOrganisationError, getOrganisationBySlug, removeMember, requestToJoin } from '~/models/organisation.server'
import { canManage } from '~/models/organisation-schema'
import { getUser, requireUser } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { invariantResponse } from '~/utils/http.server'
import { consume } from '~/utils/rate-limit.server'

export const meta: Route.MetaFunction = ({ data: loaderData }) => [
	{ title: loaderData ? `${loaderData.organisation.name} · Cầu Nối` : 'Cầu Nối' },
	{ name: 'description', content: loaderData?.organisation.description?.slice(0, 160) ?? '' },
]

async function load(slug: string) {
	const organisation = await getOrganisationBySlug(slug)
	invariantResponse(organisation, 'errors.notFound', { status: 404 })
	return organisation
}

export async function loader({ request, params }: Route.LoaderArgs) {
	const organisation = await load(params.slug)
	const user = await getUser(request)
	const membership = user
		? await prisma.membership.findUnique({
				where: { userId_organisationId: { userId: user.id, organisationId: organisation.id } },
				select: { id: true, role: true, status: true },
			})
		: null
	const url = new URL(request.url)
	const published = { organisationId: organisation.id, status: 'PUBLISHED' as const }
	const [offers, demands, research, signals] = await Promise.all([
		prisma.offer.findMany({ where: published, select: { id: true, title: true }, orderBy: { publishedAt: 'desc' }, take: 10 }),
		prisma.demand.findMany({ where: published, select: { id: true, title: true }, orderBy: { publishedAt: 'desc' }, take: 10 }),
		organisationResearch(organisation.id),
		organisationSignals(organisation.id),
	])
	// Everyone sees the badge; only members see the figures behind it.
	const isMember = membership?.status === 'ACTIVE'
	return {
		organisation,
		membership,
		signedIn: Boolean(user),
		saved: url.searchParams.get('saved') === '1',
		offers,
		demands,
		...research,
		badge: signals.badge ? { share: signals.share! } : null,
		signals: isMember ? signals : null,
		badgeRule: { share: BADGE_SHARE, min: BADGE_MIN_ENQUIRIES },
	}
}

const IntentSchema = z.discriminatedUnion('intent', [z.object({ intent: z.literal('join') }), z.object({ intent: z.literal('leave') })])

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	const organisation = await load(params.slug)
	await consume('writeUser', user.id)
	const parsed = IntentSchema.safeParse(Object.fromEntries(await request.formData()))
	invariantResponse(parsed.success, 'errors.badRequest', { status: 400 })
	if (parsed.data.intent === 'join') {
		const result = await answerOrganisationError(() => requestToJoin(user.id, organisation.id))
		if (!result.ok) return data({ error: result.error, joined: false }, { status: result.status })
		return { error: null, joined: true }
	}
	const membership = await prisma.membership.findUnique({
		where: { userId_organisationId: { userId: user.id, organisationId: organisation.id } },
		select: { id: true },
	})
	invariantResponse(membership, 'errors.notFound', { status: 404 })
	const result = await answerOrganisationError(() => removeMember(user.id, organisation.id, membership.id))
	if (!result.ok) return data({ error: result.error, joined: false }, { status: result.status })
	return redirect(`/organisations/${organisation.slug}`)
}

const percent = (share: number, language: string) => new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', { style: 'percent', maximumFractionDigits: 0 }).format(share)

/** Members' view of how their organisation answers enquiries (stats/signals.server). */
function ResponseSignals({ signals, rule }: { signals: Route.ComponentProps['loaderData']['signals'] & object; rule: { share: number; min: number } }) {
	const { t, i18n } = useTranslation()
	const hours = (value: number | null) => (value === null ? null : t('stats.signals.median', { hours: new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 }).format(value) }))
	return (
		<section className="card" data-testid="response-signals">
			<h2>{t('stats.signals.title')}</h2>
			<p className="muted">{t('stats.signals.intro')}</p>
			{signals.received === 0 ? (
				<p>{t('stats.signals.noData')}</p>
			) : (
				<ul className="plain-list">
					<li>
						{t('stats.signals.enquiries', { answered: signals.interest.answered, received: signals.interest.received })}
						{hours(signals.interest.medianHours) ? `, ${hours(signals.interest.medianHours)}` : ''}
					</li>
					<li>
						{t('stats.signals.messages', { answered: signals.message.answered, received: signals.message.received })}
						{hours(signals.message.medianHours) ? `, ${hours(signals.message.medianHours)}` : ''}
					</li>
				</ul>
			)}
			<p className="muted small">{t('stats.signals.badgeRule', { share: percent(rule.share, i18n.language), min: rule.min })}</p>
		</section>
	)
}

export default function OrganisationPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t, i18n } = useTranslation()
	const { organisation: org, membership, signedIn } = loaderData
	const manager = membership?.status === 'ACTIVE' && canManage(membership.role)
	return (
		<div className="page">
			<div className="page-head">
				<div>
					<h1>{org.name}</h1>
					<p className="meta-line">
						<span className="badge">{t(`organisationTypes.${org.type}`)}</span>
						<span>{i18n.language === 'vi' ? org.province.nameVi : org.province.nameEn}</span>
						{org.verifiedAt ? (
							<span className="badge badge--ok" data-testid="verified-badge">
								✓ {t('organisations.detail.verifiedBadge')}
							</span>
						) : (
							<span className="badge badge--muted">{t('organisations.detail.unverifiedBadge')}</span>
						)}
						{loaderData.badge ? (
							<span className="badge badge--responsive" data-testid="responsive-badge" title={t('stats.signals.badgeTitle', { share: percent(loaderData.badge.share, i18n.language) })}>
								↩ {t('stats.signals.badge')}
							</span>
						) : null}
					</p>
				</div>
				{manager ? (
					<div className="actions-row">
						<Link to="edit" className="button button--ghost">
							{t('organisations.detail.edit')}
						</Link>
						<Link to="members" className="button button--ghost">
							{t('organisations.detail.manageMembers')}
						</Link>
						<Link to="api-keys" className="button button--ghost">
							{t('organisations.detail.apiKeys')}
						</Link>
						<Link to="webhooks" className="button button--ghost">
							{t('webhooks.metaTitle')}
						</Link>
					</div>
				) : null}
			</div>
			{loaderData.saved ? (
				<p className="notice notice--success" role="status">
					{t('common.saved')}
				</p>
			) : null}
			{actionData?.error ? (
				<p className="notice notice--error" role="alert">
					{t(actionData.error as 'errors.server')}
				</p>
			) : null}
			{actionData?.joined ? (
				<p className="notice notice--success" role="status">
					{t('organisations.detail.joinSent')}
				</p>
			) : null}
			<div className="grid-2">
				{loaderData.offers.length > 0 || loaderData.demands.length > 0 ? (
					<section className="card">
						{loaderData.offers.length > 0 ? <h2>{t('listings.offers.title')}</h2> : null}
						<ul className="plain-list">
							{loaderData.offers.map((o) => (
								<li key={o.id}>
									<Link to={`/offers/${o.id}`}>{o.title}</Link>
								</li>
							))}
						</ul>
						{loaderData.demands.length > 0 ? <h2>{t('listings.demands.title')}</h2> : null}
						<ul className="plain-list">
							{loaderData.demands.map((d) => (
								<li key={d.id}>
									<Link to={`/demands/${d.id}`}>{d.title}</Link>
								</li>
							))}
						</ul>
					</section>
				) : null}
				<OrganisationResearch organisationId={org.id} taskResults={loaderData.taskResults} experts={loaderData.experts} />
				{loaderData.signals ? <ResponseSignals signals={loaderData.signals} rule={loaderData.badgeRule} /> : null}
				<section className="card">
					<h2>{t('organisations.detail.about')}</h2>
					{org.description ? <p className="prewrap">{org.description}</p> : <p className="muted">{t('common.none')}</p>}
					<p className="muted">{t('organisations.list.members', { count: org._count.memberships })}</p>
				</section>
				<section className="card">
					<h2>{t('organisations.detail.contact')}</h2>
					<dl className="facts">
						{org.taxCode ? (
							<>
								<dt>{t('organisations.detail.taxCode')}</dt>
								<dd>{org.taxCode}</dd>
							</>
						) : null}
						{org.address ? (
							<>
								<dt>{t('organisations.detail.address')}</dt>
								<dd>{org.address}</dd>
							</>
						) : null}
						{org.website ? (
							<>
								<dt>{t('organisations.detail.website')}</dt>
								<dd>
									<a href={org.website} rel="noopener noreferrer nofollow" target="_blank">
										{org.website}
									</a>
								</dd>
							</>
						) : null}
						{org.email ? (
							<>
								<dt>{t('organisations.detail.email')}</dt>
								<dd>
									<a href={`mailto:${org.email}`}>{org.email}</a>
								</dd>
							</>
						) : null}
						{org.phone ? (
							<>
								<dt>{t('organisations.detail.phone')}</dt>
								<dd>{org.phone}</dd>
							</>
						) : null}
					</dl>
					{signedIn ? (
						membership?.status === 'ACTIVE' ? (
							<Form method="post" className="actions-row">
								<p>{t('organisations.detail.youAreMember', { role: t(`membershipRoles.${membership.role}`) })}</p>
								<button type="submit" name="intent" value="leave" className="button button--ghost button--danger">
									{t('organisations.detail.leave')}
								</button>
							</Form>
						) : membership?.status === 'PENDING' ? (
							<p className="notice">{t('organisations.detail.requested')}</p>
						) : (
							<Form method="post">
								<button type="submit" name="intent" value="join" className="button">
									{t('organisations.detail.requestJoin')}
								</button>
							</Form>
						)
					) : null}
				</section>
			</div>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
