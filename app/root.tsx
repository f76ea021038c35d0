import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { data, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from 'react-router'
import type { Route } from './+types/root'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { SiteFooter } from '~/components/site-footer'
import { SiteHeader } from '~/components/site-header'
import { getLocale, i18nextMiddleware, localeCookie } from '~/middleware/i18next.server'
import { totalUnread } from '~/models/chat.server'
import { unreadCount } from '~/models/notification.server'
import { getUser } from '~/utils/auth.server'
import { getPublicEnv } from '~/utils/env.server'
import { useNonce } from '~/utils/nonce'
import stylesUrl from '~/styles/app.css?url'

export const middleware: Route.MiddlewareFunction[] = [i18nextMiddleware]

export const links: Route.LinksFunction = () => [
	{ rel: 'stylesheet', href: stylesUrl },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request, context }: Route.LoaderArgs) {
	const locale = getLocale(context)
	const user = await getUser(request)
	const [unread, chatUnread] = user ? await Promise.all([unreadCount(user.id), totalUnread(user.id)]) : [0, 0]
	return data(
		{
			locale,
			user: user
				? {
						id: user.id,
						name: user.name,
						email: user.email,
						roles: user.roles,
						organisations: user.memberships.map((m) => ({ ...m.organisation, role: m.role })),
					}
				: null,
			unread,
			/** Unread chat messages over all the user's rooms (the header's "Tin nhắn" badge). */
			chatUnread,
			env: getPublicEnv(),
		},
		{ headers: { 'Set-Cookie': await localeCookie.serialize(locale) } },
	)
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>['data']

/** Root data from any component: the user, the locale, the unread count. */
export function useRootData() {
	return useRouteLoaderData<typeof loader>('root')
}

export function Layout({ children }: { children: React.ReactNode }) {
	const { i18n } = useTranslation()
	const nonce = useNonce()
	return (
		<html lang={i18n.language} dir={i18n.dir(i18n.language)}>
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<Meta />
				<Links nonce={nonce} />
			</head>
			<body>
				{children}
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	)
}

export default function App({ loaderData }: Route.ComponentProps) {
	const { i18n } = useTranslation()
	useEffect(() => {
		if (i18n.language !== loaderData.locale) void i18n.changeLanguage(loaderData.locale)
	}, [loaderData.locale, i18n])
	return (
		<div className="app">
			<a href="#main" className="skip-link">
				{i18n.t('nav.skipToContent')}
			</a>
			<SiteHeader user={loaderData.user} unread={loaderData.unread} chatUnread={loaderData.chatUnread} locale={loaderData.locale} />
			<main id="main" className="main">
				<Outlet />
			</main>
			<SiteFooter />
		</div>
	)
}

export function ErrorBoundary() {
	return (
		<div className="app">
			<main id="main" className="main">
				<GeneralErrorBoundary />
			</main>
		</div>
	)
}
