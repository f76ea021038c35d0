import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/review'
import { getLocale } from '~/middleware/i18next.server'
import { reviewQueue } from '~/listings/review.server'
import { requireRole } from '~/utils/auth.server'
import { formatDateTime } from '~/utils/format'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'listings.review.title')

export async function loader({ request, context }: Route.LoaderArgs) {
	await requireRole(request, 'OPERATOR')
	const url = new URL(request.url)
	const done = url.searchParams.get('done')
	return {
		queue: await reviewQueue(),
		locale: getLocale(context) as 'vi' | 'en',
		done: done === 'approved' || done === 'returned' ? done : null,
		doneTitle: url.searchParams.get('title')?.slice(0, 200) ?? '',
	}
}

export default function ReviewQueue({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const { queue, locale, done, doneTitle } = loaderData
	return (
		<section className="card">
			<h2>{t('listings.review.title')}</h2>
			<p className="muted">{t('listings.review.lead')}</p>
			{done ? (
				<p className="notice notice--success" role="status">
					{t(done === 'approved' ? 'listings.review.approved' : 'listings.review.returned', { title: doneTitle })}
				</p>
			) : null}
			{queue.length === 0 ? <p className="empty">{t('listings.review.empty')}</p> : null}
			<div className="table-wrap">
				<table className="table" data-testid="review-queue">
					<thead>
						<tr>
							<th scope="col">{t('listings.fields.title')}</th>
							<th scope="col">{t('listings.review.organisation')}</th>
							<th scope="col">{t('listings.review.submittedAt')}</th>
							<th scope="col">{t('common.actions')}</th>
						</tr>
					</thead>
					<tbody>
						{queue.map((item) => (
							<tr key={`${item.kind}-${item.id}`}>
								<td>
									<span className="badge">{t(`listings.kind.${item.kind}`)}</span>
									<span className={`badge ${item.edits ? 'badge--warn' : ''}`}>{t(item.edits ? 'listings.review.edits' : 'listings.review.newListing')}</span>
									<br />
									{item.title}
								</td>
								<td>
									{item.organisation.name}
									{item.organisation.verifiedAt ? <span className="badge badge--ok"> ✓</span> : <span className="badge badge--muted">{t('common.unverified')}</span>}
								</td>
								<td>{formatDateTime(item.since, locale)}</td>
								<td>
									<Link to={`/operator/review/${item.kind}/${item.id}`} className="button button--small">
										{t('listings.review.open')}
									</Link>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</section>
	)
}
