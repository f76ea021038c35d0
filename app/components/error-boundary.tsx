import { useTranslation } from 'react-i18next'
import { isRouteErrorResponse, Link, useRouteError } from 'react-router'

function messageKey(status: number) {
	if (status === 404) return 'errors.notFound'
	if (status === 403) return 'errors.forbidden'
	if (status === 401) return 'errors.unauthorized'
	if (status === 429) return 'errors.tooManyRequests'
	if (status >= 400 && status < 500) return 'errors.badRequest'
	return 'errors.server'
}

/** Translated 4xx/5xx page used by every route's ErrorBoundary. */
export function GeneralErrorBoundary() {
	const error = useRouteError()
	const { t } = useTranslation()
	const status = isRouteErrorResponse(error) ? error.status : 500
	const detail =
		isRouteErrorResponse(error) && typeof error.data?.message === 'string' && error.data.message.includes('.')
			? t(error.data.message as 'errors.server', { defaultValue: '' })
			: ''
	if (status >= 500 && typeof document === 'undefined') console.error(error)
	return (
		<section className="error-page" role="alert">
			<p className="error-status">{status}</p>
			<h1>{t(messageKey(status))}</h1>
			{detail && detail !== t(messageKey(status)) ? <p>{detail}</p> : null}
			<p>
				<Link to="/">{t('errors.backHome')}</Link>
			</p>
		</section>
	)
}
