import type { Route } from './+types/receipt-pdf'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { loadReceipt, receiptPdf } from '~/payments/receipt.server'
import { requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/http.server'

/** GET: the receipt as a PDF download; only the deal's parties may have it. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
	const user = await requireUser(request)
	const receipt = await loadReceipt(user, params.id, params.paymentId)
	invariantResponse(receipt, 'deals.payments.errors.notFound', { status: 404 })
	const pdf = await receiptPdf(receipt, getLocale(context) as AppLocale)
	return new Response(new Uint8Array(pdf), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `inline; filename="${receipt.number}.pdf"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
