import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/index'
import { requireRole } from '~/utils/auth.server'
import { prisma } from '~/utils/db.server'
import { formatDateTime } from '~/utils/format'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'operator.title')

export async function loader({ request }: Route.LoaderArgs) {
	await requireRole(request, 'OPERATOR')
	const [unverified, organisations, users, recent] = await Promise.all([
		prisma.organisation.count({ where: { verifiedAt: null } }),
		prisma.organisation.count(),
		prisma.user.count(),
		prisma.auditLog.findMany({
			orderBy: { createdAt: 'desc' },
			take: 20,
			select: { id: true, action: true, entityType: true, createdAt: true, actor: { select: { name: true } } },
		}),
	])
	return { unverified, organisations, users, recent }
}

export default function OperatorHome({ loaderData }: Route.ComponentProps) {
	const { t, i18n } = useTranslation()
	const { unverified, organisations, users, recent } = loaderData
	return (
		<div className="stack">
			<div className="stat-row">
				<Link to="/operator/organisations" className="stat">
					{t('operator.overview.unverified', { count: unverified })}
				</Link>
				<span className="stat">{t('operator.overview.organisations', { count: organisations })}</span>
				<Link to="/operator/users" className="stat">
					{t('operator.overview.users', { count: users })}
				</Link>
			</div>
			<section className="card">
				<h2>{t('operator.overview.recent')}</h2>
				{recent.length === 0 ? <p className="muted">{t('operator.overview.noActivity')}</p> : null}
				<ul className="plain-list">
					{recent.map((entry) => (
						<li key={entry.id}>
							<time dateTime={new Date(entry.createdAt).toISOString()}>
								{formatDateTime(entry.createdAt, i18n.language === 'en' ? 'en' : 'vi')}
							</time>{' '}
							<code>{entry.action}</code> {entry.actor?.name ?? ''}
						</li>
					))}
				</ul>
			</section>
		</div>
	)
}
