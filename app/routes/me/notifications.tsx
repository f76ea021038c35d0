import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/notifications'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Pagination } from '~/components/pagination'
import { getFixedT } from '~/emails/i18n.server'
import { getLocale } from '~/middleware/i18next.server'
import { defaultLocale, intlLocale, isLocale } from '~/locales'
import { listNotifications, markRead, renderNotificationText } from '~/models/notification.server'
import { requireUser } from '~/utils/auth.server'
import { safeRedirectPath } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

const PageSchema = z.coerce.number().int().min(1).max(100_000).catch(1)

// Several forms on the page, told apart by intent; `page` brings the reader back where they were.
const ReadSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('read'), id: z.string().min(1).max(64), page: PageSchema.optional() }),
	z.object({ intent: z.literal('read-all'), page: PageSchema.optional() }),
])

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'notifications.page.title')

export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const page = PageSchema.parse(new URL(request.url).searchParams.get('page') ?? 1)
	const list = await listNotifications(user.id, { page })
	// Rendered here, in the reader's current language, from the stored kind and parameters.
	const requested = getLocale(context)
	const locale = isLocale(requested) ? requested : defaultLocale
	const t = getFixedT(locale)
	const dateFormat = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' })
	return {
		items: list.items.map((n) => ({
			id: n.id,
			...renderNotificationText(t, n.kind, n.params),
			link: safeRedirectPath(n.link, '') || null,
			read: n.readAt !== null,
			createdAt: n.createdAt.toISOString(),
			when: dateFormat.format(n.createdAt),
		})),
		page: list.page,
		pages: list.pages,
		unread: list.unread,
	}
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireUser(request)
	const submission = parseWithZod(await request.formData(), { schema: ReadSchema })
	if (submission.status !== 'success') throw data({ message: 'errors.badRequest' }, { status: 400 })
	const { value } = submission
	await markRead(user.id, value.intent === 'read-all' ? 'all' : [value.id])
	const page = value.page ?? 1
	return redirect(page > 1 ? `/me/notifications?page=${page}` : '/me/notifications')
}

export default function NotificationsPage({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const navigation = useNavigation()
	const busy = navigation.state !== 'idle' && navigation.formMethod === 'POST'
	const { items, page, pages, unread } = loaderData
	return (
		<div className="page">
			<div className="page-head">
				<div>
					<h1>{t('notifications.page.heading')}</h1>
					<p className="muted" role="status" data-testid="notifications-summary">
						{unread > 0 ? t('notifications.page.unreadSummary', { count: unread }) : t('notifications.page.allRead')}
					</p>
				</div>
				<div className="actions-row">
					{unread > 0 ? (
						<Form method="post">
							<input type="hidden" name="page" value={page} />
							<button type="submit" name="intent" value="read-all" className="button" disabled={busy} data-testid="mark-all-read">
								{t('notifications.page.markAllRead')}
							</button>
						</Form>
					) : null}
					<Link to="/me/notifications/settings" className="button button--ghost">
						{t('notifications.page.settings')}
					</Link>
				</div>
			</div>

			{items.length === 0 ? (
				<p className="empty">{t('notifications.page.empty')}</p>
			) : (
				<ol className="notification-list" data-testid="notification-list">
					{items.map((n) => (
						<li key={n.id} className={n.read ? undefined : 'unread'} data-testid="notification" data-unread={n.read ? undefined : 'true'}>
							<p className="meta-line">
								{n.read ? null : <span className="badge">{t('notifications.page.unread')}</span>}{' '}
								<time dateTime={n.createdAt} className="muted">
									{n.when}
								</time>
							</p>
							<h2 className="notification__title">{n.link ? <Link to={n.link}>{n.title}</Link> : n.title}</h2>
							{n.body ? <p>{n.body}</p> : null}
							{n.read ? null : (
								<Form method="post">
									<input type="hidden" name="id" value={n.id} />
									<input type="hidden" name="page" value={page} />
									<button type="submit" name="intent" value="read" className="link-button" disabled={busy} data-testid="mark-read">
										{t('notifications.page.markRead')}
										<span className="visually-hidden">: {n.title}</span>
									</button>
								</Form>
							)}
						</li>
					))}
				</ol>
			)}
			<Pagination page={page} pages={pages} />
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
