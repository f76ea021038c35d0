import type { Route } from './+types/download'
import { statsDownload } from '~/stats/page.server'
import { getUser } from '~/utils/auth.server'

/** GET /stats/download?figure=<id>|all&format=csv|xlsx&<filters>: a public figure as the page shows it. */
export async function loader({ request, context }: Route.LoaderArgs) {
	return statsDownload(request, context, { audience: 'public', user: await getUser(request), lockedProvince: null })
}
