import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/import-help'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ColumnReference, ExampleFiles } from '~/components/imports/column-reference'
import { requireRole } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'imports.columnsTitle')

export async function loader({ request }: Route.LoaderArgs) {
	await requireRole(request, 'OPERATOR')
	return null
}

export default function ImportHelp() {
	const { t } = useTranslation()
	return (
		<div className="stack">
			<section className="card">
				<p>
					<Link to="/operator/imports">← {t('imports.title')}</Link>
				</p>
				<h2>{t('imports.columnsTitle')}</h2>
				<p>{t('imports.columnsLead')}</p>
				<h3>{t('imports.upload.examples')}</h3>
				<ExampleFiles />
			</section>
			<ColumnReference kind="TASK_RESULTS" />
			<ColumnReference kind="EXPERTS" />
		</div>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
