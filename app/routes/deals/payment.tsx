import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/payment'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { paymentPage } from '~/deals/page.server'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { requireUser } from '~/utils/auth.server'
import { formatDateTime, formatVnd } from '~/utils/format'
import { invariantResponse } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'deals.payments.pageTitle')

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const page = await paymentPage(user, params.id, params.paymentId)
	invariantResponse(page, 'deals.payments.errors.notFound', { status: 404 })
	return { ...page, locale: getLocale(context) as AppLocale }
}

export default function PaymentPage({ loaderData: d }: Route.ComponentProps) {
	const { t } = useTranslation()
	const { payment, bank, locale } = d
	return (
		<div className="page narrow" data-testid="payment-page">
			<p>
				<Link to={`/deals/${payment.deal.id}`}>{t('deals.payments.backToDeal', { code: payment.deal.code })}</Link>
			</p>
			<h1>{t('deals.payments.pageTitle')}</h1>
			<p className="lead">
				{payment.milestone.title} · <strong>{formatVnd(payment.amount, locale)}</strong>
			</p>
			<p>
				<span className="badge" data-testid="payment-status">
					{t(`deals.payments.statuses.${payment.status}`)}
				</span>
				{payment.paidAt ? <span className="muted"> {formatDateTime(payment.paidAt, locale)}</span> : null}
			</p>
			{bank ? (
				<section className="card stack" data-testid="vietqr">
					<h2>{t('deals.payments.bankTitle')}</h2>
					{bank.demo ? (
						<p className="notice" role="note">
							{t('deals.payments.demoAccount')}
						</p>
					) : null}
					<p>{t('deals.payments.scan')}</p>
					{/* The SVG is made on the server by the qrcode library from our own payload: no user text inside. */}
					<div className="qr" role="img" aria-label={t('deals.payments.qrLabel')} dangerouslySetInnerHTML={{ __html: bank.svg }} />
					<dl className="facts">
						<dt>{t('deals.payments.bankBin')}</dt>
						<dd>{bank.bankBin}</dd>
						<dt>{t('deals.payments.account')}</dt>
						<dd data-testid="bank-account">{bank.accountNumber}</dd>
						<dt>{t('deals.payments.accountName')}</dt>
						<dd>{bank.accountName}</dd>
						<dt>{t('deals.payments.amount')}</dt>
						<dd>{formatVnd(payment.amount, locale)}</dd>
						<dt>{t('deals.payments.reference')}</dt>
						<dd>
							<code data-testid="transfer-reference">{payment.reference}</code>
						</dd>
					</dl>
					<p className="field-hint">{t('deals.payments.referenceHint', { reference: payment.reference })}</p>
					<details>
						<summary>{t('deals.payments.payloadTitle')}</summary>
						<code className="prewrap" data-testid="vietqr-payload">
							{bank.payload}
						</code>
					</details>
					<p className="muted">{t('deals.payments.afterTransfer')}</p>
				</section>
			) : payment.provider === 'STRIPE' && payment.status === 'PENDING' && payment.checkoutUrl ? (
				<p>
					<a className="button" href={payment.checkoutUrl}>
						{t('deals.payments.continueStripe')}
					</a>
				</p>
			) : null}
			{payment.status === 'PAID' || payment.status === 'REFUNDED' ? (
				<p>
					<Link to={`/deals/${payment.deal.id}/payments/${payment.id}/receipt`}>{t('deals.payments.receipt')}</Link>
				</p>
			) : null}
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
