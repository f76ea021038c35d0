import { useTranslation } from 'react-i18next'
import { NavLink, Outlet } from 'react-router'
import type { Route } from './+types/layout'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { requireRole } from '~/utils/auth.server'

export async function loader({ request }: Route.LoaderArgs) {
	await requireRole(request, 'OPERATOR')
	return null
}

export default function OperatorLayout() {
	const { t } = useTranslation()
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
			</nav>
			<Outlet />
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
