import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

/** The bell with the unread count; the realtime client keeps the count live. */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
	const { t } = useTranslation()
	const unread = initialUnread
	return (
		<Link to="/me/notifications" className="bell" aria-label={t('nav.notificationsCount', { count: unread })} data-testid="bell">
			<span aria-hidden="true">🔔</span>
			{unread > 0 ? (
				<span className="bell__badge" data-testid="bell-count">
					{unread > 99 ? '99+' : unread}
				</span>
			) : null}
		</Link>
	)
}
