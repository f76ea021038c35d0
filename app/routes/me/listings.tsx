import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import type { Route } from './+types/listings'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { StatusBadge } from '~/components/listings/status-badge'
import { getLocale } from '~/middleware/i18next.server'
import { myListings } from '~/listings/mine.server'
import { LISTING_STATUSES } from '~/models/listing-schema'
import { requireUser } from '~/utils/auth.server'
import { formatDate } from '~/utils/format'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'listings.mine.title')

export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const url = new URL(request.url)
	const data = await myListings(
		user.memberships.map((m) => m.organisation.id),
		url.searchParams,
	)
	return { ...data, locale: getLocale(context) as 'vi' | 'en', here: url.pathname + url.search, done: url.searchParams.get('done') }
}

export default function MyListingsPage({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const { items, counts, status, locale, here, done } = loaderData
	const total = Object.values(counts).reduce((a, b) => a + b, 0)
	const back = here.replace(/[?&]done=[a-z]+/, '')
	return (
		<div className="page">
			<div className="page-head">
				<div>
					<h1>{t('listings.mine.title')}</h1>
					<p className="lead">{t('listings.mine.lead')}</p>
				</div>
				<p className="actions-row">
					<Link to="/offers/new" className="button">
						{t('listings.offers.new')}
					</Link>
					<Link to="/demands/new" className="button button--ghost">
						{t('listings.demands.new')}
					</Link>
				</p>
			</div>
			{done ? (
				<p className="notice notice--success" role="status">
					{t(`listings.detail.done.${done}` as 'listings.detail.done.submitted', { defaultValue: '' })}
				</p>
			) : null}
			<nav className="tabs" aria-label={t('listings.mine.title')}>
				<Link to="/me/listings" aria-current={status === null ? 'page' : undefined}>
					{t('listings.mine.all')} ({total})
				</Link>
				{LISTING_STATUSES.map((s) => (
					<Link key={s} to={`/me/listings?status=${s}`} aria-current={status === s ? 'page' : undefined}>
						{t(`listings.status.${s}`)} ({counts[s]})
					</Link>
				))}
			</nav>
			{items.length === 0 ? <p className="empty">{t('listings.mine.empty')}</p> : null}
			<div className="table-wrap">
				<table className="table" data-testid="my-listings">
					<thead>
						<tr>
							<th scope="col">{t('listings.fields.title')}</th>
							<th scope="col">{t('listings.fields.organisation')}</th>
							<th scope="col">{t('listings.fields.updatedAt')}</th>
							<th scope="col">{t('listings.fields.views', { count: 2 })}</th>
							<th scope="col">{t('listings.mine.actions')}</th>
						</tr>
					</thead>
					<tbody>
						{items.map((item) => (
							<tr key={`${item.kind}-${item.id}`}>
								<td>
									<span className="badge">{t(`listings.kind.${item.kind}`)}</span> <Link to={`/${item.kind}s/${item.id}`}>{item.title}</Link>
									<br />
									<StatusBadge status={item.status} pending={item.pending} />
									{item.expiresAt && item.status === 'PUBLISHED' ? <span className="muted"> {t('listings.mine.expiresIn', { date: formatDate(item.expiresAt, locale) })}</span> : null}
								</td>
								<td>{item.organisation.name}</td>
								<td>{formatDate(item.updatedAt, locale)}</td>
								<td>{item.viewCount}</td>
								<td>
									<Form method="post" action={`/${item.kind}s/${item.id}`} className="actions-row">
										<input type="hidden" name="redirectTo" value={back} />
										{item.status !== 'ARCHIVED' ? (
											<Link to={`/${item.kind}s/${item.id}/edit`} className="button button--ghost button--small">
												{t('listings.detail.edit')}
											</Link>
										) : null}
										{item.status === 'PUBLISHED' || item.status === 'EXPIRED' ? (
											<button type="submit" name="intent" value="renew" className="button button--small">
												{t('listings.detail.renew')}
											</button>
										) : null}
										{item.status === 'ARCHIVED' ? (
											<button type="submit" name="intent" value="restore" className="button button--ghost button--small">
												{t('listings.detail.restore')}
											</button>
										) : (
											<button type="submit" name="intent" value="archive" className="button button--ghost button--danger button--small">
												{t('listings.detail.archive')}
											</button>
										)}
									</Form>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
