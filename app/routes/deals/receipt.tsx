import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/receipt'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { loadReceipt, receiptLines } from '~/payments/receipt.server'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'deals.receipt.title')

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const receipt = await loadReceipt(user, params.id, params.paymentId)
	invariantResponse(receipt, 'deals.payments.errors.notFound', { status: 404 })
	const locale = getLocale(context) as AppLocale
	return { lines: receiptLines(receipt, locale), number: receipt.number, dealId: params.id, paymentId: params.paymentId }
}

/** A printable receipt: the print style sheet hides the site's header and footer. */
export default function ReceiptPage({ loaderData: d }: Route.ComponentProps) {
	const { t } = useTranslation()
	return (
		<article className="page narrow receipt" data-testid="receipt">
			<p className="no-print actions-row">
				<Link to={`/deals/${d.dealId}`}>{t('deals.detail.back')}</Link>
				<a href={`/deals/${d.dealId}/payments/${d.paymentId}/receipt.pdf`} className="button button--ghost" data-testid="receipt-pdf">
					{t('deals.receipt.pdf')}
				</a>
			</p>
			<h1>{d.lines.title}</h1>
			<div className="grid-2">
				{d.lines.parties.map(([label, value]) => (
					<section key={label}>
						<h2>{label}</h2>
						<p className="prewrap">{value}</p>
					</section>
				))}
			</div>
			<dl className="facts">
				{d.lines.facts.map(([label, value]) => (
					<div key={label}>
						<dt>{label}</dt>
						<dd>{value}</dd>
					</div>
				))}
			</dl>
			<p className="muted">{d.lines.note}</p>
		</article>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
