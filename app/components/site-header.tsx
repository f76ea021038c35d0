import { useTranslation } from 'react-i18next'
import { Form, Link, NavLink, useLocation } from 'react-router'
import { ChatNavLink } from '~/components/chat/chat-nav-link'
import { NotificationBell } from '~/components/notification-bell'
import { SearchBox } from '~/components/search/search-box'
import type { RootLoaderData } from '~/root'

type Props = { user: RootLoaderData['user']; unread: number; chatUnread: number; locale: string }

export function SiteHeader({ user, unread, chatUnread, locale }: Props) {
	const { t } = useTranslation()
	const location = useLocation()
	const here = location.pathname + location.search
	const isOperator = user?.roles.some((r) => r === 'OPERATOR' || r === 'ADMIN')
	const isProvincial = !isOperator && user?.roles.includes('PROVINCIAL_OPERATOR')
	const isBroker = user?.roles.some((r) => r === 'BROKER' || r === 'ADMIN')
	return (
		<header className="site-header">
			<div className="site-header__inner">
				<Link to="/" className="brand" aria-label={t('brand.home')}>
					<span className="brand__mark" aria-hidden="true">
						⟷
					</span>
					<span className="brand__name">Cầu Nối</span>
				</Link>
				<SearchBox initial={location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : ''} />
				<nav aria-label={t('nav.main')} className="main-nav">
					<NavLink to="/offers">{t('nav.offers')}</NavLink>
					<NavLink to="/demands">{t('nav.demands')}</NavLink>
					<NavLink to="/task-results">{t('taskResults.nav')}</NavLink>
					<NavLink to="/experts">{t('experts.nav')}</NavLink>
					<NavLink to="/organisations">{t('nav.organisations')}</NavLink>
					{user ? <NavLink to="/deals">{t('deals.nav')}</NavLink> : null}
					{user ? <ChatNavLink initialUnread={chatUnread} userId={user.id} /> : null}
					{isBroker ? <NavLink to="/broker/matches">{t('matching.broker.nav')}</NavLink> : null}
					{isOperator ? <NavLink to="/operator">{t('nav.operator')}</NavLink> : null}
					{isProvincial ? <NavLink to="/operator/stats">{t('stats.nav')}</NavLink> : null}
				</nav>
				<div className="header-actions">
					<Form method="post" action="/set-locale" className="locale-switch">
						<input type="hidden" name="redirectTo" value={here} />
						<button
							type="submit"
							name="locale"
							value={locale === 'vi' ? 'en' : 'vi'}
							lang={locale === 'vi' ? 'en' : 'vi'}
							aria-label={t('nav.switchLanguage')}
							data-testid="locale-switch"
						>
							{locale === 'vi' ? 'EN' : 'VI'}
						</button>
					</Form>
					{user ? (
						<>
							<NotificationBell initialUnread={unread} />
							<details className="account-menu">
								<summary data-testid="account-menu">
									<span className="avatar" aria-hidden="true">
										{user.name.trim().split(/\s+/).pop()?.[0] ?? '?'}
									</span>
									<span className="account-menu__name">{user.name}</span>
								</summary>
								<ul>
									<li>
										<Link to="/me">{t('nav.profile')}</Link>
									</li>
									{user.organisations.map((org) => (
										<li key={org.id}>
											<Link to={`/organisations/${org.slug}`}>{org.name}</Link>
										</li>
									))}
									<li>
										<Link to="/me/listings">{t('nav.myListings')}</Link>
									</li>
									<li>
										<Link to="/me/matches">{t('matching.nav')}</Link>
									</li>
									<li>
										<Link to="/me/notifications">{t('nav.notifications')}</Link>
									</li>
									<li>
										<Link to="/me/saved-searches">{t('search.saved.title')}</Link>
									</li>
									<li>
										<Form method="post" action="/logout">
											<button type="submit" className="link-button" data-testid="logout">
												{t('nav.logout')}
											</button>
										</Form>
									</li>
								</ul>
							</details>
						</>
					) : (
						<>
							<Link to={`/login?redirectTo=${encodeURIComponent(here)}`} className="button button--ghost">
								{t('nav.login')}
							</Link>
							<Link to="/register" className="button">
								{t('nav.register')}
							</Link>
						</>
					)}
				</div>
			</div>
		</header>
	)
}
