import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/mail-message'
import { formatMailDate as formatDate } from './mail-format'
import { requireMailboxAccess } from './mailbox.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { invariantResponse } from '~/utils/http.server'
import { readMailboxMessage } from '~/utils/mail.server'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'notifications.devMail.title')

/** http(s) URLs in the text version, so the links of a message can be followed from the page itself. */
function linksIn(text: string) {
	const found = text.match(/https?:\/\/[^\s<>"')]+/g) ?? []
	return [...new Set(found)].filter((href) => URL.canParse(href))
}

// Links in the sandboxed frame open in a new tab (the sandbox allows popups, not scripts).
function frameDocument(html: string) {
	const base = '<base target="_blank">'
	return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => head + base) : base + html
}

export async function loader({ request, params }: Route.LoaderArgs) {
	await requireMailboxAccess(request)
	const message = await readMailboxMessage(params.id)
	invariantResponse(message, 'errors.notFound', { status: 404 })
	return { message, links: linksIn(message.text) }
}

export default function DevMailMessagePage({ loaderData }: Route.ComponentProps) {
	const { t, i18n } = useTranslation()
	const { message, links } = loaderData
	return (
		<div className="page">
			<p>
				<Link to="/dev/mail">← {t('notifications.devMail.back')}</Link>
			</p>
			<h1 data-testid="mail-subject">{message.subject}</h1>
			<dl className="meta-list">
				<dt>{t('notifications.devMail.to')}</dt>
				<dd data-testid="mail-to">{message.to}</dd>
				<dt>{t('notifications.devMail.date')}</dt>
				<dd>
					<time dateTime={message.createdAt}>{formatDate(message.createdAt, i18n.language)}</time>
				</dd>
			</dl>
			{links.length > 0 ? (
				<section>
					<h2>{t('notifications.devMail.links')}</h2>
					<ul>
						{links.map((href) => (
							<li key={href}>
								<a href={href} data-testid="mail-link">
									{href}
								</a>
							</li>
						))}
					</ul>
				</section>
			) : null}
			<section>
				<h2>{t('notifications.devMail.html')}</h2>
				{/* Never inserted into the page: an opaque-origin frame with no scripts and no same-origin access. */}
				<iframe
					title={t('notifications.devMail.frameTitle')}
					sandbox="allow-popups allow-popups-to-escape-sandbox"
					srcDoc={frameDocument(message.html)}
					style={{ width: '100%', minHeight: '32rem', border: '1px solid #d5dbd8', borderRadius: '8px', background: '#fff' }}
					data-testid="mail-html"
				/>
			</section>
			<section>
				<h2>{t('notifications.devMail.text')}</h2>
				<pre style={{ whiteSpace: 'pre-wrap' }} data-testid="mail-text">
					{message.text}
				</pre>
			</section>
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
