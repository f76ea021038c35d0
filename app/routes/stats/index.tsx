import { useTranslation } from 'react-i18next'
import type { Route } from './+types/index'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { StatsFigures } from '~/components/stats/stats-page'
import { statsPageData } from '~/stats/page.server'
import { getUser } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'stats.publicTitle')

/** GET /stats: the public summary, for the country or one province. */
export async function loader({ request, context }: Route.LoaderArgs) {
	return statsPageData(request, context, { audience: 'public', user: await getUser(request), lockedProvince: null })
}

export default function PublicStatsPage({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslation()
	return (
		<div className="page">
			<h1>{t('stats.publicTitle')}</h1>
			<p className="lead">{t('stats.intro')}</p>
			<StatsFigures data={loaderData} basePath="/stats" />
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
