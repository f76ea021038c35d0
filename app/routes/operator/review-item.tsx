import { diffWords } from 'diff'
import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import type { Route } from './+types/review-item'
import { ErrorList } from '~/components/forms'
import { DuplicatesPanel } from '~/components/matching/duplicates-panel'
import { getLocale } from '~/middleware/i18next.server'
import { reviewAction, reviewItem } from '~/listings/review.server'
import { requireRole } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/http.server'
import { formatDateTime } from '~/utils/format'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'listings.review.title')

function kindOf(value: string | undefined) {
	invariantResponse(value === 'offer' || value === 'demand', 'errors.notFound', { status: 404 })
	return value
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const user = await requireRole(request, 'OPERATOR')
	return { ...(await reviewItem(kindOf(params.kind), params.id, user)), locale: getLocale(context) as 'vi' | 'en' }
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireRole(request, 'OPERATOR')
	return reviewAction(kindOf(params.kind), params.id, user, await request.formData())
}

/** Words removed and added between the public and the proposed text. */
function Diff({ before, after }: { before: string; after: string }) {
	return (
		<>
			{diffWords(before, after).map((part, i) =>
				part.added ? <ins key={i}>{part.value}</ins> : part.removed ? <del key={i}>{part.value}</del> : <span key={i}>{part.value}</span>,
			)}
		</>
	)
}

export default function ReviewItem({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const item = loaderData
	return (
		<div className="stack">
			<p>
				<Link to="/operator/review">← {t('listings.review.backToQueue')}</Link>
			</p>
			<section className="card">
				<h2>
					<span className="badge">{t(`listings.kind.${item.kind}`)}</span> {item.title}
				</h2>
				<p className="meta-line">
					<Link to={`/organisations/${item.organisation.slug}`}>{item.organisation.name}</Link>
					<Link to={`/${item.kind}s/${item.id}`}>{t('listings.review.open')}</Link>
				</p>
				{!item.organisation.verifiedAt ? <p className="notice">{t('listings.review.unverifiedOrg')}</p> : null}
				<DuplicatesPanel items={item.duplicates} />
				<div className="table-wrap">
					<table className="table diff-table" data-testid="review-diff">
						<thead>
							<tr>
								<th scope="col">{t('listings.review.field')}</th>
								{item.edits ? <th scope="col">{t('listings.review.current')}</th> : null}
								<th scope="col">{t('listings.review.proposed')}</th>
							</tr>
						</thead>
						<tbody>
							{item.rows.map((row) => (
								<tr key={row.field} className={row.changed && item.edits ? 'changed' : undefined}>
									<th scope="row">{t(`listings.fields.${row.field}` as 'listings.fields.title')}</th>
									{item.edits ? <td>{row.current}</td> : null}
									<td>{item.edits && row.changed ? <Diff before={row.current} after={row.proposed} /> : row.proposed || '—'}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
				<p className="muted">
					{t('listings.fields.attachments')}:{' '}
					{item.attachments.map((a) => (
						<a key={a.id} href={`/attachments/${a.id}`} className="badge">
							{a.fileName}
						</a>
					))}
				</p>
			</section>
			{item.awaiting ? (
				<div className="grid-2">
					<section className="card">
						{actionData?.error ? (
							<p className="notice notice--error" role="alert">
								{t(actionData.error as 'errors.server')}
							</p>
						) : null}
						<Form method="post">
							<button type="submit" name="intent" value="approve" className="button">
								{t(item.edits ? 'listings.review.approveEdits' : 'listings.review.approve')}
							</button>
						</Form>
					</section>
					<section className="card">
						<h3>{t('listings.review.returnTitle')}</h3>
						<Form method="post">
							<input type="hidden" name="intent" value="return" />
							<div className="field">
								<label htmlFor="reason">{t('listings.review.reason')}</label>
								<textarea id="reason" name="reason" rows={4} defaultValue={actionData?.reason ?? ''} required minLength={10} maxLength={2000} />
								<ErrorList errors={(actionData?.fieldErrors as Record<string, string[]> | undefined)?.reason} />
							</div>
							<button type="submit" className="button button--ghost button--danger">
								{t('listings.review.return')}
							</button>
						</Form>
					</section>
				</div>
			) : null}
			<section className="card">
				<ul className="plain-list">
					{item.history.map((h) => (
						<li key={h.id}>
							{formatDateTime(h.createdAt, item.locale)} · <code>{h.action}</code> · {h.actor?.name ?? ''}
						</li>
					))}
				</ul>
			</section>
		</div>
	)
}
