import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, redirect } from 'react-router'
import type { Route } from './+types/new'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { OrganisationForm } from '~/components/organisation-form'
import { getLocale } from '~/middleware/i18next.server'
import { createOrganisation } from '~/models/organisation.server'
import { organisationServerSchema } from '~/models/organisation-validation.server'
import { listProvinces } from '~/models/reference.server'
import { hasRole, requireUser } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'
import { consume } from '~/utils/rate-limit.server'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'organisations.form.createTitle')

export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requireUser(request)
	return { provinces: await listProvinces(getLocale(context) as 'vi' | 'en'), allowAgency: hasRole(user, 'OPERATOR', 'ADMIN') }
}

export async function action({ request }: Route.ActionArgs) {
	const user = await requireUser(request)
	await consume('writeUser', user.id)
	const schema = organisationServerSchema({ allowAgency: hasRole(user, 'OPERATOR', 'ADMIN') })
	const submission = await parseWithZod(await request.formData(), { schema, async: true })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const organisation = await createOrganisation({ ...submission.value, ownerId: user.id })
	return redirect(`/organisations/${organisation.slug}`)
}

export default function NewOrganisationPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	return (
		<section className="narrow card">
			<h1>{t('organisations.form.createTitle')}</h1>
			<p className="lead">{t('organisations.form.createLead')}</p>
			<OrganisationForm
				provinces={loaderData.provinces}
				lastResult={actionData?.result}
				submitLabel={t('organisations.form.create')}
				allowAgency={loaderData.allowAgency}
			/>
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
