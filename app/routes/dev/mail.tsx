import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/mail'
import { formatMailDate as formatDate } from './mail-format'
import { requireMailboxAccess } from './mailbox.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getEnv } from '~/utils/env.server'
import { listMailbox } from '~/utils/mail.server'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'notifications.devMail.title')

export async function loader({ request }: Route.LoaderArgs) {
	await requireMailboxAccess(request)
	return { messages: await listMailbox(), dir: `${getEnv().DATA_DIR}/mail` }
}

export default function DevMailboxPage({ loaderData }: Route.ComponentProps) {
	const { t, i18n } = useTranslation()
	const { messages, dir } = loaderData
	return (
		<div className="page">
			<h1>{t('notifications.devMail.heading')}</h1>
			<p className="lead">{t('notifications.devMail.lead', { dir })}</p>
			{messages.length === 0 ? (
				<p className="empty">{t('notifications.devMail.empty')}</p>
			) : (
				<div className="table-wrap">
					<table className="table" data-testid="mailbox">
						<thead>
							<tr>
								<th scope="col">{t('notifications.devMail.date')}</th>
								<th scope="col">{t('notifications.devMail.to')}</th>
								<th scope="col">{t('notifications.devMail.subject')}</th>
							</tr>
						</thead>
						<tbody>
							{messages.map((message) => (
								<tr key={message.id} data-testid="mailbox-message">
									<td>
										<time dateTime={message.createdAt}>{formatDate(message.createdAt, i18n.language)}</time>
									</td>
									<td>{message.to}</td>
									<td>
										<Link to={`/dev/mail/${message.id}`}>{message.subject}</Link>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
