import { data, redirect } from 'react-router'
import type { Route } from './+types/claim'
import { releaseClaim, requestClaim } from '~/models/expert-claim.server'
import { ExpertProfileError } from '~/models/expert.server'
import { requireUser } from '~/utils/auth.server'
import { clientIp } from '~/utils/http.server'
import { consume } from '~/utils/rate-limit.server'

/** Nothing to show, and a GET never claims anything: back to the profile. */
export async function loader({ params }: Route.LoaderArgs) {
	return redirect(`/experts/${encodeURIComponent(params.id)}`)
}

/**
 * POST /experts/:id/claim: intent=request (the default) mails a claim link to the profile's
 * address; intent=release (operators) unlinks the claimant. Answers with a 303 back to the profile
 * carrying `claim=sent|released` or `claimError=<i18n key>`; a missing profile is a 404, a
 * release by anyone but an operator a 403.
 */
export async function action({ request, params }: Route.ActionArgs) {
	const user = await requireUser(request)
	await consume('writeUser', user.id)
	const expertId = params.id
	const profile = `/experts/${encodeURIComponent(expertId)}`
	const intent = String((await request.formData()).get('intent') ?? 'request')
	const meta = { ip: clientIp(request) }
	try {
		if (intent === 'release') {
			await releaseClaim(user, expertId, meta)
			return redirect(`${profile}?claim=released`, { status: 303 })
		}
		if (intent !== 'request') throw data({ message: 'errors.badRequest' }, { status: 400 })
		await requestClaim(user, expertId, process.env.APP_URL ?? new URL(request.url).origin, meta)
		return redirect(`${profile}?claim=sent`, { status: 303 })
	} catch (error) {
		if (!(error instanceof ExpertProfileError)) throw error
		if (error.status === 404 || error.status === 403) throw data({ message: error.code }, { status: error.status })
		return redirect(`${profile}?claimError=${encodeURIComponent(error.code)}`, { status: 303 })
	}
}
