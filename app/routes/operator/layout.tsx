import { useTranslation } from 'react-i18next'
import { NavLink, Outlet } from 'react-router'
import type { Route } from './+types/layout'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { hasRole, requireRole } from '~/utils/auth.server'

// Provincial operators come in for their province's statistics only; every other page here
// checks the OPERATOR role in its own loader and action.
export async function loader({ request }: Route.LoaderArgs) {
	const user = await requireRole(request, 'OPERATOR', 'PROVINCIAL_OPERATOR')
	return { fullDesk: hasRole(user, 'OPERATOR', 'ADMIN') }
}

export default function OperatorLayout({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation()
	if (!loaderData.fullDesk) {
		return (
			<div className="page">
				<h1>{t('stats.title')}</h1>
				<Outlet />
			</div>
		)
	}
	return (
		<div className="page">
			<h1>{t('operator.title')}</h1>
			<nav className="tabs" aria-label={t('operator.title')}>
				<NavLink to="/operator" end>
					{t('operator.nav.overview')}
				</NavLink>
				<NavLink to="/operator/organisations">{t('operator.nav.organisations')}</NavLink>
				<NavLink to="/operator/users">{t('operator.nav.users')}</NavLink>
				<NavLink to="/operator/review">{t('nav.review')}</NavLink>
				<NavLink to="/operator/imports">{t('imports.title')}</NavLink>
				<NavLink to="/operator/search">{t('search.nav')}</NavLink>
				<NavLink to="/operator/payments">{t('deals.operator.nav')}</NavLink>
				<NavLink to="/operator/nda">{t('operator.nav.nda')}</NavLink>
				<NavLink to="/operator/stats">{t('stats.nav')}</NavLink>
			</nav>
			<Outlet />
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
