import type { Route } from './+types/stats-download'
import { requireStatsOperator, statsDownload } from '~/stats/page.server'

/** GET /operator/stats/download?figure=<id>|all&format=csv|xlsx&<filters>: an operator's figure, or all of them for statistical reporting. */
export async function loader({ request, context }: Route.LoaderArgs) {
	return statsDownload(request, context, await requireStatsOperator(request))
}
