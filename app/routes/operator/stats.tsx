import { useTranslation } from 'react-i18next'
import type { Route } from './+types/stats'
import { StatsFigures } from '~/components/stats/stats-page'
import { UnmetDemands, type ProposalEcho } from '~/components/stats/unmet-demands'
import { requireStatsOperator, statsPageData } from '~/stats/page.server'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'stats.operatorTitle')

/** GET /operator/stats: every figure, the gaps and the task proposal export; a provincial operator's are their province's. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const access = await requireStatsOperator(request)
	const data = await statsPageData(request, context, access)
	const search = new URL(request.url).searchParams
	// A refused proposal export comes back with what was chosen and typed (see stats/proposal route).
	const error = search.get('proposalError')
	const echo: ProposalEcho = {
		error: error && /^stats\.unmet\.errors\.\w+$/.test(error) ? error : null,
		params: Object.fromEntries([...search].filter(([k]) => k.startsWith('p.')).map(([k, v]) => [k.slice(2), v])),
		demand: search.getAll('demand'),
		title: search.get('title') ?? '',
		field: search.get('proposalField') ?? '',
		format: search.get('format') ?? '',
	}
	return { ...data, echo }
}

export default function OperatorStatsPage({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation()
	return (
		<div className="stack">
			<h2>{t('stats.operatorTitle')}</h2>
			<StatsFigures data={loaderData} basePath="/operator/stats">
				<UnmetDemands data={loaderData} echo={loaderData.echo} />
			</StatsFigures>
		</div>
	)
}
