import { data, redirect } from 'react-router'
import { claimMatch, MatchError, releaseMatch } from '~/models/match.server'
import { requireRole } from '~/utils/auth.server'
import { invariantResponse } from '~/utils/http.server'
import { consume } from '~/utils/rate-limit.server'

/** Claim or give back a pair: the one in the URL (the side-by-side page) or the form's `matchId` (the queue). */
export async function brokerAction(request: Request, matchIdInUrl?: string) {
	const user = await requireRole(request, 'BROKER')
	await consume('writeUser', user.id)
	const formData = await request.formData()
	const matchId = matchIdInUrl ?? String(formData.get('matchId') ?? '')
	const intent = formData.get('intent')
	invariantResponse(matchId && (intent === 'claim' || intent === 'release'), 'errors.badRequest', { status: 400 })
	try {
		if (intent === 'claim') await claimMatch(user.id, matchId)
		else await releaseMatch(user.id, matchId)
		return redirect(`/broker/matches/${matchId}?done=${intent === 'claim' ? 'claimed' : 'released'}`)
	} catch (error) {
		if (error instanceof MatchError) return data({ error: error.key }, { status: error.status })
		throw error
	}
}

