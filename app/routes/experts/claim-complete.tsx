import { useTranslation } from 'react-i18next'
import { data, Form, Link, redirect, useNavigation } from 'react-router'
import type { Route } from './+types/claim-complete'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { completeClaim, findClaim } from '~/models/expert-claim.server'
import { ExpertProfileError } from '~/models/expert.server'
import { requireUser } from '~/utils/auth.server'
import { clientIp } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import { consume } from '~/utils/rate-limit.server'

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, 'expertProfile.claim.title')

// The token is in the path: never hand it to another site in a Referer.
export const headers: Route.HeadersFunction = () => ({ 'Referrer-Policy': 'no-referrer' })

/** Visitors log in first and come back here; the page only looks, the POST confirms. */
export async function loader({ request, params }: Route.LoaderArgs) {
	const user = await requireUser(request)
	return { claim: await findClaim(params.token, user.id), error: null as string | null }
}

export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	await consume('writeUser', user.id)
	try {
		const { expertId } = await completeClaim(user, params.token, { ip: clientIp(request) })
		return redirect(`/experts/${expertId}/edit?claimed=1`, { status: 303 })
	} catch (error) {
		if (!(error instanceof ExpertProfileError)) throw error
		return data({ error: error.code }, { status: error.status })
	}
}

export default function ClaimCompletePage({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslation()
	const navigation = useNavigation()
	const { claim } = loaderData
	const error = actionData?.error
	return (
		<section className="narrow card" data-testid="expert-claim-complete">
			<h1>{t('expertProfile.claim.title')}</h1>
			{error ? (
				<p className="notice notice--error" role="alert">
					{t(error as 'expertProfile.errors.invalidLink')}
				</p>
			) : null}
			{claim.state === 'invalid' ? <p className="notice notice--error">{t('expertProfile.claim.invalid')}</p> : null}
			{claim.state === 'notYours' ? <p className="notice notice--error">{t('expertProfile.claim.notYours')}</p> : null}
			{claim.state === 'ready' ? (
				<>
					<p>{t('expertProfile.claim.lead', { name: claim.expertName })}</p>
					<Form method="post">
						<button type="submit" className="button" disabled={navigation.state === 'submitting'}>
							{t('expertProfile.claim.confirm')}
						</button>
					</Form>
				</>
			) : null}
			{claim.state !== 'invalid' ? (
				<p>
					<Link to={`/experts/${claim.expertId}`}>{t('expertProfile.claim.toProfile')}</Link>
				</p>
			) : null}
		</section>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
