import { redirect } from 'react-router'
import type { Route } from './+types/stats-proposal'
import type { AppLocale } from '~/locales'
import { getLocale } from '~/middleware/i18next.server'
import { statsQuery } from '~/stats/filters'
import { requireStatsOperator, scopedFilters } from '~/stats/page.server'
import { buildProposal, proposalBaseUrl, proposalResponse, ProposalError, readProposalForm } from '~/stats/proposal.server'
import { consume } from '~/utils/rate-limit.server'

/**
 * POST /operator/stats/proposal?<filters>: the chosen unmet demands as a task proposal file. A
 * refused export goes back to the statistics with the message and everything chosen and typed.
 */
export async function action({ request, context }: Route.ActionArgs) {
	const access = await requireStatsOperator(request)
	await consume('writeUser', access.user!.id)
	const locale = getLocale(context) as AppLocale
	const filters = scopedFilters(request, access)
	const values = readProposalForm(await request.formData())
	try {
		const proposal = await buildProposal(values, filters, locale, proposalBaseUrl(request))
		return await proposalResponse(proposal, values.format, locale)
	} catch (error) {
		if (!(error instanceof ProposalError)) throw error
		const echo = new URLSearchParams(statsQuery(filters).slice(1))
		echo.set('proposalError', error.key)
		for (const [k, v] of Object.entries(error.params)) echo.set(`p.${k}`, String(v))
		for (const id of values.demand.slice(0, 200)) echo.append('demand', id)
		if (values.title) echo.set('title', values.title.slice(0, 300))
		if (values.field) echo.set('proposalField', values.field)
		if (values.format) echo.set('format', values.format.slice(0, 10))
		return redirect(`/operator/stats?${echo.toString()}#proposal`, 303)
	}
}

export function loader() {
	return redirect('/operator/stats')
}
