import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { data, redirect } from 'react-router'
import type { Route } from './+types/edit'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { OrganisationForm } from '~/components/organisation-form'
import { getLocale } from '~/middleware/i18next.server'
import { canManage, getOrganisationBySlug, membershipRole, updateOrganisation } from '~/models/organisation.server'
import { organisationServerSchema } from '~/models/organisation-validation.server'
import { listProvinces } from '~/models/reference.server'
import { hasRole, requireUser } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import { consume } from '~/utils/rate-limit.server'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'organisations.form.editTitle')

async function requireManagedOrganisation(request: Request, slug: string) {
	const user = await requireUser(request)
	const organisation = await getOrganisationBySlug(slug)
	invariantResponse(organisation, 'errors.notFound', { status: 404 })
	invariantResponse(canManage(await membershipRole(user.id, organisation.id)), 'errors.forbidden', { status: 403 })
	return { user, organisation }
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const { user, organisation } = await requireManagedOrganisation(request, params.slug)
	return {
		organisation,
		provinces: await listProvinces(getLocale(context) as 'vi' | 'en'),
		allowAgency: hasRole(user, 'OPERATOR', 'ADMIN') || organisation.type === 'AGENCY',
	}
}

export async function action({ request, params }: Route.ActionArgs) {
	const { user, organisation } = await requireManagedOrganisation(request, params.slug)
	await consume('writeUser', user.id)
	const schema = organisationServerSchema({
		organisationId: organisation.id,
		allowAgency: hasRole(user, 'OPERATOR', 'ADMIN') || organisation.type === 'AGENCY',
	})
	const submission = await parseWithZod(await request.formData(), { schema, async: true })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	await updateOrganisation(user.id, organisation.id, submission.value)
	return redirect(`/organisations/${organisation.slug}?saved=1`)
}

export default function EditOrganisationPage({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const { organisation } = loaderData
	return (
		<section className="narrow card">
			<h1>{t('organisations.form.editTitle')}</h1>
			{organisation.verifiedAt ? <p className="notice">{t('organisations.form.identityNote')}</p> : null}
			<OrganisationForm
				provinces={loaderData.provinces}
				lastResult={actionData?.result}
				submitLabel={t('organisations.form.save')}
				allowAgency={loaderData.allowAgency}
				defaultValue={{
					name: organisation.name,
					shortName: organisation.shortName,
					type: organisation.type,
					taxCode: organisation.taxCode,
					provinceCode: organisation.provinceCode,
					address: organisation.address,
					website: organisation.website,
					email: organisation.email,
					phone: organisation.phone,
					description: organisation.description,
				}}
			/>
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
